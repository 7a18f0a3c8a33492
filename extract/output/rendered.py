"""A record as it goes to disk, made in the process that extracted it.

Rendering (JSON text, hash) and, in a local pool, writing the record's file happen in the workers;
the process that writes OUT then only moves files into place and appends lines (extract/output/output.py).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
from dataclasses import dataclass
from typing import Any

from extract.output.files import write_text
from extract.output.jsontext import dumps, sha256_text


@dataclass(frozen=True)
class Rendered:
    """A record as it goes to disk, made where the record was extracted (a pool worker, a Dask
    worker), so that the process writing OUT has little left to do: its `records.jsonl` line, the
    SHA-256 of its file's text, and that text, or the temporary file in OUT a pool worker already
    wrote it to (`staged`, and `text` empty). `doc_id` is the id the texts hold."""

    doc_id: str
    line: str
    sha: str
    text: str = ""
    staged: str | None = None


def render(data: dict[str, Any]) -> Rendered:
    """The texts of a record given as JSON data."""
    text = dumps(data, indent=2) + "\n"
    return Rendered(str(data["doc_id"]), dumps(data), sha256_text(text), text)


_staged = itertools.count()
_folders: set[str] = set()  # staging folders this process has made


def stage(record: Rendered, temp: str) -> Rendered:
    """Write `record`'s file text into this process's own staging folder in `temp` (the run's
    temporary folder in OUT, which the next run clears if this one is killed), for `Writer.record`
    to move into place. A folder of its own: on ext4, processes creating files in one folder queue
    for it, and creating a file costs more than all the rest of writing it."""
    if record.staged is not None:
        return record
    folder = os.path.join(temp, f"staged-{os.getpid()}")
    if folder not in _folders:
        os.makedirs(folder, exist_ok=True)
        _folders.add(folder)
    path = os.path.join(folder, f"{next(_staged)}.json")
    write_text(path, record.text)
    return dataclasses.replace(record, text="", staged=path)


def renamed(record: Rendered, doc_id: str) -> Rendered:
    """`record` under another doc id (one the run gave to keep ids unique and safe)."""
    if doc_id == record.doc_id:
        return record
    if record.staged is not None:
        os.unlink(record.staged)
    data = json.loads(record.line)
    data["doc_id"] = doc_id
    return render(data)
