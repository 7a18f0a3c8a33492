"""The speed floor: what the pipeline's compiled calls cost alone, as if every line of Python around
them were free (`bench/bench.py --floor`).

A child process (bench/capture.py) runs the pipeline over the bench corpus with recording proxies
and keeps each compiled call with its arguments, the patterns' compiled code and the records it
wrote. This process, which never loads a proxy, rebuilds the patterns from that code and replays
exactly those calls, timed kind by kind, against its own pipeline and bare `jieba.lcut` over the
same text; it checks the capture against cProfile's count of the same calls and the records
against its own.

What it leaves out, and counts as Python: the methods of a match (`span`, `regs`, `group`) and of
`str` (`find`, `in`, `join`, slicing, `encode`), `bytes.decode` of the input (the corpus is in
memory, as in bench's stage timings), dict and set look-ups. A `sub` with a function replays with
`methodcaller("group")` in its place (`sub_fn`).
"""

from __future__ import annotations

import collections
import cProfile
import itertools
import os
import pickle
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from operator import methodcaller
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def kind_of(target: int | str, method: str, patterns: list[tuple[str, Any]]) -> str:
    """The kind a call is reported under: the pattern's engine, or the library."""
    if isinstance(target, int):
        return patterns[target][0]
    return {"pydantic_core": "json", "hashlib": "hash"}.get(target, target.split(":")[0])


def _replayable(
    captured: dict[str, Any],
) -> list[tuple[str, str, Callable[..., Any], tuple, dict, int | None]]:
    """(kind, site, function, args, kwargs, consumed) for every captured call, bound to objects of
    this process: patterns built from the compiled code the child's C module was given."""
    import hashlib
    import json
    import re

    import pydantic_core
    import regex._main

    from extract.output import record
    from extract.text import normalise, segment

    build = {"regex": regex._main._regex.compile, "re": re._compiler._sre.compile}  # type: ignore[attr-defined]
    patterns = [build[engine](*args) for engine, args in captured["patterns"]]
    libraries = {
        "rjieba": segment._tagger(),
        "opencc": normalise._t2s(),
        "pydantic_core": pydantic_core,
        "json": json,
        "hashlib": hashlib,
    }
    sites = captured["sites"]
    out = []
    for target, method, args, kwargs, consumed, site in captured["calls"]:
        if isinstance(target, int):
            if method.endswith("_fn"):
                fn, args = getattr(patterns[target], method[: -len("_fn")]), (methodcaller("group"), *args)
            else:
                fn = getattr(patterns[target], method)
        elif target.startswith("pydantic:"):
            model = getattr(record, target.split(":")[1])
            fn = getattr(
                model.__pydantic_validator__
                if method == "validate_python"
                else model.__pydantic_serializer__,
                method,
            )
        else:
            fn = getattr(libraries[target], method)
        out.append((kind_of(target, method, captured["patterns"]), sites[site], fn, args, kwargs, consumed))
    return out


_sink = "".format  # a C function that takes any arguments and does nothing: the loop's own cost


def _replay(calls: list[tuple[Callable[..., Any], tuple, dict, int | None]], dry: bool = False) -> float:
    """CPU seconds of making `calls` (or, `dry`, of the same loop calling a function that does
    nothing)."""
    drain = collections.deque
    islice = itertools.islice
    t = time.process_time()
    if dry:
        for _fn, args, kwargs, _n in calls:
            _sink(*args, **kwargs)
    else:
        for fn, args, kwargs, n in calls:
            r = fn(*args, **kwargs)
            if n is not None:
                drain(r if n < 0 else islice(r, n), 0)
    return time.process_time() - t


