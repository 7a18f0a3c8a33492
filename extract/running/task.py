"""The unit of work a worker runs: one input file in, its records and failures out.

`process_file` never raises for a bad input: whatever an article or file cannot give becomes a
Failure saying which file (and line, or article), which stage, and what to do. It runs in the main
process, in a pool worker or on a Dask worker alike, so what it takes and returns pickles.
"""

from __future__ import annotations

import hashlib
import stat
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.base.budget import Limits, MemoryBudgetExceeded, OverBudget, budget
from extract.output.rendered import Rendered, render, stage
from extract.reading.article import Article, ReadNote

if TYPE_CHECKING:
    from extract.running.jsonl_parts import Part

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Failure:
    """An input, or a part of one, that gave no record."""

    path: str  # the file, or `file:line` for a line of a JSON Lines file
    stage: str  # "read": the input could not be read; "extract": reading worked, extracting failed
    error: str  # the error's class
    message: str  # what failed and what to do
    doc_id: str | None = None  # the article, when reading got that far

    def as_dict(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"path": self.path}
        if self.doc_id is not None:
            entry["doc_id"] = self.doc_id
        entry.update(stage=self.stage, error=self.error, message=self.message)
        return entry


@dataclass(frozen=True)
class FileTask:
    """An input file to read. `path` is what the worker opens: absolute, as `extract run` makes it
    before a task leaves it, so that a worker started in another folder (a Dask worker on another
    machine) finds the file. `stage_in`: the run's temporary folder in OUT, when the worker is to
    write the record files there itself (under temporary names the writer renames), as pool
    workers on the same machine do;
    `limits`: the time and memory that reading the file, and each of its articles, may take;
    `source`: the path as the user gave it, which the records and failures name (`path` itself
    when None)."""

    path: str
    max_bytes: int = DEFAULT_MAX_BYTES
    stage_in: str | None = None
    limits: Limits = Limits()
    source: str | None = None
    part: Part | None = None  # the lines to read of a JSON Lines file read in parts; None: the whole

    @property
    def name(self) -> str:
        """The file as records and failures name it: the input path as given."""
        return self.path if self.source is None else self.source


@dataclass
class FileResult:
    """What one input file gave: records (rendered, doc_id as proposed by the reader) in file
    order, failures, the file's SHA-256 (None when it was not read) and the setup digest of the
    process that did the work. `path` is the task's `name`: the input path as given."""

    path: str
    input_sha: str | None
    setup: str
    records: list[Rendered] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    notes: list[ReadNote] = field(default_factory=list)
    last: bool = True  # False for a part of a file read in parts but its last (jsonl_parts.py)


def worker_setup() -> str:
    """The setup digest (rules, code, the entity layer) of this process, read once per set of rule
    layers and entity setting: what its records come from."""
    from extract.base.rules_dir import rule_layers
    from extract.text.entities import entities_on

    return _setup(rule_layers(), entities_on())


@cache
def _setup(layers: tuple[Path, ...], entities: bool) -> str:
    from extract.running.manifest import setup_digest

    return setup_digest()


def process_file(task: FileTask) -> FileResult:
    """Read one input file (opened at `task.path`) and extract a record from each of its articles;
    the records and failures name the file as `task.name`."""
    from extract.reading.read import read_regular

    if task.part is not None:
        from extract.running.jsonl_parts import process_part

        return process_part(task, task.part)
    path = Path(task.path)
    result = FileResult(task.name, None, worker_setup())
    with suppress(Exception):  # the article that needs a broken tool says what is wrong with it
        load_tools()
    unreadable = _size_failure(path, task.max_bytes, task.name)
    if unreadable is not None:
        result.failures.append(unreadable)
        return result
    try:
        data = read_regular(path)
    except OSError as e:
        message = f"cannot open the file ({e.strerror}); check that it exists and is readable."
        result.failures.append(Failure(task.name, "read", type(e).__name__, message))
        return result
    result.input_sha = hashlib.sha256(data).hexdigest()
    articles, failures, result.notes = _read(path, data, task.limits, task.name)
    result.failures.extend(failures)
    if not articles and not failures:
        result.failures.append(
            Failure(task.name, "read", "NoArticles", "the file holds no article; add one or remove the file.")
        )
    for article in articles:
        record, failure = extract_record(article, task.limits)
        if record is not None:
            result.records.append(stage(record, task.stage_in) if task.stage_in else record)
        if failure is not None:
            result.failures.append(failure)
    return result


def process_files(tasks: list[FileTask]) -> list[FileResult]:
    """`process_file` over a chunk of tasks: one round trip to a worker for several small files."""
    return [process_file(task) for task in tasks]


