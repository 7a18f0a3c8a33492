"""HTML page → visible text plus what the page says of itself (headline, publication date, url).

The page is parsed once with selectolax (lexbor) and walked once. Everything after that works on
the list of visible text lines (extract/reading/page_lines.py), the <title> and the <meta> tags, so
the cost stays linear in the size of the page. This module finds the headline;
extract/reading/article_region.py the article's run of lines, extract/reading/page_dates.py the
publication date and url.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from extract.reading.article_region import article_span
from extract.reading.page_dates import find_published
from extract.reading.page_lines import (
    MAX_DEPTH,
    SPACE_RUN,
    Line,
    TooDeep,
    markup_depth,
    visible_lines,
)
from extract.reading.page_url import date_from_url, find_url
from extract.text.dates import iso_stamp as parse_date
from extract.text.textutil import comparable

__all__ = [
    "Line",
    "MAX_DEPTH",
    "PageText",
    "TooDeep",
    "article_span",
    "comparable",
    "date_from_url",
    "find_title",
    "markup_depth",
    "parse_date",
    "parse_html",
    "strip_site_name",
    "visible_lines",
]
_HEADING_TAGS = frozenset({"h1", "h2", "h3"})

# <meta> keys (name / property / itemprop / http-equiv, lower-cased) in order of trust.
_TITLE_META_KEYS = (
    "og:title",
    "twitter:title",
    "articletitle",
    "headline",
    "sailthru.title",
    "dc.title",
    "title",
)
_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|--+|—+|\s[-–]\s)\s*")
_TITLE_DASH_TAIL = re.compile(r"-[^-]{1,12}$")

_MAX_TITLE_CHARS = 200


@dataclass(frozen=True)
class PageText:
    """What an HTML page yields: its visible text and what it says of itself (each None if unsaid)."""

    text: str
    title: str | None
    published: str | None
    url: str | None


def parse_html(html: str, *, focus: bool = True) -> PageText:
    """Parse `html` once and return its visible text, headline, publication date and url.

    `text` is the visible text with one paragraph per line; with `focus` it is cut to the article
    (from the headline through the main run of prose), leaving out navigation, comments and link
    lists around it. `published` is `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` (the page's local time,
    any zone offset dropped). Raises `TooDeep` for markup nested more than `MAX_DEPTH` deep.
    """
    depth = markup_depth(html)
    if depth > MAX_DEPTH:
        raise TooDeep(depth)
    tree = LexborHTMLParser(html)
    metas = _meta_values(tree)
    lines = visible_lines(tree.root) if tree.root is not None else []
    page_title = _page_title(tree)
    title, title_index = find_title(page_title, metas, lines)
    url = find_url(tree, metas, html)
    published = find_published(tree, metas, lines, title_index, url)
    if focus:
        start, end = article_span(lines, title_index)
        lines = lines[start:end]
    return PageText(
        text="\n".join(line.text for line in lines),
        title=title,
        published=published,
        url=url,
    )


# --- metadata ---------------------------------------------------------------------------------


def _meta_values(tree: LexborHTMLParser) -> dict[str, str]:
    """Map each <meta> key (name/property/itemprop/http-equiv, lower-cased, stripped) to its first
    non-empty content."""
    values: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = (attrs.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (attrs.get(attr) or "").strip().lower()
            if key and key not in values:
                values[key] = content
    return values


def _page_title(tree: LexborHTMLParser) -> str | None:
    """The text of the first <title>, whitespace collapsed, or None."""
    node = tree.css_first("head > title") or tree.css_first("title")
    if node is None:
        return None
    text = SPACE_RUN.sub(" ", node.text() or "").strip()
    return text or None


def strip_site_name(page_title: str) -> str:
    """Drop site and channel names from a <title>: the longest part between separators such as
    `_`, `|`, ` - `, `--`, with short `-xxx` tails removed."""
    parts = [part for part in _TITLE_SEPARATORS.split(page_title) if part]
    best = max(parts, key=len) if parts else page_title
    while True:
        trimmed = _TITLE_DASH_TAIL.sub("", best)
        if trimmed == best or len(trimmed) < 4:
            return best.strip()
        best = trimmed


def find_title(page_title: str | None, metas: dict[str, str], lines: list[Line]) -> tuple[str | None, int]:
    """Return the headline and the index of the line that shows it (-1 if no line does).

    The headline is the longest visible line or title-like <meta> that the <title> contains and
    that covers at least half of the <title> without its site name (unless a title-like <meta>
    is more than twice as long); else a title-like <meta>; else the <title> without its site
    name; else the single <h1>.
    """
    meta_titles = [SPACE_RUN.sub(" ", metas[key]).strip() for key in _TITLE_META_KEYS if key in metas]
    meta_title = meta_titles[0] if meta_titles else None
    found = _title_within_page_title(page_title, meta_titles, lines) if page_title else None
    if found is not None and (meta_title is None or not _much_longer(meta_title, found[0])):
        return found
    if meta_title:
        return meta_title, _line_index(lines, comparable(meta_title))
    if page_title:
        title = strip_site_name(page_title)
        return title, _line_index(lines, comparable(title))
    h1_lines = [i for i, line in enumerate(lines) if line.tag == "h1"]
    if len(h1_lines) == 1:
        return lines[h1_lines[0]].text, h1_lines[0]
    return None, -1


def _much_longer(text: str, other: str) -> bool:
    """True if `text` has more than twice as many comparable characters as `other`."""
    return len(comparable(text)) > 2 * len(comparable(other))


def _title_within_page_title(
    page_title: str, meta_titles: list[str], lines: list[Line]
) -> tuple[str, int] | None:
    """The longest candidate contained in the <title> (see `find_title`), or None."""
    whole = comparable(page_title)
    needed = max(4, len(comparable(strip_site_name(page_title))) // 2)
    best: tuple[int, int, str, int] | None = None  # (length, tag rank, text, line index)
    candidates: Iterable[tuple[str, str, int]] = (
        *((text, "meta", -1) for text in meta_titles),
        *((line.text, line.tag, i) for i, line in enumerate(lines)),
    )
    longest = min(_MAX_TITLE_CHARS, 2 * len(page_title))
    for text, tag, index in candidates:
        if len(text) > longest:
            continue
        key = comparable(text)
        if len(key) < needed or key not in whole:
            continue
        rank = 2 if tag in _HEADING_TAGS else 1 if tag == "meta" else 0
        if best is None or (len(key), rank) > (best[0], best[1]):
            best = (len(key), rank, text, index)
    if best is None:
        return None
    title = SPACE_RUN.sub(" ", best[2]).strip()
    index = best[3] if best[3] >= 0 else _line_index(lines, comparable(title))
    return title, index


def _line_index(lines: list[Line], key: str) -> int:
    """Index of the first line (heading lines first) whose comparable text equals `key`, or -1."""
    if not key:
        return -1
    fallback = -1
    for i, line in enumerate(lines):
        if len(line.text) <= _MAX_TITLE_CHARS and comparable(line.text) == key:
            if line.tag in _HEADING_TAGS:
                return i
            if fallback < 0:
                fallback = i
    return fallback
