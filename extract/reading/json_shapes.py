"""The shapes crawlers give a JSON article: which keys hold what, an API's envelope around the
article (`{"code": 0, "data": {...}}`), text as a list of paragraphs, a date as seconds since 1970;
and, where no article text is found, what the object holds instead, for the error."""

from __future__ import annotations

import json
import math
import re
from typing import Any

TEXT_KEYS = ("text", "content", "body", "article")
TITLE_KEYS = ("title", "headline")
PUBLISHED_KEYS = ("published", "publish_time", "date", "pubdate")
ID_KEYS = ("id", "doc_id")
URL_KEYS = ("url",)
_OWN_KEYS = TITLE_KEYS + PUBLISHED_KEYS + ID_KEYS + URL_KEYS
_MAX_ENVELOPES = 4  # `{"data": {"result": {"article": {...}}}}` is as deep as APIs go
_MAX_SHOWN = 3


def article_text(obj: dict[str, Any]) -> str | None:
    """The article text of `obj`: the first of TEXT_KEYS holding a non-blank string, or a list of
    strings (paragraphs, joined one to a line); None if none does."""
    for key in TEXT_KEYS:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, list) and value and all(isinstance(p, str) for p in value):
            text = "\n".join(p for p in value if p.strip())
            if text.strip():
                return text
    return None


# Tags no Chinese article writes as text: a text holding them is a page's markup, saved as it was.
_MARKUP = re.compile(
    r"<(?:p|div|br|span|section|article|td|li|h[1-6]|strong|font|img)\b[^<>]*>", re.IGNORECASE
)
_MARKUP_END = re.compile(r"</(?:p|div|span|section|article|td|li|h[1-6]|strong|font)\s*>", re.IGNORECASE)


def visible_text(text: str) -> str:
    """`text` as a reader sees it: where it is HTML markup (`<p>…</p>`, `<br>`), the page text that
    markup shows, one paragraph to a line, scripts and styles dropped; else `text` unchanged."""
    if not (_MARKUP.search(text) and (_MARKUP_END.search(text) or "<br" in text.lower())):
        return text
    from extract.reading.html_text import TooDeep, parse_html

    try:
        return parse_html(text, focus=False).text
    except TooDeep:
        return text


def unwrap(obj: dict[str, Any]) -> dict[str, Any] | list[Any]:
    """The object that holds the article: `obj` itself when it has article text; else, while the
    object has none and exactly one of its values is an object or a list of objects (an envelope
    such as `{"code": 0, "msg": "ok", "data": {...}}`), that value. An inner object keeps the envelope's
    title, date, id and url where it has none of its own; a list (of articles, presumably) comes
    back as it is. An object with two or more such values is returned as it is: which of them is
    the article would be a guess."""
    for _ in range(_MAX_ENVELOPES):
        if article_text(obj) is not None:
            return obj
        # A list may hold articles only where it holds objects, and not under a text key (there it
        # is the text gone wrong: paragraphs as objects); a list of strings (dates, tags) never.
        inner = [
            value
            for key, value in obj.items()
            if isinstance(value, dict) or (key not in TEXT_KEYS and _objects(value))
        ]
        if len(inner) != 1:
            return obj
        (value,) = inner
        if isinstance(value, list):
            return value
        own = {key: obj[key] for key in _OWN_KEYS if key in obj}
        obj = {**own, **value}
    return obj


def _objects(value: object) -> bool:
    """True for a non-empty list of JSON objects."""
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def why_no_text(obj: dict[str, Any]) -> str:
    """What an object without article text holds instead, in a few words for an error message:
    the text keys it has with values of another type, or where text lies deeper, or its keys."""
    wrong = [f'"{key}" holds {json_type(obj[key], article=True)}' for key in TEXT_KEYS if key in obj]
    if wrong:
        return ", ".join(wrong)
    deeper = list(_text_paths(obj, "", _MAX_ENVELOPES))
    if deeper:
        shown = ", ".join(f'"{path}"' for path in deeper[:_MAX_SHOWN])
        more = f" and {len(deeper) - _MAX_SHOWN} more" if len(deeper) > _MAX_SHOWN else ""
        return f"text lies deeper, under {shown}{more}; put the article's keys at the top of its object"
    if not obj:
        return "the object is empty"
    keys = ", ".join(f'"{key}"' for key in list(obj)[:8])
    return f"its keys are {keys}{', ...' if len(obj) > 8 else ''}"


def _text_paths(value: object, at: str, depth: int) -> list[str]:
    """The paths (`data.items[0].content`) under `value` of the text keys that hold text, the first
    item of each list only."""
    if depth < 0:
        return []
    if isinstance(value, list):
        return _text_paths(value[0], f"{at}[0]", depth - 1) if value else []
    if not isinstance(value, dict):
        return []
    found = [f"{at}.{key}".lstrip(".") for key in TEXT_KEYS if article_text({key: value.get(key)})]
    for key, inner in value.items():
        if isinstance(inner, dict | list) and key not in TEXT_KEYS:
            found += _text_paths(inner, f"{at}.{key}".lstrip("."), depth - 1)
    return found


def json_ld_article(html: str) -> tuple[str, str | None, str | None] | None:
    """The text, headline and publication date of the article a page's JSON-LD states
    (schema.org `articleBody`, as pages that a script fills in carry it), or None. The text is
    read as `visible_text` reads it; the date is as `iso_stamp` reads it."""
    from selectolax.lexbor import LexborHTMLParser

    from extract.text.dates import iso_stamp

    for node in LexborHTMLParser(html).css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except (ValueError, RecursionError):
            continue
        pending = [data]
        while pending:
            item = pending.pop(0)
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                body = item.get("articleBody")
                if isinstance(body, str) and body.strip():
                    text = visible_text(body)
                    headline, date = item.get("headline"), item.get("datePublished")
                    return (
                        text,
                        headline.strip() if isinstance(headline, str) and headline.strip() else None,
                        iso_stamp(date) if isinstance(date, str) else None,
                    )
                pending.extend(item.values())
    return None


def epoch_stamp(value: object) -> str | None:
    """A JSON number (or string of digits) of seconds or milliseconds since 1970, as China's local
    time `YYYY-MM-DDTHH:MM:SS`, or None when it is no such stamp of a year news comes from."""
    from extract.reading.page_dates import epoch_date

    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    digits = str(int(value)) if isinstance(value, int | float) else value
    return epoch_date(digits)


def json_type(value: object, *, article: bool = False) -> str:
    """The JSON name of a decoded value's type, for messages ("a number"; with `article`, "a list
    of ..." said of what a list holds, and "an empty string" for blank text)."""
    if isinstance(value, dict):
        return "object" if not article else "an object"
    if isinstance(value, list):
        return "list" if not article else "a list, not of strings" if value else "an empty list"
    if isinstance(value, str):
        return "string" if not article else "an empty string"
    if isinstance(value, bool):
        return "boolean" if not article else "a boolean"
    if isinstance(value, int | float):
        return "number" if not article else "a number"
    return "null"
