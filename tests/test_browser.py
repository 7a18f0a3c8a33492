"""The review page in a real browser: headless Chromium, driven by selenium, reads the DOM and takes a
screenshot. Skips, saying why, only where Chromium or its driver is not installed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from extract.output.record import Record
from extract.review.explain import source_text
from extract.review.report import write_report
from extract.review.score import load_json_dir, score_records

from .conftest import SEEDS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)


@pytest.fixture
def browser(tmp_path: Path) -> Any:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).is_file():
            pytest.skip(f"no browser: {path} is missing (apt-get install chromium chromium-driver)")
    # selenium is a dev dependency: its absence is an install error, not a reason to skip.
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _gold_with_known_misses(records: dict[str, dict[str, Any]], folder: Path) -> tuple[str, str, str]:
    """The seeds' gold, copied into `folder` and changed so that the page must show a spurious value and
    a missed one whatever the rules find today: the first predicted attendee (or organiser) is taken
    out of its gold, and a phrase of the article's title is added as an organiser. Returns the doc id,
    the spurious value's path and the added organiser."""
    golds = load_json_dir(SEEDS / "gold")
    doc, path = next(
        (d, f"{key}[0]{'.name' if key == 'attendees' else ''}")
        for d, r in sorted(records.items())
        for key in ("attendees", "organisers")
        if r[key] and d in golds
    )
    record, gold = records[doc], golds[doc]
    if path.startswith("attendees"):
        name = record["attendees"][0]["name"]
        gold["attendees"] = [
            a for a in gold["attendees"] if name not in json.dumps(a["name"], ensure_ascii=False)
        ]
    else:
        gold["organisers"] = []
    added = (record["title"] or "")[:6]
    assert added, f"{doc} has no title to take a phrase from"
    gold["organisers"] = [*gold["organisers"], added]
    folder.mkdir()
    for d, g in golds.items():
        (folder / f"{d}.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    return doc, path, added


def test_report_page_shows_highlights_and_diff_marks(
    browser: Any, seed_records: Path, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    records = {
        r["doc_id"]: r
        for r in map(json.loads, (seed_records / "records.jsonl").read_text(encoding="utf-8").splitlines())
    }
    gold_dir = tmp_path / "gold"
    doc, spurious_path, added = _gold_with_known_misses(records, gold_dir)
    page = tmp_path / "report.html"
    write_report(seed_records, page, gold_dir)
    browser.get(page.resolve().as_uri())

    # The index: one row per article, each with the macro F1 the scorer gives it.
    golds = load_json_dir(gold_dir)
    rows = browser.find_elements(By.CSS_SELECTOR, "table.index tr.doc")
    assert len(rows) == len(records)
    for row in rows:
        d = row.get_attribute("data-doc-id")
        f1 = score_records({d: golds[d]}, {d: records[d]}).macro_f1
        assert row.find_element(By.CSS_SELECTOR, "td.f1").text == f"{f1:.3f}"

    # Highlights: every evidence item is a span (split where it crosses another) over its own raw
    # text, coloured by its field.
    for d, record in records.items():
        raw = source_text(Record.model_validate(record))
        assert raw is not None
        section = browser.find_element(By.ID, f"doc-{d}")
        spans = section.find_elements(By.CSS_SELECTOR, "div.text span.ev:not([data-part])")
        assert len(spans) == len(record["evidence"]), d
        steps: dict[str, int] = {}
        for ev in record["evidence"]:
            steps[ev["field"]] = steps.get(ev["field"], 0) + 1
            pieces = section.find_elements(
                By.CSS_SELECTOR,
                f'div.text span.ev[data-field="{ev["field"]}"][data-step="{steps[ev["field"]]}"]',
            )
            assert pieces, (d, ev)
            assert {p.get_attribute("data-rule") for p in pieces} == {ev["rule"]}
            assert pieces[0].get_attribute("data-start") == str(ev["span"][0])
            # textContent, not .text: the text box scrolls, and .text is empty for what is out of view.
            text = "".join(p.get_attribute("textContent") or "" for p in pieces)
            assert text == raw[ev["span"][0] : ev["span"][1]], (d, ev)
        colours = {
            browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor;", s) for s in spans
        }
        assert len(colours) > 1 or len(spans) <= 1, f"{d}: fields share one colour"

    # Diff marks: the value taken out of gold is spurious, in the text and in the record table.
    section = browser.find_element(By.ID, f"doc-{doc}")
    marked = section.find_elements(By.CSS_SELECTOR, f'span.ev[data-field="{spurious_path}"]')
    assert marked and all(s.get_attribute("data-status") == "spurious" for s in marked)
    assert "st-spurious" in (marked[0].get_attribute("class") or "")
    row = section.find_element(By.CSS_SELECTOR, f'table.record tr[data-path="{spurious_path}"]')
    assert row.get_attribute("data-status") == "spurious"
    assert row.find_element(By.CSS_SELECTOR, "td.status").text == "spurious"
    missed = section.find_elements(By.CSS_SELECTOR, f'span.gold-missed[data-gold="{added}"]')
    assert missed and missed[0].get_attribute("textContent") == added
    kinds = [r.get_attribute("data-kind") for r in section.find_elements(By.CSS_SELECTOR, "tr.miss-row")]
    assert "spurious" in kinds and "missed" in kinds

    # The inline script runs: hovering a record row outlines that value's spans.
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseenter'));", row)
    assert "focus" in (marked[0].get_attribute("class") or "")

    shot = tmp_path / "report.png"
    browser.execute_script("arguments[0].scrollIntoView();", section)
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
