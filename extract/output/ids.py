"""Doc ids that name one file each inside OUT, the same from run to run.

An article's id is its file's stem (or, in JSON, the object's own `id`). Input files that share a
stem (`a.txt` and `a.html`, `x/a.txt` and `y/a.txt`) all get `<stem>_<hash of the file's path
relative to the inputs' common folder>`, whatever order they are read in. Ids are then made safe to
name a file (`safe_id`), and an id already taken in this run (two JSON objects with one `id`, or
names differing only in case) gets a hash of its file's relative path and its place in the file.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from extract.output.output import safe_id


def _hash8(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _common_folder(inputs: Sequence[Path]) -> str:
    folders = [os.path.abspath(p if p.is_dir() else p.parent) for p in inputs]
    return os.path.commonpath(folders) if folders else os.getcwd()


class DocIds:
    """Assigns the final doc ids of a run, file by file in input order."""

    def __init__(self, inputs: Sequence[Path], files: Sequence[str]) -> None:
        # Relative paths are worked out when needed, not kept for every file: a run over a million
        # files should not hold a million of them.
        self._base = _common_folder(inputs)
        shared = Counter(_stem(f).casefold() for f in files)
        self._stem_ids = {
            f: f"{_stem(f)}_{_hash8(self._relative(f))}" for f in files if shared[_stem(f).casefold()] > 1
        }
        # Case-folded, so that ids stay distinct on case-insensitive file systems too.
        self._taken: set[str] = set()

    def _relative(self, source: str) -> str:
        return Path(os.path.relpath(os.path.abspath(source), self._base)).as_posix()

    @property
    def shared_stems(self) -> int:
        """How many input files share their stem with another."""
        return len(self._stem_ids)

    def propose(self, source: str, proposed: Sequence[str], start: int = 0) -> list[str]:
        """The final ids of the records of input file `source`, given the ids its reader proposed;
        `commit` them once used. `start`: how many records of the file were proposed (and
        committed) before these, for a file whose records come in parts."""
        stem = _stem(source)
        stem_id = self._stem_ids.get(source)
        finals: list[str] = []
        taken: set[str] = set()
        for place, doc_id in enumerate(proposed, start=start):
            if stem_id is not None and _is_stem_based(doc_id, stem):
                doc_id = stem_id + doc_id[len(stem) :]
            doc_id = safe_id(doc_id)
            if self._is_taken(doc_id, taken):
                doc_id = f"{doc_id}_{_hash8(f'{self._relative(source)}#{place}')}"
                n = 1
                while self._is_taken(candidate := doc_id if n == 1 else f"{doc_id}_{n}", taken):
                    n += 1
                doc_id = candidate
            taken.add(doc_id.casefold())
            finals.append(doc_id)
        return finals

    def commit(self, doc_ids: Sequence[str]) -> None:
        self._taken.update(doc_id.casefold() for doc_id in doc_ids)

    def is_taken(self, doc_id: str) -> bool:
        return doc_id.casefold() in self._taken

    def _is_taken(self, doc_id: str, also: set[str]) -> bool:
        key = doc_id.casefold()
        return key in self._taken or key in also


def _stem(path: str) -> str:
    """The file name without its last suffix, as Path.stem gives it (without building a Path: the
    main process does this for every input file)."""
    name = os.path.basename(path.rstrip("/"))
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _is_stem_based(doc_id: str, stem: str) -> bool:
    """True for the ids a reader makes from a file's stem: `stem`, and `stem_<n>` for line n."""
    return doc_id == stem or (doc_id.startswith(f"{stem}_") and doc_id[len(stem) + 1 :].isdigit())
