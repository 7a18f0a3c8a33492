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
from html import escape
from pathlib import Path
from typing import Any

from extract.output.record import Record
from extract.review.explain import FIELD_COLOURS
from extract.review.label_studio import LABELS, OPTIONAL, results_from_sheet, sheet_from_results
from extract.review.score import SCALARS
from extract.review.sheets import (
    OBJECTS,
    Form,
    Gold,
    Span,
    canonical,
    gold_from_sheet,
    locate,
    place,
    sheet_from_gold,
    sheet_from_record,
)
from extract.text.normalise import normalise

__all__ = [
    "Form",
    "Gold",
    "LABELS",
    "MODEL_VERSION",
    "OBJECTS",
    "OPTIONAL",
    "Span",
    "canonical",
    "export_tasks",
    "gold_from_task",
    "import_tasks",
    "label_config",
    "locate",
    "place",
    "sheet_from_gold",
    "task",
]

MODEL_VERSION = "extract"


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
    from extract.output.files import write_atomic
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
    from extract.output.files import write_atomic
    from extract.output.output import safe_id

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
