"""One record against its gold, value by value: which predicted values are right, wrong or spurious
and which gold values were missed, matched as the scorer (extract/review/score.py) matches them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extract.review.score import (
    ATTRIBUTES,
    LIST_ATTRIBUTES,
    LISTS,
    SCALARS,
    forms,
    is_optional,
    match_items,
    norm,
)

# --- comparing one record with its gold -------------------------------------------------------------

Gold = dict[str, Any]


@dataclass
class Diff:
    """Per predicted value path its status (ok, wrong, spurious); gold values not predicted."""

    status: dict[str, str] = field(default_factory=dict)
    missed: list[tuple[str, str]] = field(default_factory=list)


def _gold_value(g: Any) -> str | None:
    if isinstance(g, dict) and "value" in g:
        return None if g["value"] is None else str(g["value"])
    return None if g is None else str(g)


def _compare(diff: Diff, path: str, name: str, gold: Any, pred: Any) -> None:
    """Scalar comparison as the scorer makes it, recorded as a status and a missed value."""
    accepted, p = forms(gold), norm(pred)
    if p is not None:
        diff.status[path] = "ok" if p in accepted else ("wrong" if accepted else "spurious")
    if (p is None or p not in accepted) and accepted and not is_optional(gold):
        value = _gold_value(gold)
        if value is not None:
            diff.missed.append((name, value))


def _date_part(g: Any) -> Any:
    if isinstance(g, dict) and g.get("value") is not None:
        return {**g, "value": str(g["value"])[:10], "aliases": [str(a)[:10] for a in g.get("aliases") or []]}
    return g and str(g)[:10]


def compare(record: dict[str, Any], gold: Gold) -> Diff:
    """How each value of `record` fares against `gold` (matched as `extract eval` matches, docs/record.md)."""
    diff = Diff()
    for key in SCALARS:
        g, p = gold.get(key), record.get(key)
        if key == "published":  # compared by the date part only, as the scorer does
            g = _date_part(g)
            p = p and str(p)[:10]
        _compare(diff, key, key, g, p)
    for key, attr_key in LISTS.items():
        preds = record.get(key) or []
        pairs, missed, extra = match_items(gold.get(key) or [], preds, attr_key)
        suffix = f".{attr_key}" if attr_key else ""
        for i in range(len(preds)):
            diff.status[f"{key}[{i}]{suffix}"] = "spurious" if i in extra else "ok"
        for g in missed:
            value = _gold_value(g if attr_key is None else g.get(attr_key))
            if value is not None:
                diff.missed.append((key, value))
        attr = ATTRIBUTES.get(key)
        if attr:
            for g, i in pairs:
                _compare(diff, f"{key}[{i}].{attr}", f"{key}.{attr}", g.get(attr), preds[i].get(attr))
            for i in extra:
                if preds[i].get(attr):
                    diff.status[f"{key}[{i}].{attr}"] = "spurious"
        entries = LIST_ATTRIBUTES.get(key)
        if entries:
            _compare_entries(diff, key, entries, pairs, extra, preds)
    return diff


def _compare_entries(
    diff: Diff, key: str, attr: str, pairs: list[tuple[Any, int]], extra: list[int], preds: list[Any]
) -> None:
    """A list inside each item (the parties of a signed project), matched one to one within each
    pair of items as the scorer does; every entry of an unmatched item is spurious."""
    for g, i in pairs:
        entries = preds[i].get(attr) or []
        _, missed, unmatched = match_items(g.get(attr) or [], entries, None)
        for j in range(len(entries)):
            diff.status[f"{key}[{i}].{attr}[{j}]"] = "spurious" if j in unmatched else "ok"
        for m in missed:
            value = _gold_value(m)
            if value is not None:
                diff.missed.append((f"{key}.{attr}", value))
    for i in extra:
        for j in range(len(preds[i].get(attr) or [])):
            diff.status[f"{key}[{i}].{attr}[{j}]"] = "spurious"
