"""Text a rule's pattern cannot match in, skipped: the words it needs
(extract/rules_engine/required_words.py), looked up before the pattern runs.

Reading them off the rule set's patterns takes a fifth of a second, so they are kept, like compiled
patterns (extract/rules_engine/compiled.py), in the user's cache folder (`prefilters.json`), keyed
by the pattern and by the code of the module that reads them: a change there reads every pattern
afresh. An entry carries a checksum; one that does not match is read afresh too.
"""

from __future__ import annotations

import hashlib
import json
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from extract.rules_engine import required_words
from extract.rules_engine.cache_folder import read_entries, write_entries
from extract.rules_engine.required_words import Strings, requirements

CACHE_FILE = "prefilters.json"
_MAX_ENTRIES = 4000  # past this the file starts afresh with what this process analysed

_lock = threading.Lock()
_entries: dict[str, list[Any]] | None = None  # the file's entries, read on first use
_new: dict[str, list[Any]] = {}  # analysed by this process, not yet saved


def _version() -> str:
    code = Path(required_words.__file__).read_bytes()
    return f"python {sys.version_info[0]}.{sys.version_info[1]} code {hashlib.sha256(code).hexdigest()[:16]}"


_VERSION = _version()


def _key(source: str, flags: int) -> str:
    text = f"{int(flags)}\0{source}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _load() -> dict[str, list[Any]]:
    global _entries
    if _entries is None:
        _entries = read_entries(CACHE_FILE, _VERSION)
    return _entries


def cached_requirements(source: str, flags: int = 0) -> tuple[Strings, ...]:
    """`requirements(source, flags)`, from the cache file when it holds the pattern."""
    key = _key(source, flags)
    with _lock:
        entry = _load().get(key)
    # An entry carries the checksum of its clauses: a damaged one (a flipped bit, an edit) could
    # name a word a match need not hold, and skip text where the pattern matches.
    if isinstance(entry, list) and entry and entry[-1] == _check(key, entry[:-1]):
        return tuple(frozenset(c) for c in entry[:-1])
    found = requirements(source, flags)
    clauses: list[Any] = [sorted(c) for c in found]
    with _lock:
        _new[key] = [*clauses, _check(key, clauses)]
    return found


def _check(key: str, clauses: list[Any]) -> str:
    text = json.dumps([key, clauses], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def save() -> None:
    """Add the patterns this process analysed to the cache file; one that cannot be written only
    costs the analysis next time."""
    global _entries
    with _lock:
        if not _new:
            return
        entries = dict(_load())
        if len(entries) + len(_new) > _MAX_ENTRIES:
            entries = {}
        entries.update(_new)
        if not write_entries(CACHE_FILE, _VERSION, entries):
            return
        _entries = None
        _new.clear()


@lru_cache(maxsize=1024)
def needs(pattern: object) -> tuple[tuple[str, ...], ...]:
    """What a rule's pattern needs: text where no string of one of these clauses stands holds no
    match of the pattern. Nothing for an object that is no `regex` pattern."""
    if not isinstance(pattern, regex.Pattern):
        return ()
    return tuple(tuple(sorted(c)) for c in cached_requirements(pattern.pattern, pattern.flags))


def holds(text: str, clauses: tuple[tuple[str, ...], ...], start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` holds a string of each clause."""
    stop = len(text) if end is None else end
    find = text.find
    for clause in clauses:
        for s in clause:
            if find(s, start, stop) >= 0:
                break
        else:
            return False
    return True
