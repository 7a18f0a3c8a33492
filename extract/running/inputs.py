"""What a run checks before it starts: its input files listed, and an OUT that is no input.

Also the errors.jsonl line of a file the listing passed over for its extension.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from extract.reading.article import ReadError

__all__ = ["RunError", "check_out", "list_files", "passed_over_line", "suffixes"]


class RunError(Exception):
    """A run that cannot start or go on: a missing input, an unusable OUT, an engine that fails."""


def list_files(
    inputs: Sequence[Path], follow_links: bool, passed_over: list[str], unread: list[ReadError]
) -> list[str]:
    """The input files as the user gave them (`articles/a.txt` stays relative: it is the records'
    `source`), as strings: a Path costs four times the memory, and a run may list millions. Files
    passed over for their extension go to `passed_over`; links not followed and folders that
    cannot be listed to `unread`, all named the same way."""
    from extract.reading.read import iter_input_files

    try:
        listed = iter_input_files(inputs, passed_over, follow_links=follow_links, unread=unread)
        return [str(path) for path in listed]
    except ReadError as e:
        raise RunError(f"{e.path}: {e.message}") from e


def suffixes() -> str:
    """The file extensions read from a folder, for messages: `.htm, .html, .json, .jsonl, .txt`."""
    from extract.reading.read import SUFFIXES

    return ", ".join(sorted(SUFFIXES))


def passed_over_line(path: str) -> dict[str, str]:
    """The errors.jsonl line of a file found in a folder but not read for its extension."""
    from extract.reading.listing import unsupported_remedy

    message = f"not read: only {suffixes()} files are read from a folder; {unsupported_remedy(path)}"
    return {"path": path, "stage": "skipped", "error": "UnsupportedExtension", "message": message}


def check_out(out: Path, inputs: Sequence[Path]) -> None:
    """Refuse an output folder that is a file, or that is, holds or lies inside an input: the run
    would overwrite articles with records, and read its own records back as articles."""
    if out.exists() and not out.is_dir():
        raise RunError(f"{out}: the output path is a file; give a folder with -o.")
    target = os.path.realpath(out)
    for path in inputs:
        source = os.path.realpath(path)
        if source == target:
            where = "is also an input"
        elif _within(target, source):
            where = f"lies inside the input {path}"
        elif _within(source, target):
            where = f"holds the input {path}"
        else:
            continue
        raise RunError(
            f"{out}: the output folder {where}; the run would write records over articles and read its "
            "own records back. Give an output folder outside the inputs with -o."
        )


def _within(path: str, folder: str) -> bool:
    """Whether real path `path` lies inside real path `folder`."""
    return path.startswith(folder.rstrip(os.sep) + os.sep)
