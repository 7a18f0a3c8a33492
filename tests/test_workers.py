"""The pool: its processes end with the run, even one killed during start-up, and a few large
files still spread over the workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.running.lifeline import RUN_PID
from extract.running.parallel import CHUNK, _chunks, run_pool
from extract.running.task import FileResult, FileTask

from .test_runner import small_corpus


def helpers_of(run: int) -> list[int]:
    """The processes that work for run `run`: its fork server and the workers forked from it, which
    carry the run's id in their environment."""
    mark = f"{RUN_PID}={run}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                environ = f.read().split(b"\0")
            with open(f"/proc/{entry}/stat", "rb") as f:
                zombie = f.read().rsplit(b")", 1)[1].split()[0] == b"Z"
        except OSError:
            continue
        if mark in environ and not zombie:
            found.append(int(entry))
    return found


def wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
@pytest.mark.parametrize("helpers", [1, 3], ids=["while the fork server loads", "once workers run"])
def test_a_run_killed_during_start_up_leaves_no_process_behind(tmp_path: Path, helpers: int) -> None:
    corpus = small_corpus(tmp_path / "in", 200)
    command = [
        sys.executable,
        "-m",
        "extract",
        "run",
        str(corpus),
        "-o",
        str(tmp_path / "out"),
        "-w",
        "2",
        "-q",
    ]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for(lambda: len(helpers_of(run.pid)) >= helpers, 120), "the pool never started"
    finally:
        run.send_signal(signal.SIGKILL)
    # The run is a zombie until it is reaped: its helpers must not wait for that.
    ended = wait_for(lambda: not helpers_of(run.pid), 10)
    left = helpers_of(run.pid)
    for pid in left:  # not to leave them to the next test
        os.kill(pid, signal.SIGKILL)
    run.wait()
    assert ended, f"processes {left} outlived the run"


def test_chunks_are_sized_by_bytes(tmp_path: Path) -> None:
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_bytes(b"x" * 300_000)
    small.write_bytes(b"x" * 100)
    tasks = [FileTask(str(big)), FileTask(str(big)), *[FileTask(str(small))] * 40]
    sizes = [len(chunk) for chunk in _chunks(tasks)]
    assert sizes[:2] == [1, 1], "a large file makes a chunk of its own"
    assert sizes[2:] == [CHUNK, CHUNK, 40 - 2 * CHUNK]


def which_process(tasks: list[FileTask]) -> list[FileResult]:
    """A chunk function that says which process did each file (and takes its time doing it)."""
    time.sleep(1)
    return [FileResult(task.path, None, str(os.getpid())) for task in tasks]


def test_two_large_files_go_to_two_workers(tmp_path: Path) -> None:
    paths = []
    for name in ("a.txt", "b.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_bytes("区委副书记王建国出席会议".encode() * 30_000)  # 1 MB each
    results = list(run_pool([FileTask(str(p)) for p in paths], 2, fn=which_process))
    assert [r.path for r in results] == [str(p) for p in paths]
    assert len({r.setup for r in results}) == 2
