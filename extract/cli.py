"""The `extract` command: run, eval, schema, and the review commands of extract.cli_review.

A thin layer over extract.running.runner, extract.review.score and the review modules."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from extract.base.budget import DEFAULT_SECONDS, MEMORY_BASE, MEMORY_PER_BYTE, MIB
from extract.cli_review import register as register_review_commands
from extract.cli_rules import RulesOption, layer_rules, load_only
from extract.cli_rules import register as register_rules_commands
from extract.running.task import DEFAULT_MAX_BYTES

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    context_settings=HELP_OPTIONS,
    help="Structured records from Chinese local news. The record, the gold format and the score: docs/record.md.",
)


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"extract {version('extract')}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """The options of `extract` itself (the app's help text is the one above)."""


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help="Article files or folders (searched recursively).")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("out"),
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            show_default="one per core",
            help="Processes to extract with; 1 runs in this process, with no pool.",
        ),
    ] = None,
    engine: Annotated[
        Engine, typer.Option("--engine", help="Where to extract: this machine, or a Dask cluster.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Address of a running Dask scheduler (tcp://host:8786); without it, --engine dask "
            "starts a local cluster of --workers processes.",
        ),
    ] = None,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes",
            min=1,
            help="Input files larger than this fail, reported in errors.jsonl; for JSON Lines, each line.",
        ),
    ] = DEFAULT_MAX_BYTES,
    max_seconds: Annotated[
        float,
        typer.Option(
            "--max-seconds",
            min=0.1,
            help="Time reading one file, or extracting one article, may take (all stages together); "
            "past it the file or article fails, reported in errors.jsonl.",
        ),
    ] = DEFAULT_SECONDS,
    max_memory: Annotated[
        int | None,
        typer.Option(
            "--max-memory",
            min=1,
            metavar="MIB",
            show_default=f"{MEMORY_BASE // MIB} MiB + {MEMORY_PER_BYTE} x the input's size",
            help="Memory reading one file, or extracting one article, may add to its process; past "
            "it the file or article fails, reported in errors.jsonl.",
        ),
    ] = None,
    follow_links: Annotated[
        bool,
        typer.Option(
            "--follow-links",
            help="Read files and folders that links in the input folders point to outside the inputs "
            "(by default they are skipped and reported).",
        ),
    ] = False,
    fresh: Annotated[
        bool,
        typer.Option("--fresh", help="Extract every article again, ignoring records of earlier runs in OUT."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line.")] = False,
    rules: RulesOption = None,
    entities: Annotated[
        bool,
        typer.Option(
            "--entities",
            help="Read persons, organisations and places with a trained model (Baidu's LAC, the "
            "`entities` extra) where a name or a body's end is in doubt: better name boundaries, slower.",
        ),
    ] = False,
) -> None:
    """Extract one record per article into OUT/<doc_id>.json and OUT/records.jsonl.

    Articles that give no record are listed in OUT/errors.jsonl. Run again into the same OUT to
    resume: records whose input, rules and code are unchanged are kept. Exit status: 0 when every
    article gave a record, 1 when some failed, 2 when the run could not start or go on (bad option,
    missing input, OUT overlapping an input or in use by another run, a file of yours in OUT where a
    record must go, broken rule file).
    """
    import os

    from extract.base.budget import Limits
    from extract.rules_engine.ruleset import RuleError
    from extract.running.progress import RunProgress
    from extract.running.runner import RunError, extract_paths

    layer_rules(rules)
    show = not quiet and sys.stdout.isatty()
    try:
        with RunProgress() if show else nullcontext() as progress:
            summary = extract_paths(
                inputs,
                out,
                on_file=progress.update if progress else None,
                workers=workers or os.cpu_count() or 1,
                engine=engine.value,
                scheduler=scheduler,
                max_bytes=max_bytes,
                resume=not fresh,
                follow_links=follow_links,
                limits=Limits(max_seconds, max_memory),
                entities=entities,
            )
    except (RuleError, RunError) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    except OSError as e:
        where = e.filename or out
        typer.echo(
            f"error: cannot write to {where}: {e.strerror or e}. Fix that and run again to resume.", err=True
        )
        raise typer.Exit(2) from e
    except KeyboardInterrupt as e:
        typer.echo(f"interrupted: the records in {out} are kept; run the same command to resume.", err=True)
        raise typer.Exit(130) from e
    where = f"; failures are listed in {out / 'errors.jsonl'}" if summary.failed else ""
    typer.echo(f"{summary.line()} -> {out}{where}")
    if not quiet:
        for note in summary.notes_lines():
            typer.echo(f"note: {note}")
    raise typer.Exit(1 if summary.failed else 0)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Folder of gold <doc_id>.json files.")],
    pred: Annotated[Path, typer.Argument(help="Folder of records or a records.jsonl file.")],
    errors: Annotated[bool, typer.Option("--errors", help="List each miss and spurious value.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    min_macro: Annotated[
        float | None, typer.Option("--min-macro", help="Exit 1 when macro F1 is below.")
    ] = None,
    only: Annotated[
        str | None,
        typer.Option(
            "--only",
            help="Score only some documents: SPLIT.json:KEY (a list of doc ids under KEY), or a file of ids.",
        ),
    ] = None,
) -> None:
    """Score records against gold, per field (how: docs/record.md, "How eval scores").

    A gold document without a record counts as all missed; a record without gold is not scored.
    Exit status: 0, or 1 when no gold document has a record (or macro F1 is below --min-macro),
    2 for a missing path or gold that holds records (GOLD and PRED swapped)."""
    from extract.review.score import load_json_dir, score_records

    for path, what in ((gold, "gold"), (pred, "predictions")):
        if not path.exists():
            typer.echo(f"error: {what} path {path} does not exist.", err=True)
            raise typer.Exit(2)
    subset = load_only(only)
    golds, preds = load_json_dir(gold), load_json_dir(pred)
    if subset is not None:
        golds = {doc: g for doc, g in golds.items() if doc in subset}
        preds = {doc: p for doc, p in preds.items() if doc in subset}
    if any("evidence" in g for g in golds.values()):
        typer.echo(
            f"error: {gold} holds records of `extract run` (they have evidence), not gold; give the "
            "gold first: extract eval GOLD PRED.",
            err=True,
        )
        raise typer.Exit(2)
    if not _overlap(golds, preds, gold, pred):
        raise typer.Exit(1)  # a table of zeros would read as a score
    result = score_records(golds, preds)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(f"{'field':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        for name, t in result.tallies.items():
            p, r, f = t.prf()
            typer.echo(f"{name:24} {p:6.3f} {r:6.3f} {f:6.3f} {t.tp:5} {t.fp:5} {t.fn:5}")
        if errors:
            _print_errors(result.errors)
        typer.echo(
            f"documents {result.documents}  macro F1 {result.macro_f1:.3f}  micro F1 {result.micro_f1:.3f}"
        )
    if min_macro is not None and result.macro_f1 < min_macro:
        raise typer.Exit(1)


def _overlap(golds: Mapping[str, object], preds: Mapping[str, object], gold: Path, pred: Path) -> bool:
    """Warn of gold documents without a record and records without gold; False (and an error
    printed) when no document is on both sides."""
    unmatched = len(golds.keys() - preds.keys())
    unscored = len(preds.keys() - golds.keys())
    if not golds.keys() & preds.keys():
        typer.echo(
            f"error: no doc_id is both in the gold ({len(golds)} documents in {gold}) and in the records "
            f"({len(preds)} in {pred}); check that PRED holds the records of GOLD's articles.",
            err=True,
        )
        return False
    if unmatched:
        typer.echo(
            f"warning: {unmatched} gold documents have no record in {pred}; scored as missed.", err=True
        )
    if unscored:
        typer.echo(f"warning: {unscored} records have no gold in {gold}; not scored.", err=True)
    return True


def _print_errors(errors: list) -> None:  # type: ignore[type-arg]
    """Errors grouped by field, then by the rule that fired (or none), so the next rule to write shows."""
    from collections import defaultdict

    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in errors:
        groups[(e.field, e.rule or "(no rule)")].append(str(e))
    for (field, rule), lines in sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        typer.echo(f"\n## {field} — {rule}: {len(lines)}")
        for line in lines:
            typer.echo(f"  {line}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record."""
    from extract.output.record import Record

    json.dump(Record.model_json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


register_review_commands(app)
register_rules_commands(app)

if __name__ == "__main__":
    app()
