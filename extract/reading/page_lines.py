"""An HTML page's visible text as lines: the tree walked once, hidden elements skipped, link and
boilerplate characters counted per line; and the guard against markup nested too deep."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

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
BOILERPLATE_TAGS = frozenset({"nav", "footer"})
_BOILERPLATE_NAME = re.compile(
    r"(?:^|[-_\s])(?:comments?|cmt|reply|replies|recommend|related|relate|footer|foot|copyright|"
    r"sidebar|breadcrumbs?|nav|navbar|menu|share|ad|ads|advert|banner)(?=$|[-_\s\d])",
    re.IGNORECASE,
)
_END_BLOCK = "end-block"
_END_LINK = "end-link"
_END_BOILERPLATE = "end-boilerplate"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
SPACE_RUN = re.compile(r"\s+")
_MAX_LINK_SHARE = 0.3


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
        if tag in BOILERPLATE_TAGS or is_boilerplate(attrs):
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
        text = SPACE_RUN.sub(" ", "".join(self.pieces)).strip()
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


def is_boilerplate(attrs: dict[str, str | None]) -> bool:
    """True if an element's class or id names it as navigation, comments, related links, footer,
    sharing buttons or ads."""
    if not attrs:
        return False
    for name in ("class", "id"):
        value = attrs.get(name)
        if value and _BOILERPLATE_NAME.search(value):
            return True
    return False


def is_link_or_boilerplate(line: Line) -> bool:
    """True if much of the line is link text or sits in a boilerplate container."""
    return line.link_chars + line.boilerplate_chars > len(line.text) * _MAX_LINK_SHARE
