"""A Traditional page with pinyin glosses gives the record its Simplified twin gives, and every
evidence span points into the raw (Traditional) text. The texts are invented for the test."""

from __future__ import annotations

from extract.running.pipeline import extract_text
from extract.text.normalise import normalise

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
