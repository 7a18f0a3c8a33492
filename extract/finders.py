"""Finders: matchers written as code where a pattern would not do (place names from the gazetteer).

A finder takes the scope text, the document and the rule, and yields (start, end, groups); rules
name it with `finder = "<name>"`. Each finder's value group is called `value`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from extract.document import Document
from extract.match import Group
from extract.ruleset import Rule

Found = Iterator[tuple[int, int, dict[str, Group]]]
Finder = Callable[[str, Document, Rule], Found]


@lru_cache(maxsize=4)
def _places(text: str) -> tuple[Any, ...]:
    """The gazetteer's mentions in `text`, computed once per text however many rules ask."""
    from extract.gazetteer import Gazetteer

    return tuple(Gazetteer.load().find_places(text))


def find_place_mentions(text: str, doc: Document, rule: Rule) -> Found:
    """Every place name of the gazetteer; `data` holds the PlaceMention with its candidates."""
    levels = set(rule.options.get("levels", []))
    for m in _places(text):
        if levels and not levels & {c.level for c in m.candidates}:
            continue
        yield m.start, m.end, {"value": Group(m.text, m.start, m.end, m)}


FINDERS: dict[str, Finder] = {"places": find_place_mentions}
