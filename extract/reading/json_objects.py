"""JSON and JSON Lines files -> Articles: one article per object, read by its keys (README "Input"),
its raw text opening with its headline's line where the text does not print it; a bad line or item
is an error of its own, the others still read."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from contextlib import suppress
from pathlib import Path
from typing import Any

from extract.reading.article import Article, ReadError, ReadNote, ReadResult, failed
from extract.reading.json_shapes import (
    ID_KEYS,
    PUBLISHED_KEYS,
    TEXT_KEYS,
    TITLE_KEYS,
    URL_KEYS,
    article_text,
    epoch_stamp,
    json_type,
    unwrap,
    visible_text,
    why_no_text,
)

_TOO_DEEP = "JSON nested too deeply to be an article; flatten it or remove it from the input."


def read_json(path: Path, text: str) -> ReadResult:
    """One article per object: the file holds one object or a list of objects (or, misnamed, one
    object per line: read as JSON Lines)."""
    source = str(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":
            parsed, errors = json_lines(source, text)
            if not errors:
                return _from_lines(path, parsed, errors)
        binary = " it holds NUL bytes (binary data):" if "\x00" in text else ""
        if text.lstrip().startswith("<"):
            binary = " it is markup, an HTML page perhaps (a server's error page?), not JSON:"
        return failed(
            f"{source}:{e.lineno}", f"not valid JSON ({e.msg}, column {e.colno});{binary} fix the file."
        )
    except RecursionError:
        return failed(source, _TOO_DEEP)
    if isinstance(data, dict):
        data = unwrap(data)  # an API's envelope, `{"code": 0, "data": [...]}`, around the articles
        if isinstance(data, dict):
            return from_objects(path, [(None, data)], "item")
    if isinstance(data, list):
        if len(data) == 1:
            return from_objects(path, [(None, data[0])], "item")
        return from_objects(path, list(enumerate(data, start=1)), "item")
    return failed(source, f"holds a JSON {json_type(data)}; it must hold an object or a list of objects.")


def read_jsonl(path: Path, text: str) -> ReadResult:
    """One article per non-blank line; a bad line becomes an error and the other lines still count.
    A file that is one JSON document spread over lines (pretty-printed) is read as a .json file."""
    parsed, errors = json_lines(str(path), text)
    if errors:  # lines that are not JSON alone may be one document together
        with suppress(ValueError, RecursionError):
            json.loads(text)
            return read_json(path, text)
    return _from_lines(path, parsed, errors)


# Line ends: LF, CRLF, and a lone CR (old Mac files), which JSON never holds raw inside a string.
# Not str.splitlines: it would also split on U+2028 and friends, which JSON allows raw in strings.
_LINE_END = re.compile(r"\r\n?|\n")


def json_lines(
    source: str, text: str, first: int = 1
) -> tuple[list[tuple[int | None, object]], list[ReadError]]:
    """The JSON value of each non-blank line with its number (`text`'s first line being line
    `first` of the file), and an error for each line that is not JSON."""
    parsed: list[tuple[int | None, object]] = []
    errors: list[ReadError] = []
    for number, line in enumerate(_LINE_END.split(text), start=first):
        if not line.strip():
            continue
        try:
            # A byte-order mark opening a line: files that each had one, joined by `cat`.
            parsed.append((number, json.loads(line.removeprefix("\ufeff"))))
        except json.JSONDecodeError as e:
            binary = " it holds NUL bytes (binary data):" if "\x00" in line else ""
            errors.append(
                ReadError(
                    f"{source}:{number}",
                    f"not valid JSON ({e.msg}, column {e.colno});{binary} fix or remove the line.",
                )
            )
        except RecursionError:
            errors.append(ReadError(f"{source}:{number}", _TOO_DEEP))
    return parsed, errors


def _from_lines(path: Path, parsed: list[tuple[int | None, object]], errors: list[ReadError]) -> ReadResult:
    """The articles of a JSON Lines file's parsed lines, and the errors of all its lines in order."""
    if len(parsed) == 1 and not errors:
        parsed = [(None, parsed[0][1])]
    result = from_objects(path, parsed, "line")
    errors = sorted(errors + result.errors, key=error_line)
    return ReadResult(articles=result.articles, errors=errors, notes=result.notes)


def error_line(error: ReadError) -> int:
    """The line or item number an error names (0 for the whole file), for ordering."""
    _, _, number = error.path.rpartition(":")
    return int(number) if number.isdigit() else 0


