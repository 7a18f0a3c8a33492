"""Reading a run back: its records, and the article text each record came from.

`load_records` reads the records of an output folder (or its records.jsonl); `source_text` finds
each record's article again (`source_path`, through the run's manifest) and reads its raw text;
`no_source_text` is the error when none can be found. The trail view, the review page and the
annotation export all read a run this way.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from extract.output.record import Record


def load_records(path: Path) -> list[Record]:
    """Records from an output folder or a `records.jsonl` file, sorted by doc_id.

    In a folder, `records.jsonl` is read where it exists (it holds exactly the last run, where
    `<doc_id>.json` files of an earlier run may linger), else the `<doc_id>.json` files.
    Raises FileNotFoundError when the path does not exist."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such folder or file; give the output folder of `extract run`.")
    if path.is_dir() and (path / "records.jsonl").is_file():
        path = path / "records.jsonl"
    if path.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.json"))]
    else:
        texts = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [Record.model_validate(json.loads(text)) for text in texts]
    return sorted(records, key=lambda r: r.doc_id)


class NoSourceText(Exception):
    """None of the records' articles can be found to read their text again."""


def no_source_text(records: list[Record], out: Path) -> NoSourceText:
    """The error for records none of whose articles could be read again."""
    return NoSourceText(
        f"the article text of none of the {len(records)} records in {out} could be found (the first "
        f"names {records[0].source}); check that the articles are still there, or run `extract run` "
        f"on them again. A relative source is looked for where {_manifest_file(out)} says the run "
        f"found it, then from this folder and from each folder above {out}."
    )


def source_path(record: Record, out: Path | None = None) -> Path | None:
    """The article file of `record`, or None when it is not found. An absolute `source` is taken
    as it is. A relative one, as the user gave it to `extract run`, is looked up in the manifest
    of `out` (the records' folder, or its records.jsonl), which holds each input's absolute path
    since the run wrote it; failing that (an older run, a moved file) it is tried from here, then
    from each folder above `out` (`extract run -o out` was most often run in the folder above it)."""
    path = Path(record.source)
    if path.is_absolute():
        return path if path.is_file() else None
    if out is not None:
        found = _manifest_paths(out).get(record.source)
        if found is not None and Path(found).is_file():
            return Path(found)
    for base in [Path.cwd(), *(out.absolute().parents if out else ())]:
        if (base / path).is_file():
            return base / path
    return None


def _manifest_paths(out: Path) -> dict[str, str]:
    """Input path as given -> absolute path, from the manifest beside the records in `out`; empty
    where there is none. Read once for each state of the file (a report asks for every record)."""
    manifest = _manifest_file(out)
    try:
        info = manifest.stat()
    except OSError:
        return {}
    return _read_manifest_paths(str(manifest.absolute()), info.st_mtime_ns, info.st_size)


def _manifest_file(out: Path) -> Path:
    """The manifest of the run whose records are `out` (their folder, or its records.jsonl)."""
    from extract.running.manifest import MANIFEST

    return (out if out.is_dir() else out.parent) / MANIFEST


@lru_cache(maxsize=4)
def _read_manifest_paths(manifest: str, mtime_ns: int, size: int) -> dict[str, str]:
    from extract.running.manifest import load_manifest

    entries = load_manifest(Path(manifest).parent)
    return {source: entry.path for source, entry in entries.items() if entry.path is not None}


def source_text(record: Record, out: Path | None = None) -> str | None:
    """The raw text of the article a record came from (re-read from `record.source`, found as
    `source_path` does), or None when the file is gone or no article in it fits.

    A file holding several articles (JSON Lines) is searched for the record's doc_id, a file holding
    one article gives that one."""
    from extract.output.output import safe_id
    from extract.reading.read import read_file

    path = source_path(record, out)
    if path is None:
        return None
    articles = read_file(path).articles
    for article in articles:
        if record.doc_id in (article.doc_id, safe_id(article.doc_id)):
            return article.raw
    # `extract run` appends a digest to ids that clash; such an id still starts with the article's.
    for article in articles:
        if record.doc_id.startswith(safe_id(article.doc_id) + "_"):
            return article.raw
    return articles[0].raw if len(articles) == 1 else None
