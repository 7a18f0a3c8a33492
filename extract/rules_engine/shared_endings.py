"""Names in a list that share the last one's ending (`甲、乙、丙路办事处` is three 办事处,
`某街道甲、乙社区党委` two 社区党委), for the finder of event subjects (subjects.py): each name
before the last takes the organisation words the last one ends with.

A name so completed is not written as one span: its words are the name's own words, then a token
standing for the shared ending where the last name writes it, so that the group built from them
has two spans (match.SharedEnding).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.rules_engine.body_names import LIST_MARK, Lists, body, clause_word, no_start
from extract.text.numerals import chinese_number
from extract.text.segment import Token

SHORT_ENDS = frozenset("镇乡村县区")  # one-character endings a list of places shares (甲、乙镇)
PLACE_ENDS = ("省", "市", "县", "区", "州", "旗", "街道", "镇", "乡")  # places opening the first name
STEM = (2, 4)  # the length of a listed name without its ending and the places before it
NUMERALS = "两三四五六七八九十"  # the counts of names a list writes in one numeral (两 to 十)
COUNT = re.compile(rf"(?P<n>\d+|[{NUMERALS}])[个家所]?$")  # the names counted before their ending


def with_shared_ending(parts: list[list[Token]], clause: Sequence[Token], lists: Lists) -> list[list[Token]]:
    """`parts` with each name before the last that is a bare stem (青松, 翠屏) completed by the last
    one's ending, where they are listed with 、 alone and the last is a body whose stem is bare as
    well; where a count of the names stands before the ending (`甲、乙、丙三镇`, `…三个办事处`),
    every name, the last too, is its stem and the ending. The parts unchanged otherwise."""
    if len(parts) < 2 or not all(parts) or not _listed(parts[-2], parts[-1], clause):
        return parts  # the last two not a bare list: no name before the last shares its ending
    last = parts[-1]
    name = "".join(t.text for t in last)
    ending = _ending(name, lists)
    stem = name[: -len(ending)] if ending else ""
    counted = COUNT.search(stem)
    if counted:
        if chinese_number(counted.group("n")) != len(parts):
            return parts  # a count of something else (`某路3个社区`)
        stem = stem[: counted.start()]
        last = [Token(stem, last[0].start, last[0].start + len(stem), "n")]
    if not ending or not _bare(stem, lists):
        return parts
    end = parts[-1][-1].end
    shared = Token(ending, end - len(ending), end, "n")
    last = [*last, shared] if counted else last
    if not body(last, lists):
        return parts
    out = [*parts[:-1], last]
    n = len(parts) - 2
    while n >= 0 and _listed(parts[n], parts[n + 1], clause) and _stem(parts[n], lists):
        out[n] = [*parts[n], shared]
        n -= 1
    return out if n < 0 or not counted else parts


def _ending(name: str, lists: Lists) -> str:
    """The organisation words `name` ends with (`社区党委`, `办事处`, `街道`), longest first, leaving
    two characters at least before them."""
    ending, rest = "", name
    while True:
        word = max(
            (s for s in lists.suffixes if rest.endswith(s) and (len(s) > 1 or s in SHORT_ENDS)),
            key=len,
            default="",
        )
        if not word or len(rest) - len(word) < 2:
            return ending
        ending, rest = word + ending, rest[: -len(word)]


def _bare(stem: str, lists: Lists) -> bool:
    """A name's own words without places before them, short, and neither a generic word nor a word
    a body's name ends with."""
    core = _after_places(stem)
    return STEM[0] <= len(core) <= STEM[1] and core not in lists.generic and not core.endswith(lists.suffixes)


def _after_places(text: str) -> str:
    """`text` after the divisions and townships it opens with (`某区某街道甲` -> `甲`)."""
    cut = max((text.rfind(p) + len(p) for p in PLACE_ENDS if p in text[:-2]), default=0)
    return text[cut:]


def _listed(part: Sequence[Token], following: Sequence[Token], clause: Sequence[Token]) -> bool:
    """Whether only 、 stands between `part` and the part after it: only a bare list shares an
    ending, 和/与/携手 join bodies named in full."""
    between = [t for t in clause if part[-1].end <= t.start and t.end <= following[0].start]
    return bool(between) and all(t.text == LIST_MARK for t in between)


def _stem(part: Sequence[Token], lists: Lists) -> bool:
    """Words that are a listed name's stem: no body by themselves, no clause word, not opening as no
    name does, not ending as no body does (干部, 小区), and bare."""
    text = "".join(t.text for t in part)
    return (
        not body(part, lists)
        and not no_start(part, lists)
        and not any(clause_word(t) for t in part)
        and not text.endswith(lists.not_ending)
        and _bare(text, lists)
    )
