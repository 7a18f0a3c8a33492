"""Resolvers that know no field: the best match, every distinct match, objects from named groups."""

from __future__ import annotations

from extract.engine import Match
from extract.resolve import Context, Item, proof, resolver
from extract.ruleset import FieldSpec
from extract.textutil import clean_value, same


def candidates(matches: list[Match]) -> list[Match]:
    """Matches that may give a value: rules with `role = "stop"` end the zone where values are taken,
    rules with `role = "reject"` veto the values they overlap; both give no value themselves."""
    stops = [m for m in matches if m.rule.options.get("role") == "stop"]
    limit = min(m.start for m in stops) if stops else None
    # A stop binds rules below its `binds_below` priority; stronger evidence may lie beyond it.
    binds_below = max((int(m.rule.options.get("binds_below", 1 << 30)) for m in stops), default=0)
    rejects = [(m.start, m.end) for m in matches if m.rule.options.get("role") == "reject"]
    out = []
    for m in matches:
        if m.rule.options.get("role"):
            continue
        if limit is not None and m.start >= limit and m.rule.priority < binds_below:
            continue
        if any(s < m.end and m.start < e for s, e in rejects):
            continue
        out.append(m)
    return out


@resolver("first")
def first(ctx: Context, spec: FieldSpec, matches: list[Match]) -> list[Item]:
    """The value of the best match (highest priority, then earliest)."""
    for m in candidates(matches):
        g = m.groups.get("value")
        if g and clean_value(g.value):
            return [Item(clean_value(g.value), [proof(g, m.rule.id)])]
    return []


@resolver("collect")
def collect(ctx: Context, spec: FieldSpec, matches: list[Match]) -> list[Item]:
    """Every distinct value, in text order; a value contained in a longer one found earlier is dropped."""
    items: list[Item] = []
    for m in sorted(candidates(matches), key=lambda m: m.start):
        g = m.groups.get("value")
        if not g:
            continue
        value = clean_value(g.value)
        if value and not any(same(value, it.value) for it in items):
            items.append(Item(value, [proof(g, m.rule.id)]))
    return items


@resolver("objects")
def objects(ctx: Context, spec: FieldSpec, matches: list[Match]) -> list[Item]:
    """One object per distinct `name`; other named groups fill its attributes (first non-empty wins)."""
    keys: list[str] = list(spec.options.get("attributes", []))
    items: dict[str, Item] = {}
    for m in sorted(candidates(matches), key=lambda m: (m.start, -m.rule.priority)):
        g = m.groups.get("name")
        if not g or not clean_value(g.value):
            continue
        name = clean_value(g.value)
        known = next((k for k in items if same(k, name)), None)
        if known is None:
            items[name] = Item({"name": name, **dict.fromkeys(keys)}, [proof(g, m.rule.id, ".name")])
            known = name
        item = items[known]
        for key in keys:
            a = m.groups.get(key)
            if a and item.value.get(key) is None and clean_value(a.value):
                item.value[key] = clean_value(a.value)
                item.proofs.append(proof(a, m.rule.id, f".{key}"))
    return list(items.values())
