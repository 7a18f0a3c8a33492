"""HTML page → visible text plus what the page says of itself (headline, publication date, url).

The page is parsed once with selectolax (lexbor) and walked once. Everything after that works on
the list of visible text lines, the <title> and the <meta> tags, so the cost stays linear in the
size of the page.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extract.text.dates import STAMP, format_stamp
from extract.text.dates import iso_stamp as parse_date
from extract.text.textutil import comparable

# Elements whose content a reader never sees as text.
_SKIP_TAGS = frozenset(
    {
        "head", "script", "style", "noscript", "template", "iframe", "svg", "math", "canvas",
        "object", "embed", "select", "option", "textarea", "input", "button", "audio", "video",
    }
)  # fmt: skip
# Elements that start and end a paragraph (a line of the output).
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
        "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    }
)  # fmt: skip
_HEADING_TAGS = frozenset({"h1", "h2", "h3"})
_BOILERPLATE_TAGS = frozenset({"nav", "footer"})
_BOILERPLATE_NAME = re.compile(
    r"(?:^|[-_\s])(?:comments?|cmt|reply|replies|recommend|related|relate|footer|foot|copyright|"
    r"sidebar|breadcrumbs?|nav|navbar|menu|share|ad|ads|advert|banner)(?=$|[-_\s\d])",
    re.IGNORECASE,
)
_END_BLOCK = "end-block"
_END_LINK = "end-link"
_END_BOILERPLATE = "end-boilerplate"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE_RUN = re.compile(r"\s+")

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
_URL_META_KEYS = ("og:url", "twitter:url")
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
# A date in a url's path: /2019/05/17/, /2019-05-17/, /201905/17/, /20190517/, /t20190517_.
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)(?:[/-]?)(?P<m>[01]\d)(?:[/-]?)(?P<d>[0-3]\d)(?=[/_.-]|$)"
    r"|/t(?P<ty>(?:19|20)\d\d)(?P<tm>[01]\d)(?P<td>[0-3]\d)_"
)
_MAX_ANCESTORS = 40
_DATE_LABEL = re.compile(r"(?:发布|发表|出版|上传)?(?:时间|日期)\s*[:：]")
_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|--+|—+|\s[-–]\s)\s*")
_TITLE_DASH_TAIL = re.compile(r"-[^-]{1,12}$")
_SAVED_FROM = re.compile(r"^\s*(?:saved from url=\(\d+\))?\s*(https?://\S+)\s*$")

_MAX_TITLE_CHARS = 200
_SENTENCE_END = tuple('。！？!?…”"')
_PROSE_MIN_CHARS = 25
_SHORT_SENTENCE_MIN_CHARS = 8
_MAX_LINK_SHARE = 0.3
_NON_PROSE_PENALTY = 12
_SHORT_LINE_PENALTY = 4
_MIN_BODY_CHARS = 80
_MAX_LINES_TITLE_TO_BODY = 15
_SIGN_OFF_LINES = 3
_SIGN_OFF_MAX_CHARS = 60
_SIGN_OFF = re.compile(r"编辑|记者|来源|校对|责编|审核|审校|通讯员|摄影|撰文|作者[:：]|原标题|[（(]完[)）]")
# Short lines (matched whole) that open what follows an article. Comments always come after it, so
# a comments heading ends the article; related or recommended links and sharing buttons may also
# sit inside it, so their headings only weigh heavily against going on.
_COUNT = r"\s*[(（]?\s*[\d,]*\s*(?:条|人)?\s*[)）]?\s*[:：>›»]*"
_COMMENTS_HEADING = re.compile(
    rf"(?:评论|跟[贴帖]|参与){_COUNT}"
    r"|(?:(?:网友|最新|热门|最热|全部|精彩)评论|我要评论|发表评论|写评论|查看(?:全部|更多).{0,6}评论|[\d,]+\s*条评论).*"
)
_SECTION_HEADING = re.compile(
    r"(?:相关(?:新闻|阅读|推荐|文章|链接|报道|专题|搜索)|推荐阅读|延伸阅读|热门推荐|精彩推荐|猜你喜欢|"
    rf"你可能(?:会)?喜欢|为你推荐|分享到|分享至){_COUNT}"
)
_SECTION_HEADING_MAX_CHARS = 20
_SECTION_HEADING_PENALTY = 300
_DATELINE_LINES_AFTER = 8
_DATELINE_LINES_BEFORE = 3
_SCRIPT_WINDOW = 300


# Parsers spend time in proportion to depth for every element (lexbor: 100 000 nested <div>, 1 MB,
# take a minute); no real page comes near this depth, so a deeper one is refused before parsing.
MAX_DEPTH = 5000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>")
# Elements that hold no content, or whose end tag a parser infers from the next sibling: they never
# deepen a tree however they are written.
_FLAT_TAGS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "rt", "rp",
    }
)  # fmt: skip


class TooDeep(ValueError):
    """Markup nested deeper than `MAX_DEPTH` elements."""

    def __init__(self, depth: int) -> None:
        super().__init__(f"markup nested more than {MAX_DEPTH} elements deep (at least {depth})")
        self.depth = depth


def markup_depth(html: str, limit: int = MAX_DEPTH) -> int:
    """How deep the elements of `html` nest, counted from its tags in one pass (start tags less end
    tags, leaving out elements that cannot nest); stops counting once past `limit`."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _FLAT_TAGS:
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


