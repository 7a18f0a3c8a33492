"""Input paths to records on disk, file by file in input order; failures reported, never fatal.

The run lists the input files, decides from OUT's manifest which are unchanged since an earlier
run (their records are kept), sends the rest to an engine (this process, a process pool or Dask)
and writes what comes back in input order: records, `records.jsonl`, `errors.jsonl`, manifest.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

from extract.base.budget import Limits
from extract.output.ids import DocIds
from extract.output.jsontext import sha256_text
from extract.output.output import TEMP_DIR, OutConflict, Writer
from extract.output.rendered import renamed
from extract.reading.article import ReadError
from extract.reading.read import FolderNotListed
from extract.rules_engine.compiled import save as save_compiled
from extract.running.inputs import RunError, check_out, list_files, passed_over_line
from extract.running.lock import OutInUse, locked
from extract.running.manifest import Doc, Entry, ManifestWriter, file_digest, load_manifest, setup_digest
from extract.running.summary import RunSummary, count_renames
from extract.running.task import DEFAULT_MAX_BYTES, Failure, FileResult, FileTask, process_file

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
    if _pooled(engine, workers, len(files)):
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
        # Pool workers write the record files themselves; the main process, which shares their
        # cores, only renames them.
        stage_in = str(out / TEMP_DIR) if _pooled(engine, self.workers, len(todo)) else None
        tasks = [_task(path, self.max_bytes, stage_in, self.limits) for path in todo]
        ids = DocIds(self.inputs, files)
        summary = RunSummary(files=len(files), shared_stems=ids.shared_stems, passed_over=self.passed_over)
        owned = {doc.id for e in previous.values() for doc in e.docs}
        with (
            Writer(out, owned) as writer,
            ManifestWriter(out) as manifest,
            closing(_results(tasks, engine, self.workers, self.scheduler)) as results,
        ):
            for path, entry in zip(files, kept, strict=True):
                failures: list[Failure] = []
                if entry is not None and _reuse(entry, ids, writer, summary):
                    manifest.keep(_located(entry))
                else:
                    if entry:
                        result = process_file(_task(path, self.max_bytes, None, self.limits))
                    else:
                        result = next(results)
                    done, failures = _write(result, setup, ids, writer, summary, engine == "dask")
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


def _task(source: str, max_bytes: int, stage_in: str | None, limits: Limits) -> FileTask:
    """The task of input file `source` (as given): the worker opens its absolute path, resolved
    here, since a worker need not run in this folder (a Dask worker elsewhere never does), and
    names the file `source` in its records and failures."""
    path = os.path.abspath(source)
    return FileTask(path, max_bytes, stage_in, limits, None if path == source else source)


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
        if path.stat().st_size > max_bytes or file_digest(path) != entry.input:
            return None
    except OSError:
        return None
    return entry


def _pooled(engine: str, workers: int, files: int) -> bool:
    """Whether `files` go to a local process pool: one file, or one worker, is done in this process."""
    return engine == "local" and workers > 1 and files > 1


def _results(
    tasks: list[FileTask], engine: str, workers: int, scheduler: str | None
) -> Generator[FileResult, None, None]:
    from extract.running.parallel import EngineError, run_dask, run_pool, run_serial

    try:
        if engine == "dask":
            yield from run_dask(tasks, workers, scheduler)
        elif _pooled(engine, workers, len(tasks)):
            yield from run_pool(tasks, min(workers, len(tasks)))
        else:
            yield from run_serial(tasks)
    except EngineError as e:
        raise RunError(str(e)) from e


def _reuse(entry: Entry, ids: DocIds, writer: Writer, summary: RunSummary) -> bool:
    """List the records an earlier run wrote for an unchanged file; False (and nothing done) if any
    is missing or altered, or its id would now differ."""
    texts = []
    for doc in entry.docs:
        try:
            text = Path(writer.record_path(doc.id)).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        if sha256_text(text) != doc.sha:
            return False
        texts.append(text)
    finals = ids.propose(entry.source, [doc.proposed for doc in entry.docs])
    if finals != [doc.id for doc in entry.docs]:
        return False
    ids.commit(finals)
    for text in texts:
        writer.reuse(text)
    for failure in entry.failures:
        writer.failure(failure)
    summary.read += len(texts)
    summary.skipped += len(texts)
    summary.failed += len(entry.failures)
    count_renames(summary, entry.source, [(doc.proposed, doc.id) for doc in entry.docs])
    return True


def _write(
    result: FileResult, setup: str, ids: DocIds, writer: Writer, summary: RunSummary, check_setup: bool
) -> tuple[Entry | None, list[Failure]]:
    """Write one file's records and failures; its manifest entry, or None if the file must be done
    again next time (it was not read, or an article failed extraction). With `check_setup` (workers
    on other machines), a result made with other rules or code stops the run."""
    if check_setup and result.setup != setup:
        raise RunError(
            f"{result.path}: a worker read this file with other rules or another version of extract "
            "than this machine has; install the same version, with the same rules, everywhere."
        )
    proposed = [record.doc_id for record in result.records]
    finals = ids.propose(result.path, proposed)
    ids.commit(finals)
    docs = []
    for record, doc_id in zip(result.records, finals, strict=True):
        final = renamed(record, doc_id)
        writer.record(final)
        docs.append(Doc(record.doc_id, doc_id, final.sha))
    for failure in result.failures:
        writer.failure(failure.as_dict())
    for note in result.notes:
        summary.note(note)
    summary.read += len(docs) + sum(f.stage == "extract" for f in result.failures)
    summary.written += len(docs)
    summary.failed += len(result.failures)
    count_renames(summary, result.path, list(zip(proposed, finals, strict=True)))
    if result.input_sha is None or any(f.stage != "read" for f in result.failures):
        return None, result.failures
    failures = tuple(f.as_dict() for f in result.failures)
    entry = Entry(result.path, result.input_sha, setup, tuple(docs), failures, os.path.abspath(result.path))
    return entry, result.failures
