"""One entry of a list attribute (a party of an agreement): a stretch of a group cut to the body's
name it holds, as the field's `entry_…` options say, and that name in the shortest form the
article uses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from extract.resolve.bodies import BodyWords, body_span, delegates_span
from extract.resolve.value_cut import _compiled, break_words_pattern, trim
from extract.rules_engine.match import Group
from extract.text.divisions import PlaceMention
from extract.text.gazetteer import TOWNSHIP_ENDS
from extract.text.lexicon import words
from extract.text.segment import Words

# Words ending as a place's name does that name no division (an unknown place holds none).
NO_DIVISION = ("社区", "小区", "园区", "景区", "校区", "片区", "辖区", "城区", "城市")


def shortest_form(text: str, g: Group, options: Mapping[str, Any]) -> Group:
    """The shortest form of a body's name the article itself uses: with `entry_drop_places`, a name
    that opens with places (`某市某区某街道党工委`, places as the gazetteer knows them) becomes the
    tail after one of them (`某街道党工委`) when the text writes that tail elsewhere too with no
    place straight before it (a word of `entry_place_ends`, or the place it follows here: 湾村党委 is
    not written alone after 长安 in 长安湾村党委: it is part of it). A tail must still end like a
    name (`entry_ends_with`) and be more than that ending alone. A township's own body (`某区某街道`,
    `某市某区某镇党委`) goes by the township's name whatever the text writes."""
    if not options.get("entry_drop_places"):
        return g
    ends = words(str(options.get("entry_ends_with", "")))
    places = words(str(options.get("entry_place_ends", ""))) if options.get("entry_place_ends") else ()
    return places_dropped(text, g, ends, places)


def places_dropped(
    text: str, g: Group, ends: tuple[str, ...], places: tuple[str, ...], townships: bool = True
) -> Group:
    """`g` without the places opening it, as shortest_form says: `ends` are the words a name ends
    with, `places` the last words of places' names; without `townships`, a township's own body too
    goes by a tail only where the text writes that alone."""
    opening = _places_opening(g.value)
    for place in opening:
        if townships and _township(place) and (place.end == len(g.value) or g.value[place.end :] in ends):
            return Group(g.value[place.start :], g.start + place.start, g.end)
    best = g
    cuts = [(p.text, p.end) for p in opening]
    for before, end in [*cuts, *_unknown_places(g.value, cuts[-1][1] if cuts else 0, places)]:
        tail = g.value[end:]
        if len(tail) < 3 or _kind_only(tail, ends) or (ends and not tail.endswith(ends)):
            continue
        if _written_alone(text, tail, (before, *places), g.start + end):
            best = Group(tail, g.start + end, g.end)
    return best


def _unknown_places(name: str, start: int, places: tuple[str, ...]) -> list[tuple[str, int]]:
    """The places opening `name` from `start` on that the gazetteer does not know, one after
    another: two characters or more ending with a place's last word (`places`: 区, 街道…), holding
    no part of a place that is no division (社区, 辖区) nor a known place after its first character
    (`民建某区`, `某党某市`: a body's name before a place)."""
    found: list[tuple[str, int]] = []
    at = start
    while True:
        end = min(
            (k + len(p) for p in places for k in [name.find(p, at + 2)] if k >= 0 and k + len(p) < len(name)),
            default=-1,
        )
        part = name[at:end]
        if end < 0 or not part.isalpha() or any(w in part for w in NO_DIVISION) or not _place_alone(part):
            return found
        found.append((name[at:end], end))
        at = end


def _kind_only(tail: str, ends: tuple[str, ...]) -> bool:
    """Whether `tail` is nothing but words a name ends with (`党委`, `社区党委`): a kind of body,
    which names none, so never the short form of a name."""
    if not tail:
        return True
    if not tail.startswith(ends):  # no ending opens it: one test for all of them
        return False
    return any(tail.startswith(e) and _kind_only(tail[len(e) :], ends) for e in ends)


