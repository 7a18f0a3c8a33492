"""`extract run`: failures reported, exit status, unique ids, resume, workers, Dask, start-up."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.output.output import TEMP_DIR
from extract.running.manifest import MANIFEST, tree_digest
from extract.running.runner import RunError, RunSummary, extract_paths
from extract.running.task import FileTask, process_files

from .conftest import ROOT, SEEDS

ARTICLES = sorted((SEEDS / "articles").glob("*.txt"))
GOOD = "6月25日下午，杨浦区四平路街道举行区域化党建联席会议。区委副书记王建国出席会议并讲话。\n"


def folder_bytes(out: Path, *, skip: frozenset[str] = frozenset({MANIFEST})) -> dict[str, bytes]:
    """Every file under `out` (relative name -> bytes), but those named in `skip`."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name not in skip
    }


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["run", *args])
    return result.exit_code, result.output


def small_corpus(folder: Path, count: int) -> Path:
    """`count` short articles with distinct names, cut from the sample articles' paragraphs."""
    paragraphs = [
        p.strip()
        for path in ARTICLES
        for p in path.read_text(encoding="utf-8").split("\n")
        if len(p.strip()) > 20
    ]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        chosen = [paragraphs[(i * 7 + k * 13) % len(paragraphs)][:300] for k in range(3)]
        (folder / f"n{i:04d}.txt").write_text("\n".join(chosen) + "\n", encoding="utf-8")
    return folder


# --- failures and exit status ---------------------------------------------------------------------


def test_every_failure_has_a_line_and_the_run_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "lines.jsonl").write_text(f"{json.dumps({'text': GOOD})}\n{{broken\n", encoding="utf-8")
    code, output = run_cli(str(inputs), "-o", str(tmp_path / "out"), "-w", "1")
    assert code == 1, output
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert [e["path"] for e in errors] == [str(inputs / "empty.txt"), f"{inputs / 'lines.jsonl'}:2"]
    assert all(set(e) >= {"path", "stage", "error", "message"} and e["message"] for e in errors)
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["good.json", "lines_1.json"]
    assert output.splitlines()[0].startswith("2 articles read, 2 records written, 2 failed")


def test_files_skipped_for_their_extension_are_counted_and_listed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    (folder / "sub" / "notes.docx").write_bytes(b"PK")
    (folder / ".hidden.png").write_bytes(b"")
    code, output = run_cli(str(folder), "-o", str(tmp_path / "out"), "--quiet")
    assert code == 0, output
    assert output.startswith("1 articles read, 1 records written, 0 failed, 2 files skipped (not .htm,"), (
        output
    )
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").open(encoding="utf-8")]
    assert [(e["path"], e["stage"]) for e in errors] == [
        (str(folder / "photo.png"), "skipped"),
        (str(folder / "sub" / "notes.docx"), "skipped"),
    ]


def test_exit_status_is_0_when_nothing_failed(tmp_path: Path) -> None:
    code, output = run_cli(str(ARTICLES[0]), "-o", str(tmp_path / "out"))
    assert code == 0, output
    assert (tmp_path / "out" / "errors.jsonl").read_text() == ""


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["no/such/folder"], id="missing input"),
        pytest.param(["--scheduler", "tcp://127.0.0.1:1"], id="scheduler without dask"),
        pytest.param(["--engine", "spark"], id="unknown engine"),
        pytest.param(["--workers", "0"], id="no workers"),
    ],
)
def test_usage_errors_exit_2_before_writing(tmp_path: Path, args: list[str]) -> None:
    inputs = args if args[0] == "no/such/folder" else [str(ARTICLES[0]), *args]
    code, output = run_cli(*inputs, "-o", str(tmp_path / "out"))
    assert code == 2, output
    assert not (tmp_path / "out").exists()


def test_broken_rule_file_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extract.resolve import registry
    from extract.rules_engine.ruleset import RuleError

    def broken() -> None:
        raise RuleError("rules/x.toml:3: rule x.y: {nope} is not defined.")

    monkeypatch.setattr(registry, "default_ruleset", broken)
    code, output = run_cli(str(ARTICLES[0]), "-o", str(tmp_path / "out"))
    assert code == 2
    assert "rules/x.toml:3" in output


