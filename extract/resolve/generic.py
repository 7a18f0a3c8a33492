"""Resolvers that know no field: the best match, every distinct match, and the filter of matches
(roles, `within`, fallbacks) every resolver applies first. Objects from named groups: objects.py;
cutting a value out of its group: value_cut.py."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from extract.resolve import Context, Item, Proof, proof, resolver
from extract.resolve.list_entries import places_dropped
from extract.resolve.value_cut import _split, break_words_pattern, only_divisions, trim
from extract.rules_engine.match import Group, Match, SharedEnding
from extract.rules_engine.ruleset import FieldSpec
from extract.text.lexicon import words
from extract.text.segment import PLACE_TAG
from extract.text.textutil import clean_value, comparable, written_in


def candidates(matches: Iterable[Match], ctx: Context | None = None) -> Iterator[Match]:
    """Matches that may give a value, in the order given: rules with `role = "stop"` end the zone
    where values are taken, rules with `role = "reject"` veto the values they overlap; both give no
    value themselves. A rule with `within = "<field>"` counts only inside the evidence of that
    field's value (the headline). Role matches come first (engine.run_rules), so the others can be
    filtered as they come."""
    stops: list[Match] = []
    rejects: list[tuple[int, int]] = []
    limit: int | None = None
    binds_below = 0
    ready = False
    for m in matches:
        role = m.rule.options.get("role")
        if role:
            if role == "stop":
                stops.append(m)
            elif role == "reject":
                rejects.append((m.start, m.end))
            continue
        if not ready:
            limit = min((s.start for s in stops), default=None)
            # A stop binds rules below its `binds_below` priority; stronger evidence may lie beyond it.
            binds_below = max((int(s.rule.options.get("binds_below", 1 << 30)) for s in stops), default=0)
            ready = True
        within = m.rule.options.get("within")
        if within and not (ctx and _inside(m, ctx, str(within))):
            continue
        if limit is not None and m.start >= limit and m.rule.priority < binds_below:
            continue
        # A veto applies to the value a match gives (its `value` group), not to the context around it.
        g = m.groups.get("value")
        start, end = (g.start, g.end) if g else (m.start, m.end)
        if any(s < end and start < e for s, e in rejects):
            continue
        yield m


@resolver("first")
def first(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """The value of the best match (highest priority, then earliest)."""
    for m in candidates(matches, ctx):
        g = m.groups.get("value")
        if g and m.rule.options.get("as_written") and clean_value(g.value):
            # The pattern bounds the value on both sides (在某大厦的会议室举行): the words inside stay.
            return [_cleaned(g, m.rule.id)]
        if g and spec.options.get("word_edges"):
            t = trim(g, spec.options, ctx.doc.words, ctx.doc.entities)
            levels = spec.options.get("refuse_divisions")
            if (
                t
                and levels
                and (only_divisions(t.value, frozenset(levels)) or _only_places(ctx, t.start, t.end))
            ):
                # 在某某区举行: the event's place is a division, so no venue (not a lesser match
                # further on); the places decision still reads where it is, as it read the venue.
                ctx.notes[divisions_note(spec.name)] = [(t.start, t.end)]
                return []
            if t:
                return [Item(t.value, [proof(t, m.rule.id)])]
        elif g and clean_value(g.value):
            return [_cleaned(g, m.rule.id)]
    return []


def _cleaned(g: Group, rule_id: str) -> Item:
    """The group's value without the marks around it (clean_value), its evidence where that stands
    (`:某某` gives 某某, pointed to after the colon)."""
    value = clean_value(g.value)
    start = g.start + g.value.find(value)
    return Item(value, [Proof("", start, start + len(value), rule_id)])


def _only_places(ctx: Context, start: int, end: int) -> bool:
    """Whether `[start, end)` is nothing but place names of the word layer (美国旧金山, a country and
    its city): divisions the gazetteer does not hold, where the event was but no venue."""
    words = ctx.doc.words.within(start, end)
    return (
        bool(words)
        and "".join(w.text for w in words) == ctx.doc.text[start:end]
        and all(w.tag == PLACE_TAG for w in words)
    )


def divisions_note(field: str) -> str:
    """The key of `ctx.notes` under which `first` keeps the spans of a field's values it refused for
    naming only divisions (`refuse_divisions`)."""
    return f"{field}:divisions"


def _inside(m: Match, ctx: Context, field: str) -> bool:
    return any(p.start <= m.start and m.end <= p.end for it in ctx.results.get(field, []) for p in it.proofs)


def _fallbacks_apart(matches: Iterable[Match]) -> list[Match]:
    """Rules marked `fallback = true` count only where no other rule of the field found anything."""
    every = list(matches)
    main = [m for m in every if not m.rule.options.get("fallback")]
    return main or every


def _known(items: list[Item], value: str, key: str | None, spec: FieldSpec | None = None) -> Item | None:
    """An item already holding `value`, a longer form containing it, or a shorter form it ends with
    (`大厦白领驿家服务站` after `白领驿家服务站`: the same thing with its place in front); with the
    field's `generic` words removed from both, equal forms are the same item too
    (`周家渡街道社区党群服务中心` and `周家渡党群服务中心`)."""
    want = comparable(value)
    for it in items:
        have = comparable(it.value if key is None else it.value[key])
        if want == have or want in have or want.endswith(have):
            return it
        if spec is not None and _core(spec, want) == _core(spec, have):
            return it
    return None


def _core(spec: FieldSpec, value: str) -> str:
    """`value` without the field's generic words, for comparing two forms of one name."""
    words = spec.options.get("generic")
    return break_words_pattern(words).sub("", value) if words else value