def from_objects(path: Path, objects: list[tuple[int | None, object]], unit: str) -> ReadResult:
    """Articles from decoded JSON values paired with their 1-based `unit` number ("line": errors
    name `file:line`; "item": errors name `file` and `item n`), or None when the file holds a
    single object (whose doc_id is then the file's stem)."""
    source = str(path)
    articles: list[Article] = []
    errors: list[ReadError] = []
    notes: list[ReadNote] = []
    for number, value in objects:
        where, what = source, "the file"
        if number is not None:
            where, what = (f"{source}:{number}", "the line") if unit == "line" else (source, f"item {number}")
        if isinstance(value, dict):
            value = unwrap(value)
            if isinstance(value, list):
                message = (
                    f"{what} is an envelope around a list of {len(value)}, not one article; give each "
                    "article an object of its own."
                )
                errors.append(ReadError(where, message))
                continue
        if not isinstance(value, dict):
            kind = json_type(value)
            errors.append(ReadError(where, f"{what} holds a JSON {kind}, not an object; make it an object."))
            continue
        text = article_text(value)
        if text is None:
            keys = ", ".join(f'"{key}"' for key in TEXT_KEYS)
            errors.append(
                ReadError(
                    where,
                    f"{what} has no article text (none of {keys} holds text: {why_no_text(value)}); "
                    "give the text under one of those keys.",
                )
            )
            continue
        text = visible_text(text)
        if not text.strip():
            message = f"{what} has article text in HTML markup that shows nothing; give the text itself."
            errors.append(ReadError(where, message))
            continue
        default_id = path.stem if number is None else f"{path.stem}_{number}"
        article, replaced = _without_surrogates(_article_from_object(value, text, default_id, source))
        article = _headed(article)  # after the surrogates are counted: the headline's line copies the title
        if unit == "line" and number is not None:
            article = dataclasses.replace(article, line=number)
        articles.append(article)
        if replaced:
            at = "" if where != source or number is None else f" in item {number}"
            message = (
                f"{replaced} lone surrogate{'s' if replaced > 1 else ''} (a \\ud800-style escape with no "
                f"pair){at} replaced by U+FFFD, one character for one."
            )
            notes.append(ReadNote(where, "surrogates", message, replaced))
    return ReadResult(articles=articles, errors=errors, notes=notes)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(article: Article) -> tuple[Article, int]:
    """`article` with every lone surrogate (JSON allows `\\ud800` alone; nothing can encode it) in
    its texts replaced by U+FFFD, and how many there were."""
    changes: dict[str, Any] = {}  # the names of str fields, each with its new text
    count = 0
    for name in ("doc_id", "raw", "title", "published", "url"):
        value = getattr(article, name)
        if value is not None and _SURROGATE.search(value):
            changes[name], n = _SURROGATE.subn("\ufffd", value)
            count += n
    return (dataclasses.replace(article, **changes), count) if changes else (article, 0)


def _article_from_object(obj: dict[str, Any], text: str, default_id: str, source: str) -> Article:
    """An Article from one JSON object whose article text is `text`."""
    from extract.reading.html_text import parse_date

    published = _first_text(obj, PUBLISHED_KEYS)
    if published is not None:
        published = parse_date(published) or epoch_stamp(published) or published.strip()
    else:  # seconds (or milliseconds) since 1970, as a JSON number
        stamps = (epoch_stamp(obj[key]) for key in PUBLISHED_KEYS if key in obj)
        published = next((stamp for stamp in stamps if stamp), None)
    title = _first_text(obj, TITLE_KEYS)
    title = title.strip() if title else None
    url = _first_text(obj, URL_KEYS)
    return Article(
        doc_id=_first_id(obj) or default_id,
        source=source,
        raw=text,
        title=title,
        published=published,
        url=url.strip() if url else None,
    )


# How many of a JSON article's first non-blank lines are looked at for the headline it prints itself.
_HEAD_LINES = 5
_BLANKS = " \t\u3000\r"


def _headed(article: Article) -> Article:
    """A JSON article with its raw text made what the rules read, and where that prints its
    headline: the text alone where it prints the headline itself among its first lines (a crawler's
    body often opens with it), on a line of its own or over two (a subtitle's line); else the
    headline's line, a blank line and the text, as a saved page opens, so that the rules reading a
    headline read it there."""
    title, text = article.title, article.raw
    if title is None:
        return article
    lines = _first_lines(text)
    for start, end in lines:
        if text[start:end] == title:
            return dataclasses.replace(article, title_span=(start, end))
    for (a, b), (c, d) in itertools.pairwise(lines):
        if text[a:b] + text[c:d] == title:
            return dataclasses.replace(article, title_span=(a, d))
    return dataclasses.replace(article, raw=f"{title}\n\n{text}", title_span=(0, len(title)))


def _first_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the first `_HEAD_LINES` non-blank lines of `text`, without their blanks."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start() + len(line[0]) - len(line[0].lstrip(_BLANKS))
        end = line.start() + len(line[0].rstrip(_BLANKS))
        if end > start:
            spans.append((start, end))
            if len(spans) == _HEAD_LINES:
                break
    return spans


def _first_text(obj: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The value of the first of `keys` that holds a non-blank string, or None."""
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _first_id(obj: dict[str, Any]) -> str | None:
    """The object's own id (`id` or `doc_id`, string or number) as a string, or None."""
    for key in ID_KEYS:
        value = obj.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, str | int | float) and str(value).strip():
            return str(value).strip()
    return None
