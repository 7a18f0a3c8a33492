"""Where the work runs: in this process, in a local process pool, or on a Dask cluster.

Each engine runs `process_file` over the file tasks (in chunks of a few files) and yields the
results in input order, with a bounded number of chunks in flight, so memory does not grow with
the number of inputs. What a pool or a cluster needs (multiprocessing, logging, Dask) is imported
where one starts: a run in this process goes without (15 to 20 ms of every start).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from extract.running.lifeline import RUN_PID, exit_with
from extract.running.task import (
    Failure,
    FileResult,
    FileTask,
    process_file,
    process_files,
    warm_up,
    worker_setup,
)
from extract.text.entities import entities_on, use_entities

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

CHUNK = 16  # files per round trip to a worker at most: fewer trips, less work for the main process
CHUNK_BYTES = 256 * 1024  # and no more bytes than this, but for a single file: big files go one by one
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: enough to keep it busy, few enough to bound memory
SCHEDULER_TIMEOUT = "20s"  # to connect to a Dask scheduler given with --scheduler
DASK_HINT = "install with pip install '.[dask]' (or pip install 'dask[bag]' distributed)"

ChunkFn = Callable[[list[FileTask]], list[FileResult]]


class EngineError(Exception):
    """An engine that cannot start: a missing optional package, an unreachable scheduler."""


def _chunks(
    tasks: Iterable[FileTask], count: int = CHUNK, size: int = CHUNK_BYTES
) -> Iterator[list[FileTask]]:
    """The tasks in order, in chunks of at most `count` files and `size` bytes (a file larger than
    `size` makes a chunk of its own), so that a few large files still spread over the workers."""
    chunk: list[FileTask] = []
    held = 0
    for task in tasks:
        try:
            bytes_ = task.part.end - task.part.start if task.part else os.stat(task.path).st_size
        except OSError:
            bytes_ = 0  # the worker will say what is wrong with it
        if chunk and (len(chunk) == count or held + bytes_ > size):
            yield chunk
            chunk, held = [], 0
        chunk.append(task)
        held += bytes_
    if chunk:
        yield chunk


def run_serial(tasks: Iterable[FileTask]) -> Iterator[FileResult]:
    """Every task in this process, one after another: no pool, no pickling."""
    for task in tasks:
        yield process_file(task)


def _fork_context() -> Any:
    """A fork server, not a plain fork: a fork of this process would copy the progress bar's thread
    and any lock it holds. The server loads rules, gazetteer and the word layer once (extract.running.preload), and
    each worker forked from it starts with them loaded."""
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["extract.running.preload"])
    return context


def start_fork_server() -> None:
    """Start the fork server loading, without waiting for it: the two seconds it takes then overlap
    with this process's own start (rule check, manifest), on another core. It ends with this
    process (extract/running/lifeline.py), whose id it finds in its environment."""
    from multiprocessing import forkserver

    _fork_context()
    before = os.environ.get(RUN_PID)
    os.environ[RUN_PID] = str(os.getpid())
    try:
        forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ[RUN_PID]
        else:
            os.environ[RUN_PID] = before


class _Pool:
    """A process pool that can be replaced when a worker dies (a crash in C code, the OOM killer)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._context = _fork_context()
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            self.workers,
            mp_context=self._context,
            initializer=_start_worker,
            initargs=(os.getpid(), entities_on()),
        )

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _start_worker(run: int, entities: bool) -> None:
    """End this worker when the run `run` that started it is gone (killed with SIGKILL, it cannot
    stop its pool): a worker must not outlive its run. Then take the run's entity setting (the fork
    server's environment is that of the first run of its process) and load the rules."""
    exit_with(run)
    use_entities(entities)
    warm_up()


