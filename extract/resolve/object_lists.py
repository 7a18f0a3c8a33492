"""List attributes of objects (the parties of an agreement): entries cut from a match's group
(extract/resolve/list_entries.py), or, where the group names none, found elsewhere: the values of
another field, the body a kind word stands for, the bodies a count of signers refers to."""

from __future__ import annotations

import regex

from extract.resolve import Context, Item, Proof, proof
from extract.resolve.bodies import bare_kind, named_of_kind
from extract.resolve.list_entries import body_words, entry, shortest_form
from extract.resolve.value_cut import _compiled, _parts
from extract.rules_engine.match import Group, Match
from extract.rules_engine.ruleset import FieldSpec
from extract.text.textutil import comparable, written_in


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
        shortest_form(ctx.doc.text, Group(ctx.doc.text[p.start : p.end], p.start, p.end), spec.options)
        for it in source
        for p in it.proofs[:1]
    ]
    for item in items:
        for key in list_keys:
            if item.value.get(key) or _counted_apart(ctx, spec, item, key, len(entries)):
                continue
            item.value[key] = [e.value for e in entries]
            rule = f"{spec.name}.{key}_from_{other}"
            item.proofs.extend(Proof(f".{key}[{i}]", e.start, e.end, rule) for i, e in enumerate(entries))


def _fill_lists(ctx: Context, spec: FieldSpec, item: Item, m: Match, list_keys: list[str]) -> None:
    """List attributes (the parties of an agreement) the item has none of yet, from the match's group
    of that name: the group is split at `entry_split`, each entry cut like a name (`entry_lead_in`,
    `entry_cut` at its end) and kept only when it ends with a word of `entry_ends_with`. An entry
    naming a body by its kind alone (`街道`, `该区`) is the first value of the `entry_stands_for`
    fields that ends with that word. Parties read in the headline (the field `headline` names)
    give way to the same bodies named in full by a statement of the body: a headline shortens
    names."""
    for key in list_keys:
        g = m.groups.get(key)
        if g is None or (item.value.get(key) and not _from_headline_only(ctx, spec, item, key, m)):
            continue
        entries: list[tuple[Group, list[Proof]]] = []
        split = str(spec.options.get("entry_split", ""))
        for part in [p for h in _numbered(m, key) for p in _parts(h, split)]:
            t = entry(part, spec.options, ctx.doc.words)
            extra: list[Proof] = []
            if t is not None and _kind_alone(ctx, spec, t):
                # `社区党委与某公司签订`: a body's kind words alone stand for the event's body of that kind.
                stand_in, extra = _stand_in(ctx, spec, part, key, m.rule.id)
                t = stand_in or t
            if t is not None and not extra:
                t = shortest_form(ctx.doc.text, t, spec.options)
            elif t is None:
                t, extra = _stand_in(ctx, spec, part, key, m.rule.id)
            if t and all(comparable(e.value) != comparable(t.value) for e, _ in entries):
                entries.append((t, extra))
        if not entries:
            entries = _counted_sides(ctx, spec, g, key, m.rule.id)
        if not entries:
            _note_count(ctx, spec, item, key, g)
        if item.value.get(key):
            if not _names_in_full(item.value[key], [e.value for e, _ in entries]):
                continue
            item.proofs[:] = [p for p in item.proofs if not p.sub.startswith(f".{key}[")]
        item.value[key] = [e.value for e, _ in entries]
        for i, (e, extra) in enumerate(entries):
            item.proofs.append(proof(e, m.rule.id if not extra else extra[0].rule, f".{key}[{i}]"))
            item.proofs.extend(Proof(f".{key}[{i}]", p.start, p.end, p.rule) for p in extra[1:])


def _kind_alone(ctx: Context, spec: FieldSpec, t: Group) -> bool:
    """Whether the entry `t` is nothing but a body's kind words (`社区党委`), no name of its own."""
    kind = bare_kind(ctx.doc.words, t, body_words(spec.options))
    return kind is not None and kind.value == t.value


def _numbered(m: Match, key: str) -> list[Group]:
    """The match's groups of a list attribute, in order: `parties`, then `parties2`, `parties3`… (a
    pattern naming the bodies apart, `A…,并与B签订`)."""
    return [m.groups[k] for k in [key, *(f"{key}{n}" for n in range(2, 10))] if k in m.groups]


