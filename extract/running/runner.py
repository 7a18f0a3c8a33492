"""Input paths to records on disk, file by file in input order; failures reported, never fatal.

The run lists the input files, decides from OUT's manifest which are unchanged since an earlier
run (their records are kept), sends the rest to an engine (this process, a process pool or Dask)
and writes what comes back in input order: records, `records.jsonl`, `errors.jsonl`, manifest.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing, suppress
from dataclasses import dataclass, replace
from pathlib import Path

from extract.base.budget import Limits
from extract.output.ids import DocIds
from extract.output.output import TEMP_DIR, OutConflict, Writer
from extract.reading.article import ReadError
from extract.reading.read import FolderNotListed
from extract.rules_engine.compiled import save as save_compiled
from extract.running.inputs import RunError, check_out, list_files, passed_over_line
from extract.running.jsonl_parts import PART_BYTES, in_parts, split
from extract.running.lock import OutInUse, locked
from extract.running.manifest import Entry, ManifestWriter, file_digest, load_manifest, setup_digest
from extract.running.summary import RunSummary
from extract.running.task import DEFAULT_MAX_BYTES, Failure, FileResult, FileTask
from extract.running.writing import reuse, write_file

__all__ = ["DEFAULT_MAX_BYTES", "Failure", "Limits", "RunError", "RunSummary", "extract_paths"]

ENGINES = ("local", "dask")


OnFile = Callable[[RunSummary, list[Failure]], None]


def extract_paths(
    inputs: Sequence[Path],
    out: Path,
    on_file: OnFile | None = None,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    resume: bool = True,
    follow_links: bool = False,
    limits: Limits | None = None,
    entities: bool | None = None,
) -> RunSummary:
    """Write a record for every article under `inputs` into `out` and return the run's counts.

    Raises RunError (nothing is written) for a missing input, an `out` that is or overlaps an
    input, or one another run is writing, and RuleError for a broken rule file; RunError too, with
    the records so far kept, when a file that is not the run's own stands where a record must go.
    A bad input only ever becomes a line of `out/errors.jsonl`. `on_file` is called after each
    input file with the counts so far and that file's failures. `follow_links`: read files that
    links in the input folders point to outside them. `limits`: the time and memory reading a file,
    and extracting an article, may take. `entities`: turn the entity layer on or off for this
    process and its workers (None leaves it as the environment says, EXTRACT_ENTITIES); RunError
    where it is on and its model is not installed.
    """
    from extract.resolve.registry import default_ruleset

    if engine not in ENGINES:
        raise RunError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}.")
    if scheduler is not None and engine != "dask":
        raise RunError("--scheduler needs --engine dask.")
    if workers < 1:
        raise RunError(f"--workers must be 1 or more, not {workers}.")
    _entity_layer(entities)
    passed_over: list[str] = []
    unread: list[ReadError] = []
    files = list_files(inputs, follow_links, passed_over, unread)
    check_out(out, inputs)
    # One JSON Lines file over --max-bytes is read in parts: a pool's work too.
    if _pooled(engine, workers, len(files) if len(files) != 1 else _task_count(files[0], max_bytes)):
        from extract.running.parallel import start_fork_server

        start_fork_server()
    default_ruleset()  # a broken rule file stops the run here, before any article
    out.mkdir(parents=True, exist_ok=True)
    run = _Run(
        inputs, out, files, passed_over, unread, workers, engine, scheduler, max_bytes, limits or Limits()
    )
    try:
        with locked(out):
            return run.run(on_file, resume)
    except (OutInUse, OutConflict) as e:
        raise RunError(str(e)) from e
    finally:
        save_compiled()  # patterns the resolvers compiled on their first use, for the next start


def _entity_layer(on: bool | None) -> None:
    """Set the entity layer as asked; where it is on, load its model now, so that a missing model
    stops the run before any article rather than failing every one."""
    from extract.text.entities import entities_on, use_entities

    if on is not None:
        use_entities(on)
    if entities_on():
        from extract.text.lac_model import ModelMissing, lac_model

        try:
            lac_model()
        except ModelMissing as e:
            raise RunError(str(e)) from e


@dataclass
class _Run:
    """One run, once its inputs are listed and OUT is its own."""

    inputs: Sequence[Path]
    out: Path
    files: list[str]
    passed_over: list[str]  # files in the input folders not read for their extension
    unread: list[ReadError]  # links not followed, folders that could not be listed
    workers: int
    engine: str
    scheduler: str | None
    max_bytes: int
    limits: Limits

    def run(self, on_file: OnFile | None, resume: bool) -> RunSummary:
        out, files, engine = self.out, self.files, self.engine
        setup = setup_digest()
        previous = load_manifest(out)
        unlisted = [os.path.abspath(e.path) + os.sep for e in self.unread if isinstance(e, FolderNotListed)]
        # Entries for files in folders that could not be listed stay as they are, records and all.
        hidden = [e for e in previous.values() if os.path.abspath(e.source).startswith(tuple(unlisted))]
        kept = [
            _unchanged(Path(path), previous.get(path) if resume else None, setup, self.max_bytes)
            for path in files
        ]
        todo = [path for path, entry in zip(files, kept, strict=True) if entry is None]
        count = sum(_task_count(path, self.max_bytes) for path in todo)
        # Pool workers write the record files themselves; the main process, which shares their
        # cores, only renames them.
        stage_in = str(out / TEMP_DIR) if _pooled(engine, self.workers, count) else None
        tasks = _tasks(todo, self.max_bytes, stage_in, self.limits)
        ids = DocIds(self.inputs, files)
        summary = RunSummary(files=len(files), shared_stems=ids.shared_stems, passed_over=self.passed_over)
        owned = {doc.id for e in previous.values() for doc in e.docs}
        with (
            Writer(out, owned) as writer,
            ManifestWriter(out) as manifest,
            closing(_results(tasks, count, engine, self.workers, self.scheduler)) as results,
        ):
            for path, entry in zip(files, kept, strict=True):
                failures: list[Failure] = []
                if entry is not None and reuse(entry, ids, writer, summary):
                    manifest.keep(_located(entry))
                else:
                    # Kept, but its records are gone: done again here, in this process.
                    again = _again(path, self.max_bytes, self.limits) if entry else None
                    done, failures = write_file(
                        again or results, setup, ids, writer, summary, engine == "dask", on_file
                    )
                    if done is not None:
                        manifest.add(done)
                summary.files_done += 1
                if on_file:
                    on_file(summary, failures)
            # What the listing passed over, after the files, named as the inputs were given.
            unread = [Failure(e.path, "read", type(e).__name__, e.message) for e in self.unread]
            for failure in unread:
                writer.failure(failure.as_dict())
            summary.failed += len(unread)
            if on_file and unread:
                on_file(summary, unread)
            for path in self.passed_over:
                writer.failure(passed_over_line(path))
            for entry in hidden:
                manifest.keep(_located(entry))
                ids.commit([doc.id for doc in entry.docs])
            # Records an earlier run wrote for inputs no longer given, or under ids that changed.
            writer.remove_records(
                {doc.id: doc.sha for e in previous.values() for doc in e.docs if not ids.is_taken(doc.id)}
            )
            writer.finish()
            manifest.finish()
        summary.changes = writer.changes_note()
        return summary


def _tasks(sources: list[str], max_bytes: int, stage_in: str | None, limits: Limits) -> Iterator[FileTask]:
    """The tasks of input files `sources` (as given), in order: one per file, or one per part of a
    JSON Lines file over `max_bytes` (split when its turn comes, extract/running/jsonl_parts.py).
    The worker opens the file's absolute path, resolved here, since a worker need not run in this
    folder (a Dask worker elsewhere never does), and names the file `source` in its records and
    failures."""
    for source in sources:
        path = os.path.abspath(source)
        task = FileTask(path, max_bytes, stage_in, limits, None if path == source else source)
        try:
            parts = split(path, max_bytes) if in_parts(path, max_bytes) else []
        except OSError:  # gone or unreadable since it was listed: the worker says which
            parts = []
        yield from (replace(task, part=part) for part in parts) if parts else [task]


def _again(source: str, max_bytes: int, limits: Limits) -> Iterator[FileResult]:
    """The results of input file `source`, done in this process."""
    from extract.running.parallel import run_serial

    return run_serial(_tasks([source], max_bytes, None, limits))


def _task_count(source: str, max_bytes: int) -> int:
    """How many tasks input file `source` makes, about: several for a JSON Lines file read in parts."""
    if not in_parts(source, max_bytes):
        return 1
    with suppress(OSError):
        return max(1, os.stat(source).st_size // min(PART_BYTES, max_bytes))
    return 1


def _located(entry: Entry) -> Entry:
    """`entry` with `path`, the file's absolute path, as it is from this run's folder: a line of
    an older run has none, and the same relative input may be another file's from another folder."""
    path = os.path.abspath(entry.source)
    return entry if entry.path == path else replace(entry, path=path)