def _place_alone(part: str) -> bool:
    """Whether `part` holds no place the gazetteer knows but at its start, and no joining word."""
    from extract.text.gazetteer import Gazetteer

    if any(c in part for c in "暨与和及"):
        return False
    return all(p.start == 0 for p in Gazetteer.load().find_places(part))


def _places_opening(name: str) -> list[PlaceMention]:
    """The gazetteer's places that open `name`, one after another."""
    from extract.text.gazetteer import Gazetteer

    found: list[PlaceMention] = []
    for place in Gazetteer.load().find_places(name):
        if place.start != (found[-1].end if found else 0):
            break
        found.append(place)
    return found


def _township(place: PlaceMention) -> bool:
    """A township written in full (某街道, 某镇, 某乡), as the gazetteer knows it."""
    return place.text.endswith(TOWNSHIP_ENDS) and any(d.level == "street" for d in place.candidates)


def _written_alone(text: str, tail: str, before: tuple[str, ...], here: int) -> bool:
    """Whether `text` writes `tail` somewhere other than at `here` with none of `before` (the place
    it follows here, the last words of places' names) straight before it."""
    at = text.find(tail)
    while at >= 0:
        if at != here and not text.endswith(before, 0, at):
            return True
        at = text.find(tail, at + 1)
    return False


def body_words(options: Mapping[str, Any]) -> BodyWords:
    def listed(key: str) -> tuple[str, ...]:
        name = options.get(key)
        return words(str(name)) if name else ()

    return BodyWords(listed("entry_ends_with"), listed("entry_place_ends"), listed("entry_word_edges"))


def entry(g: Group, options: Mapping[str, Any], tokens: Words | None = None) -> Group | None:
    """One entry of a list attribute, cut as the field's `entry_…` options say, or None. With
    `entry_word_edges` and `tokens`, the entry is the body's name its words hold (bodies.body_span);
    failing a body, with `entry_delegates`, the people who signed for no named body, as written
    (`骑手代表`)."""
    lead = options.get("entry_lead_in")
    t = trim(g, {"lead_in": lead} if lead else {})
    if t is None:
        return None
    found = _body_entry(t, options, tokens)
    delegates = options.get("entry_delegates")
    if found is None and delegates and tokens is not None:
        found = delegates_span(tokens, t, words(str(delegates)))
        if found is not None and _refused(found.value, options):
            return None
    return found


def _refused(value: str, options: Mapping[str, Any]) -> bool:
    refuse = options.get("entry_refuse")
    return len(value) < int(options.get("entry_min_length", 1)) or bool(
        refuse and _compiled(str(refuse)).match(value)
    )


def _body_entry(t: Group, options: Mapping[str, Any], tokens: Words | None) -> Group | None:
    cuts = []
    cut = options.get("entry_cut")
    if cut:
        m = _compiled(str(cut)).search(t.value)
        cuts.append(m.start() if m else len(t.value))
    cut_words = options.get("entry_cut_words")
    if cut_words:
        # `某社区党委书记张三`: the body's name ends where a post begins, unless the post word opens a
        # longer word the name may end with (委员 in 委员会).
        keep = words(str(options.get("entry_ends_with", "")))
        for m in break_words_pattern(str(cut_words)).finditer(t.value, 1):
            if not any(len(k) > len(m.group()) and t.value.startswith(k, m.start()) for k in keep):
                cuts.append(m.start())
                break
    end = min(cuts, default=len(t.value))
    if end < len(t.value):
        t = Group(t.value[:end], t.start, t.start + end)
    ends = options.get("entry_ends_with")
    if options.get("entry_word_edges") and ends and tokens is not None and t.value:
        found = body_span(tokens, t, body_words(options))
        if found is None:
            return None
        t = found
    if _refused(t.value, options):
        return None
    if ends and (not t.value.endswith(words(str(ends))) or t.value in words(str(ends))):
        return None
    return t
