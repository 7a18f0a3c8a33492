"""The output folder: one `<doc_id>.json` per record, `records.jsonl` with all of them and
`errors.jsonl` with every failure, each written in full under a temporary name and then renamed,
so that a killed run, or a full disk, never leaves half a file.

A run touches only what is its own in OUT: the files above, `manifest.jsonl`, records an earlier
run wrote (named in the manifest, or recognisable as records), its lock (extract/running/lock.py) and its
folder of temporary files, `.extract.tmp`. Any other file where a record must go stops the run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
from collections.abc import Collection, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from extract.output.files import write_text
from extract.output.jsontext import dumps

if TYPE_CHECKING:
    from extract.output.rendered import Rendered

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.jsonl"
TEMP_DIR = ".extract.tmp"  # the run's own folder in OUT: temporary files, pool workers' staging folders

_UNSAFE = re.compile(r"[^\w.\-]+")
# Names stay well under the 255-byte limit of common file systems once ".json" and a temp prefix
# are added; CJK characters take three bytes each in UTF-8.
_MAX_ID_BYTES = 150
_MAX_RECORD_BYTES = 256 * 1024 * 1024  # a file larger than this is nobody's record
_EXAMPLES = 3  # names the summary gives of what a run replaced or removed


class OutConflict(Exception):
    """A file or folder in OUT that is not the run's stands where the run must write."""


def safe_id(doc_id: str) -> str:
    """`doc_id` itself when it can name a file inside OUT, else a safe form of it plus a hash of the
    original: no path separators, control characters or leading dots, and at most 150 bytes."""
    safe = _UNSAFE.sub("_", doc_id).strip("._-")
    if safe and safe == doc_id and len(safe.encode("utf-8")) <= _MAX_ID_BYTES:
        return safe
    digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    head = safe.encode("utf-8")[: _MAX_ID_BYTES - 9].decode("utf-8", "ignore").rstrip("._-")
    return f"{head}_{digest}" if head else f"doc_{digest}"


