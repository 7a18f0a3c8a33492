"""Rule patterns compiled once per version of `regex`, kept between runs in the user's cache folder.

`regex` parses and compiles a pattern in Python: for the rule set, 0.2 to 0.7 s of every start.
What it hands its C engine in the end is plain data: the pattern's code as a list of integers, its
group names and its required string. That data is kept in `$XDG_CACHE_HOME/extract/` (by default
`~/.cache/extract`, the code packed as text), keyed by the pattern's text, its flags and the
versions of `regex` and Python; a pattern found there is built by the C engine at once (the rule
set in about 0.01 s). Anything unexpected (no cache, an unreadable or foreign file, an entry that
does not build) costs only the compilation, and a built pattern is the one `regex.compile` gives:
same text, flags and groups.

This reads into `regex`'s own module (`regex._main`, where `regex.compile` ends): a new version of
`regex` has another key, and is compiled afresh.
"""

from __future__ import annotations

import hashlib
import sys
import threading
from typing import Any

import regex
import regex._main as _main  # the module whose `_regex.compile` makes the C pattern object

from extract.rules_engine.cache_folder import CODE_FORMAT, Entries, pack_code, unpack_code

# The code of an entry is packed (extract/rules_engine/cache_folder.py): a file of another name than
# that of the JSON lists before, which processes of older code go on reading and writing.
CACHE_FILE = "regex-patterns.json"
_MAX_ENTRIES = 4000  # past this the file starts afresh with what this process compiled
_VERSION = f"regex {regex.__version__} python {sys.version_info[0]}.{sys.version_info[1]} {CODE_FORMAT}"

CACHE = Entries(CACHE_FILE, _VERSION, _MAX_ENTRIES)
_lock = threading.Lock()
# Patterns this process has built, by key: one object for one pattern, as `regex`'s own cache gives
# (rules sharing an anchor share its hits, extract/rules_engine/engine.py).
_built: dict[str, regex.Pattern[str]] = {}


def _key(source: str, flags: int) -> str:
    text = f"{_VERSION}\0{int(regex.DEFAULT_VERSION)}\0{int(flags)}\0{source}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class Capture:
    """Stands in for a C module while a pattern compiles, to keep what its `compile` is handed (by
    the pattern's text): `regex`'s here, `re`'s in extract/rules_engine/re_compiled.py."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls: dict[str, tuple[Any, ...]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def compile(self, *args: Any) -> Any:
        self.calls[args[0]] = args
        return self.real.compile(*args)


def _entry(args: tuple[Any, ...]) -> list[Any] | None:
    """The JSON form of the arguments of `_regex.compile`, or None for a pattern it cannot hold."""
    _, flags, code, group_index, index_group, named_lists, named_list_indexes, *rest = args
    req_offset, req_chars, req_flags, group_count = rest
    packed = pack_code(code)
    if named_lists or named_list_indexes or packed is None:
        return None
    return [
        int(flags),
        packed,
        dict(group_index),
        sorted(index_group.items()),
        req_offset,
        None if req_chars is None else list(req_chars),
        req_flags,
        group_count,
    ]


def _build(source: str, entry: list[Any]) -> regex.Pattern[str]:
    flags, code, group_index, index_group, req_offset, req_chars, req_flags, group_count = entry[:8]
    pattern: regex.Pattern[str] = _main._regex.compile(
        source,
        flags,
        unpack_code(code),
        group_index,
        {int(i): name for i, name in index_group},
        {},
        [],
        req_offset,
        None if req_chars is None else tuple(req_chars),
        req_flags,
        group_count,
    )
    return pattern


def compile_pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(source, flags)`, from the cache when it holds the pattern."""
    key = _key(source, flags)
    with _lock:
        if key in _built:
            return _built[key]
    # An entry's checksum (extract/rules_engine/cache_folder.py) keeps a damaged one from the C
    # engine, which would take any code and match otherwise.
    entry = CACHE.get(key)
    if entry is not None and len(entry) == 8:
        try:
            built = _build(source, entry)
            if built.pattern == source and built.groups == entry[7]:
                with _lock:
                    return _built.setdefault(key, built)
        except Exception:  # a damaged entry: compile as if there were none
            pass
    with _lock:
        capture = Capture(_main._regex)
        _main._regex = capture
        try:
            pattern = regex.compile(source, flags, cache_pattern=False)
        finally:
            _main._regex = capture.real
        args = capture.calls.get(source)
        entry = _entry(args) if args is not None else None
        if entry is not None:
            CACHE.put(key, entry)
        return _built.setdefault(key, pattern)


def save() -> None:
    """Add the patterns this process compiled to the cache file."""
    CACHE.save()
