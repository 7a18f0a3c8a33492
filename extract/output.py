"""The output folder: one `<doc_id>.json` per record (temp file + rename), `records.jsonl` and
`errors.jsonl` appended line by line and flushed, so a killed run never leaves half a record."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from extract.jsontext import dumps

if TYPE_CHECKING:
    from extract.rendered import Rendered

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"

_UNSAFE = re.compile(r"[^\w.\-]+")
# Names stay well under the 255-byte limit of common file systems once ".json" and a temp prefix
# are added; CJK characters take three bytes each in UTF-8.
_MAX_ID_BYTES = 150
_TEMP = re.compile(r"^\..+\.tmp$")


def safe_id(doc_id: str) -> str:
    """`doc_id` itself when it can name a file inside OUT, else a safe form of it plus a hash of the
    original: no path separators, control characters or leading dots, and at most 150 bytes."""
    safe = _UNSAFE.sub("_", doc_id).strip("._-")
    if safe and safe == doc_id and len(safe.encode("utf-8")) <= _MAX_ID_BYTES:
        return safe
    digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    head = safe.encode("utf-8")[: _MAX_ID_BYTES - 9].decode("utf-8", "ignore").rstrip("._-")
    return f"{head}_{digest}" if head else f"doc_{digest}"


def write_atomic(path: str | Path, text: str) -> None:
    """Write `text` to a temporary name beside `path`, then rename: readers see all of it or none."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def remove_temp_files(out: Path) -> None:
    """Remove the temporary files and staging folders a killed run left in `out` (`.<name>.tmp`,
    only ours)."""
    for entry in os.scandir(out):
        if not _TEMP.match(entry.name):
            continue
        if entry.is_file(follow_symlinks=False):
            os.unlink(entry.path)
        elif entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)


class Writer:
    """Writes records and failures into `out`; use as a context manager.

    `records.jsonl` and `errors.jsonl` are started afresh by every run and written in input order,
    so a resumed run ends with the same files as an uninterrupted one.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self._records: TextIO | None = None
        self._errors: TextIO | None = None

    def __enter__(self) -> Writer:
        self.out.mkdir(parents=True, exist_ok=True)
        remove_temp_files(self.out)
        self._records = (self.out / RECORDS).open("w", encoding="utf-8", newline="\n")
        self._errors = (self.out / ERRORS).open("w", encoding="utf-8", newline="\n")
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        for f in (self._records, self._errors):
            if f:
                f.close()
        remove_temp_files(self.out)  # files a pool worker staged for records that never came

    def record_path(self, doc_id: str) -> str:
        return os.path.join(self.out, f"{doc_id}.json")

    def record(self, record: Rendered) -> None:
        """Write one record (its `doc_id` already safe and unique): its file and its line."""
        assert self._records is not None
        if record.staged is not None:
            os.replace(record.staged, self.record_path(record.doc_id))
        else:
            write_atomic(self.record_path(record.doc_id), record.text)
        self._append(self._records, record.line)

    def reuse(self, text: str) -> None:
        """List a record kept from an earlier run (the text of its file) in records.jsonl."""
        assert self._records is not None
        self._append(self._records, dumps(json.loads(text)))

    def failure(self, entry: dict[str, Any]) -> None:
        assert self._errors is not None
        self._append(self._errors, dumps(entry))

    def remove_records(self, doc_ids: set[str]) -> None:
        """Delete the record files of `doc_ids` (records an earlier run wrote for inputs now gone)."""
        for doc_id in doc_ids:
            Path(self.record_path(doc_id)).unlink(missing_ok=True)

    @staticmethod
    def _append(f: TextIO, line: str) -> None:
        f.write(line + "\n")
        f.flush()
