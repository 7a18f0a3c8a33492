"""Where the event took place: district, its city, and the street, decided together once.

Every county-level and township mention is weighed by where it stands: in the headline, in the
event's sentence (the sentence of the chosen date, venue or organiser), inside the organiser's name,
or merely somewhere in the body. A township stands for its county. The county with the most weight
is the event's; its city comes from the gazetteer, or, for a name several cities share (普陀区), from
the text — null when the text cannot decide. The street is the township mentioned with most weight
that lies in (or, with no district, decides) that county.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from extract.resolve import Context, Item, Proof, resolver
from extract.resolve.generic import divisions_note
from extract.resolve.place_decision import Decision, city_alone, county_of_street, resolve_at, street_in_city
from extract.resolve.place_lists import listed_counties, listed_townships
from extract.resolve.place_mentions import (
    find_mentions,
    heads_a_township,
    names_county,
    places_not_brands,
    whole_words,
)
from extract.resolve.place_visits import find_visits, from_elsewhere
from extract.resolve.place_weights import (
    CONSISTENT,
    ELSEWHERE,
    MASKED_IN_HEAD,
    MIN_WEIGHT,
    held_in_county,
    mention_weight,
    names_a_zone,
    sentence_spans,
    weak_street,
    written_in_full,
)
from extract.rules_engine.document import HEAD_CHARS
from extract.rules_engine.match import Match
from extract.rules_engine.ruleset import FieldSpec
from extract.text.gazetteer import TOWNSHIP_ENDS, Gazetteer, PlaceMention


def decide(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> Decision:
    """The place decision of this article, made once and shared by the district, city and street fields."""
    if "places" in ctx.notes:
        decision: Decision = ctx.notes["places"]
        return decision
    gaz = Gazetteer.load()
    title = ctx.results.get(spec.options.get("headline", "title"), [])
    headline = (title[0].proofs[0].start, title[0].proofs[0].end) if title and title[0].proofs else None
    events = sentence_spans(ctx, list(spec.options.get("event_fields", [])))
    orgs = [
        (p.start, p.end)
        for it in ctx.results.get(spec.options.get("organisers", "organisers"), [])
        for p in it.proofs
    ]
    venue_field = str(spec.options.get("venue", ""))
    venue_items = ctx.results.get(venue_field, [])
    # A place the event was held at that names only divisions is no venue, but it still is where.
    venues = [(p.start, p.end) for it in venue_items for p in it.proofs]
    held_in = ctx.notes.get(divisions_note(venue_field), [])
    venues += held_in
    body = ctx.doc.body
    mentions = places_not_brands(find_mentions(gaz, matches), body, ctx.doc.words)
    # A visit (`某区某街道书记一行赴某区某街道考察`): where it went weighs as the venue; the visitors'
    # own places are not the event's.
    options = spec.options
    visits = find_visits(body, str(options.get("visit", "")), mentions, str(options.get("visit_invited", "")))
    elsewhere = from_elsewhere(body, str(options.get("from_elsewhere", "")), mentions)
    mentions = [m for m in mentions if m.start not in visits.visitors and m.start not in elsewhere]
    visited = [(m.start, m.end) for m in mentions if m.start in visits.destinations]
    venues += visited
    mentioned_higher = {d.code for m in mentions for d in m.candidates if d.level in ("city", "province")}
    # A short form that begins a township named in full (长寿 and 长寿路街道) means that township.
    street_heads = {
        m.text[:k] for m in mentions if any(d.level == "street" for d in m.candidates) for k in (2, 3)
    }
    township_starts = {m.start for m in mentions if any(d.level == "street" for d in m.candidates)}
    listed = listed_townships(mentions, body)
    listed_apart = listed_counties(mentions, body)
    zone = str(options.get("zone", ""))
    zone_named = bool(zone) and names_a_zone(zone, body, mentions)
    county_weight: dict[str, float] = defaultdict(float)
    first_seen: dict[str, PlaceMention] = {}
    heaviest: dict[str, tuple[float, PlaceMention]] = {}
    street_weight: dict[str, float] = defaultdict(float)
    street_seen: dict[str, PlaceMention] = {}
    from_towns: dict[str, float] = defaultdict(float)
    named: set[str] = set()
    only_listed: set[str] = set()
    street_top: dict[str, float] = defaultdict(float)  # the most a single mention of it weighs
    street_full: set[str] = set()  # the townships written in full somewhere
    for m in mentions:
        w = mention_weight(m, headline, events, orgs, venues)
        if body[m.start : m.end] != m.text and not (headline and headline[0] <= m.start < headline[1]):
            if m.start > HEAD_CHARS:
                continue  # masked boilerplate: related links, bylines
            w = MASKED_IN_HEAD
        # In the gazetteer's order, not a set's: the weights' order must not vary from run to run.
        counties = list(dict.fromkeys(d.name for d in m.candidates if d.level == "county"))
        if counties and (
            not names_county(m, body)
            or m.text in street_heads
            or heads_a_township(m, body, township_starts)
            or not whole_words(m, ctx.doc.words)
        ):
            counties = []
        streets = [d for d in m.candidates if d.level == "street"]
        for name in counties:
            county_weight[name] += w
            first_seen.setdefault(name, m)
            if w > heaviest.get(name, (0.0, m))[0]:
                heaviest[name] = (w, m)  # where the event is said to be: its namesake is decided there
            # One of a list of counties, in passing (`甲县代表、乙区代表`): each sends its people.
            (only_listed if m.start in listed_apart and w <= ELSEWHERE else named).add(name)
        if streets and not (m.start in listed and w <= ELSEWHERE):  # one of a list, in passing: no host
            street_weight[m.text] += w
            street_seen.setdefault(m.text, m)
            street_top[m.text] = max(street_top[m.text], w)
            if written_in_full(m, body):
                street_full.add(m.text)
            parents = {(d.county, d.county_code != d.city_code) for d in streets if d.county}
            if len(parents) == 1:  # a township speaks for its county only when its name is unique
                parent, is_county = parents.pop()
                # A township straight under a city without counties (东莞市, 儋州市) has the city
                # as its parent: it speaks for no county (its city is _city_alone's to weigh).
                if is_county:
                    from_towns[parent] += w / 4
                    first_seen.setdefault(parent, m)
    # Where the text names a development zone, a township alone does not tell its county (the zone
    # runs it, though the gazetteer lists it under a county): only a county the text names itself.
    for name, w in from_towns.items():
        if not zone_named or name in named or name in only_listed:
            county_weight[name] += w
            named.add(name)
    # A county named only in lists of counties, in passing, is none of the event's.
    for name in only_listed - named:
        del county_weight[name]
    # A county named only by a short form, once, in passing, is too weak to be the event's.
    strong = {n: w for n, w in county_weight.items() if w >= MIN_WEIGHT or first_seen[n].text == n}
    # The event held in, or a visit gone to, a city the text names (`在某市召开`, `一行赴某市`): a county
    # of another city is not where it took place.
    went_to = visited + held_in
    held_cities = {
        d.code
        for m in mentions
        if any(a <= m.start and m.end <= b for a, b in went_to)
        for d in m.candidates
        if d.level == "city"
    }
    if held_cities:
        strong = {n: w for n, w in strong.items() if any(d.city_code in held_cities for d in gaz.counties(n))}
    # Among the rest, a county whose city or province the text also names is the likelier reading.
    for name in strong:
        same_name = gaz.counties(name)
        if any(d.city_code in mentioned_higher or d.province_code in mentioned_higher for d in same_name):
            strong[name] += CONSISTENT
    decision = Decision()
    ranked = sorted(strong, key=lambda n: (-strong[n], first_seen[n].start))
    if len(ranked) > 1 and (strong[ranked[0]], first_seen[ranked[0]]) == (
        strong[ranked[1]],
        first_seen[ranked[1]],
    ):
        ranked = []  # one short form of two counties (大通: 大通区, 大通县) and nothing to tell them apart
    on_a_par = len(ranked) > 1 and strong[ranked[0]] == strong[ranked[1]] and _apart(gaz, *ranked[:2])
    if on_a_par:
        ranked = []  # 北京通州、天津武清两地: places of two provinces on a par, the event in neither said
    if ranked:
        name = ranked[0]
        mention = first_seen[name]
        resolution = resolve_at(gaz, name, ctx.doc.text, heaviest.get(name, (0, mention))[1], mentions)
        decision.county = resolution.division or gaz.counties(name)[0]
        how = "place_mention" if any(d.level == "county" for d in mention.candidates) else "from_township"
        decision.county_proof = Proof("", mention.start, mention.end, f"district.{how}")
        decision.city = resolution.city
        decision.city_proofs = [Proof("", e.start, e.end, f"city.{e.kind}") for e in resolution.evidence[:3]]
        if resolution.division is not None and not resolution.evidence:
            decision.city_proofs = [Proof("", mention.start, mention.end, "city.unique_county")]
    in_county = held_in_county(held_in, mentions)
    for form in [
        f for f, w in street_weight.items() if weak_street(w, street_top[f], f in street_full, in_county)
    ]:
        del street_weight[form]
    _decide_street(decision, street_weight, street_seen, mentioned_higher)
    if decision.county is None and not zone_named:
        county_of_street(gaz, decision, ctx.doc.text)
    if decision.city is None and decision.county is None and not on_a_par:
        city_alone(ctx, decision, mentions, headline, events, orgs)
        street_in_city(decision)
    ctx.notes["places"] = decision
    return decision


def _apart(gaz: Gazetteer, a: str, b: str) -> bool:
    """Counties `a` and `b` lie in different provinces, whichever of their namesakes is meant."""
    return not {d.province_code for d in gaz.counties(a)} & {d.province_code for d in gaz.counties(b)}


def _decide_street(
    decision: Decision, weight: dict[str, float], seen: dict[str, PlaceMention], higher: set[str]
) -> None:
    """The heaviest township in the decided county; failing one, the heaviest written out in full,
    and of the townships bearing its name, those in a city or province the text names (`higher`)."""
    ranked = sorted(weight, key=lambda n: (-weight[n], seen[n].start))
    for in_county in (True, False):
        for form in ranked:
            streets = [d for d in seen[form].candidates if d.level == "street"]
            if in_county:
                if decision.county is not None:
                    streets = [d for d in streets if d.county_code == decision.county.code]
            elif not form.endswith(TOWNSHIP_ENDS):
                continue
            if decision.county is None:
                named = [d for d in streets if d.city_code in higher or d.province_code in higher]
                streets = named or streets
            if streets:
                m = seen[form]
                decision.street = streets[0]
                # The name as the text writes it when written in full (湖南街道 stays 湖南街道).
                decision.street_name = form if form.endswith(TOWNSHIP_ENDS) else streets[0].name
                decision.street_proof = Proof("", m.start, m.end, "street.place_mention")
                decision.street_one_county = len({d.county_code for d in streets}) == 1
                decision.street_options = tuple(streets)
                return


@resolver("event_district")
def event_district(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    d = decide(ctx, spec, matches)
    if d.county is None or d.county_proof is None:
        return []
    return [Item(d.county.name, [d.county_proof])]


@resolver("event_city")
def event_city(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    d = decide(ctx, spec, matches)
    if d.city is None:
        return []
    proofs = d.city_proofs or ([d.county_proof] if d.county_proof else [])
    return [Item(d.city, proofs)]


@resolver("event_street")
def event_street(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    d = decide(ctx, spec, matches)
    if d.street is None or d.street_proof is None:
        return []
    return [Item(d.street_name or d.street.name, [d.street_proof])]
