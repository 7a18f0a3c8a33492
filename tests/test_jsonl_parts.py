"""A JSON Lines file over --max-bytes is read in parts, line by line: no record lost, a line over
the limit fails alone, resume redoes nothing, workers give the same files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import extract.running.jsonl_parts as jsonl_parts
from extract.reading.json_objects import json_lines
from extract.running.jsonl_parts import split
from extract.running.runner import extract_paths

from .test_runner import GOOD, folder_bytes, run_cli


def crawl(path: Path, count: int, long_at: int | None = None) -> Path:
    """A JSON Lines file of `count` short articles (line `long_at`, 1-based, one far longer), with
    a blank line and a broken one among them."""
    lines = []
    for i in range(1, count + 1):
        text = GOOD * (300 if i == long_at else 2)
        lines.append(json.dumps({"id": f"a{i}", "title": f"第{i}条", "text": text}, ensure_ascii=False))
    lines[3] = ""  # line 4: blank
    lines[5] = '{"id": "a6", "text": '  # line 6: cut short
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def errors(out: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


def test_a_file_over_the_limit_gives_every_record_it_gives_under_it(tmp_path: Path) -> None:
    source = crawl(tmp_path / "crawl.jsonl", 30)
    assert source.stat().st_size > 4 * 1000
    run_cli(str(source), "-o", str(tmp_path / "whole"))
    code, output = run_cli(str(source), "-o", str(tmp_path / "parts"), "--max-bytes", "1000")
    assert code == 1 and "28 records written" in output
    whole = folder_bytes(tmp_path / "whole", skip=frozenset())  # the manifest too
    parts = folder_bytes(tmp_path / "parts", skip=frozenset())
    assert whole == parts
    assert [e["path"] for e in errors(tmp_path / "parts")] == [f"{source}:6"]


def test_a_line_over_the_limit_fails_alone_named_by_its_line(tmp_path: Path) -> None:
    source = crawl(tmp_path / "crawl.jsonl", 20, long_at=9)
    code, output = run_cli(str(source), "-o", str(tmp_path / "out"), "--max-bytes", "2000")
    assert code == 1 and "17 records written" in output
    too_long = [e for e in errors(tmp_path / "out") if e["error"] == "LineTooLarge"]
    assert [e["path"] for e in too_long] == [f"{source}:9"]
    assert "over the limit of 2,000" in too_long[0]["message"] and "--max-bytes" in too_long[0]["message"]
    assert not (tmp_path / "out" / "a9.json").exists() and (tmp_path / "out" / "a10.json").exists()


def test_resume_over_a_file_read_in_parts_redoes_nothing(tmp_path: Path) -> None:
    source = crawl(tmp_path / "crawl.jsonl", 30)
    out = tmp_path / "out"
    run_cli(str(source), "-o", str(out), "--max-bytes", "1000")
    before = folder_bytes(out)
    code, output = run_cli(str(source), "-o", str(out), "--max-bytes", "1000")
    assert "0 records written, 28 unchanged" in output
    assert folder_bytes(out) == before
    with source.open("a", encoding="utf-8") as f:  # changed: done again, with the new line
        f.write(json.dumps({"id": "a31", "text": GOOD}, ensure_ascii=False) + "\n")
    code, output = run_cli(str(source), "-o", str(out), "--max-bytes", "1000")
    assert "29 records written" in output


def test_workers_share_a_file_read_in_parts_and_give_the_same_files(tmp_path: Path) -> None:
    source = crawl(tmp_path / "crawl.jsonl", 30, long_at=12)
    run_cli(str(source), "-o", str(tmp_path / "one"), "--max-bytes", "2000", "-w", "1")
    run_cli(str(source), "-o", str(tmp_path / "two"), "--max-bytes", "2000", "-w", "2")
    one = folder_bytes(tmp_path / "one", skip=frozenset())
    two = folder_bytes(tmp_path / "two", skip=frozenset())
    assert len(one) == 27 + 3 and one == two  # records, records.jsonl, errors.jsonl, manifest


@pytest.mark.parametrize("block", [1, 2, 3, 7, 1 << 20])
def test_parts_number_their_lines_as_the_whole_file_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    monkeypatch.setattr(jsonl_parts, "_BLOCK", block)  # CRLF split between two reads
    data = b'{"a": 1}\r\n{"a": 2}\r{"a": 3}\n\n{"a": 4}\r\n\r\n{"a": 5}\r{"a": 6}\n{"a": 7}'
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(data)
    whole, _ = json_lines("f", data.decode())
    parts = split(str(path), 9)
    assert len(parts) > 2 and b"".join(data[p.start : p.end] for p in parts) == data
    numbered = [
        item
        for p in parts
        for item in json_lines("f", data[p.start : p.end].decode().rstrip("\n"), p.line)[0]
    ]
    assert numbered == whole
    assert [p.last for p in parts] == [False] * (len(parts) - 1) + [True]


def test_a_part_that_could_not_be_read_makes_the_next_run_redo_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = crawl(tmp_path / "crawl.jsonl", 30)
    real = jsonl_parts._raw_lines

    def vanishing(path: str, part: jsonl_parts.Part, max_bytes: int) -> object:
        if part.line > 1 and not part.last:  # a part in the middle: the file gone from under it
            raise FileNotFoundError(2, "No such file or directory")
        return real(path, part, max_bytes)

    monkeypatch.setattr(jsonl_parts, "_raw_lines", vanishing)
    first = extract_paths([source], tmp_path / "out", max_bytes=1000)
    assert 0 < first.written < 28
    monkeypatch.setattr(jsonl_parts, "_raw_lines", real)
    again = extract_paths([source], tmp_path / "out", max_bytes=1000)
    assert again.written == 28 and again.skipped == 0
