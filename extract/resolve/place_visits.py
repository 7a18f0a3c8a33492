"""Visits: `某区某街道书记王明一行赴某区某街道考察交流`. The place gone to is where the event took place;
the places before the verb are the visitors' own (their titles, their home bodies), which are not the
event's unless they lie where the visit went (`某区委书记带队赴某街道调研`, a visit at home).

The visit verb is a pattern of the rule file (the district's `visit` option); this module only knows
where a sentence and a destination end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extract.resolve.value_cut import _compiled
from extract.text.divisions import Division
from extract.text.gazetteer import PlaceMention

_SENTENCE_END = "。!?;\n"
# The destination is the first place after the verb: it ends at a list's comma (`赴甲街道、乙街道`: the
# first named) or at the end of the clause.
_DESTINATION_END = regex.compile(r"[、,,。!?;;\n]")


@dataclass
class Visits:
    """Mentions (by their start) that are a visit's destination, and visitors' mentions to leave out."""

    destinations: set[int] = field(default_factory=set)
    visitors: set[int] = field(default_factory=set)


def _near(d: Division) -> set[str]:
    """The codes a visitor's place must share with the destination to count: itself and its county."""
    return {c for c in (d.code, d.county_code) if c}


def _is_local(m: PlaceMention, dest: list[Division]) -> bool:
    """Whether a visitor's place lies where the visit went (the same county or township, or for a
    city or province, the destination's own)."""
    near = set().union(*(_near(d) for d in dest)) if dest else set()
    cities = {d.city_code for d in dest if d.city_code} | {d.code for d in dest if d.level == "city"}
    provinces = {d.province_code for d in dest if d.province_code}
    for d in m.candidates:
        if d.level in ("county", "street") and (d.code in near or d.county_code in near):
            return True
        if d.level == "city" and d.code in cities:
            return True
        if d.level == "province" and d.code in provinces:
            return True
    return False


def from_elsewhere(text: str, pattern: str, mentions: list[PlaceMention]) -> set[int]:
    """The mentions (by their start) inside the `places` group of a match of `pattern`: where people
    came from (`来自某区、某县的代表`), not where the event was."""
    if not pattern:
        return set()
    spans = [m.span("places") for m in _compiled(pattern).finditer(text)]
    return {m.start for m in mentions if any(s <= m.start and m.end <= e for s, e in spans)}


def find_visits(text: str, pattern: str, mentions: list[PlaceMention], invited: str = "") -> Visits:
    """The destination and visitors' mentions of every visit sentence the pattern finds in `text`.
    The visitors begin at the sentence's start, or after the last match of `invited` before the verb
    (`某街道邀请某公司一行前往`: the host who invites is no visitor)."""
    out = Visits()
    if not pattern:
        return out
    for verb in _compiled(pattern).finditer(text):
        start = max(text.rfind(c, 0, verb.start()) for c in _SENTENCE_END) + 1
        if invited:
            hosts = list(_compiled(invited).finditer(text, start, verb.start()))
            start = hosts[-1].end() if hosts else start
        stop = _DESTINATION_END.search(text, verb.end())
        end = stop.start() if stop else len(text)
        dest = [m for m in mentions if verb.end() <= m.start and m.end <= end]
        dest_divisions = [d for m in dest for d in m.candidates]
        out.destinations.update(m.start for m in dest)
        out.visitors.update(
            m.start
            for m in mentions
            if start <= m.start and m.end <= verb.start() and not _is_local(m, dest_divisions)
        )
    return out