def _note_count(ctx: Context, spec: FieldSpec, item: Item, key: str, g: Group) -> None:
    """`九个村的书记签署`: signers given only as a count of bodies (`entry_counted`, a pattern whose
    group `n` is the count) name none; the count is kept for `_counted_apart`."""
    counted = spec.options.get("entry_counted")
    found = _compiled(str(counted)).search(g.value) if counted else None
    if found is not None:
        n = found.group("n")
        ctx.notes.setdefault(f"{spec.name}.{key}.counted", []).append(
            (item, int(n) if n.isdigit() else SIDES.get(n, 0))
        )


def _counted_apart(ctx: Context, spec: FieldSpec, item: Item, key: str, held_by: int) -> bool:
    """Whether the item's signers were counted as bodies other than those that held the event: a
    count that is not theirs (nine villages' secretaries at an event three towns held)."""
    counts = ctx.notes.get(f"{spec.name}.{key}.counted", [])
    return any(it is item and n != held_by for it, n in counts)


def _from_headline_only(ctx: Context, spec: FieldSpec, item: Item, key: str, m: Match) -> bool:
    """Whether the item's `key` was read only from the headline, and the match is outside it."""
    field = spec.options.get("headline")
    title = ctx.scalar(str(field)) if field else None
    spans = [(p.start, p.end) for p in title.proofs if p.end > p.start] if title else []
    inside = lambda a, b: any(s <= a and b <= e for s, e in spans)  # noqa: E731
    proofs = [p for p in item.proofs if p.sub.startswith(f".{key}[")]
    return (
        bool(spans and proofs) and all(inside(p.start, p.end) for p in proofs) and not inside(m.start, m.end)
    )


def _names_in_full(short: list[str], full: list[str]) -> bool:
    """Whether `full` names the same bodies as `short`, one for one, each written out: its
    characters hold the short name's in order (九三学社某市委 in 九三学社某市委员会)."""
    return len(short) == len(full) and all(any(written_in(f, s) for f in full) for s in short)


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
        bodies = [b for b in (entry(p, spec.options, ctx.doc.words) for p in parts) if b is not None]
        if len(bodies) == n:
            named = [shortest_form(ctx.doc.text, b, spec.options) for b in bodies]
            return [(b, [Proof("", b.start, b.end, f"{spec.name}.{key}_counted"), count]) for b in named]
    return []


def _stand_in(
    ctx: Context, spec: FieldSpec, part: Group, key: str, rule: str
) -> tuple[Group | None, list[Proof]]:
    """The body a kind word alone stands for (`与街道签订`: the event's 街道), from the fields
    `entry_stands_for` names, in the shortest form the article uses, or, with
    `entry_stands_for_named`, the one body of that kind the article names (`青松社区`); with the
    proofs of the value (rule `<field>.<key>_kind_from_<other>`, `<field>.<key>_kind_named`) and of
    the kind word (the match's rule)."""
    fields = list(spec.options.get("entry_stands_for", []))
    if not fields or not spec.options.get("entry_word_edges"):
        return None, []
    kind = bare_kind(ctx.doc.words, part, body_words(spec.options))
    if kind is None:
        return None, []
    for name in fields:
        for it in ctx.results.get(str(name), []):
            value = it.value if isinstance(it.value, str) else None
            if not value or not value.endswith(kind.value) or value == kind.value or not it.proofs:
                continue
            p = it.proofs[0]
            g = shortest_form(
                ctx.doc.text, Group(ctx.doc.text[p.start : p.end], p.start, p.end), spec.options
            )
            if not g.value.endswith(kind.value):
                continue
            own = Proof("", g.start, g.end, f"{spec.name}.{key}_kind_from_{name}")
            return g, [own, Proof("", kind.start, kind.end, rule)]
    named = named_of_kind(ctx.doc.words, kind.value) if spec.options.get("entry_stands_for_named") else None
    if named is not None:
        own = Proof("", named.start, named.end, f"{spec.name}.{key}_kind_named")
        return named, [own, Proof("", kind.start, kind.end, rule)]
    return None, []
