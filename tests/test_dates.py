"""Tests for extract.text.dates: every supported date form, the non-dates, and a never-raises property."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.text.dates import DateMention, chinese_number, find_dates, parse_published, year_hints, years_in

D = datetime.date
# Relative day words and how many days from publication each names.
_DAY_WORDS = {
    "今天": 0,
    "今日": 0,
    "昨天": -1,
    "昨日": -1,
    "前天": -2,
    "大前天": -3,
    "明天": 1,
    "后天": 2,
    "大后天": 3,
}
PUB = D(2025, 1, 3)  # a Friday early in January, so year-less dates can roll back into 2024

# (id, text, published, expected mention text, expected date, kind, year_explicit)
SINGLE = [
    (
        "abs-ri",
        "2023年2月13日，社区党支部召开组织生活会。",
        None,
        "2023年2月13日",
        D(2023, 2, 13),
        "absolute",
        True,
    ),
    (
        "abs-hao",
        "定于2023年2月13号开展主题党日活动。",
        None,
        "2023年2月13号",
        D(2023, 2, 13),
        "absolute",
        True,
    ),
    ("abs-hao-trad", "定於2023年2月13號舉行。", None, "2023年2月13號", D(2023, 2, 13), "absolute", True),
    ("abs-dash", "通知发布于2023-02-13。", None, "2023-02-13", D(2023, 2, 13), "absolute", True),
    ("abs-dot", "时间：2023.2.13 上午", None, "2023.2.13", D(2023, 2, 13), "absolute", True),
    ("abs-slash", "日期 2023/02/13 地点 村委会", None, "2023/02/13", D(2023, 2, 13), "absolute", True),
    ("abs-iso-time", "更新于2023-02-13T20:08:36", None, "2023-02-13", D(2023, 2, 13), "absolute", True),
    (
        "abs-cn",
        "二〇二三年六月二十五日，街道召开大会。",
        None,
        "二〇二三年六月二十五日",
        D(2023, 6, 25),
        "absolute",
        True,
    ),
    (
        "abs-cn-ling",
        "二零二三年十月一日是国庆节。",
        None,
        "二零二三年十月一日",
        D(2023, 10, 1),
        "absolute",
        True,
    ),
    (
        "abs-cn-nian",
        "二〇二三年十二月卅一日",
        None,
        "二〇二三年十二月卅一日",
        D(2023, 12, 31),
        "absolute",
        True,
    ),
    (
        "abs-afternoon",
        "2023年6月25日下午，支部书记讲党课。",
        PUB,
        "2023年6月25日",
        D(2023, 6, 25),
        "absolute",
        True,
    ),
    ("abs-spaces", "2023 年 6 月 25 日", None, "2023 年 6 月 25 日", D(2023, 6, 25), "absolute", True),
    ("abs-leap", "2024年2月29日举行换届选举。", None, "2024年2月29日", D(2024, 2, 29), "absolute", True),
    ("md-pub", "6月25日，志愿者走进社区。", PUB, "6月25日", D(2024, 6, 25), "month_day", False),
    ("md-no-pub", "6月25日，志愿者走进社区。", None, "6月25日", None, "month_day", False),
    ("md-hao", "6月25号开展义诊。", PUB, "6月25号", D(2024, 6, 25), "month_day", False),
    ("md-cn", "六月二十五日，党员集中学习。", PUB, "六月二十五日", D(2024, 6, 25), "month_day", False),
    ("md-same-year", "1月2日召开了座谈会。", PUB, "1月2日", D(2025, 1, 2), "month_day", False),
    ("md-published-day", "1月3日上午召开会议。", PUB, "1月3日", D(2025, 1, 3), "month_day", False),
    ("md-prev-year", "12月26日，书记带队走访。", PUB, "12月26日", D(2024, 12, 26), "month_day", False),
    ("md-feb29", "2月29日组织了植树活动。", D(2025, 3, 1), "2月29日", D(2024, 2, 29), "month_day", False),
    ("day-ri", "25日，工作组入村调研。", D(2025, 3, 28), "25日", D(2025, 3, 25), "day", False),
    ("day-hao", "本次活动于25号结束。", D(2025, 3, 28), "25号", D(2025, 3, 25), "day", False),
    ("day-prev-month", "25日，工作组入村调研。", PUB, "25日", D(2024, 12, 25), "day", False),
    ("day-skip-short-month", "31日召开总结会。", D(2025, 5, 10), "31日", D(2025, 3, 31), "day", False),
    ("day-no-pub", "25日，工作组入村调研。", None, "25日", None, "day", False),
    ("day-trad", "於25號結束。", D(2025, 3, 28), "25號", D(2025, 3, 25), "day", False),
    ("rel-jintian", "今天，社区举行升旗仪式。", PUB, "今天", D(2025, 1, 3), "relative", False),
    ("rel-jinri", "今日上午召开动员会。", PUB, "今日", D(2025, 1, 3), "relative", False),
    ("rel-zuotian", "昨天下午进行了演练。", PUB, "昨天", D(2025, 1, 2), "relative", False),
    ("rel-zuori", "昨日，镇党委召开会议。", PUB, "昨日", D(2025, 1, 2), "relative", False),
    ("rel-qiantian", "前天刚刚完成验收。", PUB, "前天", D(2025, 1, 1), "relative", False),
    ("rel-mingtian", "明天将开展义务劳动。", PUB, "明天", D(2025, 1, 4), "relative", False),
    ("rel-houtian", "后天举行表彰大会。", PUB, "后天", D(2025, 1, 5), "relative", False),
    ("rel-houtian-trad", "後天舉行表彰大會。", PUB, "後天", D(2025, 1, 5), "relative", False),
    ("rel-no-pub", "今天，社区举行升旗仪式。", None, "今天", None, "relative", False),
    ("rel-benyue", "本月2日召开推进会。", PUB, "本月2日", D(2025, 1, 2), "relative", False),
    ("rel-shangyue", "上月25日完成了考核。", PUB, "上月25日", D(2024, 12, 25), "relative", False),
    ("rel-shanggeyue", "上个月25日完成了考核。", PUB, "上个月25日", D(2024, 12, 25), "relative", False),
    ("rel-qunian", "去年6月5日，项目正式开工。", PUB, "去年6月5日", D(2024, 6, 5), "relative", False),
    ("rel-jinnian", "今年1月2日起施行。", PUB, "今年1月2日", D(2025, 1, 2), "relative", False),
    ("rel-qiannian", "前年3月1日挂牌成立。", PUB, "前年3月1日", D(2023, 3, 1), "relative", False),
    ("rel-qunian-cn", "去年十二月三十一日", PUB, "去年十二月三十一日", D(2024, 12, 31), "relative", False),
    # Years in Chinese numerals, digit by digit or as a number; numeric years of any century.
    (
        "abs-cn-ling-hao",
        "二零零九年五月三号揭牌。",
        None,
        "二零零九年五月三号",
        D(2009, 5, 3),
        "absolute",
        True,
    ),
    (
        "abs-cn-number",
        "两千零九年五月三日揭牌。",
        None,
        "两千零九年五月三日",
        D(2009, 5, 3),
        "absolute",
        True,
    ),
    ("abs-cn-1900s", "一九九七年七月一日零时。", None, "一九九七年七月一日", D(1997, 7, 1), "absolute", True),
    (
        "abs-cn-positional",
        "一千九百八十四年十月一日",
        None,
        "一千九百八十四年十月一日",
        D(1984, 10, 1),
        "absolute",
        True,
    ),
    ("abs-dash-1900s", "纪念1937-07-07这一天。", None, "1937-07-07", D(1937, 7, 7), "absolute", True),
    ("abs-no-ri", "定于2019年5月20,在礼堂举行。", None, "2019年5月20", D(2019, 5, 20), "absolute", True),
    # Numeric forms: spaces, dots without leading zeros, slashes.
    ("abs-space", "落款 2010 01 29 印发", None, "2010 01 29", D(2010, 1, 29), "absolute", True),
    ("abs-dot-short", "2010.1.29 上午", None, "2010.1.29", D(2010, 1, 29), "absolute", True),
    ("abs-slash-zero", "截至2010/01/29,", None, "2010/01/29", D(2010, 1, 29), "absolute", True),
    # Month and day without 日 or 号, at the end of a clause or before a part of the day.
    ("md-cn-bare", "八月十五,全村团聚。", D(2025, 9, 1), "八月十五", D(2025, 8, 15), "month_day", False),
    (
        "md-cn-bare-end",
        "活动定在三月二十三。",
        D(2025, 4, 1),
        "三月二十三",
        D(2025, 3, 23),
        "month_day",
        False,
    ),
    ("md-digits-bare", "报名截至5月20", D(2025, 6, 1), "5月20", D(2025, 5, 20), "month_day", False),
    ("md-bare-daypart", "5月20上午开会", D(2025, 6, 1), "5月20", D(2025, 5, 20), "month_day", False),
    # 12/1 and 12-1 as month/day, only when a publication date anchors them.
    ("md-slash", "12/1 社区开放日", D(2025, 12, 3), "12/1", D(2025, 12, 1), "month_day", False),
    ("md-dash", "12-1,社区开放日", D(2026, 1, 3), "12-1", D(2025, 12, 1), "month_day", False),
    # Relative days beyond one step, months and the publication's month in another year.
    ("rel-daqiantian", "大前天完成验收。", PUB, "大前天", D(2024, 12, 31), "relative", False),
    ("rel-dahoutian", "大后天举行表彰大会。", PUB, "大后天", D(2025, 1, 6), "relative", False),
    ("rel-dahoutian-trad", "大後天舉行。", PUB, "大後天", D(2025, 1, 6), "relative", False),
    ("rel-shanggeyue-cn", "上个月三号完成考核。", PUB, "上个月三号", D(2024, 12, 3), "relative", False),
    ("rel-qunian-benyue", "去年本月十日开工。", PUB, "去年本月十日", D(2024, 1, 10), "relative", False),
    ("rel-jinnian-benyue-no-pub", "去年本月十日开工。", None, "去年本月十日", None, "relative", False),
    # Days counted from publication, and the day words that carry a part of the day.
    ("rel-days-ago", "3天前,工作组完成验收。", PUB, "3天前", D(2024, 12, 31), "relative", False),
    ("rel-days-ago-cn", "两天前刚刚完成验收。", PUB, "两天前", D(2025, 1, 1), "relative", False),
    ("rel-days-later", "十天以后将举行表彰大会。", PUB, "十天以后", D(2025, 1, 13), "relative", False),
    ("rel-days-later-zhi", "5天之后召开总结会。", PUB, "5天之后", D(2025, 1, 8), "relative", False),
    # A range of days in one month: the first day is the date.
    ("md-range", "6月5-6日,某街道召开会议。", D(2025, 6, 30), "6月5-6日", D(2025, 6, 5), "month_day", False),
    (
        "md-range-zhi",
        "六月五至六日召开会议。",
        D(2025, 6, 30),
        "六月五至六日",
        D(2025, 6, 5),
        "month_day",
        False,
    ),
    ("abs-range", "2023年6月5—6日举行。", None, "2023年6月5—6日", D(2023, 6, 5), "absolute", True),
    ("rel-weeks-ago", "两周前,工作组完成验收。", PUB, "两周前", D(2024, 12, 20), "relative", False),
    ("rel-week-later", "一个星期后召开总结会。", PUB, "一个星期后", D(2025, 1, 10), "relative", False),
    (
        "rel-zhegeyue",
        "这个月12号召开推进会。",
        D(2025, 1, 20),
        "这个月12号",
        D(2025, 1, 12),
        "relative",
        False,
    ),
    ("abs-compact", "文号20230511,印发。", None, "20230511", D(2023, 5, 11), "absolute", True),
    ("rel-zuowan", "昨晚,志愿者巡逻到十点。", PUB, "昨晚", D(2025, 1, 2), "relative", False),
    ("rel-jinchen", "今晨六时,环卫工人上岗。", PUB, "今晨", D(2025, 1, 3), "relative", False),
    ("rel-mingwan", "明晚七点举行晚会。", PUB, "明晚", D(2025, 1, 4), "relative", False),
    # A year in two digits: 00-49 in the 2000s, 50-99 in the 1900s.
    (
        "abs-two-digit-year",
        "19年10月1日,社区举行升旗仪式。",
        None,
        "19年10月1日",
        D(2019, 10, 1),
        "absolute",
        True,
    ),
    ("abs-two-digit-1900s", "98年7月1日建成。", None, "98年7月1日", D(1998, 7, 1), "absolute", True),
    ("invalid-feb30", "2月30日召开会议。", PUB, "2月30日", None, "month_day", False),
    ("invalid-month13", "13月5日召开会议。", PUB, "13月5日", None, "month_day", False),
    ("invalid-abs", "2023年2月30日召开会议。", None, "2023年2月30日", None, "absolute", True),
    ("invalid-abs-dash", "2023-13-01", None, "2023-13-01", None, "absolute", True),
    ("invalid-rel", "上月31日", D(2025, 3, 5), "上月31日", None, "relative", False),
]


@pytest.mark.parametrize(
    ("text", "published", "mention", "date", "kind", "explicit"),
    [pytest.param(*case[1:], id=case[0]) for case in SINGLE],
)
def test_single_mention(
    text: str, published: D | None, mention: str, date: D | None, kind: str, explicit: bool
) -> None:
    found = find_dates(text, published)
    assert len(found) == 1, found
    m = found[0]
    assert m.text == mention
    assert text[m.span[0] : m.span[1]] == m.text
    assert (m.date, m.kind, m.year_explicit) == (date, kind, explicit)


NONE = [
    ("metro-line", "乘坐1号线到达会场。"),
    ("building", "3号楼的居民参加了议事会。"),
    ("courtyard", "25号院完成了改造。"),
    ("address", "地址：中山路1063号。"),
    ("street-number", "活动在解放街25号举行。"),
    ("riqian", "日前，社区开展了宣讲活动。"),
    ("jinri-recent", "近日，街道组织党员学习。"),
    ("jinnian-alone", "今年以来，全镇新建党群服务站。"),
    ("month-alone", "6月是安全生产月。"),
    ("year-month", "2021年1月，该村被评为先进集体。"),
    ("time", "会议于13:54结束。"),
    ("landline", "咨询电话：0571-87654321。"),
    ("mobile", "联系人手机13812345678。"),
    ("ordinal", "活动进入第25日。"),
    ("within-days", "须在15日内完成整改。"),
    ("yen", "每份20日元。"),
    ("day-out-of-range", "持续了45日。"),
    ("long-number", "编号123日"),
    ("document", "印发了1号文件。"),
    ("quarter", "2019年第3季度,产值增长。"),
    ("month-day-counting", "5月20多人参加。"),
    ("month-day-noun", "八月十五的月亮"),
    ("range-count", "每组3-5人。"),
    ("range-buildings", "3月1-2号楼完成改造。"),
    ("percent", "占比1/2%。"),
    ("decimal", "增长了5月20.5"),
    ("weekday", "上周五,社区召开议事会。"),
    ("week-alone", "上周,社区召开议事会。"),
    ("long-number", "订单号2023051188。"),
    ("compact-no-month", "编号20231311"),
    ("days-ago-vague", "几天前,社区召开议事会。"),
    ("days-then-go", "用了3天前往各村走访。"),
    ("evening-paper", "今晚报记者报道。"),
    ("years-of-service", "工作了30年10月有余。"),
]


@pytest.mark.parametrize(("text",), [pytest.param(text, id=name) for name, text in NONE])
def test_no_mention(text: str) -> None:
    assert find_dates(text, PUB) == []


def test_a_two_digit_year_is_never_cut_from_a_longer_number() -> None:
    assert [m.kind for m in find_dates("第119年10月1日", PUB)] == ["month_day"]
    assert [m.kind for m in find_dates("2.19年10月1日", PUB)] == ["month_day"]


def test_month_day_with_a_slash_or_dash_needs_a_publication_date() -> None:
    for text in ("12/1 社区开放日", "12-1,社区开放日"):
        assert find_dates(text) == []
        assert [m.date for m in find_dates(text, D(2025, 12, 3))] == [D(2025, 12, 1)]


def test_several_mentions_in_order() -> None:
    text = "2023年6月25日下午，支部召开会议；26日上午走访群众；今天总结。"
    found = find_dates(text, D(2023, 6, 27))
    assert [m.text for m in found] == ["2023年6月25日", "26日", "今天"]
    assert [m.date for m in found] == [D(2023, 6, 25), D(2023, 6, 26), D(2023, 6, 27)]
    assert all(text[m.span[0] : m.span[1]] == m.text for m in found)


def test_day_range_after_dash() -> None:
    found = find_dates("6月1日-25日开展集中整治，地址为3-25号。", D(2025, 6, 30))
    assert [(m.text, m.date) for m in found] == [("6月1日", D(2025, 6, 1)), ("25日", D(2025, 6, 25))]


def test_longest_match_wins() -> None:
    (m,) = find_dates("去年12月26日", PUB)
    assert (m.kind, m.span) == ("relative", (0, 8))


@pytest.mark.parametrize(
    "published", [pytest.param(D.min, id="date-min"), pytest.param(D.max, id="date-max")]
)
def test_extreme_published_dates_do_not_raise(published: D) -> None:
    text = "明天、前天、去年2月29日、上月31日、下月1日、2月29日、31日"
    assert len(find_dates(text, published)) == 7


def test_mention_is_frozen() -> None:
    (m,) = find_dates("今天", PUB)
    assert isinstance(m, DateMention)
    with pytest.raises(AttributeError):
        m.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        pytest.param("2023-07-06T20:08:36", D(2023, 7, 6), id="iso"),
        pytest.param("2023-02-14 13:54", D(2023, 2, 14), id="space-time"),
        pytest.param("2023/07/06", D(2023, 7, 6), id="slash"),
        pytest.param("2023.07.06", D(2023, 7, 6), id="dot"),
        pytest.param("2023年7月6日", D(2023, 7, 6), id="chinese"),
        pytest.param("发布时间：2023年7月6日 10:00", D(2023, 7, 6), id="labelled"),
        pytest.param("20230706", D(2023, 7, 6), id="compact"),
        pytest.param("2023-02-30", None, id="invalid"),
        pytest.param("", None, id="empty"),
        pytest.param("未知", None, id="no-date"),
    ],
)
def test_parse_published(s: str, expected: D | None) -> None:
    assert parse_published(s) == expected


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        pytest.param("二十五", 25, id="twenty-five"),
        pytest.param("二〇二三", 2023, id="digit-by-digit"),
        pytest.param("二零二三", 2023, id="digit-by-digit-ling"),
        pytest.param("十", 10, id="ten"),
        pytest.param("十二", 12, id="twelve"),
        pytest.param("三十一", 31, id="thirty-one"),
        pytest.param("一百", 100, id="hundred"),
        pytest.param("一百零五", 105, id="hundred-five"),
        pytest.param("廿五", 25, id="nian"),
        pytest.param("兩", 2, id="trad-liang"),
        pytest.param("25", 25, id="ascii"),
        pytest.param("", None, id="empty"),
        pytest.param("十十", None, id="repeated-unit"),
        pytest.param("二三十", None, id="two-digits-then-unit"),
        pytest.param("abc", None, id="letters"),
    ],
)
def test_chinese_number(s: str, expected: int | None) -> None:
    assert chinese_number(s) == expected


@pytest.mark.parametrize(
    ("text", "year"),
    [
        pytest.param("热烈庆祝建党98周年", 2019, id="party-digits"),
        pytest.param("迎接建党一百周年", 2021, id="party-chinese"),
        pytest.param("纪念中国共产党成立100周年", 2021, id="party-full"),
        pytest.param("庆祝新中国成立70周年", 2019, id="prc"),
        pytest.param("中华人民共和国成立七十周年", 2019, id="prc-full"),
        pytest.param("慶祝建黨九十九週年", 2020, id="traditional"),
        pytest.param("共同庆祝党的99岁生日", 2020, id="party-birthday"),
        pytest.param("喜迎党的一百岁华诞", 2021, id="party-birthday-chinese"),
    ],
)
def test_year_hints(text: str, year: int) -> None:
    ((found, span),) = year_hints(text)
    assert found == year
    assert text[span[1] - 2 : span[1]] in {"周年", "週年", "生日", "华诞"}


def test_years_in() -> None:
    text = "2020年脱贫，二〇二〇年底验收，12020年不是年份，2021年1月换届。"
    found = years_in(text)
    assert [y for y, _ in found] == [2020, 2020, 2021]
    assert [text[a:b] for _, (a, b) in found] == ["2020年", "二〇二〇年", "2021年"]


_DATEISH = st.text(
    alphabet="0123456789年月日号號今昨前明后後天本上去个楼线路第-./: 二〇十五一三", max_size=60
)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=80), _DATEISH), published=st.one_of(st.none(), st.dates()))
def test_find_dates_never_raises_and_spans_are_sane(text: str, published: D | None) -> None:
    found = find_dates(text, published)
    end = 0
    for m in found:
        start, stop = m.span
        assert end <= start < stop <= len(text)
        assert text[start:stop] == m.text
        assert m.kind in {"absolute", "month_day", "day", "relative"}
        end = stop


def test_extract_text_takes_published_as_a_date_or_a_datetime_like_find_dates() -> None:
    from datetime import date, datetime

    from extract import extract_text

    text = "12月30日上午,某街道举行揭牌仪式。"
    for published in (date(2021, 1, 5), datetime(2021, 1, 5, 9, 30), "2021-01-05"):
        record = extract_text(text, published=published)
        assert (record.date, str(record.published)[:10]) == ("2020-12-30", "2021-01-05"), published


# --- round trips: a date written in any supported form reads back as itself --------------------
# The numerals are written by cn2an, not by the code under test, so reading and writing are checked
# against each other rather than against themselves.

_CN_DIGITS = "〇一二三四五六七八九"


def _cn(n: int) -> str:
    return str(cn2an.an2cn(n))


def _cn_digits(n: int) -> str:
    return "".join(_CN_DIGITS[int(c)] for c in str(n))


_WITH_YEAR: list[Callable[[D], str]] = [
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d.year}年{d.month:02d}月{d.day:02d}号",
    lambda d: f"{d.year} 年 {d.month} 月 {d.day} 日",
    lambda d: f"{d.year}年{d.month}月{d.day}",
    lambda d: f"{_cn_digits(d.year)}年{_cn(d.month)}月{_cn(d.day)}日",
    lambda d: f"{_cn_digits(d.year).replace('〇', '零')}年{_cn(d.month)}月{_cn(d.day)}号",
    lambda d: f"{_cn(d.year)}年{_cn(d.month)}月{_cn(d.day)}日",
    lambda d: f"{_cn(d.year).replace('二千', '两千')}年{_cn(d.month)}月{_cn(d.day)}日",
    lambda d: f"{_cn_digits(d.year)}年{_cn(d.month)}月{_cn(d.day)}",
    lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
    lambda d: f"{d.year}.{d.month}.{d.day}",
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    lambda d: f"{d.year} {d.month:02d} {d.day:02d}",
]
_WITHOUT_YEAR: list[Callable[[D], str]] = [
    lambda d: f"{d.month}月{d.day}日",
    lambda d: f"{d.month}月{d.day}号",
    lambda d: f"{d.month}月{d.day}號",
    lambda d: f"{_cn(d.month)}月{_cn(d.day)}日",
    lambda d: f"{d.month}月{d.day}",
    lambda d: f"{_cn(d.month)}月{_cn(d.day)}",
    lambda d: f"{d.month}/{d.day}",
    lambda d: f"{d.month:02d}-{d.day:02d}",
]
_BEFORE = st.sampled_from(["", "于", "会议定于", "\n", "据悉,"])
_AFTER = st.sampled_from([",", "。", "上午", "下午,", "\n"])
_DAYS = st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31))


def _only_date(text: str, published: D | None) -> D | None:
    found = find_dates(text, published)
    assert len(found) == 1, (text, found)
    return found[0].date


@given(_DAYS, st.sampled_from(_WITH_YEAR), _BEFORE, _AFTER)
@settings(max_examples=300)
def test_dates_with_a_year_read_back(day: D, write: Callable[[D], str], before: str, after: str) -> None:
    assert _only_date(before + write(day) + after, None) == day


@given(_DAYS, st.sampled_from(_WITHOUT_YEAR), st.integers(0, 364), _BEFORE, _AFTER)
@settings(max_examples=300)
def test_dates_without_a_year_read_back_from_a_later_publication(
    day: D, write: Callable[[D], str], later: int, before: str, after: str
) -> None:
    published = day + datetime.timedelta(days=later)
    assert _only_date(before + write(day) + after, published) == day


@given(_DAYS, st.sampled_from(sorted(_DAY_WORDS)), _AFTER)
def test_relative_days_read_back(day: D, word: str, after: str) -> None:
    assert _only_date(word + after, day) == day + datetime.timedelta(days=_DAY_WORDS[word])


@given(_DAYS, st.integers(1, 28), st.sampled_from(["上个月{}号", "上月{}日"]), st.booleans())
def test_last_month_reads_back(day: D, published_day: int, form: str, chinese: bool) -> None:
    year, month = divmod(day.year * 12 + day.month, 12)
    published = D(year, month + 1, published_day)
    assert _only_date(form.format(_cn(day.day) if chinese else day.day), published) == day


@given(_DAYS, st.integers(1, 28), st.booleans())
def test_same_month_last_year_reads_back(day: D, published_day: int, chinese: bool) -> None:
    published = D(day.year + 1, day.month, published_day)
    assert _only_date(f"去年本月{_cn(day.day) if chinese else day.day}日", published) == day


@given(_DAYS, st.integers(0, 27), st.sampled_from(["{}日", "{}号"]), _BEFORE, _AFTER)
def test_the_day_alone_reads_back_within_four_weeks(
    day: D, later: int, form: str, before: str, after: str
) -> None:
    published = day + datetime.timedelta(days=later)
    assert _only_date(before + form.format(day.day) + after, published) == day


_YEAR_WORDS = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}


@given(_DAYS, st.sampled_from(sorted(_YEAR_WORDS)), st.booleans(), _AFTER)
def test_a_day_in_a_year_named_from_publication_reads_back(
    day: D, word: str, chinese: bool, after: str
) -> None:
    published = D(day.year - _YEAR_WORDS[word], 6, 15)
    written = f"{_cn(day.month)}月{_cn(day.day)}日" if chinese else f"{day.month}月{day.day}日"
    assert _only_date(word + written + after, published) == day


@given(_DAYS, st.integers(1, 28), st.sampled_from(["本月{}日", "下个月{}号", "下月{}日"]))
def test_this_and_next_month_read_back(day: D, published_day: int, form: str) -> None:
    back = 0 if form.startswith("本") else 1
    year, month = divmod(day.year * 12 + day.month - 1 - back, 12)
    published = D(year, month + 1, published_day)
    assert _only_date(form.format(day.day), published) == day


@given(_DAYS, st.integers(1, 99), st.sampled_from(["{}天前", "{}天以前", "{}天之前"]), st.booleans(), _AFTER)
def test_days_ago_read_back(day: D, n: int, form: str, chinese: bool, after: str) -> None:
    published = day + datetime.timedelta(days=n)
    assert _only_date(form.format(_cn(n) if chinese else n) + after, published) == day


@given(_DAYS, st.integers(1, 99), st.sampled_from(["{}天后", "{}天以后", "{}天之后"]), st.booleans(), _AFTER)
def test_days_later_read_back(day: D, n: int, form: str, chinese: bool, after: str) -> None:
    published = day - datetime.timedelta(days=n)
    assert _only_date(form.format(_cn(n) if chinese else n) + after, published) == day


@given(_DAYS, st.integers(1, 9), st.sampled_from(["{}周前", "{}个星期前", "{}週前"]), _AFTER)
def test_weeks_ago_read_back(day: D, n: int, form: str, after: str) -> None:
    published = day + datetime.timedelta(weeks=n)
    assert _only_date(form.format(_cn(n).replace("二", "两")) + after, published) == day


@given(_DAYS, _BEFORE, _AFTER)
def test_compact_dates_read_back(day: D, before: str, after: str) -> None:
    assert _only_date(f"{before}{day:%Y%m%d}{after}", None) == day


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2049, 12, 31)), _BEFORE, _AFTER)
def test_two_digit_years_read_back(day: D, before: str, after: str) -> None:
    assert _only_date(f"{before}{day.year % 100:02d}年{day.month}月{day.day}日{after}", None) == day
