"""Resolvers that know no field: the best match, every distinct match, objects from named groups."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

import regex

from extract.resolve import Context, Item, Proof, proof, resolver
from extract.resolve.word_edges import name_span, only_determiners
from extract.rules_engine.match import Group, Match
from extract.rules_engine.ruleset import FieldSpec
from extract.text.lexicon import words
from extract.text.segment import Words
from extract.text.textutil import clean_value, comparable


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
        if g and spec.options.get("word_edges"):
            t = trim(g, spec.options, ctx.doc.words)
            if t:
                return [Item(t.value, [proof(t, m.rule.id)])]
        elif g and clean_value(g.value):
            return [Item(clean_value(g.value), [proof(g, m.rule.id)])]
    return []


def _inside(m: Match, ctx: Context, field: str) -> bool:
    return any(p.start <= m.start and m.end <= p.end for it in ctx.results.get(field, []) for p in it.proofs)


def _fallbacks_apart(matches: Iterable[Match]) -> list[Match]:
    """Rules marked `fallback = true` count only where no other rule of the field found anything."""
    every = list(matches)
    main = [m for m in every if not m.rule.options.get("fallback")]
    return main or every


def trim(g: Group, options: Mapping[str, Any], tokens: Words | None = None) -> Group | None:
    """The group cut to the value proper, as a field's options say: text before the last
    `break_chars` character, `break_words` word or `break_pattern` match, and `lead_in` words at the
    start, are dropped; with `word_edges` (the list of words kept whatever their tag) the value
    starts and ends where a name does by the words of the text (word_edges.name_span);
    `drop_marks` are removed; below `min_length`, or where the pattern `refuse` is found in it, there
    is no value."""
    value, start = g.value, g.start
    if value[:1] in "《“" and value[-1:] in "》”" and len(value) > 2:
        # A title in quotes (`《某某联合体共建协议书》`) is taken whole: its words are its own.
        return _finished(Group(value, start, g.end), options)
    breaks = options.get("break_chars", "")
    cut = max((value.rfind(c) + 1 for c in breaks), default=0)
    while cut < len(value) and value[cut] in "“”\"' ":
        cut += 1
    pattern_break = options.get("break_pattern")
    if pattern_break:
        cut = max([cut, *(m.end() for m in _compiled(str(pattern_break)).finditer(value, cut))])
    breaks_list = options.get("break_words")
    if breaks_list:
        cut = max([cut, *(m.end() for m in break_words_pattern(breaks_list).finditer(value, cut))])
    lead = options.get("lead_in")
    if lead:
        pattern = lead_in_pattern(lead)
        m = pattern.match(value, cut)
        if m:
            cut = m.end()
    value, start = value[cut:], start + cut
    return _finished(Group(value, start, start + len(value)), options, tokens)


def _finished(g: Group, options: Mapping[str, Any], tokens: Words | None = None) -> Group | None:
    """`g` stripped of spaces and quote marks around it, cut to word edges (with `word_edges` and
    `tokens`) and stripped of the `drop_marks`, or None when it is shorter than `min_length` or
    `refuse` finds something in it."""
    value, start = g.value, g.start
    stripped = clean_value(value)
    if not stripped:
        return None
    start += value.find(stripped)
    end = start + len(stripped)
    edges = options.get("word_edges")
    if edges and tokens is not None:
        new_start, new_end = name_span(tokens, start, end, _set(str(edges)))
        sub = stripped[new_start - start : new_end - start]
        stripped = clean_value(sub)
        if not stripped:
            return None
        start = new_start + sub.find(stripped)
        end = start + len(stripped)
    marks = options.get("drop_marks", "")
    if marks:
        stripped = stripped.translate(dict.fromkeys(map(ord, marks), None))
    if len(stripped) < int(options.get("min_length", 1)):
        return None
    refuse = options.get("refuse")
    if refuse and _compiled(str(refuse)).search(stripped):
        return None
    return Group(stripped, start, end)


@cache
def _set(list_name: str) -> frozenset[str]:
    return frozenset(words(list_name))


@cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)


@cache
def lead_in_pattern(list_name: str) -> regex.Pattern[str]:
    return regex.compile("(?:" + "|".join(regex.escape(w) for w in words(list_name)) + ")+")


@cache
def break_words_pattern(list_name: str) -> regex.Pattern[str]:
    return regex.compile("|".join(regex.escape(w) for w in words(list_name)))


def _split(spec: FieldSpec, g: Group) -> list[Group]:
    return _parts(g, str(spec.options.get("split", "")))


def _parts(g: Group, sep: str) -> list[Group]:
    """`g` cut at each match of the pattern `sep`, offsets kept."""
    if not sep:
        return [g]
    out, pos = [], 0
    for part in _compiled(sep).split(g.value):
        at = g.value.find(part, pos)
        out.append(Group(part, g.start + at, g.start + at + len(part)))
        pos = at + len(part)
    return out


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


def _prefer_shorter(spec: FieldSpec, item: Item, value: str) -> bool:
    have = comparable(item.value["name"])
    want = comparable(value)
    return bool(spec.options.get("prefer_shorter")) and len(want) < len(have) and have.endswith(want)


def _core(spec: FieldSpec, value: str) -> str:
    """`value` without the field's generic words, for comparing two forms of one name."""
    words = spec.options.get("generic")
    return break_words_pattern(words).sub("", value) if words else value


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
    return only_determiners(ctx.doc.words, g.start, g.end, lambda w: pattern.fullmatch(w) is not None)


