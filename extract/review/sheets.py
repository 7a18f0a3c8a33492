"""The values of one article as annotation sees them: a value's forms (Form), where it is in the text
(locate, place), and a Sheet of pieces made from gold or a record and turned back into gold."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from extract.output.record import Record
from extract.review.score import SCALARS
from extract.text.normalise import Normalised, normalise

Gold = dict[str, Any]
Span = tuple[int, int]

OBJECTS: dict[str, tuple[str, str]] = {
    "attendees": ("name", "title"),
    "stations": ("name", "address"),
    "signed_projects": ("name", "parties"),
}

# Between two characters of a value the text may hold white space and quote marks the value drops.
_SKIP = r"[\s“”‘’「」『』\"'《》]*"


# --- values and where they are --------------------------------------------------------------------


@dataclass
class Form:
    """A gold value: the preferred form, other accepted forms, and whether missing it costs nothing."""

    value: str
    aliases: list[str] = field(default_factory=list)
    optional: bool = False


def parse_form(gold: Any) -> Form | None:
    """A gold value in short or long form (docs/record.md); None for null."""
    if isinstance(gold, dict) and "value" in gold:
        if gold["value"] is None:
            return None
        return Form(
            str(gold["value"]), [str(a) for a in gold.get("aliases") or []], bool(gold.get("optional"))
        )
    return None if gold is None else Form(str(gold))


def dump_form(form: Form | None) -> Any:
    """The canonical gold JSON of a value: a bare string unless it has aliases or is optional."""
    if form is None:
        return None
    if not form.aliases and not form.optional:
        return form.value
    out: dict[str, Any] = {"value": form.value}
    if form.aliases:
        out["aliases"] = list(form.aliases)
    if form.optional:
        out["optional"] = True
    return out


def canonical(gold: Any) -> Any:
    """Gold JSON rewritten in canonical form (what an import writes), for comparing round trips."""
    if isinstance(gold, dict) and "value" in gold:
        return dump_form(parse_form(gold))
    if isinstance(gold, dict):
        out = {k: canonical(v) for k, v in gold.items() if k != "optional"}
        if gold.get("optional"):
            out["optional"] = True
        return out
    if isinstance(gold, list):
        return [canonical(v) for v in gold]
    return gold


def span_value(raw: str, span: Span) -> str:
    """The value a region stands for when no `value` text area says otherwise."""
    return normalise(raw[span[0] : span[1]]).text.strip()


def locate(norm: Normalised, value: str, near: int | None = None) -> Span | None:
    """The raw span where `value` is written (white space and quote marks in the text allowed between
    its characters), the occurrence closest to raw offset `near` if given; None if it is nowhere."""
    chars = [c for c in unicodedata.normalize("NFKC", value) if not re.fullmatch(_SKIP, c)]
    if not chars:
        return None
    pattern = re.compile(_SKIP.join(map(re.escape, chars)))
    found = [norm.raw_span(m.start(), m.end()) for m in pattern.finditer(norm.text)]
    if not found:
        return None
    return min(found, key=lambda s: abs(s[0] - near)) if near is not None else found[0]


def place(norm: Normalised, form: Form, near: int | None = None) -> Span:
    """Where to put a region for `form`: its value, else an alias, else the longest part of the value
    the text holds (the `value` text area then says the rest), else the text's first character."""
    for candidate in (form.value, *form.aliases):
        span = locate(norm, candidate, near)
        if span is not None:
            return span
    value = form.value
    for length in range(len(value) - 1, 0, -1):
        for start in range(len(value) - length + 1):
            span = locate(norm, value[start : start + length], near)
            if span is not None:
                return span
    return (0, min(1, len(norm.raw)))


# --- what one task's annotation holds -------------------------------------------------------------


@dataclass
class Piece:
    """A region: its label, the value it stands for, its raw span, and the attribute regions linked to it."""

    label: str
    form: Form
    span: Span
    links: list[Piece] = field(default_factory=list)


@dataclass
class Sheet:
    """One task's annotation: regions in order, and scalars given as text areas."""

    pieces: list[Piece] = field(default_factory=list)
    notes: dict[str, Form] = field(default_factory=dict)


