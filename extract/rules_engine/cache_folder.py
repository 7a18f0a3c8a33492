"""Files kept between runs in the user's cache folder: `$XDG_CACHE_HOME/extract/`, by default
`~/.cache/extract`. What is kept there can always be made afresh: a file that is missing, unreadable,
foreign or of another version reads as empty, and one that cannot be written only costs the work
again next time."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def cache_path(name: str) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "extract" / name


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
