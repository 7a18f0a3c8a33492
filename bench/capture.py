"""Recording proxies for `bench/bench.py --floor` (bench/floor.py), and the child process that runs
the pipeline with them: `python bench/capture.py --mb N --out FILE --records DIR`.

They go in at the few places the project reaches compiled code: the C modules behind `regex` and
`re` (`regex._main._regex`, `re._compiler._sre`), whose `compile` every pattern comes from
(`regex.compile`, `re.compile`, the cache folder's patterns, module-level `re.search`), so that
each pattern object is a proxy recording its calls; jieba-rs and OpenCC (`_tagger`, `_t2s`); the
JSON encoders, hash and pydantic models of a record. Only this child loads them: a normal run, and
the process that replays, pays nothing.
"""

from __future__ import annotations

import argparse
import collections
import pickle
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

PATTERN_METHODS = ("search", "match", "fullmatch", "findall", "sub", "subn", "split")
ITERATING = ("finditer", "splititer")
# Frames of these modules stand between a pattern and the line that asked for it.
_PLUMBING = {"re", "regex._main", "regex.regex", "regex", __name__}


class _Recorder:
    """Calls made while `on`: (target, method, args, kwargs, consumed, site), where target is a
    pattern's index or the name of a library, and consumed the number of items drawn from an
    iterator (-1: drawn to its end; None: no iterator)."""

    def __init__(self) -> None:
        self.on = False
        self.patterns: list[tuple[str, tuple[Any, ...]]] = []  # (engine, its C compile's arguments)
        self.calls: list[list[Any]] = []
        self.sites: dict[str, int] = {}
        self.unsupported: collections.Counter[str] = collections.Counter()

    def site(self) -> int:
        f = sys._getframe(2)
        while f.f_back is not None and f.f_globals.get("__name__") in _PLUMBING:
            f = f.f_back
        name = f"{f.f_globals.get('__name__')}:{f.f_code.co_name}"
        return self.sites.setdefault(name, len(self.sites))

    def add(self, target: int | str, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[Any]:
        call = [target, method, args, kwargs, None, self.site()]
        self.calls.append(call)
        return call


REC = _Recorder()


class _Drawn:
    """An iterator that counts what the pipeline draws from it, into its call's record."""

    def __init__(self, it: Iterator[Any], call: list[Any]) -> None:
        self.it, self.call = it, call
        call[4] = 0

    def __iter__(self) -> _Drawn:
        return self

    def __next__(self) -> Any:
        try:
            item = next(self.it)
        except StopIteration:
            self.call[4] = -1
            raise
        self.call[4] += 1
        return item


class PatternProxy:
    """A compiled pattern that records its calls; to `isinstance`, hashing and equality it is the
    pattern itself (the engine keys caches by pattern and asks `isinstance(anchor, regex.Pattern)`)."""

    __slots__ = ("_p", "_i")

    def __init__(self, pattern: Any, index: int) -> None:
        self._p, self._i = pattern, index

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # noqa: F811
        return type(self._p)

    def __getattr__(self, name: str) -> Any:
        if name == "scanner":
            REC.unsupported["scanner"] += 1
        return getattr(self._p, name)

    def __hash__(self) -> int:
        return hash(self._p)

    def __eq__(self, other: object) -> bool:
        return self._p == (other._p if isinstance(other, PatternProxy) else other)

    def __reduce__(self) -> Any:
        return self._p.__reduce__()

    def __repr__(self) -> str:
        return repr(self._p)


def _pattern_method(name: str) -> Callable[..., Any]:
    def call(self: PatternProxy, *args: Any, **kwargs: Any) -> Any:
        if REC.on:
            if args and callable(args[0]) and name in ("sub", "subn"):
                # The function is the pipeline's Python, and pickles by no name: replayed with
                # `methodcaller("group")` in its place (`sub_fn`).
                REC.add(self._i, f"{name}_fn", args[1:], kwargs)
            else:
                REC.add(self._i, name, args, kwargs)
        return getattr(self._p, name)(*args, **kwargs)

    return call


def _iterating_method(name: str) -> Callable[..., Any]:
    def call(self: PatternProxy, *args: Any, **kwargs: Any) -> Any:
        it = getattr(self._p, name)(*args, **kwargs)
        return _Drawn(it, REC.add(self._i, name, args, kwargs)) if REC.on else it

    return call


for _name in PATTERN_METHODS:
    setattr(PatternProxy, _name, _pattern_method(_name))
for _name in ITERATING:
    setattr(PatternProxy, _name, _iterating_method(_name))


def _plain(value: Any) -> Any:
    """`value` with its numbers as plain `int`: `re`'s opcodes and flags are int subclasses that
    pickle by a name (combined flags have none)."""
    if isinstance(value, int):
        return int(value)
    if isinstance(value, list | tuple):
        return type(value)(_plain(v) for v in value)
    return value


class _CModule:
    """Stands in for `_regex` or `_sre`: every pattern compiled through it comes back as a proxy."""

    def __init__(self, real: Any, engine: str) -> None:
        self.real, self.engine = real, engine

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def compile(self, *args: Any) -> PatternProxy:
        REC.patterns.append((self.engine, tuple(_plain(a) for a in args)))
        return PatternProxy(self.real.compile(*args), len(REC.patterns) - 1)


class _Methods:
    """A library object whose named methods record their calls under `kind`."""

    def __init__(self, real: Any, kind: str, methods: tuple[str, ...]) -> None:
        self._real, self._kind, self._methods = real, kind, methods

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._real, name)
        if name not in self._methods:
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            if REC.on:
                REC.add(self._kind, name, args, kwargs)
            return attr(*args, **kwargs)

        return call


