"""Bytes to text: UTF-8 first and strictly, then a byte-order mark, then the declared charset unless
the bytes read as Chinese only in another encoding, then detection; binary data refused.
"""

from __future__ import annotations

import codecs
import re

from extract.reading.article import ReadError, ReadNote
from extract.reading.text_stats import (
    BIG5_COMMON,
    CHINESE,
    COMMON,
    GB2312_COMMON,
    NOT_CHINESE,
    RARE,
    common_share,
    decode_or_none,
    han_share,
    has_utf8_lines,
    is_utf8,
    non_ascii_count,
)

__all__ = ["decode", "decode_lines", "decode_noting"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings a declaration or a detector may name, mapped to the superset that decodes them safely.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs"}
_CHINESE_ENCODINGS = frozenset({"gb18030", "big5hkscs", "cp950", "hz"})
_UNTRUSTED_DECLARATIONS = frozenset({"utf-8", "latin-1", "iso8859-1", "cp1252"})
_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_DECLARATION_WINDOW = 4096
# C0 controls other than tab, newline, vertical tab, form feed and carriage return, plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_SAMPLE = 8192
_MAX_CONTROL_SHARE = 0.05
_CONVERT_HINT = "save it as UTF-8 text, or remove it from the input"


def decode(data: bytes, path: str) -> str:
    """Return the text of a file's bytes, with a leading byte-order mark removed and nothing else
    changed (line endings included: evidence spans index this text).

    UTF-8 (with or without BOM) is tried first and strictly; then a UTF-16/32 BOM; then the
    charset the file declares (`<meta charset>`, `encoding=`), unless its bytes read as Chinese
    in another encoding and not in the declared one; then detection (GB18030, Big5...).
    Raises ReadError naming `path` for binary data or bytes that no text encoding fits.
    """
    return decode_noting(data, path)[0]


def decode_noting(data: bytes, path: str) -> tuple[str, ReadNote | None]:
    """`decode`, and a note when the file's declared charset was not believed."""
    note = None
    text = _decode_by_bom(data, path)
    if text is None and b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None and not is_utf8(data):
            raise ReadError(
                path, f"looks like a binary file (it contains NUL bytes), not text; {_CONVERT_HINT}."
            )
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, note = _decode_non_utf8(data, path)
    _reject_control_heavy(text, path)
    return text, note


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes saved without a byte-order mark, or None: the one byte order that
    decodes strictly to Chinese text with no control characters (NUL bytes that are the high half
    of ASCII characters would otherwise make it look binary)."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text) and han_share(text) >= CHINESE:
            return text
    return None


def decode_lines(data: bytes, path: str) -> tuple[str, list[ReadError], ReadNote | None]:
    """The text of a file of independent lines (JSON Lines), decoded so that one bad line costs
    only itself: as `decode` decodes the whole where the file is in one encoding; line by line
    where it mixes UTF-8 lines with others, or where no encoding fits the whole but some lines
    read as JSON objects. A line that no encoding fits (NUL bytes, broken bytes) is left blank,
    so that the others keep their numbers, and gets a ReadError naming `path:line`. Raises
    ReadError, as `decode` does, when the file is not text."""
    has_bom = data.startswith(tuple(bom for bom, _ in _BOMS))
    if not has_bom and not is_utf8(data) and has_utf8_lines(data):
        text, errors = _decode_each_line(data, path)
        return text, errors, None
    try:
        text, note = decode_noting(data, path)
    except ReadError:
        if has_bom:
            raise
        text, errors = _decode_each_line(data, path)
        if not any(line.lstrip().startswith("{") for line in text.split("\n")):
            raise
        return text, errors, None
    return text, [], note


def _decode_each_line(data: bytes, path: str) -> tuple[str, list[ReadError]]:
    """The lines of `data` decoded one by one, and an error for each line that no encoding fits:
    UTF-8 lines as UTF-8; the others together as `decode` reads them (one guess from all their
    bytes, where they share an encoding), else each alone."""
    lines = data.split(b"\n")
    texts: list[str | None] = [line.decode("utf-8") if is_utf8(line) else None for line in lines]
    others = [i for i, text in enumerate(texts) if text is None]
    try:
        together = decode(b"\n".join(lines[i] for i in others), path).split("\n")
    except ReadError:
        together = []
    errors: list[ReadError] = []
    if len(together) == len(others):  # a newline byte is a newline in every encoding read here
        for i, text in zip(others, together, strict=True):
            texts[i] = text
    else:
        for i in others:
            try:
                texts[i] = decode(lines[i], path)
            except ReadError:
                what = (
                    "holds NUL bytes (binary data)"
                    if b"\x00" in lines[i]
                    else "is not UTF-8, and no other text encoding fits its bytes"
                )
                message = f"the line {what}; save it as UTF-8 text, or remove the line."
                errors.append(ReadError(f"{path}:{i + 1}", message))
    return "\n".join(text or "" for text in texts), errors


def _decode_by_bom(data: bytes, path: str) -> str | None:
    """The text after a leading byte-order mark, decoded as the mark says; None if there is none."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], encoding, path)
    return None


def _decode_strict(data: bytes, encoding: str, path: str) -> str:
    """`data` decoded as `encoding` (which its byte-order mark named); ReadError if it does not fit."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise ReadError(
            path,
            f"starts with a {encoding} byte-order mark but byte {e.start} is not valid {encoding}; "
            f"{_CONVERT_HINT}.",
        ) from e


