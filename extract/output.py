"""Records to disk: one `<doc_id>.json` each (temp file + rename), `records.jsonl` and `errors.jsonl`
appended line by line and flushed, so a killed run never leaves half a record."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from extract.record import Record

_UNSAFE = re.compile(r"[^\w.\-]+")


def safe_id(doc_id: str) -> str:
    """A doc_id that names a file inside OUT: no separators, no control characters, no leading dots."""
    safe = _UNSAFE.sub("_", doc_id).strip("._") or "doc"
    if safe != doc_id:
        safe = f"{safe[:80]}_{hashlib.sha1(doc_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    return safe


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class Writer:
    """Writes records and failures into `out`; use as a context manager."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.written = 0
        self.failed = 0
        self._records: TextIO | None = None
        self._errors: TextIO | None = None

    def __enter__(self) -> Writer:
        self.out.mkdir(parents=True, exist_ok=True)
        self._records = (self.out / "records.jsonl").open("w", encoding="utf-8")
        self._errors = (self.out / "errors.jsonl").open("w", encoding="utf-8")
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        for f in (self._records, self._errors):
            if f:
                f.close()

    def record(self, record: Record) -> None:
        assert self._records is not None
        data = record.model_dump(mode="json")
        write_atomic(
            self.out / f"{record.doc_id}.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        )
        self._records.write(json.dumps(data, ensure_ascii=False) + "\n")
        self._records.flush()
        self.written += 1

    def failure(self, path: str, stage: str, error: str, message: str) -> None:
        assert self._errors is not None
        entry: dict[str, Any] = {"path": path, "stage": stage, "error": error, "message": message}
        self._errors.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._errors.flush()
        self.failed += 1
