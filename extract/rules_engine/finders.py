"""Finders: matchers written as code where a pattern would not do (place names from the gazetteer,
lines a page repeats).

A finder takes the scope text, the document and the rule, and yields (start, end, groups); rules
name it with `finder = "<name>"`. Each finder's value group is called `value`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from extract.rules_engine.document import Document
from extract.rules_engine.match import Group
from extract.rules_engine.ruleset import Rule
from extract.rules_engine.subjects import find_event_name_openers, find_event_subjects

Found = Iterator[tuple[int, int, dict[str, Group]]]
Finder = Callable[[str, Document, Rule], Found]


@lru_cache(maxsize=4)
def _places(text: str) -> tuple[Any, ...]:
    """The gazetteer's mentions in `text`, computed once per text however many rules ask."""
    from extract.text.gazetteer import Gazetteer

    return tuple(Gazetteer.load().find_places(text))


def find_place_mentions(text: str, doc: Document, rule: Rule) -> Found:
    """Every place name of the gazetteer; `data` holds the PlaceMention with its candidates."""
    levels = set(rule.options.get("levels", []))
    for m in _places(text):
        if levels and not levels & {c.level for c in m.candidates}:
            continue
        yield m.start, m.end, {"value": Group(m.text, m.start, m.end, m)}


_LEAD = " \t\u3000"  # blanks before a line's text
_TRAIL = " \t|"  # blanks and bars after it (`标题 | 某某网`)
_LINE_SIZES = range(8, 91)  # a headline's length in characters
_REPEAT_WITHIN = 400  # lines


def find_repeated_lines(text: str, doc: Document, rule: Rule) -> Found:
    """Lines whose text stands again, alone on a line, two to 400 lines further down: pages print
    the headline in their header and again over the article. A line's text is what lies between its
    leading blanks and its trailing blanks and bars; only texts of 8 to 90 characters count.

    Written as code: as a pattern it needs a back-reference tried against every later line."""
    lines: list[tuple[int, str]] = []  # (start in text, stripped text) of every line
    pos = 0
    for line in text.split("\n"):
        stripped = line.lstrip(_LEAD)
        lines.append((pos + len(line) - len(stripped), stripped.rstrip(_TRAIL)))
        pos += len(line) + 1
    later: dict[str, list[int]] = {}  # stripped text -> the indexes of the lines holding it
    for i, (_, value) in enumerate(lines):
        if len(value) in _LINE_SIZES:
            later.setdefault(value, []).append(i)
    for i, (start, value) in enumerate(lines):
        if len(value) not in _LINE_SIZES:
            continue
        if any(i + 2 <= j <= i + 1 + _REPEAT_WITHIN for j in later[value]):
            yield start, start + len(value), {"value": Group(value, start, start + len(value))}


FINDERS: dict[str, Finder] = {
    "places": find_place_mentions,
    "repeated_line": find_repeated_lines,
    "event_subjects": find_event_subjects,
    "event_name_openers": find_event_name_openers,
}