def sheet_from_gold(gold: Gold, norm: Normalised) -> Sheet:
    """The annotation that stands for a gold record: each value placed where the article writes it."""
    sheet = Sheet()
    for key in SCALARS:
        form = parse_form(gold.get(key))
        if form is None:
            continue
        span = next(filter(None, (locate(norm, v) for v in (form.value, *form.aliases))), None)
        if span is None:
            sheet.notes[key] = form
        else:
            sheet.pieces.append(Piece(key, form, span))
    for item in gold.get("organisers") or []:
        form = parse_form(item)
        if form is not None:
            sheet.pieces.append(Piece("organisers", form, place(norm, form)))
    for key, (name_key, attr) in OBJECTS.items():
        for item in gold.get(key) or []:
            name = parse_form(item.get(name_key))
            if name is None:
                continue
            # The flag on a name region stands for the item (the scorer reads the item's `optional`).
            name = Form(name.value, name.aliases, bool(item.get("optional")))
            piece = Piece(f"{key}.{name_key}", name, place(norm, name))
            values = item.get(attr)
            for value in values if isinstance(values, list) else [values]:
                form = parse_form(value)
                if form is not None:
                    piece.links.append(Piece(f"{key}.{attr}", form, place(norm, form, piece.span[0])))
            sheet.pieces.append(piece)
    return sheet


def sheet_from_record(record: Record, norm: Normalised) -> Sheet:
    """The annotation that stands for a record: regions at its evidence spans; a scalar whose
    evidence is not the value verbatim (a resolved date, a district from its short form) is also a
    text area."""
    spans: dict[str, list[Span]] = {}
    for ev in record.evidence:
        spans.setdefault(ev.field, []).append((ev.span[0], ev.span[1]))
    data = record.model_dump(mode="json")
    sheet = Sheet()
    for key in SCALARS:
        if data[key] is None:
            continue
        form = Form(str(data[key]))
        found = spans.get(key) or []
        if not found and (span := locate(norm, form.value)):
            found = [span]
        sheet.pieces.extend(Piece(key, form, s) for s in found)
        if len(found) != 1 or span_value(norm.raw, found[0]) != form.value:
            sheet.notes[key] = form
    for i, value in enumerate(data["organisers"]):
        form = Form(value)
        span = (spans.get(f"organisers[{i}]") or [place(norm, form)])[0]
        sheet.pieces.append(Piece("organisers", form, span))
    for key, (name_key, attr) in OBJECTS.items():
        for i, item in enumerate(data[key]):
            name = Form(item[name_key])
            found = spans.get(f"{key}[{i}].{name_key}") or spans.get(f"{key}[{i}]") or [place(norm, name)]
            piece = Piece(f"{key}.{name_key}", name, found[0])
            values = item.get(attr)
            attr_spans = spans.get(f"{key}[{i}].{attr}") or []
            for j, value in enumerate(values if isinstance(values, list) else [values]):
                if value is None:
                    continue
                form = Form(value)
                span = attr_spans[j] if j < len(attr_spans) else place(norm, form, piece.span[0])
                piece.links.append(Piece(f"{key}.{attr}", form, span))
            sheet.pieces.append(piece)
    return sheet


def gold_from_sheet(doc_id: str, sheet: Sheet, warnings: list[str]) -> Gold:
    """The gold record (docs/record.md, canonical form) an annotation stands for."""
    gold: Gold = {"doc_id": doc_id}
    for key in SCALARS:
        regions = [p for p in sheet.pieces if p.label == key]
        form = sheet.notes.get(key) or (regions[0].form if regions else None)
        if key not in sheet.notes and len(regions) > 1:
            warnings.append(f"{doc_id}: {len(regions)} regions labelled {key}; the first gives the value.")
        gold[key] = dump_form(form)
    gold["organisers"] = [dump_form(p.form) for p in sheet.pieces if p.label == "organisers"]
    for key, (name_key, attr) in OBJECTS.items():
        items = []
        for piece in (p for p in sheet.pieces if p.label == f"{key}.{name_key}"):
            values = [dump_form(link.form) for link in piece.links if link.label == f"{key}.{attr}"]
            if attr == "parties":
                attr_value: Any = values
            else:
                if len(values) > 1:
                    warnings.append(
                        f"{doc_id}: {piece.form.value} has {len(values)} {attr}s; the first counts."
                    )
                attr_value = values[0] if values else None
            name = Form(piece.form.value, piece.form.aliases)
            item: dict[str, Any] = {name_key: dump_form(name), attr: attr_value}
            if piece.form.optional:
                item["optional"] = True
            items.append(item)
        gold[key] = items
    return gold
