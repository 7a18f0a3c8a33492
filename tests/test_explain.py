"""`extract explain`: values highlighted in place, and each value's trail from raw span to rule id."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from extract.cli_review import register
from extract.output.record import Attendee, Evidence, Record
from extract.review.explain import (
    colour_of,
    field_kind,
    highlighted,
    load_records,
    render,
    source_text,
    split_path,
    trails,
    value_at,
)

from .conftest import SEEDS

RAW = "纪念建党98周年。6月25日下午,区委书记王建国出席。"


def _record() -> Record:
    """A record whose date has two proofs, as the year resolver gives them."""
    return Record(
        doc_id="t",
        source="t.txt",
        date="2019-06-25",
        attendees=[Attendee(name="王建国", title="区委书记")],
        evidence=[
            Evidence(field="date", span=(9, 14), rule="date.sentence_opening"),
            Evidence(field="date", span=(2, 8), rule="date.anniversary"),
            Evidence(field="attendees[0].name", span=(21, 24), rule="attendees.title_before_names"),
            Evidence(field="attendees[0].title", span=(17, 21), rule="attendees.title_before_names"),
        ],
    )


def app() -> typer.Typer:
    cli = typer.Typer()
    register(cli)
    return cli


def test_paths_split_into_field_index_and_attribute() -> None:
    assert split_path("attendees[3].name") == ("attendees", 3, "name", None)
    assert split_path("organisers[0]") == ("organisers", 0, None, None)
    assert split_path("date") == ("date", None, None, None)
    assert split_path("signed_projects[1].parties[2]") == ("signed_projects", 1, "parties", 2)
    assert field_kind("stations[12].address") == "stations.address"
    assert field_kind("signed_projects[0].parties[1]") == "signed_projects.parties"
    with pytest.raises(ValueError, match="attendees\\[x\\]"):
        split_path("attendees[x]")


def test_value_at_follows_the_path_and_stops_where_it_leads_nowhere() -> None:
    data = _record().model_dump(mode="json")
    assert value_at(data, "attendees[0].title") == "区委书记"
    assert value_at(data, "date") == "2019-06-25"
    assert value_at(data, "attendees[5].name") is None
    assert value_at(data, "organisers[0]") is None
    signed = {"signed_projects": [{"name": "共建协议", "parties": ["甲社区", "乙公司"]}]}
    assert value_at(signed, "signed_projects[0].parties[1]") == "乙公司"
    assert value_at(signed, "signed_projects[0].parties[2]") is None


def test_a_value_with_several_proofs_is_one_trail_with_steps() -> None:
    rows = {t.path: t for t in trails(_record(), RAW)}
    assert list(rows) == ["date", "attendees[0].name", "attendees[0].title"]
    date = rows["date"]
    assert date.value == "2019-06-25"
    assert [(s.text, s.rule) for s in date.steps] == [
        ("6月25日", "date.sentence_opening"),
        ("建党98周年", "date.anniversary"),
    ]
    assert len(rows["attendees[0].name"].steps) == 1


def test_every_evidence_span_is_styled_in_its_fields_colour() -> None:
    record = _record()
    text = highlighted(RAW, record.evidence)
    assert text.plain == RAW
    styled = {(s.start, s.end): str(s.style) for s in text.spans}
    for ev in record.evidence:
        assert styled[ev.span] == f"black on {colour_of(field_kind(ev.field))}"
    assert colour_of("date") != colour_of("attendees.name")


def test_render_prints_the_text_the_table_and_the_steps() -> None:
    console = Console(file=io.StringIO(), record=True, width=200, color_system="truecolor")
    render(_record(), RAW, console)
    out = console.export_text(clear=False)
    assert RAW in out
    for rule in ("date.sentence_opening", "date.anniversary", "attendees.title_before_names"):
        assert rule in out
    assert "1. 6月25日 (date.sentence_opening)" in out
    assert "2. 建党98周年 (date.anniversary)" in out
    assert "→ 2019-06-25" in out
    assert "[21, 24] 王建国" in out
    html = console.export_html(inline_styles=True)
    assert colour_of("date") in html


def test_render_with_a_field_keeps_its_lines_and_rows_only() -> None:
    raw = "第一行没有值\n" + RAW + "\n最后一行"
    record = _record()
    shifted = [e.model_copy(update={"span": (e.span[0] + 7, e.span[1] + 7)}) for e in record.evidence]
    record = record.model_copy(update={"evidence": shifted})
    console = Console(file=io.StringIO(), record=True, width=200)
    render(record, raw, console, field="date")
    out = console.export_text(clear=False)
    assert "第一行没有值" not in out and "最后一行" not in out
    assert "[6月25日]下午" in out
    assert "attendees[0].name" not in out


def test_values_without_evidence_are_named() -> None:
    record = _record().model_copy(update={"organisers": ["区委"]})
    console = Console(file=io.StringIO(), record=True, width=200)
    render(record, RAW, console)
    assert "values without evidence: organisers[0]" in console.export_text()


def test_explain_command_runs_the_pipeline_on_a_file() -> None:
    path = SEEDS / "articles" / "000_4a4747f6758d6fbe.txt"
    result = CliRunner().invoke(app(), ["explain", str(path)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    from extract.reading.read import read_file
    from extract.running.pipeline import extract_article

    article = read_file(path).articles[0]
    record = extract_article(article)
    assert record.evidence, "the seed article should yield evidence"
    for ev in record.evidence:
        assert ev.rule in result.output
        assert ev.field in result.output
    for trail in trails(record, article.raw):
        if len(trail.steps) > 1:
            assert f"→ {trail.value}" in result.output


def test_explain_command_fails_clearly_on_a_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app(), ["explain", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_source_text_finds_the_records_article_in_a_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [{"id": "a", "text": "甲文章"}, {"id": "b", "text": "乙文章"}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    assert source_text(Record(doc_id="b", source=str(path))) == "乙文章"
    assert source_text(Record(doc_id="zzz", source=str(path))) is None
    assert source_text(Record(doc_id="b", source=str(tmp_path / "gone.txt"))) is None


def test_source_path_takes_an_absolute_source_then_the_manifest_then_here_and_above_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extract.running.manifest import MANIFEST, Entry

    for folder, text in (("run", "运行时的文章"), ("here", "此处的文章"), ("outs", "输出上方的文章")):
        (tmp_path / folder / "articles").mkdir(parents=True)
        (tmp_path / folder / "articles" / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "outs" / "out"
    out.mkdir()
    ran = tmp_path / "run" / "articles" / "a.txt"
    (out / MANIFEST).write_text(
        Entry("articles/a.txt", "sha", "setup", path=str(ran)).to_json() + "\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / "here")
    record = Record(doc_id="a", source="articles/a.txt")
    assert source_text(record, out) == "运行时的文章"  # where the run found it
    assert source_text(record, out / "records.jsonl") == "运行时的文章"
    assert source_text(Record(doc_id="a", source=str(ran)), out) == "运行时的文章"
    ran.unlink()  # moved since: from here, then from the folders above OUT
    assert source_text(record, out) == "此处的文章"
    (tmp_path / "here" / "articles" / "a.txt").unlink()
    assert source_text(record, out) == "输出上方的文章"
    assert source_text(Record(doc_id="a", source=str(ran)), out) is None


def test_load_records_reads_a_folder_or_a_jsonl_file(seed_records: Path) -> None:
    from_folder = load_records(seed_records)
    from_lines = load_records(seed_records / "records.jsonl")
    assert [r.doc_id for r in from_folder] == sorted(p.stem for p in (SEEDS / "articles").glob("*.txt"))
    assert from_folder == from_lines
    with pytest.raises(FileNotFoundError, match="extract run"):
        load_records(seed_records / "missing")


def test_render_without_colour_puts_values_in_brackets() -> None:
    console = Console(file=io.StringIO(), record=True, width=200)  # a file: no terminal, no colour
    render(_record(), RAW, console)
    out = console.export_text()
    assert "纪念[建党98周年]。[6月25日]下午,[区委书记][王建国]出席。" in out
    assert "\x1b[" not in out


def test_explain_command_without_a_terminal_prints_brackets(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("2023年6月25日下午,四平路街道举行揭牌仪式。", encoding="utf-8")
    result = CliRunner().invoke(app(), ["explain", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "[2023年6月25日]下午,[四平路街道]举行" in result.output and "\x1b[" not in result.output


def test_explain_with_an_unknown_field_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("6月25日下午,四平路街道举行揭牌仪式。", encoding="utf-8")
    result = CliRunner().invoke(app(), ["explain", str(path), "--field", "dates"])
    assert result.exit_code == 2
    assert "--field dates: no such field" in result.output and "attendees" in result.output
    assert CliRunner().invoke(app(), ["explain", str(path), "--field", "attendees[0]"]).exit_code == 0
