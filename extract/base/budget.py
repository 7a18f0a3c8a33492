"""A budget of time and memory for each piece of work a run does on its own: reading one file,
extracting one article.

Each rule's pattern has its own time limit (extract/rules_engine/engine.py); the budget covers all the stages
together, so that no input keeps a worker busy for minutes or takes gigabytes. In a process's main
thread (the run itself with `--workers 1`, every pool worker) a timer looks every tenth of a
second and interrupts the work once its time is up or the process has grown by more than the
memory bound; elsewhere (a Dask worker's thread) the time is checked between rules, and patterns
get no more time than is left. Where the timer watches, it also stops a step of the work that has a
limit of its own (a rule's pattern) once that limit has passed.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from types import FrameType

DEFAULT_SECONDS = 20.0
MIB = 1024 * 1024
MEMORY_BASE = 512 * MIB  # what one piece of work may add to its process, whatever its size ...
MEMORY_PER_BYTE = 32  # ... plus this many times the size of its input
_TICK = 0.1  # seconds between two looks of the timer


class OverBudget(BaseException):
    """Work that ran past its budget. A BaseException, like KeyboardInterrupt: raised wherever the
    work happens to be, it must not be taken for an error that code on the way handles."""


class TimeBudgetExceeded(OverBudget):
    """Work that took longer than `--max-seconds`."""


class MemoryBudgetExceeded(OverBudget):
    """Work that made its process grow past the memory bound."""


class StepTimeout(TimeoutError):
    """A step of the work ran past its own limit (`start_step`). A TimeoutError, as `regex` raises
    for a pattern past its `timeout`, since the step may be one pattern."""


@dataclass(frozen=True)
class Limits:
    """What one piece of work may take: `seconds`, and `memory_mib` more memory than its process
    held when it began (None: MEMORY_BASE plus MEMORY_PER_BYTE times the size of its input)."""

    seconds: float = DEFAULT_SECONDS
    memory_mib: int | None = None

    def memory(self, size: int) -> int:
        """The memory bound, in bytes, for work on an input of `size` bytes."""
        if self.memory_mib is not None:
            return self.memory_mib * MIB
        return MEMORY_BASE + MEMORY_PER_BYTE * size

    def describe_memory(self, size: int) -> str:
        if self.memory_mib is not None:
            return f"{self.memory_mib:,} MiB (--max-memory)"
        return (
            f"{self.memory(size) // MIB:,} MiB ({MEMORY_BASE // MIB} MiB and {MEMORY_PER_BYTE} times "
            f"its {size:,} bytes; raise it with --max-memory)"
        )


class _State(threading.local):
    deadline: float | None = None  # of the work under way in this thread
    ceiling: int | None = None  # the resident set past which it is stopped (main thread only)
    watched: bool = False  # whether the timer looks at the work of this thread
    step: float | None = None  # when the step under way must end (`start_step`)


_state = _State()
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_installed = False  # whether this process's SIGALRM handler is `_look`


_statm: int | None = None  # this process's /proc/self/statm, kept open: each look is one read


def _forget_statm() -> None:
    """In a forked child: the file open is the parent's (/proc/self named the parent when opened)."""
    global _statm
    if _statm is not None:
        with suppress(OSError):
            os.close(_statm)
    _statm = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_statm)


def resident_bytes() -> int | None:
    """The memory this process holds (its resident set), or None where /proc does not say."""
    global _statm
    try:  # one system call, where opening the file each time makes three and a file object ten
        if _statm is None:
            _statm = os.open("/proc/self/statm", os.O_RDONLY | os.O_CLOEXEC)
        return int(os.pread(_statm, 256, 0).split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return None


def remaining() -> float | None:
    """Seconds left to the work under way in this thread, or None when it has no budget."""
    deadline = _state.deadline
    return None if deadline is None else deadline - time.monotonic()


def check() -> None:
    """Raise TimeBudgetExceeded if the work under way in this thread is past its time."""
    left = remaining()
    if left is not None and left <= 0:
        raise TimeBudgetExceeded()


def watched() -> bool:
    """Whether the timer interrupts the work under way in this thread (its main thread, in a
    budget), and so can stop a step past its limit (`start_step`)."""
    return _state.watched


def start_step(seconds: float) -> None:
    """Begin a step that may take `seconds`: once they are past, the timer raises StepTimeout
    wherever the step is (within a tick), and `end_step` raises it for a step that ended late.
    Only where `watched()`."""
    _state.step = time.monotonic() + seconds


def end_step() -> None:
    """End the step under way; raise StepTimeout if it ran past its limit."""
    step, _state.step = _state.step, None
    if step is not None and time.monotonic() > step:
        raise StepTimeout()


def _look(signum: int, frame: FrameType | None) -> None:
    """The timer's handler, in the main thread. It stays installed once set: a tick that comes
    after the work has ended finds no deadline and does nothing. A tick that finds a finaliser
    running waits for the next: an exception raised in `__del__` would only be printed."""
    if frame is not None and frame.f_code.co_name == "__del__":
        return
    check()
    ceiling = _state.ceiling
    if ceiling is not None and (resident_bytes() or 0) > ceiling:
        raise MemoryBudgetExceeded()
    step = _state.step
    if step is not None and time.monotonic() > step:
        _state.step = None  # raised once: the code that handles it may still be in the step
        raise StepTimeout()


@contextmanager
def budget(limits: Limits, size: int) -> Iterator[None]:
    """Run the body with `limits`, for an input of `size` bytes: past them it raises
    TimeBudgetExceeded or MemoryBudgetExceeded."""
    global _installed
    timer = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if timer:
        base = resident_bytes()
        _state.ceiling = None if base is None else base + limits.memory(size)
        if not _installed:
            signal.signal(signal.SIGALRM, _look)
            _installed = True
        signal.setitimer(signal.ITIMER_REAL, _TICK, _TICK)
    _state.deadline = time.monotonic() + limits.seconds
    _state.watched = timer
    try:
        yield
    finally:
        _state.deadline = _state.ceiling = _state.step = None
        _state.watched = False
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
