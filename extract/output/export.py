"""Records as long-format tables, one per kind of value, for spreadsheets and SQL.

Tables (every row keyed by `doc_id`; list tables also by `position`, the item's index in the record,
so that order survives and rows have a key):

    articles               doc_id, source, title, published, date, district, city, street, venue
    organisers             doc_id, position, name
    attendees              doc_id, position, name, title
    stations               doc_id, position, name, address
    signed_projects        doc_id, position, name
    signed_project_parties doc_id, project, position, party   (project = signed_projects.position)

Parties get a table of their own rather than a joined string: a party's name may itself hold `、`.
CSV files are UTF-8 without a byte-order mark; `excel=True` writes one (`utf-8-sig`) so that Excel
reads the Chinese right. SQLite gets the same tables with primary and foreign keys.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.output.record import Record


@dataclass(frozen=True)
class Table:
    """A table's name, columns, key columns, and the (columns, table) its rows refer to."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    parent: tuple[tuple[str, ...], str, tuple[str, ...]] | None = None


ARTICLE_COLUMNS = ("doc_id", "source", "title", "published", "date", "district", "city", "street", "venue")
_TO_ARTICLE = (("doc_id",), "articles", ("doc_id",))
TABLES = (
    Table("articles", ARTICLE_COLUMNS, ("doc_id",)),
    Table("organisers", ("doc_id", "position", "name"), ("doc_id", "position"), _TO_ARTICLE),
    Table("attendees", ("doc_id", "position", "name", "title"), ("doc_id", "position"), _TO_ARTICLE),
    Table("stations", ("doc_id", "position", "name", "address"), ("doc_id", "position"), _TO_ARTICLE),
    Table("signed_projects", ("doc_id", "position", "name"), ("doc_id", "position"), _TO_ARTICLE),
    Table(
        "signed_project_parties",
        ("doc_id", "project", "position", "party"),
        ("doc_id", "project", "position"),
        (("doc_id", "project"), "signed_projects", ("doc_id", "position")),
    ),
)
_INTEGER_COLUMNS = frozenset({"position", "project"})


def rows(records: list[Record]) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in record order and item order."""
    out: dict[str, list[tuple[Any, ...]]] = {t.name: [] for t in TABLES}
    for r in records:
        out["articles"].append(tuple(getattr(r, c) for c in ARTICLE_COLUMNS))
        out["organisers"].extend((r.doc_id, i, name) for i, name in enumerate(r.organisers))
        out["attendees"].extend((r.doc_id, i, a.name, a.title) for i, a in enumerate(r.attendees))
        out["stations"].extend((r.doc_id, i, s.name, s.address) for i, s in enumerate(r.stations))
        out["signed_projects"].extend((r.doc_id, i, p.name) for i, p in enumerate(r.signed_projects))
        out["signed_project_parties"].extend(_parties(r))
    return out


def _parties(record: Record) -> Iterator[tuple[Any, ...]]:
    for i, project in enumerate(record.signed_projects):
        for j, party in enumerate(project.parties):
            yield (record.doc_id, i, j, party)


def write_csv(records: list[Record], folder: Path, excel: bool = False) -> list[Path]:
    """One `<table>.csv` per table in `folder` (header row first; empty cell for null); returns them."""
    folder.mkdir(parents=True, exist_ok=True)
    encoding = "utf-8-sig" if excel else "utf-8"
    written = []
    for table, table_rows in zip(TABLES, rows(records).values(), strict=True):
        path = folder / f"{table.name}.csv"
        tmp = path.with_name(f".{path.name}.tmp")
        with tmp.open("w", encoding=encoding, newline="") as f:
            writer = csv.writer(f)
            writer.writerow(table.columns)
            writer.writerows(table_rows)
        os.replace(tmp, path)
        written.append(path)
    return written


def schema() -> str:
    """The SQLite schema: the tables with their primary and foreign keys."""
    statements = []
    for t in TABLES:
        cols = [f"{c} {'INTEGER' if c in _INTEGER_COLUMNS else 'TEXT'}" for c in t.columns]
        cols[0] += " NOT NULL"
        cols.append(f"PRIMARY KEY ({', '.join(t.key)})")
        if t.parent is not None:
            own, parent, theirs = t.parent
            cols.append(f"FOREIGN KEY ({', '.join(own)}) REFERENCES {parent} ({', '.join(theirs)})")
        statements.append(f"CREATE TABLE {t.name} (\n  " + ",\n  ".join(cols) + "\n);")
    return "\n".join(statements)


def write_sqlite(records: list[Record], path: Path) -> Path:
    """The tables in a new SQLite file at `path` (built beside it and renamed over any old one).

    Foreign keys are enforced while the rows go in, so a broken key fails here, not in a query."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA foreign_keys = ON")
            with con:
                con.executescript(schema())
                for table, table_rows in zip(TABLES, rows(records).values(), strict=True):
                    marks = ", ".join("?" for _ in table.columns)
                    con.executemany(f"INSERT INTO {table.name} VALUES ({marks})", table_rows)
        finally:
            con.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # nothing half-made is left beside `path`
        raise
    return path
