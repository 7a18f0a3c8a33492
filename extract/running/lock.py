"""One run at a time in an output folder: an exclusive lock on `OUT/.extract.lock`.

Two runs writing one OUT would interleave their lines and remove each other's files. A run takes
an exclusive `flock` on the lock file before it reads or writes anything in OUT, writes its process
id into it, and removes it when done; the kernel drops the lock of a run that is killed, so a stale
file never blocks the next run. A second run that finds the lock held stops, naming the holder.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

LOCK = ".extract.lock"


class OutInUse(Exception):
    """Another run holds the output folder."""


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the lock of `out` (a folder that exists) for the body; OutInUse if another run has it."""
    path = out / LOCK
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise OutInUse(
                f"{out} is in use by another extract run ({holder}, which holds {path}); wait for it "
                "to finish, or write to another folder with -o."
            ) from None
        # The run that held the lock may have removed its file between our open and our lock:
        # then we hold a file nobody else will look at, and must take the one now in its place.
        try:
            ours = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            ours = False
        if ours:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        # Removed before the lock is let go: a run that opened the file meanwhile then finds, once
        # it has the lock, that the file is no longer there, and tries again.
        with suppress(FileNotFoundError):
            os.unlink(path)
        os.close(fd)


def _holder(fd: int) -> str:
    """Who holds the lock, as its file says."""
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    except OSError:
        text = ""
    return f"process {text}" if text.isdigit() else "a process that has not written its id yet"
