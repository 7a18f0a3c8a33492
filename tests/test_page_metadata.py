"""A headline the page states as metadata (an HTML page's <title>/<h1>, a JSON `title`) is written
in the record as the text's own values are, normalised (Simplified, widths folded), and its evidence
is the line that prints it, so the rules that read a headline read it there. Pages of our own."""

from __future__ import annotations

from pathlib import Path

from extract.reading.read import read_file
from extract.running.pipeline import extract_article

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_某某新聞網</title></head>
<body>
<div class="nav"><a href="/">首頁</a> <a href="/n">新聞</a></div>
<h1>{title}</h1>
<div class="info">2024年05月21日 09:12 來源：某某日報</div>
<div class="content">
<p>5月20日上午，首屆鄰里文化節在鎮文體中心開幕，來自各村的文藝隊表演了舞蹈和戲曲。</p>
<p>居民們紛紛拍照留念，現場氣氛熱烈，活動持續到中午。</p>
</div>
</body></html>
"""


def _record_and_raw(tmp_path: Path, title: str) -> tuple[dict[str, object], str, list[tuple[int, int]]]:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(title=title), encoding="utf-8")
    [article] = read_file(path).articles
    record = extract_article(article)
    spans = [(e.span[0], e.span[1]) for e in record.evidence if e.field == "title"]
    return record.model_dump(), article.raw, spans


def test_a_traditional_headline_with_wide_marks_is_written_normalised(tmp_path: Path) -> None:
    record, raw, [(start, end)] = _record_and_raw(tmp_path, "白沙鎮舉行首屆鄰里文化節（組圖）")
    assert record["title"] == "白沙镇举行首届邻里文化节(组图)"
    assert raw[start:end] == "白沙鎮舉行首屆鄰里文化節（組圖）"


def test_the_rules_reading_a_headline_read_the_pages_own(tmp_path: Path) -> None:
    """The organiser is named only in the headline; it is found where the page prints it."""
    record, raw, _ = _record_and_raw(tmp_path, "白沙鎮舉行首屆鄰里文化節（組圖）")
    assert record["organisers"] == ["白沙镇"]
    [(start, end)] = [tuple(e["span"]) for e in record["evidence"] if e["field"] == "organisers[0]"]
    assert raw[start:end] == "白沙鎮"
