"""A JSON or JSON Lines article's headline (its `title` or `headline` key) is read as the first line
of a text article is: the rules that read a headline (organisers, stations, places) read it, and
every span indexes the raw text reading gives (the headline's line, a blank line, the text), so
`raw[start:end]` shows each value. Articles of our own, each naming something only in its headline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extract.output.record import Record
from extract.reading.read import read_file
from extract.running.pipeline import extract_article, extract_text

ORGANISER = {
    "id": "org",
    "title": "白沙镇举行首届邻里文化节",
    "content": "5月20日上午,首届邻里文化节在镇文体中心开幕。\n来自各村的文艺队表演了舞蹈和戏曲,居民们纷纷拍照留念。",
    "publish_time": "2024-05-21",
}
STATION = {
    "doc_id": "st",
    "headline": "城南街道暖心驿站正式启用",
    "text": "6月12日,记者从街道获悉,位于滨江路88号一楼的驿站已于近日启用。\n"
    "驿站配有饮水机、微波炉和充电设备,为环卫工人和快递员提供歇脚场所。",
    "date": "2024-06-13",
}
DISTRICT = {
    "id": "dist",
    "title": "临安区锦城街道召开老旧小区改造议事会",
    "content": "3月8日下午,议事会在街道便民服务中心召开。\n居民代表围绕加装电梯、停车位规划等问题提出建议。",
    "publish_time": "2024-03-09",
}
# Traditional, with full-width marks: the rules read the headline's line normalised, where the
# metadata value is not written as it is; its evidence is still the line.
TRADITIONAL = {
    "id": "trad",
    "title": "白沙鎮舉行首屆鄰里文化節（組圖）",
    "content": "5月20日上午，首屆鄰里文化節在鎮文體中心開幕。",
    "publish_time": "2024-05-21",
}


def _read(tmp_path: Path, obj: dict[str, Any], suffix: str) -> tuple[Record, str]:
    """The record of the one article of a .json or .jsonl file holding `obj`, and its raw text."""
    path = tmp_path / f"a{suffix}"
    line = json.dumps(obj, ensure_ascii=False)
    path.write_text(line + "\n" if suffix == ".jsonl" else line, encoding="utf-8")
    [article] = read_file(path).articles
    return extract_article(article), article.raw


def _shown(record: Record, raw: str, field: str) -> list[str]:
    """What the raw text shows at each evidence span of `field`."""
    return [raw[e.span[0] : e.span[1]] for e in record.evidence if e.field == field]


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_an_organiser_named_only_in_the_headline(tmp_path: Path, suffix: str) -> None:
    record, raw = _read(tmp_path, ORGANISER, suffix)
    assert record.organisers == ["白沙镇"]
    [(start, end)] = [e.span for e in record.evidence if e.field == "organisers[0]"]
    assert raw[start:end] == "白沙镇" and end <= len(ORGANISER["title"])


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_a_station_named_only_in_the_headline(tmp_path: Path, suffix: str) -> None:
    record, raw = _read(tmp_path, STATION, suffix)
    assert [s.model_dump() for s in record.stations] == [
        {"name": "城南街道暖心驿站", "address": "滨江路88号一楼"}
    ]
    assert _shown(record, raw, "stations[0].name") == ["城南街道暖心驿站"]
    assert _shown(record, raw, "stations[0].address") == ["滨江路88号一楼"]


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_a_district_named_only_in_the_headline(tmp_path: Path, suffix: str) -> None:
    record, raw = _read(tmp_path, DISTRICT, suffix)
    assert (record.district, record.city, record.street) == ("临安区", "杭州市", "锦城街道")
    assert _shown(record, raw, "district") == ["临安区"]
    assert _shown(record, raw, "street") == ["锦城街道"]


@pytest.mark.parametrize("obj", [ORGANISER, STATION, DISTRICT, TRADITIONAL], ids=lambda o: o.get("id", "st"))
def test_the_headline_is_read_as_a_text_articles_first_line(tmp_path: Path, obj: dict[str, Any]) -> None:
    """The record is the one of the text article with the headline on its first line, its spans and
    its title (normalised, Simplified) the same, only the headline's rule told apart: the page's
    metadata gave it."""
    record, raw = _read(tmp_path, obj, ".json")
    title = obj.get("title") or obj["headline"]
    assert _shown(record, raw, "title") == [title]
    text = extract_text(raw, doc_id=record.doc_id, published=obj.get("publish_time") or obj["date"])
    as_json = record.model_dump(exclude={"source"})
    as_text = text.model_dump(exclude={"source"})
    for evidence in as_json["evidence"] + as_text["evidence"]:
        if evidence["field"] == "title":
            evidence["rule"] = "title"
    assert as_json == as_text


@pytest.mark.parametrize("title", ["青禾镇举办邻里运动会:", "《青禾镇举办邻里运动会》"])
def test_a_headline_with_marks_around_it_points_at_its_words(tmp_path: Path, title: str) -> None:
    """The marks clean_value drops from the stated headline (a trailing colon) are left out of its
    evidence too, as for a headline found in the text; kept marks (book-title marks) stay in both."""
    obj = {"id": "marks", "title": title, "content": "4月12日上午,运动会在镇体育场开幕。"}
    record, raw = _read(tmp_path, obj, ".json")
    assert _shown(record, raw, "title") == [record.title]
