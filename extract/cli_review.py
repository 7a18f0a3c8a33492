"""The review commands: explain, report, export, annotate export/import. `register(app)` adds them.

Each command imports its module inside the function, so `extract --help` stays fast.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from extract.cli_rules import RulesOption, layer_rules

OutArg = Annotated[Path, typer.Argument(help="Output folder of `extract run` (or its records.jsonl).")]


class Format(StrEnum):
    csv = "csv"
    sqlite = "sqlite"


def _fail(message: str, code: int = 2) -> typer.Exit:
    """Print one error line and return the exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _warn(warnings: list[str]) -> None:
    for line in warnings:
        typer.echo(f"warning: {line}", err=True)


def explain(
    file: Annotated[Path, typer.Argument(help="An article file (.txt, .html, .json, .jsonl).")],
    field: Annotated[
        str | None,
        typer.Option("--field", "-f", help="Only values whose path starts with this (date, attendees[3])."),
    ] = None,
    rules: RulesOption = None,
) -> None:
    """Run the pipeline on FILE and show each value in the text, with its span, rule and resolver steps."""
    from rich.console import Console

    from extract.reading.read import read_file
    from extract.review.explain import render
    from extract.running.pipeline import extract_article

    layer_rules(rules)
    if not file.is_file():
        raise _fail(f"{file}: no such file; give an article file.")
    if field is not None:
        _check_field(field)
    result = read_file(file)
    for error in result.errors:
        typer.echo(f"error: {error}", err=True)
    if not result.articles:
        raise typer.Exit(2)
    console = Console(highlight=False)
    for article in result.articles:
        render(extract_article(article), article.raw, console, field)


def _check_field(field: str) -> None:
    """Exit 2 unless `field` starts with the name of a field of the record (`date`, `attendees[3]`)."""
    import re

    from extract.output.record import Record

    names = [n for n in Record.model_fields if n not in ("doc_id", "source", "evidence")]
    if re.match(r"\w*", field)[0] not in names:  # type: ignore[index]
        raise _fail(f"--field {field}: no such field; give one of {', '.join(names)} (or e.g. attendees[0]).")


def report(
    out: OutArg,
    gold: Annotated[
        Path | None, typer.Option("--gold", "-g", help="Folder of gold <doc_id>.json files.")
    ] = None,
    dest: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path(
        "report.html"
    ),
) -> None:
    """Write one self-contained HTML page to review the records (and their misses against gold)."""
    from extract.review.explain import NoSourceText
    from extract.review.report import write_report

    for path, what in ((out, "records"), (gold, "gold")):
        if path is not None and not path.exists():
            raise _fail(f"{what} path {path} does not exist.")
    try:
        count = write_report(out, dest, gold)
    except NoSourceText as e:
        raise _fail(str(e), 1) from e
    typer.echo(f"{count} articles -> {dest}")


def export(
    out: OutArg,
    fmt: Annotated[
        Format, typer.Option("--format", help="csv: a folder of tables; sqlite: one database file.")
    ],
    dest: Annotated[Path, typer.Option("-o", "--output", help="Folder (csv) or file (sqlite) to write.")],
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV with a UTF-8 byte-order mark, for Excel.")
    ] = False,
) -> None:
    """Export the records as long-format tables keyed by doc_id: a folder of CSV files or one SQLite file.

    Tables: articles, organisers, attendees, stations, signed_projects, signed_project_parties."""
    import sqlite3

    from extract.output.export import write_csv, write_sqlite
    from extract.review.explain import load_records

    if not out.exists():
        raise _fail(f"records path {out} does not exist.")
    if fmt is Format.csv and dest.exists() and not dest.is_dir():
        raise _fail(f"{dest} is a file; --format csv writes a folder of tables: give a folder with -o.")
    if fmt is Format.sqlite and dest.is_dir():
        raise _fail(f"{dest} is a folder; --format sqlite writes one file: give a file name with -o.")
    records = load_records(out)
    if fmt is Format.csv:
        paths = write_csv(records, dest, excel=excel)
        typer.echo(f"{len(records)} records -> {len(paths)} tables in {dest}")
        return
    try:
        write_sqlite(records, dest)
    except sqlite3.IntegrityError as e:
        raise _fail(f"{e}: two records share a doc_id in {out}; export each run separately.") from e
    typer.echo(f"{len(records)} records -> {dest}")


annotate = typer.Typer(
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Make gold with Label Studio: tasks out, annotations in.",
)


@annotate.command("export")
def annotate_export(
    out: OutArg,
    dest: Annotated[
        Path, typer.Option("-o", "--output", help="The tasks file; label_config.xml goes beside it.")
    ] = Path("tasks.json"),
    gold: Annotated[
        Path | None, typer.Option("--gold", "-g", help="Gold files to give the tasks as annotations.")
    ] = None,
) -> None:
    """Write Label Studio tasks: article text, the records as predictions (and gold as annotations)."""
    from extract.review.annotate import export_tasks
    from extract.review.explain import NoSourceText

    for path, what in ((out, "records"), (gold, "gold")):
        if path is not None and not path.exists():
            raise _fail(f"{what} path {path} does not exist.")
    warnings: list[str] = []
    try:
        count = export_tasks(out, dest, gold, warnings)
    except NoSourceText as e:
        raise _fail(str(e), 1) from e
    _warn(warnings)
    typer.echo(f"{count} tasks -> {dest} (config {dest.parent / 'label_config.xml'})")


@annotate.command("import")
def annotate_import(
    export_file: Annotated[Path, typer.Argument(metavar="EXPORT", help="A Label Studio JSON export.")],
    dest: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the gold <doc_id>.json files.")
    ] = Path("gold"),
) -> None:
    """Turn a Label Studio JSON export into gold files (docs/record.md, "Gold files"), one per annotated task."""
    import json

    from extract.review.annotate import import_tasks

    if not export_file.is_file():
        raise _fail(f"{export_file}: no such file; export the project from Label Studio as JSON.")
    warnings: list[str] = []
    try:
        written = import_tasks(export_file, dest, warnings)
    except json.JSONDecodeError as e:
        raise _fail(f"{export_file}:{e.lineno}: not valid JSON ({e.msg}); export as JSON again.") from e
    _warn(warnings)
    if not written:
        raise _fail(
            f"{export_file}: no annotated task, so no gold file was written; annotate the tasks in "
            "Label Studio, then export the project as JSON again.",
            1,
        )
    typer.echo(f"{len(written)} gold files -> {dest}")


def register(app: typer.Typer) -> None:
    """Add explain, report, export and the `annotate` group to the `extract` app."""
    app.command()(explain)
    app.command()(report)
    app.command()(export)
    app.add_typer(annotate, name="annotate")
