"""The command line as a user meets it: eval tables, subsets and thresholds, the schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app

from .conftest import SEEDS

runner = CliRunner()


COMMANDS = [
    ["run"],
    ["eval"],
    ["schema"],
    ["explain"],
    ["report"],
    ["export"],
    ["annotate", "export"],
    ["annotate", "import"],
    ["rules", "check"],
    ["rules", "coverage"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_shows_flags_as_flags_and_no_python_types(command: list[str]) -> None:
    import re

    result = runner.invoke(app, [*command, "-h"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert result.output == runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"}).output
    assert not re.search(r"<(bool|str|int|float|path|list\[\w+\])>|\[\w+\]\]", result.output, re.I), (
        result.output
    )
    assert "BOOLEAN" not in result.output  # a flag takes no value
    assert "SPEC" not in result.output


def test_engine_lists_its_choices() -> None:
    output = runner.invoke(app, ["run", "--help"], env={"COLUMNS": "200"}).output
    assert "[local|dask]" in output


def test_version_and_short_help() -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.output) == (0, f"extract {version('extract')}\n")
    assert (
        runner.invoke(app, ["-h"], prog_name="extract")
        .output.lstrip()
        .startswith("Usage: extract [OPTIONS] COMMAND")
    )


def test_eval_prints_the_table_and_the_macro_line(seed_records: Path) -> None:
    result = runner.invoke(app, ["eval", str(SEEDS / "gold"), str(seed_records)])
    assert result.exit_code == 0, result.output
    assert "attendees.title" in result.output
    assert result.output.strip().splitlines()[-1].startswith("documents 5  macro F1 ")


def test_eval_min_macro_fails_below_the_threshold(seed_records: Path) -> None:
    ok = runner.invoke(app, ["eval", str(SEEDS / "gold"), str(seed_records), "--min-macro", "0.5"])
    assert ok.exit_code == 0
    too_high = runner.invoke(app, ["eval", str(SEEDS / "gold"), str(seed_records), "--min-macro", "1.01"])
    assert too_high.exit_code == 1


def test_eval_only_scores_the_named_subset(dev_records: Path) -> None:
    split = SEEDS / "dev" / "split.json"
    ids = json.loads(split.read_text(encoding="utf-8"))["unseen"]
    result = runner.invoke(
        app, ["eval", str(SEEDS / "dev" / "gold"), str(dev_records), "--only", f"{split}:unseen", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["documents"] == len(ids)
    bad = runner.invoke(
        app, ["eval", str(SEEDS / "dev" / "gold"), str(dev_records), "--only", f"{split}:nokey"]
    )
    assert bad.exit_code == 2
    assert "unseen" in bad.output


def test_eval_errors_are_grouped_by_field_and_rule(dev_records: Path) -> None:
    result = runner.invoke(app, ["eval", str(SEEDS / "dev" / "gold"), str(dev_records), "--errors"])
    assert result.exit_code == 0
    headers = [line for line in result.output.splitlines() if line.startswith("## ")]
    assert headers, "no error groups printed"
    assert all(" — " in h and h.rsplit(": ", 1)[1].isdigit() for h in headers)


def test_eval_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "nope"), str(tmp_path)])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_eval_warns_of_documents_on_one_side_only(seed_records: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for path in sorted((SEEDS / "gold").glob("*.json"))[:3]:
        (gold / path.name).write_bytes(path.read_bytes())
    (gold / "no_such_article.json").write_text('{"date": "2020-01-01"}', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), str(seed_records)])
    assert result.exit_code == 0, result.output
    assert "warning: 1 gold documents have no record" in result.output
    assert "warning: 2 records have no gold" in result.output


def test_eval_with_nothing_in_common_exits_1(seed_records: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "another_article.json").write_text('{"date": "2020-01-01"}', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), str(seed_records)])
    assert result.exit_code == 1
    assert "no doc_id is both in the gold (1 documents" in result.output
    assert "macro F1" not in result.output  # no table of zeros that reads as a score


def test_eval_with_gold_and_records_swapped_is_a_usage_error(seed_records: Path) -> None:
    result = runner.invoke(app, ["eval", str(seed_records), str(SEEDS / "gold")])
    assert result.exit_code == 2
    assert "holds records of `extract run`" in result.output and "extract eval GOLD PRED" in result.output


def test_schema_is_the_record_model() -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.output)
    assert {"doc_id", "date", "attendees", "evidence"} <= set(schema["properties"])