def _replay_writes(records: Path, folder: Path) -> float:
    """CPU seconds of writing the captured records again as bench's pass does: a file per record
    (created, written, closed) and a line each in records.jsonl."""
    texts = sorted((p.name, p.read_text(encoding="utf-8")) for p in records.glob("*.json"))
    lines = (records / "records.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    folder.mkdir()
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    t = time.process_time()
    with (folder / "records.jsonl").open("w", encoding="utf-8") as f:
        for (name, text), line in zip(texts, lines, strict=True):
            fd = os.open(folder / name, flags, 0o666)
            os.write(fd, text.encode("utf-8"))
            os.close(fd)
            f.write(line)
    seconds = time.process_time() - t
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()
    return seconds


# cProfile's names of the compiled calls recorded under another name (`kind.method`).
_PROFILED = {
    "<built-in method opencc.clib.opencc_clib.convert>": "opencc.convert",
    "<built-in method pydantic_core._pydantic_core.to_json>": "json.to_json",
    "<built-in method _hashlib.openssl_sha256>": "hash.sha256",
    "<method 'validate_python' of 'pydantic_core._pydantic_core.SchemaValidator' objects>": "pydantic.validate_python",
    "<method 'to_python' of 'pydantic_core._pydantic_core.SchemaSerializer' objects>": "pydantic.to_python",
}
_OWNERS = {"_regex.Pattern": "regex", "re.Pattern": "re", "builtins.Jieba": "rjieba"}


def profiled_counts(articles: list[tuple[str, bytes]], out_dir: Path) -> dict[str, int]:
    """cProfile's count of each compiled call the capture records, over one pipeline pass:
    `kind.method` -> calls."""
    import bench

    out_dir.mkdir()
    prof = cProfile.Profile()
    prof.enable()
    bench.pipeline_pass(articles, out_dir)
    prof.disable()
    counts: dict[str, int] = collections.Counter()
    for (file, _line, name), (_cc, ncalls, *_rest) in pstats.Stats(prof).stats.items():  # type: ignore[attr-defined]
        if name in _PROFILED:
            counts[_PROFILED[name]] += ncalls
        elif name == "dumps" and file.endswith(os.path.join("json", "__init__.py")):
            counts["json.dumps"] += ncalls
        elif (
            name.startswith("<method '") and " of '" in name
        ):  # "<method 'search' of '_regex.Pattern' objects>"
            method, owner = name[len("<method '") :].split("' of '", 1)
            owner = owner.removesuffix("' objects>")
            if owner in _OWNERS:
                counts[f"{_OWNERS[owner]}.{method}"] += ncalls
    return dict(counts)


def identical(a: Path, b: Path) -> tuple[bool, int]:
    """Whether two output folders hold the same files, byte for byte, and how many."""
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False, len(names)
    return all((a / n).read_bytes() == (b / n).read_bytes() for n in names), len(names)


def timed(articles: list[tuple[str, bytes]], runs: int, out_dir: Path) -> dict[str, float]:
    """Median CPU seconds of bare `jieba.lcut` and of a pipeline pass (no stopwatch, as the capture
    runs it) over `articles`, alternated `runs` times after a warm-up; the last pass's records stay
    in `out_dir`."""
    import jieba

    import bench
    from extract.reading.read import decode

    texts = [decode(data, name) for name, data in articles]
    out_dir.mkdir()
    bench.pipeline_pass(articles[:20], out_dir)  # warm up: dictionaries, rules, gazetteer load once
    jieba.lcut(texts[0])
    seconds: dict[str, list[float]] = {"jieba": [], "pipeline": []}
    for _ in range(runs):
        t = time.process_time()
        for text in texts:
            jieba.lcut(text)
        seconds["jieba"].append(time.process_time() - t)
        t = time.process_time()
        bench.pipeline_pass(articles, out_dir)
        seconds["pipeline"].append(time.process_time() - t)
    return {k: statistics.median(v) for k, v in seconds.items()}


def measure(megabytes: float, runs: int, workdir: Path) -> dict[str, Any]:
    """The floor over bench's corpus of `megabytes` MB: CPU of the pipeline and of bare jieba in
    this process, the child's capture replayed `runs` times (medians), checked against a cProfile
    count and the records of this process's last pass."""
    import subprocess

    import bench

    articles = bench.corpus(megabytes)
    pipeline = timed(articles, runs, workdir / "pipeline")
    captured_file, records = workdir / "capture.pickle", workdir / "captured"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "capture.py"),
            "--mb",
            str(megabytes),
            "--out",
            str(captured_file),
            "--records",
            str(records),
        ],
        check=True,
    )
    same, files = identical(workdir / "pipeline", records)
    with captured_file.open("rb") as f:
        captured = pickle.load(f)
    calls = _replayable(captured)
    counts = collections.Counter(
        f"{kind_of(t, m, captured['patterns'])}.{m}" for t, m, *_ in captured["calls"]
    )
    profiled = profiled_counts(articles, workdir / "profiled")

    groups: dict[tuple[str, str], list[Any]] = collections.defaultdict(list)
    for kind, site, fn, args, kwargs, n in calls:
        groups[kind, site].append((fn, args, kwargs, n))
    seconds: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
    dry: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
    writes = []
    for _ in range(runs):
        for key, group in groups.items():
            seconds[key].append(_replay(group))
            dry[key].append(_replay(group, dry=True))
        writes.append(_replay_writes(records, workdir / "writes"))
    by_site = {key: max(0.0, statistics.median(seconds[key]) - statistics.median(dry[key])) for key in groups}
    by_kind: dict[str, dict[str, float]] = {}
    for (kind, _site), group in groups.items():
        k = by_kind.setdefault(kind, {"calls": 0, "seconds": 0.0, "loop_seconds": 0.0})
        k["calls"] += len(group)
        k["seconds"] += by_site[kind, _site]
        k["loop_seconds"] += statistics.median(dry[kind, _site])
    by_kind["write"] = {"calls": files, "seconds": statistics.median(writes), "loop_seconds": 0.0}
    compiled = sum(k["seconds"] for k in by_kind.values())
    return {
        "corpus_mb": megabytes,
        "runs": runs,
        "articles": len(articles),
        "pipeline_cpu_s": pipeline["pipeline"],
        "jieba_cpu_s": pipeline["jieba"],
        "ratio_pipeline_over_jieba": pipeline["jieba"] / pipeline["pipeline"],
        "compiled_cpu_s": compiled,
        "compiled_share": compiled / pipeline["pipeline"],
        "ratio_floor_over_jieba": pipeline["jieba"] / compiled,
        "by_kind": {k: {**v, "share": v["seconds"] / pipeline["pipeline"]} for k, v in by_kind.items()},
        "top_sites": [
            {"kind": kind, "site": site, "calls": len(groups[kind, site]), "seconds": s}
            for (kind, site), s in sorted(by_site.items(), key=lambda kv: -kv[1])[:15]
        ],
        "check": {
            "records_identical": same,
            "record_files": files,
            "recorded": dict(sorted(counts.items())),
            "cprofile": dict(sorted(profiled.items())),
            "unsupported": captured["unsupported"],
            "sites": {f"{kind} {site}": len(group) for (kind, site), group in sorted(groups.items())},
        },
    }


