"""A text article's own date stamp: read as `published`, never taken for the event's date."""

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
    ],
)
def test_stamp_is_published_and_not_the_event_date(head: str, published: str) -> None:
    record = extract_text(head + "\n" + BODY, doc_id="stamp")
    assert record.published == published
    assert record.date is None


def test_event_date_below_a_stamp_takes_its_year() -> None:
    record = extract_text("某街道举行议事会\n2022-06-30\n\n6月28日,某街道举行议事会。", doc_id="dated")
    assert (record.published, record.date) == ("2022-06-30", "2022-06-28")
