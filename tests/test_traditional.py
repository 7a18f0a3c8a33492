"""A Traditional page with pinyin glosses gives the record its Simplified twin gives, and every
evidence span points into the raw (Traditional) text. The texts are invented for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.running.pipeline import extract_text
from extract.text.normalise import normalise

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SIMPLIFIED = (
    "某区举行2023年区域化党建联席会议\n"
    "6月25日下午,某区四平路街道在某某大厦举行2023年区域化党建联席会议。"
    "区委副书记王建国、街道党工委书记李红出席会议。\n"
)
TRADITIONAL = (
    "某區(qū)舉行2023年區(qū)域化黨建聯(lián)席會議\n"
    "6月25日下午,某區(qū)四平路街道在某某大廈舉行2023年區(qū)域化黨建聯(lián)席會議。"
    "區(qū)委副書記王建國、街道黨工委書記李紅出席會議。\n"
)


def _values(text: str) -> dict[str, object]:
    r = extract_text(text).model_dump()
    r.pop("evidence")
    return r


def test_traditional_with_pinyin_gives_the_simplified_record() -> None:
    assert normalise(TRADITIONAL).text == SIMPLIFIED
    simplified, traditional = _values(SIMPLIFIED), _values(TRADITIONAL)
    assert traditional == simplified
    assert traditional["date"] == "2023-06-25"
    assert traditional["venue"] == "某某大厦"
    assert [(a["name"], a["title"]) for a in traditional["attendees"]] == [
        ("王建国", "区委副书记"),
        ("李红", "街道党工委书记"),
    ]


def test_evidence_points_into_the_raw_traditional_text() -> None:
    record = extract_text(TRADITIONAL)
    spans = {e.field: e.span for e in record.evidence}
    start, end = spans["attendees[0].title"]
    assert TRADITIONAL[start:end] == "區(qū)委副書記"
    start, end = spans["venue"]
    assert TRADITIONAL[start:end] == "某某大廈"


def test_every_dev_article_in_traditional_gives_its_simplified_record(
    dev_records: Path, tmp_path: Path
) -> None:
    """The dev articles, each converted to Traditional characters, give the values their own text
    gives: normalising is the only step that sees the script."""
    import opencc

    from extract.running.runner import extract_paths

    to_traditional = opencc.OpenCC("s2t")
    folder = tmp_path / "traditional"
    folder.mkdir()
    for path in sorted((SEEDS / "dev" / "articles").iterdir()):
        (folder / path.name).write_text(
            to_traditional.convert(path.read_text(encoding="utf-8")), encoding="utf-8"
        )
    out = tmp_path / "out"
    extract_paths([folder], out)
    differ = []
    for path in sorted(dev_records.glob("*.json")):
        simplified, traditional = (_comparable(p / path.name) for p in (dev_records, out))
        if traditional != simplified:
            differ.append(path.stem)
    assert len(list(out.glob("d*.json"))) == len(list((SEEDS / "dev" / "articles").iterdir()))
    assert differ == []


def _comparable(path: Path) -> dict[str, object]:
    record = json.loads(path.read_text(encoding="utf-8"))
    for key in ("evidence", "source"):
        record.pop(key, None)
    return record


@pytest.mark.parametrize(
    ("text", "simplified"),
    [
        ("陕西省乾县召开党建工作会议。", "陕西省乾县召开党建工作会议。"),  # Simplified: not converted
        ("柞水县乾佑街道举行揭牌仪式。", "柞水县乾佑街道举行揭牌仪式。"),
        ("陝西省乾縣召開黨建工作會議。", "陕西省乾县召开党建工作会议。"),  # a division's name keeps 乾
        ("會場乾淨整潔。", "会场干净整洁。"),  # elsewhere 乾 is Traditional for 干
    ],
)
def test_a_letter_of_a_divisions_name_is_kept_as_written(text: str, simplified: str) -> None:
    # 乾 (乾县, 乾安县) is Simplified too: OpenCC's t2s made 乾县 干县, and it alone set it going.
    assert normalise(text).text == simplified