class Writer:
    """Writes records and failures into `out`; use as a context manager, and call `finish` once
    every record is written.

    `records.jsonl` and `errors.jsonl` are written afresh by every run, in input order, beside
    OUT (in its temporary folder) and renamed into place by `finish`: until then OUT keeps those of
    the last run that finished. `owned`: the doc ids of the records an earlier run wrote (its
    manifest), whose files this run may replace.
    """

    def __init__(self, out: Path, owned: Collection[str] = ()) -> None:
        self.out = out
        self.temp = out / TEMP_DIR
        self.owned = owned
        self.replaced: list[str] = []  # record files of an earlier run this run wrote over
        self.removed: list[str] = []  # ... and those it removed (`remove_records`)
        self.kept: list[str] = []  # ... and those it left although their input is gone (edited)
        self._records: TextIO | None = None
        self._errors: TextIO | None = None

    def __enter__(self) -> Writer:
        self.out.mkdir(parents=True, exist_ok=True)
        for name in (RECORDS, ERRORS):
            self._check_ours(self.out / name)
        self._clear_temp()
        self.temp.mkdir()
        self._records = (self.temp / RECORDS).open("w", encoding="utf-8", newline="\n")
        self._errors = (self.temp / ERRORS).open("w", encoding="utf-8", newline="\n")
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        for f in (self._records, self._errors):
            if f:
                f.close()
        # Also the files a pool worker staged for records that never came.
        shutil.rmtree(self.temp, ignore_errors=True)

    def _check_ours(self, path: Path) -> None:
        """Refuse a run-level file (`records.jsonl`, ...) that is a folder, or that a run did not
        write: one in an OUT without a manifest."""
        if not os.path.lexists(path):
            return
        if not path.is_file() or path.is_symlink():
            raise OutConflict(_in_the_way(path, "is not a file"))
        if not (self.out / MANIFEST).is_file():
            raise OutConflict(
                _in_the_way(path, f"was not written by extract (there is no {MANIFEST} beside it)")
            )

    def _clear_temp(self) -> None:
        """Remove what a killed run left in the temporary folder."""
        try:
            info = os.lstat(self.temp)
        except FileNotFoundError:
            return
        if not stat.S_ISDIR(info.st_mode):
            raise OutConflict(
                _in_the_way(self.temp, "is not the folder extract keeps its temporary files in")
            )
        shutil.rmtree(self.temp)

    def record_path(self, doc_id: str) -> str:
        return os.path.join(self.out, f"{doc_id}.json")

    def record(self, record: Rendered) -> None:
        """Write one record (its `doc_id` already safe and unique): its file and its line."""
        assert self._records is not None
        path = self.record_path(record.doc_id)
        self._claim(record.doc_id, path)
        if record.staged is not None:
            os.replace(record.staged, path)
        else:
            temp = os.path.join(self.temp, f"{record.doc_id}.json")
            write_text(temp, record.text)
            os.replace(temp, path)
        self._append(self._records, record.line)

    def _claim(self, doc_id: str, path: str) -> None:
        """Make sure `path` is free for the record `doc_id`, or holds a record of an earlier run
        (which is then replaced); raise OutConflict for anything else there."""
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return
        if stat.S_ISREG(info.st_mode) and (doc_id in self.owned or _is_record(path, doc_id, info.st_size)):
            self.replaced.append(os.path.basename(path))
            return
        what = "is a folder" if stat.S_ISDIR(info.st_mode) else "is not a record extract wrote"
        raise OutConflict(_in_the_way(Path(path), what))

    def reuse(self, text: str) -> None:
        """List a record kept from an earlier run (the text of its file) in records.jsonl."""
        assert self._records is not None
        self._append(self._records, dumps(json.loads(text)))

    def failure(self, entry: dict[str, Any]) -> None:
        assert self._errors is not None
        self._append(self._errors, dumps(entry))

    def remove_records(self, stale: Mapping[str, str]) -> None:
        """Delete the record files an earlier run wrote for inputs now gone (`stale`: doc id ->
        SHA-256 of the file as written); a file edited since is kept."""
        for doc_id in sorted(stale):
            path = self.record_path(doc_id)
            try:
                with open(path, "rb") as f:
                    same = hashlib.sha256(f.read()).hexdigest() == stale[doc_id]
            except (FileNotFoundError, IsADirectoryError):
                continue
            if same:
                os.unlink(path)
                self.removed.append(os.path.basename(path))
            else:
                self.kept.append(os.path.basename(path))

    def finish(self) -> None:
        """Put this run's `records.jsonl` and `errors.jsonl` in place of the last ones."""
        assert self._records is not None and self._errors is not None
        for f, name in ((self._records, RECORDS), (self._errors, ERRORS)):
            f.close()
            os.replace(self.temp / name, self.out / name)

    def changes_note(self) -> str | None:
        """What this run did to records it did not write itself, for the summary."""
        parts = []
        for done, names in (
            ("replaced", self.replaced),
            ("removed (their inputs were not given to this run)", self.removed),
            ("left in place although their inputs were not given, as they were edited since", self.kept),
        ):
            if names:
                plural = "s" if len(names) > 1 else ""
                parts.append(
                    f"{len(names):,} record file{plural} of an earlier run {done}: {_examples(names)}"
                )
        return "; ".join(parts) or None

    @staticmethod
    def _append(f: TextIO, line: str) -> None:
        f.write(line + "\n")
        f.flush()


def _examples(names: list[str]) -> str:
    shown = ", ".join(names[:_EXAMPLES])
    return shown + (", ..." if len(names) > _EXAMPLES else "")


def _in_the_way(path: Path, what: str) -> str:
    return (
        f"{path} is in the way: it {what}, and extract does not touch what is not its own. "
        "Move it out of the output folder, or write to another folder with -o."
    )


def _is_record(path: str, doc_id: str, size: int) -> bool:
    """Whether the file at `path` is a record extract wrote for `doc_id` (a run killed before its
    manifest named it leaves such files)."""
    if size > _MAX_RECORD_BYTES:
        return False
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("doc_id") == doc_id and {"source", "evidence"} <= data.keys()