def report(floor: dict[str, Any]) -> None:
    """The floor as a table on stdout."""
    total = floor["pipeline_cpu_s"]
    print(
        f"floor over {floor['corpus_mb']} MB, replays median of {floor['runs']}: pipeline CPU {total:.3f} s, "
        f"bare jieba.lcut {floor['jieba_cpu_s']:.3f} s -> {floor['ratio_pipeline_over_jieba']:.2f}x"
    )
    print(f"{'kind':14} {'calls':>9} {'CPU s':>8} {'share':>6}  (loop cost taken off)")
    for kind, k in sorted(floor["by_kind"].items(), key=lambda kv: -kv[1]["seconds"]):
        print(f"{kind:14} {k['calls']:9d} {k['seconds']:8.3f} {k['share']:6.1%}  ({k['loop_seconds']:.3f})")
    print(
        f"{'compiled':14} {'':9} {floor['compiled_cpu_s']:8.3f} {floor['compiled_share']:6.1%}  "
        f"-> with Python free: {floor['ratio_floor_over_jieba']:.2f}x bare jieba"
    )
    print("costliest call sites:")
    for s in floor["top_sites"][:8]:
        print(f"  {s['kind']:6} {s['site']:58} {s['calls']:8d} {s['seconds']:7.3f} s")
    check = floor["check"]
    print(
        f"records byte-identical with the capture on: {check['records_identical']} ({check['record_files']} files)"
    )
    keys = sorted(set(check["recorded"]) | set(check["cprofile"]))
    print(
        "calls recorded / counted by cProfile: "
        + ", ".join(f"{k} {check['recorded'].get(k, 0)}/{check['cprofile'].get(k, '-')}" for k in keys)
    )
    if check["unsupported"]:
        print(f"not replayed: {check['unsupported']}")
