"""What a pattern cannot match without: the literal words some of which every match holds.

A rule's pattern is tried over its windows (or its whole scope text); most windows give nothing,
and a pattern that opens with a character class tries every position of them. Yet most patterns
hold words that any match must contain: `venue.event_named_as_a_noun` cannot match where no event
verb stands. `requirements` reads them off the pattern: a list of clauses, each a set of literal
strings, such that every match of the pattern contains, in the text it consumes, one string of
each clause. A window in which some clause has no string wholly inside it holds no match, and the
pattern is not run there: the matches found are the same, found sooner.

The pattern is parsed by the standard library's parser (`re._parser`), after `regex`'s property
classes (`\\p{Han}`) are put as `\\d` (any class does: a class yields no literal). Whatever the
parser refuses, or any construct not handled here, gives no clause at all: the rule is then run
everywhere, as before. What a lookaround holds is not consumed, so it yields nothing; a part that
may be absent (`?`, `*`, `{0,n}`) yields nothing either.

Parsing the rule set's patterns takes a fifth of a second, so the clauses are kept in the user's
cache folder (extract/rules_engine/prefilter.py), keyed by the pattern and by this file's code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import regex

_MAX_STRINGS = 256  # past this many alternatives a part is no longer spelled out
_MAX_CLAUSES = 3  # clauses checked per window: the most selective
_MAX_LOOKUPS = 12  # strings in a clause checked (each looked up in the text)
# `regex` syntax the standard parser would read otherwise: property classes become a class;
# duplicate or any group names are dropped (names do not change what a pattern consumes).
_PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])")
_NAMED = re.compile(r"(?<!\\)((?:\\\\)*)\(\?P<\w+>")
# Fuzzy matching (`{e<=1}`), named lists, back-references by name, \K: left to `regex` alone.
_UNHANDLED = re.compile(r"\{\s*[eisd]\s*[<=]|\\[LKXGmM]|\(\?P=|\(\?[|&(]|\(\?R|\(\?\d")

# Flags under which a literal of the pattern need not stand as written in the text (or is read
# otherwise): no requirement is read off such a pattern.
_CHANGES_MATCHING = (
    regex.IGNORECASE | regex.VERBOSE | regex.V1 | regex.REVERSE | regex.BESTMATCH | regex.ENHANCEMATCH
)

Strings = frozenset[str]


class _Bail(Exception):
    """A construct the analysis does not handle: the pattern gets no requirement."""


@dataclass(frozen=True)
class _Info:
    strings: Strings | None  # every string the part can consume is one of these (None: unknown)
    clauses: tuple[Strings, ...]  # each consumed text holds a string of each clause


_EMPTY = _Info(frozenset({""}), ())
_UNKNOWN = _Info(None, ())


def requirements(source: str, flags: int = 0) -> tuple[Strings, ...]:
    """The clauses every match of the pattern `source` satisfies, the most selective first (none
    when the pattern is not understood, or holds no literal it cannot do without)."""
    import re._parser as parser  # type: ignore[import-not-found]  # the standard library's own

    if flags & _CHANGES_MATCHING or _UNHANDLED.search(source):
        return ()
    plain = _NAMED.sub(r"\1(?:", _PROPERTY.sub(r"\1\\d", source))
    try:
        tree = parser.parse(plain, 0)
        if tree.state.flags & (re.IGNORECASE | re.VERBOSE):
            return ()
        info = _sequence(tree)
    except (_Bail, re.error, RecursionError, ValueError, TypeError):
        return ()
    clauses = set(info.clauses)
    if info.strings is not None and "" not in info.strings:
        clauses.add(info.strings)
    small = {_small(c) for c in clauses} - {None}
    return tuple(sorted(small, key=_rank)[:_MAX_CLAUSES])  # type: ignore[arg-type]


def _small(clause: Strings) -> Strings | None:
    """The clause with few enough strings to look each up: as it is, or each string cut to its
    first or last characters (a string's piece stands wherever it does); None when no cut is
    small enough."""
    cuts = [clause]
    for k in (3, 2, 1):
        cuts.append(frozenset(s[:k] for s in clause))
        cuts.append(frozenset(s[-k:] for s in clause))
    fitting = [c for c in cuts if len(c) <= _MAX_LOOKUPS]
    return min(fitting, key=_rank) if fitting else None


def _rank(clause: Strings) -> tuple[int, int, list[str]]:
    """Longer shortest strings first (rarer in text), then fewer of them."""
    return (-min(len(s) for s in clause), len(clause), sorted(clause))


def _product(a: Strings, b: Strings) -> Strings | None:
    if len(a) * len(b) > _MAX_STRINGS:
        return None
    return frozenset(x + y for x in a for y in b)


def _clause(strings: Strings) -> tuple[Strings, ...]:
    return () if "" in strings or not strings else (strings,)


def _sequence(items: list[tuple[object, object]]) -> _Info:
    clauses: list[Strings] = []
    run: Strings = frozenset({""})
    whole: bool = True  # every item's strings are known
    for op, av in items:
        item = _item(op, av)
        clauses.extend(item.clauses)
        if item.strings is None:
            clauses.extend(_clause(run))
            run, whole = frozenset({""}), False
            continue
        joined = _product(run, item.strings)
        if joined is None:
            clauses.extend(_clause(run))
            run, whole = item.strings, False
        else:
            run = joined
    clauses.extend(_clause(run))
    return _Info(run if whole else None, tuple(clauses))


def _best(info: _Info) -> Strings | None:
    options = list(info.clauses) + list(_clause(info.strings) if info.strings is not None else ())
    return min(options, key=_rank) if options else None


def _item(op: Any, av: Any) -> _Info:  # one branch per kind of node of the parsed pattern
    from re import _constants as c  # type: ignore[attr-defined]

    if op is c.LITERAL:
        return _Info(frozenset({chr(av)}), ())
    if op in (c.NOT_LITERAL, c.ANY, c.CATEGORY, c.GROUPREF, c.GROUPREF_EXISTS):
        return _UNKNOWN
    if op is c.IN:
        if any(kind is not c.LITERAL for kind, _ in av):
            return _UNKNOWN  # a range, a negation, a category: not spelled out
        return _Info(frozenset(chr(value) for _, value in av), ())
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _EMPTY  # consumes nothing
    if op is c.SUBPATTERN:
        if av[1] & (re.IGNORECASE | re.VERBOSE):
            raise _Bail
        return _sequence(av[3])
    if op is c.ATOMIC_GROUP:
        return _sequence(av)
    if op is c.BRANCH:
        return _branch([_sequence(b) for b in av[1]])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return _repeat(av[0], av[1], _sequence(av[2]))
    raise _Bail


def _branch(branches: list[_Info]) -> _Info:
    """Alternatives: the union of their strings, or one string of the best clause of each."""
    if all(b.strings is not None for b in branches):
        strings = frozenset().union(*(b.strings or () for b in branches))
        if len(strings) <= _MAX_STRINGS:
            return _Info(strings, ())
    best = [_best(b) for b in branches]
    if any(x is None for x in best):
        return _UNKNOWN
    return _Info(None, (frozenset().union(*(x or () for x in best)),))


def _repeat(low: int, high: int, inner: _Info) -> _Info:
    """A part repeated `low` to `high` times: what one repetition needs, where there is one."""
    if low == 0:
        if high == 1 and inner.strings is not None:
            return _Info(inner.strings | {""}, ())
        return _UNKNOWN
    clauses = inner.clauses + (_clause(inner.strings) if inner.strings is not None else ())
    strings = inner.strings if low == high else None
    for _ in range(low - 1):
        if strings is None or inner.strings is None:
            break
        strings = _product(strings, inner.strings)
    return _Info(strings, clauses)
