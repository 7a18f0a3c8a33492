"""Per-stage timing for the benchmark: `with stage("normalise"):` records into the active stopwatch.

Outside a benchmark no stopwatch is active and `stage` costs one global lookup.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

_active: Stopwatch | None = None


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


@contextmanager
def stage(name: str) -> Iterator[None]:
    watch = _active
    if watch is None:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        watch.totals[name] += time.perf_counter() - start
