"""`extract rules check`: our rules pass; a folder of broken rules, one per kind of problem, gives
every problem at once, each with file, line and rule id."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.base.rules_dir import LAYERS_ENV, RULES_DIR
from extract.cli import app
from extract.rules_engine.options import FIELD_OPTIONS, RULE_OPTIONS

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent

HEAD = '[field]\nname = "{name}"\nkind = "scalar"\nresolver = "first"\n'
GOOD = """
[[rule]]
id = "{name}.at"
pattern = '在(?P<value>\\p{{Han}}{{2,8}}?)举行'
examples = [{{ text = "在大厦举行", value = "大厦" }}]
counter = ["举行"]
"""

# One file per kind of problem: (file stem, what to change in a good file, the message expected,
# where it is reported: the line of the key at fault, or of the table, and the rule or [field]).
R = "rule {}.at:"  # the problem's rule, by the file's stem
F = "[field]:"
BROKEN = [
    ("toml", lambda s: s + "[[rule]\n", "not valid TOML", "11:"),
    (
        "pattern",
        lambda s: s.replace("}}?)举行", "}}?举行"),
        "`pattern`: the pattern does not compile",
        "8: " + R,
    ),
    ("fragment", lambda s: s.replace("\\p{{Han}}", "{{placee}}"), "{placee} is not defined", "6: " + R),
    (
        "duplicate",
        lambda s: s + s.split("\n", 4)[4],
        "`id`: rule id duplicate.at is already used at",
        "13: " + R,
    ),
    ("key", lambda s: s.replace("pattern =", "why_not = 1\npattern ="), "`why_not`: unknown key", "8: " + R),
    (
        "option",
        lambda s: s.replace("pattern =", 'options = { rol = "stop" }\npattern ='),
        "unknown option `rol`",
        "8: " + R,
    ),
    (
        "option_set",
        lambda s: s.replace("pattern =", 'option_set = "subjects"\npattern ='),
        "`option_set`: the file has no table [option_sets.subjects]",
        "8: " + R,
    ),
    (
        "set_option",
        lambda s: s.replace("[[rule]]", '[option_sets.held]\nrol = "stop"\n\n[[rule]]', 1),
        "[option_sets.held]: unknown option `rol`",
        "7:",
    ),
    (
        "resolver",
        lambda s: s.replace('"first"', '"firstt"'),
        "`resolver`: unknown resolver 'firstt'",
        "4: " + F,
    ),
    (
        "finder",
        lambda s: re.sub(r"pattern = .*", 'finder = "nowhere"', s),
        "unknown finder 'nowhere'",
        "8: " + R,
    ),
    (
        "field_option",
        lambda s: s.replace("[[rule]]", "splitt = '、'\n\n[[rule]]", 1),
        "`splitt`: unknown key",
        "6: " + F,
    ),
    (
        "example",
        lambda s: s.replace('value = "大厦"', 'value = "大楼"'),
        "item 0 ('在大厦举行') wants {'value': '大楼'}, but the rule captured [{'value': '大厦'}]",
        "9: " + R,
    ),
    (
        "counter",
        lambda s: s.replace('["举行"]', '["在礼堂举行"]'),
        "item 0 ('在礼堂举行') must not match, but the rule captured [{'value': '礼堂'}]",
        "10: " + R,
    ),
    ("no_examples", lambda s: re.sub(r"examples = .*\n", "", s), "has no examples", "6: " + R),
    ("no_counter", lambda s: re.sub(r"counter = .*\n", "", s), "has no counter-examples", "6: " + R),
    (
        "backtracking",
        lambda s: s.replace("在(?P<value>\\p{{Han}}{{2,8}}?)举行", "(?P<value>(?:[^\\n]*?\\p{{Han}}){{60}})"),
        "backtracks catastrophically",
        "8: " + R,
    ),
    (
        "empty",
        lambda s: s.replace("在(?P<value>\\p{{Han}}{{2,8}}?)举行", "(?P<value>\\p{{Han}}*)"),
        "matches the empty string",
        "8: " + R,
    ),
    (
        "reserved",
        lambda s: s.replace('name = "reserved"', 'name = "source"').replace("reserved.at", "source.at"),
        "'source' is a key of every record",
        "2: " + F,
    ),
]


@pytest.fixture(autouse=True)
def _no_layers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(LAYERS_ENV, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # probe every pattern afresh


def broken_folder(folder: Path) -> Path:
    (folder / "lexicon").mkdir(parents=True)
    for stem, change, _, _ in BROKEN:
        text = change((HEAD + GOOD).replace("{name}", stem))
        (folder / f"{stem}.toml").write_text(text.replace("{{", "{").replace("}}", "}"), encoding="utf-8")
    return folder


def test_our_rules_pass() -> None:
    result = runner.invoke(app, ["rules", "check"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


@pytest.fixture(scope="module")
def broken_output(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str]:
    folder = broken_folder(tmp_path_factory.mktemp("broken"))
    result = runner.invoke(app, ["rules", "check", str(folder)], env={LAYERS_ENV: ""})
    return result.exit_code, result.output


@pytest.mark.parametrize(("stem", "change", "message", "where"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_broken_rule_is_named_with_file_line_and_rule(
    broken_output: tuple[int, str], stem: str, change: object, message: str, where: str
) -> None:
    code, output = broken_output
    assert code == 1
    lines = [x for x in output.splitlines() if f"/{stem}.toml:" in x and message in x]
    assert lines, f"no line for {stem}.toml with {message!r} in:\n{output}"
    assert any(f"/{stem}.toml:{where.format(stem)}" in x for x in lines), lines


def test_the_good_file_of_a_folder_gives_no_line(tmp_path: Path) -> None:
    folder = broken_folder(tmp_path / "rules")
    (folder / "fine.toml").write_text(
        (HEAD + GOOD).replace("{name}", "fine").replace("{{", "{").replace("}}", "}"), encoding="utf-8"
    )
    result = runner.invoke(app, ["rules", "check", str(folder)], env={LAYERS_ENV: ""})
    assert "fine.toml" not in result.output


def test_a_missing_folder_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["rules", "check", str(tmp_path / "nowhere")])
    assert result.exit_code == 2


def test_the_readme_test_command_runs_the_check_as_ci_does() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"Check everything.*?```sh\n(.+?)\n```", readme, re.S)
    assert command and "extract rules check" in command.group(1)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().splitlines()
    assert ci[-1] == command.group(1)


def test_every_option_the_code_reads_is_known_and_documented() -> None:
    """One list of options (extract/rules_engine/options.py): the code reads no other, rules/README.md explains each."""
    read = set()
    for path in (ROOT / "extract").rglob("*.py"):
        read |= set(re.findall(r"options\.get\(\"(\w+)\"", path.read_text(encoding="utf-8")))
    assert read - set(FIELD_OPTIONS) - set(RULE_OPTIONS) == set()
    guide = (RULES_DIR / "README.md").read_text(encoding="utf-8")
    missing = [name for name in (*FIELD_OPTIONS, *RULE_OPTIONS) if f"`{name}`" not in guide]
    assert not missing
