"""CSV and SQLite exports hold every value of the records, in long tables keyed by doc_id."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from extract.cli_review import register
from extract.output.export import TABLES, write_csv, write_sqlite
from extract.output.record import Record, SignedProject
from extract.review.explain import load_records


def _expected(records: list[Record]) -> dict[str, list[tuple[str, ...]]]:
    """Each table's rows as the JSON records give them (nulls as '' the way CSV writes them)."""

    def s(v: object) -> str:
        return "" if v is None else str(v)

    out: dict[str, list[tuple[str, ...]]] = {t.name: [] for t in TABLES}
    for r in records:
        out["articles"].append(
            tuple(
                s(v)
                for v in (
                    r.doc_id,
                    r.source,
                    r.title,
                    r.published,
                    r.date,
                    r.district,
                    r.city,
                    r.street,
                    r.venue,
                )
            )
        )
        out["organisers"] += [(r.doc_id, str(i), o) for i, o in enumerate(r.organisers)]
        out["attendees"] += [(r.doc_id, str(i), a.name, s(a.title)) for i, a in enumerate(r.attendees)]
        out["stations"] += [(r.doc_id, str(i), st.name, s(st.address)) for i, st in enumerate(r.stations)]
        out["signed_projects"] += [(r.doc_id, str(i), p.name) for i, p in enumerate(r.signed_projects)]
        out["signed_project_parties"] += [
            (r.doc_id, str(i), str(j), party)
            for i, p in enumerate(r.signed_projects)
            for j, party in enumerate(p.parties)
        ]
    return out


def _with_parties(records: list[Record]) -> list[Record]:
    """The seeds' records plus one whose project has parties (names holding 、 and a comma)."""
    extra = Record(
        doc_id="zz_parties",
        source="x.txt",
        signed_projects=[
            SignedProject(name="党建共建", parties=["中共甲公司委员会", "乙街道、丙社区,联合党委"]),
            SignedProject(name="结对协议"),
        ],
    )
    return [*records, extra]


def test_csv_holds_every_value_of_the_records(seed_records: Path, tmp_path: Path) -> None:
    records = _with_parties(load_records(seed_records))
    paths = write_csv(records, tmp_path / "csv")
    assert [p.name for p in paths] == [f"{t.name}.csv" for t in TABLES]
    expected = _expected(records)
    assert len(expected["attendees"]) == sum(len(r.attendees) for r in records) > 0
    parties = sum(len(p.parties) for r in records for p in r.signed_projects)
    assert len(expected["signed_project_parties"]) == parties >= 2
    for table in TABLES:
        data = (tmp_path / "csv" / f"{table.name}.csv").read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), "plain UTF-8 unless --excel"
        with (tmp_path / "csv" / f"{table.name}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert tuple(rows[0]) == table.columns
        assert [tuple(r) for r in rows[1:]] == expected[table.name], table.name


def test_csv_for_excel_starts_with_a_byte_order_mark(seed_records: Path, tmp_path: Path) -> None:
    write_csv(load_records(seed_records), tmp_path, excel=True)
    data = (tmp_path / "attendees.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode("utf-8").startswith("doc_id,position,name,title")


def test_sqlite_holds_every_value_with_keys(seed_records: Path, tmp_path: Path) -> None:
    records = _with_parties(load_records(seed_records))
    path = write_sqlite(records, tmp_path / "records.sqlite")
    expected = _expected(records)
    con = sqlite3.connect(path)
    try:
        for table in TABLES:
            cols = ", ".join(table.columns)
            got = con.execute(f"SELECT {cols} FROM {table.name} ORDER BY rowid").fetchall()
            as_text = [tuple("" if v is None else str(v) for v in row) for row in got]
            assert as_text == expected[table.name], table.name
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        joined = con.execute(
            "SELECT count(*) FROM attendees JOIN articles USING (doc_id) WHERE articles.title IS NOT NULL"
        ).fetchone()[0]
        assert joined == sum(len(r.attendees) for r in records if r.title)
        con.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("INSERT INTO articles (doc_id, source) VALUES (?, ?)", (records[0].doc_id, "again"))
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("INSERT INTO organisers VALUES ('no-such-article', 0, 'x')")
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("INSERT INTO signed_project_parties VALUES ('zz_parties', 7, 0, 'x')")
    finally:
        con.close()


def test_sqlite_export_replaces_an_older_file(seed_records: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite"
    records = load_records(seed_records)
    write_sqlite(records, path)
    write_sqlite(records[:1], path)
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        con.close()


def test_export_command_writes_both_formats(seed_records: Path, tmp_path: Path) -> None:
    cli = typer.Typer()
    register(cli)
    runner = CliRunner()
    result = runner.invoke(
        cli, ["export", str(seed_records), "--format", "csv", "-o", str(tmp_path / "t"), "--excel"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "t" / "articles.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    result = runner.invoke(
        cli, ["export", str(seed_records), "--format", "sqlite", "-o", str(tmp_path / "r.db")]
    )
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(tmp_path / "r.db")
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(load_records(seed_records))
    finally:
        con.close()
    bad = runner.invoke(cli, ["export", str(seed_records), "--format", "xlsx", "-o", str(tmp_path / "x")])
    assert bad.exit_code != 0


@pytest.mark.parametrize(("fmt", "kind"), [("csv", "file"), ("sqlite", "folder")])
def test_export_onto_a_path_of_the_other_kind_fails_in_one_line(
    seed_records: Path, tmp_path: Path, fmt: str, kind: str
) -> None:
    cli = typer.Typer()
    register(cli)
    dest = tmp_path / "dest"
    if kind == "file":
        dest.write_text("kept", encoding="utf-8")
    else:
        dest.mkdir()
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = CliRunner().invoke(cli, ["export", str(seed_records), "--format", fmt, "-o", str(dest)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output.startswith(f"error: {dest} is a {kind}") and result.output.count("\n") == 1
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_failed_sqlite_export_leaves_no_temporary_file(seed_records: Path, tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(OSError):
        write_sqlite(load_records(seed_records), tmp_path / "taken")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
