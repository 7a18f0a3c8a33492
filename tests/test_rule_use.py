"""scripts/rule_use.py: per rule, the articles it gives a value to and those whose record needs it;
a split's other part never read. The articles below are invented for the test."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import load_script

ROOT = Path(__file__).resolve().parent.parent

HELD = "星河区召开联席会议\n5月6日,星河区白沙街道在长河社区举行党建联席会议。\n"
SIGNED = "甲乙公司与丙丁学院开展校企合作\n6月2日,甲乙公司与丙丁学院签订校企合作协议。\n"


@pytest.fixture(scope="module")
def rule_use() -> ModuleType:
    return load_script("rule_use")


def test_counts_and_needs(rule_use: ModuleType, tmp_path: Path) -> None:
    from extract.resolve.registry import default_ruleset

    (tmp_path / "a1.txt").write_text(HELD, encoding="utf-8")
    (tmp_path / "a2.txt").write_text(SIGNED, encoding="utf-8")
    ruleset = default_ruleset()
    uses, sizes, records = rule_use.measure([rule_use.ArticleSet("real", tmp_path, None)], ruleset)
    assert sizes == {"real": 2}
    assert uses["venue.at_before_held"].valued == {"real": {"a1"}}
    assert uses["signed_projects.parties_then_agreement"].valued == {"real": {"a2"}}
    assert uses["title.first_line"].valued == {"real": {"a1", "a2"}}
    few = rule_use.few_real(uses, ["real"], 1)
    assert "venue.at_before_held" in few and "title.first_line" not in few
    assert "venue.at_before_held" not in rule_use.few_real(uses, ["real"], 0)
    rule_use.ablate("venue.at_before_held", uses["venue.at_before_held"], ruleset, records)
    assert uses["venue.at_before_held"].changed == {"real": {"a1"}}


def test_split_keeps_other_part_unread(rule_use: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "t1.txt").write_text(HELD, encoding="utf-8")
    (tmp_path / "u1.txt").write_bytes(b"\xff\xfe not read")  # would fail or count if it were read
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"tune": ["t1"], "unseen": ["u1"]}), encoding="utf-8")
    chosen = rule_use.ArticleSet.parse(f"tune={tmp_path}:{split}:tune")
    assert [a.doc_id for a in chosen.articles()] == ["t1"]
