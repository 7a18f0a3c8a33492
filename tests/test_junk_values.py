"""Values no reader would write: symbols, stray marks, a day or a signing inside a name, a kind of
place said alone, a title that lost its opening quote, an invisible character inside a name. The
texts are invented for the cases."""

from __future__ import annotations

import pytest

from extract.running.pipeline import extract_text
from extract.text.textutil import clean_value


def _record(text: str):  # type: ignore[no-untyped-def]
    return extract_text(text, published="2023-06-30")


@pytest.mark.parametrize("mark", ["@", "#", ">", "~", "*"])
def test_a_symbol_stands_in_no_title(mark: str) -> None:
    record = _record(f"6月20日,会议在星河大厦召开。”{mark}白沙区副区长赵明出席。")
    assert [(a.name, a.title) for a in record.attendees] == [("赵明", "白沙区副区长")]


@pytest.mark.parametrize("mark", ["@", "#", ">", "|"])
def test_a_symbol_stands_in_no_station_nor_body(mark: str) -> None:
    record = _record(f"6月20日,{mark}白沙街道在{mark}星河党群服务驿站开展活动。")
    assert [s.name for s in record.stations] == ["星河党群服务驿站"]
    assert record.organisers == ["白沙街道"]


def test_a_dash_before_a_name_is_no_part_of_it() -> None:
    record = _record("6月20日,白沙街道在-星河党群服务驿站开展活动。")
    assert [s.name for s in record.stations] == ["星河党群服务驿站"]


def test_a_body_or_title_with_a_day_and_a_signing_in_it_is_a_clause() -> None:
    # Spliced text: a body, a day and a signing run into a delegation's leader and his post.
    record = _record("5月6日上午,白沙镇居委会5日签署青松区理事长赵明一行来到白鹭街道调研。")
    assert not any("签署" in o for o in record.organisers)
    assert [(a.name, a.title) for a in record.attendees] == [("赵明", None)]


def test_the_plus_of_a_brand_stays_in_a_stations_name() -> None:
    # `党建+`, `互联网+`: the + is part of the name, not a symbol before it.
    record = _record("6月20日,白沙街道党建+邻里中心正式启用。")
    assert [s.name for s in record.stations] == ["白沙街道党建+邻里中心"]


@pytest.mark.parametrize("kind", ["社区", "会议室", "线上"])
def test_a_kind_of_place_said_alone_is_no_venue(kind: str) -> None:
    assert _record(f"6月20日,白沙街道主题党日活动在{kind}举行。").venue is None


def test_a_kind_of_place_with_more_words_is_a_venue() -> None:
    assert _record("6月20日,白沙街道主题党日活动在社区二楼会议室举行。").venue == "社区二楼会议室"


def test_a_title_opening_with_a_quoted_name_keeps_its_quote() -> None:
    record = _record("6月20日活动中,“星火”志愿服务队队长赵明出席。")
    assert [(a.name, a.title) for a in record.attendees] == [("赵明", "“星火”志愿服务队队长")]


@pytest.mark.parametrize("mark", ["\u200b", "\ufeff", "\u202e", "\u00ad"])
def test_an_invisible_character_parts_no_name(mark: str) -> None:
    raw = f"6月20日,白沙街道星河{mark}党群服务站正式启用。"
    record = _record(raw)
    assert [s.name for s in record.stations] == ["白沙街道星河党群服务站"]
    (span,) = [e.span for e in record.evidence if e.field == "stations[0].name"]
    assert raw[span[0] : span[1]] == f"白沙街道星河{mark}党群服务站"  # the raw text, mark and all


@pytest.mark.parametrize("value", ['"白沙社区', "[白沙社区", "/白沙社区", "白沙社区'", "+白沙社区"])
def test_a_lone_straight_quote_bracket_or_slash_at_an_end_is_trimmed(value: str) -> None:
    assert clean_value(value) == "白沙社区"
    assert clean_value("党建+") == "党建+"  # a + ends a name, and opens none


def test_a_control_character_parts_what_stands_around_it() -> None:
    record = _record("6月20日,白沙街道召开座谈会。\x00主任赵明出席。")
    assert [(a.name, a.title) for a in record.attendees] == [("赵明", "主任")]


def test_a_tab_parts_two_bodies_names() -> None:
    # Found by scripts/fuzz.py: a tab ran two bodies into one organiser, tab and all.
    assert _record("6月20日,青松县妇联\t白沙市妇联主办活动。").organisers == ["白沙市妇联"]


def test_marks_a_name_drops_leave_no_stray_mark_at_its_start() -> None:
    # Found by scripts/fuzz.py: the quotes a station's name drops held a closing bracket between them.
    record = _record('6月20日,〕"〉"星河驿站揭牌。')
    assert [s.name for s in record.stations] == ["星河驿站"]


def test_an_empty_pair_of_quotes_and_a_bracket_open_no_title() -> None:
    # Found by scripts/fuzz.py: the quotes were dropped, the bracket after them stayed.
    record = _record("6月20日,“”)主任赵明出席。")
    assert [(a.name, a.title) for a in record.attendees] == [("赵明", "主任")]


@pytest.mark.parametrize("mark", [":", "《"])
def test_a_headline_cut_from_its_marks_is_pointed_to_where_it_stands(mark: str) -> None:
    # Found by scripts/fuzz.py: the headline lost a mark in front and its evidence stayed on it.
    text = f"{mark}星河街道召开党建联席会议\n6月20日,星河街道召开党建联席会议。"
    record = extract_text(text, published="2023-06-30")
    (span,) = [e.span for e in record.evidence if e.field == "title"]
    assert (record.title, text[span[0] : span[1]]) == ("星河街道召开党建联席会议",) * 2
