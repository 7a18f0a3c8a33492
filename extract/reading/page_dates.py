"""What a page says of its own publication date: meta tags, JSON-LD, marked elements, filling
scripts, <time> elements, a dateline near the headline, the url (see page_url); the first that
gives a date wins."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extract.reading.page_lines import BOILERPLATE_TAGS, Line, is_boilerplate, is_link_or_boilerplate
from extract.reading.page_url import date_from_url
from extract.text.dates import STAMP, format_stamp
from extract.text.dates import iso_stamp as parse_date

_PUBLISHED_META_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "publishdate",
    "publish_date",
    "publish-date",
    "publishtime",
    "publish_time",
    "pubdate",
    "pub_date",
    "pubtime",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "og:release_date",
    "article:created_time",
    "weibo: article:create_at",
    "og:time",
    "apub:time",
    "date",
)
_MODIFIED_META_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dateupdate",
    "lastmodified",
    "weibo: article:update_at",
)
_PUBLISH_KEY = re.compile(r"publish\w*(?:date|time)|pub[-_]?(?:date|time)|(?:date|time)\w*publish")

# A publication time kept in a script's state: `publishTime: '2019-09-07 10:23'`, `"pubDate":1567822980`.
_SCRIPT_STATE_DATE = re.compile(
    r"""["']?(?:publish_?(?:time|date)|pub_?(?:time|date)|datePublished|publicTime|ptime)["']?\s*[:=]\s*"""
    r"""(?:["']([^"'\n]{6,40})["']|(\d{10}|\d{13})(?!\d))""",
    re.IGNORECASE,
)
# Seconds-since-epoch stamps are read in China's time (UTC+8), as the pages that carry them are.
_CHINA_TIME = datetime.timezone(datetime.timedelta(hours=8))
_EPOCH_YEARS = range(1995, 2100)
_MAX_ANCESTORS = 40
_DATE_LABEL = re.compile(r"(?:发布|发表|出版|上传)?(?:时间|日期)\s*[:：]")
_DATELINE_LINES_AFTER = 8
_DATELINE_LINES_BEFORE = 3
_SCRIPT_WINDOW = 300


def find_published(
    tree: LexborHTMLParser, metas: dict[str, str], lines: list[Line], title_index: int, url: str | None = None
) -> str | None:
    """Return the publication date the page states, trying in turn: publication <meta> tags,
    JSON-LD `datePublished`, elements marked as the publication date, an attribute that names a
    publish time (`data-publishtime`), a dateline next to the headline, a labelled date
    (`发布时间：…`), a <time datetime> in the text, a publish time in a script's state
    (`publishTime: '…'`), a date that a script writes into a publish-time element, a modification
    <meta> tag, and last the date in the page's url path. Dates in links and boilerplate (related
    articles, comments, footers) never count. None if the page states none."""
    finders: tuple[Callable[[], str | None], ...] = (
        lambda: _date_from_keys(metas, _PUBLISHED_META_KEYS),
        lambda: _date_from_generic_meta(metas),
        lambda: _date_from_json_ld(tree),
        lambda: _date_from_marked_elements(tree),
        lambda: _date_from_publish_attributes(tree),
        lambda: _dateline_near(lines, title_index),
        lambda: _labelled_date(lines),
        lambda: _date_from_time_element(lines),
        lambda: _date_from_script_state(tree),
        lambda: _date_from_filling_script(tree),
        lambda: _date_from_keys(metas, _MODIFIED_META_KEYS),
        lambda: date_from_url(url),
    )
    for finder in finders:
        found = finder()
        if found is not None:
            return found
    return None


def _date_from_keys(metas: dict[str, str], keys: tuple[str, ...]) -> str | None:
    """The first parsable date among the <meta> values under `keys`, in that order."""
    for key in keys:
        value = metas.get(key)
        if value:
            found = parse_date(value)
            if found is not None:
                return found
    return None


def _date_from_generic_meta(metas: dict[str, str]) -> str | None:
    """A date from any <meta> whose key speaks of publishing (`*publish*time*`, `*pubdate*`...)."""
    for key, value in metas.items():
        if _PUBLISH_KEY.search(key):
            found = parse_date(value)
            if found is not None:
                return found
    return None


def _date_from_json_ld(tree: LexborHTMLParser) -> str | None:
    """`datePublished` from the page's JSON-LD blocks, if any parses."""
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except ValueError:
            continue
        for value in _json_values(data, "datePublished"):
            found = parse_date(value)
            if found is not None:
                return found
    return None


def _json_values(data: object, key: str) -> Iterator[str]:
    """Every string stored under `key` anywhere in decoded JSON `data`."""
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            value = item.get(key)
            if isinstance(value, str):
                yield value
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)


