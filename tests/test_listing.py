"""Reading only what was asked: links that lead outside the inputs, folders that cannot be listed,
pipes and devices where files were."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract.reading.read import FolderNotListed, iter_input_files
from extract.running.runner import extract_paths

from .test_runner import GOOD, run_cli

SECRET = "6月30日，杨浦区举行秘密会议。区委书记李四出席。\n"


def errors_of(out: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


def sources(out: Path) -> list[str]:
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return [Path(json.loads(line)["source"]).name for line in lines]


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """in/ with a file, a link to a file outside, a link to a file inside, and a link to a folder outside."""
    inputs, outside = tmp_path / "in", tmp_path / "elsewhere"
    (inputs / "sub").mkdir(parents=True)
    outside.mkdir()
    (inputs / "a.txt").write_text(GOOD, encoding="utf-8")
    (inputs / "sub" / "b.txt").write_text(GOOD, encoding="utf-8")
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (inputs / "p.txt").symlink_to(outside / "secret.txt")
    (inputs / "q.txt").symlink_to(inputs / "sub" / "b.txt")
    (inputs / "far").symlink_to(outside)
    (inputs / "near").symlink_to(inputs / "sub")
    return inputs, outside


def test_links_leading_outside_the_inputs_are_not_followed_and_are_reported(
    tmp_path: Path, linked: tuple[Path, Path]
) -> None:
    inputs, outside = linked
    code, output = run_cli(str(inputs), "-o", str(tmp_path / "out"), "-w", "1")
    assert code == 1, output
    assert sources(tmp_path / "out") == ["a.txt", "q.txt", "b.txt"]
    errors = errors_of(tmp_path / "out")
    assert [(e["path"], e["error"]) for e in errors] == [
        (str(inputs / "far"), "LinkNotFollowed"),
        (str(inputs / "p.txt"), "LinkNotFollowed"),
    ]
    assert str(outside / "secret.txt") in errors[1]["message"] and "--follow-links" in errors[1]["message"]
    assert "秘密" not in (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8")


def test_follow_links_reads_what_they_point_to(tmp_path: Path, linked: tuple[Path, Path]) -> None:
    inputs, _ = linked
    code, output = run_cli(str(inputs), "-o", str(tmp_path / "out"), "-w", "1", "--follow-links")
    assert code == 0, output
    assert sorted(sources(tmp_path / "out")) == ["a.txt", "b.txt", "p.txt", "q.txt", "secret.txt"]


def test_a_link_given_as_an_input_is_read(tmp_path: Path, linked: tuple[Path, Path]) -> None:
    inputs, _ = linked
    code, output = run_cli(str(inputs / "p.txt"), "-o", str(tmp_path / "out"))
    assert code == 0, output


def test_a_folder_linked_into_itself_is_walked_once(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "c.txt").write_text(GOOD, encoding="utf-8")
    (outside / "loop").symlink_to(outside)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "far").symlink_to(outside)
    found = list(iter_input_files([tmp_path / "in"], follow_links=True))
    assert [p.relative_to(tmp_path / "in").as_posix() for p in found] == ["far/c.txt"]


def test_a_folder_that_cannot_be_listed_is_reported_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    for name in ("a.txt", "locked/b.txt", "z/c.txt"):
        (inputs / name).parent.mkdir(parents=True, exist_ok=True)
        (inputs / name).write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    extract_paths([inputs], out)
    scandir = os.scandir

    def refuse(path: object) -> object:  # as chmod 000 does (root can list any folder)
        if str(path) == str(inputs / "locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr("extract.reading.listing.os.scandir", refuse)
    unread: list[object] = []
    assert [p.name for p in iter_input_files([inputs], unread=unread)] == ["a.txt", "c.txt"]  # type: ignore[arg-type]
    assert [type(s) for s in unread] == [FolderNotListed]
    code, output = run_cli(str(inputs), "-o", str(out))
    assert code == 1, output
    (error,) = errors_of(out)
    assert (error["path"], error["error"]) == (str(inputs / "locked"), "FolderNotListed")
    assert "Permission denied" in error["message"]
    assert sources(out) == ["a.txt", "c.txt"]
    assert (out / "b.json").exists(), "the records of a folder that could not be listed are kept"
    monkeypatch.undo()
    code, output = run_cli(str(inputs), "-o", str(out))
    assert code == 0 and "3 articles read" in output and "unchanged" in output, output


def test_an_input_turned_into_a_pipe_does_not_hang_a_rerun(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(GOOD, encoding="utf-8")
    (inputs / "b.txt").write_text(GOOD, encoding="utf-8")
    command = [sys.executable, "-m", "extract", "run", str(inputs), "-o", str(tmp_path / "out"), "-q"]
    assert subprocess.run(command, capture_output=True, timeout=120).returncode == 0
    (inputs / "a.txt").unlink()
    os.mkfifo(inputs / "a.txt")  # nobody ever writes to it
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sources(tmp_path / "out") == ["b.txt"]  # a pipe in a folder is no article file


def test_a_pipe_given_as_an_input_fails_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    command = [sys.executable, "-m", "extract", "run", str(tmp_path / "pipe.txt"), str(tmp_path / "a.txt")]
    done = subprocess.run([*command, "-o", str(tmp_path / "out"), "-q"], capture_output=True, timeout=120)
    assert done.returncode == 1
    (error,) = errors_of(tmp_path / "out")
    assert (error["path"], error["error"]) == (str(tmp_path / "pipe.txt"), "NotAFile")


def test_links_that_lead_nowhere_are_reported_not_passed_over(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(GOOD, encoding="utf-8")
    (inputs / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (inputs / "x.txt").symlink_to(inputs / "y.txt")
    (inputs / "y.txt").symlink_to(inputs / "x.txt")
    out = tmp_path / "out"
    for _ in range(2):  # and again on resume: still reported, the record kept
        code, output = run_cli(str(inputs), "-o", str(out), "-w", "1")
        assert code == 1, output
        assert sources(out) == ["a.txt"]
        errors = errors_of(out)
        assert [(e["path"], e["error"]) for e in errors] == [
            (str(inputs / "gone.txt"), "BrokenLink"),
            (str(inputs / "x.txt"), "BrokenLink"),
            (str(inputs / "y.txt"), "BrokenLink"),
        ]
        assert str(tmp_path / "deleted.txt") in errors[0]["message"] and "loop" in errors[1]["message"]
    code, output = run_cli(str(inputs / "x.txt"), "-o", str(tmp_path / "out2"))
    assert code == 2 and "loop of links" in output, output
