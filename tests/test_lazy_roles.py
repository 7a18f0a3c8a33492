"""Rules with a role (stop, reject) run only once another rule of their field has found something;
a rule whose text lacks a word its pattern needs is not run at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.reading.article import Article
from extract.rules_engine import engine
from extract.rules_engine.document import Document
from extract.rules_engine.engine import run_rules
from extract.rules_engine.rule_types import Rule
from extract.rules_engine.ruleset import load_ruleset
from extract.text.normalise import normalise

RULES = """[field]
name = "venue"
kind = "scalar"
resolver = "first"

[[rule]]
id = "venue.at"
pattern = '在(?P<value>\\p{Han}{2,8}?)举行'
examples = [{ text = "在大厦举行", value = "大厦" }]
counter = ["举行"]

[[rule]]
id = "venue.no_hall"
options = { role = "reject" }
pattern = '礼堂'
examples = [{ text = "礼堂", value = "" }]
counter = ["大厦"]
"""


def _doc(text: str) -> Document:
    norm = normalise(text)
    return Document(Article(doc_id="t", source="<t>", raw=text), norm, norm.text)


@pytest.fixture
def rules(tmp_path: Path) -> tuple[Rule, ...]:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "venue.toml").write_text(RULES, encoding="utf-8")
    return load_ruleset(tmp_path, finders=set(), resolvers={"first"}).rules["venue"]


def test_a_role_rule_waits_for_a_match_to_filter(rules: tuple[Rule, ...], rules_run: list[str]) -> None:
    assert list(run_rules(rules, _doc("礼堂里没有活动。"))) == []
    assert rules_run == ["venue.at"]


def test_role_matches_still_come_first(rules: tuple[Rule, ...], rules_run: list[str]) -> None:
    found = [m.rule.id for m in run_rules(rules, _doc("在礼堂举行。"))]
    assert found == ["venue.no_hall", "venue.at"]
    assert rules_run == ["venue.at", "venue.no_hall"]


def test_a_rule_lacking_a_needed_word_is_turned_away_unrun(
    rules: tuple[Rule, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[str] = []
    real = engine._run
    monkeypatch.setattr(engine, "_run", lambda rule, doc: ran.append(rule.id) or real(rule, doc))
    assert list(run_rules(rules, _doc("大厦里没有活动。"))) == []  # venue.at needs 在 and 举行
    assert ran == []
    assert [m.rule.id for m in run_rules(rules, _doc("在大厦举行。"))] == ["venue.at"]
    assert ran == ["venue.at"]
