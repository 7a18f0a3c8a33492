"""Per-stage timing for the benchmark: `with stage("normalise"):` records into the active stopwatch.

Outside a benchmark no stopwatch is active and `stage` hands back one shared do-nothing context, so
the pipeline pays a global lookup, not a timer.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from types import TracebackType

_active: Stopwatch | None = None
_IDLE = nullcontext()


class Stopwatch:
    """Seconds spent per stage while active; stages may nest (segment inside resolve)."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)

    @contextmanager
    def active(self) -> Iterator[Stopwatch]:
        global _active
        previous, _active = _active, self
        try:
            yield self
        finally:
            _active = previous


class _Timer:
    def __init__(self, watch: Stopwatch, name: str) -> None:
        self.watch, self.name = watch, name

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.watch.totals[self.name] += time.perf_counter() - self.start


def stage(name: str) -> AbstractContextManager[None]:
    """A context that adds its time to `name` in the active stopwatch (none active: does nothing)."""
    watch = _active
    return _IDLE if watch is None else _Timer(watch, name)
