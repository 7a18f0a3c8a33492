"""Run rules over a document and yield their matches. The engine knows rules, not fields."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import regex

from extract.base import budget
from extract.base.timing import stage
from extract.rules_engine.document import Document
from extract.rules_engine.finders import FINDERS
from extract.rules_engine.match import Group, Match
from extract.rules_engine.prefilter import holds
from extract.rules_engine.prefilter import needs as needs_of
from extract.rules_engine.ruleset import Anchor, Rule

REGEX_TIMEOUT = 2.0  # seconds per pattern per article; past it the article fails, never hangs


class RuleTimeout(Exception):
    """A pattern ran past its time limit on one article."""


def windows(rule: Rule, text: str, timeout: float | None = REGEX_TIMEOUT) -> list[tuple[int, int]]:
    """Where the rule's pattern may match in a text that holds the words it needs (`may_match`): the
    whole text, or, for a rule with an anchor, the merged windows around the anchor's hits. A
    pattern that opens with a character class tries every position of the text; its anchor (a post
    title, a station word) is found in one quick pass. A window lacking a word the pattern cannot
    match without (extract/rules_engine/prefilter.py) is left out."""
    end = len(text)
    if rule.anchor is None:
        return [(0, end)]
    needs = needs_of(rule.pattern)
    before, after = rule.window
    spans: list[tuple[int, int]] = []
    last = -1
    for hit_start, hit_end in _anchor_hits(rule.anchor, text, timeout):
        start = hit_start - before if hit_start > before else 0
        stop = hit_end + after if hit_end + after < end else end
        if start <= last:
            last = stop if stop > last else last
            spans[-1] = (spans[-1][0], last)
        else:
            spans.append((start, stop))
            last = stop
    if needs:
        return [(a, b) for a, b in spans if holds(text, needs, a, b)]
    return spans


@lru_cache(maxsize=64)
def _anchor_hits(anchor: Anchor, text: str, timeout: float | None) -> tuple[tuple[int, int], ...]:
    if isinstance(anchor, regex.Pattern):
        return tuple([m.span() for m in anchor.finditer(text, timeout=timeout)])
    return tuple([m.span() for m in anchor.finditer(text)])  # an `re` anchor: plain words, no backtracking


def _pattern_matches(rule: Rule, text: str) -> list[Match]:
    assert rule.pattern is not None
    watched = budget.watched()
    if watched:
        # The budget's timer stops the pattern past its limit (extract/base/budget.py): `regex`
        # gets none, since its own limit reads the process clock, a system call here, every 256
        # steps of its engine and at every match (a seventh of the pipeline's time).
        timeout = None
        budget.start_step(REGEX_TIMEOUT)
    else:
        # No more time than the article has left, where that is less.
        left = budget.remaining()
        timeout = REGEX_TIMEOUT if left is None else max(0.0, min(REGEX_TIMEOUT, left))
    try:
        found: list[Match] = []
        spans = windows(rule, text, timeout)
        if spans:
            names = _group_numbers(rule.pattern)
            if watched and rule.twin is not None:
                # The twin in `re` (extract/rules_engine/twin.py): the same matches, sooner. `re`
                # takes no time limit; the timer stops it as it stops `regex`.
                twin = rule.twin.finditer
                hits: Iterator[regex.Match[str] | re.Match[str]] = (
                    m for start, end in spans for m in twin(text, start, end)
                )
            else:
                finditer = rule.pattern.finditer
                hits = (m for start, end in spans for m in finditer(text, start, end, timeout=timeout))
            for m in hits:
                found.append(Match(rule, m.start(), m.end(), _groups(m, names, text)))
        if watched:
            budget.end_step()
    except TimeoutError as e:
        budget.check()
        raise RuleTimeout(f"{rule.source} ran past its {REGEX_TIMEOUT}s time limit") from e
    return found


@lru_cache(maxsize=512)
def _group_numbers(pattern: regex.Pattern[str]) -> tuple[tuple[str, int], ...]:
    """The pattern's named groups and their numbers (two names may share one: `regex` gives a name
    used twice one group)."""
    return tuple(pattern.groupindex.items())


def _groups(
    m: regex.Match[str] | re.Match[str], names: tuple[tuple[str, int], ...], text: str
) -> dict[str, Group]:
    """The named groups that took part in the match and captured something."""
    if not names:
        return {}
    spans = m.regs
    out: dict[str, Group] = {}
    for name, i in names:
        start, end = spans[i]
        if end > start >= 0:
            out[name] = Group(text[start:end], start, end)
    return out


def may_match(rule: Rule, doc: Document) -> bool:
    """False where the rule's pattern cannot match: the text its scope names lacks a word the
    pattern needs (one search per clause of them, extract/rules_engine/prefilter.py). Asked before
    a rule runs, so that a rule turned away (more than half of those reached) costs those searches
    and nothing more: no budget steps, windows or anchor scan."""
    return rule.pattern is None or holds(doc.scope_text(rule.scope), needs_of(rule.pattern))


def run_rule(rule: Rule, doc: Document) -> list[Match]:
    """Every match of one rule in the text its scope names."""
    return _run(rule, doc) if may_match(rule, doc) else []


def _run(rule: Rule, doc: Document) -> list[Match]:
    """`run_rule` for a rule that `may_match`."""
    budget.check()
    text = doc.scope_text(rule.scope)
    if rule.finder is not None:
        return [
            Match(rule, start, end, groups) for start, end, groups in FINDERS[rule.finder](text, doc, rule)
        ]
    return _pattern_matches(rule, text)


def run_rules(rules: tuple[Rule, ...], doc: Document) -> Iterator[Match]:
    """Matches of all `rules`: first those of rules with a role (stop, reject), then the others by
    priority (highest first), each priority's matches by position.

    Lazily: a rule runs only when its priority is reached, so a resolver that stops at the first
    value it can use spares the rules below it (most articles state their date in the first way
    looked for). The rules with a role run when the first match of another rule is found, and
    not at all where none is: a stop or a veto gives no value, so with nothing to filter they
    change no record (resolve/generic.py `candidates`)."""
    levels: dict[int, list[Rule]] = {}
    roles: list[Rule] = []
    for rule in rules:
        if rule.options.get("role"):
            roles.append(rule)
        else:
            levels.setdefault(rule.priority, []).append(rule)
    waiting = True
    for priority in sorted(levels, reverse=True):
        with stage("extract"):
            found = [m for rule in levels[priority] if may_match(rule, doc) for m in _run(rule, doc)]
        if found and waiting:
            waiting = False
            with stage("extract"):
                ruled = [m for rule in roles if may_match(rule, doc) for m in _run(rule, doc)]
            yield from sorted(ruled, key=lambda m: (-m.rule.priority, m.start))
        yield from sorted(found, key=lambda m: m.start)


def match_text(rule: Rule, text: str) -> list[Match]:
    """Run one rule over a bare text (its examples): the text stands for page, head and body alike."""
    from extract.reading.article import Article
    from extract.rules_engine.document import Document as Doc
    from extract.text.normalise import normalise

    doc = Doc(Article(doc_id="example", source="<example>", raw=text), normalise(text), normalise(text).text)
    return run_rule(rule, doc)
