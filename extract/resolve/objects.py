"""The `objects` resolver: one object per distinct name a field's matches give, its attributes filled
from the other named groups (list attributes: extract/resolve/object_lists.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from extract.resolve import Context, Item, proof, resolver
from extract.resolve.generic import _fallbacks_apart, _known, candidates
from extract.resolve.object_lists import _fill_lists, _lists_otherwise
from extract.resolve.value_cut import _set, _split, lead_in_pattern, trim
from extract.resolve.word_edges import only_determiners
from extract.rules_engine.match import Group, Match
from extract.rules_engine.ruleset import FieldSpec
from extract.text.textutil import comparable


def _prefer_shorter(spec: FieldSpec, item: Item, value: str) -> bool:
    have = comparable(item.value["name"])
    want = comparable(value)
    return bool(spec.options.get("prefer_shorter")) and len(want) < len(have) and have.endswith(want)


def _generic(spec: FieldSpec, value: str) -> bool:
    """A name made only of generic words (`社区党群服务中心`) names a kind of thing, not one thing."""
    words = spec.options.get("generic")
    if not words:
        return False
    return lead_in_pattern(words).fullmatch(value) is not None


def _kind_only(ctx: Context, spec: FieldSpec, g: Group) -> bool:
    """With `word_edges`, a name whose every word is a generic word or only points at, counts or
    sorts (`这个服务站`, `新型党群服务站`, `三级党群服务中心`) is a mention of a kind, not a name."""
    listed = spec.options.get("generic")
    if not (spec.options.get("word_edges") and listed):
        return False
    pattern = lead_in_pattern(str(listed))
    keep = _set(str(spec.options["word_edges"]))
    return only_determiners(ctx.doc.words, g.start, g.end, lambda w: pattern.fullmatch(w) is not None, keep)


@resolver("objects", reads=("name", "name_head", "address", "parties"))
def objects(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """One object per distinct `name` (a `name_head` + `name_tail` pair joins into one name); other
    named groups fill the attributes listed in the field's `attributes` (first found wins)."""
    keys: list[str] = list(spec.options.get("attributes", []))
    list_keys: list[str] = list(spec.options.get("list_attributes", []))
    items: list[Item] = []
    for_all: list[Match] = []  # matches whose attributes go to every item (`attach_to_all`)
    last_seen: dict[int, int] = {}  # item index -> start of its latest mention
    cores: list[str | None] = []  # item index -> the quoted part of its first name, if any
    for m in sorted(_named_apart(candidates(matches, ctx)), key=lambda m: (m.start, -m.rule.priority)):
        if m.rule.options.get("attach_to_all"):
            for_all.append(m)
            continue
        if m.rule.options.get("attach_to_previous"):
            # `该站位于…`: the attributes belong to the item mentioned last before the match; with a
            # group `kind` (`位于Y的驿站`), to the one mentioned last whose name ends in that kind.
            kind = m.groups.get("kind")
            if kind is not None:
                named = _named_before(items, last_seen, kind.value, m.start)
                if named is not None:
                    _fill(ctx, spec, named, m, keys)
                continue
            before = [(pos, i) for i, pos in last_seen.items() if pos < m.start]
            if before:
                _fill(ctx, spec, items[max(before)[1]], m, keys)
            continue
        for g in _names_of(m):
            for part in _split(spec, g):
                t = trim(part, spec.options, ctx.doc.words, ctx.doc.entities)
                if not t:
                    continue
                if _generic(spec, t.value) or _kind_only(ctx, spec, t):
                    # `位于Y的新就业群体服务驿站`: a kind mention names nothing, but what it says of
                    # the station named last before it in that kind is said of that station.
                    named = _named_before(items, last_seen, t.value, m.start)
                    if named is not None:
                        _fill(ctx, spec, named, m, keys)
                    continue
                item = (
                    _known(items, t.value, "name", spec)
                    or _same_quoted(ctx, items, cores, t)
                    or _shortened_in_headline(ctx, spec, items, t)
                )
                if item is not None and (
                    _prefer_shorter(spec, item, t.value)
                    or _quoted_only(item, cores[items.index(item)], t)
                    or _shortened_in_headline(ctx, spec, [item], t) is item
                ):
                    # The plain name (`白领驿家服务站`) over the same name with its place in front;
                    # the quoted words with their kind (`“四季之家”服务站`) over the quoted words alone;
                    # the text's full name over the shorter one only the headline writes.
                    item.value["name"] = t.value
                    item.proofs[0] = proof(t, m.rule.id, ".name")
                if item is None:
                    value: dict[str, Any] = {
                        "name": t.value,
                        **dict.fromkeys(keys),
                        **{k: [] for k in list_keys},
                    }
                    item = Item(value, [proof(t, m.rule.id, ".name")])
                    items.append(item)
                    cores.append(_quoted_core(ctx, t))
                last_seen[items.index(item)] = m.start
                _fill(ctx, spec, item, m, keys)
                _fill_lists(ctx, spec, item, m, list_keys)
    # Bodies named once for the whole event (`A与B举行签约仪式`) belong to every item that has none.
    for m in sorted(for_all, key=lambda m: -m.rule.priority):
        for item in items:
            _fill(ctx, spec, item, m, keys)
            _fill_lists(ctx, spec, item, m, list_keys)
    _lists_otherwise(ctx, spec, items, list_keys)
    return items


