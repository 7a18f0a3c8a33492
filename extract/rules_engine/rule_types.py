"""What a rule set is once loaded: its rules, its fields' specs, and the error a bad rule file raises."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import regex

SCOPES = ("body", "page", "head", "top", "head+body")
DEFAULT_READS = ("value",)  # the groups a resolver reads, unless it says otherwise


class RuleError(Exception):
    """A rule file that cannot be used: the message names the file, the line, the rule and the remedy."""


Anchor: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"


@dataclass(frozen=True)
class Example:
    text: str
    expect: dict[str, str]


@dataclass(frozen=True)
class Rule:
    id: str
    field: str
    source: str  # "file:line", for messages
    priority: int
    scope: str
    why: str
    pattern: regex.Pattern[str] | None
    finder: str | None
    anchor: Anchor | None  # a cheap pattern the match must lie near (see engine.py)
    window: tuple[int, int]  # characters before and after an anchor hit where the pattern may match
    options: dict[str, Any]
    examples: tuple[Example, ...]
    counter: tuple[str, ...]
    # The pattern in the standard library's `re`, where it means the same (extract/rules_engine/twin.py).
    twin: re.Pattern[str] | None = None


@dataclass(frozen=True)
class FieldSpec:
    """What a rule file says of its field: list or scalar, and the resolver that makes values of matches."""

    name: str
    kind: str  # "scalar" | "list"
    resolver: str
    order: int
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleSet:
    fields: tuple[FieldSpec, ...]
    rules: dict[str, tuple[Rule, ...]]  # field name -> its rules, in file order
    fragments: dict[str, str]

    def rule(self, rule_id: str) -> Rule:
        for rules in self.rules.values():
            for r in rules:
                if r.id == rule_id:
                    return r
        raise KeyError(rule_id)