def run_pool(tasks: Iterable[FileTask], workers: int, fn: ChunkFn = process_files) -> Iterator[FileResult]:
    """The tasks over `workers` processes, results in input order. A chunk whose worker died is
    done again file by file, and a file that kills a worker on its own becomes a Failure."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _Pool(workers)
    window: deque[tuple[list[FileTask], Future[list[FileResult]]]] = deque()
    chunks = _chunks(tasks)

    def fill() -> None:
        while len(window) < workers * IN_FLIGHT_PER_WORKER and (chunk := next(chunks, None)):
            window.append((chunk, pool.executor.submit(fn, chunk)))

    try:
        fill()
        while window:
            chunk, future = window.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                pool.restart()
                results = [_alone(pool, fn, task) for task in chunk]
                for i, (queued, _) in enumerate(window):
                    window[i] = (queued, pool.executor.submit(fn, queued))
            yield from results
            fill()
    finally:
        pool.close()


def _alone(pool: _Pool, fn: ChunkFn, task: FileTask) -> FileResult:
    """One task on its own in the pool; if its worker dies too, a Failure for the file."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pool.executor.submit(fn, [task]).result()[0]
    except BrokenProcessPool:
        pool.restart()
        message = (
            "the worker process died while reading this file (a crash in a library, or out of "
            "memory); the file was skipped. Run it alone with --workers 1 to see the error, and "
            "report it with the file."
        )
        failures = [Failure(task.name, "read", "WorkerDied", message)]
        last = task.part is None or task.part.last  # the file's other parts go on
        return FileResult(task.name, None, worker_setup(), failures=failures, last=last)


def _import_dask() -> tuple[Any, Any, Any]:
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise EngineError(f"--engine dask needs Dask, which is not installed ({e}); {DASK_HINT}.") from e
    return db, Client, LocalCluster


def run_dask(tasks: Sequence[FileTask], workers: int, scheduler: str | None = None) -> Iterator[FileResult]:
    """The tasks as a Dask bag mapped with `process_file`, on the scheduler at `scheduler` or on a
    local cluster of `workers` processes; results come back to this process in input order."""
    db, client_class, cluster_class = _import_dask()
    with _dask_client(client_class, cluster_class, workers, scheduler) as client:
        if not tasks:
            return
        chunks = list(_chunks(tasks))
        parts = db.from_sequence(chunks, partition_size=1).map(process_files).flatten().to_delayed()
        limit = max(1, len(client.scheduler_info().get("workers", {}))) * IN_FLIGHT_PER_WORKER
        window: deque[Any] = deque()
        pending = iter(parts)
        while True:
            while len(window) < limit and (part := next(pending, None)) is not None:
                window.append(client.compute(part))
            if not window:
                break
            future = window.popleft()
            try:
                results = future.result()
            except Exception as e:  # process_file reports bad input itself: this is the cluster
                raise EngineError(
                    f"a Dask worker failed ({type(e).__name__}: {e}); check that extract is installed "
                    "on every worker. Records written so far are kept; run again to resume."
                ) from e
            future.release()
            yield from map(_unseen_by_worker, results)


UNSEEN = (
    "a Dask worker cannot find this file, which exists on this machine: the workers must see the "
    "same filesystem as the machine running `extract run`, with the inputs at the same paths (a "
    "shared folder); mount or copy them there and run again."
)


def _unseen_by_worker(result: FileResult) -> FileResult:
    """`result`, with the failure of a file that a worker could not find but this machine can
    saying what is wrong: the worker does not share this machine's filesystem. (`result.path` is
    the input as given, found from this process's folder, where it was given; the worker was sent
    its absolute path.)"""
    if any(f.error == "FileNotFoundError" for f in result.failures) and os.path.exists(result.path):
        result.failures = [
            replace(f, message=UNSEEN) if f.error == "FileNotFoundError" else f for f in result.failures
        ]
    return result


@contextmanager
def _dask_client(client_class: Any, cluster_class: Any, workers: int, scheduler: str | None) -> Iterator[Any]:
    """A client of the scheduler at `scheduler`, or of a local cluster started and stopped here."""
    import logging

    if scheduler is not None:
        try:
            client = client_class(scheduler, timeout=SCHEDULER_TIMEOUT)
        except OSError as e:
            raise EngineError(
                f"cannot reach the Dask scheduler at {scheduler} ({e}); check the address and that the "
                "scheduler is running."
            ) from e
        with client:
            yield client
        return
    with (
        cluster_class(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: two runs on one machine must not clash
            silence_logs=logging.ERROR,
        ) as cluster,
        client_class(cluster) as client,
    ):
        yield client
