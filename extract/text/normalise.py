"""Raw article text -> the Simplified, width-folded text the rules read, with a map back to raw offsets.

Five steps, each keeping the map: NFKC width folding; removal of invisible format characters (a
zero-width space, a byte-order mark, a direction mark: no reader sees them, so they part no name),
control characters and tabs made spaces; line ends and blanks made one layout (CRLF and CR read as
LF, the blanks that indent a line or follow a 。 dropped); removal of pinyin glosses after Han
characters (`區(qū)委` -> `區委`); and Traditional -> Simplified (OpenCC), run only where the text
holds Traditional characters.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from extract.base.rules_dir import RULES_DIR

# A pinyin gloss: lowercase Latin letters with optional tone marks, in parentheses, right after a Han
# character, a space allowed inside (`會(huì )`). Uppercase is left alone so that acronyms such as
# `(CBD)` survive.
_PINYIN = regex.compile(r"(?<=\p{Han})\( ?([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}) ?\)")


@dataclass(frozen=True)
class Normalised:
    """`text` is what the rules read; `to_raw[i]` is the index in `raw` of `text[i]`."""

    raw: str
    text: str
    to_raw: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span covering normalised `text[start:end]` (an empty span maps to an empty span)."""
        if end <= start:
            pos = self.to_raw[start] if start < len(self.to_raw) else len(self.raw)
            return pos, pos
        return self.to_raw[start], self.to_raw[end - 1] + 1

    def text_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `text` that `raw[start:end]` became (the map only ever moves forward)."""
        return bisect_left(self.to_raw, start), bisect_left(self.to_raw, end)


@cache
def _t2s() -> Any:
    """OpenCC's Traditional -> Simplified converter: the C++ binding (`opencc`, ~70x faster) where it
    is installed, else opencc-python-reimplemented; both install the module `opencc`, both give the
    same output on the sample and dev articles (tests/test_converter.py)."""
    import opencc

    try:
        return opencc.OpenCC("t2s.json")  # C++ binding: configs are named by file
    except Exception:  # the pure-Python package names configs without the suffix
        return opencc.OpenCC("t2s")


@cache
def _traditional_chars() -> frozenset[str]:
    """Characters t2s changes (rules/normalise/traditional_chars.txt): their presence is the cheap
    test for Traditional text."""
    path = RULES_DIR / "normalise" / "traditional_chars.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line.strip() for line in lines if not line.startswith("#")))


@cache
def _names_with_simplified_too() -> dict[str, tuple[str, ...]]:
    """The characters t2s changes that the Simplified names of China's divisions write as they are
    (乾 of 乾县 and 乾安县, 於 of 於潜镇, 濛 of 濛江镇), each with the names that hold it."""
    from extract.text.gazetteer import Gazetteer

    traditional = _traditional_chars()
    names: dict[str, list[str]] = {}
    # The few names that hold such a letter first (one set test each), then their letters.
    for name in [d.name for d in Gazetteer.load().divisions if not traditional.isdisjoint(d.name)]:
        for ch in set(name) & traditional:
            names.setdefault(ch, []).append(name)
    return {ch: tuple(dict.fromkeys(found)) for ch, found in names.items()}


def _simplified_too() -> frozenset[str]:
    return frozenset(_names_with_simplified_too())


def _keep_in_names(line: str, converted: str) -> str:
    """`converted` with the letters t2s changed given back where they stand in a division's name:
    乾县 stays 乾县 (not 干县), while 乾淨 still becomes 干净."""
    names = _names_with_simplified_too()
    out = list(converted)
    for i, ch in enumerate(line):
        if ch not in names or converted[i] == ch:
            continue
        for name in names[ch]:
            for j, letter in enumerate(name):
                start = i - j
                if letter != ch or start < 0:
                    continue
                window = out[start : start + len(name)]
                window[j] = ch
                if "".join(window) == name:
                    out[i] = ch
                    break
            if out[i] == ch:
                break
    return "".join(out)


@cache
def _signs_of_traditional() -> frozenset[str]:
    return _traditional_chars() - _simplified_too()


def has_traditional(text: str) -> bool:
    return not _signs_of_traditional().isdisjoint(text)


# Full-width ASCII and the ideographic space: the width folding news text needs, one character for
# one, so the offset map stays the identity. Anything else NFKC changes takes the slow path.
_WIDTH = {"\u3000": " ", **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}}
_WIDE = frozenset(_WIDTH)


@cache
def _changes_under_nfkc() -> re.Pattern[str]:
    """Characters of the Basic Multilingual Plane that NFKC changes, plus every astral character
    (checked one by one): the only places width folding has to look at. Built once, in ~30 ms.
    The standard library's `re` scans a class this large a hundred times faster than `regex`."""
    changed = [
        chr(c)
        for c in range(0x80, 0x10000)
        if not 0xD800 <= c < 0xE000 and unicodedata.normalize("NFKC", chr(c)) != chr(c)
    ]
    return re.compile("[" + "".join(re.escape(c) for c in changed) + "\U00010000-\U0010ffff]")


