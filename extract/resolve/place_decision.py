"""The place decision the district, city and street share, and how it is completed where no county
weighs enough: the county of the event's township, else the city the text weighs most and the
township of that name in it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from extract.resolve import Context, Proof
from extract.resolve.place_mentions import names_city
from extract.resolve.place_weights import mention_weight
from extract.text.divisions import CountyResolution, Evidence
from extract.text.gazetteer import TOWNSHIP_ENDS, Division, Gazetteer, PlaceMention


@dataclass
class Decision:
    county: Division | None = None
    county_proof: Proof | None = None
    city: str | None = None
    city_proofs: list[Proof] = field(default_factory=list)
    street: Division | None = None
    street_name: str | None = None
    street_proof: Proof | None = None
    street_one_county: bool = False  # the township's name, in the places the text names, lies in one county
    street_options: tuple[Division, ...] = ()  # the townships of that name the decision chose among


def resolve_at(
    gaz: Gazetteer, name: str, text: str, mention: PlaceMention, mentions: list[PlaceMention]
) -> CountyResolution:
    """Which county `name` means, as the gazetteer reads the whole text; but where the text also
    names a namesake elsewhere (a guest's 某市普陀区), what is written against the event's own
    `mention` outranks it: a city or province right before it (舟山市普陀区), a township of it right
    after (普陀区长寿路街道). Those decide only where they support one namesake."""
    whole = gaz.resolve_county(name, text)
    support: dict[str, Evidence] = {}
    for k in mentions:
        kind = "adjacent" if k.end == mention.start else "street" if k.start == mention.end else ""
        for c in gaz.counties(name) if kind else ():
            if any(
                d.code in (c.city_code, c.province_code) if kind == "adjacent" else d.county_code == c.code
                for d in k.candidates
            ):
                support.setdefault(c.code, Evidence(kind, k.text, k.start, k.end, c.code))
    if len(support) != 1 or whole.division is not None and whole.division.code in support:
        return whole
    [(code, evidence)] = support.items()
    county = gaz.get(code)
    return whole if county is None else CountyResolution(name, county, (county,), (evidence,))


def county_of_street(gaz: Gazetteer, decision: Decision, text: str) -> None:
    """No county weighs enough, but the event's township, written in full, lies in one county only
    (the text names the township, not its county): that county is the event's, and its city the
    event's city. Not where the text names a development zone (the caller): it runs its townships."""
    street, proof = decision.street, decision.street_proof
    if street is None or proof is None or not decision.street_one_county:
        return
    if not text[proof.start : proof.end].endswith(TOWNSHIP_ENDS):
        return  # a short form (龙虎山) may be a mountain or a road as well as the township
    county = gaz.get(street.county_code or "")
    if county is None or county.level != "county":
        return
    decision.county = county
    decision.county_proof = Proof("", proof.start, proof.end, "district.from_township")
    if county.city:
        decision.city = county.city
        decision.city_proofs = [Proof("", proof.start, proof.end, "city.unique_county")]


def city_alone(
    ctx: Context,
    decision: Decision,
    mentions: list[PlaceMention],
    headline: tuple[int, int] | None,
    events: list[tuple[int, int]],
    orgs: list[tuple[int, int]],
) -> None:
    """No county named: the prefecture-level city the text weighs most (a city without districts)."""
    weight: dict[str, float] = defaultdict(float)
    seen: dict[str, PlaceMention] = {}
    street = decision.street_proof.start if decision.street_proof else None
    for m in mentions:
        cities = {d.name for d in m.candidates if d.level == "city"} if names_city(m, ctx.doc.body) else set()
        # The event's township speaks for its city (中山: no counties), where its name is that of
        # townships of one city only (洪桥街道 of two cities names neither).
        if (
            m.start == street
            and decision.street is not None
            and decision.street.city
            and {d.city for d in decision.street_options} == {decision.street.city}
        ):
            cities.add(decision.street.city)
        for c in cities:
            weight[c] += mention_weight(m, headline, events, orgs)
            seen.setdefault(c, m)
    if weight:
        best = max(weight, key=lambda c: (weight[c], -seen[c].start))
        m = seen[best]
        decision.city = best
        decision.city_proofs = [Proof("", m.start, m.end, "city.city_mention")]


def street_in_city(decision: Decision) -> None:
    """With no county, the event's township lies in the event's city: of the townships of its name,
    the one there; none there, no township (one of another city, named in passing)."""
    if decision.street is None or decision.city is None:
        return
    there = [d for d in decision.street_options if d.city == decision.city]
    if there:
        decision.street = there[0]
        return
    decision.street, decision.street_name, decision.street_proof = None, None, None
