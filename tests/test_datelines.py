"""An article's dateline and the stamps that agree with it (extract/resolve/datelines.py)."""

from __future__ import annotations

import datetime

import pytest

from extract.resolve.datelines import agrees, dateline_day, days_from_dateline

PATTERN = r"(?m)^[^\n]{0,20}?(?P<month>\d{1,2})月(?P<day>\d{1,2})日讯"


def test_dateline_day_is_the_first_match() -> None:
    assert dateline_day("某报\n本报7月2日讯 某社区\n本报8月9日讯", PATTERN) == (7, 2)


@pytest.mark.parametrize("text", ["某社区举行活动", "本报13月2日讯", "本报讯 7月2日"])
def test_no_dateline(text: str) -> None:
    assert dateline_day(text, PATTERN) is None


@pytest.mark.parametrize(
    ("stamp", "dateline", "days"),
    [
        pytest.param(datetime.date(2024, 7, 3), (7, 2), 1, id="the day after"),
        pytest.param(datetime.date(2024, 1, 2), (12, 30), 3, id="last December"),
        pytest.param(datetime.date(2023, 12, 30), (1, 2), 3, id="next January"),
        pytest.param(datetime.date(2024, 3, 9), (11, 3), 127, id="months away"),
    ],
)
def test_days_from_dateline(stamp: datetime.date, dateline: tuple[int, int], days: int) -> None:
    assert days_from_dateline(stamp, dateline) == days


def test_agrees_within_the_limit_only() -> None:
    stamp = datetime.date(2024, 3, 9)
    assert agrees(stamp, (3, 8), 31)
    assert not agrees(stamp, (1, 20), 31)
    assert agrees(stamp, None, 31) and agrees(None, (1, 20), 31)


def test_a_page_with_its_own_date_runs_no_stamp_rule(rules_run: list[str]) -> None:
    """The dateline's check filters the stamps as they come: the rules stay lazy, and where the page
    gives its date no stamp rule runs at all."""
    from extract.running.pipeline import extract_text

    text = "某区举行读书分享会\n发布时间:2024-03-09 10:20\n本报3月8日讯 某社区昨日举行读书分享会。"
    assert extract_text(text, published="2024-03-09").published == "2024-03-09"
    assert not [rule for rule in rules_run if rule.startswith("published.")]
    rules_run.clear()
    assert extract_text(text).published == "2024-03-09T10:20"
    assert [rule for rule in rules_run if rule.startswith("published.")]
