"""What each rule finds over a corpus: how often it fires, how many values it gives to records,
and, against gold, how many of those values are right and wrong.

A rule's matches are counted with the rule run over the whole of each article, as if every
resolver asked for every match; its values are the values whose evidence names it (a date made of
a day and a year credits both rules). Against gold, each value of a record is judged as
`extract eval` pairs it (extract/review/score.py): a paired value is right, a value paired with nothing,
or a scalar that differs, is wrong; a value paired with an optional gold value is not judged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
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
from extract.rules_engine.ruleset import RuleSet


@dataclass
class RuleCount:
    """One rule's counts; `fired` is None for a resolver's step (`date.year_in_sentence`), which
    is no rule of the rule files and has no matches of its own."""

    rule: str
    fired: int | None = 0
    values: int = 0
    right: int = 0
    wrong: int = 0

    @property
    def precision(self) -> float | None:
        judged = self.right + self.wrong
        return self.right / judged if judged else None


@dataclass
class Coverage:
    articles: int = 0
    judged_articles: int = 0  # articles with a gold file
    failed: list[str] = field(default_factory=list)  # "doc_id: why", for articles that gave no record
    counts: dict[str, RuleCount] = field(default_factory=dict)

    def count(self, rule: str) -> RuleCount:
        return self.counts.setdefault(rule, RuleCount(rule, None))

    def weakest_first(self) -> list[RuleCount]:
        """Rules with judged values by precision (lowest first, then most wrong), then the rest by
        values given (fewest first): the rules to look at first head the list."""

        def key(c: RuleCount) -> tuple[int, float, int, int]:
            p = c.precision
            return (0, p, -c.wrong, 0) if p is not None else (1, 0.0, c.values, c.fired or 0)

        return sorted(self.counts.values(), key=lambda c: (*key(c), c.rule))

    def never_fired(self) -> list[str]:
        return [c.rule for c in self.counts.values() if c.fired == 0]


def judge(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, bool]:
    """Each judged value of a record by its evidence path: True for right, False for wrong."""
    out: dict[str, bool] = {}
    for f in SCALARS:
        g, p = gold.get(f), pred.get(f)
        if f == "published":
            g = {**g, "value": str(g["value"])[:10]} if isinstance(g, dict) else g and str(g)[:10]
            p = p and str(p)[:10]
        _judge_scalar(out, f, g, p)
    for f, key in LISTS.items():
        items = pred.get(f) or []
        pairs = _judge_list(out, f, gold.get(f) or [], items, key)
        attr = ATTRIBUTES.get(f)
        for g, i in pairs if attr else ():
            _judge_scalar(out, f"{f}[{i}].{attr}", g.get(attr), items[i].get(attr))
        attr = LIST_ATTRIBUTES.get(f)
        for g, i in pairs if attr else ():
            _judge_list(out, f"{f}[{i}].{attr}", g.get(attr) or [], items[i].get(attr) or [], None)
    return out


def _judge_scalar(out: dict[str, bool], path: str, gold: Any, pred: Any) -> None:
    p = norm(pred)
    if p is None:
        return
    right = p in forms(gold)
    if not (right and is_optional(gold)):
        out[path] = right


def _judge_list(
    out: dict[str, bool], path: str, gold: list[Any], pred: list[Any], key: str | None
) -> list[tuple[Any, int]]:
    pairs, _, extra = match_items(gold, pred, key)
    sub = f".{key}" if key else ""
    for _, i in pairs:
        out[f"{path}[{i}]{sub}"] = True
    for i in extra:
        out[f"{path}[{i}]{sub}"] = False
    return pairs


def measure(
    inputs: Sequence[Path], ruleset: RuleSet, gold: Path | None = None, only: set[str] | None = None
) -> Coverage:
    """The coverage of `ruleset` over the articles under `inputs` (those whose doc_id is in `only`,
    when given), judged against `gold` if given."""
    from extract.reading.read import iter_input_files, read_file

    coverage = Coverage()
    for rules in ruleset.rules.values():
        for rule in rules:
            coverage.counts[rule.id] = RuleCount(rule.id)
    for path in iter_input_files(inputs):
        for article in read_file(path).articles:
            if only is not None and article.doc_id not in only:
                continue
            golds = gold / f"{article.doc_id}.json" if gold else None
            truth = json.loads(golds.read_text(encoding="utf-8")) if golds and golds.is_file() else None
            _add_article(coverage, article, ruleset, truth)
    return coverage


def _add_article(coverage: Coverage, article: Any, ruleset: RuleSet, truth: dict[str, Any] | None) -> None:
    from extract.rules_engine.engine import RuleTimeout, run_rule
    from extract.running.pipeline import build_record, prepare, resolve_fields

    coverage.articles += 1
    doc = prepare(article)
    try:
        fired = {rule.id: len(run_rule(rule, doc)) for rules in ruleset.rules.values() for rule in rules}
        record = build_record(doc, resolve_fields(doc, ruleset), ruleset).model_dump(mode="json")
    except RuleTimeout as e:
        coverage.failed.append(f"{article.doc_id}: {e}")
        return
    for rule, n in fired.items():
        coverage.counts[rule].fired = (coverage.counts[rule].fired or 0) + n
    verdicts = judge(record, truth) if truth is not None else {}
    coverage.judged_articles += truth is not None
    for rule, paths in _values_by_rule(record["evidence"]).items():
        count = coverage.count(rule)
        count.values += len(paths)
        for path in paths:
            if path in verdicts:
                count.right += verdicts[path]
                count.wrong += not verdicts[path]


def _values_by_rule(evidence: Iterable[dict[str, Any]]) -> dict[str, set[str]]:
    """The value paths each rule gave evidence for (one rule may point at a value twice)."""
    out: dict[str, set[str]] = {}
    for ev in evidence:
        out.setdefault(ev["rule"], set()).add(ev["field"])
    return out


def table(coverage: Coverage, with_gold: bool) -> list[str]:
    """The report's lines: a header, one row per rule (weakest first), the rules that never fired."""
    head = f"{'rule':44} {'fired':>6} {'values':>6}"
    if with_gold:
        head += f" {'right':>6} {'wrong':>6} {'P':>6}"
    lines = [head]
    for c in coverage.weakest_first():
        row = f"{c.rule:44} {'-' if c.fired is None else c.fired:>6} {c.values:>6}"
        if with_gold:
            p = "-" if c.precision is None else f"{c.precision:.3f}"
            row += f" {c.right:>6} {c.wrong:>6} {p:>6}"
        lines.append(row)
    never = coverage.never_fired()
    lines.append(f"\nnever fired ({len(never)}): {', '.join(never) or 'none'}")
    judged = f", {coverage.judged_articles} with gold" if with_gold else ""
    lines.append(f"{coverage.articles} articles{judged}, {len(coverage.failed)} failed")
    return lines
