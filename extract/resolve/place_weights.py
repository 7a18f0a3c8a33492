"""How much a place mention weighs for the place decision (extract/resolve/places.py), by where it
stands, and which townships weigh too little to be the event's."""

from __future__ import annotations

import re

from extract.resolve import Context
from extract.text.gazetteer import TOWNSHIP_ENDS, PlaceMention

# Weights of a mention by where it stands (rules/district.toml names the anchors).
IN_HEADLINE = 3.0
IN_EVENT_SENTENCE = 3.0
IN_ORGANISER = 4.0
IN_VENUE = 5.0  # the place the event was held at (`在某区某中心举行`) names where it took place
ELSEWHERE = 1.0
OFFICE = "办事处"  # `某某办事处` is the township's 街道办事处: its name written in full
CONSISTENT = 1.5  # bonus for a county whose city or province is named too
MIN_WEIGHT = 2.0  # below it, a county named only by a short form does not count
# Which mentions may name a county at all: extract/resolve/place_mentions.py.
MASKED_IN_HEAD = 0.5  # a place in the page's furniture near the top (a breadcrumb) still hints


def sentence_spans(ctx: Context, fields: list[str]) -> list[tuple[int, int]]:
    """Spans of the values other fields chose (their evidence), widened to their sentences."""
    text = ctx.doc.text
    out = []
    for name in fields:
        for item in ctx.results.get(name, []):
            for p in item.proofs:
                if p.end <= p.start:
                    continue
                left = max(text.rfind(c, 0, p.start) for c in "。!?\n") + 1
                rights = [i for i in (text.find(c, p.end) for c in "。!?\n") if i >= 0]
                out.append((left, min(rights) if rights else len(text)))
    return out


def mention_weight(
    m: PlaceMention,
    headline: tuple[int, int] | None,
    events: list[tuple[int, int]],
    orgs: list[tuple[int, int]],
    venues: list[tuple[int, int]] | None = None,
) -> float:
    if venues and any(s <= m.start and m.end <= e for s, e in venues):
        return IN_VENUE
    if any(s <= m.start and m.end <= e for s, e in orgs):
        return IN_ORGANISER
    if headline and headline[0] <= m.start and m.end <= headline[1]:
        return IN_HEADLINE
    if any(s <= m.start < e for s, e in events):
        return IN_EVENT_SENTENCE
    return ELSEWHERE


def names_a_zone(zone: str, body: str, mentions: list[PlaceMention]) -> bool:
    """Whether the text names a development zone (the pattern `zone`) other than as the end of a
    county's own name (浦东新区 is a county)."""
    counties = [(m.start, m.end) for m in mentions if any(d.level == "county" for d in m.candidates)]
    return any(not any(s <= z.start() and z.end() <= e for s, e in counties) for z in re.finditer(zone, body))


def held_in_county(spans: list[tuple[int, int]], mentions: list[PlaceMention]) -> bool:
    """Whether the text says the event was held in a county, naming no township there (`在某县举行`)."""
    levels = {d.level for m in mentions for d in m.candidates if any(s <= m.start < e for s, e in spans)}
    return "county" in levels and "street" not in levels


def written_in_full(m: PlaceMention, body: str) -> bool:
    """Whether a township's mention writes its name in full: with its suffix (某某街道, 某某镇), as
    `某某街` for 某某街道 (the name the gazetteer gives once 道 is added), or before 办事处."""
    if m.text.endswith(TOWNSHIP_ENDS) or body.startswith(OFFICE, m.end):
        return True
    return any(d.level == "street" and d.name == m.text + "道" for d in m.candidates)


def weak_street(weight: float, top: float, full: bool, held_in_county: bool) -> bool:
    """A township too weak to be the host: one named only by a short form, weighing less than a
    county needs (龙虎山 in a list of mountains, 五大道 in 五大道景区); or, where the text says the
    event was held in a county, one named only in passing (a speaker's township)."""
    return (not full and weight < MIN_WEIGHT) or (held_in_county and top <= ELSEWHERE)
