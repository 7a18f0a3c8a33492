"""Files kept between runs in the user's cache folder: `$XDG_CACHE_HOME/extract/`, by default
`~/.cache/extract`. What is kept there can always be made afresh: a file that is missing, unreadable,
foreign or of another version reads as empty, and one that cannot be written only costs the work
again next time."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
import threading
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def cache_path(name: str) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "extract" / name


# A compiled pattern's code is a list of whole numbers of 32 bits, some thousands of them for a word
# list: kept as the base64 text of their bytes, which reads back ten times faster than a JSON list.
_CODE_TYPE = next(t for t in "IL" if array(t).itemsize == 4)
CODE_FORMAT = f"code base64 u32 {sys.byteorder}"  # part of the version of a file that packs code


def pack_code(code: Sequence[int]) -> str | None:
    """`code` as text for a JSON entry; None where a number is not one of 32 bits."""
    try:
        packed = array(_CODE_TYPE, code)
    except (OverflowError, TypeError):
        return None
    return base64.b64encode(packed.tobytes()).decode("ascii")


def unpack_code(text: str) -> list[int]:
    """The code `pack_code` packed; ValueError for text it did not make."""
    code = array(_CODE_TYPE)
    code.frombytes(base64.b64decode(text, validate=True))
    return code.tolist()


def read_entries(name: str, version: str) -> dict[str, list[Any]]:
    """The entries of the JSON cache file `name`, if it was written by `version`; else none."""
    try:
        data = json.loads(cache_path(name).read_text(encoding="utf-8"))
        ok = isinstance(data, dict) and data.get("version") == version
        return data["entries"] if ok and isinstance(data.get("entries"), dict) else {}
    except (OSError, ValueError, KeyError):
        return {}


def write_entries(name: str, version: str, entries: dict[str, list[Any]]) -> bool:
    """Replace the JSON cache file `name` at once (written beside, then renamed, so that a process
    reading it meanwhile sees the old file or the new, never half of one); False where it cannot be
    written."""
    path = cache_path(name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"version": version, "entries": entries}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        return False
    return True


class Entries:
    """One cache file's entries by key: those on disk, read on first use, and those this process
    made, added to the file by `save`. Each entry carries a checksum of its key and body, so that a
    damaged one (a flipped bit, an edit) reads as missing and is made afresh."""

    def __init__(self, name: str, version: str, limit: int = 4000) -> None:
        self.name, self.version, self.limit = name, version, limit
        self.on_disk: dict[str, list[Any]] | None = None  # read on first use
        self.made: dict[str, list[Any]] = {}  # made by this process, not yet saved
        self._lock = threading.Lock()

    def get(self, key: str) -> list[Any] | None:
        """The body kept under `key`; None where there is none, or it is damaged."""
        with self._lock:
            if self.on_disk is None:
                self.on_disk = read_entries(self.name, self.version)
            entry = self.on_disk.get(key)
        if isinstance(entry, list) and entry and entry[-1] == _checksum(key, entry[:-1]):
            return entry[:-1]
        return None

    def put(self, key: str, body: list[Any]) -> None:
        with self._lock:
            self.made[key] = [*body, _checksum(key, body)]

    def save(self) -> None:
        """Add what this process made to the file (past `limit` entries it starts afresh with
        them); one that cannot be written only costs the work again next time. The entries read
        are let go: they are read again if more are asked for."""
        with self._lock:
            if self.made:
                entries = dict(
                    self.on_disk if self.on_disk is not None else read_entries(self.name, self.version)
                )
                if len(entries) + len(self.made) > self.limit:
                    entries = {}
                entries.update(self.made)
                if not write_entries(self.name, self.version, entries):
                    return
                self.made.clear()
            self.on_disk = None


def _checksum(key: str, body: list[Any]) -> str:
    text = json.dumps([key, body], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
