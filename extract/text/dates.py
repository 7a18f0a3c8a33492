"""Find day-precise Chinese date expressions and resolve them to calendar days.

Input is expected to be Simplified and NFKC-normalised, but Traditional forms (號, 後天, 〇/零,
兩, 週年, ...) are accepted too. Everything here is pure: no I/O, patterns compiled once at import.
The forms and how each resolves: date_forms; numerals, stamps and years: their own modules.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import regex

from extract.text.date_forms import ANCHORED_PATTERNS, DAY, MONTH, PATTERNS, SP, YEAR, absolute, number
from extract.text.numerals import chinese_number
from extract.text.stamps import STAMP, format_stamp, iso_stamp
from extract.text.years import year_hints, years_in

__all__ = [
    "STAMP",
    "DateMention",
    "chinese_number",
    "find_dates",
    "format_stamp",
    "iso_stamp",
    "parse_published",
    "year_hints",
    "years_in",
]


@dataclass(frozen=True)
class DateMention:
    """One day-precise date expression found in a text.

    `year_explicit` is True only for absolute dates (the year is written as a number);
    relative forms such as 去年6月5日 report False because the year comes from `published`.
    """

    span: tuple[int, int]
    text: str
    date: datetime.date | None
    kind: str  # 'absolute' | 'month_day' | 'day' | 'relative'
    year_explicit: bool


def find_dates(text: str, published: datetime.date | None = None) -> list[DateMention]:
    """Every day-precise date expression in `text`, in order, non-overlapping (longest wins).

    Year-less and relative forms are resolved against `published` (the latest matching day on
    or before it for month-day and day-only forms); without it their `date` is None. A written
    date that names no real day (2月30日) is still reported, with `date` None. A month and day
    written with a dash or slash (12/1, 12-1) is read only when `published` is given: without it
    the same marks are as often a fraction, a score or a range. The README lists every form.
    """
    found: list[DateMention] = []
    patterns = PATTERNS if published is None else PATTERNS + ANCHORED_PATTERNS
    for pattern, kind, explicit, resolve in patterns:
        for mt in pattern.finditer(text):
            if kind == "day" and not 1 <= number(mt["d"]) <= 31:
                continue
            found.append(DateMention(mt.span(), mt[0], resolve(mt, published), kind, explicit))
    found.sort(key=lambda dm: (dm.span[0] - dm.span[1], dm.span[0]))
    used = bytearray(len(text))
    taken: list[DateMention] = []
    for dm in found:
        start, end = dm.span
        if not any(used[start:end]):
            used[start:end] = b"\x01" * (end - start)
            taken.append(dm)
    return sorted(taken, key=lambda dm: dm.span[0])


_PUBLISHED = regex.compile(
    rf"(?<!\d){YEAR}{SP}[-./年]{SP}{MONTH}{SP}[-./月]{SP}{DAY}(?!\d)"
    r"|(?<!\d)(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)(?!\d)"
)


def parse_published(s: str) -> datetime.date | None:
    """The date in a publication timestamp such as '2023-07-06T20:08:36', '2023/07/06' or
    '2023年7月6日'; None when there is none or it names no real day."""
    mt = _PUBLISHED.search(s)
    return None if mt is None else absolute(mt, None)