def warm_up() -> None:
    """Load the rules once in a fresh worker process, and the entity model where the layer is on,
    before its first article."""
    from extract.resolve.registry import default_ruleset
    from extract.text.entities import entities_on

    default_ruleset()
    worker_setup()
    if entities_on():
        from extract.text.lac_model import lac_model

        lac_model()


@cache
def load_tools() -> None:
    """Load what extracting uses besides the rules (gazetteer, the word layer, OpenCC), once
    per process, so that the first article's budget does not pay for it. A pool's fork server
    loads it (extract/running/preload.py) for every worker it forks."""
    from extract.text.entities import entities_on
    from extract.text.gazetteer import Gazetteer
    from extract.text.normalise import _changes_under_nfkc, _t2s, _traditional_chars
    from extract.text.segment import word_frequency

    Gazetteer.load()
    if entities_on():
        from extract.text.lac_model import lac_model

        lac_model()  # the entity layer's model, 0.3 s, where the run asks for it
    word_frequency("预热")  # builds the word layer: jieba-rs with our lexicons and places
    _t2s()
    _traditional_chars()
    _changes_under_nfkc()


def _size_failure(path: Path, max_bytes: int, name: str) -> Failure | None:
    """A Failure (naming the file `name`) for a file that is not a regular file or is over
    `max_bytes`; None if it can be read."""
    try:
        info = path.stat()
    except OSError as e:
        message = f"cannot open the file ({e.strerror}); check that it exists and is readable."
        return Failure(name, "read", type(e).__name__, message)
    if not stat.S_ISREG(info.st_mode):
        message = "is not a regular file (a device, pipe or socket); give article files or folders."
        return Failure(name, "read", "NotAFile", message)
    if info.st_size <= max_bytes:
        return None
    # (A JSON Lines file over the limit never comes here: it is read in parts, jsonl_parts.py.)
    message = (
        f"the file is {info.st_size:,} bytes, over the limit of {max_bytes:,}; split it into smaller "
        "files or raise the limit with --max-bytes."
    )
    return Failure(name, "read", "InputTooLarge", message)


def _read(
    path: Path, data: bytes, limits: Limits, name: str
) -> tuple[list[Article], list[Failure], list[ReadNote]]:
    """The file's articles, a Failure for each file or part of it that could not be read, and the
    notes reading made; all name the file `name`."""
    from extract.reading.read import read_file

    try:
        with budget(limits, len(data)):
            result = read_file(path, data, name)
    except OverBudget as e:
        message = over_budget(e, f"reading the file ({len(data):,} bytes)", limits, len(data))
        return [], [Failure(name, "read", type(e).__name__, message)], []
    except Exception as e:  # a bug in a reader must cost this file, not the run
        message = f"{type(e).__name__}: {e}; the file was skipped. This is a bug in extract: please report it with the file."
        return [], [Failure(name, "read", type(e).__name__, message)], []
    failures = [Failure(err.path, "read", type(err).__name__, err.message) for err in result.errors]
    return list(result.articles), failures, list(result.notes)


def over_budget(e: OverBudget, what: str, limits: Limits, size: int) -> str:
    """The message of a failure for work past its budget: what ran out, and what to do."""
    if isinstance(e, MemoryBudgetExceeded):
        return (
            f"{what} needed more memory than its bound of {limits.describe_memory(size)}; it was "
            "skipped. Split it into smaller pieces, or report it with the file."
        )
    return (
        f"{what} took longer than its budget of {limits.seconds:g}s (all stages together); it was "
        "skipped. Split it into smaller pieces, raise the budget with --max-seconds, or report it "
        "with the file."
    )


def extract_record(article: Article, limits: Limits) -> tuple[Rendered | None, Failure | None]:
    """The record of one article, rendered, or the Failure that stopped it."""
    from extract.resolve.registry import default_ruleset
    from extract.rules_engine.engine import RuleTimeout
    from extract.running.pipeline import extract_article

    try:
        size = len(article.raw.encode("utf-8", "replace"))
        with budget(limits, size):
            record = extract_article(article, default_ruleset())
            return render(record.model_dump(mode="json")), None
    except OverBudget as e:
        message = over_budget(e, f"article {article.doc_id}", limits, size)
        return None, Failure(article.where, "extract", type(e).__name__, message, article.doc_id)
    except RuleTimeout as e:
        message = (
            f"article {article.doc_id} ({len(article.raw):,} characters): {e}; the article was "
            "skipped. Split very long text into smaller articles, or report the rule with the file."
        )
        return None, Failure(article.where, "extract", type(e).__name__, message, article.doc_id)
    except Exception as e:  # one bad article must not stop a run over millions
        message = (
            f"article {article.doc_id}: {type(e).__name__}: {e}; the article was skipped. This is a "
            "bug in extract: please report it with the file."
        )
        return None, Failure(article.where, "extract", type(e).__name__, message, article.doc_id)
