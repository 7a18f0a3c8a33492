"""The review page: one static, self-contained HTML file (inline CSS and JS, nothing fetched).

An index of the articles (with per-article scores when gold is given), then per article its text
with every evidence span highlighted (`<span class="ev k-<kind>" data-field=… data-rule=…>`), the
record beside it, and, against gold, each predicted value marked ok / wrong / spurious
(`data-status`), missed gold values marked in the text where they occur and listed with the scorer's
misses. Every piece of text goes through `html.escape`; the page's look is in report_style.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.output.record import Record
from extract.review.explain import field_kind, format_value, value_at
from extract.review.gold_diff import Diff, Gold, compare
from extract.review.marks import Mark, css_kind, marked_html
from extract.review.report_style import CSS, JS, kind_css, legend
from extract.review.score import LISTS, SCALARS, Miss

__all__ = [
    "ArticleView",
    "Diff",
    "Gold",
    "Mark",
    "build_page",
    "collect",
    "compare",
    "css_kind",
    "marked_html",
    "write_report",
]


# --- the page -------------------------------------------------------------------------------------


@dataclass
class ArticleView:
    """What the page shows of one article."""

    record: Record
    raw: str | None
    gold: Gold | None = None
    errors: list[Miss] = field(default_factory=list)
    macro_f1: float | None = None
    counts: tuple[int, int, int] = (0, 0, 0)


def _value_paths(data: dict[str, Any]) -> list[str]:
    """Every value path of a record, in record order."""
    paths = [k for k in SCALARS if data.get(k) is not None]
    for key, attr_key in LISTS.items():
        for i, item in enumerate(data.get(key) or []):
            if attr_key is None:
                paths.append(f"{key}[{i}]")
                continue
            for a, v in item.items():
                if isinstance(v, list):  # a list attribute: one path per entry
                    paths.extend(f"{key}[{i}].{a}[{j}]" for j in range(len(v)))
                elif v is not None:
                    paths.append(f"{key}[{i}].{a}")
    return paths


def _text_marks(article: ArticleView, diff: Diff | None) -> list[Mark]:
    marks = []
    steps: dict[str, int] = {}
    for ev in article.record.evidence:
        kind = field_kind(ev.field)
        steps[ev.field] = steps.get(ev.field, 0) + 1
        status = _status_of(diff, ev.field) if diff else "unscored"
        attrs = (
            ("data-field", ev.field),
            ("data-kind", kind),
            ("data-rule", ev.rule),
            ("data-start", str(ev.span[0])),
            ("data-end", str(ev.span[1])),
            ("data-step", str(steps[ev.field])),
            ("data-status", status),
            ("title", f"{ev.field} · {ev.rule}" + (f" · {status}" if diff else "")),
        )
        marks.append(Mark(ev.span[0], ev.span[1], ("ev", css_kind(kind), f"st-{status}"), attrs))
    if diff and article.raw is not None:
        from extract.review.sheets import locate
        from extract.text.normalise import normalise

        normalised = normalise(article.raw)
        for name, value in diff.missed:
            span = locate(normalised, value)
            if span:
                gold_attrs = (
                    ("data-field", name),
                    ("data-gold", value),
                    ("title", f"missed: {name} = {value}"),
                )
                marks.append(Mark(span[0], span[1], ("gold-missed",), gold_attrs))
    return marks


def _status_of(diff: Diff, path: str) -> str:
    """The status a path shows; evidence for a whole object item (`stations[0]`) shows its name's."""
    return diff.status.get(path) or diff.status.get(path + ".name") or "ok"


def _rule_ids(rules: list[str]) -> str:
    """Rule ids for a table cell: a line may break after `.` or `_` (between the words of an id),
    never inside a word."""
    ids = [html.escape(r).replace(".", ".<wbr>").replace("_", "_<wbr>") for r in rules]
    return ", ".join(f'<span class="rule-id">{i}</span>' for i in ids) or "—"


