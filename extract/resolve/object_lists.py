"""List attributes of objects (the parties of an agreement): entries cut from a match's group, or taken
from the values of another field, each in the shortest form the article uses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import regex

from extract.resolve import Context, Item, Proof, proof
from extract.resolve.bodies import BodyWords, bare_kind, body_span
from extract.resolve.value_cut import _compiled, _parts, break_words_pattern, trim
from extract.rules_engine.match import Group, Match
from extract.rules_engine.ruleset import FieldSpec
from extract.text.lexicon import words
from extract.text.segment import Words
from extract.text.textutil import comparable


def _lists_otherwise(ctx: Context, spec: FieldSpec, items: list[Item], list_keys: list[str]) -> None:
    """A list attribute still empty takes the values of the field `entry_otherwise` names, where
    that field holds two values or more (the bodies that held a signing are its parties)."""
    other = spec.options.get("entry_otherwise")
    if not other:
        return
    source = ctx.results.get(str(other), [])
    if len(source) < 2:
        return
    # Each value as the text writes it at its first proof, in the shortest form the article uses.
    entries = [
        _shortest_form(ctx.doc.text, Group(ctx.doc.text[p.start : p.end], p.start, p.end), spec.options)
        for it in source
        for p in it.proofs[:1]
    ]
    for item in items:
        for key in list_keys:
            if item.value.get(key):
                continue
            item.value[key] = [e.value for e in entries]
            rule = f"{spec.name}.{key}_from_{other}"
            item.proofs.extend(Proof(f".{key}[{i}]", e.start, e.end, rule) for i, e in enumerate(entries))


def _fill_lists(ctx: Context, spec: FieldSpec, item: Item, m: Match, list_keys: list[str]) -> None:
    """List attributes (the parties of an agreement) the item has none of yet, from the match's group
    of that name: the group is split at `entry_split`, each entry cut like a name (`entry_lead_in`,
    `entry_cut` at its end) and kept only when it ends with a word of `entry_ends_with`. An entry
    naming a body by its kind alone (`街道`, `该区`) is the first value of the `entry_stands_for`
    fields that ends with that word."""
    for key in list_keys:
        g = m.groups.get(key)
        if g is None or item.value.get(key):
            continue
        entries: list[tuple[Group, list[Proof]]] = []
        for part in _parts(g, str(spec.options.get("entry_split", ""))):
            t = _entry(part, spec.options, ctx.doc.words)
            extra: list[Proof] = []
            if t is not None:
                t = _shortest_form(ctx.doc.text, t, spec.options)
            else:
                t, extra = _stand_in(ctx, spec, part, key, m.rule.id)
            if t and all(comparable(e.value) != comparable(t.value) for e, _ in entries):
                entries.append((t, extra))
        if not entries:
            entries = _counted_sides(ctx, spec, g, key, m.rule.id)
        item.value[key] = [e.value for e, _ in entries]
        for i, (e, extra) in enumerate(entries):
            item.proofs.append(proof(e, m.rule.id if not extra else extra[0].rule, f".{key}[{i}]"))
            item.proofs.extend(Proof(f".{key}[{i}]", p.start, p.end, p.rule) for p in extra[1:])


SIDES = {"两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_CLAUSE = regex.compile(r"[^,,。;;!?！？\n]+")


def _counted_sides(
    ctx: Context, spec: FieldSpec, g: Group, key: str, rule: str
) -> list[tuple[Group, list[Proof]]]:
    """`三方代表签署`: where the signers are only counted (`entry_sides`, a pattern whose group `n`
    is the count), the first clause of the article that lists exactly that many bodies names them;
    each with the proofs of its name (rule `<field>.<key>_counted`) and of the count."""
    sides = spec.options.get("entry_sides")
    found = _compiled(str(sides)).search(g.value) if sides else None
    if found is None:
        return []
    n = SIDES.get(found.group("n"), 0)
    count = Proof("", g.start + found.start(), g.start + found.end(), rule)
    split = str(spec.options.get("entry_split", ""))
    for clause in _CLAUSE.finditer(ctx.doc.text):
        parts = _parts(Group(clause.group(), clause.start(), clause.end()), split)
        if len(parts) != n:
            continue
        bodies = [b for b in (_entry(p, spec.options, ctx.doc.words) for p in parts) if b is not None]
        if len(bodies) == n:
            named = [_shortest_form(ctx.doc.text, b, spec.options) for b in bodies]
            return [(b, [Proof("", b.start, b.end, f"{spec.name}.{key}_counted"), count]) for b in named]
    return []


def _stand_in(
    ctx: Context, spec: FieldSpec, part: Group, key: str, rule: str
) -> tuple[Group | None, list[Proof]]:
    """The body a kind word alone stands for (`与街道签订`: the event's 街道), from the fields
    `entry_stands_for` names, in the shortest form the article uses; with the proofs of the value
    (rule `<field>.<key>_kind_from_<other>`) and of the kind word (the match's rule)."""
    fields = list(spec.options.get("entry_stands_for", []))
    if not fields or not spec.options.get("entry_word_edges"):
        return None, []
    kind = bare_kind(ctx.doc.words, part, _body_words(spec.options))
    if kind is None:
        return None, []
    for name in fields:
        for it in ctx.results.get(str(name), []):
            value = it.value if isinstance(it.value, str) else None
            if not value or not value.endswith(kind.value) or value == kind.value or not it.proofs:
                continue
            p = it.proofs[0]
            g = _shortest_form(
                ctx.doc.text, Group(ctx.doc.text[p.start : p.end], p.start, p.end), spec.options
            )
            if not g.value.endswith(kind.value):
                continue
            own = Proof("", g.start, g.end, f"{spec.name}.{key}_kind_from_{name}")
            return g, [own, Proof("", kind.start, kind.end, rule)]
    return None, []


def _shortest_form(text: str, g: Group, options: Mapping[str, Any]) -> Group:
    """The shortest form of a body's name the article itself uses: with `entry_drop_places`, a name
    that opens with places (`某市某区某街道党工委`, places as the gazetteer knows them) becomes the
    tail after one of them (`某街道党工委`) when the text writes that tail elsewhere too with no
    place straight before it (a word of `entry_place_ends` or the places it had here). A tail must
    still end like a name (`entry_ends_with`) and be more than that ending alone."""
    if not options.get("entry_drop_places"):
        return g
    ends = words(str(options.get("entry_ends_with", "")))
    places = words(str(options.get("entry_place_ends", ""))) if options.get("entry_place_ends") else ()
    best = g
    for at in _place_ends(g.value):
        tail = g.value[at:]
        if len(tail) < 3 or tail in ends or (ends and not tail.endswith(ends)):
            continue
        if _written_alone(text, tail, g.value[:at], g.start + at, places):
            best = Group(tail, g.start + at, g.end)
    return best


def _place_ends(name: str) -> list[int]:
    """Where the gazetteer's places that open `name`, one after another, end."""
    from extract.text.gazetteer import Gazetteer

    found, at = set(), 0
    for place in Gazetteer.load().find_places(name):
        if place.start != at:
            break  # only the places that open the name, one after another
        at = place.end
        found.add(at)
    return sorted(found)


def _written_alone(text: str, tail: str, prefix: str, here: int, places: tuple[str, ...]) -> bool:
    """Whether `text` writes `tail` somewhere other than at `here` with no place straight before it:
    neither `prefix` nor a word of `places` ends there."""
    at = text.find(tail)
    while at >= 0:
        if at != here and not text.endswith((prefix, *places), 0, at):
            return True
        at = text.find(tail, at + 1)
    return False


def _body_words(options: Mapping[str, Any]) -> BodyWords:
    def listed(key: str) -> tuple[str, ...]:
        name = options.get(key)
        return words(str(name)) if name else ()

    return BodyWords(listed("entry_ends_with"), listed("entry_place_ends"), listed("entry_word_edges"))


def _entry(g: Group, options: Mapping[str, Any], tokens: Words | None = None) -> Group | None:
    """One entry of a list attribute, cut as the field's `entry_…` options say, or None. With
    `entry_word_edges` and `tokens`, the entry is the body's name its words hold (bodies.body_span)."""
    lead = options.get("entry_lead_in")
    t = trim(g, {"lead_in": lead} if lead else {})
    if t is None:
        return None
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
        found = body_span(tokens, t, _body_words(options))
        if found is None:
            return None
        t = found
    if len(t.value) < int(options.get("entry_min_length", 1)):
        return None
    refuse = options.get("entry_refuse")
    if refuse and _compiled(str(refuse)).match(t.value):
        return None
    if ends and (not t.value.endswith(words(str(ends))) or t.value in words(str(ends))):
        return None
    return t
