"""Hashes of folders of files: what the manifest (extract/running/manifest.py) records as the
version of the rules and code that read a file, and what decides whether a rule folder's examples
must run again (extract/rules_engine/ruleset.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # the extract package, all its subpackages


def tree_digest(folder: Path, suffixes: frozenset[str] | None = None) -> str:
    """SHA-256 over the sorted relative paths and contents of the files under `folder` (those with
    one of `suffixes`, or all)."""
    digest = hashlib.sha256()
    files = sorted(p for p in folder.rglob("*") if p.is_file() and (suffixes is None or p.suffix in suffixes))
    for path in files:
        name = path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape")
        data = path.read_bytes()
        digest.update(b"%d:%s%d:" % (len(name), name, len(data)))
        digest.update(data)
    return digest.hexdigest()


def code_digest() -> str:
    """The hash of the extract package's code."""
    return tree_digest(_PACKAGE, frozenset({".py"}))
