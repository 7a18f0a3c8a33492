"""The gold-making loop through Label Studio: records (and gold) out as tasks, annotations back as gold.

Conventions of the tasks (`label_config.xml` is the matching labelling config):

- A value the article writes is a `labels` region over its span in `data.text` (the raw article
  text, so regions and evidence spans agree), labelled by kind: `date`, `organisers`,
  `attendees.name`, `stations.address`, `signed_projects.parties`, ...
- The value of a region is its text, normalised as the rules read it (Simplified, width-folded,
  pinyin glosses dropped). Where the value differs (quote marks dropped, a full name for a short
  form), the per-region text area `value` holds it. The per-region text area `aliases` holds other
  acceptable forms, one per entry; the per-region choice `flags: optional` marks it optional.
- A list item is its name region (or, for organisers, its one region); the items keep the order of
  their regions in the result list. The optional flag on a name region makes the whole item optional.
- An item's attributes are regions linked to its name region by a relation (either direction):
  `attendees.title`, `stations.address`, and any number of `signed_projects.parties`, in the order
  of the relations. An attribute region with no relation is left out, with a warning.
- A scalar the article does not write verbatim (dates, a district resolved from its short form) is a
  text area named after the field, holding the accepted forms, preferred first; the choice
  `optional_fields` lists the scalars whose gold value is optional. A scalar text area wins over
  regions of the same label, which then only show where the value came from.
- Gold comes back in the canonical form of docs/record.md, "Gold files": a value is written long
  (`{"value", "aliases", "optional"}`) only when it has aliases or is optional.
- Offsets are counted in UTF-16 code units, as Label Studio counts them in the browser.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from extract.output.record import Record
from extract.review.explain import FIELD_COLOURS
from extract.review.score import SCALARS
from extract.text.normalise import Normalised, normalise

Gold = dict[str, Any]
Span = tuple[int, int]

OBJECTS: dict[str, tuple[str, str]] = {
    "attendees": ("name", "title"),
    "stations": ("name", "address"),
    "signed_projects": ("name", "parties"),
}
LABELS = (*SCALARS, "organisers", *(f"{k}.{a}" for k, attrs in OBJECTS.items() for a in attrs))
MODEL_VERSION = "extract"
OPTIONAL = "optional"

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


# --- tasks and the labelling config ---------------------------------------------------------------


def task(record: Record, raw: str, gold: Gold | None = None) -> dict[str, Any]:
    """One Label Studio task: the article text, the record as predictions, the gold (if any) as an
    annotation."""
    norm = normalise(raw)
    out: dict[str, Any] = {
        "data": {"text": raw, "doc_id": record.doc_id, "source": record.source},
        "predictions": [
            {
                "model_version": MODEL_VERSION,
                "result": results_from_sheet(sheet_from_record(record, norm), raw),
            }
        ],
    }
    if gold is not None:
        out["annotations"] = [{"result": results_from_sheet(sheet_from_gold(gold, norm), raw)}]
    return out


def gold_from_task(entry: dict[str, Any], warnings: list[str]) -> Gold | None:
    """The gold of one exported task from its last annotation that was not cancelled; None (with a
    warning) when it has none."""
    data = entry.get("data") or {}
    doc_id = str(data.get("doc_id") or f"task-{entry.get('id')}")
    raw = data.get("text")
    if not isinstance(raw, str):
        warnings.append(f"{doc_id}: the task has no data.text; skipped.")
        return None
    annotations = [a for a in entry.get("annotations") or [] if not a.get("was_cancelled")]
    if not annotations:
        warnings.append(f"{doc_id}: no annotation (only predictions or cancelled ones); skipped.")
        return None
    sheet = sheet_from_results(annotations[-1].get("result") or [], raw, doc_id, warnings)
    return gold_from_sheet(doc_id, sheet, warnings)


def label_config() -> str:
    """The Label Studio labelling config that matches the tasks' results."""
    labels = "\n".join(
        f'    <Label value="{escape(k)}" background="{FIELD_COLOURS.get(k, "#e5e7eb")}"/>' for k in LABELS
    )
    notes = "\n".join(
        f'  <TextArea name="{k}" toName="text" editable="true" placeholder="{k}: accepted forms, preferred first"/>'
        for k in SCALARS
    )
    choices = "\n".join(f'    <Choice value="{k}"/>' for k in SCALARS)
    return f"""<View>
  <Header value="Label each value where the article writes it; link titles, addresses and parties to their name"/>
  <Labels name="label" toName="text">
{labels}
  </Labels>
  <Text name="text" value="$text"/>
  <View visibleWhen="region-selected">
    <Header value="Selected region"/>
    <TextArea name="value" toName="text" perRegion="true" editable="true" maxSubmissions="1"
              placeholder="the value, where it differs from the text (Simplified, no quote marks, full name)"/>
    <TextArea name="aliases" toName="text" perRegion="true" editable="true"
              placeholder="another acceptable form (one per entry)"/>
    <Choices name="flags" toName="text" perRegion="true" choice="multiple">
      <Choice value="{OPTIONAL}"/>
    </Choices>
  </View>
  <Header value="Values the article does not write verbatim (dates, resolved places)"/>
{notes}
  <Choices name="optional_fields" toName="text" choice="multiple" showInline="true">
{choices}
  </Choices>
</View>
"""


# --- files ----------------------------------------------------------------------------------------


def export_tasks(out: Path, dest: Path, gold: Path | None, warnings: list[str]) -> int:
    """Write the tasks of the records in `out` (with `gold` as annotations, if given) to `dest` and
    the labelling config beside it as `label_config.xml`; returns the number of tasks. Raises
    NoSourceText, writing nothing, when the text of no article can be found."""
    from extract.output.output import write_atomic
    from extract.review.explain import load_records, no_source_text, source_text
    from extract.review.score import load_json_dir

    records = load_records(out)
    golds = load_json_dir(gold) if gold is not None else {}
    tasks = []
    for record in records:
        raw = source_text(record, out)
        if raw is None:
            warnings.append(f"{record.doc_id}: cannot read the article {record.source}; no task.")
            continue
        tasks.append(task(record, raw, golds.get(record.doc_id) if gold is not None else None))
    if records and not tasks:
        raise no_source_text(records, out)
    for doc_id in sorted(set(golds) - {r.doc_id for r in records}):
        warnings.append(f"{doc_id}: gold without a record in {out}; no task (run extract on its article).")
    dest.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(dest, json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
    write_atomic(dest.parent / "label_config.xml", label_config())
    return len(tasks)


def import_tasks(export: Path, dest: Path, warnings: list[str]) -> list[Path]:
    """Write one gold file `<doc_id>.json` into `dest` per annotated task of a Label Studio JSON
    export; returns the files written."""
    from extract.output.output import safe_id, write_atomic

    data = json.loads(export.read_text(encoding="utf-8"))
    entries = data if isinstance(data, list) else [data]
    written = []
    for entry in entries:
        gold = gold_from_task(entry, warnings) if isinstance(entry, dict) else None
        if gold is None:
            continue
        dest.mkdir(parents=True, exist_ok=True)  # here, so that an import of nothing leaves nothing
        path = dest / f"{safe_id(gold['doc_id'])}.json"
        write_atomic(path, json.dumps(gold, ensure_ascii=False, indent=2) + "\n")
        written.append(path)
    return written
