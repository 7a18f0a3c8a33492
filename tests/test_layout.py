"""The package shows the pipeline: each stage is a subpackage of extract/, and imports run one way.

A module may import its own stage and the stages before it, never a later one, lazily or not: a
later stage is free to change without the earlier ones noticing. Imports under `if TYPE_CHECKING:`
count too, for the reader follows them all the same.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "extract"

# The order the stages run in; the command line (cli*.py, __init__.py, __main__.py) comes last.
STAGES = ("base", "text", "reading", "rules_engine", "resolve", "output", "running", "review", "")
TOP = ("__init__", "__main__", "cli", "cli_review", "cli_rules")


def _modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ("extract", *path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def stage_of(module: str) -> str:
    """The stage a module of extract belongs to: its subpackage, or "" for the top (the command line)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in STAGES) else ""


def imports_of(module: str, path: Path) -> list[tuple[int, str]]:
    """(line, module of extract) for every import in the file, relative ones resolved; `from P import
    name` counts as importing P.name when that is a module."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            names = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES]
            found += [(node.lineno, n) for n in names] or [(node.lineno, target)]
    return [(line, name) for line, name in found if name == "extract" or name.startswith("extract.")]


def test_every_module_has_a_stage() -> None:
    for module in MODULES:
        stage = stage_of(module)
        assert stage in STAGES, f"{module} is in no stage; add its subpackage to STAGES in {__file__}"
        if not stage:
            assert module.rpartition(".")[2] in TOP or module == "extract", (
                f"{module} sits at the top of extract/: move it into the subpackage of its stage"
            )


def test_every_stage_says_what_it_owns_and_may_import() -> None:
    for stage in STAGES[:-1]:
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "May import" in doc, f"extract/{stage}/__init__.py: say what it owns and may import"


def test_no_stage_imports_a_later_one() -> None:
    wrong = []
    for module, path in MODULES.items():
        rank = STAGES.index(stage_of(module))
        for line, imported in imports_of(module, path):
            if imported == "extract":
                later = rank < len(STAGES) - 1  # the package's __init__ reaches into running
            else:
                later = STAGES.index(stage_of(imported)) > rank
            if later:
                where = path.relative_to(PACKAGE.parent)
                wrong.append(f"{where}:{line}: {module} ({stage_of(module) or 'top'}) imports {imported}")
    assert not wrong, "a stage imports a later one:\n" + "\n".join(wrong)


def test_the_check_sees_a_wrong_import(tmp_path: Path) -> None:
    """The check itself: a text module importing the runner is caught, a relative import resolved."""
    path = tmp_path / "normalise.py"
    path.write_text("from extract.running import runner\nfrom ..running.task import load\n", encoding="utf-8")
    found = [name for _, name in imports_of("extract.text.normalise", path)]
    assert found == ["extract.running.runner", "extract.running.task"]
    assert all(STAGES.index(stage_of(n)) > STAGES.index("text") for n in found)


LIMIT = 300  # lines a module may have: past it, it holds more than one job


def test_no_module_is_longer_than_the_limit() -> None:
    long = {
        str(path.relative_to(PACKAGE.parent)): n
        for path in MODULES.values()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert not long, f"modules over {LIMIT} lines (split each into modules of one job): {long}"
