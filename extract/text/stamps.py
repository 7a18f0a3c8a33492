"""Publication stamps as pages print them (2023-07-06 20:08, 2023年7月6日): find and format as ISO.

Also re-exported by extract.text.dates.
"""

from __future__ import annotations

import datetime
import re

__all__ = ["STAMP", "format_stamp", "iso_stamp"]

# A publication stamp as pages print it: a dated day, maybe a clock time.
STAMP = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(?:T|\s)?\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?)?"
)


def iso_stamp(text: str) -> str | None:
    """The first valid date in `text` as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`, or None."""
    for match in STAMP.finditer(text):
        found = format_stamp(match)
        if found is not None:
            return found
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
