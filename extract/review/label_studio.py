"""A Sheet as Label Studio results and back: labelled regions, text areas, choices and relations,
offsets in UTF-16 code units as the browser counts them (see extract/review/annotate.py for the
conventions)."""

from __future__ import annotations

from typing import Any

from extract.review.score import SCALARS
from extract.review.sheets import OBJECTS, Form, Piece, Sheet, span_value

LABELS = (*SCALARS, "organisers", *(f"{k}.{a}" for k, attrs in OBJECTS.items() for a in attrs))
OPTIONAL = "optional"


# --- Label Studio results -------------------------------------------------------------------------


class Offsets:
    """Python string offsets <-> the UTF-16 offsets Label Studio counts (they differ past U+FFFF)."""

    def __init__(self, text: str) -> None:
        self._to_js: list[int] | None = None
        if any(ord(c) > 0xFFFF for c in text):
            self._to_js = [0]
            for c in text:
                self._to_js.append(self._to_js[-1] + (2 if ord(c) > 0xFFFF else 1))
            self._to_py = {js: py for py, js in enumerate(self._to_js)}

    def to_js(self, i: int) -> int:
        return i if self._to_js is None else self._to_js[i]

    def to_py(self, j: int) -> int:
        if self._to_js is None:
            return j
        if j not in self._to_py:
            raise ValueError(f"offset {j} falls inside a character outside the Basic Multilingual Plane")
        return self._to_py[j]


def results_from_sheet(sheet: Sheet, raw: str) -> list[dict[str, Any]]:
    """The Label Studio `result` list of an annotation (regions, per-region extras, relations, notes)."""
    offsets = Offsets(raw)
    results: list[dict[str, Any]] = []
    counter = iter(range(1, 1_000_000))

    def region(piece: Piece) -> str:
        rid = f"r{next(counter)}"
        where = {"start": offsets.to_js(piece.span[0]), "end": offsets.to_js(piece.span[1])}
        text = raw[piece.span[0] : piece.span[1]]

        def add(from_name: str, kind: str, value: dict[str, Any]) -> None:
            results.append(
                {
                    "id": rid,
                    "from_name": from_name,
                    "to_name": "text",
                    "type": kind,
                    "value": {**where, **value},
                }
            )

        add("label", "labels", {"text": text, "labels": [piece.label]})
        if piece.form.value != span_value(raw, piece.span):
            add("value", "textarea", {"text": [piece.form.value]})
        if piece.form.aliases:
            add("aliases", "textarea", {"text": list(piece.form.aliases)})
        if piece.form.optional:
            add("flags", "choices", {"choices": [OPTIONAL]})
        return rid

    for piece in sheet.pieces:
        owner = region(piece)
        for link in piece.links:
            target = region(link)
            results.append({"from_id": owner, "to_id": target, "type": "relation", "direction": "right"})
    for key, form in sheet.notes.items():
        results.append(
            {
                "id": f"t-{key}",
                "from_name": key,
                "to_name": "text",
                "type": "textarea",
                "value": {"text": [form.value, *form.aliases]},
            }
        )
    optional = [key for key, form in sheet.notes.items() if form.optional]
    if optional:
        results.append(
            {
                "id": "optional-fields",
                "from_name": "optional_fields",
                "to_name": "text",
                "type": "choices",
                "value": {"choices": optional},
            }
        )
    return results


def sheet_from_results(results: list[dict[str, Any]], raw: str, doc_id: str, warnings: list[str]) -> Sheet:
    """The annotation a Label Studio `result` list holds; what does not fit the conventions is warned of."""
    offsets = Offsets(raw)
    extras: dict[str, dict[str, dict[str, Any]]] = {}
    for r in results:
        if r.get("type") in ("textarea", "choices") and r.get("from_name") in ("value", "aliases", "flags"):
            extras.setdefault(str(r.get("id")), {})[r["from_name"]] = r.get("value") or {}
    pieces: dict[str, Piece] = {}
    order: list[str] = []
    sheet = Sheet()
    optional_fields: set[str] = set()
    for r in results:
        value = r.get("value") or {}
        if r.get("type") == "labels":
            labels = value.get("labels") or []
            if not labels or labels[0] not in LABELS:
                warnings.append(
                    f"{doc_id}: region {r.get('id')} has label {labels!r}, not one of ours; skipped."
                )
                continue
            try:
                span = (offsets.to_py(int(value["start"])), offsets.to_py(int(value["end"])))
            except (KeyError, TypeError, ValueError) as e:
                warnings.append(f"{doc_id}: region {r.get('id')} has no usable start/end ({e}); skipped.")
                continue
            if not 0 <= span[0] < span[1] <= len(raw):
                warnings.append(f"{doc_id}: region {r.get('id')} lies outside the text {span}; skipped.")
                continue
            extra = extras.get(str(r.get("id")), {})
            override = [t for t in (extra.get("value") or {}).get("text") or [] if t.strip()]
            form = Form(
                override[0].strip() if override else span_value(raw, span),
                [a.strip() for a in (extra.get("aliases") or {}).get("text") or [] if a.strip()],
                OPTIONAL in ((extra.get("flags") or {}).get("choices") or []),
            )
            pieces[str(r.get("id"))] = Piece(labels[0], form, span)
            order.append(str(r.get("id")))
        elif r.get("type") == "textarea" and r.get("from_name") in SCALARS:
            forms = [t.strip() for t in value.get("text") or [] if t.strip()]
            if forms:
                sheet.notes[r["from_name"]] = Form(forms[0], forms[1:])
        elif r.get("type") == "choices" and r.get("from_name") == "optional_fields":
            optional_fields.update(value.get("choices") or [])
    for key in optional_fields & set(sheet.notes):
        sheet.notes[key].optional = True
    linked = _link(pieces, [r for r in results if r.get("type") == "relation"], doc_id, warnings)
    for rid in order:
        piece = pieces[rid]
        if rid in linked:
            continue
        if _is_attribute(piece.label):
            warnings.append(
                f"{doc_id}: {piece.label} region {raw[piece.span[0] : piece.span[1]]!r} ({piece.span[0]}-"
                f"{piece.span[1]}) has no relation to a name region; it was left out. Draw the relation."
            )
            continue
        sheet.pieces.append(piece)
    return sheet


def _is_attribute(label: str) -> bool:
    return "." in label and not label.endswith(".name")


def _link(
    pieces: dict[str, Piece], relations: list[dict[str, Any]], doc_id: str, warnings: list[str]
) -> set[str]:
    """Attach each related attribute region to its name region; returns the ids of the attached ones."""
    linked: set[str] = set()
    for rel in relations:
        ends = [pieces.get(str(rel.get("from_id"))), pieces.get(str(rel.get("to_id")))]
        ids = [str(rel.get("from_id")), str(rel.get("to_id"))]
        if ends[0] is None or ends[1] is None:
            continue
        if _is_attribute(ends[0].label):
            ends.reverse()
            ids.reverse()
        owner, attr = ends
        assert owner is not None and attr is not None
        field_name = owner.label.split(".")[0]
        if not owner.label.endswith(".name") or not attr.label.startswith(field_name + "."):
            warnings.append(f"{doc_id}: a relation joins {owner.label} and {attr.label}; it was ignored.")
            continue
        owner.links.append(attr)
        linked.add(ids[1])
    return linked