def _record_table(article: ArticleView, diff: Diff | None, with_gold: bool) -> str:
    data = article.record.model_dump(mode="json")
    rules: dict[str, list[str]] = {}
    for ev in article.record.evidence:
        rules.setdefault(ev.field, []).append(ev.rule)
    rows = []
    for path in _value_paths(data):
        value = format_value(value_at(data, path))
        status = diff.status.get(path, "ok") if diff else "unscored"
        kind = field_kind(path)
        rows.append(
            f'<tr data-path="{html.escape(path)}" data-status="{status}" data-value="{html.escape(value)}">'
            f'<td><span class="swatch {css_kind(kind)}"></span>{html.escape(path)}</td>'
            f'<td>{html.escape(value)}</td><td class="rule">{_rule_ids(rules.get(path, []))}</td>'
            + (f'<td class="status st-{status}">{status if diff else ""}</td>' if with_gold else "")
            + "</tr>"
        )
    gold_head = "<th>vs gold</th>" if with_gold else ""
    head = f"<tr><th>field</th><th>value</th><th>rule</th>{gold_head}</tr>"
    return f'<table class="record"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _misses_table(article: ArticleView) -> str:
    if article.gold is None:
        return ""
    if not article.errors:
        return '<p class="clean">No misses against gold.</p>'
    rows = [
        f'<tr class="miss-row" data-kind="{html.escape(e.kind)}" data-field="{html.escape(e.field)}">'
        f"<td>{html.escape(e.kind)}</td><td>{html.escape(e.field)}</td>"
        f"<td>{html.escape(e.gold or '—')}</td><td>{html.escape(e.predicted or '—')}</td>"
        f'<td class="rule">{_rule_ids([e.rule]) if e.rule else ""}</td></tr>'
        for e in article.errors
    ]
    head = "<tr><th>kind</th><th>field</th><th>gold</th><th>predicted</th><th>rule</th></tr>"
    return f'<h3>Misses</h3><table class="misses"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _flagged(article: ArticleView) -> bool:
    """Whether the article has a missed, spurious or wrong value against its gold."""
    return bool(article.errors)


def _section(article: ArticleView, with_gold: bool) -> str:
    record = article.record
    data = record.model_dump(mode="json")
    diff = compare(data, article.gold) if article.gold is not None else None
    if article.raw is None:
        text = f'<p class="no-text">The article text is not available: {html.escape(record.source)} could not be read.</p>'
    else:
        text = f'<div class="text">{marked_html(article.raw, _text_marks(article, diff))}</div>'
    score = f' data-macro-f1="{article.macro_f1:.3f}"' if article.macro_f1 is not None else ""
    flag = " flagged" if _flagged(article) else ""
    anchor = html.escape(_anchor(record.doc_id))
    title = html.escape(record.title or "(no title)")
    return (
        f'<section class="article{flag}" id="{anchor}" data-doc-id="{html.escape(record.doc_id)}"{score}>'
        f'<h2>{html.escape(record.doc_id)} <small>{title}</small> <a href="#index">↑ index</a></h2>'
        f'<p class="source">{html.escape(record.source)}</p>'
        f'<div class="cols"><div class="left">{text}</div>'
        f'<div class="right">{_record_table(article, diff, with_gold)}{_misses_table(article)}</div></div></section>'
    )


def _anchor(doc_id: str) -> str:
    return "doc-" + doc_id


def _index(articles: list[ArticleView], missing: list[str], with_gold: bool) -> str:
    head = "<tr><th>article</th><th>title</th><th>values</th>"
    head += "<th>macro F1</th><th>tp</th><th>fp</th><th>fn</th><th>misses</th></tr>" if with_gold else "</tr>"
    flagged = sum(map(_flagged, articles))
    rows = []
    for a in articles:
        values = len(_value_paths(a.record.model_dump(mode="json")))
        cells = (
            f'<td><a href="#{html.escape(_anchor(a.record.doc_id))}">{html.escape(a.record.doc_id)}</a></td>'
            f"<td>{html.escape(a.record.title or '')}</td><td>{values}</td>"
        )
        if with_gold:
            if a.gold is None:
                cells += '<td class="f1">no gold</td><td></td><td></td><td></td><td></td>'
            else:
                tp, fp, fn = a.counts
                f1 = "—" if a.macro_f1 is None else f"{a.macro_f1:.3f}"
                misses = f"⚑ {len(a.errors)}" if a.errors else "0"
                cells += f'<td class="f1">{f1}</td><td>{tp}</td><td>{fp}</td><td>{fn}</td><td class="misses">{misses}</td>'
        flag = " flagged" if _flagged(a) else ""
        rows.append(f'<tr class="doc{flag}" data-doc-id="{html.escape(a.record.doc_id)}">{cells}</tr>')
    for doc_id in missing:
        span = 7 if with_gold else 2
        rows.append(
            f'<tr class="doc no-record flagged" data-doc-id="{html.escape(doc_id)}"><td>{html.escape(doc_id)}</td>'
            f'<td colspan="{span}">gold without a record</td></tr>'
        )
    table = f'<table id="index" class="index"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
    if not with_gold:
        return table
    only = (
        '<label class="only-flagged"><input type="checkbox" id="only-flagged"> show only the '
        f"{flagged + len(missing)} articles with missed, spurious or wrong values (⚑)</label>"
    )
    return only + table


