"""List attributes of objects (the parties of an agreement): entries cut from a match's group, or taken
from the values of another field, each in the shortest form the article uses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from extract.resolve import Context, Item, Proof, proof
from extract.resolve.value_cut import _compiled, _parts, break_words_pattern, trim
from extract.rules_engine.match import Group, Match
from extract.rules_engine.ruleset import FieldSpec
from extract.text.lexicon import words
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
    `entry_cut` at its end) and kept only when it ends with a word of `entry_ends_with`."""
    for key in list_keys:
        g = m.groups.get(key)
        if g is None or item.value.get(key):
            continue
        entries: list[Group] = []
        for part in _parts(g, str(spec.options.get("entry_split", ""))):
            t = _entry(part, spec.options)
            if t is not None:
                t = _shortest_form(ctx.doc.text, t, spec.options)
            if t and all(comparable(e.value) != comparable(t.value) for e in entries):
                entries.append(t)
        item.value[key] = [e.value for e in entries]
        item.proofs.extend(proof(e, m.rule.id, f".{key}[{i}]") for i, e in enumerate(entries))


def _shortest_form(text: str, g: Group, options: Mapping[str, Any]) -> Group:
    """The shortest form of a body's name the article itself uses: with `entry_drop_places`, a name
    that opens with places (`某市某区某街道党工委`, places as the gazetteer knows them) becomes the
    tail after one of them (`某街道党工委`) when the text writes that tail elsewhere too. A tail must
    still end like a name (`entry_ends_with`) and be more than that ending alone."""
    if not options.get("entry_drop_places"):
        return g
    from extract.text.gazetteer import Gazetteer

    ends = words(str(options.get("entry_ends_with", "")))
    best, at = g, 0
    for place in Gazetteer.load().find_places(g.value):
        if place.start != at:
            break  # only the places that open the name, one after another
        at = place.end
        tail = g.value[at:]
        if len(tail) < 3 or tail in ends or (ends and not tail.endswith(ends)):
            continue
        if _written_alone(text, tail, g.value[:at], g.start):
            best = Group(tail, g.start + at, g.end)
    return best


def _written_alone(text: str, tail: str, prefix: str, here: int) -> bool:
    """Whether `text` writes `tail` somewhere other than at `here`, without `prefix` before it."""
    at = text.find(tail)
    while at >= 0:
        if at - len(prefix) != here and not text.endswith(prefix, 0, at):
            return True
        at = text.find(tail, at + 1)
    return False


def _entry(g: Group, options: Mapping[str, Any]) -> Group | None:
    """One entry of a list attribute, cut as the field's `entry_…` options say, or None."""
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
    if len(t.value) < int(options.get("entry_min_length", 1)):
        return None
    refuse = options.get("entry_refuse")
    if refuse and _compiled(str(refuse)).match(t.value):
        return None
    if ends and (not t.value.endswith(words(str(ends))) or t.value in words(str(ends))):
        return None
    return t