def test_regex_timeout_becomes_a_failure_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.rules_engine.engine
    from extract.resolve.registry import default_ruleset

    default_ruleset()  # loaded (its examples run) before the limit is cut, as when run with the rest
    monkeypatch.setattr(extract.rules_engine.engine, "REGEX_TIMEOUT", 1e-6)
    source = tmp_path / "slow.txt"
    source.write_text(GOOD * 400, encoding="utf-8")
    code, _ = run_cli(str(source), "-o", str(tmp_path / "out"), "-w", "1")
    assert code == 1
    (error,) = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert (error["path"], error["stage"], error["error"]) == (str(source), "extract", "RuleTimeout")
    assert (
        "rule " in error["message"] and f"article slow ({len(GOOD) * 400:,} characters)" in error["message"]
    )


def test_a_json_lines_article_that_fails_is_named_by_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extract.running.pipeline

    real = extract.running.pipeline.extract_article

    def fail_on_marker(article: object, ruleset: object) -> object:
        if "爆" in article.raw:  # type: ignore[attr-defined]
            raise RuntimeError("made to fail")
        return real(article, ruleset)  # type: ignore[arg-type]

    monkeypatch.setattr(extract.running.pipeline, "extract_article", fail_on_marker)
    source = tmp_path / "crawl.jsonl"
    lines = [{"id": "first", "text": GOOD}, {"id": "own-id", "text": "爆" + GOOD}, {"text": GOOD}]
    source.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in lines), encoding="utf-8")
    code, _ = run_cli(str(source), "-o", str(tmp_path / "out"), "-w", "1")
    assert code == 1
    (error,) = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert (error["path"], error["doc_id"], error["stage"]) == (f"{source}:2", "own-id", "extract")
    assert len((tmp_path / "out" / "records.jsonl").read_text().splitlines()) == 2


def test_inputs_without_an_article_file_say_so(tmp_path: Path) -> None:
    (tmp_path / "crawl" / "empty").mkdir(parents=True)
    (tmp_path / "crawl" / "page.pdf").write_bytes(b"%PDF-1.4")
    code, output = run_cli(str(tmp_path / "crawl"), "-o", str(tmp_path / "out"))
    assert code == 0
    assert "note: no .htm, .html, .json, .jsonl, .txt file was found in the inputs" in output
    (skipped,) = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert skipped["message"].endswith("rename the file if it holds an article.")
    (tmp_path / "crawl" / "pages.zip").write_bytes(b"PK\x03\x04")
    run_cli(str(tmp_path / "crawl"), "-o", str(tmp_path / "out"))
    lines = (tmp_path / "out" / "errors.jsonl").read_text().splitlines()
    assert "unpack it" in json.loads(lines[-1])["message"]
    (tmp_path / "crawl" / "a.txt").write_text(GOOD, encoding="utf-8")
    code, output = run_cli(str(tmp_path / "crawl"), "-o", str(tmp_path / "out"))
    assert code == 0 and "was found" not in output


def test_input_over_max_bytes_fails_cleanly(tmp_path: Path) -> None:
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text(GOOD * 100, encoding="utf-8")
    small.write_text(GOOD, encoding="utf-8")
    code, _ = run_cli(str(big), str(small), "-o", str(tmp_path / "out"), "--max-bytes", "1000")
    assert code == 1
    (error,) = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert (error["path"], error["error"]) == (str(big), "InputTooLarge")
    assert "--max-bytes" in error["message"]
    assert [p.name for p in (tmp_path / "out").glob("*.json")] == ["small.json"]
    # JSON Lines is read line by line: a line over the limit fails alone (tests/test_jsonl_parts.py).
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(json.dumps({"text": GOOD * 100}) + "\n", encoding="utf-8")
    code, _ = run_cli(str(crawl), "-o", str(tmp_path / "out2"), "--max-bytes", "1000")
    (error,) = [json.loads(line) for line in (tmp_path / "out2" / "errors.jsonl").read_text().splitlines()]
    assert (error["path"], error["error"]) == (f"{crawl}:1", "LineTooLarge")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_given_as_input_is_not_read(tmp_path: Path) -> None:
    code, _ = run_cli("/dev/zero", str(ARTICLES[0]), "-o", str(tmp_path / "out"))
    assert code == 1
    (error,) = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert (error["path"], error["error"]) == ("/dev/zero", "NotAFile")


