"""A JSON Lines file over --max-bytes, read in parts: each line an article under the limits of any
article, memory bounded by the longest line read rather than by the file.

The main process splits the file at line ends into parts of about `PART_BYTES` (hashing it on the
way, for the manifest); each part is a task of its own, so a big file spreads over `--workers`
like many small ones, and its records are written part by part as they come. A line over
--max-bytes is skipped unread and fails alone, named `file:line`.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from extract.base.budget import OverBudget, budget
from extract.output.rendered import stage
from extract.reading.article import ReadError
from extract.running.task import (
    Failure,
    FileResult,
    FileTask,
    extract_record,
    load_tools,
    over_budget,
    worker_setup,
)

PART_BYTES = 1 << 20  # input per task: a round trip to a worker per MiB, a few MiB in flight per worker
_BLOCK = 1 << 20  # bytes read at a time while splitting and hashing


@dataclass(frozen=True)
class Part:
    """Lines `start` to `end` (byte offsets, at line ends) of a JSON Lines file, the first of them
    numbered `line`. The last part carries the whole file's SHA-256 (`sha`), read while splitting."""

    start: int
    end: int
    line: int
    sha: str | None = None

    @property
    def last(self) -> bool:
        return self.sha is not None


def in_parts(path: str, max_bytes: int) -> bool:
    """Whether the input at `path` is a JSON Lines file over `max_bytes`, read in parts."""
    if not path.lower().endswith(".jsonl"):
        return False
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > max_bytes


def split(path: str, max_bytes: int) -> list[Part]:
    """The parts of the file at `path`, each ending at the first newline past `PART_BYTES` (or
    `max_bytes`, when smaller) from its start (a longer line makes a part alone), numbered as
    reading the whole file numbers its lines: LF, CRLF and a lone CR each end one."""
    part_bytes = min(PART_BYTES, max_bytes)
    sha = hashlib.sha256()
    parts: list[Part] = []
    start, first, ends, pos, after_cr = 0, 1, 0, 0, False
    with open(path, "rb") as f:
        while block := f.read(_BLOCK):
            sha.update(block)
            at = 0
            while (target := start + part_bytes - pos) < len(block):
                cut = block.find(b"\n", max(target, at))
                if cut < 0:
                    break
                n, after_cr = _line_ends(block[at : cut + 1], after_cr)
                ends += n
                parts.append(Part(start, pos + cut + 1, first))
                start, first, at = pos + cut + 1, ends + 1, cut + 1
            n, after_cr = _line_ends(block[at:], after_cr)
            ends += n
            pos += len(block)
    if start < pos or not parts:
        parts.append(Part(start, pos, first))
    parts[-1] = Part(parts[-1].start, parts[-1].end, parts[-1].line, sha.hexdigest())
    return parts


def _line_ends(data: bytes, after_cr: bool) -> tuple[int, bool]:
    """How many lines `data` ends (a CRLF split across blocks counted once: `after_cr` says the
    byte before `data` was a CR), and whether `data` ends with a CR."""
    n = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
    if after_cr and data.startswith(b"\n"):
        n -= 1
    return n, data.endswith(b"\r") or (after_cr and not data)


def process_part(task: FileTask, part: Part) -> FileResult:
    """The records and failures of one part of a JSON Lines file, line after line; the result of
    the last part carries the file's hash."""
    result = FileResult(task.name, part.sha, worker_setup(), last=part.last)
    with suppress(Exception):  # the article that needs a broken tool says what is wrong with it
        load_tools()
    try:
        for number, data, size in _raw_lines(task.path, part, task.max_bytes):
            _line(task, number, data, size, result)
    except OSError as e:
        message = f"cannot read the file ({e.strerror}); check that it exists and is readable."
        result.failures.append(Failure(task.name, "read", type(e).__name__, message))
        result.input_sha = None
    return result


def _raw_lines(path: str, part: Part, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """Each line of `part` (split at LF; a lone CR inside is split later) with its number and size
    in bytes, its bytes None where it is over `max_bytes` (then read past, never held)."""
    number = part.line
    with open(path, "rb") as f:
        f.seek(part.start)
        left = part.end - part.start
        while left > 0:
            data = f.readline(min(left, max_bytes + 2))  # the line, its CRLF, or one byte past the limit
            left -= len(data)
            size = len(data.rstrip(b"\r\n"))
            if size > max_bytes:
                while data and not data.endswith(b"\n") and left > 0:
                    data = f.readline(min(left, _BLOCK))
                    left -= len(data)
                    size += len(data.rstrip(b"\r\n"))
                yield number, None, size
                number += 1
                continue
            yield number, data, size
            number += _line_ends(data, False)[0] or 1


def _line(task: FileTask, number: int, data: bytes | None, size: int, result: FileResult) -> None:
    """Read the line(s) `data` starting at line `number` into `result`: records, failures, notes."""
    where = f"{task.name}:{number}"
    if data is None:
        message = (
            f"the line is {size:,} bytes, over the limit of {task.max_bytes:,}; split its article into "
            "smaller ones, or raise the limit with --max-bytes."
        )
        result.failures.append(Failure(where, "read", "LineTooLarge", message))
        return
    from extract.reading.json_objects import error_line, from_objects, json_lines

    try:
        with budget(task.limits, size):
            text = _decoded(data, where)
            parsed, errors = json_lines(task.name, text, number)
            read = from_objects(Path(task.name), parsed, "line")
    except ReadError as e:
        result.failures.append(Failure(e.path, "read", type(e).__name__, e.message))
        return
    except OverBudget as e:
        message = over_budget(e, f"reading the line ({size:,} bytes)", task.limits, size)
        result.failures.append(Failure(where, "read", type(e).__name__, message))
        return
    for error in sorted(errors + read.errors, key=error_line):
        result.failures.append(Failure(error.path, "read", type(error).__name__, error.message))
    result.notes.extend(read.notes)
    for article in read.articles:
        record, failure = extract_record(article, task.limits)
        if record is not None:
            result.records.append(stage(record, task.stage_in) if task.stage_in else record)
        if failure is not None:
            result.failures.append(failure)


def _decoded(data: bytes, where: str) -> str:
    """The text of one line, without its line end: UTF-8, or as `decode` reads it alone."""
    from extract.reading.encoding import decode, is_utf8

    data = data.removesuffix(b"\n")
    if is_utf8(data):
        return data.decode("utf-8")
    try:
        return decode(data, where)
    except ReadError:
        what = (
            "holds NUL bytes (binary data)"
            if b"\x00" in data
            else "is not UTF-8, and no other text encoding fits its bytes"
        )
        raise ReadError(where, f"the line {what}; save it as UTF-8 text, or remove the line.") from None
