"""scripts/swap_check.py: replacements made in one pass, text and gold swapped alike, never an unseen
article. The article below is invented for the test."""

from __future__ import annotations

import json
import random
from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import load_script

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def swap_check() -> ModuleType:
    return load_script("swap_check")


TEXT = (
    "上海市长宁区新华路街道举行党建联席会议\n"
    "5月6日,新华路街道在阳光社区举行党建联席会议。长宁区委副书记王建国出席并讲话,"
    "新华路街道党工委书记李明主持。王建国表示,长宁将继续支持社区建设。"
)
GOLD = {
    "doc_id": "x1",
    "title": "上海市长宁区新华路街道举行党建联席会议",
    "published": None,
    "date": "2024-05-06",
    "district": "长宁区",
    "city": "上海市",
    "street": "新华路街道",
    "venue": "阳光社区",
    "organisers": [{"value": "新华路街道", "aliases": ["长宁区新华路街道"]}],
    "attendees": [
        {"name": "王建国", "title": "长宁区委副书记"},
        {"name": "李明", "title": "新华路街道党工委书记"},
    ],
    "stations": [],
    "signed_projects": [],
}


def test_replacements_are_one_pass_longest_first(swap_check: ModuleType) -> None:
    mapping = {"上海": "重庆", "上海市": "天津市", "重庆": "成都"}
    assert swap_check.apply(mapping, "上海市和上海") == "天津市和重庆"


def test_text_and_gold_are_swapped_alike(swap_check: ModuleType) -> None:
    article = swap_check.Article("x1", TEXT, GOLD)
    gaz = swap_check.Gazetteer.load()
    text, gold, mapping = swap_check.swap(article, gaz, random.Random("0:0"))
    assert {"上海市", "长宁区", "新华路街道", "王建国", "李明", "阳光社区"} <= set(mapping)
    for old in ("上海", "长宁", "新华路", "王建国", "李明", "阳光社区"):
        assert old not in text
    # Every gold string the text wrote is written in the swapped text.
    for value in (gold["title"], gold["district"], gold["street"], gold["venue"]):
        assert value in text
    for person in gold["attendees"]:
        assert person["name"] in text and person["title"] in text
    # The new district lies in the new city, the new township in the new district.
    county = gaz.county(gold["district"], gold["city"])
    assert county is not None
    assert gold["street"] in {s.name for s in gaz.streets[county.code]}
    assert gold["date"] == GOLD["date"]


def test_the_same_seed_draws_the_same_copy(swap_check: ModuleType) -> None:
    article = swap_check.Article("x1", TEXT, GOLD)
    gaz = swap_check.Gazetteer.load()
    first = swap_check.swap(article, gaz, random.Random("7:0"))
    assert swap_check.swap(article, gaz, random.Random("7:0")) == first
    assert swap_check.swap(article, gaz, random.Random("8:0")) != first


def test_no_unseen_article_is_read(swap_check: ModuleType) -> None:
    split = json.loads((ROOT / "seeds" / "dev" / "split.json").read_text(encoding="utf-8"))
    ids = {a.doc_id for a in swap_check.articles()}
    assert not ids & set(split["unseen"])
    assert set(split["tune"]) <= ids