def _unchanged(path: Path, entry: Entry | None, setup: str, max_bytes: int) -> Entry | None:
    """`entry` if it describes `path` as it is now, read with the same rules and code; else None."""
    if entry is None or entry.setup != setup:
        return None
    try:
        # A file over the limit gave no record, unless JSON Lines, which is read in parts.
        if path.stat().st_size > max_bytes and not in_parts(str(path), max_bytes):
            return None
        if file_digest(path) != entry.input:
            return None
    except OSError:
        return None
    return entry


def _pooled(engine: str, workers: int, tasks: int) -> bool:
    """Whether `tasks` go to a local process pool: one task, or one worker, is done in this process."""
    return engine == "local" and workers > 1 and tasks > 1


def _results(
    tasks: Iterator[FileTask], count: int, engine: str, workers: int, scheduler: str | None
) -> Generator[FileResult, None, None]:
    """The results of `tasks` (about `count` of them), in order, from the engine asked for."""
    from extract.running.parallel import EngineError, run_dask, run_pool, run_serial

    try:
        if engine == "dask":
            yield from run_dask(list(tasks), workers, scheduler)
        elif _pooled(engine, workers, count):
            yield from run_pool(tasks, min(workers, count))
        else:
            yield from run_serial(tasks)
    except EngineError as e:
        raise RunError(str(e)) from e
