"""What the run writes for one input file: the records an earlier run made for it, kept (`reuse`),
or the records and failures this run made, with the file's manifest entry (`write_file`)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from extract.output.ids import DocIds
from extract.output.jsontext import sha256_text
from extract.output.output import Writer
from extract.output.rendered import renamed
from extract.running.inputs import RunError
from extract.running.manifest import Doc, Entry
from extract.running.summary import RunSummary, count_renames
from extract.running.task import Failure, FileResult

OnPart = Callable[[RunSummary, list[Failure]], None]


def reuse(entry: Entry, ids: DocIds, writer: Writer, summary: RunSummary) -> bool:
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
    result: FileResult,
    setup: str,
    ids: DocIds,
    writer: Writer,
    summary: RunSummary,
    check_setup: bool,
    place: int,
) -> list[Doc]:
    """Write one result's records and failures, and count them; the records' manifest lines.
    `place`: how many records of the file came before (in earlier parts). With `check_setup`
    (workers on other machines), a result made with other rules or code stops the run."""
    if check_setup and result.setup != setup:
        raise RunError(
            f"{result.path}: a worker read this file with other rules or another version of extract "
            "than this machine has; install the same version, with the same rules, everywhere."
        )
    proposed = [record.doc_id for record in result.records]
    finals = ids.propose(result.path, proposed, place)
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
    return docs


def write_file(
    results: Iterator[FileResult],
    setup: str,
    ids: DocIds,
    writer: Writer,
    summary: RunSummary,
    check_setup: bool,
    on_part: OnPart | None = None,
) -> tuple[Entry | None, list[Failure]]:
    """Write the results of one input file as they come, from `results`: one result, or one per
    part of a JSON Lines file read in parts (`on_part` called after each but the last, with the
    counts so far and that part's failures). The file's manifest entry, or None if it must be done
    again next time (it was not read, or an article failed extraction); and the last result's
    failures."""
    docs: list[Doc] = []
    failures: list[Failure] = []
    unread = False  # a part not read (the file gone, its worker dead): no failure its content decides
    while True:
        result = next(results)
        docs.extend(_write(result, setup, ids, writer, summary, check_setup, len(docs)))
        failures.extend(result.failures)
        if result.last:
            break
        unread = unread or any(f.path == result.path for f in result.failures)
        if on_part:
            on_part(summary, result.failures)
    if unread or result.input_sha is None or any(f.stage != "read" for f in failures):
        return None, result.failures
    entry = Entry(
        result.path,
        result.input_sha,
        setup,
        tuple(docs),
        tuple(f.as_dict() for f in failures),
        os.path.abspath(result.path),
    )
    return entry, result.failures