def _field_scores(golds: dict[str, Gold], preds: dict[str, dict[str, Any]]) -> str:
    from extract.review.score import score_records

    result = score_records(golds, preds)
    rows = []
    for name, t in result.tallies.items():
        p, r, f = t.prf()
        rows.append(
            f'<tr data-field="{html.escape(name)}"><td>{html.escape(name)}</td>'
            f"<td>{p:.3f}</td><td>{r:.3f}</td><td>{f:.3f}</td><td>{t.tp}</td><td>{t.fp}</td><td>{t.fn}</td></tr>"
        )
    head = "<tr><th>field</th><th>P</th><th>R</th><th>F1</th><th>tp</th><th>fp</th><th>fn</th></tr>"
    summary = (
        f'<p class="overall" data-macro-f1="{result.macro_f1:.3f}">{result.documents} gold documents · '
        f"macro F1 {result.macro_f1:.3f} · micro F1 {result.micro_f1:.3f}</p>"
    )
    return f'{summary}<details><summary>Per field</summary><table class="fields"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></details>'


def build_page(articles: list[ArticleView], golds: dict[str, Gold] | None) -> str:
    """The whole page as one string."""
    preds = {a.record.doc_id: a.record.model_dump(mode="json") for a in articles}
    missing = sorted(set(golds or {}) - set(preds))
    header = f"<p>{len(articles)} articles</p>"
    if golds is not None:
        header = _field_scores(golds, preds)
    body = "".join(_section(a, golds is not None) for a in articles)
    css = CSS + kind_css()
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>extract review</title><style>{css}</style></head><body>"
        f"<h1>extract review</h1>{header}{legend(golds is not None)}{_index(articles, missing, golds is not None)}"
        f"{body}<script>{JS}</script></body></html>\n"
    )


def collect(
    records: list[Record], golds: dict[str, Gold] | None, out: Path | None = None
) -> list[ArticleView]:
    """The page's articles: each record with its article text (see `source_text`: `out` is the
    records' folder), and its score where gold has it."""
    from extract.review.reread import source_text
    from extract.review.score import score_records

    views = []
    for record in records:
        article = ArticleView(record=record, raw=source_text(record, out))
        gold = (golds or {}).get(record.doc_id)
        if gold is not None:
            result = score_records({record.doc_id: gold}, {record.doc_id: record.model_dump(mode="json")})
            article.gold, article.errors, article.macro_f1 = gold, result.errors, result.macro_f1
            tallies = result.tallies.values()
            article.counts = (
                sum(t.tp for t in tallies),
                sum(t.fp for t in tallies),
                sum(t.fn for t in tallies),
            )
        views.append(article)
    return views


def write_report(out: Path, dest: Path, gold: Path | None = None) -> int:
    """Write the page for the records in `out` (scored against `gold` if given) to `dest`; returns the
    number of articles. The page is written to a temporary file and renamed into place. Raises
    NoSourceText, writing nothing, when the text of no article can be found."""
    from extract.output.files import write_atomic
    from extract.review.reread import load_records, no_source_text
    from extract.review.score import load_json_dir

    records = load_records(out)
    golds = load_json_dir(gold) if gold is not None else None
    articles = collect(records, golds, out)
    if records and all(a.raw is None for a in articles):
        raise no_source_text(records, out)
    page = build_page(articles, golds)
    dest.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(dest, page)
    return len(records)
