"""`extract rules coverage`: per rule, matches, values given and, against gold, right and wrong
values, weakest first; the judgement of each value agrees with `extract eval`'s counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.base.rules_dir import LAYERS_ENV
from extract.cli import app
from extract.review.coverage import judge
from extract.review.score import FIELDS, load_json_dir, score_records

from .conftest import SEEDS

runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_layers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LAYERS_ENV, "")


def rows(output: str) -> dict[str, list[str]]:
    table = output.split("\n\n")[0].splitlines()[1:]
    return {line.split()[0]: line.split()[1:] for line in table}


def test_coverage_with_gold_lists_rules_weakest_first(tmp_path: Path) -> None:
    # The seeds' gold with one venue changed, so that some rule gives a wrong value whatever the
    # rules score on the seeds themselves.
    gold = tmp_path / "gold"
    gold.mkdir()
    for f in sorted((SEEDS / "gold").glob("*.json")):
        (gold / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    changed = next(
        f for f in sorted(gold.glob("*.json")) if json.loads(f.read_text(encoding="utf-8")).get("venue")
    )
    record = json.loads(changed.read_text(encoding="utf-8"))
    record["venue"] = "别处"
    changed.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["rules", "coverage", str(SEEDS / "articles"), "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    header, *_ = result.output.splitlines()
    assert header.split() == ["rule", "fired", "values", "right", "wrong", "P"]
    table = rows(result.output)
    precisions = [float(r[4]) for r in table.values() if r[4] != "-"]
    assert precisions == sorted(precisions) and precisions[0] < 1.0
    fired, values, right, wrong, _ = table["attendees.title_before_names"]
    assert int(fired) > 0 and int(values) == int(right) + int(wrong) > 0
    assert table["date.year_in_sentence"][0] == "-"  # a resolver's step: no matches of its own
    never = next(line for line in result.output.splitlines() if line.startswith("never fired"))
    assert all(table[rule][0] == "0" for rule in never.split(": ", 1)[1].split(", "))
    assert "5 articles, 5 with gold, 0 failed" in result.output


def test_coverage_without_gold_has_no_right_or_wrong() -> None:
    result = runner.invoke(app, ["rules", "coverage", str(SEEDS / "articles")])
    assert result.exit_code == 0, result.output
    assert result.output.split("\n", 1)[0].split() == ["rule", "fired", "values"]


def test_coverage_counts_a_layered_field(tmp_path: Path) -> None:
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "meeting_type.toml").write_text(
        """[field]
name = "meeting_type"
kind = "list"
resolver = "collect"

[[rule]]
id = "meeting_type.summit"
pattern = '(?P<value>峰会|联席会议)'
examples = [{ text = "举行峰会", value = "峰会" }]
counter = ["会议室"]

[[rule]]
id = "meeting_type.never"
pattern = '(?P<value>茶话会议厅)'
examples = [{ text = "茶话会议厅", value = "茶话会议厅" }]
counter = ["会议室"]
""",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["rules", "coverage", str(SEEDS / "articles"), "--rules", str(tmp_path / "more")]
    )
    assert result.exit_code == 0, result.output
    assert int(rows(result.output)["meeting_type.summit"][1]) > 0
    assert "meeting_type.never" in result.output.split("never fired")[1]


def test_only_keeps_the_articles_listed(tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("000_4a4747f6758d6fbe\n001_8bcee5ce143bd428\n", encoding="utf-8")
    args = ["rules", "coverage", str(SEEDS / "articles"), "--gold", str(SEEDS / "gold"), "--only", str(ids)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "2 articles, 2 with gold" in result.output


def test_a_missing_input_exits_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["rules", "coverage", str(tmp_path / "nothing")]).exit_code == 2


def test_each_judged_value_is_what_eval_counts(seed_records: Path) -> None:
    """Right values are eval's true positives and wrong ones its false positives, field by field."""
    golds, preds = load_json_dir(SEEDS / "gold"), load_json_dir(seed_records)
    tallies = score_records(golds, preds).tallies
    right = dict.fromkeys(FIELDS, 0)
    wrong = dict.fromkeys(FIELDS, 0)
    for doc, gold in golds.items():
        for path, ok in judge(preds[doc], gold).items():
            name = _scored_field(path)
            (right if ok else wrong)[name] += 1
    assert right == {f: t.tp for f, t in tallies.items()}
    assert wrong == {f: t.fp for f, t in tallies.items()}


def _scored_field(path: str) -> str:
    """`attendees[2].title` -> `attendees.title`, `organisers[0]` -> `organisers`."""
    import re

    parts = re.sub(r"\[\d+\]", "", path).split(".")
    return ".".join(parts[:2]) if len(parts) > 1 and parts[1] not in ("name",) else parts[0]
