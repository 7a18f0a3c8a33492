"""The trail of each value in a record: its evidence spans in the article text and the rules behind them.

`trails` groups a record's evidence by value path (`attendees[3].name`); a value with several proofs
(date `6月25日` + `建党98周年`) has several steps. `render` prints the article with each value
highlighted in its field's colour and the trails as a table. The review page and the annotation
export build on the same helpers: `field_kind`, `value_at`, and (from reread, re-exported here)
`load_records`, `source_text`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from extract.output.record import Evidence, Record
from extract.review.reread import NoSourceText, load_records, no_source_text, source_path, source_text

__all__ = [
    "FIELD_COLOURS",
    "NoSourceText",
    "OTHER_COLOUR",
    "Step",
    "Trail",
    "bracketed",
    "colour_of",
    "field_kind",
    "format_value",
    "highlighted",
    "load_records",
    "no_source_text",
    "render",
    "source_path",
    "source_text",
    "split_path",
    "trail_table",
    "trails",
    "value_at",
]

# One background colour per kind of value, shared by the terminal and the HTML page.
FIELD_COLOURS: dict[str, str] = {
    "title": "#c7d2fe",
    "published": "#f5d0fe",
    "date": "#fecaca",
    "district": "#bbf7d0",
    "city": "#a7f3d0",
    "street": "#bae6fd",
    "venue": "#fed7aa",
    "organisers": "#ddd6fe",
    "attendees.name": "#fde047",
    "attendees.title": "#fef3c7",
    "stations.name": "#5eead4",
    "stations.address": "#ccfbf1",
    "signed_projects.name": "#f9a8d4",
    "signed_projects.parties": "#fce7f3",
}
OTHER_COLOUR = "#e5e7eb"

_PATH = re.compile(r"^(?P<field>\w+)(?:\[(?P<index>\d+)\])?(?:\.(?P<attr>\w+)(?:\[(?P<entry>\d+)\])?)?$")


def split_path(path: str) -> tuple[str, int | None, str | None, int | None]:
    """`attendees[3].name` -> ("attendees", 3, "name", None); `date` -> ("date", None, None, None);
    `signed_projects[0].parties[1]` -> ("signed_projects", 0, "parties", 1).

    Raises ValueError for a path that is not of that shape."""
    match = _PATH.match(path)
    if match is None:
        raise ValueError(
            f"evidence field {path!r} is not of the form field, field[i], field[i].attr or field[i].attr[j]"
        )
    index, entry = match["index"], match["entry"]
    return (
        match["field"],
        int(index) if index is not None else None,
        match["attr"],
        int(entry) if entry is not None else None,
    )


def field_kind(path: str) -> str:
    """The kind of value a path names, without the index: `attendees[3].name` -> `attendees.name`."""
    field, _, attr, _ = split_path(path)
    return f"{field}.{attr}" if attr else field


def colour_of(kind: str) -> str:
    return FIELD_COLOURS.get(kind, OTHER_COLOUR)


def value_at(record: dict[str, Any], path: str) -> Any:
    """The value a path names in a record (as a JSON dict), or None where the path leads nowhere."""
    field, index, attr, entry = split_path(path)
    value = record.get(field)
    if index is not None:
        if not isinstance(value, list) or index >= len(value):
            return None
        value = value[index]
    if attr is not None:
        value = value.get(attr) if isinstance(value, dict) else None
    if entry is not None:
        if not isinstance(value, list) or entry >= len(value):
            return None
        value = value[entry]
    return value


@dataclass(frozen=True)
class Step:
    """One proof of a value: `raw[start:end]` is `text`, found by `rule`."""

    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True)
class Trail:
    """A value and the steps that produced it, in the order the resolver gave them."""

    path: str
    kind: str
    value: Any
    steps: tuple[Step, ...]


def trails(record: Record, raw: str) -> list[Trail]:
    """One trail per value path that has evidence, in the order the evidence lists them."""
    data = record.model_dump(mode="json")
    grouped: dict[str, list[Evidence]] = {}
    for ev in record.evidence:
        grouped.setdefault(ev.field, []).append(ev)
    out = []
    for path, items in grouped.items():
        steps = tuple(Step(e.span[0], e.span[1], raw[e.span[0] : e.span[1]], e.rule) for e in items)
        out.append(Trail(path, field_kind(path), value_at(data, path), steps))
    return out


def format_value(value: Any) -> str:
    """A value as one line of text: strings as they are, objects and lists as compact JSON."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


# --- the terminal view ----------------------------------------------------------------------------


