"""Every value of every record is traceable: evidence whose raw span, normalised, shows the value."""

from __future__ import annotations

import json
from pathlib import Path

from extract.resolve.registry import default_ruleset
from extract.text.normalise import normalise
from extract.text.textutil import comparable

from .conftest import SEEDS

# Values resolved from words rather than copied (a date from 6月25日 + 建党98周年, a district from
# its short form) are checked for having evidence, not for appearing verbatim.
RESOLVED = {"date", "published", "district", "city", "street"}
# A field's `drop_marks` (《》 around an agreement's title) leave the value, not its span.
DROPPED = {
    spec.name: dict.fromkeys(map(ord, str(spec.options.get("drop_marks", ""))))
    for spec in default_ruleset().fields
}


def _records(out: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]


def _values(record: dict) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    out = []
    for field in ("title", "published", "date", "district", "city", "street", "venue"):
        if record[field] is not None:
            out.append((field, record[field]))
    for i, org in enumerate(record["organisers"]):
        out.append((f"organisers[{i}]", org))
    for key, attrs in (
        ("attendees", ("name", "title")),
        ("stations", ("name", "address")),
        ("signed_projects", ("name",)),
    ):
        for i, item in enumerate(record[key]):
            for attr in attrs:
                if item.get(attr):
                    out.append((f"{key}[{i}].{attr}", item[attr]))
    for i, project in enumerate(record["signed_projects"]):
        for j, party in enumerate(project["parties"]):
            out.append((f"signed_projects[{i}].parties[{j}]", party))
    return out


def test_every_value_has_evidence_showing_it(seed_records: Path, dev_records: Path) -> None:
    for out, folder in ((seed_records, SEEDS / "articles"), (dev_records, SEEDS / "dev" / "articles")):
        for record in _records(out):
            raw = (folder / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
            evidence: dict[str, list[tuple[int, int]]] = {}
            for ev in record["evidence"]:
                start, end = ev["span"]
                assert 0 <= start <= end <= len(raw), (record["doc_id"], ev)
                assert ev["rule"], (record["doc_id"], ev)
                evidence.setdefault(ev["field"], []).append((start, end))
            for field, value in _values(record):
                assert field in evidence, f"{record['doc_id']}: {field}={value!r} has no evidence"
                if field in RESOLVED:
                    continue
                shown = "".join(comparable(normalise(raw[s:e]).text) for s, e in evidence[field])
                shown = shown.translate(DROPPED.get(field.split("[")[0], {}))
                assert comparable(value) in shown, f"{record['doc_id']}: {field}={value!r} not in {shown!r}"
