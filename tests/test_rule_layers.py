"""`--rules DIR`: a folder layered over ours. A rule with one of our ids replaces ours, a new file adds
a field, which lands in the record under `extra` with its evidence, and the layer's word lists
are fragments its patterns can use. No Python changes for any of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.base.rules_dir import LAYERS_ENV
from extract.cli import app

runner = CliRunner()

MEETING_TYPE = """
# The kind of meeting or ceremony the article reports.
[field]
name = "meeting_type"
kind = "list"
resolver = "collect"
order = 95

[[rule]]
id = "meeting_type.named_kind"
pattern = '(?P<value>{meeting_kind})'
why = "A kind of meeting named in the text is the meeting's type."
examples = [{ text = "某街道召开党建联席会议。", value = "联席会议" }]
counter = ["会议室开放"]
"""
KINDS = "联席会议\n揭牌仪式\n签约仪式\n峰会\n推进会\n"
ARTICLE = "某区举行党建峰会\n6月29日上午,某某街道在某某大厦举行区域化党建联席会议暨签约仪式。\n会后举行了揭牌仪式。\n"


@pytest.fixture(autouse=True)
def _no_layers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LAYERS_ENV, "")


@pytest.fixture
def layer(tmp_path: Path) -> Path:
    folder = tmp_path / "more_rules"
    (folder / "lexicon").mkdir(parents=True)
    (folder / "meeting_type.toml").write_text(MEETING_TYPE, encoding="utf-8")
    (folder / "lexicon" / "meeting_kind.txt").write_text(KINDS, encoding="utf-8")
    return folder


def run(tmp_path: Path, *options: str) -> dict:  # type: ignore[type-arg]
    article = tmp_path / "a1.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(article), "-o", str(out), "-w", "1", "--fresh", *options])
    assert result.exit_code == 0, result.output
    return json.loads((out / "a1.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_a_field_from_rules_alone_lands_under_extra_with_evidence(tmp_path: Path, layer: Path) -> None:
    record = run(tmp_path, "--rules", str(layer))
    assert record["extra"] == {"meeting_type": ["峰会", "联席会议", "签约仪式", "揭牌仪式"]}
    evidence = [e for e in record["evidence"] if e["field"].startswith("extra.")]
    assert [e["field"] for e in evidence] == [f"extra.meeting_type[{i}]" for i in range(4)]
    assert all(e["rule"] == "meeting_type.named_kind" for e in evidence)
    assert [ARTICLE[e["span"][0] : e["span"][1]] for e in evidence] == record["extra"]["meeting_type"]
    # The layer's field is checked like ours.
    check = runner.invoke(app, ["rules", "check", "--rules", str(layer)])
    assert check.exit_code == 0, check.output


def test_without_extra_fields_a_record_has_no_extra_key(tmp_path: Path, layer: Path) -> None:
    plain = run(tmp_path)
    layered = run(tmp_path, "--rules", str(layer))
    assert "extra" not in plain
    assert {k: v for k, v in layered.items() if k != "extra"} | {"evidence": plain["evidence"]} == plain


def test_a_rule_with_our_id_replaces_ours(tmp_path: Path, layer: Path) -> None:
    (layer / "venue.toml").write_text(
        """
[[rule]]
id = "venue.at_before_held"
pattern = '在某某(?P<value>大厦)'
examples = [{ text = "在某某大厦举行", value = "大厦" }]
counter = ["在某某广场举行"]
""",
        encoding="utf-8",
    )
    assert run(tmp_path)["venue"] == "某某大厦"
    record = run(tmp_path, "--rules", str(layer))
    assert record["venue"] == "大厦"
    assert {"field": "venue", "span": [24, 26], "rule": "venue.at_before_held"} in record["evidence"]


def test_a_broken_layer_is_reported_with_its_file(tmp_path: Path, layer: Path) -> None:
    (layer / "meeting_type.toml").write_text(
        MEETING_TYPE.replace("{meeting_kind}", "{meeting_kinds}"), encoding="utf-8"
    )
    result = runner.invoke(app, ["run", str(layer), "-o", str(tmp_path / "out"), "--rules", str(layer)])
    assert result.exit_code == 2
    assert "meeting_type.toml:" in result.output and "{meeting_kinds} is not defined" in result.output
    check = runner.invoke(app, ["rules", "check", "--rules", str(layer)])
    assert check.exit_code == 1
    assert "meeting_type.toml:9: rule meeting_type.named_kind: {meeting_kinds} is not defined" in check.output


def test_a_missing_layer_folder_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path), "--rules", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "nowhere" in result.output


def test_explain_shows_the_extra_field(tmp_path: Path, layer: Path) -> None:
    article = tmp_path / "a1.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["explain", str(article), "--rules", str(layer), "--field", "extra"])
    assert result.exit_code == 0, result.output
    assert "extra.meeting_type[1]" in result.output and "[联席会议]" in result.output


def test_a_layer_adds_words_to_our_lists_and_replaces_our_fragments(tmp_path: Path) -> None:
    from extract.rules_engine.ruleset import load_fragments

    ours, layer = tmp_path / "ours", tmp_path / "layer"
    for folder, word, fragment in ((ours, "甲", "x"), (layer, "乙", "y")):
        (folder / "lexicon").mkdir(parents=True)
        (folder / "lexicon" / "kinds.txt").write_text(f"{word}\n", encoding="utf-8")
        (folder / "lexicon" / "fragments.toml").write_text(
            f"[fragments]\nmark = '{fragment}'\n", encoding="utf-8"
        )
    fragments = load_fragments(ours, [layer])
    assert fragments["kinds"] == "(?=[乙甲])(?:乙|甲)"  # both words, behind their first characters
    assert fragments["mark"] == "y"


def test_the_check_counts_an_id_twice_in_one_layer_but_not_a_replacement(tmp_path: Path, layer: Path) -> None:
    rule = """
[[rule]]
id = "venue.at_before_held"
pattern = '在某某(?P<value>大厦)'
examples = [{ text = "在某某大厦举行", value = "大厦" }]
counter = ["在某某广场举行"]
"""
    (layer / "venue.toml").write_text(rule, encoding="utf-8")
    assert runner.invoke(app, ["rules", "check", "--rules", str(layer)]).exit_code == 0
    (layer / "venue.toml").write_text(rule + rule, encoding="utf-8")
    result = runner.invoke(app, ["rules", "check", "--rules", str(layer)])
    assert result.exit_code == 1
    assert (
        "venue.toml:9: rule venue.at_before_held: `id`: rule id venue.at_before_held is already used"
        in result.output
    )


HOST = """
[field]
name = "host"
kind = "list"
resolver = "collect"
order = 96

[[rule]]
id = "host.before_at"
pattern = '(?P<value>[,,]\\p{Han}{2,6}?街道)在'
options = { as_written = true }
why = "The street that acts at a place, as written; the comma before it is the pattern's, not the value's."
examples = [{ text = "6月1日,青松街道在礼堂举行会议", value = ",青松街道" }]
counter = ["青松街道在礼堂举行会议"]
"""


def test_a_value_as_written_cut_from_its_marks_is_pointed_to_where_it_stands(
    tmp_path: Path, layer: Path
) -> None:
    (layer / "host.toml").write_text(HOST, encoding="utf-8")
    record = run(tmp_path, "--rules", str(layer))
    assert record["extra"]["host"] == ["某某街道"]
    (span,) = [e["span"] for e in record["evidence"] if e["field"].startswith("extra.host")]
    assert ARTICLE[span[0] : span[1]] == "某某街道"
