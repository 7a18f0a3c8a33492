"""Small text helpers shared by resolvers: trimming values, comparing forms as the scorer does."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from extract.text.segment import boundaries

_TRIM = ",,、;;::。 \t\n\u3000-·~/"  # characters, not a suffix: any of them is trimmed from both ends
_QUOTE_TABLE = dict.fromkeys(map(ord, "“”‘’「」『』\"'"), None)


_PAIRS = dict(zip("《〈「『【〔（([{“‘", "》〉」』】〕）)]}”’", strict=True))
_OPENERS = {close: open_ for open_, close in _PAIRS.items()}


def clean_value(s: str | None) -> str:
    """A captured value without surrounding white space and stray punctuation: a bracket or quote
    mark at either end that does not pair with one inside the value (`》〈委` is 委, a remnant of
    a cut; `《某某》` and `某区工商联(总商会)` keep theirs)."""
    if not s:
        return ""
    s = s.strip(_TRIM)
    while s:
        head, tail = s[0], s[-1]
        # A + ends a name (党建+, 互联网+) but opens none.
        if (
            head in _OPENERS
            or (head in _PAIRS and _PAIRS[head] not in s[1:])
            or _lone(head, s)
            or head == "+"
        ):
            s = s[1:].strip(_TRIM)
        elif tail in _PAIRS or (tail in _OPENERS and _OPENERS[tail] not in s[:-1]) or _lone(tail, s):
            s = s[:-1].strip(_TRIM)
        else:
            break
    return s


def _lone(mark: str, s: str) -> bool:
    """A straight quote (`"`, `'`), which opens and closes alike, with no other one in `s`."""
    return mark in "\"'" and s.count(mark) == 1


def comparable(s: str) -> str:
    """The form the scorer compares: NFKC, no white space, no quote marks."""
    return "".join(unicodedata.normalize("NFKC", s).translate(_QUOTE_TABLE).split())


_PLACE_ENDS = ("省", "市", "区", "县", "州", "盟", "旗", "镇", "乡", "街道")


def written_in(full: str, short: str) -> bool:
    """Whether `short` may be a short form of `full`: its characters stand in `full` in order, each
    right after the one before or opening a word of `full`, and no word between the first and the
    last is left out whole but a place (`区科协` in `某区科学技术协会`, `区卫健委` in
    `某区卫生健康委员会`, `某市委` in `某市委员会`, `中共某区委` in `中共某市某区委员会`, `区委` in
    `某区委组织部`). `区委` is not in `某区卫健委` (委 ends another short form) nor in `某区教育委员会`
    (教育 left out: that is 区教委)."""
    if short in full:
        return True
    cuts = sorted(boundaries(full))

    def word_end(pos: int) -> int:
        return next(c for c in cuts if c > pos)

    def fits(i: int, at: int, covered: int) -> bool:
        # short[i:] placed from full[at:] on; `covered` is where the last word a character was taken
        # from ends: after a gap, only the word starting there, or one after places skipped whole,
        # may give the next character.
        if i == len(short):
            return True
        if i == 0:
            places: Iterable[int] = range(len(full))
        else:
            # A place skipped whole need not end where the words say: names unknown to the
            # dictionary are cut anywhere (东湖市青 as 东湖|市青).
            after = [p for p in range(covered + 1, len(full)) if full[covered:p].endswith(_PLACE_ENDS)]
            places = dict.fromkeys([at, covered, *after])
        return any(
            pos < len(full) and full[pos] == short[i] and fits(i + 1, pos + 1, max(covered, word_end(pos)))
            for pos in places
        )

    return fits(0, 0, 0)
