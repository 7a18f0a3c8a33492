"""A rule pattern's twin in the standard library's `re`, where the two engines read it alike.

Rule patterns are `regex` patterns (\\p{Han}, lookbehind of varying width, a group name used twice),
but `regex` runs 1.5 to 2 times slower than `re` on a pattern both take. A pattern's twin is the
same pattern with the class escapes the two engines read apart (`\\s` takes U+001C-U+001F in `re`,
`\\d` more digits in `regex`; `re` has no `\\p{...}`) written out as the character ranges `regex`
gives them. A pattern that uses anything else the engines might read otherwise (`\\w`, `\\b`, inline
flags, case folding, a brace that is no counted repeat, a set inside a set) has no twin, and neither
has one whose groups come out otherwise. The engine runs a twin only where the budget's timer
watches the work (`re` has no time limit of its own; its matching stops at the timer's signal);
`tests/test_twin.py` runs every twin beside its pattern over the sample, dev and wild articles.

Writing the classes out and compiling twins costs more than a second for the rule set, so each
pattern's twin (or that it has none) is kept in the cache folder, keyed by the pattern, the Python
version and this module's code, and what `re` compiles a twin to is kept beside it
(extract/rules_engine/re_compiled.py).
"""

from __future__ import annotations

import hashlib
import re
import sys
import threading
import warnings
from functools import cache
from pathlib import Path

import regex

from extract.rules_engine.cache_folder import Entries
from extract.rules_engine.re_compiled import compile_re

# Each entry is the twin's source (None: the pattern has none); what `re` compiles it to is kept by
# extract/rules_engine/re_compiled.py.
CACHE_FILE = "twin-sources.json"
_MAX_ENTRIES = 4000  # past this the file starts afresh with what this process compiled
_PLAIN = regex.compile("x", regex.MULTILINE).flags  # the flags every rule pattern is compiled with
_CLASSES = "sSdD"  # escapes written out as ranges (with \p{...} and \P{...})
_LETTERS = "ntr"  # \n, \t, \r
_REPEAT = re.compile(r"\{(?:\d+|\d+,\d*|,\d+)\}")
_CODE_POINT = re.compile(r"u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}")
_GROUP_OPENERS = ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?P<", "(?P=", "(?>")


def _version() -> str:
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return f"regex {regex.__version__} python {sys.version_info[0]}.{sys.version_info[1]} code {code}"


_VERSION = _version()
CACHE = Entries(CACHE_FILE, _VERSION, _MAX_ENTRIES)
_lock = threading.Lock()


@cache
def class_ranges(escape: str) -> str:
    """The characters `regex` takes for `escape` (`\\p{Han}`, `\\s` ...), as ranges for a set."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))  # a character's offset is its code point
    return "".join(_range(m.start(), m.end() - 1) for m in regex.finditer(f"(?:{escape})+", every))


def _range(first: int, last: int) -> str:
    return f"\\U{first:08x}" if first == last else f"\\U{first:08x}-\\U{last:08x}"


def translate(source: str) -> str | None:
    """`source` with its class escapes written out for `re`, or None where the pattern uses anything
    the two engines might read apart."""
    out: list[str] = []
    i, n, in_set = 0, len(source), False
    while i < n:
        c = source[i]
        if c == "\\":
            if i + 1 >= n:
                return None
            e = source[i + 1]
            if e in "pP" and source.startswith("{", i + 2) and "}" in source[i + 3 :]:
                stop = source.index("}", i) + 1
                escape, i = source[i:stop], stop
            elif e in _CLASSES:
                escape, i = source[i : i + 2], i + 2
            elif not (e.isascii() and e.isalnum()) or e in _LETTERS:  # a character standing for itself
                out.append(source[i : i + 2])
                i += 2
                continue
            elif (m := _CODE_POINT.match(source, i + 1)) is not None:
                out.append(source[i : m.end()])
                i = m.end()
                continue
            else:
                return None
            ranges = class_ranges(escape)
            out.append(ranges if in_set else f"[{ranges}]")
            continue
        if in_set:
            if c == "[" or source.startswith(("&&", "||", "--", "~~"), i):
                return None
            in_set = c != "]"
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_set = True
            start = i + 1 + (source.startswith("^", i + 1))
            if source.startswith("]", start):
                start += 1
            out.append(source[i:start])
            i = start
            continue
        if c == "(" and source.startswith("(?", i) and not source.startswith(_GROUP_OPENERS, i):
            return None  # inline flags, comments, conditionals, branch resets ...
        if c == "{":
            m = _REPEAT.match(source, i)
            if m is None:
                return None  # a brace `regex` may read as fuzzy matching, `re` as a letter
            out.append(m.group())
            i = m.end()
            continue
        out.append(c)
        i += 1
    return "".join(out) if not in_set else None


def twin_of(pattern: regex.Pattern[str]) -> re.Pattern[str] | None:
    """The `re` twin of a rule pattern compiled with MULTILINE, or None where it has none."""
    if pattern.flags != _PLAIN:
        return None
    key = _key(pattern.pattern)
    entry = CACHE.get(key)
    known = entry is not None and len(entry) == 1 and isinstance(entry[0], str | None)
    source = entry[0] if entry is not None and known else translate(pattern.pattern)
    twin = _compile(source) if source is not None else None
    if twin is not None and (
        twin.groups != pattern.groups or dict(twin.groupindex) != dict(pattern.groupindex)
    ):
        twin = None
    if not known or (twin is None and source is not None):
        CACHE.put(key, [None if twin is None else source])
    return twin


def _compile(source: str) -> re.Pattern[str] | None:
    """`re`'s compilation of `source` (extract/rules_engine/re_compiled.py), or None for a pattern
    `re` refuses or warns about."""
    with _lock, warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            return compile_re(source, re.MULTILINE)
        except (re.error, FutureWarning, DeprecationWarning, RecursionError, OverflowError):
            return None


def _key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def save() -> None:
    """Add the twins this process compiled to the cache file."""
    CACHE.save()
