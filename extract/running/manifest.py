"""`OUT/manifest.jsonl`: what each input file gave in an earlier run, so a re-run can skip it.

One line per input file, appended once all of the file's records are on disk: the file's path as
given (`source`, what the records name and what the line is found by) and absolute (`path`, so that
`extract report` and the like find the file from another folder), its content hash, the hash of the
rules and code that read it, and for each record its proposed and final doc_id and the hash of its
file. Lines of older runs have no `path`; they are read all the same. A run killed midway has lines
for the files it finished; a later line for the same file replaces an earlier one; the run that
completes rewrites the file compactly.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from extract.base.digest import code_digest, tree_digest
from extract.output.jsontext import dumps
from extract.output.output import MANIFEST, TEMP_DIR

__all__ = [
    "MANIFEST",
    "Doc",
    "Entry",
    "ManifestWriter",
    "code_digest",
    "file_digest",
    "load_manifest",
    "setup_digest",
    "tree_digest",
]
_VERSION = 1


@dataclass(frozen=True)
class Doc:
    """One record of an input file: the id the reader proposed, the id it got, its file's SHA-256."""

    proposed: str
    id: str
    sha: str


@dataclass(frozen=True)
class Entry:
    """What one input file gave: records, and failures that its content alone decides. `source` is
    the input path as given (the key), `path` the file's absolute path when the run wrote it (None
    in a line of an older run); `path` is only a pointer to the file, never part of deciding
    whether the file is unchanged."""

    source: str
    input: str
    setup: str
    docs: tuple[Doc, ...] = ()
    failures: tuple[dict[str, Any], ...] = field(default=())
    path: str | None = None

    def to_json(self) -> str:
        # Built by hand: dataclasses.asdict deep-copies, which the parent of a pool pays per file.
        data: dict[str, Any] = {
            "v": _VERSION,
            "source": self.source,
            "path": self.path,
            "input": self.input,
            "setup": self.setup,
            "docs": [{"proposed": d.proposed, "id": d.id, "sha": d.sha} for d in self.docs],
            "failures": list(self.failures),
        }
        if self.path is None:
            del data["path"]
        return dumps(data)

    @classmethod
    def from_json(cls, line: str) -> Entry:
        data = json.loads(line)
        if data.get("v") != _VERSION:
            raise ValueError("manifest line of another version")
        return cls(
            source=str(data["source"]),
            input=str(data["input"]),
            setup=str(data["setup"]),
            docs=tuple(Doc(**d) for d in data["docs"]),
            failures=tuple(data["failures"]),
            path=str(data["path"]) if data.get("path") is not None else None,
        )


def file_digest(path: Path) -> str:
    """SHA-256 of a regular file's bytes, read a MiB at a time (a JSON Lines file may be far over
    --max-bytes); NotAFile (an OSError) for a pipe, which is not waited on."""
    from extract.reading.listing import NotAFile

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotAFile(errno.EINVAL, "not a regular file (a device, pipe or socket)", str(path))
        sha = hashlib.sha256()
        while block := os.read(fd, 1 << 20):
            sha.update(block)
        return sha.hexdigest()
    finally:
        os.close(fd)


def setup_digest() -> str:
    """The hash of what decides a record besides its input: every file under rules/ and under the
    folders `--rules` layers over it, the extract package's own code (a new version may extract
    differently) and whether the entity layer is on. Read afresh each call."""
    from extract.base.rules_dir import RULES_DIR, rule_layers
    from extract.text.entities import entities_on

    rules = " ".join(tree_digest(folder) for folder in (RULES_DIR, *rule_layers()))
    # Records made with the entity layer differ from those made without: a run that turns it on or
    # off redoes them. Without it the digest is what it always was.
    layer = " entities" if entities_on() else ""
    return hashlib.sha256(f"rules {rules} code {code_digest()}{layer}".encode()).hexdigest()


def load_manifest(out: Path) -> dict[str, Entry]:
    """The entries of `out`'s manifest by input path, the last line for a path winning; lines that
    cannot be read (a run killed mid-line) are ignored, and their files simply done again."""
    path = out / MANIFEST
    entries: dict[str, Entry] = {}
    if not path.is_file():
        return entries
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                entry = Entry.from_json(line)
            except (ValueError, KeyError, TypeError):
                continue
            entries[entry.source] = entry
    return entries


def _ends_with_newline(path: Path) -> bool:
    """True for an empty file or one whose last byte is a newline."""
    with path.open("rb") as f:
        if f.seek(0, os.SEEK_END) == 0:
            return True
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"


class ManifestWriter:
    """Writes this run's entries: each new one is appended to the manifest at once (a killed run
    keeps what it finished), and every entry, kept or new, goes to a fresh copy that replaces the
    manifest when the run completes (`finish`), so the manifest does not grow from run to run."""

    def __init__(self, out: Path) -> None:
        self.path = out / MANIFEST
        self._next_path = out / TEMP_DIR / MANIFEST
        self._log: TextIO | None = None
        self._next: TextIO | None = None

    def __enter__(self) -> ManifestWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.path.open("a", encoding="utf-8", newline="\n")
        if not _ends_with_newline(self.path):  # a run killed mid-line left a partial one
            self._log.write("\n")
        self._next = self._next_path.open("w", encoding="utf-8", newline="\n")
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        for f in (self._log, self._next):
            if f:
                f.close()

    def add(self, entry: Entry) -> None:
        """An entry for a file done in this run."""
        assert self._log is not None
        line = entry.to_json() + "\n"
        self._log.write(line)
        self._log.flush()
        self.keep(entry, line)

    def keep(self, entry: Entry, line: str | None = None) -> None:
        """An entry of an earlier run, still true (`line`: its JSON text, when already made)."""
        assert self._next is not None
        self._next.write(line or entry.to_json() + "\n")

    def finish(self) -> None:
        """Replace the manifest by this run's entries, in input order."""
        assert self._log is not None and self._next is not None
        self._log.close()
        self._next.close()
        os.replace(self._next_path, self.path)
