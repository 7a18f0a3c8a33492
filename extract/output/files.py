"""Writing a text file: in as few system calls as the guarantees allow, and atomically where a
reader may look while it is written."""

from __future__ import annotations

import os
from pathlib import Path


def write_text(path: str | Path, text: str) -> None:
    """Write `text` (UTF-8, newlines as they are) to the file `path`, created or emptied: one
    system call each to open, write and close it, where a text file object makes eight."""
    data = memoryview(text.encode("utf-8"))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        while data:
            data = data[os.write(fd, data) :]
    finally:
        os.close(fd)


def write_atomic(path: str | Path, text: str) -> None:
    """Write `text` to a temporary name beside `path`, then rename: readers see all of it or none."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.tmp")
    write_text(tmp, text)
    os.replace(tmp, path)
