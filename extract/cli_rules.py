"""The `rules` commands (check, coverage) and the `--rules` option every command that reads rules takes.

`register(app)` adds the `rules` group; `RulesOption` and `layer_rules` give a command `--rules`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

RulesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules",
        help="A rule folder layered over ours: a rule with one of our ids replaces ours, a new "
        "<field>.toml adds a field (under `extra` in the record), lexicon/*.txt add word lists. Repeatable.",
    ),
]


def layer_rules(folders: list[Path] | None) -> None:
    """Layer `folders` over our rules for this command, or exit 2 naming a folder that is not there."""
    if not folders:
        return
    from extract.base.rules_dir import use_layers

    try:
        use_layers(folders)
    except NotADirectoryError as e:
        typer.echo(f"error: --rules {e}", err=True)
        raise typer.Exit(2) from e


def load_only(only: str | None) -> set[str] | None:
    """The doc ids `--only` names (`SPLIT.json:KEY` or a file of ids), or None without it; exits 2
    saying what is wrong when they cannot be read."""
    from extract.review.score import load_subset

    if not only:
        return None
    try:
        return load_subset(only)
    except ValueError as e:
        typer.echo(f"error: --only {only}: {e}", err=True)
        raise typer.Exit(2) from e


rules = typer.Typer(
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Tools for rule writers: check a rule folder, see what each rule finds.",
)


@rules.command("check")
def check(
    folder: Annotated[
        Path | None, typer.Argument(help="The rule folder to check.", show_default="the project's rules/")
    ] = None,
    layers: RulesOption = None,
) -> None:
    """Load and check every rule file of FOLDER (and the --rules layers over it); list every problem.

    Problems: TOML that does not parse, a missing [field] table, unknown keys, options, resolvers
    and finders, duplicate ids, patterns that do not compile or match the empty string, examples
    that do not give their groups, counter-examples that match, catastrophic backtracking, rules
    without examples. Each line names file, line and rule id. Exit status: 0 when there is none,
    1 when there are problems, 2 for a folder that is not there."""
    from extract.base.rules_dir import RULES_DIR
    from extract.review.rules_check import check_rules

    folder = folder or RULES_DIR
    for path in (folder, *(layers or [])):
        if not path.is_dir():
            typer.echo(f"error: {path}: no such rule folder.", err=True)
            raise typer.Exit(2)
    problems = check_rules(folder, layers or [])
    for problem in problems:
        typer.echo(str(problem))
    count = len(list(folder.glob("*.toml"))) + sum(len(list(d.glob("*.toml"))) for d in layers or [])
    if problems:
        typer.echo(f"{len(problems)} problems in {count} rule files.", err=True)
        raise typer.Exit(1)
    typer.echo(f"{count} rule files checked: no problems.")


@rules.command("coverage")
def coverage(
    inputs: Annotated[list[Path], typer.Argument(help="Article files or folders (searched recursively).")],
    gold: Annotated[
        Path | None, typer.Option("--gold", "-g", help="Folder of gold <doc_id>.json files.")
    ] = None,
    only: Annotated[
        str | None,
        typer.Option(
            "--only",
            help="Only some articles: SPLIT.json:KEY (a list of doc ids under KEY), or a file of ids.",
        ),
    ] = None,
    layers: RulesOption = None,
) -> None:
    """Per rule: how often it fired, how many values it gave to records and, with --gold, how many
    of them were right and wrong (precision), weakest rules first; then the rules that never fired.

    Exit status: 0, or 2 for a missing path or a broken rule file."""
    from extract.resolve.registry import default_ruleset
    from extract.review.coverage import measure, table
    from extract.rules_engine.ruleset import RuleError

    layer_rules(layers)
    for path in (*inputs, *([gold] if gold else [])):
        if not path.exists():
            typer.echo(f"error: {path} does not exist.", err=True)
            raise typer.Exit(2)
    subset = load_only(only)
    try:
        result = measure(inputs, default_ruleset(), gold, subset)
    except RuleError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    for line in table(result, gold is not None):
        typer.echo(line)
    for failure in result.failed:
        typer.echo(f"failed: {failure}", err=True)


def register(app: typer.Typer) -> None:
    """Add the `rules` group to the `extract` app."""
    app.add_typer(rules, name="rules")
