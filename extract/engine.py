"""Run rules over a document and yield their matches. The engine knows rules, not fields."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from extract.document import Document
from extract.finders import FINDERS
from extract.match import Group, Match
from extract.ruleset import Anchor, Rule

REGEX_TIMEOUT = 2.0  # seconds per pattern per article; past it the article fails, never hangs


class RuleTimeout(Exception):
    """A pattern ran past its time limit on one article."""


def windows(rule: Rule, text: str) -> list[tuple[int, int]]:
    """Where the rule's pattern may match: the whole text, or, for a rule with an anchor, the merged
    windows around the anchor's hits. A pattern that opens with a character class tries every
    position of the text; its anchor (a post title, a station word) is found in one quick pass."""
    if rule.anchor is None:
        return [(0, len(text))]
    before, after = rule.window
    spans: list[tuple[int, int]] = []
    for hit in _anchor_hits(rule.anchor, text):
        start, end = max(0, hit[0] - before), min(len(text), hit[1] + after)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


@lru_cache(maxsize=64)
def _anchor_hits(anchor: Anchor, text: str) -> tuple[tuple[int, int], ...]:
    if isinstance(anchor, regex.Pattern):
        return tuple([m.span() for m in anchor.finditer(text, timeout=REGEX_TIMEOUT)])
    return tuple([m.span() for m in anchor.finditer(text)])  # an `re` anchor: plain words, no backtracking


def _pattern_matches(rule: Rule, text: str) -> Iterator[Match]:
    assert rule.pattern is not None
    try:
        for start, end in windows(rule, text):
            yield from _matches_in(rule, rule.pattern, text, start, end)
    except TimeoutError as e:
        raise RuleTimeout(f"{rule.source} ran past its {REGEX_TIMEOUT}s time limit") from e


def _matches_in(rule: Rule, pattern: regex.Pattern[str], text: str, start: int, end: int) -> Iterator[Match]:
    for m in pattern.finditer(text, start, end, timeout=REGEX_TIMEOUT):
        groups = {
            name: Group(m.group(name), m.start(name), m.end(name))
            for name in pattern.groupindex
            if m.start(name) >= 0 and m.group(name)
        }
        yield Match(rule, m.start(), m.end(), groups)


def run_rule(rule: Rule, doc: Document) -> list[Match]:
    """Every match of one rule in the text its scope names."""
    text = doc.scope_text(rule.scope)
    if rule.finder is not None:
        return [
            Match(rule, start, end, groups) for start, end, groups in FINDERS[rule.finder](text, doc, rule)
        ]
    return list(_pattern_matches(rule, text))


def run_rules(rules: tuple[Rule, ...], doc: Document) -> list[Match]:
    """Matches of all `rules`, ordered by priority (highest first), then position."""
    matches = [m for rule in rules for m in run_rule(rule, doc)]
    matches.sort(key=lambda m: (-m.rule.priority, m.start))
    return matches


def match_text(rule: Rule, text: str) -> list[Match]:
    """Run one rule over a bare text (its examples): the text stands for page, head and body alike."""
    from extract.article import Article
    from extract.document import Document as Doc
    from extract.normalise import normalise

    doc = Doc(Article(doc_id="example", source="<example>", raw=text), normalise(text), normalise(text).text)
    return run_rule(rule, doc)
