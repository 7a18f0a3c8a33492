"""A venue is a place named as written, not a country or a city abroad that the gazetteer does not hold.
The texts are invented for the cases, not taken from articles."""

from __future__ import annotations

import pytest

from extract.running.pipeline import extract_text


@pytest.mark.parametrize(
    "text",
    [
        "今天凌晨,该公司在日本大阪举行发布会,推出了新款手机。",
        "该公司昨天在东京举行发布会,推出了新款相机。",
    ],
)
def test_a_place_abroad_alone_is_no_venue(text: str) -> None:
    assert extract_text(text).venue is None


def test_a_named_place_abroad_stays_the_venue() -> None:
    text = "该公司昨天在东京国际会议中心举行发布会,推出了新款相机。"
    assert extract_text(text).venue == "东京国际会议中心"


@pytest.mark.parametrize("city", ["包头", "大连", "武汉"])
def test_a_venue_opening_with_a_citys_short_name_keeps_it(city: str) -> None:
    # jieba reads 包头 as a verb and 大连 as an adverb; as words of a place they open the venue.
    text = f"5月8日,创新项目推介会在{city}高新区星火汇举办,多家企业参加。"
    assert extract_text(text).venue == f"{city}高新区星火汇"
