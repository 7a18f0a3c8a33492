"""An article's own dateline (`本报12月5日讯`, `某地5月6日电`) and whether a page stamp agrees with it.

A report is filed on its dateline's day and printed that day or soon after, so a stamp found in the
text a month or more away from it is some other day the page shows: the reader's today in an
e-paper's header, a clock widget. The dateline gives month and day only; it is counted in the year
nearest the stamp (a December dateline against a January stamp is last December).
"""

from __future__ import annotations

import datetime

from extract.resolve.value_cut import _compiled


def dateline_day(text: str, pattern: str) -> tuple[int, int] | None:
    """(month, day) of the first match of `pattern` (groups `month` and `day`) in `text`, or None
    where there is none or it names no month and day."""
    found = _compiled(pattern).search(text)
    if found is None:
        return None
    try:
        month, day = int(found["month"]), int(found["day"])
    except (IndexError, TypeError, ValueError):
        return None
    return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def days_from_dateline(stamp: datetime.date, dateline: tuple[int, int]) -> int | None:
    """How many days `stamp` lies from the dateline's day in the year before, of or after the
    stamp, whichever is nearest; None where that day exists in none of them (2月30日)."""
    gaps = []
    for year in (stamp.year - 1, stamp.year, stamp.year + 1):
        try:
            gaps.append(abs((stamp - datetime.date(year, *dateline)).days))
        except ValueError:
            continue
    return min(gaps) if gaps else None


def agrees(stamp: datetime.date | None, dateline: tuple[int, int] | None, limit: int) -> bool:
    """Whether a stamp may be the page's own: no stamp or no dateline to compare, or within `limit`
    days of the dateline."""
    if stamp is None or dateline is None:
        return True
    gap = days_from_dateline(stamp, dateline)
    return gap is None or gap <= limit
