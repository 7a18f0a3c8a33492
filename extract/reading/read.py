"""The read stage: input paths → files → decoded text → Articles, with errors that say what to fix.

`iter_input_files` lists the files under the given paths, `read_file` turns one file into its
articles plus the errors of any part (a JSONL line, a JSON item) that could not be read, and
`decode` turns bytes into text without guessing blindly. The listing is extract/reading/listing.py,
the decoding extract/reading/encoding.py, JSON and JSON Lines extract/reading/json_objects.py; this
module reads each kind of file.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from extract.reading.article import Article, ReadError, ReadNote, ReadResult, failed
from extract.reading.encoding import decode, decode_lines, decode_noting
from extract.reading.json_objects import error_line, read_json, read_jsonl
from extract.reading.json_shapes import json_ld_article
from extract.reading.listing import (
    SUFFIXES,
    FolderNotListed,
    LinkNotFollowed,
    iter_input_files,
    read_regular,
    unsupported_remedy,
)

__all__ = [
    "SUFFIXES",
    "FolderNotListed",
    "LinkNotFollowed",
    "ReadResult",
    "decode",
    "iter_input_files",
    "read_file",
    "read_regular",
]


# --- reading files ------------------------------------------------------------------------------


def read_file(path: Path, data: bytes | None = None, source: str | None = None) -> ReadResult:
    """Read one file (whose bytes are `data`, when already read) into its articles; never raises
    for a bad file.

    `.txt` gives one article of the whole text; `.html`/`.htm` one article of the page's visible
    text with the headline, publication date and url the page states; `.json` one article per
    object (a single object or a list), `.jsonl` one per line, each with its headline as the first
    line of its text where the text does not print it (json_objects). Whatever cannot be read comes
    back in `errors`, each naming the file (and line or item) and what to do; `notes` say what reading
    changed (lone surrogates replaced) or decided (a declared charset disbelieved). The articles'
    `source`, the errors and the notes name the file `source` (the input path as the user gave
    it, where `path` is where it is opened), or `path` when None.
    """
    name = path if source is None else Path(source)
    source = str(name)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(sorted(SUFFIXES))
        remedy = unsupported_remedy(path.name)
        return failed(source, f'unsupported file type "{path.suffix}" (only {supported} are read); {remedy}')
    if data is None:
        try:
            data = read_regular(path)
        except OSError as e:
            return failed(
                source, f"cannot open the file ({e.strerror}); check that it exists and is readable."
            )
    line_errors: list[ReadError] = []
    try:
        if reader is read_jsonl:  # lines stand alone: one in another encoding costs only itself
            text, line_errors, note = decode_lines(data, source)
        else:
            text, note = decode_noting(data, source)
    except ReadError as e:
        return ReadResult(errors=[e])
    if not text.strip() and not line_errors:
        return failed(source, "empty file; add the article text or remove the file.")
    result = reader(name, text)  # the readers only name the file (and take its stem), never open it
    if line_errors:
        result = dataclasses.replace(result, errors=sorted(line_errors + result.errors, key=error_line))
    if note is not None:
        result.notes.insert(0, note)
    return result


# An HTML document opens with its doctype or <html> (after a comment or an XML declaration at most).
_HTML_DOCUMENT = re.compile(
    r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,500}?-->\s*)?<(?:!doctype\s+html|html)\b", re.I | re.S
)


def _read_txt(path: Path, text: str) -> ReadResult:
    """One article: the whole decoded text; its headline and date are left for later stages. A
    NUL byte in it (a crawler's padding) is noted: like other control characters it reads as a
    space, and may part a word. A text that is an HTML document (a page saved as .txt) is read
    as the page."""
    if _HTML_DOCUMENT.match(text):
        return _read_html(path, text)
    article = Article(doc_id=path.stem, source=str(path), raw=text)
    nuls = text.count("\x00")
    if not nuls:
        return ReadResult(articles=[article])
    message = f"{nuls} NUL byte{'s' if nuls > 1 else ''} read as spaces; check the file if a word is cut."
    return ReadResult(articles=[article], notes=[ReadNote(str(path), "nul", message, nuls)])


# A frameset shows its frames, never its <noframes> text; CDATA sections (XHTML, a feed's item
# saved as a page) hold text a page served as XML shows.
_FRAMESET = re.compile(r"<frameset\b", re.IGNORECASE)
_FRAME_SOURCE = re.compile(r"""<frame\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_CDATA_TOKEN = re.compile(r"<(/?)(script|style)\b|<!\[CDATA\[|\]\]>", re.IGNORECASE)


def _without_cdata_marks(html: str) -> str:
    """`html` with each CDATA section outside scripts and styles replaced by what it holds (an HTML
    parser makes it a comment, and its text would be lost). One pass over the marks and tags."""
    parts: list[str] = []
    last = 0
    inside: str | None = None  # the script or style element the walk is in
    opened: int | None = None  # where the open CDATA section's mark starts
    for m in _CDATA_TOKEN.finditer(html):
        name = (m.group(2) or "").lower()
        if name and opened is None:
            if not m.group(1) and inside is None:
                inside = name
            elif m.group(1) and inside == name:
                inside = None
        elif m.group(0) == "<![CDATA[" and inside is None and opened is None:
            parts.append(html[last : m.start()])
            opened = m.start()
        elif m.group(0) == "]]>" and opened is not None:
            parts.append(html[opened + len("<![CDATA[") : m.start()])
            last, opened = m.end(), None
    parts.append(html[last if opened is None else opened :])
    return "".join(parts)


def _read_html(path: Path, text: str) -> ReadResult:
    """One article: the page's visible article text plus the headline, date and url it states."""
    from extract.reading.html_text import TooDeep, parse_html

    if _FRAMESET.search(text):
        frames = _FRAME_SOURCE.findall(text)
        shown = ", ".join(frames[:3]) + (", ..." if len(frames) > 3 else "") if frames else "none named"
        return failed(
            str(path),
            f"the page is a frameset: its text is in the pages it frames ({shown}); save those pages "
            "instead.",
        )
    try:
        page = parse_html(_without_cdata_marks(text) if "<![CDATA[" in text else text)
    except TooDeep as e:
        return failed(
            str(path), f"{e}; no article nests that deep, so the file is left out: repair or remove it."
        )
    if not page.text.strip():
        stated = json_ld_article(text)  # a page a script fills in may state its article as data
        if stated is None or not stated[0].strip():
            return failed(
                str(path),
                "the page has no visible text (a script may fill it in); save the page as rendered instead.",
            )
        body, headline, published = stated
        page = dataclasses.replace(
            page, text=body, title=headline or page.title, published=published or page.published
        )
    article = Article(
        doc_id=path.stem,
        source=str(path),
        raw=page.text,
        title=page.title,
        published=page.published,
        url=page.url,
    )
    return ReadResult(articles=[article])


_READERS: dict[str, Callable[[Path, str], ReadResult]] = {
    ".txt": _read_txt,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
}
