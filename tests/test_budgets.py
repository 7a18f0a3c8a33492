"""Inputs built to cost time: each is generated here (never committed) and must finish quickly."""

from __future__ import annotations

import time
from pathlib import Path

from extract import extract_text
from extract.reading.html_text import MAX_DEPTH, markup_depth
from extract.reading.read import read_file
from extract.resolve.event_date import MAX_MENTIONS

# Generous for a shared two-core machine; the inputs took 50 s and more before their limits.
SECONDS = 15.0


def test_deeply_nested_page_fails_quickly_with_the_limit_named(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    depth = 100_000  # about 1 MB
    page.write_text("<html><body>" + "<div>" * depth + "社区举行活动。" + "</div>" * depth + "</body></html>")
    started = time.monotonic()
    result = read_file(page)
    assert time.monotonic() - started < SECONDS
    assert not result.articles
    [error] = result.errors
    assert error.path == str(page)
    assert f"more than {MAX_DEPTH} elements deep" in error.message and "remove it" in error.message


def test_markup_depth_leaves_out_elements_that_cannot_nest() -> None:
    assert markup_depth("<div><p>一<p>二<br><img src=x><span>三</span></div>") == 2
    assert markup_depth("<ul>" + "<li>项" * 50 + "</ul>") == 1
    assert markup_depth("<b>" * 40 + "</b>" * 40) == 40
    assert markup_depth("<i>" * 100, limit=10) == 11


def test_page_nested_below_the_limit_is_still_read(tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    depth = MAX_DEPTH - 10
    page.write_text("<html><body>" + "<div>" * depth + "社区举行活动。" + "</div>" * depth + "</body></html>")
    [article] = read_file(page).articles
    assert "社区举行活动" in article.raw


def test_many_year_less_dates_resolve_in_linear_time() -> None:
    text = "6月25日" * 40_000  # 200 KB of dates no year can be found for
    started = time.monotonic()
    record = extract_text(text, doc_id="calendar")
    assert time.monotonic() - started < SECONDS
    assert record.date is None


def test_mentions_past_the_cap_are_not_tried() -> None:
    # Each date is timed to a part of the day, which makes it a candidate for the event's day.
    tail = "。2020年6月25日上午"
    assert extract_text("6月25日上午" * 10 + tail, doc_id="few").date == "2020-06-25"
    assert extract_text("6月25日上午" * (MAX_MENTIONS + 1) + tail, doc_id="many").date is None