def highlighted(raw: str, evidence: Iterable[Evidence]):  # type: ignore[no-untyped-def]
    """The article text as a rich Text, each evidence span on its field's colour.

    Longer spans are styled first so that a value inside another (a name inside the title) shows."""
    from rich.text import Text

    text = Text(raw)
    for ev in sorted(evidence, key=lambda e: e.span[0] - e.span[1]):
        text.stylize(f"black on {colour_of(field_kind(ev.field))}", ev.span[0], ev.span[1])
    return text


def trail_table(rows: list[Trail]):  # type: ignore[no-untyped-def]
    """The table under the text: field, value, raw span, rule id, and the steps of multi-proof values."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, header_style="bold")
    table.add_column("field", no_wrap=True)
    table.add_column("value", overflow="fold", ratio=3)
    table.add_column("raw span", overflow="fold", ratio=3)
    table.add_column("rule", no_wrap=True)
    table.add_column("steps", overflow="fold", ratio=2)
    for trail in rows:
        style = f"black on {colour_of(trail.kind)}"
        spans = "\n".join(f"[{s.start}, {s.end}] {s.text}" for s in trail.steps)
        rules = "\n".join(s.rule for s in trail.steps)
        steps = ""
        if len(trail.steps) > 1:
            parts = [f"{i}. {s.text} ({s.rule})" for i, s in enumerate(trail.steps, 1)]
            steps = "\n".join([*parts, f"→ {format_value(trail.value)}"])
        table.add_row(Text(trail.path, style=style), format_value(trail.value), spans, rules, steps)
    return table


def render(record: Record, raw: str, console: Any, field: str | None = None) -> None:
    """Print one record's explanation: header, legend, highlighted text, trail table.

    `field` keeps only the values whose path starts with it (`date`, `attendees[3]`). Where the
    console shows no colour (output to a file or a pipe), each value is put in [brackets]."""
    from rich.rule import Rule
    from rich.text import Text

    evidence = [e for e in record.evidence if field is None or e.field.startswith(field)]
    rows = [t for t in trails(record, raw) if field is None or t.path.startswith(field)]
    console.print(Rule(f"{record.doc_id}  ({record.source})"))
    kinds = sorted({field_kind(e.field) for e in evidence})
    legend = Text("  ").join(Text(f" {k} ", style=f"black on {colour_of(k)}") for k in kinds)
    console.print(legend)
    text = highlighted(raw, evidence)
    if field is not None:
        text = _lines_with(text, raw, [(e.span[0], e.span[1]) for e in evidence])
    console.print(text if console.color_system else bracketed(text))
    console.print(trail_table(rows))
    unexplained = _values_without_evidence(record)
    if unexplained and field is None:
        console.print(f"values without evidence: {', '.join(unexplained)}", style="bold red")


def bracketed(text: Any):  # type: ignore[no-untyped-def]
    """`text` as plain text with each styled span (an evidence span) put in [brackets], nested
    where spans nest: highlighting that survives where colour does not."""
    from collections import Counter

    from rich.text import Text

    # Value spans (not the dim `…` of left-out lines), each range once: a span that is evidence of
    # several fields (a street that is also the organiser) gets one pair of brackets.
    spans = {(s.start, s.end) for s in text.spans if s.end > s.start and " on " in str(s.style)}
    opens = Counter(start for start, _ in spans)
    closes = Counter(end for _, end in spans)
    plain = text.plain
    parts = []
    for i, char in enumerate(plain):
        parts.append("]" * closes[i] + "[" * opens[i] + char)
    parts.append("]" * closes[len(plain)])
    return Text("".join(parts))


def _lines_with(text: Any, raw: str, spans: list[tuple[int, int]]):  # type: ignore[no-untyped-def]
    """Only the lines of `text` that hold a span, with `…` where lines were left out."""
    from rich.text import Text

    cuts, pos = [], 0
    for line in raw.splitlines(keepends=True):
        pos += len(line)
        cuts.append(pos)
    kept, skipped, start = [], False, 0
    for piece, end in zip(text.divide(cuts), cuts, strict=False):
        if any(s < end and e > start for s, e in spans):
            kept.append(piece)
            skipped = False
        elif not skipped:
            kept.append(Text("…\n", style="dim"))
            skipped = True
        start = end
    return Text("").join(kept)


def _values_without_evidence(record: Record) -> list[str]:
    """Paths of non-empty values that no evidence item names (every value must have evidence)."""
    data = record.model_dump(mode="json")
    proven = {e.field for e in record.evidence}
    missing = []
    for key in ("title", "published", "date", "district", "city", "street", "venue"):
        if data[key] is not None and key not in proven:
            missing.append(key)
    for key in ("organisers", "attendees", "stations", "signed_projects"):
        for i in range(len(data[key])):
            path = f"{key}[{i}]"
            if not any(p == path or p.startswith(path + ".") for p in proven):
                missing.append(path)
    return missing
