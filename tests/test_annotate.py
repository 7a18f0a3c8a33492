"""The Label Studio loop: gold -> tasks -> export -> gold gives the same gold; records survive too."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from extract.cli_review import register
from extract.output.record import Evidence, Record
from extract.review.annotate import (
    Form,
    canonical,
    gold_from_task,
    label_config,
    locate,
    place,
    sheet_from_gold,
    task,
)
from extract.review.explain import load_records
from extract.text.normalise import normalise

from .conftest import SEEDS


def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def _as_export(tasks_file: Path, dest: Path, source: str = "annotations") -> Path:
    """A Label Studio export of the tasks: each task's `source` results as its one annotation."""
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    for i, t in enumerate(tasks, 1):
        t["id"] = i
        t["annotations"] = [{"id": i, "was_cancelled": False, "result": t[source][0]["result"]}]
    dest.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return dest


def _round_trip(records: Path, gold: Path, tmp_path: Path) -> Path:
    runner = CliRunner()
    tasks = tmp_path / "ls" / "tasks.json"
    result = runner.invoke(cli(), ["annotate", "export", str(records), "-o", str(tasks), "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    export = _as_export(tasks, tmp_path / "export.json")
    back = tmp_path / "gold"
    result = runner.invoke(cli(), ["annotate", "import", str(export), "-o", str(back)])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    return back


def test_seed_gold_survives_the_round_trip_file_by_file(seed_records: Path, tmp_path: Path) -> None:
    back = _round_trip(seed_records, SEEDS / "gold", tmp_path)
    originals = sorted((SEEDS / "gold").glob("*.json"))
    assert sorted(p.name for p in back.glob("*.json")) == [p.name for p in originals]
    for path in originals:
        original = json.loads(path.read_text(encoding="utf-8"))
        assert json.loads((back / path.name).read_text(encoding="utf-8")) == original, path.name


def test_dev_gold_survives_the_round_trip_in_canonical_form(dev_records: Path, tmp_path: Path) -> None:
    back = _round_trip(dev_records, SEEDS / "dev" / "gold", tmp_path)
    originals = sorted((SEEDS / "dev" / "gold").glob("*.json"))
    assert len(list(back.glob("*.json"))) == len(originals)
    rewritten = 0
    for path in originals:
        original = json.loads(path.read_text(encoding="utf-8"))
        rewritten += canonical(original) != original
        assert json.loads((back / path.name).read_text(encoding="utf-8")) == canonical(original), path.name
    assert rewritten, "the dev gold has bare long forms ({'value': x}) that come back short"


def test_canonical_form_writes_long_only_where_needed() -> None:
    gold = {
        "venue": {"value": "世茂广场"},
        "city": {"value": "上海市", "aliases": [], "optional": False},
        "stations": [{"name": {"value": "驿站", "aliases": ["站"]}, "address": None, "optional": False}],
        "attendees": [{"name": "赵华", "title": {"value": "书记", "optional": True}, "optional": True}],
    }
    assert canonical(gold) == {
        "venue": "世茂广场",
        "city": "上海市",
        "stations": [{"name": {"value": "驿站", "aliases": ["站"]}, "address": None}],
        "attendees": [{"name": "赵华", "title": {"value": "书记", "optional": True}, "optional": True}],
    }


def _strip(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in ("evidence", "source")}


def test_records_survive_as_predictions(seed_records: Path, dev_records: Path, tmp_path: Path) -> None:
    for name, out in (("seeds", seed_records), ("dev", dev_records)):
        tasks = tmp_path / name / "tasks.json"
        result = CliRunner().invoke(cli(), ["annotate", "export", str(out), "-o", str(tasks)])
        assert result.exit_code == 0, result.output
        assert (tasks.parent / "label_config.xml").is_file()
        export = _as_export(tasks, tmp_path / name / "export.json", source="predictions")
        warnings: list[str] = []
        for entry in json.loads(export.read_text(encoding="utf-8")):
            gold = gold_from_task(entry, warnings)
            assert gold is not None
            record = next(r for r in load_records(out) if r.doc_id == gold["doc_id"])
            assert gold == _strip(record.model_dump(mode="json")), record.doc_id
        assert warnings == []


def _record(raw: str, **values: Any) -> Record:
    evidence = []
    for path, text in values.pop("spans", {}).items():
        start = raw.index(text)
        evidence.append(Evidence(field=path, span=(start, start + len(text)), rule="r"))
    return Record(doc_id="t", source="t.txt", evidence=evidence, **values)


def test_predictions_put_regions_on_evidence_and_resolved_values_in_text_areas() -> None:
    raw = "纪念建党98周年。6月25日下午,区委书记王建国为“康乐人家”党群服务站揭牌。"
    record = _record(
        raw,
        date="2019-06-25",
        attendees=[{"name": "王建国", "title": "区委书记"}],
        stations=[{"name": "康乐人家党群服务站", "address": None}],
        spans={
            "attendees[0].name": "王建国",
            "attendees[0].title": "区委书记",
            "stations[0].name": "“康乐人家”党群服务站",
        },
    )
    record.evidence[:0] = [
        Evidence(field="date", span=(9, 14), rule="date.sentence_opening"),
        Evidence(field="date", span=(2, 8), rule="date.anniversary"),
    ]
    results = task(record, raw)["predictions"][0]["result"]
    labels = [(r["value"]["text"], r["value"]["labels"]) for r in results if r["type"] == "labels"]
    assert labels == [
        ("6月25日", ["date"]),
        ("建党98周年", ["date"]),
        ("王建国", ["attendees.name"]),
        ("区委书记", ["attendees.title"]),
        ("“康乐人家”党群服务站", ["stations.name"]),
    ]
    areas = {r["from_name"]: r["value"]["text"] for r in results if r["type"] == "textarea"}
    assert areas == {"date": ["2019-06-25"], "value": ["康乐人家党群服务站"]}
    relations = [r for r in results if r["type"] == "relation"]
    ids = {r["value"]["text"]: r["id"] for r in results if r["type"] == "labels"}
    assert [(r["from_id"], r["to_id"]) for r in relations] == [(ids["王建国"], ids["区委书记"])]


def test_offsets_count_utf16_units_as_label_studio_does() -> None:
    raw = "𠀀𠀁记者:甲。区委书记王建国出席。"
    record = _record(
        raw, attendees=[{"name": "王建国", "title": "区委书记"}], spans={"attendees[0].name": "王建国"}
    )
    results = task(record, raw)["predictions"][0]["result"]
    name = next(r for r in results if r["type"] == "labels" and r["value"]["labels"] == ["attendees.name"])
    start = raw.index("王建国")
    assert (name["value"]["start"], name["value"]["end"]) == (start + 2, start + 5)
    entry = {"data": {"text": raw, "doc_id": "t"}, "annotations": [{"result": results}]}
    warnings: list[str] = []
    gold = gold_from_task(entry, warnings)
    assert gold is not None and gold["attendees"] == [{"name": "王建国", "title": "区委书记"}]


def _region(rid: str, raw: str, text: str, label: str) -> dict[str, Any]:
    start = raw.index(text)
    value = {"start": start, "end": start + len(text), "text": text, "labels": [label]}
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def test_an_annotators_export_becomes_gold() -> None:
    raw = "6月25日,南京西路街道举行签约仪式。區(qū)委書記赵華出席,甲公司与乙社区签订《共建协议》。"
    result = [
        _region("a", raw, "南京西路街道", "organisers"),
        {"id": "a", "from_name": "aliases", "type": "textarea", "value": {"text": ["街道", " "]}},
        _region("b", raw, "赵華", "attendees.name"),
        _region("c", raw, "區(qū)委書記", "attendees.title"),
        {"from_id": "c", "to_id": "b", "type": "relation", "direction": "left"},
        _region("d", raw, "《共建协议》", "signed_projects.name"),
        {"id": "d", "from_name": "value", "type": "textarea", "value": {"text": ["共建协议"]}},
        _region("e", raw, "乙社区", "signed_projects.parties"),
        _region("f", raw, "甲公司", "signed_projects.parties"),
        {"from_id": "d", "to_id": "f", "type": "relation", "direction": "right"},
        {"from_id": "d", "to_id": "e", "type": "relation", "direction": "right"},
        {
            "id": "t1",
            "from_name": "date",
            "to_name": "text",
            "type": "textarea",
            "value": {"text": ["2020-06-25"]},
        },
        {
            "id": "t2",
            "from_name": "city",
            "to_name": "text",
            "type": "textarea",
            "value": {"text": ["上海市", "上海"]},
        },
        {"id": "o", "from_name": "optional_fields", "type": "choices", "value": {"choices": ["city"]}},
        _region("g", raw, "6月25日", "date"),
    ]
    entry = {
        "data": {"text": raw, "doc_id": "d1"},
        "annotations": [
            {"was_cancelled": False, "result": result},
            {"was_cancelled": True, "result": []},
        ],
    }
    warnings: list[str] = []
    gold = gold_from_task(entry, warnings)
    assert warnings == []
    assert gold == {
        "doc_id": "d1",
        "title": None,
        "published": None,
        "date": "2020-06-25",
        "district": None,
        "city": {"value": "上海市", "aliases": ["上海"], "optional": True},
        "street": None,
        "venue": None,
        "organisers": [{"value": "南京西路街道", "aliases": ["街道"]}],
        # Traditional text with a pinyin gloss is read as the rules read it.
        "attendees": [{"name": "赵华", "title": "区委书记"}],
        "stations": [],
        "signed_projects": [{"name": "共建协议", "parties": ["甲公司", "乙社区"]}],
    }


def test_an_attribute_without_a_relation_is_left_out_with_a_warning() -> None:
    raw = "区委书记赵华出席。"
    result = [_region("n", raw, "赵华", "attendees.name"), _region("t", raw, "区委书记", "attendees.title")]
    warnings: list[str] = []
    gold = gold_from_task(
        {"data": {"text": raw, "doc_id": "d"}, "annotations": [{"result": result}]}, warnings
    )
    assert gold is not None and gold["attendees"] == [{"name": "赵华", "title": None}]
    assert len(warnings) == 1 and "has no relation" in warnings[0] and "区委书记" in warnings[0]


def test_a_task_without_an_annotation_is_skipped_with_a_warning() -> None:
    warnings: list[str] = []
    entry = {"data": {"text": "x", "doc_id": "d"}, "annotations": [{"was_cancelled": True, "result": []}]}
    assert gold_from_task(entry, warnings) is None
    assert warnings == ["d: no annotation (only predictions or cancelled ones); skipped."]


def test_locate_allows_quote_marks_and_picks_the_nearest_occurrence() -> None:
    norm = normalise("“康乐人家”党群服务站在此。又一个康乐人家党群服务站。")
    first = locate(norm, "康乐人家党群服务站")
    assert first is not None and norm.raw[first[0] : first[1]] == "康乐人家”党群服务站"
    near = locate(norm, "康乐人家党群服务站", near=20)
    assert near is not None and near[0] > first[0]
    assert locate(norm, "不存在的站") is None
    # A value the text does not hold whole is placed on its longest part that it does.
    span = place(norm, Form("盛世康乐人家党群服务站"))
    assert norm.raw[span[0] : span[1]] == "康乐人家”党群服务站"


def test_gold_values_of_a_traditional_article_are_found_through_normalisation() -> None:
    raw = "環(huán)星河廣場商圈黨建聯(lián)盟會議舉行"
    sheet = sheet_from_gold({"organisers": ["环星河广场商圈党建联盟会议"]}, normalise(raw))
    (piece,) = sheet.pieces
    assert raw[piece.span[0] : piece.span[1]].startswith("環(huán)星河廣場")
    assert raw[piece.span[0] : piece.span[1]].endswith("會議")


def test_label_config_declares_every_name_and_label_the_tasks_use(seed_records: Path, tmp_path: Path) -> None:
    root = ET.fromstring(label_config())
    controls = {el.get("name"): el for el in root.iter() if el.get("toName") == "text"}
    labels = {el.get("value") for el in root.iter("Label")}
    tasks = tmp_path / "tasks.json"
    CliRunner().invoke(
        cli(), ["annotate", "export", str(seed_records), "-o", str(tasks), "--gold", str(SEEDS / "gold")]
    )
    used = 0
    for t in json.loads(tasks.read_text(encoding="utf-8")):
        assert t["predictions"][0]["model_version"] == "extract"
        for result in t["predictions"][0]["result"] + t["annotations"][0]["result"]:
            if result["type"] == "relation":
                continue
            used += 1
            control = controls[result["from_name"]]
            assert control.tag.lower() == result["type"], result
            if result["type"] == "labels":
                assert set(result["value"]["labels"]) <= labels
            per_region = "start" in result["value"]
            assert (control.get("perRegion") == "true") == (per_region and result["from_name"] != "label"), (
                result
            )
    assert used > 100


@pytest.mark.parametrize("missing", ["records", "gold"])
def test_annotate_export_names_a_missing_path(missing: str, seed_records: Path, tmp_path: Path) -> None:
    records = tmp_path / "none" if missing == "records" else seed_records
    gold = tmp_path / "none" if missing == "gold" else SEEDS / "gold"
    result = CliRunner().invoke(
        cli(), ["annotate", "export", str(records), "-o", str(tmp_path / "t.json"), "--gold", str(gold)]
    )
    assert result.exit_code == 2
    assert f"{missing} path" in result.output


def test_a_region_outside_the_text_is_skipped_with_a_warning() -> None:
    raw = "赵华出席。"
    bad = {"id": "x", "type": "labels", "value": {"start": 3, "end": 40, "labels": ["attendees.name"]}}
    broken = {"id": "y", "type": "labels", "value": {"labels": ["organisers"]}}
    warnings: list[str] = []
    entry = {"data": {"text": raw, "doc_id": "d"}, "annotations": [{"result": [bad, broken]}]}
    gold = gold_from_task(entry, warnings)
    assert gold is not None and gold["attendees"] == [] and gold["organisers"] == []
    assert len(warnings) == 2 and "outside the text" in warnings[0] and "start/end" in warnings[1]


def test_an_import_that_imports_nothing_exits_1(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    unlabelled = {"id": 1, "data": {"text": "某街道举行揭牌仪式。", "doc_id": "a"}, "annotations": []}
    export.write_text(json.dumps([unlabelled]), encoding="utf-8")
    result = CliRunner().invoke(cli(), ["annotate", "import", str(export), "-o", str(tmp_path / "gold")])
    assert result.exit_code == 1
    assert "no annotated task" in result.output and "a: no annotation" in result.output
    assert not (tmp_path / "gold").exists()
