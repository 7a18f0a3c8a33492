"""A place's short form names no place where it is not a word of its own or where the text writes it
as a firm's name; a full name still does. The texts are invented for the cases, not taken from articles."""

from __future__ import annotations

import pytest

from extract.running.pipeline import extract_text

NO_PLACE = [
    # A city's short form that begins a firm's or a product's name.
    "德州仪器、英伟达等芯片厂商先后退出了手机基带业务,市场格局随之改变。",
    # A township's short form inside an everyday word (十字路口).
    "公司再次站在了十字路口,是走高端还是走低端,董事会尚无定论。",
    # A city's short form across two words: 在巴 (in Brazil) and 中国.
    "巴西经济增速放缓,但在巴中国企业仍超过两百家,多数经营稳定。",
    # A city's short form that opens a firm's or a school's name.
    "推介会上,中车济南机车车辆有限公司等企业介绍了各自的产品。",
    "她从小学琴,后来考入了成都音乐学院,毕业后一直在海外教古筝。",
]


@pytest.mark.parametrize("text", NO_PLACE, ids=[t[:6] for t in NO_PLACE])
def test_a_short_form_inside_other_words_names_no_place(text: str) -> None:
    record = extract_text(text)
    assert (record.district, record.city, record.street) == (None, None, None)


def test_a_short_form_the_text_writes_as_a_firm_names_the_firm_throughout() -> None:
    text = (
        "龙湖集团发布半年报,董事长在业绩会上说,龙湖没有故事就是好故事。"
        "不料话音刚落,龙湖多个楼盘的业主前来维权,龙湖再次陷入舆论漩涡。"
    )
    record = extract_text(text)
    assert (record.district, record.city) == (None, None)


@pytest.mark.parametrize(
    ("text", "district", "city"),
    [
        ("汕头市龙湖区召开党建联席会议,龙湖集团等企业代表参加。", "龙湖区", "汕头市"),
        ("6月5日,德州市举行招商推介会,各县区代表参加。", None, "德州市"),
        ("6月5日,招聘会在成都举行,成都音乐学院等单位参加。", None, "成都市"),
    ],
)
def test_a_full_name_still_names_its_place(text: str, district: str | None, city: str) -> None:
    record = extract_text(text)
    assert (record.district, record.city) == (district, city)


@pytest.mark.parametrize(
    "text",
    [
        "6月20日,大冶市召开安全会议,小区保安镇守大门,确保活动有序。",
        "6月20日,大冶市召开座谈会,与会的老保安乡亲们纷纷发言。",
    ],
    ids=["镇守", "乡亲"],
)
def test_a_townships_name_ending_inside_the_next_word_names_no_township(text: str) -> None:
    # 保安 (a guard) and 镇守 or 乡亲: a common word and the next, not 保安镇 nor 保安乡.
    assert extract_text(text, published="2023-06-30").street is None


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("6月20日,大冶市保安镇召开会议。", "保安镇"),
        ("6月20日,江山市保安乡政府召开会议。", "保安乡"),
        ("6月20日,大冶市保安镇长出席会议。", "保安镇"),
    ],
)
def test_a_township_followed_by_its_body_or_post_is_named(text: str, street: str) -> None:
    assert extract_text(text, published="2023-06-30").street == street
