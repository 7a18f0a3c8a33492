"""The output folder is the run's alone: never an input, one run at a time, nothing of the user's
touched, run-level files replaced whole."""

from __future__ import annotations

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
from extract.output.output import TEMP_DIR, Writer
from extract.running.lock import LOCK
from extract.running.manifest import MANIFEST
from extract.running.runner import RunError, extract_paths

from .test_runner import GOOD, folder_bytes, small_corpus


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["run", *args])
    return result.exit_code, result.output


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) under `folder`."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


# --- the output folder is no input -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("inputs", "out", "says"),
    [
        pytest.param(["in"], "in", "is also an input", id="OUT is the input"),
        pytest.param(["in"], "in/out", "lies inside the input", id="OUT inside the input"),
        pytest.param(["in/sub"], "in", "holds the input", id="input inside OUT"),
        pytest.param(["in/b.json"], "in", "holds the input", id="input file inside OUT"),
        pytest.param(["link"], "in/out", "lies inside the input", id="OUT inside a linked input"),
    ],
)
def test_an_output_folder_that_overlaps_an_input_is_refused_before_anything_is_written(
    tmp_path: Path, inputs: list[str], out: str, says: str
) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "b.json").write_text(json.dumps({"text": GOOD}), encoding="utf-8")
    (tmp_path / "in" / "sub" / "c.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "in")
    before = tree(tmp_path)
    for _ in range(2):  # the second run of the report deleted what the first overwrote
        code, output = run_cli(*(str(tmp_path / i) for i in inputs), "-o", str(tmp_path / out))
        assert code == 2, output
        assert says in output and "outside the inputs" in output
    assert tree(tmp_path) == before


# --- one run at a time ------------------------------------------------------------------------------

HOLD = """
import sys, time
from pathlib import Path
from extract.running.lock import locked
with locked(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_second_run_into_a_locked_folder_exits_2_naming_the_holder(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        code, output = run_cli(str(inputs), "-o", str(out))
        assert code == 2, output
        assert f"process {holder.pid}" in output and "in use by another extract run" in output
        assert sorted(p.name for p in out.iterdir()) == [LOCK], "the refused run wrote nothing"
    finally:
        holder.kill()
        holder.wait()
    # The kernel let go of the lock with its holder: the next run takes it, and leaves no lock file.
    code, output = run_cli(str(inputs), "-o", str(out))
    assert code == 0, output
    assert not (out / LOCK).exists()


def test_two_runs_at_once_into_one_folder_one_is_refused_and_the_output_is_whole(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 200)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "extract", "run", str(inputs), "-o", str(out), "-w", "1", "-q"]
    first = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    # The second run starts while the first holds the lock, whatever else the machine is doing: the
    # first is paused once its process id stands in the lock file, and goes on after the second ends.
    lock = out / LOCK
    deadline = time.monotonic() + 300
    while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
        assert first.poll() is None, "the first run ended before it was seen holding the lock"
        assert time.monotonic() < deadline, "the first run never took the lock"
        time.sleep(0.005)
    os.kill(first.pid, signal.SIGSTOP)
    try:
        second = subprocess.run(command, stderr=subprocess.PIPE, text=True, timeout=600)
    finally:
        os.kill(first.pid, signal.SIGCONT)
    assert second.returncode == 2, second.stderr
    assert "in use by another extract run" in second.stderr
    assert first.wait(timeout=600) == 0, first.stderr.read() if first.stderr else ""
    fresh = tmp_path / "fresh"
    extract_paths([inputs], fresh)
    assert folder_bytes(out) == folder_bytes(fresh)


# --- touching only what is the run's ---------------------------------------------------------------


def test_files_of_the_user_in_out_are_left_alone(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    out.mkdir()
    mine = {
        "config.json": b'{"mine": true}\n',
        ".notes.tmp": b"notes\n",
        ".x.json.tmp": b"not a killed write of extract's\n",
        "folder.tmp/keep.txt": b"kept\n",
        ".hidden.tmp/keep.txt": b"kept\n",
    }
    for name, data in mine.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    extract_paths([inputs], out)
    extract_paths([inputs], out, resume=False)
    (inputs / "n0001.txt").unlink()
    extract_paths([inputs], out)
    for name, data in mine.items():
        assert (out / name).read_bytes() == data, name


def test_a_user_file_where_a_record_must_go_stops_the_run_with_exit_2(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "config.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "config.json").write_text('{"mine": true}\n', encoding="utf-8")
    code, output = run_cli(str(inputs), "-o", str(out))
    assert code == 2, output
    assert "config.json is in the way" in output and "not a record extract wrote" in output
    assert (out / "config.json").read_text(encoding="utf-8") == '{"mine": true}\n'
    (out / "config.json").unlink()
    (out / "config.json").mkdir()  # a folder in the way
    code, output = run_cli(str(inputs), "-o", str(out))
    assert code == 2 and "is a folder" in output, output


@pytest.mark.parametrize("name", ["records.jsonl", "errors.jsonl"])
def test_run_files_of_someone_else_are_not_overwritten(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / name).write_text("theirs\n", encoding="utf-8")
    code, output = run_cli(str(small_corpus(tmp_path / "in", 1)), "-o", str(out))
    assert code == 2 and f"{name} is in the way" in output and MANIFEST in output, output
    assert (out / name).read_text(encoding="utf-8") == "theirs\n"


def test_the_summary_says_what_the_run_replaced_and_removed(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    extract_paths([inputs], out)
    (inputs / "n0001.txt").write_text(GOOD, encoding="utf-8")  # its record is redone
    (inputs / "n0002.txt").unlink()  # its record is removed
    code, output = run_cli(str(inputs), "-o", str(out))
    assert code == 0, output
    assert "1 record file of an earlier run replaced: n0001.json" in output
    assert (
        "1 record file of an earlier run removed (their inputs were not given to this run): n0002.json"
        in output
    )
    # A record edited by hand whose input is gone is the user's now: kept, and said.
    (out / "n0001.json").write_text('{"edited": true}\n', encoding="utf-8")
    (inputs / "n0001.txt").unlink()
    code, output = run_cli(str(inputs), "-o", str(out))
    assert (out / "n0001.json").read_text(encoding="utf-8") == '{"edited": true}\n'
    assert (
        "left in place although their inputs were not given, as they were edited since: n0001.json" in output
    )


def test_records_a_killed_run_wrote_before_its_manifest_named_them_are_replaced(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    extract_paths([inputs], out)
    (out / MANIFEST).write_text("", encoding="utf-8")  # as if killed before the manifest lines
    summary = extract_paths([inputs], out)
    assert summary.written == 2
    assert "2 record files of an earlier run replaced" in (summary.changes or "")


# --- records.jsonl and errors.jsonl replaced whole ----------------------------------------------


def test_a_full_disk_leaves_the_last_records_jsonl_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = small_corpus(tmp_path / "in", 4)
    out = tmp_path / "out"
    extract_paths([inputs], out)
    before = folder_bytes(out, skip=frozenset())
    written = 0
    append = Writer._append

    def fill_up(f: object, line: str) -> None:
        nonlocal written
        written += 1
        if written == 3:
            raise OSError(28, "No space left on device")
        append(f, line)  # type: ignore[arg-type]

    monkeypatch.setattr(Writer, "_append", staticmethod(fill_up))
    with pytest.raises(OSError, match="No space left"):
        extract_paths([inputs], out, resume=False)
    assert folder_bytes(out, skip=frozenset({MANIFEST})) == {k: v for k, v in before.items() if k != MANIFEST}
    assert not (out / TEMP_DIR).exists()


def test_an_interrupted_rerun_leaves_the_last_records_jsonl_whole(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 6)
    out = tmp_path / "out"
    extract_paths([inputs], out)
    before = (out / "records.jsonl").read_bytes(), (out / "errors.jsonl").read_bytes()

    def interrupt(summary: object, failures: object) -> None:
        if summary.files_done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_paths([inputs], out, interrupt, resume=False)
    assert ((out / "records.jsonl").read_bytes(), (out / "errors.jsonl").read_bytes()) == before
    assert len((out / "records.jsonl").read_text().splitlines()) == 6


def test_nothing_is_left_of_the_run_but_its_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    extract_paths([small_corpus(tmp_path / "in", 3)], out, workers=2)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith("n0")) == [
        "errors.jsonl",
        MANIFEST,
        "records.jsonl",
    ]


def test_refusals_are_run_errors_in_the_api(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RunError, match="is also an input"):
        extract_paths([tmp_path / "in"], tmp_path / "in")
    assert os.listdir(tmp_path / "in") == ["a.txt"]