def test_quiet_prints_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, output = run_cli(str(ARTICLES[0]), str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out"), "-q")
    assert code == 1
    assert len(output.splitlines()) == 1


# --- doc ids ---------------------------------------------------------------------------------------


def test_inputs_sharing_a_stem_get_ids_from_their_paths(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    (inputs / "x").mkdir(parents=True)
    for name in ("a.txt", "a.html", "x/a.txt", "b.txt"):
        text = f"<p>{GOOD}</p>" if name.endswith(".html") else GOOD
        (inputs / name).write_text(text, encoding="utf-8")
    expected = {
        name: f"a_{hashlib.sha1(name.encode()).hexdigest()[:8]}" for name in ("a.txt", "a.html", "x/a.txt")
    }
    expected["b.txt"] = "b"
    for order, out in (([inputs], tmp_path / "o1"), ([inputs / "x", inputs], tmp_path / "o2")):
        summary = extract_paths(order, out)
        ids = {
            Path(r["source"]).relative_to(inputs).as_posix(): r["doc_id"]
            for r in map(json.loads, (out / "records.jsonl").read_text().splitlines())
        }
        assert ids == expected, order
        assert summary.renamed == 3 and summary.shared_stems == 3
        assert "3 input files share a name" in (summary.renames_note() or "")


def test_a_records_source_is_the_input_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = tmp_path / "articles"
    (articles / "x").mkdir(parents=True)
    for name in ("a.txt", "x/a.txt"):
        (articles / name).write_text(GOOD, encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    (articles / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "outside.txt").write_text(GOOD, encoding="utf-8")
    (articles / "link.txt").symlink_to(tmp_path / "outside.txt")  # a link out, not followed
    monkeypatch.chdir(tmp_path)
    for workers in ("1", "2"):  # in this process, and in a pool's workers
        code, output = run_cli("articles", "-o", f"out{workers}", "--workers", workers)
        assert code == 1, output
        out = tmp_path / f"out{workers}"
        records = [json.loads(line) for line in (out / "records.jsonl").open(encoding="utf-8")]
        assert [r["source"] for r in records] == ["articles/a.txt", "articles/x/a.txt"]
        errors = [json.loads(line) for line in (out / "errors.jsonl").open(encoding="utf-8")]
        assert [(e["path"], e["stage"]) for e in errors] == [
            ("articles/empty.txt", "read"),
            ("articles/link.txt", "read"),
            ("articles/photo.png", "skipped"),
        ]
        assert f"articles/a.txt -> {records[0]['doc_id']}" in output
        manifest = [json.loads(line) for line in (out / MANIFEST).open(encoding="utf-8")]
        assert [(e["source"], e["path"]) for e in manifest] == [
            (f"articles/{name}", str(articles / name)) for name in ("a.txt", "empty.txt", "x/a.txt")
        ]


def test_ids_from_inside_files_stay_inside_out(tmp_path: Path) -> None:
    lines = [
        {"id": i, "text": GOOD} for i in ("../../evil", "/tmp/evil", "a\\b", "\x00", "dup", "dup", "DUP")
    ]
    source = tmp_path / "in" / "ids.jsonl"
    source.parent.mkdir()
    source.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    summary = extract_paths([source], out)
    assert summary.written == len(lines)
    written = sorted(p.name for p in out.iterdir() if p.suffix == ".json")
    assert len(written) == len(lines)
    assert all(not name.startswith(".") and "/" not in name for name in written)
    outside = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if out not in p.parents)
    assert outside == ["deep", "deep/out", "in", "in/ids.jsonl"]


# --- resume --------------------------------------------------------------------------------------


def test_resume_skips_unchanged_inputs_and_redoes_changed_ones(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 6)
    out = tmp_path / "out"
    first = extract_paths([inputs], out)
    assert (first.written, first.skipped) == (6, 0)
    changed = inputs / "n0002.txt"
    changed.write_text(GOOD, encoding="utf-8")
    second = extract_paths([inputs], out)
    assert (second.written, second.skipped) == (1, 5)
    fresh = tmp_path / "fresh"
    extract_paths([inputs], fresh)
    assert folder_bytes(out) == folder_bytes(fresh)
    third = extract_paths([inputs], out, resume=False)
    assert (third.written, third.skipped) == (6, 0)
    assert len((out / MANIFEST).read_text().splitlines()) == 6, "the manifest is rewritten, not grown"


def test_resume_keeps_inputs_found_at_another_absolute_path_and_reads_manifests_without_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    small_corpus(tmp_path / "work" / "in", 3)
    monkeypatch.chdir(tmp_path / "work")
    assert extract_paths([Path("in")], Path("out")).written == 3
    # The same folder elsewhere: the inputs as given, and their content, are the same.
    shutil.copytree(tmp_path / "work", tmp_path / "moved")
    monkeypatch.chdir(tmp_path / "moved")
    again = extract_paths([Path("in")], Path("out"))
    assert (again.written, again.skipped) == (0, 3)
    manifest = tmp_path / "moved" / "out" / MANIFEST
    entries = [json.loads(line) for line in manifest.open(encoding="utf-8")]
    assert [e["path"] for e in entries] == [
        str(tmp_path / "moved" / "in" / f"n{i:04d}.txt") for i in range(3)
    ]
    # A manifest of a run before the manifest named absolute paths.
    for entry in entries:
        del entry["path"]
    manifest.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    third = extract_paths([Path("in")], Path("out"))
    assert (third.written, third.skipped) == (0, 3)
    assert [json.loads(line)["path"] for line in manifest.open(encoding="utf-8")] == [
        str(tmp_path / "moved" / "in" / f"n{i:04d}.txt") for i in range(3)
    ]


def test_changed_rules_or_code_redo_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = small_corpus(tmp_path / "in", 3)
    extract_paths([inputs], tmp_path / "out")
    monkeypatch.setattr("extract.running.runner.setup_digest", lambda: "other rules")
    again = extract_paths([inputs], tmp_path / "out")
    assert (again.written, again.skipped) == (3, 0)


def test_rule_digest_covers_paths_and_contents(tmp_path: Path) -> None:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "a.toml").write_text("x = 1\n")
    (tmp_path / "lexicon" / "names.txt").write_text("王\n")
    before = tree_digest(tmp_path)
    (tmp_path / "lexicon" / "names.txt").write_text("李\n")
    edited = tree_digest(tmp_path)
    (tmp_path / "lexicon" / "names.txt").rename(tmp_path / "lexicon" / "other.txt")
    assert len({before, edited, tree_digest(tmp_path)}) == 3


def test_altered_or_missing_records_are_redone(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    extract_paths([inputs], out)
    (out / "n0000.json").unlink()
    (out / "n0001.json").write_text("{}", encoding="utf-8")
    (out / TEMP_DIR).mkdir()
    (out / TEMP_DIR / "n0002.json").write_text("half a rec", encoding="utf-8")  # a killed write
    with (out / MANIFEST).open("a", encoding="utf-8") as f:
        f.write('{"v": 1, "source": "trunc')  # a killed append
    again = extract_paths([inputs], out)
    assert (again.written, again.skipped) == (2, 1)
    fresh = tmp_path / "fresh"
    extract_paths([inputs], fresh)
    assert folder_bytes(out) == folder_bytes(fresh)


def test_records_of_inputs_no_longer_given_are_removed(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    extract_paths([inputs], out)
    (inputs / "n0001.txt").unlink()
    extract_paths([inputs], out)
    assert sorted(p.name for p in out.glob("*.json")) == ["n0000.json", "n0002.json"]


def test_records_jsonl_grows_beside_and_replaces_the_last_one_at_the_end(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 4)
    out = tmp_path / "out"
    extract_paths([inputs], out, resume=False)
    last = (out / "records.jsonl").read_bytes()
    (inputs / "n0003.txt").unlink()
    seen: list[tuple[int, int, bool]] = []

    def check(summary: RunSummary, failures: object) -> None:
        lines = (out / TEMP_DIR / "records.jsonl").read_text().count("\n")
        seen.append((summary.files_done, lines, (out / "records.jsonl").read_bytes() == last))

    extract_paths([inputs], out, check, resume=False)
    assert seen == [(1, 1, True), (2, 2, True), (3, 3, True)]
    assert (out / "records.jsonl").read_text().count("\n") == 3


def test_resume_after_sigkill_matches_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = small_corpus(tmp_path / "in", 300)
    (corpus / "sub").mkdir()
    (corpus / "sub" / "n0001.txt").write_text(GOOD, encoding="utf-8")  # shares a stem
    (corpus / "zz_empty.txt").write_bytes(b"")
    (corpus / "zz_lines.jsonl").write_text(f"{json.dumps({'text': GOOD})}\nnot json\n", encoding="utf-8")
    command = [sys.executable, "-m", "extract", "run", str(corpus), "-q"]

    whole = tmp_path / "whole"
    done = subprocess.run(
        [*command, "-o", str(whole), "-w", "2"], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 1, done.stderr
    total = len(list(whole.glob("*.json")))
    assert total == 302

    resumed = tmp_path / "resumed"
    killed = subprocess.Popen([*command, "-o", str(resumed), "-w", "2"], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while len(list(resumed.glob("*.json"))) < 20 and killed.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    assert killed.wait() == -signal.SIGKILL, "the run ended before it could be killed"
    assert 20 <= len(list(resumed.glob("*.json"))) < total

    again = subprocess.run(
        [*command, "-o", str(resumed), "-w", "1"], capture_output=True, text=True, timeout=600
    )
    assert again.returncode == 1, again.stderr
    skipped = int(again.stdout.split(" unchanged")[0].rsplit(", ", 1)[1].split()[0])
    assert skipped >= 20, again.stdout
    assert folder_bytes(resumed) == folder_bytes(whole)


# --- workers and engines --------------------------------------------------------------------------


def test_pool_output_equals_one_worker(tmp_path: Path) -> None:
    # Two files whose articles claim one id: the second file's records are renamed, so the files
    # their worker staged are replaced, not moved into place.
    clashing = tmp_path / "clashing"
    clashing.mkdir()
    for name in ("x.jsonl", "y.jsonl"):
        (clashing / name).write_text(json.dumps({"id": "same", "text": GOOD}) + "\n", encoding="utf-8")
    inputs = [SEEDS / "articles", ROOT / "tests" / "hostile", clashing]
    one, two = tmp_path / "one", tmp_path / "two"
    extract_paths(inputs, one, workers=1)
    summary = extract_paths(inputs, two, workers=2)
    assert summary.written > 30 and summary.renamed >= 1
    assert folder_bytes(one, skip=frozenset()) == folder_bytes(two, skip=frozenset())
    assert not [p.name for p in two.iterdir() if p.name.startswith(".")]  # no staged file left


def test_one_worker_spawns_no_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert extract_paths(ARTICLES[:2], tmp_path / "out", workers=1).written == 2


def test_one_worker_imports_no_pool_machinery(tmp_path: Path) -> None:
    # multiprocessing and logging cost 15 to 20 ms of every start; a run in one process needs neither.
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from extract.running.runner import extract_paths\n"
        f"assert extract_paths([Path({str(ARTICLES[0])!r})], Path({str(tmp_path / 'out')!r}), workers=1).written == 1\n"
        "print(sorted(m for m in ('concurrent.futures.process', 'multiprocessing', 'logging') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def crash_on_poison(tasks: list[FileTask]) -> list[object]:
    """A chunk function whose worker dies on any file named `poison` (as a crash in C code would)."""
    if any("poison" in task.path for task in tasks):
        os._exit(3)
    return process_files(tasks)  # type: ignore[return-value]


def test_a_dead_worker_costs_only_its_file(tmp_path: Path) -> None:
    from extract.running.parallel import run_pool

    paths = []
    for name in ("a", "b", "poison", "c", "d", "e"):
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_text(GOOD, encoding="utf-8")
    results = list(run_pool([FileTask(str(p)) for p in paths], 2, fn=crash_on_poison))  # type: ignore[arg-type]
    assert [r.path for r in results] == [str(p) for p in paths]
    assert [len(r.records) for r in results] == [1, 1, 0, 1, 1, 1]
    assert results[2].failures[0].error == "WorkerDied"


def test_dask_on_a_cluster_gives_the_local_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")

    inputs = [SEEDS / "articles", ROOT / "tests" / "hostile"]
    extract_paths(inputs, tmp_path / "local")
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
    ) as cluster:
        extract_paths(inputs, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
        assert folder_bytes(tmp_path / "dask") == folder_bytes(tmp_path / "local")
        # Workers whose rules differ from this machine's stop the run.
        monkeypatch.setattr("extract.running.runner.setup_digest", lambda: "rules of another machine")
        with pytest.raises(RunError, match="other rules or another version"):
            extract_paths(inputs, tmp_path / "mixed", engine="dask", scheduler=cluster.scheduler_address)


def test_dask_scheduler_reads_relative_paths_wherever_its_workers_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")

    there, here = tmp_path / "workers", tmp_path / "client"
    there.mkdir()
    small_corpus(here / "articles", 3)
    monkeypatch.chdir(there)  # the workers start in another folder than the client runs in
    with distributed.LocalCluster(
        n_workers=1, processes=True, threads_per_worker=1, dashboard_address=":0"
    ) as cluster:
        monkeypatch.chdir(here)
        code, output = run_cli(
            "articles", "-o", "out", "--engine", "dask", "--scheduler", cluster.scheduler_address
        )
    assert code == 0, output
    assert output.startswith("3 articles read, 3 records written, 0 failed"), output
    # The workers were sent absolute paths, yet the records name the inputs as given.
    sources = [json.loads(line)["source"] for line in (here / "out" / "records.jsonl").open(encoding="utf-8")]
    assert sources == [f"articles/n{i:04d}.txt" for i in range(3)]
    manifest = [json.loads(line) for line in (here / "out" / MANIFEST).open(encoding="utf-8")]
    assert [(e["source"], e["path"]) for e in manifest] == [
        (f"articles/n{i:04d}.txt", str(here / "articles" / f"n{i:04d}.txt")) for i in range(3)
    ]


def test_what_a_worker_is_sent_is_absolute_and_what_it_returns_names_the_input_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from collections.abc import Iterator, Sequence

    from extract.running.task import FileResult, process_file

    small_corpus(tmp_path / "articles", 2)
    (tmp_path / "articles" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    sent: list[FileTask] = []

    def worker_elsewhere(
        tasks: Sequence[FileTask], workers: int, scheduler: str | None
    ) -> Iterator[FileResult]:
        sent.extend(tasks)
        monkeypatch.chdir(tmp_path.parent)  # a worker in another folder finds only an absolute path
        yield from map(process_file, tasks)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("extract.running.parallel.run_dask", worker_elsewhere)
    summary = extract_paths([Path("articles")], out, engine="dask")
    assert (summary.written, summary.failed) == (2, 1)
    names = ("empty.txt", "n0000.txt", "n0001.txt")
    assert [t.path for t in sent] == [str(tmp_path / "articles" / name) for name in names]
    sources = [json.loads(line)["source"] for line in (out / "records.jsonl").open(encoding="utf-8")]
    assert sources == ["articles/n0000.txt", "articles/n0001.txt"]
    errors = [json.loads(line) for line in (out / "errors.jsonl").open(encoding="utf-8")]
    assert [(e["path"], e["error"]) for e in errors] == [("articles/empty.txt", "ReadError")]


def test_a_file_a_dask_worker_cannot_see_says_workers_need_the_same_filesystem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extract.running.parallel import _unseen_by_worker
    from extract.running.task import Failure, FileResult

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # A worker's result names the file as given (relative), from the folder the run is in.
    for here in ("in/a.txt", str(tmp_path / "in" / "a.txt")):
        lost = Failure(here, "read", "FileNotFoundError", "cannot open the file (No such file or directory)")
        result = _unseen_by_worker(FileResult(here, None, "setup", failures=[lost]))
        assert result.failures[0].path == here
        assert "the workers must see the same filesystem" in result.failures[0].message
    gone = Failure("in/gone.txt", "read", "FileNotFoundError", "cannot open the file")
    result = _unseen_by_worker(FileResult("in/gone.txt", None, "setup", failures=[gone]))
    assert result.failures == [gone]  # missing here too: nothing to do with the workers


def test_dask_engine_starts_its_own_cluster(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")

    code, output = run_cli(
        *map(str, ARTICLES[:3]), "-o", str(tmp_path / "out"), "--engine", "dask", "-w", "2"
    )
    assert code == 0, output
    assert len(list((tmp_path / "out").glob("*.json"))) == 3


def test_dask_missing_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(RunError, match=r"pip install '\.\[dask\]'"):
        extract_paths(ARTICLES[:1], tmp_path / "out", engine="dask")


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr("extract.running.parallel.SCHEDULER_TIMEOUT", "1s")
    code, output = run_cli(
        str(ARTICLES[0]), "-o", str(tmp_path / "out"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"
    )
    assert code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in output


# --- start-up ------------------------------------------------------------------------------------


def test_help_loads_no_rules_or_language_tools() -> None:
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from extract.cli import app\n"
        "for args in (['--help'], ['run', '--help']):\n"
        "    assert CliRunner().invoke(app, args).exit_code == 0\n"
        "heavy = ('jieba', 'rjieba', 'opencc', 'regex', 'dask', 'distributed', 'extract.rules_engine.ruleset', 'extract.running.pipeline')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