@dataclass(frozen=True)
class Line:
    """One paragraph of visible text, the tag of the block element it sits in, how many of its
    characters are link text or sit in boilerplate (navigation, comments, related links, footer),
    and the machine-readable date of a <time> element in it."""

    text: str
    tag: str
    link_chars: int = 0
    boilerplate_chars: int = 0
    datetime: str | None = None  # the `datetime` attribute of a <time> element in the line


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
    url = _find_url(tree, metas, html)
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


# --- visible text -----------------------------------------------------------------------------


def visible_lines(root: LexborNode) -> list[Line]:
    """Return the visible text under `root` as paragraphs, in document order.

    Scripts, styles, comments and hidden elements are dropped; every block element and <br>
    ends a paragraph; runs of whitespace become one space; empty paragraphs are left out.
    """
    lines: list[Line] = []
    pending = _Pending()
    block_tags: list[str] = ["html"]
    # Nodes still to visit; the str entries mark where an element ends.
    stack: list[LexborNode | str] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item is _END_BLOCK:
                pending.flush(block_tags.pop(), lines)
            elif item is _END_LINK:
                pending.links -= 1
            else:
                pending.boilerplate -= 1
            continue
        if item.is_text_node:
            pending.add(item.text_content or "")
            continue
        if not item.is_element_node and not item.is_document_node:
            continue
        tag = item.tag or ""
        if tag in _SKIP_TAGS:
            continue
        attrs = item.attributes if item.is_element_node else {}
        if _is_hidden(attrs):
            continue
        if tag == "br":
            pending.flush(block_tags[-1], lines)
            continue
        if tag in _BOILERPLATE_TAGS or _is_boilerplate(attrs):
            pending.boilerplate += 1
            stack.append(_END_BOILERPLATE)
        if tag == "a":
            pending.links += 1
            stack.append(_END_LINK)
        elif tag == "time" and pending.datetime is None:
            pending.datetime = attrs.get("datetime")
        if tag in _BLOCK_TAGS:
            pending.flush(block_tags[-1], lines)
            block_tags.append(tag)
            stack.append(_END_BLOCK)
        children = list(item.iter(include_text=True))
        children.reverse()
        stack.extend(children)
    pending.flush(block_tags[-1], lines)
    return lines


class _Pending:
    """The paragraph being built: its text pieces, how much of it is link or boilerplate text,
    and how many links and boilerplate containers the walk is inside."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.link_chars = 0
        self.boilerplate_chars = 0
        self.links = 0
        self.boilerplate = 0
        self.datetime: str | None = None

    def add(self, text: str) -> None:
        """Append one text node's text."""
        self.pieces.append(text)
        if self.links > 0:
            self.link_chars += len(text.strip())
        if self.boilerplate > 0:
            self.boilerplate_chars += len(text.strip())

    def flush(self, tag: str, lines: list[Line]) -> None:
        """Turn the pending pieces into one line (unless blank) and start afresh."""
        if not self.pieces:
            return
        text = _SPACE_RUN.sub(" ", "".join(self.pieces)).strip()
        if text:
            size = len(text)
            lines.append(
                Line(text, tag, min(self.link_chars, size), min(self.boilerplate_chars, size), self.datetime)
            )
        self.pieces.clear()
        self.link_chars = 0
        self.boilerplate_chars = 0
        self.datetime = None


