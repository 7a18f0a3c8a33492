"""The written forms of a date that find_dates knows: one pattern per form, and how each resolves
to a calendar day (against the publication date where the form leaves the year or day open).

Pure, like extract.text.dates, which runs these patterns and settles their overlaps.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import regex

from extract.text.numerals import CN_MD, CN_Y, chinese_number

__all__ = ["ANCHORED_PATTERNS", "DAY", "MONTH", "PATTERNS", "SP", "YEAR", "Resolver", "absolute", "number"]

SP = r"[ \t]*"
# A year written as a number (两千零九, 一千九百八十四): a thousands digit, 千, then the rest.
_CN_YEAR_NUMBER = rf"[一二两兩][千仟](?:[{CN_Y}两兩]|[十百])*"
YEAR = rf"(?P<y>\d{{4}}|[{CN_Y}]{{4}}|{_CN_YEAR_NUMBER})"
MONTH = rf"(?P<m>\d{{1,2}}|[{CN_MD}]{{1,3}})"
DAY = rf"(?P<d>\d{{1,2}}|[{CN_MD}]{{1,4}})"
# 号 as in 1号线 / 3号楼 / 25号院 names a place, not a day.
_PLACE = "楼樓院线線门門房室栋棟单單馆館窗台床车車站仓倉库庫机機文令码碼桥橋井坑岛島口位"
_HAO = rf"[号號](?!地[块塊]|[{_PLACE}])"
_SUFFIX = rf"(?:日|{_HAO})"
_NO_NUM_BEFORE = rf"(?<![\d{CN_MD}])"
# Where a day written without 日 or 号 may end: the end of a clause, or a part of the day after it.
_CLAUSE_END = (
    r"(?=[\s,，。;；:：!！?？、)）”\"]|$|上午|下午|晚上|晚间|早上|中午|傍晚|凌晨|当天|当晚|这天|那天)"
)
_DAY_END = rf"(?:{SP}{_SUFFIX}|{_CLAUSE_END})"
# A numeric year: 1500 to 2099 (1937-07-07, 2010.1.29), never a longer number's digits.
_NUM_YEAR = r"(?P<y>(?:1[5-9]|20)\d\d)"
# Counters after 3-5 or 1/2 (3-5人, 1/2%): a count or a share, no date.
# The end of a range of days after the first (5-6日, 五至六日), up to its 日 or 号.
_TO_DAY = rf"{SP}[-—–~～至到]{SP}(?:\d{{1,2}}|[{CN_MD}]{{1,4}}){SP}{_SUFFIX}"
# A year written in two digits (19年10月1日), never the end of a longer number.
_TWO_DIGITS = r"(?<![\d.])(?P<yy>\d\d)"
_COUNTER = "个個人名次件号號位岁歲年天倍万萬千百元%‰"


def _day(y: int, m: int, d: int) -> datetime.date | None:
    """The date, or None when (y, m, d) names no real day."""
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _latest_month_day(m: int, d: int, pub: datetime.date) -> datetime.date | None:
    """The latest m/d on or before `pub` (looks back far enough to reach a 2月29日)."""
    if _day(2000, m, d) is None:
        return None
    for y in range(pub.year, pub.year - 9, -1):
        found = _day(y, m, d)
        if found is not None and found <= pub:
            return found
    return None


def _latest_day(d: int, pub: datetime.date) -> datetime.date | None:
    """The latest day-of-month `d` on or before `pub` (this month, else an earlier one)."""
    if not 1 <= d <= 31:
        return None
    for back in range(4):
        y, m = _shift_month(pub.year, pub.month, -back)
        found = _day(y, m, d)
        if found is not None and found <= pub:
            return found
    return None


def number(s: str | None) -> int:
    """A matched numeral as an int (-1 when unreadable, which no date accepts)."""
    value = chinese_number(s or "")
    return -1 if value is None else value


Resolver = Callable[["regex.Match[str]", datetime.date | None], datetime.date | None]


def absolute(mt: regex.Match[str], pub: datetime.date | None) -> datetime.date | None:
    return _day(number(mt["y"]), number(mt["m"]), number(mt["d"]))


def _month_day(mt: regex.Match[str], pub: datetime.date | None) -> datetime.date | None:
    return None if pub is None else _latest_month_day(number(mt["m"]), number(mt["d"]), pub)


def _day_only(mt: regex.Match[str], pub: datetime.date | None) -> datetime.date | None:
    return None if pub is None else _latest_day(number(mt["d"]), pub)


_WORD_OFFSET = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1}
_WORD_OFFSET |= {"后天": 2, "後天": 2, "大前天": -3, "大后天": 3, "大後天": 3}
# A day word with a part of the day: 昨晚 is yesterday evening, 今晨 this morning.
_WORD_OFFSET |= {"昨晚": -1, "昨夜": -1, "昨晨": -1, "今晨": 0, "今早": 0, "今晚": 0, "今夜": 0}
_WORD_OFFSET |= {"明早": 1, "明晨": 1, "明晚": 1}
_YEAR_OFFSET = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}
_MONTH_OFFSET = {"本": 0, "这": 0, "這": 0, "上": -1, "下": 1}
_UNIT_DAYS = {"天": 1, "周": 7, "週": 7, "星期": 7, "礼拜": 7, "禮拜": 7}


def _rel_word(mt: regex.Match[str], pub: datetime.date | None) -> datetime.date | None:
    if pub is None:
        return None
    try:
        return pub + datetime.timedelta(days=_WORD_OFFSET[mt["w"]])
    except OverflowError:  # published at the very edge of the calendar
        return None


def _days_away(mt: regex.Match[str], pub: datetime.date | None) -> datetime.date | None:
    """3天前, 两周后: that many days (or weeks) before or after publication."""
    n = number(mt["n"]) * _UNIT_DAYS[mt["unit"]]
    if pub is None or n < 0:
        return None
    try:
        return pub + datetime.timedelta(days=n if mt["dir"] in "后後" else -n)
    except OverflowError:
        return None


def _two_digit_year(mt: regex.Match[str], pub: datetime.date | None) -> datetime.date | None:
    """19年10月1日: a year in two digits, 00-49 read in the 2000s and 50-99 in the 1900s."""
    yy = number(mt["yy"])
    return _day(yy + (2000 if yy < 50 else 1900), number(mt["m"]), number(mt["d"]))


def _rel_year(mt: regex.Match[str], pub: datetime.date | None) -> datetime.date | None:
    return None if pub is None else _day(pub.year + _YEAR_OFFSET[mt["ry"]], number(mt["m"]), number(mt["d"]))


def _rel_year_same_month(mt: regex.Match[str], pub: datetime.date | None) -> datetime.date | None:
    return None if pub is None else _day(pub.year + _YEAR_OFFSET[mt["ry"]], pub.month, number(mt["d"]))


def _rel_month(mt: regex.Match[str], pub: datetime.date | None) -> datetime.date | None:
    if pub is None:
        return None
    y, m = _shift_month(pub.year, pub.month, _MONTH_OFFSET[mt["rm"]])
    return _day(y, m, number(mt["d"]))


# (pattern, kind, year_explicit, resolver). Overlaps between patterns are settled in find_dates.
PATTERNS: list[tuple[regex.Pattern[str], str, bool, Resolver]] = [
    (
        regex.compile(rf"(?<![\d{CN_Y}两兩千]){YEAR}{SP}年{SP}{MONTH}{SP}月{SP}{DAY}{_DAY_END}"),
        "absolute",
        True,
        absolute,
    ),
    (
        regex.compile(
            rf"(?<![\d.\-/:]){_NUM_YEAR}(?P<sep>[-./])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})"
            r"(?!\d|[-./:]\d)"
        ),
        "absolute",
        True,
        absolute,
    ),
    (
        # 20100129: eight digits, the month and day in two each and in range (no longer number).
        regex.compile(
            r"(?<![\d.\-/:A-Za-z])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
        ),
        "absolute",
        True,
        absolute,
    ),
    (
        # 2010 01 29: spaces between, month and day in two digits each.
        regex.compile(rf"(?<![\d.\-/:])(?<!\d ){_NUM_YEAR} (?P<m>\d\d) (?P<d>\d\d)(?![\d.\-/:]| \d)"),
        "absolute",
        True,
        absolute,
    ),
    (
        regex.compile(rf"{_NO_NUM_BEFORE}{MONTH}{SP}月{SP}{DAY}{_DAY_END}"),
        "month_day",
        False,
        _month_day,
    ),
    (
        # 2023年6月5-6日, 6月5至6日: a range of days in one month; the first is the date.
        regex.compile(rf"(?<![\d{CN_Y}两兩千]){YEAR}{SP}年{SP}{MONTH}{SP}月{SP}{DAY}{_TO_DAY}"),
        "absolute",
        True,
        absolute,
    ),
    (
        regex.compile(rf"{_NO_NUM_BEFORE}{MONTH}{SP}月{SP}{DAY}{_TO_DAY}"),
        "month_day",
        False,
        _month_day,
    ),
    (
        # 25日 / 25号 (also 1日-25日), but not 路25号, 第25日, 1063号, 3-25号, 25号楼, 15日内, 20日元.
        regex.compile(
            rf"(?<![\d.:/A-Za-z#路街弄巷道里村区區号號第楼樓栋棟室])(?<!\d-)(?P<d>\d{{1,2}}){SP}"
            rf"(?:日(?!内(?!蒙)|內(?!蒙)|[游遊元圆圓])|{_HAO})"
        ),
        "day",
        False,
        _day_only,
    ),
    (
        regex.compile(rf"(?<![\d.\-/:第]){_TWO_DIGITS}{SP}年{SP}{MONTH}{SP}月{SP}{DAY}{_DAY_END}"),
        "absolute",
        True,
        _two_digit_year,
    ),
    (
        # 3天前, 两天后, 十天以后, 两周前, 一个星期后 (not 几天前, nor 3天前往).
        regex.compile(
            rf"{_NO_NUM_BEFORE}(?P<n>\d{{1,3}}|[{CN_MD}百]{{1,4}}){SP}(?:个|個)?{SP}"
            rf"(?P<unit>天|周|週|星期|礼拜|禮拜){SP}"
            r"(?:[以之]?(?P<dir>前|后|後)(?![往进進行来來去]))"
        ),
        "relative",
        False,
        _days_away,
    ),
    (
        # 今晚 but not 今晚报 (a newspaper).
        regex.compile(rf"(?P<w>{'|'.join(sorted(_WORD_OFFSET, key=len, reverse=True))})(?!报|報)"),
        "relative",
        False,
        _rel_word,
    ),
    (
        regex.compile(rf"(?P<ry>今年|去年|前年|明年){SP}{MONTH}{SP}月{SP}{DAY}{_DAY_END}"),
        "relative",
        False,
        _rel_year,
    ),
    (
        # 去年本月十日: the publication's month in another year.
        regex.compile(rf"(?P<ry>今年|去年|前年|明年){SP}(?:本|这个|這個|同)月{SP}{DAY}{SP}{_SUFFIX}"),
        "relative",
        False,
        _rel_year_same_month,
    ),
    (
        regex.compile(rf"(?P<rm>[本上下这這])(?:个|個)?月的?{SP}{DAY}{SP}{_SUFFIX}"),
        "relative",
        False,
        _rel_month,
    ),
]

# Forms read only when a publication date anchors them: 12/1 and 12-1 as month and day.
ANCHORED_PATTERNS: list[tuple[regex.Pattern[str], str, bool, Resolver]] = [
    (
        regex.compile(
            r"(?<![\d./\-:A-Za-z第])(?P<m>1[0-2]|0?[1-9])(?P<sep>[-/])(?P<d>3[01]|[12]\d|0?[1-9])"
            rf"(?![\d./\-:A-Za-z{_COUNTER}])"
        ),
        "month_day",
        False,
        _month_day,
    ),
]
