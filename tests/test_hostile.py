"""Hostile input through `extract run`: no crash, no hang, every article a record or a failure line.

The corpus is tests/hostile/ (see build.py there for each file and what it must give) plus inputs
too big to commit or that cannot be committed, made here: a 50 MB file on one line, one of 19 MB
(under the size limit, past the article's budget), a long text of one repeated character, a file of
an unsupported type, a file whose name is not valid UTF-8, a page whose declared charset lies, a
link to a file outside the inputs and a pipe. All of it together takes less than a minute.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from extract.output.record import Record
from extract.reading.read import decode

from .hostile.build import CASES, HERE, ONE, Expect

SAFE_NAME = re.compile(r"^[\w\-][\w.\-]*\.json$")
_SURROGATE = re.compile("[\ud800-\udfff]")


def test_committed_corpus_matches_its_builder() -> None:
    committed = {
        p.relative_to(HERE).as_posix()
        for p in HERE.rglob("*")
        if p.is_file() and p.suffix != ".py" and not p.name.startswith(".") and "__pycache__" not in p.parts
    }
    assert committed == set(CASES), "run python -m tests.hostile.build and commit the result"
    for name, (data, _) in CASES.items():
        assert (HERE / name).read_bytes() == data, f"{name} drifted; run python -m tests.hostile.build"


def test_corpus_has_at_least_twenty_kinds_of_bad_input() -> None:
    kinds = [name for name in CASES if not name.startswith("same_stem/")]
    failing = [name for name, (_, expect) in CASES.items() if expect == ONE or expect[1] > 0]  # type: ignore[operator]
    assert len(kinds) >= 20
    assert len(failing) >= 10


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Expect], str]:
    """Run `extract run` over the corpus and the generated inputs, in a subprocess, with 2 workers."""
    root = tmp_path_factory.mktemp("hostile")
    made = root / "made"
    made.mkdir()
    extra: dict[str, Expect] = {}
    with (made / "huge_one_line.txt").open("wb") as f:
        line = ("区委副书记王建国出席会议" * 1000).encode()
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    extra["huge_one_line.txt"] = (0, 1)
    (made / "repeated_long.txt").write_text("啊" * 200_000, encoding="utf-8")
    extra["repeated_long.txt"] = ONE  # a record, or a rule past its time limit
    # Under --max-bytes, one line of 19 MB: a record, or past the article's time or memory budget.
    with (made / "long_one_line.txt").open("wb") as f:
        f.write(("区委副书记王建国出席会议" * 1000).encode() * (19 * 1024 * 1024 // 36000))
    extra["long_one_line.txt"] = ONE
    # GBK bytes declared as Cyrillic: read as the Chinese they are.
    (made / "lying_charset.html").write_bytes(
        b'<html><head><meta charset="iso-8859-5"></head><body><p>'
        + CASES["gb18030.txt"][0]
        + b"</p></body></html>"
    )
    extra["lying_charset.html"] = (1, 0)
    # A link to a file outside the inputs is not followed; a pipe given by name is not waited on.
    secret = root / "secret.txt"
    secret.write_bytes(CASES["gb18030.txt"][0])
    (made / "link_out.txt").symlink_to(secret)
    extra["link_out.txt"] = (0, 1)
    fifo = root / "pipe.txt"
    os.mkfifo(fifo)
    pdf = root / "scan.pdf"  # given by name: a folder's walk passes over unsupported types
    pdf.write_bytes(b"%PDF-1.4\n")
    odd_name = os.fsdecode(b"bad\xffname.txt")
    (made / odd_name).write_text(CASES["gb18030.txt"][0].decode("gb18030"), encoding="utf-8")
    extra[odd_name] = (1, 0)
    out = root / "out"
    before = sorted(p for p in root.rglob("*"))
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "extract", "run", str(HERE), str(made), str(pdf), str(fifo)]
        + ["-o", str(out), "-w", "2"],
        capture_output=True,
        timeout=600,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    elapsed = time.monotonic() - started
    after = sorted(p for p in root.rglob("*") if out not in p.parents and p != out)
    assert after == before, "something was written outside OUT"
    expect = {str(HERE / name): e for name, (_, e) in CASES.items()}
    # Output has U+FFFD where a name holds an undecodable byte (a lone surrogate in Python).
    expect.update({_SURROGATE.sub("\ufffd", str(made / name)): e for name, e in extra.items()})
    expect[str(pdf)] = (0, 1)
    expect[str(fifo)] = (0, 1)
    assert elapsed < 60, f"the run over every hostile input took {elapsed:.0f}s"
    return out, made, expect, f"{done.returncode}\n{done.stderr.decode('utf-8', 'replace')}"


def _source(path: str) -> str:
    """The file an errors.jsonl path names (`file:line` -> `file`)."""
    head, _, tail = path.rpartition(":")
    return head if head and tail.isdigit() else path


def test_exit_status_1_and_no_traceback(hostile_run: tuple[Path, Path, dict[str, Expect], str]) -> None:
    _, _, _, status = hostile_run
    code, stderr = status.split("\n", 1)
    assert code == "1", stderr
    assert "Traceback" not in stderr


def test_every_article_has_a_record_or_a_failure_line(
    hostile_run: tuple[Path, Path, dict[str, Expect], str],
) -> None:
    out, _, expect, _ = hostile_run
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    # The folder's own code files are not articles: listed as skipped, never read.
    skipped = {Path(e["path"]).name for e in errors if e["stage"] == "skipped"}
    assert skipped == {"__init__.py", "build.py"}
    errors = [e for e in errors if e["stage"] != "skipped"]
    record_count = Counter(r["source"] for r in records)
    error_count = Counter(_source(e["path"]) for e in errors)
    assert set(record_count) | set(error_count) <= set(expect)
    for source, expected in expect.items():
        got = (record_count[source], error_count[source])
        if expected == ONE:
            assert got in {(1, 0), (0, 1)}, source
        else:
            assert got == expected, source
    assert all(e["message"] and e["stage"] in {"read", "extract"} and e["error"] for e in errors)


def test_records_on_disk_are_valid_listed_and_safely_named(
    hostile_run: tuple[Path, Path, dict[str, Expect], str],
) -> None:
    out, _, _, _ = hostile_run
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    files = sorted(out.glob("*.json"))
    assert sorted(json.loads(line)["doc_id"] + ".json" for line in lines) == [p.name for p in files]
    assert all(p.is_file() for p in out.iterdir()), "OUT holds only files"
    for path in files:
        assert SAFE_NAME.match(path.name), path.name
        assert len(path.name.encode()) < 200
        record = Record.model_validate_json(path.read_bytes())
        assert path.stem == record.doc_id
    assert len({p.name.casefold() for p in files}) == len(files)


def test_evidence_spans_lie_in_the_text_read(hostile_run: tuple[Path, Path, dict[str, Expect], str]) -> None:
    out, _, _, _ = hostile_run
    checked = 0
    for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if not record["source"].endswith(".txt") or "\ufffd" in record["source"]:
            continue
        raw = decode(Path(record["source"]).read_bytes(), record["source"])
        for evidence in record["evidence"]:
            start, end = evidence["span"]
            assert 0 <= start <= end <= len(raw), (record["doc_id"], evidence)
            checked += 1
    assert checked > 20


def test_oversized_input_fails_with_the_limit_named(
    hostile_run: tuple[Path, Path, dict[str, Expect], str],
) -> None:
    out, made, _, _ = hostile_run
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    (huge,) = [e for e in errors if e["path"] == str(made / "huge_one_line.txt")]
    assert huge["error"] == "InputTooLarge"
    assert "--max-bytes" in huge["message"]


def test_lone_surrogates_become_replacement_characters(
    hostile_run: tuple[Path, Path, dict[str, Expect], str],
) -> None:
    out, _, _, _ = hostile_run
    source = str(HERE / "surrogates.jsonl")
    titles = [
        r["title"]
        for r in map(json.loads, (out / "records.jsonl").read_text(encoding="utf-8").splitlines())
        if r["source"] == source
    ]
    assert "\ufffd\ufffd" in titles  # one for one, so spans still index the text read
