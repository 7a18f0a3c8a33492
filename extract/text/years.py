"""Years a text names or implies: written years (2020年, 二〇二〇年) and anniversaries (建党98周年).

Pure, like extract.text.dates, which re-exports both functions.
"""

from __future__ import annotations

import regex

from extract.text.numerals import CN_MD, CN_Y, chinese_number

__all__ = ["year_hints", "years_in"]

_SP = r"[ \t]*"  # the spacing dates allow between their parts, as in extract.text.dates

_ANNIVERSARY = regex.compile(
    r"(?:(?P<party>建党|建黨|中国共产党成立|中國共產黨成立|中国共产党|中國共產黨|党成立|黨成立)"
    r"|(?P<prc>新中国成立|新中國成立|中华人民共和国成立|中華人民共和國成立|建国|建國))"
    rf"{_SP}(?P<n>\d{{1,3}}|[{CN_MD}百]{{1,5}}){_SP}[周週]年"
    # The party's birthday (党的99岁生日, 党的百岁华诞): its age, counted like its anniversary.
    rf"|(?P<party>党的|黨的){_SP}(?P<n>\d{{1,3}}|[{CN_MD}百]{{1,5}}){_SP}[岁歲](?:生日|华诞|華誕)"
)


def year_hints(text: str) -> list[tuple[int, tuple[int, int]]]:
    """Years implied by anniversaries: 建党98周年 -> 2019, 新中国成立70周年 -> 2019, 党的99岁生日 -> 2020.

    Party anniversaries count from 1921, the PRC's from 1949. Returns (year, span of the phrase).
    """
    hints = []
    for mt in _ANNIVERSARY.finditer(text):
        n = chinese_number(mt["n"])
        if n is not None and n > 0:
            hints.append(((1921 if mt["party"] else 1949) + n, mt.span()))
    return hints


_BARE_YEAR = regex.compile(rf"(?<![\d{CN_Y}])(?P<y>(?:19|20)\d\d|[一二][{CN_Y}]{{3}}){_SP}年")


def years_in(text: str) -> list[tuple[int, tuple[int, int]]]:
    """Four-digit years written with 年 (2020年, 二〇二〇年), including those inside full dates.

    Returns (year, span of the year and 年); only 1900..2099 are reported.
    """
    years = []
    for mt in _BARE_YEAR.finditer(text):
        y = chinese_number(mt["y"])
        if y is not None and 1900 <= y <= 2099:
            years.append((y, mt.span()))
    return years