@resolver("collect")
def collect(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """Every distinct value, in text order; a value contained in one found before is dropped."""
    items: list[Item] = []
    for m in sorted(_fallbacks_apart(candidates(matches, ctx)), key=lambda m: (m.start, -m.rule.priority)):
        for name, g in m.groups.items():
            if not name.startswith("value"):
                continue
            for part in _split(spec, g):
                t = trim(part, spec.options, ctx.doc.words)
                if t and _known(items, t.value, None) is None:
                    items.append(Item(t.value, [proof(t, m.rule.id)]))
    return items


@resolver("best")
def best(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """The values of the best match only (all its `value…` groups): one statement of who, not every mention."""
    for m in candidates(matches, ctx):
        items = collect(ctx, spec, [m])
        if items:
            return items
    return []


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
    for m in sorted(_fallbacks_apart(candidates(matches, ctx)), key=lambda m: (m.start, -m.rule.priority)):
        if m.rule.options.get("attach_to_all"):
            for_all.append(m)
            continue
        if m.rule.options.get("attach_to_previous"):
            # `该站位于…`: the attributes belong to the item mentioned last before the match.
            before = [(pos, i) for i, pos in last_seen.items() if pos < m.start]
            if before:
                _fill(ctx, spec, items[max(before)[1]], m, keys)
            continue
        for g in _names_of(m):
            for part in _split(spec, g):
                t = trim(part, spec.options, ctx.doc.words)
                if not t or _generic(spec, t.value) or _kind_only(ctx, spec, t):
                    continue
                item = _known(items, t.value, "name", spec) or _same_quoted(ctx, items, cores, t)
                if item is not None and _prefer_shorter(spec, item, t.value):
                    # The plain name (`白领驿家服务站`) over the same name with its place in front.
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


_QUOTED = regex.compile(r"“([^”]{2,12})”")


def _quoted_core(ctx: Context, g: Group) -> str | None:
    m = _QUOTED.search(ctx.doc.text, g.start, g.end)
    return m.group(1) if m else None


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
    for key in keys:
        a = m.groups.get(key)
        # Attributes are cut at clause breaks only: lead-in words and length limits are for names.
        t = trim(a, {"break_chars": spec.options.get("break_chars", "")}) if a else None
        if t and item.value.get(key) is None:
            item.value[key] = t.value
            item.proofs.append(proof(t, m.rule.id, f".{key}"))


def _names_of(m: Match) -> list[Group]:
    head, tail = m.groups.get("name_head"), m.groups.get("name_tail")
    if head and tail:
        return [Group(head.value + tail.value, head.start, tail.end)]
    g = m.groups.get("name")
    return [g] if g else []