def _decode_non_utf8(data: bytes, path: str) -> tuple[str, ReadNote | None]:
    """Decode bytes that are not UTF-8: as UTF-8 with a few damaged bytes, where that is what they
    are; else by the declared charset if it fits, else by detection.

    A declaration can lie: GBK bytes declared `iso-8859-5` decode without error into Cyrillic
    nonsense. When the declared charset gives text that is mostly not Chinese and detection finds
    a Chinese encoding that gives Chinese, the bytes are trusted, with a note."""
    damaged = _damaged_utf8(data, path)
    if damaged is not None:
        return damaged
    mixed = _mixed_lines(data, path)
    if mixed is not None:
        return mixed
    declared = _declared_encoding(data[:_DECLARATION_WINDOW])
    # A single-byte Western charset decodes any bytes, so its declaration proves nothing.
    if declared is not None and declared not in _UNTRUSTED_DECLARATIONS:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            if declared == "gb18030" and common_share(text, "gb2312", GB2312_COMMON) < RARE:
                big5 = decode_or_none(data, "big5hkscs")
                if big5 is not None and common_share(big5, "big5", BIG5_COMMON) >= COMMON:
                    message = (
                        f"declares the charset {declared}, but its bytes read as common characters in "
                        "Big5 and as rare ones in GBK; it was read as big5hkscs. Correct the declaration "
                        "if that is wrong."
                    )
                    return big5, ReadNote(path, "charset", message)
            if declared in _CHINESE_ENCODINGS or han_share(text) >= NOT_CHINESE:
                return text, None
            found = _detect(data)
            if found is None or found[0] not in _CHINESE_ENCODINGS or han_share(found[1]) < CHINESE:
                return text, None
            message = (
                f"declares the charset {declared}, but its bytes read as Chinese in {found[0]} and not "
                f"in {declared}; it was read as {found[0]}. Correct the declaration if that is wrong."
            )
            return found[1], ReadNote(path, "charset", message)
    detected = _detect(data)
    if detected is None:
        raise ReadError(path, f"is not UTF-8 and no other text encoding fits its bytes; {_CONVERT_HINT}.")
    return detected[1], None


_MAX_DAMAGED_SHARE = 0.02  # bad sequences per good non-ASCII character, at most (past the first)
_MIN_GOOD = 8  # good non-ASCII characters that show the text is UTF-8 at all
_REPLACEMENT = "\ufffd"


def _damaged_utf8(data: bytes, path: str) -> tuple[str, ReadNote] | None:
    """UTF-8 text with a few bytes that are not (a file cut in the middle of a character, a flipped
    byte, a Western quote pasted in), each bad sequence replaced by U+FFFD, and a note; None when
    there are more than one and 2 in 100 good characters, or too few good ones to tell. No other encoding makes long
    runs of valid UTF-8 by chance: GBK or Big5 read as UTF-8 fail at nearly every character."""
    text = data.decode("utf-8", "replace")
    bad = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode())
    good = non_ascii_count(text) - bad
    if bad <= 0 or good < _MIN_GOOD or bad > 1 + good * _MAX_DAMAGED_SHARE:
        return None
    message = (
        f"{bad} byte sequence{'s' if bad > 1 else ''} that {'are' if bad > 1 else 'is'} not UTF-8 in "
        "otherwise UTF-8 text (a file cut short or damaged) replaced by U+FFFD; check the file."
    )
    return text, ReadNote(path, "damaged", message, bad)


def _mixed_lines(data: bytes, path: str) -> tuple[str, ReadNote] | None:
    """Text whose lines are in UTF-8 and in another encoding (a GBK article pasted into a UTF-8
    page), decoded line by line, with a note; None unless every line decodes."""
    if not has_utf8_lines(data):
        return None
    text, errors = _decode_each_line(data, path)
    if errors:
        return None
    message = "mixes lines in UTF-8 with lines in another encoding; each line was read in its own."
    return text, ReadNote(path, "mixed", message)


def _declared_encoding(head: bytes) -> str | None:
    """The Python codec named by a `charset=` / `encoding=` declaration in `head`, or None."""
    match = _DECLARED_CHARSET.search(head)
    if match is None:
        return None
    return _codec_name(match.group(1).decode("ascii"))


def _codec_name(name: str) -> str | None:
    """Python's name for encoding `name`, widened to a safe superset (GBK → GB18030), or None."""
    try:
        canonical = codecs.lookup(name.lower().removeprefix("x-")).name
    except LookupError:
        return None
    return _SUPERSETS.get(canonical, canonical)


def _detect(data: bytes) -> tuple[str, str] | None:
    """The encoding charset-normalizer's detection finds for `data` and the text it gives, or None
    if no encoding fits.

    Among the encodings that fit, a Chinese one is preferred (short Chinese texts otherwise
    come out as Korean or Japanese), then detection's own ranking.
    """
    from charset_normalizer import from_bytes

    fitting: list[str] = []
    for match in from_bytes(data):
        name = _codec_name(match.encoding)
        if name is not None and name not in fitting:
            fitting.append(name)
    ranked = sorted(fitting, key=lambda name: name not in _CHINESE_ENCODINGS)
    for name in ranked:
        try:
            return name, data.decode(name)
        except UnicodeDecodeError:
            continue
    return None


def _reject_control_heavy(text: str, path: str) -> None:
    """Raise ReadError if the start of `text` is more than a few percent control characters."""
    sample = text[:_CONTROL_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > len(sample) * _MAX_CONTROL_SHARE:
        raise ReadError(
            path, f"looks like a binary file (mostly control characters), not text; {_CONVERT_HINT}."
        )
