"""An anchored rule finds exactly what a scan of the whole text finds, on every sample and dev article."""

from __future__ import annotations

import dataclasses

import pytest

from extract.reading.article import Article
from extract.resolve.registry import default_ruleset
from extract.rules_engine.engine import run_rule
from extract.running.pipeline import prepare

from .conftest import SEEDS

ANCHORED = [r for rules in default_ruleset().rules.values() for r in rules if r.anchor is not None]


@pytest.fixture(scope="module")
def documents() -> list:  # type: ignore[type-arg]
    paths = sorted((SEEDS / "articles").glob("*.txt")) + sorted((SEEDS / "dev" / "articles").glob("*.txt"))
    return [prepare(Article(p.stem, str(p), p.read_text(encoding="utf-8"))) for p in paths]


@pytest.mark.parametrize("rule", ANCHORED, ids=[r.id for r in ANCHORED])
def test_anchored_rule_equals_full_scan(rule, documents) -> None:  # type: ignore[no-untyped-def]
    unanchored = dataclasses.replace(rule, anchor=None)
    for doc in documents:
        fast = [(m.start, m.end, {k: g.value for k, g in m.groups.items()}) for m in run_rule(rule, doc)]
        full = [
            (m.start, m.end, {k: g.value for k, g in m.groups.items()}) for m in run_rule(unanchored, doc)
        ]
        assert fast == full, f"{rule.id} on {doc.article.doc_id}: the window {rule.window} is too narrow"
