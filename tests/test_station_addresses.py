"""Stations' addresses: the forms an address takes, and where it stops."""

from __future__ import annotations

import pytest

from extract import extract_text


@pytest.mark.parametrize(
    ("text", "name", "address"),
    [
        # An address may hold 对面 and 的: it is cut at punctuation and clause words, not at 对.
        (
            "6月1日,翻新后的长河镇社区党群服务中心位于轻轨3号线长河站B口对面。",
            "长河镇社区党群服务中心",
            "轻轨3号线长河站B口对面",
        ),
        # A centre that moves opens at its new site (新址): the street address given there.
        (
            "3月8日,青松镇党群服务中心新址在白鹭路9号全新亮相。它位于轻轨3号线长河站B口对面。",
            "青松镇党群服务中心",
            "白鹭路9号",
        ),
        # 座落于, written for 坐落于.
        (
            "6月1日,星河小区党群服务站揭牌。党群服务站座落于星河苑3号楼二单元一楼,设有阅览室。",
            "星河小区党群服务站",
            "星河苑3号楼二单元一楼",
        ),
        # Where the site was chosen, sentences after the station is named.
        (
            "6月1日,星河片区“幸福里”党群服务站启用。经过多轮比选,驿站选定位于星河党校一楼,面积100平米。",
            "星河片区幸福里党群服务站",
            "星河党校一楼",
        ),
        # An estate before a quoted name is where the station sits; the township before it is not.
        (
            "6月1日,星河镇某某花园“阳光”党群服务站揭牌启用。",
            "阳光党群服务站",
            "某某花园",
        ),
        # Where a station opens is its address, whatever kind of building it is (a bank's branch).
        ("6月1日,星河银行又一家长河暖心驿站在城南长河支行揭牌启用。", "长河暖心驿站", "城南长河支行"),
        # The station named first, then only by its kind where the text says where it is.
        (
            "6月1日,白鹭镇户外职工服务驿站开放。志愿者在位于青松社区的户外职工服务驿站发放清凉包。",
            "白鹭镇户外职工服务驿站",
            "青松社区",
        ),
        # Someone inside the station, named before, at a place: that place is its address.
        (
            "青山“暖心驿站”为环卫工人服务\n傍晚,在青山区解放路中段的“暖心驿站”里,两名环卫工人正在休息。",
            "青山暖心驿站",
            "青山区解放路中段",
        ),
        # The place a centre or home is unveiled at.
        (
            "6月1日,某市首个侨胞之家在某区文化馆内举行揭牌仪式。",
            "侨胞之家",
            "某区文化馆",
        ),
        # Two roads where they cross: 与 there is part of the address, not a break.
        ("6月1日,在长河路与白鹭街交叉口的“长河驿站”里,快递员正在休息。", "长河驿站", "长河路与白鹭街交叉口"),
        # A quoted name closes its quote before 位于, or before 在 where it opens, a park's 内 after.
        ("6月1日,星河街道“晨曦驿站”位于长河路15号。", "星河街道晨曦驿站", "长河路15号"),
        ("6月1日,星河镇“明镜驿站”在镇清风公园内揭牌启用。", "星河镇明镜驿站", "镇清风公园"),
        # A home unveiled at a place, with no 举行…仪式.
        ("5月8日,星河区首家“青年创业者之家”在长河商城四楼揭牌成立。", "青年创业者之家", "长河商城四楼"),
        # An address given on a line of its own; a station inside a park.
        ("6月1日,星河暖新驿站开放。星河暖新驿站地址:长河路12号。", "星河暖新驿站", "长河路12号"),
        ("6月1日,长河公园内的“乐邻驿站”向居民开放。", "乐邻驿站", "长河公园"),
        ("6月1日,新建成的“晨星驿站”(地址:长河区光明路36号)全天开放。", "晨星驿站", "长河区光明路36号"),
        # The unveiling held where the station stands, the station named before by the headline.
        (
            "白鹭社区党群服务站揭牌\n4月2日,白鹭社区在白鹭新村3号楼底层举行党群服务站揭牌仪式。",
            "白鹭社区党群服务站",
            "白鹭新村3号楼底层",
        ),
        # A kind word alone, where it lies said before it: the station named in the headline.
        (
            "星河街道“聚贤驿站”启用\n6月18日,位于长河商务区B座一楼的驿站已于近日启用。",
            "星河街道聚贤驿站",
            "长河商务区B座一楼",
        ),
    ],
)
def test_address(text: str, name: str, address: str) -> None:
    stations = extract_text(text).stations
    assert [(s.name, s.address) for s in stations] == [(name, address)]


def test_a_quoted_name_alone_takes_its_kind_when_the_text_gives_it() -> None:
    # `“星光之家”揭牌`, then `党群“星光之家”服务站`: one station, named with its kind.
    text = "6月1日,某街道举行“星光之家”揭牌仪式。党群“星光之家”服务站是共建的成果。"
    assert [s.name for s in extract_text(text).stations] == ["党群星光之家服务站"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "6月1日,星河街道暖心驿站开放。位于长河路8号的党群服务中心同日开放。", id="kind mentioned"
        ),
        pytest.param(
            "6月1日,星河街道暖心驿站开放。位于长河路8号的党群服务中心已于近日开放。", id="kind located"
        ),
    ],
)
def test_a_kind_located_gives_no_address_to_a_station_of_another_kind(text: str) -> None:
    # `位于Y的党群服务中心` speaks of a centre, not of the 驿站 named before it (two rules read it:
    # address_before_name and kind_located_at).
    assert [(s.name, s.address) for s in extract_text(text).stations] == [("星河街道暖心驿站", None)]


def test_a_community_alone_is_no_address() -> None:
    # `某某中心在某社区挂牌`: the community says where, but is no address of the centre.
    text = "星河区“和睦”实践中心在白鹭社区挂牌\n6月1日,星河区“和睦”实践中心正式揭牌。"
    assert [(s.name, s.address) for s in extract_text(text).stations] == [("星河区和睦实践中心", None)]


def test_a_station_named_for_a_word_jieba_guesses_a_numeral_is_found() -> None:
    # jieba guessed 映月 a numeral, and a numeral before a station's kind makes no name (三个驿站).
    record = extract_text("5月6日,映月社区党群服务中心开门迎客,居民前来参观。")
    assert [s.name for s in record.stations] == ["映月社区党群服务中心"]