def _shortened_in_headline(ctx: Context, spec: FieldSpec, items: list[Item], g: Group) -> Item | None:
    """The item named only in the headline (the field `headline` names) by a shorter form of `g`,
    a name outside it (`签订党建联盟协议` above `签订《边界党建联盟协议》`): a headline shortens names,
    so the text's fuller form names the same thing."""
    field = spec.options.get("headline")
    title = ctx.scalar(str(field)) if field else None
    spans = [(p.start, p.end) for p in title.proofs if p.end > p.start] if title else []
    if not spans or any(s <= g.start and g.end <= e for s, e in spans):
        return None
    want = comparable(g.value)
    for it in items:
        name = it.proofs[0] if it.proofs else None
        have = comparable(it.value["name"])
        inside = name is not None and any(s <= name.start and name.end <= e for s, e in spans)
        if inside and have != want and have in want:
            return it
    return None


_QUOTED = regex.compile(r"“([^”]{2,12})”")


def _quoted_core(ctx: Context, g: Group) -> str | None:
    """The quoted part of a name, its quote marks inside the name's span or right around it
    (`“四季之家”揭牌`, where the name is the quoted words alone)."""
    m = _QUOTED.search(ctx.doc.text, max(0, g.start - 1), g.end + 1)
    return m.group(1) if m else None


def _quoted_only(item: Item, core: str | None, g: Group) -> bool:
    """Whether the item's name is its quoted words alone and `g` says more."""
    return (
        core is not None and comparable(item.value["name"]) == comparable(core) and len(g.value) > len(core)
    )


def _same_quoted(ctx: Context, items: list[Item], cores: list[str | None], g: Group) -> Item | None:
    """An item whose quoted name reads as a variant of this one: same length, same first two
    characters (`“四季人家”`, `“四季之家”`: one station, translated two ways)."""
    core = _quoted_core(ctx, g)
    if core is None:
        return None
    for item, other in zip(items, cores, strict=True):
        if other and len(other) == len(core) and other[:2] == core[:2]:
            return item
    return None


def _fill(ctx: Context, spec: FieldSpec, item: Item, m: Match, keys: list[str]) -> None:
    """Attributes the match captured that the item does not have yet, cut like names are."""
    # Attributes are cut at clause breaks only: lead-in words and length limits are for names.
    breaks = spec.options.get("attribute_break_chars", spec.options.get("break_chars", ""))
    cut: dict[str, Any] = {"break_chars": breaks}
    if spec.options.get("attribute_break_pattern"):
        cut["break_pattern"] = spec.options["attribute_break_pattern"]
    for key in keys:
        a = m.groups.get(key)
        t = trim(a, cut) if a else None
        if t and item.value.get(key) is None:
            item.value[key] = t.value
            item.proofs.append(proof(t, m.rule.id, f".{key}"))


def _named_before(items: list[Item], last_seen: dict[int, int], kind: str, start: int) -> Item | None:
    """The item mentioned last before `start` whose name ends in the words of `kind`."""
    want = comparable(kind)
    before = [
        (pos, i)
        for i, pos in last_seen.items()
        if pos < start and comparable(items[i].value["name"]).endswith(want)
    ]
    return items[max(before)[1]] if before else None


def _named_apart(matches: Iterable[Match]) -> list[Match]:
    """The matches, the fallback rules' among them only where no other rule names an object: a
    match that only gives attributes (`A与B举行签约仪式`: the parties) names nothing."""
    every = list(matches)
    kept = {id(m) for m in _fallbacks_apart([m for m in every if _names_of(m)])}
    return [m for m in every if id(m) in kept or not _names_of(m)]


def _names_of(m: Match) -> list[Group]:
    head, tail = m.groups.get("name_head"), m.groups.get("name_tail")
    if head and tail:
        return [Group(head.value + tail.value, head.start, tail.end)]
    g = m.groups.get("name")
    return [g] if g else []
