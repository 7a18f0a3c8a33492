"""The day of the main event: the best date mention, its year resolved in the order docs/record.md gives.

1. a year written with the date; 2. the publication date (a month later than publication belongs
to the year before; 今天 and 昨天 count from the day of a dateline just before them, 本报12月5日讯,
where there is one); 3. a year the text ties to the event (in the same sentence or the headline);
4. an anniversary (建党98周年 -> 2019). No year -> no date.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterable
from functools import lru_cache

import regex

from extract.resolve import Context, Item, Proof, proof, resolver
from extract.resolve.generic import candidates
from extract.rules_engine.match import Match
from extract.rules_engine.ruleset import FieldSpec
from extract.text.dates import DateMention, find_dates, year_hints, years_in

_SENTENCE_END = regex.compile(r"[。!?\n]")
# Mentions tried per article: a real article names a few dozen dates; a text of nothing but dates
# (a calendar, a hostile input) stops here instead of costing time for each one.
MAX_MENTIONS = 500


@lru_cache(maxsize=4)
def _sentence_ends(text: str) -> tuple[int, ...]:
    """Offsets of every sentence-ending character of `text`, found once per text."""
    return tuple(m.start() for m in _SENTENCE_END.finditer(text))


@lru_cache(maxsize=4)
def _years(text: str) -> tuple[tuple[int, tuple[int, int]], ...]:
    """`years_in(text)`, found once per text."""
    return tuple(years_in(text))


@lru_cache(maxsize=4)
def _hints(text: str) -> tuple[tuple[int, tuple[int, int]], ...]:
    """`year_hints(text)`, found once per text."""
    return tuple(year_hints(text))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around `text[start:end]`: from after the last sentence end before `start` to
    the first one at or after `end` (binary searches in the ends found once per text)."""
    ends = _sentence_ends(text)
    before = bisect.bisect_left(ends, start)
    left = ends[before - 1] + 1 if before else 0
    after = bisect.bisect_left(ends, end)
    return left, ends[after] if after < len(ends) else len(text)


def _with_year(mention: DateMention, year: int) -> datetime.date | None:
    month_day = regex.search(r"(\d{1,2})月(\d{1,2})", mention.text)
    if mention.date is not None:
        month, day = mention.date.month, mention.date.day
    elif month_day:
        month, day = int(month_day.group(1)), int(month_day.group(2))
    else:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _tied_year(ctx: Context, start: int, end: int, headline: str) -> tuple[int, Proof] | None:
    """A year named in the event's sentence, else in the headline (the value of field `headline`)."""
    text = ctx.doc.body
    s, e = _sentence(text, start, end)
    years = _years(text)
    first = bisect.bisect_left(years, s, key=lambda found: found[1][0])
    for year, (ys, ye) in years[first:]:
        if ye > e:
            break
        if not (ys >= start and ye <= end):
            return year, Proof("", ys, ye, "date.year_in_sentence")
    title = ctx.scalar(headline)
    if title and title.proofs and title.proofs[0].end > title.proofs[0].start:
        p = title.proofs[0]
        for year, (ys, ye) in years_in(ctx.doc.text[p.start : p.end]):
            return year, Proof("", p.start + ys, p.start + ye, "date.year_in_headline")
    return None


def _anniversary(ctx: Context) -> tuple[int, Proof] | None:
    for year, (s, e) in _hints(ctx.doc.body):
        return year, Proof("", s, e, "date.anniversary")
    return None


# How far before a relative day (今天, 昨天) a dateline's day (`本报12月5日讯`, `某社北京3月5日电`) may
# close and still be the day the report counts from.
_DATELINE_REACH = 60
_DATELINE_ENDS = ("讯", "訊", "电", "電")


def _report_day(ctx: Context, start: int) -> tuple[datetime.date, Proof] | None:
    """The day of a dateline closing shortly before offset `start`, read against the publication."""
    text = ctx.doc.text
    left = max(0, start - _DATELINE_REACH)
    for dm in reversed(find_dates(text[left:start], ctx.published)):
        a, b = left + dm.span[0], left + dm.span[1]
        if dm.date is not None and text.startswith(_DATELINE_ENDS, b):
            return dm.date, Proof("", a, b, "date.dateline_day")
    return None


def resolve_mention(ctx: Context, m: Match, headline: str = "title") -> Item | None:
    g = m.groups["value"]
    found = find_dates(g.value, ctx.published)
    if not found:
        return None
    mention = found[0]
    base = proof(g, m.rule.id)
    report = _report_day(ctx, g.start) if mention.kind == "relative" else None
    if report is not None:
        # 今天 and 昨天 in a report count from its dateline's day, which publication may follow.
        (mention,) = find_dates(mention.text, report[0])[:1] or (mention,)
        if mention.date is not None:
            return Item(mention.date.isoformat(), [base, report[1]])
    if mention.year_explicit or (ctx.published is not None and mention.date is not None):
        return Item(mention.date.isoformat(), [base]) if mention.date else None
    for source in (_tied_year(ctx, g.start, g.end, headline), _anniversary(ctx)):
        if source is not None:
            day = _with_year(mention, source[0])
            if day:
                return Item(day.isoformat(), [base, source[1]])
    return None


@resolver("event_date")
def event_date(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """The date of the best-placed mention whose year can be resolved; [] when none can. A mention
    that is the evidence of the field named by option `stamp` (the publication date) is passed over."""
    stamp = str(spec.options.get("stamp", ""))
    stamped = [(p.start, p.end) for item in ctx.results.get(stamp, []) for p in item.proofs]
    tried = 0
    for m in candidates(matches, ctx):
        if "value" not in m.groups:
            continue
        g = m.groups["value"]
        if any(start < g.end and g.start < end for start, end in stamped):
            continue  # the page's own publication stamp dates the page, not the event
        tried += 1
        if tried > MAX_MENTIONS:
            return []
        item = resolve_mention(ctx, m, spec.options.get("headline", "title"))
        if item is not None:
            return [item]
        if m.rule.options.get("decisive"):
            return []  # the event's date is named but its year is unknown: null, not another date
    return []
