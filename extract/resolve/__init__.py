"""Resolvers turn a field's matches into values. Each is registered by the name rule files use.

A resolver receives the context (document, publication date, values resolved so far), the field's
spec and its matches (best first) and returns items: a value and the evidence behind it. The
project's rule set, wired to these resolvers and to the finders, is extract.resolve.registry.

May import extract.base, extract.text, extract.reading and extract.rules_engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from extract.rules_engine.document import Document
from extract.rules_engine.match import Group, Match
from extract.rules_engine.ruleset import DEFAULT_READS, FieldSpec


@dataclass(frozen=True)
class Proof:
    """One piece of evidence in normalised offsets: `sub` is '' or an attribute path such as '.title'."""

    sub: str
    start: int
    end: int
    rule: str


@dataclass
class Item:
    value: Any  # a string, or a dict for object fields
    proofs: list[Proof] = field(default_factory=list)


@dataclass
class Context:
    doc: Document
    published: date | None = None
    results: dict[str, list[Item]] = field(default_factory=dict)
    notes: dict[str, Any] = field(default_factory=dict)  # decisions resolvers share (one place decision)

    def scalar(self, name: str) -> Item | None:
        items = self.results.get(name) or []
        return items[0] if items else None


Resolver = Callable[[Context, FieldSpec, Iterable[Match]], list[Item]]
RESOLVERS: dict[str, Resolver] = {}
READS: dict[str, tuple[str, ...]] = {}  # resolver -> the groups it reads, one of which a pattern needs


def resolver(name: str, reads: tuple[str, ...] = DEFAULT_READS) -> Callable[[Resolver], Resolver]:
    def register(fn: Resolver) -> Resolver:
        if name in RESOLVERS:
            raise ValueError(f"resolver {name!r} registered twice")
        RESOLVERS[name] = fn
        READS[name] = reads
        return fn

    return register


def proof(group: Group, rule_id: str, sub: str = "") -> Proof:
    return Proof(sub, group.start, group.end, rule_id)


# Registration happens on import; the modules are imported here so the registry is complete.
from extract.resolve import event_date as event_date  # noqa: E402
from extract.resolve import generic as generic  # noqa: E402
from extract.resolve import headline as headline  # noqa: E402
from extract.resolve import objects as objects  # noqa: E402
from extract.resolve import people as people  # noqa: E402
from extract.resolve import places as places  # noqa: E402
