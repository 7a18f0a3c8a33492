"""Run rules over a document and yield their matches. The engine knows rules, not fields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from extract.document import Document
from extract.ruleset import Rule

REGEX_TIMEOUT = 2.0  # seconds per pattern per article; past it the article fails, never hangs


@dataclass(frozen=True)
class Group:
    """A captured piece of text: its value, its span in the normalised text, anything a finder parsed."""

    value: str
    start: int
    end: int
    data: Any = None


@dataclass(frozen=True)
class Match:
    rule: Rule
    start: int
    end: int
    groups: dict[str, Group] = field(default_factory=dict)

    def value(self, name: str = "value") -> str | None:
        g = self.groups.get(name)
        return g.value if g else None


class RuleTimeout(Exception):
    """A pattern ran past its time limit on one article."""


def _pattern_matches(rule: Rule, text: str) -> Iterator[Match]:
    assert rule.pattern is not None
    try:
        for m in rule.pattern.finditer(text, timeout=REGEX_TIMEOUT):
            groups = {
                name: Group(m.group(name), m.start(name), m.end(name))
                for name in rule.pattern.groupindex
                if m.start(name) >= 0 and m.group(name)
            }
            yield Match(rule, m.start(), m.end(), groups)
    except TimeoutError as e:
        raise RuleTimeout(f"rule {rule.id} ({rule.source}) ran past {REGEX_TIMEOUT}s") from e


def run_rule(rule: Rule, doc: Document) -> list[Match]:
    """Every match of one rule in the text its scope names."""
    text = doc.scope_text(rule.scope)
    if rule.finder is not None:
        from extract.finders import FINDERS

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