@resolver("collect")
def collect(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """Every distinct value, in text order; a value contained in one found before is dropped."""
    items: list[Item] = []
    for m in sorted(_fallbacks_apart(candidates(matches, ctx)), key=lambda m: (m.start, -m.rule.priority)):
        for name, g in m.groups.items():
            if not name.startswith("value"):
                continue
            if m.rule.options.get("as_written") and clean_value(g.value):
                # The pattern bounds the value (`我区`): it stands as written, however short.
                written = _cleaned(g, m.rule.id)
                if _known(items, written.value, None) is None:
                    items.append(written)
                continue
            if isinstance(g.data, SharedEnding):
                # `甲、乙办事处`: 甲办事处, written in two places; the finder bounded its words.
                if _known(items, g.value, None) is None:
                    ending = Group(g.value[g.end - g.start :], g.data.start, g.data.end)
                    items.append(Item(g.value, [proof(g, m.rule.id), proof(ending, m.rule.id)]))
                continue
            for part in _split(spec, g):
                t = trim(part, spec.options, ctx.doc.words, ctx.doc.entities)
                if not t:
                    continue
                head = _shared_head(items[-1] if items else None, t, m.rule.id)
                item = Item(head[0] + t.value, [head[1], proof(t, m.rule.id)]) if head else None
                if item is None and _known(items, t.value, None) is None:
                    item = Item(t.value, [proof(t, m.rule.id)])
                if item is not None and _known(items, item.value, None) is None:
                    items.append(item)
    return items


# `某区委组织部、宣传部`: a committee's department, then another written without the committee.
_COMMITTEE_DEPARTMENT = regex.compile(r"委(?P<department>\p{Han}{2,4}?[部办])$")
_BARE_DEPARTMENT = regex.compile(r"(?:(?![委区市县省镇乡局府])\p{Han}){2,4}[部办]")


def _shared_head(before: Item | None, t: Group, rule_id: str) -> tuple[str, Proof] | None:
    """Where `t` is a department alone (`宣传部`) right after a committee's department in the same
    list (`某区委组织部`), the committee's name it shares (`某区委`) and its evidence; else None."""
    if before is None or not _BARE_DEPARTMENT.fullmatch(t.value) or len(before.proofs) != 1:
        return None
    p = before.proofs[0]
    m = _COMMITTEE_DEPARTMENT.search(before.value)
    if m is None or p.end > t.start or p.end - p.start != len(before.value):
        return None
    head = before.value[: m.start("department")]
    return head, Proof("", p.start, p.start + len(head), rule_id)


@resolver("best")
def best(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """The values of the best match only (all its `value…` groups): one statement of who, not every
    mention; where a later statement of the same rule writes out each of its names (`青石区召开` in a
    headline, `青石区委宣传部与区文明办联合召开` in the text), or names its bodies and the co-holders
    they acted with (`A开展…` in a subtitle, `A携手B开展…` in the text), that one."""
    found = list(candidates(matches, ctx))
    for n, m in enumerate(found):
        items = collect(ctx, spec, [m])
        if items:
            for later in found[n + 1 :]:
                if later.rule.id != m.rule.id:
                    break
                fuller = collect(ctx, spec, [later])
                short, full = [i.value for i in items], [i.value for i in fuller]
                if fuller and (_written_out(short, full) or _joined_by_more(short, full)):
                    return _shortest(ctx, spec, fuller)
            return _shortest(ctx, spec, items)
    return []


def _shortest(ctx: Context, spec: FieldSpec, items: list[Item]) -> list[Item]:
    """With `drop_places` (the words a name ends with), each value opening with places in the
    shortest form the article uses (`某市某区某社区` -> `某社区` where the text writes that alone;
    list_entries.shortest_form); `drop_places_after` lists the last words of places' names. After
    the choice of statement, which compares the forms as written."""
    ends = spec.options.get("drop_places")
    if not ends:
        return items
    after = spec.options.get("drop_places_after")
    places = words(str(after)) if after else ()
    out = []
    for it in items:
        p = it.proofs[0]
        if len(it.proofs) > 1 or ctx.doc.text[p.start : p.end] != it.value:
            out.append(it)  # a value not written as one span keeps its form
            continue
        g = places_dropped(ctx.doc.text, Group(it.value, p.start, p.end), words(str(ends)), places, False)
        out.append(Item(g.value, [Proof(p.sub, g.start, g.end, p.rule)]))
    return out


def _joined_by_more(short: list[str], full: list[str]) -> bool:
    """Whether `full` names every body of `short` (in the same or a longer form, or written out:
    `区科协` in `某区科学技术协会`) and more: the same holder stated again with the co-holders it
    acted with (a subtitle `A开展…`, then `A携手B开展…`)."""
    return len(full) > len(short) and all(any(written_in(f, s) for f in full) for s in short)


def _written_out(short: list[str], full: list[str]) -> bool:
    """Whether `short` names only divisions standing for their bodies and `full` writes out each
    (`青石区` -> `青石区委宣传部`), the township between a division and its part too (`某区某片区` ->
    `某区某街道某片区党委`)."""
    return all(s.endswith(_DIVISIONS) for s in short) and all(
        any(_writes_out(s, f) for f in full) for s in short
    )


_DIVISIONS = ("区", "县", "市", "旗")


def _writes_out(short: str, full: str) -> bool:
    """`full` starts with `short`, or with a division opening `short` and holds the rest after it."""
    if full.startswith(short):
        return full != short
    return any(
        short[:k].endswith(_DIVISIONS) and full.startswith(short[:k]) and short[k:] in full[k:]
        for k in range(2, len(short) - 1)
    )