def _is_hidden(attrs: dict[str, str | None]) -> bool:
    """True if an element's own `hidden` attribute or inline style hides it."""
    if not attrs:
        return False
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style or "") is not None


def _is_boilerplate(attrs: dict[str, str | None]) -> bool:
    """True if an element's class or id names it as navigation, comments, related links, footer,
    sharing buttons or ads."""
    if not attrs:
        return False
    for name in ("class", "id"):
        value = attrs.get(name)
        if value and _BOILERPLATE_NAME.search(value):
            return True
    return False


# --- article region ---------------------------------------------------------------------------


def article_span(lines: list[Line], title_index: int) -> tuple[int, int]:
    """Return `(start, end)` such that `lines[start:end]` is the article.

    Each line scores its length if it reads as prose and a penalty if not (see `_prose_score`).
    With a known headline the article runs from the headline to the end that maximises the score
    summed from there; otherwise (or if that holds too little prose) it is the run of lines with
    the highest sum, widened back to the headline when that sits a few lines above. Both take one
    pass. All lines are kept when no run holds enough prose.
    """
    if title_index >= 0:
        end, total = _best_end(lines, title_index + 1)
        if total >= _MIN_BODY_CHARS:
            return title_index, _with_sign_off(lines, end)
    start, end, total = _best_run(lines)
    if total < _MIN_BODY_CHARS:
        return 0, len(lines)
    if 0 <= title_index < start and start - title_index <= _MAX_LINES_TITLE_TO_BODY:
        start = title_index
    return start, _with_sign_off(lines, end)


def _with_sign_off(lines: list[Line], end: int) -> int:
    """`end` moved past the few short plain lines that close an article (reporter, editor,
    source), stopping at the first line that is not one of those."""
    limit = min(len(lines), end + _SIGN_OFF_LINES)
    while end < limit:
        line = lines[end]
        if line.link_chars or line.boilerplate_chars or len(line.text) > _SIGN_OFF_MAX_CHARS:
            break
        if not _SIGN_OFF.search(line.text):
            break
        end += 1
    return end


def _best_end(lines: list[Line], start: int) -> tuple[int, int]:
    """The end index maximising the summed score of `lines[start:end]`, and that sum; the search
    stops at a comments heading once enough prose is in."""
    total = best = 0
    best_end = start
    for i in range(start, len(lines)):
        if best >= _MIN_BODY_CHARS and _is_comments_heading(lines[i]):
            break
        total += _prose_score(lines[i])
        if total > best:
            best, best_end = total, i + 1
    return best_end, best


def _best_run(lines: list[Line]) -> tuple[int, int, int]:
    """`(start, end, sum)` of the run of lines with the highest summed score (Kadane); no run
    goes past a comments heading."""
    best = best_start = best_end = 0
    total = run_start = 0
    for i, line in enumerate(lines):
        if _is_comments_heading(line):
            total, run_start = 0, i + 1
            continue
        if total <= 0:
            total, run_start = 0, i
        total += _prose_score(line)
        if total > best:
            best, best_start, best_end = total, run_start, i + 1
    return best_start, best_end, best


def _prose_score(line: Line) -> int:
    """How much a line looks like article prose: its length if it reads as running text; a small
    penalty for short plain lines (captions, subheadings, buttons), a bigger one for link and
    boilerplate lines, and a large one for headings that open a comment or related-links section."""
    size = len(line.text)
    if size <= _SECTION_HEADING_MAX_CHARS and (
        _SECTION_HEADING.fullmatch(line.text) or _COMMENTS_HEADING.fullmatch(line.text)
    ):
        return -_SECTION_HEADING_PENALTY
    if _is_link_or_boilerplate(line):
        return -_NON_PROSE_PENALTY
    if size >= _PROSE_MIN_CHARS or (size >= _SHORT_SENTENCE_MIN_CHARS and line.text.endswith(_SENTENCE_END)):
        return size
    return -_SHORT_LINE_PENALTY


