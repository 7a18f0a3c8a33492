"""Each input gets a budget, not only each pattern: the time and memory reading a file, and
extracting an article, may take, all stages together; past it the input fails, reported in
errors.jsonl, and the run goes on."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.base.budget import (
    MEMORY_BASE,
    MEMORY_PER_BYTE,
    MIB,
    Limits,
    TimeBudgetExceeded,
    budget,
    resident_bytes,
)
from extract.cli import app
from extract.running.task import FileTask, process_file

from .test_runner import GOOD

# One long line without punctuation: the rules and resolvers take seconds over it.
LONG_LINE = "区委副书记王建国出席会议" * 60_000  # 2 MB


def errors_of(out: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_past_its_time_fails_and_the_run_goes_on(tmp_path: Path, workers: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "long.txt").write_text(LONG_LINE, encoding="utf-8")
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(
        app, ["run", str(inputs), "-o", str(tmp_path / "out"), "-w", workers, "--max-seconds", "1"]
    )
    assert result.exit_code == 1, result.output
    assert time.monotonic() - started < 30
    (error,) = errors_of(tmp_path / "out")
    assert (error["path"], error["stage"], error["error"]) == (
        str(inputs / "long.txt"),
        "extract",
        "TimeBudgetExceeded",
    )
    assert "budget of 1s" in error["message"] and "--max-seconds" in error["message"]
    assert [p.name for p in (tmp_path / "out").glob("*.json")] == ["good.json"]


def test_an_article_past_its_memory_bound_fails(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(LONG_LINE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["run", str(tmp_path / "long.txt"), str(tmp_path / "good.txt"), "-o", str(tmp_path / "out")]
        + ["-w", "1", "--max-memory", "10"],
    )
    assert result.exit_code == 1, result.output
    (error,) = errors_of(tmp_path / "out")
    assert (error["error"], error["doc_id"]) == ("MemoryBudgetExceeded", "long")
    assert "10 MiB (--max-memory)" in error["message"]


def test_the_memory_bound_scales_with_the_input() -> None:
    limits = Limits()
    assert limits.memory(0) == MEMORY_BASE
    assert limits.memory(20 * MIB) == MEMORY_BASE + MEMORY_PER_BYTE * 20 * MIB
    assert Limits(memory_mib=100).memory(20 * MIB) == 100 * MIB


def test_the_budget_holds_where_no_timer_can_interrupt(tmp_path: Path) -> None:
    """On a Dask worker's thread there is no signal: rules stop once the time is up."""
    path = tmp_path / "long.txt"
    path.write_text(LONG_LINE, encoding="utf-8")
    results = []
    thread = threading.Thread(
        target=lambda: results.append(process_file(FileTask(str(path), limits=Limits(seconds=0.5))))
    )
    started = time.monotonic()
    thread.start()
    thread.join(60)
    assert time.monotonic() - started < 10
    (result,) = results
    assert [f.error for f in result.failures] == ["TimeBudgetExceeded"]


def test_work_within_its_budget_is_not_disturbed_by_the_timer() -> None:
    with budget(Limits(seconds=5), 0):
        time.sleep(0.35)  # the timer looks several times meanwhile
    time.sleep(0.3)  # and not after
    with pytest.raises(TimeBudgetExceeded), budget(Limits(seconds=0.2), 0):
        time.sleep(2)


@pytest.mark.skipif(
    not hasattr(os, "fork") or not Path("/proc/self/statm").exists(), reason="needs fork and /proc"
)
def test_a_forked_worker_measures_its_own_memory_not_its_parents() -> None:
    """The memory look keeps /proc/self/statm open; a forked child (a pool worker) must not read
    its parent's through the file it inherited."""
    parent = resident_bytes()
    assert parent is not None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child grows by 200 MiB and reports what it sees
        grown = bytearray(200 * MIB)
        grown[::4096] = b"\1" * len(grown[::4096])
        os.write(write, str(resident_bytes()).encode())
        os._exit(0)
    os.close(write)
    seen = int(os.read(read, 64))
    os.waitpid(pid, 0)
    os.close(read)
    assert seen > parent + 150 * MIB
    assert (resident_bytes() or 0) < parent + 150 * MIB