def _date_from_marked_elements(tree: LexborHTMLParser) -> str | None:
    """A date from elements marked up as the publication date (`itemprop=datePublished`,
    `<time pubdate>`), read from their `datetime` or `content` attribute, else their text."""
    for node in tree.css('[itemprop="datePublished"], time[pubdate]'):
        attrs = node.attributes
        for value in (attrs.get("datetime"), attrs.get("content"), node.text()):
            found = parse_date(value or "")
            if found is not None:
                return found
    return None


def _date_from_filling_script(tree: LexborHTMLParser) -> str | None:
    """A date written by a script into an element whose id names it the publish time.

    Some pages show only "昨天" or nothing in that element and fill it in from a script that
    holds the real date; the date is looked for next to the script's mention of the element's id.
    """
    ids = {
        node.attributes.get("id") or ""
        for node in tree.css('[id*="publish"], [id*="pubtime"], [id*="pub_time"], [id*="pubdate"]')
    }
    ids.discard("")
    if not ids:
        return None
    for script in tree.css("script"):
        code = script.text() or ""
        for element_id in ids:
            at = code.find(element_id)
            if at >= 0:
                found = parse_date(code[max(0, at - _SCRIPT_WINDOW) : at + _SCRIPT_WINDOW])
                if found is not None:
                    return found
    return None


def _date_from_publish_attributes(tree: LexborHTMLParser) -> str | None:
    """A date from an attribute whose name speaks of publishing (`data-publishtime="…"`,
    `data-pubdate`), on an element outside links and boilerplate."""
    if tree.root is None:
        return None
    for node in tree.root.traverse():
        attrs = node.attributes
        for name, value in attrs.items():
            if value and _PUBLISH_KEY.search(name.lower()) and not _in_link_or_boilerplate(node):
                found = parse_date(value) or epoch_date(value)
                if found is not None:
                    return found
    return None


def _in_link_or_boilerplate(node: LexborNode) -> bool:
    """True if `node` or one of its nearest ancestors is a link or a boilerplate container."""
    current: LexborNode | None = node
    for _ in range(_MAX_ANCESTORS):
        if current is None:
            return False
        if current.tag in ("a", *BOILERPLATE_TAGS) or is_boilerplate(current.attributes):
            return True
        current = current.parent
    return False


def _date_from_time_element(lines: list[Line]) -> str | None:
    """The `datetime` of the first <time> element in a line that is neither link nor boilerplate."""
    for line in lines:
        if line.datetime and not is_link_or_boilerplate(line):
            found = parse_date(line.datetime)
            if found is not None:
                return found
    return None


def _date_from_script_state(tree: LexborHTMLParser) -> str | None:
    """The first publish time kept in a script's state (`publishTime: '…'`, `"pubDate":1567822980`)."""
    for script in tree.css("script"):
        code = script.text() or ""
        for match in _SCRIPT_STATE_DATE.finditer(code):
            text, epoch = match.groups()
            found = parse_date(text) if text else epoch_date(epoch)
            if found is not None:
                return found
    return None


def epoch_date(value: str) -> str | None:
    """A stamp of 10 (seconds) or 13 (milliseconds) digits since 1970 as China's local time, or None
    when it is no such stamp or falls outside the years news pages are from."""
    value = value.strip()
    if not value.isdigit() or len(value) not in (10, 13):
        return None
    seconds = int(value) // (1000 if len(value) == 13 else 1)
    moment = datetime.datetime.fromtimestamp(seconds, _CHINA_TIME)
    if moment.year not in _EPOCH_YEARS:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def _dateline_near(lines: list[Line], title_index: int) -> str | None:
    """The first date (a <time datetime>, else the text) in the few lines after the headline line,
    then the few before it, leaving out link and boilerplate lines (related articles, comments)
    and sentences: a date in the lead (`…。2024年9月11日,某社区…`) is the event's, not the page's."""
    if title_index < 0:
        return None
    after = lines[title_index + 1 : title_index + 1 + _DATELINE_LINES_AFTER]
    before = lines[max(0, title_index - _DATELINE_LINES_BEFORE) : title_index]
    for line in (*after, *reversed(before)):
        if is_link_or_boilerplate(line) or ("。" in line.text and line.datetime is None):
            continue
        found = parse_date(line.datetime or "") or parse_date(line.text)
        if found is not None:
            return found
    return None


def _labelled_date(lines: list[Line]) -> str | None:
    """The first date right after a label such as `发布时间：` or `日期:` in a line that is neither
    link text nor boilerplate (so not in a comment or a related-article list)."""
    for line in lines:
        if is_link_or_boilerplate(line):
            continue
        for label in _DATE_LABEL.finditer(line.text):
            match = STAMP.search(line.text, label.end(), label.end() + 40)
            if match is not None and match.start() - label.end() <= 2:
                found = format_stamp(match)
                if found is not None:
                    return found
    return None
