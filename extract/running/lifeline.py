"""Helper processes end with the run that started them, even when it is killed with SIGKILL.

A run's pool has a fork server, started by the run, and workers forked from that server: a
worker's parent is the server, not the run, and the server keeps living while any worker does (each
holds the server's "alive" pipe). So each watches the run itself, by the process id the run gives
them (`RUN_PID`, in the environment the server inherits; an argument for workers), not its own
parent, which may already be someone else by the time it starts watching.
"""

from __future__ import annotations

import os
import select
import threading
import time

RUN_PID = "EXTRACT_RUN_PID"
_POLL = 0.5  # seconds between two looks where the system cannot wake us when the run ends


def run_pid() -> int:
    """The run's process id, as the run put it in the environment (else this process's parent)."""
    value = os.environ.get(RUN_PID, "")
    return int(value) if value.isdigit() else os.getppid()


def exit_with(pid: int, code: int = 1) -> None:
    """End this process (with `code`) as soon as process `pid` has ended, from a daemon thread."""
    threading.Thread(target=_watch, args=(pid, code), name="exit-with-run", daemon=True).start()


def _watch(pid: int, code: int) -> None:
    try:
        fd = os.pidfd_open(pid)  # Linux 5.3 and later: readable once the process has ended
    except (AttributeError, OSError):
        fd = None
    if fd is None:
        while _alive(pid):
            time.sleep(_POLL)
    else:
        select.select([fd], [], [])
    os._exit(code)


def _alive(pid: int) -> bool:
    """Whether `pid` runs: it exists and is not a zombie (killed, not yet reaped by its parent)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True
