"""Patterns of the standard library's `re` compiled once, kept between runs in the user's cache folder.

The rule set hands `re` some 450 patterns: the rules' twins (extract/rules_engine/twin.py), their
anchors and the searches of their prefilters. `re` compiles in Python, 0.1 to 0.2 s for them all
at every start; what it hands its C engine in the end is plain data (the code, a list of whole
numbers, and the groups), which is kept here as `regex`'s is (extract/rules_engine/compiled.py):
in `re-patterns.json`, keyed by the pattern, its flags and the Python version, each entry with a
checksum. A pattern found there is built by the C engine at once; one that does not build, or
whose groups come out otherwise, is compiled afresh.
"""

from __future__ import annotations

import hashlib
import re
import sys
import threading
from typing import Any

from extract.rules_engine.cache_folder import CODE_FORMAT, Entries, pack_code, unpack_code
from extract.rules_engine.compiled import Capture

CACHE_FILE = "re-patterns.json"
_MAX_ENTRIES = 4000  # past this the file starts afresh with what this process compiled
_VERSION = f"python {sys.version_info[0]}.{sys.version_info[1]} {CODE_FORMAT}"

CACHE = Entries(CACHE_FILE, _VERSION, _MAX_ENTRIES)
_lock = threading.Lock()
_compiler: Any = re._compiler  # type: ignore[attr-defined]  # where `re.compile` ends


def _key(source: str, flags: int) -> str:
    text = f"{int(flags)}\0{source}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def compile_re(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, from the cache when it holds the pattern; re.error (and any
    warning `re` gives, as it gives it) where `re` refuses it."""
    key = _key(source, flags)
    entry = CACHE.get(key)
    if entry is not None:
        built = _build(source, entry)
        if built is not None:
            return built
    pattern, args = _capture(source, flags)
    if args is not None:
        CACHE.put(key, args)
    return pattern


def _capture(source: str, flags: int) -> tuple[re.Pattern[str], list[Any] | None]:
    """`re`'s compilation of `source`, and the arguments it handed its C engine as an entry (None
    where they cannot be kept)."""
    capture = Capture(_compiler._sre)
    with _lock:
        _compiler._sre = capture
        try:
            pattern: re.Pattern[str] = _compiler.compile(source, flags)
        finally:
            _compiler._sre = capture.real
    args = capture.calls.get(source)
    if args is None or len(args) != 6:
        return pattern, None
    _, c_flags, code, groups, groupindex, indexgroup = args
    packed = pack_code(code)
    if packed is None:
        return pattern, None
    return pattern, [int(c_flags), packed, int(groups), dict(groupindex), list(indexgroup)]


def _build(source: str, entry: list[Any]) -> re.Pattern[str] | None:
    """The pattern an entry holds; None where it does not build (a damaged or foreign entry)."""
    try:
        c_flags, packed, groups, groupindex, indexgroup = entry
        pattern: re.Pattern[str] = _compiler._sre.compile(
            source, c_flags, unpack_code(packed), groups, groupindex, tuple(indexgroup)
        )
    except Exception:
        return None
    if pattern.groups != groups or dict(pattern.groupindex) != groupindex:
        return None
    return pattern


def save() -> None:
    """Add the patterns this process compiled to the cache file."""
    CACHE.save()