def _is_comments_heading(line: Line) -> bool:
    """True if the line is a short heading that opens a comment section."""
    return len(line.text) <= _SECTION_HEADING_MAX_CHARS and _COMMENTS_HEADING.fullmatch(line.text) is not None


def _is_link_or_boilerplate(line: Line) -> bool:
    """True if much of the line is link text or sits in a boilerplate container."""
    return line.link_chars + line.boilerplate_chars > len(line.text) * _MAX_LINK_SHARE


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
    text = _SPACE_RUN.sub(" ", node.text() or "").strip()
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
    meta_titles = [_SPACE_RUN.sub(" ", metas[key]).strip() for key in _TITLE_META_KEYS if key in metas]
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
    title = _SPACE_RUN.sub(" ", best[2]).strip()
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
                found = parse_date(value) or _epoch_date(value)
                if found is not None:
                    return found
    return None


def _in_link_or_boilerplate(node: LexborNode) -> bool:
    """True if `node` or one of its nearest ancestors is a link or a boilerplate container."""
    current: LexborNode | None = node
    for _ in range(_MAX_ANCESTORS):
        if current is None:
            return False
        if current.tag in ("a", *_BOILERPLATE_TAGS) or _is_boilerplate(current.attributes):
            return True
        current = current.parent
    return False


def _date_from_time_element(lines: list[Line]) -> str | None:
    """The `datetime` of the first <time> element in a line that is neither link nor boilerplate."""
    for line in lines:
        if line.datetime and not _is_link_or_boilerplate(line):
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
            found = parse_date(text) if text else _epoch_date(epoch)
            if found is not None:
                return found
    return None


def _epoch_date(value: str) -> str | None:
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


def date_from_url(url: str | None) -> str | None:
    """The date in a url's path (`/2019/05/17/`, `/201905/t20190517_…`, `/20190517/`), or None."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    if "://" in path:
        path = "/" + path.split("://", 1)[1].partition("/")[2]
    dated = list(_URL_DATE.finditer(path))
    for match in reversed(dated):  # the deepest date is the page's own (/2019/…/t20190517_)
        year, month, day = match["y"] or match["ty"], match["m"] or match["tm"], match["d"] or match["td"]
        try:
            return datetime.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            continue
    return None


def _dateline_near(lines: list[Line], title_index: int) -> str | None:
    """The first date (a <time datetime>, else the text) in the few lines after the headline line,
    then the few before it, leaving out link and boilerplate lines (related articles, comments)."""
    if title_index < 0:
        return None
    after = lines[title_index + 1 : title_index + 1 + _DATELINE_LINES_AFTER]
    before = lines[max(0, title_index - _DATELINE_LINES_BEFORE) : title_index]
    for line in (*after, *reversed(before)):
        if _is_link_or_boilerplate(line):
            continue
        found = parse_date(line.datetime or "") or parse_date(line.text)
        if found is not None:
            return found
    return None


def _labelled_date(lines: list[Line]) -> str | None:
    """The first date right after a label such as `发布时间：` or `日期:` in a line that is neither
    link text nor boilerplate (so not in a comment or a related-article list)."""
    for line in lines:
        if _is_link_or_boilerplate(line):
            continue
        for label in _DATE_LABEL.finditer(line.text):
            match = STAMP.search(line.text, label.end(), label.end() + 40)
            if match is not None and match.start() - label.end() <= 2:
                found = format_stamp(match)
                if found is not None:
                    return found
    return None


def _find_url(tree: LexborHTMLParser, metas: dict[str, str], html: str) -> str | None:
    """The page's own url: <link rel=canonical>, og:url, or a browser's `saved from url=` comment."""
    for node in tree.css("link[rel]"):
        if (node.attributes.get("rel") or "").strip().lower() == "canonical":
            href = (node.attributes.get("href") or "").strip()
            if href:
                return href
    for key in _URL_META_KEYS:
        if metas.get(key):
            return metas[key]
    return _saved_from_url(html)


def _saved_from_url(html: str) -> str | None:
    """The url in a leading `<!-- saved from url=(N)URL -->` or `<!--URL-->` comment, if any."""
    head = html[:2048].lstrip("\ufeff \t\r\n")
    if not head.startswith("<!--"):
        return None
    end = head.find("-->")
    if end < 0:
        return None
    match = _SAVED_FROM.match(head[4:end])
    return match.group(1) if match else None
