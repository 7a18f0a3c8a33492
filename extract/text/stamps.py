"""Publication stamps as pages print them (2023-07-06 20:08, 2023年7月6日, 06.07.2023 20:08): find
and format as ISO.

Also re-exported by extract.text.dates.
"""

from __future__ import annotations

import datetime
import re

__all__ = ["DAY_FIRST_STAMP", "STAMP", "format_stamp", "iso_stamp"]

# A publication stamp as pages print it: a dated day, maybe a clock time.
STAMP = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(?:T|\s)?\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?)?"
)

# Some publishing systems print the day first, dots between, and always the clock time after it
# (06.07.2023 20:08 is 6 July); without its time such a date is as often a version or a score.
DAY_FIRST_STAMP = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})[ \t]+"
    r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?![\d.:])"
)


def iso_stamp(text: str) -> str | None:
    """The first valid date in `text` as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`, or None."""
    found = [m for pattern in (STAMP, DAY_FIRST_STAMP) for m in pattern.finditer(text)]
    for match in sorted(found, key=lambda m: m.start()):
        iso = format_stamp(match)
        if iso is not None:
            return iso
    return None


def format_stamp(match: re.Match[str]) -> str | None:
    """Format one `STAMP` match, or None if it names no real day or time."""
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    try:
        day_text = datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
    if match["H"] is None:
        return day_text
    hour, minute = int(match["H"]), int(match["M"])
    if hour > 23 or minute > 59:
        return day_text
    clock = f"{hour:02d}:{minute:02d}"
    if match["S"] is not None and int(match["S"]) <= 59:
        clock += f":{int(match['S']):02d}"
    return f"{day_text}T{clock}"
