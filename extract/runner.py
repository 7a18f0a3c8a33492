"""Articles from paths to records on disk, article by article; failures reported, never fatal."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from extract.article import Article, ReadError
from extract.output import Writer, safe_id
from extract.record import Record


@dataclass
class RunSummary:
    read: int = 0
    written: int = 0
    failed: int = 0
    renamed: int = 0

    def line(self) -> str:
        extra = f", {self.renamed} ids made unique" if self.renamed else ""
        return f"{self.read} articles read, {self.written} records written, {self.failed} failed{extra}"


@dataclass(frozen=True)
class Failure:
    path: str
    stage: str
    error: str
    message: str


def iter_articles(inputs: Sequence[Path]) -> Iterator[Article | Failure]:
    """Every article of every input file, or a Failure where a file (or a line of it) can't be read."""
    from extract.read import iter_input_files, read_file

    try:
        files = list(iter_input_files(inputs))
    except ReadError as e:
        yield Failure(e.path, "read", type(e).__name__, e.message)
        return
    for path in files:
        try:
            result = read_file(path)
        except ReadError as e:
            yield Failure(e.path, "read", type(e).__name__, e.message)
            continue
        except OSError as e:
            yield Failure(str(path), "read", type(e).__name__, f"cannot open the file ({e.strerror}).")
            continue
        yield from result.articles
        for err in result.errors:
            yield Failure(err.path, "read", type(err).__name__, err.message)


def _unique(article: Article, seen: set[str]) -> tuple[Article, bool]:
    doc_id = safe_id(article.doc_id)
    renamed = doc_id != article.doc_id
    if doc_id in seen:
        digest = hashlib.sha1(article.source.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        doc_id, renamed = f"{doc_id}_{digest}", True
    seen.add(doc_id)
    return (replace(article, doc_id=doc_id) if doc_id != article.doc_id else article), renamed


def extract_paths(
    inputs: Sequence[Path], out: Path, on_record: Callable[[Record | Failure], None] | None = None
) -> RunSummary:
    """Read every article under `inputs`, write its record into `out`; report failures in errors.jsonl."""
    from extract.pipeline import extract_article
    from extract.ruleset import default_ruleset

    ruleset = default_ruleset()  # a broken rule file stops the run here, before any article
    summary = RunSummary()
    seen: set[str] = set()
    with Writer(out) as writer:
        for item in iter_articles(inputs):
            if isinstance(item, Failure):
                writer.failure(item.path, item.stage, item.error, item.message)
                summary.failed += 1
                if on_record:
                    on_record(item)
                continue
            summary.read += 1
            article, renamed = _unique(item, seen)
            summary.renamed += renamed
            try:
                record = extract_article(article, ruleset)
            except Exception as e:  # one bad article must not stop a run over millions
                message = f"{type(e).__name__}: {e}. The article was skipped; please report it with the file."
                failure = Failure(article.source, "extract", type(e).__name__, message)
                writer.failure(failure.path, failure.stage, failure.error, failure.message)
                summary.failed += 1
                if on_record:
                    on_record(failure)
                continue
            writer.record(record)
            summary.written += 1
            if on_record:
                on_record(record)
    return summary