def _fold_width(raw: str) -> tuple[str, Sequence[int]]:
    # The few wide characters a text holds (，：（）), each replaced at once: `str.translate` with a
    # table looks every character of the text up in it, at twice the cost.
    folded = raw
    for wide in _WIDE.intersection(raw):
        folded = folded.replace(wide, _WIDTH[wide])
    if unicodedata.is_normalized("NFKC", folded):
        return folded, range(len(raw))  # the identity map, made a tuple once at the end
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _changes_under_nfkc().finditer(folded):
        i = m.start()
        one = unicodedata.normalize("NFKC", folded[i])
        out.append(folded[pos:i])
        out.append(one)
        index.extend(range(pos, i))
        index.extend([i] * len(one))
        pos = i + 1
    out.append(folded[pos:])
    index.extend(range(pos, len(folded)))
    return "".join(out), index


def _without(
    pattern: re.Pattern[str] | regex.Pattern[str], text: str, index: Sequence[int]
) -> tuple[str, Sequence[int]]:
    """`text` without the matches of `pattern`, with the offsets of what is kept (`index` itself
    where nothing matches)."""
    keep: list[tuple[int, int]] = []
    pos = 0
    for m in pattern.finditer(text):
        keep.append((pos, m.start()))
        pos = m.end()
    if not keep:
        return text, index
    keep.append((pos, len(text)))
    kept: list[int] = []
    for a, b in keep:
        kept.extend(index[a:b])  # slices, not one offset at a time
    return "".join(text[a:b] for a, b in keep), kept


# Format characters (Unicode category Cf) a page may carry inside words: soft hyphen, zero-width
# space and joiners, direction marks and embeddings, word joiner, byte-order mark.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


# Control characters other than line ends (NUL, the C1 range), and tabs: where a page holds one it
# parts what stands on either side, as a space does (a tab ran two bodies' names into one).
_CONTROL = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def _drop_invisible(text: str, index: Sequence[int]) -> tuple[str, Sequence[int]]:
    """`text` without format characters, its control characters made spaces (one for one)."""
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    return _without(_INVISIBLE, text, index)


# What a page's layout adds around its paragraphs: the CR of a CRLF line end, the blanks (ASCII or, once
# folded, ideographic spaces) that indent a paragraph, and those that part two paragraphs a page ran
# into one line (`…举行。 会上,…`). No rule reads them: Chinese sets no blank after a 。. (After ! or ?
# a blank may be a headline's own: `喜讯! 某社区…`.)
_LAYOUT = re.compile(r"\r(?=\n)|^[ \t]+|(?<=。)[ \t]+(?=\S)", re.M)


def _fold_layout(text: str, index: Sequence[int]) -> tuple[str, Sequence[int]]:
    """`text` with CRLF and a lone CR made LF, every line's indent dropped and the blanks after a
    sentence's 。 too: a paragraph indented with `\u3000\u3000`, saved on Windows or run on after
    another reads as the same paragraph on its own line."""
    if "\r" in text:
        text = re.sub(r"\r(?!\n)", "\n", text)  # a lone CR (old Mac files) is a line end, one for one
    return _without(_LAYOUT, text, index)


def _drop_pinyin(text: str, index: Sequence[int]) -> tuple[str, Sequence[int]]:
    if "(" not in text:
        return text, index
    return _without(_PINYIN, text, index)


def _to_simplified(text: str, index: Sequence[int]) -> tuple[str, Sequence[int]]:
    """Convert line by line; a line whose length changes is converted char by char to keep the map.
    Every line keeps its length, so the map is the one given."""
    if not has_traditional(text):
        return text, index
    convert = _t2s().convert
    keep = _simplified_too()
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        converted = convert(line)
        if len(converted) != len(line):
            converted = "".join(convert(ch) if len(convert(ch)) == 1 else ch for ch in line)
        if not keep.isdisjoint(line):
            converted = _keep_in_names(line, converted)
        out.append(converted)
    return "".join(out), index


_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise(raw: str) -> Normalised:
    """Fold widths, drop invisible characters, fold line ends and indents, drop pinyin glosses,
    convert to Simplified; keep the offset map to `raw`.

    A lone surrogate (reading replaces them, but text given to `extract_text` may hold one) becomes
    U+FFFD, one for one: OpenCC, like any UTF-8 code, cannot take it."""
    text, index = _fold_width(_SURROGATE.sub("\ufffd", raw) if _SURROGATE.search(raw) else raw)
    text, index = _drop_invisible(text, index)
    text, index = _fold_layout(text, index)
    text, index = _drop_pinyin(text, index)
    text, index = _to_simplified(text, index)
    return Normalised(raw=raw, text=text, to_raw=tuple(index))