def install() -> None:
    """Put the recording proxies in, before anything of `extract` is imported."""
    import re

    import regex._main

    regex._main._regex = _CModule(regex._main._regex, "regex")  # type: ignore[attr-defined]
    re._compiler._sre = _CModule(re._compiler._sre, "re")  # type: ignore[attr-defined]
    regex.purge()
    re.purge()

    from extract.output import jsontext, record
    from extract.text import normalise, segment

    tagger = _Methods(segment._tagger(), "rjieba", ("tag", "cut", "has_word", "suggest_freq"))
    t2s = _Methods(normalise._t2s(), "opencc", ("convert",))
    segment._tagger = lambda: tagger  # type: ignore[assignment]
    normalise._t2s = lambda: t2s  # type: ignore[assignment]
    jsontext.pydantic_core = _Methods(jsontext.pydantic_core, "pydantic_core", ("to_json",))  # type: ignore[assignment]
    jsontext.json = _Methods(jsontext.json, "json", ("dumps",))  # type: ignore[assignment]
    jsontext.hashlib = _Methods(jsontext.hashlib, "hashlib", ("sha256",))  # type: ignore[assignment]

    # A record's models: pydantic-core validates each as made and serialises the record.
    for model in (record.Evidence, record.Attendee, record.Station, record.SignedProject, record.Record):
        kind = f"pydantic:{model.__name__}"
        model.__pydantic_validator__ = _Methods(model.__pydantic_validator__, kind, ("validate_python",))  # type: ignore[assignment]
        model.__pydantic_serializer__ = _Methods(model.__pydantic_serializer__, kind, ("to_python",))  # type: ignore[assignment]


def capture(megabytes: float, out: Path, records: Path) -> None:
    """Record the compiled calls of one pipeline pass over bench's corpus (after the same warm-up)
    into `out`, and its records into the folder `records`."""
    install()
    import bench

    articles = bench.corpus(megabytes)
    records.mkdir(parents=True, exist_ok=True)
    bench.pipeline_pass(articles[:20], records)  # warm up as bench does
    REC.on = True
    bench.pipeline_pass(articles, records)
    REC.on = False
    with out.open("wb") as f:
        pickle.dump(
            {
                "patterns": REC.patterns,
                "calls": REC.calls,
                "sites": sorted(REC.sites, key=REC.sites.__getitem__),
                "unsupported": dict(REC.unsupported),
            },
            f,
            protocol=pickle.HIGHEST_PROTOCOL,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--records", type=Path, required=True)
    a = ap.parse_args()
    capture(a.mb, a.out, a.records)


if __name__ == "__main__":
    main()
