"""Dates in records: a text page's own stamp is `published` and never the event's date; the event's date
is read in every form the date finder knows."""

from __future__ import annotations

import pytest

from extract import extract_text

BODY = "近日,某街道在社区党群服务中心举行议事会,居民代表参加。"


@pytest.mark.parametrize(
    ("head", "published"),
    [
        pytest.param("某街道举行议事会\n2022年06月30日\n字数:512\n", "2022-06-30", id="own line"),
        pytest.param("某街道举行议事会\n2022-06-30\n", "2022-06-30", id="own line, dashes"),
        pytest.param("日期:[2022/6/30] 作者:[某街道]\n", "2022-06-30", id="labelled in brackets"),
        pytest.param("某某日报 2022年06月30日 星期四\n", "2022-06-30", id="newspaper weekday"),
        pytest.param("《 某某日报 》( 2022年06月30日   第 04 版)\n", "2022-06-30", id="newspaper page"),
        pytest.param("《某某日报》(2022年06月30日 04版)\n", "2022-06-30", id="newspaper page without 第"),
        pytest.param(
            "某街道举行议事会\n30.06.2022  09:15\n", "2022-06-30T09:15", id="day first, with its time"
        ),
        pytest.param("稿源: 某区政府网 2022-06-30\n", "2022-06-30", id="labelled as the copy's source"),
        pytest.param("某街道举行议事会\n[2022-06-30]\n", "2022-06-30", id="own line, in brackets"),
        pytest.param(
            "某街道举行议事会\n某某日报 2022-06-30\n", "2022-06-30", id="the paper's name and the date"
        ),
        pytest.param("某街道举行议事会\n编辑:张三 2022-06-30\n", "2022-06-30", id="the editor's line"),
    ],
)
def test_stamp_is_published_and_not_the_event_date(head: str, published: str) -> None:
    record = extract_text(head + "\n" + BODY, doc_id="stamp")
    assert record.published == published
    assert record.date is None


def test_a_day_first_date_needs_its_time_and_a_line_of_its_own() -> None:
    for head in (
        "某街道举行议事会\n30.06.2022\n",
        "增长了30.06.2022  09:15\n",
        "版本 3.06.2022 09:15 更新\n",
    ):
        assert extract_text(head + "\n" + BODY, doc_id="stamp").published is None, head


@pytest.mark.parametrize(
    ("text", "published"),
    [
        pytest.param(
            "某某报阅读器\n2024-03-09\n星期六\n\n本报11月3日讯 今天,某街道举行议事会。\n",
            None,
            id="the reader's today, four months after the dateline",
        ),
        pytest.param(
            "某某报阅读器\n2024-03-09\n星期六\n\n某网某地3月8日消息 昨天,某街道举行议事会。\n",
            "2024-03-09",
            id="printed the day after the dateline",
        ),
        pytest.param(
            "某街道举行议事会\n2024-01-02\n\n本报12月30日讯 某街道举行议事会。\n",
            "2024-01-02",
            id="a dateline of last December, printed in January",
        ),
        pytest.param(
            "某街道举行议事会\n2024-03-09\n\n某日,某社区学习了某社4月1日电的报道。\n",
            "2024-03-09",
            id="a dateline quoted inside a sentence is not the article's",
        ),
    ],
)
def test_a_stamp_far_from_the_dateline_is_not_the_page_s(text: str, published: str | None) -> None:
    assert extract_text(text, doc_id="dateline").published == published


def test_event_date_below_a_stamp_takes_its_year() -> None:
    record = extract_text("某街道举行议事会\n2022-06-30\n\n6月28日,某街道举行议事会。", doc_id="dated")
    assert (record.published, record.date) == ("2022-06-30", "2022-06-28")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("大前天,某社区举行议事会。", "2025-07-29", id="three days back"),
        pytest.param("去年6月5日,某社区举行议事会。", "2024-06-05", id="last year"),
        pytest.param("上个月三号,某社区举行议事会。", "2025-07-03", id="last month"),
        pytest.param("两千零九年五月三日,某社区举行议事会。", "2009-05-03", id="year as a Chinese number"),
        pytest.param("某社区举行议事会\n\n30日上午,某社区举行议事会。", "2025-07-30", id="the day alone"),
        pytest.param("昨晚,某社区举行纳凉晚会。", "2025-07-31", id="yesterday evening"),
        pytest.param("7月5-6日,某社区举行议事会。", "2025-07-05", id="a range of days"),
    ],
)
def test_event_dates_in_relative_and_chinese_forms(text: str, expected: str) -> None:
    assert extract_text(text, doc_id="rel", published="2025-08-01").date == expected


def test_the_day_alone_without_a_publication_date_gives_no_date() -> None:
    text = "30日上午,某社区举行议事会。2024年6月5日,该社区成立。"
    assert extract_text(text, doc_id="day").date is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "本报12月5日讯(记者 某某)今天,某社区举行议事会。",
            "2026-01-24",
            "2025-12-05",
            id="today of the dateline",
        ),
        pytest.param(
            "某某社上海3月5日电 昨天,某社区举行议事会。",
            "2025-03-09",
            "2025-03-04",
            id="yesterday of the dateline",
        ),
        pytest.param(
            "本报讯(记者 某某)昨天,某社区举行议事会。",
            "2025-03-09",
            "2025-03-08",
            id="a dateline without a day",
        ),
    ],
)
def test_relative_days_count_from_the_dateline(text: str, published: str, expected: str) -> None:
    record = extract_text(text, doc_id="dl", published=published)
    assert record.date == expected
    rules = [e.rule for e in record.evidence if e.field == "date"]
    assert ("date.dateline_day" in rules) == ("日" in text[:12])


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "某某网3月8日消息 近日,某街道联欢会在邮轮码头举行。", id="dateline with 消息, then 近日"
        ),
        pytest.param("某街道举行议事会\n\n居民代表参加。\n\n某党支部\n2021年4月9日", id="signature date"),
        pytest.param(
            "某某中学迎来新校长\n阅读 1203 | 2021年04月09日 10:12 | 分享\n某校长来到某县任教。",
            id="stamp with its time",
        ),
        pytest.param("某某港将于10月18日正式开港,可停靠大型邮轮。", id="a day ahead"),
        pytest.param("在人人都谈效率的今天,某校长选择了慢下来。", id="在…的今天 is nowadays"),
    ],
)
def test_no_event_date(text: str) -> None:
    assert extract_text(text, doc_id="undated", published="2021-04-12").date is None


def test_the_party_birthday_gives_the_year() -> None:
    text = "7月1日,某村老党员齐聚村委会,举行重温入党誓词活动,共同庆祝党的99岁生日。"
    assert extract_text(text, doc_id="birthday").date == "2020-07-01"
