"""Score records against a gold set as SPEC.md section 4 says; agrees with shared/tools/score.py.

Scalars match on normalised form (NFKC, no white space, no quote marks) against gold or its aliases;
list items are matched one to one, required gold items first; attributes of matched items are
scored as scalars, and list attributes of matched items (the parties of a signed project) as lists
matched one to one inside each pair. Optional gold items cost nothing either way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.text.textutil import comparable

SCALARS = ("title", "published", "date", "district", "city", "street", "venue")
LISTS: dict[str, str | None] = {
    "organisers": None,
    "attendees": "name",
    "stations": "name",
    "signed_projects": "name",
}
ATTRIBUTES = {"attendees": "title", "stations": "address"}
# A list inside each matched item, its entries matched one to one like a list field's.
LIST_ATTRIBUTES = {"signed_projects": "parties"}
FIELDS = (
    *SCALARS,
    *LISTS,
    *(f"{k}.{a}" for k, a in ATTRIBUTES.items()),
    *(f"{k}.{a}" for k, a in LIST_ATTRIBUTES.items()),
)


def norm(value: Any) -> str | None:
    if value is None:
        return None
    return comparable(str(value)) or None


def forms(gold: Any) -> set[str]:
    """The accepted normalised forms of a gold value, long form (value + aliases) or short."""
    values = (
        [gold["value"], *gold.get("aliases", [])] if isinstance(gold, dict) and "value" in gold else [gold]
    )
    return {f for f in map(norm, values) if f is not None}


def is_optional(gold: Any) -> bool:
    return isinstance(gold, dict) and bool(gold.get("optional"))


@dataclass(frozen=True)
class Miss:
    """One error: `kind` is 'missed', 'spurious' or 'wrong'; `rule` is the rule behind a predicted value."""

    doc: str
    field: str
    kind: str
    gold: str | None
    predicted: str | None
    rule: str | None = None

    def __str__(self) -> str:
        rule = f"  [{self.rule}]" if self.rule else ""
        return f"{self.doc} {self.field}: {self.kind} gold={self.gold} predicted={self.predicted}{rule}"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def counted(self) -> bool:
        return bool(self.tp + self.fp + self.fn)


@dataclass
class Score:
    documents: int
    tallies: dict[str, Tally]
    errors: list[Miss] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        counted = [t.prf()[2] for t in self.tallies.values() if t.counted]
        return sum(counted) / len(counted) if counted else 0.0

    @property
    def micro_f1(self) -> float:
        tp = sum(t.tp for t in self.tallies.values())
        fp = sum(t.fp for t in self.tallies.values())
        fn = sum(t.fn for t in self.tallies.values())
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0

    def as_dict(self) -> dict[str, Any]:
        rows = {}
        for name, t in self.tallies.items():
            p, r, f = t.prf()
            rows[name] = {"precision": p, "recall": r, "f1": f, "tp": t.tp, "fp": t.fp, "fn": t.fn}
        return {
            "documents": self.documents,
            "fields": rows,
            "macro_f1": self.macro_f1,
            "micro_f1": self.micro_f1,
        }


def _rule_of(pred: dict[str, Any], path: str) -> str | None:
    for ev in pred.get("evidence") or []:
        if isinstance(ev, dict) and (
            ev.get("field") == path or str(ev.get("field", "")).startswith(path + ".")
        ):
            return str(ev.get("rule"))
    return None


def _scalar(t: Tally, gold: Any, pred: Any, miss: Miss) -> Miss | None:
    accepted, p = forms(gold), norm(pred)
    optional = is_optional(gold)
    if p is not None and p in accepted:
        t.tp += 0 if optional else 1
        return None
    if p is None and optional:
        return None
    if p is not None:
        t.fp += 1
    if accepted and not optional:
        t.fn += 1
    if p is None and not accepted:
        return None
    kind = "wrong" if p is not None and accepted else ("spurious" if p is not None else "missed")
    return Miss(miss.doc, miss.field, kind, "|".join(sorted(accepted)) or None, p, miss.rule)


def _key(item: Any, key: str | None) -> Any:
    if key is None:
        return item
    return item.get(key) if isinstance(item, dict) else None


def match_items(gold_items: list[Any], pred_items: list[Any], key: str | None):  # type: ignore[no-untyped-def]
    """One-to-one matching; required gold first. Returns pairs, missed gold, unmatched predictions (indices)."""
    used = [False] * len(pred_items)
    pairs: list[tuple[Any, int]] = []
    missed: list[Any] = []
    for g in sorted(gold_items, key=is_optional):
        accepted = forms(g) if key is None else forms(g.get(key))
        hit = next(
            (i for i, p in enumerate(pred_items) if not used[i] and norm(_key(p, key)) in accepted),
            None,
        )
        if hit is None:
            if not is_optional(g):
                missed.append(g)
            continue
        used[hit] = True
        if not is_optional(g):
            pairs.append((g, hit))
    extra = [i for i, u in enumerate(used) if not u]
    return pairs, missed, extra


def score_records(golds: dict[str, dict[str, Any]], preds: dict[str, dict[str, Any]]) -> Score:
    tallies = {f: Tally() for f in FIELDS}
    errors: list[Miss] = []
    for doc, gold in golds.items():
        pred = preds.get(doc)
        if pred is None:
            errors.append(Miss(doc, "*", "missed", "record", None))
            pred = {}
        for f in SCALARS:
            g, p = gold.get(f), pred.get(f)
            if f == "published":
                g = _date_part(g)
                p = p and str(p)[:10]
            err = _scalar(tallies[f], g, p, Miss(doc, f, "", None, None, _rule_of(pred, f)))
            if err:
                errors.append(err)
        for f, key in LISTS.items():
            preds_f = pred.get(f) or []
            pairs = _tally_list(tallies[f], gold.get(f) or [], preds_f, key, (doc, f, f), pred, errors)
            attr = ATTRIBUTES.get(f)
            if attr:
                for g, i in pairs:
                    where = Miss(doc, f"{f}.{attr}", "", None, None, _rule_of(pred, f"{f}[{i}].{attr}"))
                    err = _scalar(tallies[f"{f}.{attr}"], g.get(attr), preds_f[i].get(attr), where)
                    if err:
                        errors.append(err)
            attr = LIST_ATTRIBUTES.get(f)
            if attr:
                for g, i in pairs:
                    path = (doc, f"{f}.{attr}", f"{f}[{i}].{attr}")
                    items = preds_f[i].get(attr) or []
                    _tally_list(tallies[path[1]], g.get(attr) or [], items, None, path, pred, errors)
    return Score(documents=len(golds), tallies=tallies, errors=errors)


def _tally_list(
    t: Tally,
    gold_items: list[Any],
    pred_items: list[Any],
    key: str | None,
    where: tuple[str, str, str],
    pred: dict[str, Any],
    errors: list[Miss],
) -> list[tuple[Any, int]]:
    """Match one list one to one, count it into `t` and note its errors. `where` is the document, the
    scored field and the list's evidence path (`attendees`, `signed_projects[0].parties`).
    Returns the matched pairs (gold item, index of the prediction)."""
    doc, field_name, path = where
    pairs, missed, extra = match_items(gold_items, pred_items, key)
    t.tp += len(pairs)
    t.fn += len(missed)
    t.fp += len(extra)
    for g in missed:
        errors.append(Miss(doc, field_name, "missed", "|".join(sorted(forms(_key(g, key)))), None))
    for i in extra:
        rule = _rule_of(pred, f"{path}[{i}]")
        errors.append(Miss(doc, field_name, "spurious", None, norm(_key(pred_items[i], key)), rule))
    return pairs


def _date_part(g: Any) -> Any:
    if isinstance(g, dict):
        return {**g, "value": str(g["value"])[:10], "aliases": [str(a)[:10] for a in g.get("aliases", [])]}
    return g and str(g)[:10]


def load_json_dir(path: Path) -> dict[str, dict[str, Any]]:
    """Records or gold from a folder of `<doc_id>.json` files or a JSON Lines file."""
    if path.is_dir():
        return {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in sorted(path.glob("*.json"))}
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            records[r["doc_id"]] = r
    return records


def score_paths(gold: Path, pred: Path, only: set[str] | None = None) -> Score:
    """Score the records in `pred` against the gold in `gold`; `only` keeps those doc ids alone."""
    golds = load_json_dir(gold)
    if only is not None:
        golds = {doc: g for doc, g in golds.items() if doc in only}
    return score_records(golds, load_json_dir(pred))


def load_subset(spec: str) -> set[str]:
    """Doc ids from `SPLIT.json:KEY` (a JSON object holding lists of ids) or a file of ids, one a line.

    Raises ValueError saying what is wrong with the file or the key."""
    head, _, key = spec.rpartition(":")
    path = Path(head) if head and Path(head).is_file() else Path(spec)
    key = key if path != Path(spec) else ""
    if not path.is_file():
        raise ValueError(f"{path} is not a file")
    text = path.read_text(encoding="utf-8")
    if not key:
        return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"{path} is not valid JSON ({e})") from e
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        keys = sorted(k for k, v in data.items() if isinstance(v, list)) if isinstance(data, dict) else []
        raise ValueError(f"{path} has no list of ids under {key!r}; it has {keys}")
    return {str(x) for x in data[key]}
