"""Text a rule's pattern cannot match in, skipped: the words it needs
(extract/rules_engine/required_words.py), looked up before the pattern runs.

Reading them off the rule set's patterns takes a fifth of a second, so they are kept, like compiled
patterns (extract/rules_engine/compiled.py), in the user's cache folder (`prefilters.json`), keyed
by the pattern and by the code of the module that reads them: a change there reads every pattern
afresh. An entry carries a checksum; one that does not match is read afresh too.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import regex

from extract.rules_engine import required_words
from extract.rules_engine.cache_folder import Entries
from extract.rules_engine.re_compiled import compile_re
from extract.rules_engine.required_words import Strings, requirements

CACHE_FILE = "prefilters.json"
_MAX_ENTRIES = 4000  # past this the file starts afresh with what this process analysed


def _version() -> str:
    code = Path(required_words.__file__).read_bytes()
    return f"python {sys.version_info[0]}.{sys.version_info[1]} code {hashlib.sha256(code).hexdigest()[:16]}"


_VERSION = _version()
CACHE = Entries(CACHE_FILE, _VERSION, _MAX_ENTRIES)


def _key(source: str, flags: int) -> str:
    text = f"{int(flags)}\0{source}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def cached_requirements(source: str, flags: int = 0) -> tuple[Strings, ...]:
    """`requirements(source, flags)`, from the cache file when it holds the pattern. A damaged entry
    (a flipped bit, an edit) could name a word a match need not hold, and skip text where the
    pattern matches: it is analysed afresh."""
    key = _key(source, flags)
    entry = CACHE.get(key)
    if entry is not None:
        return tuple(frozenset(c) for c in entry)
    found = requirements(source, flags)
    CACHE.put(key, [sorted(c) for c in found])
    return found


def save() -> None:
    """Add the patterns this process analysed to the cache file."""
    CACHE.save()


Needs = tuple[re.Pattern[str], ...]  # one search per clause: any of its strings


@lru_cache(maxsize=1024)
def needs(pattern: object) -> Needs:
    """What a rule's pattern needs: text where no string of one of these clauses stands holds no
    match of the pattern. Nothing for an object that is no `regex` pattern."""
    if not isinstance(pattern, regex.Pattern):
        return ()
    return searches(cached_requirements(pattern.pattern, pattern.flags))


def searches(clauses: Iterable[Iterable[str]]) -> Needs:
    """Each clause as one search for any of its strings: `re` looks for them all in one pass over
    the text, where looking for each in turn passed over it once a string (three times faster over
    the rule set, most of whose clauses fail)."""
    return tuple(compile_re("|".join(re.escape(s) for s in sorted(c))) for c in clauses)


def holds(text: str, clauses: Needs, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` holds a string of each clause."""
    stop = len(text) if end is None else end
    for clause in clauses:  # noqa: SIM110 (a loop, not all(): no generator made at every call)
        if clause.search(text, start, stop) is None:
            return False
    return True
