"""README's promises a user acts on: its Python example runs as written, and what it cites exists."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_python_example_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(blocks) == 1
    # Run where a user would, at the top of a checkout: its seeds/, and an out/ of its own.
    os.symlink(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(blocks[0], "README.md", "exec"), {})
    lines = printed.getvalue().splitlines()
    assert lines[0] == "5 articles read, 5 records written, 0 failed"
    assert lines[1].startswith("(0, 10) 2023年2月13日 2023-02-13 absolute")
    assert (tmp_path / "out" / "records.jsonl").is_file()


def test_what_the_repo_cites_is_in_the_repo() -> None:
    assert (ROOT / "docs" / "record.md").is_file()
    cited = [
        ROOT / "README.md",
        *sorted((ROOT / "docs").glob("*.md")),
        *sorted((ROOT / "rules").rglob("*.toml")),
        *sorted((ROOT / "rules").rglob("*.txt")),
    ]
    for path in cited:
        assert "SPEC" not in path.read_text(encoding="utf-8"), f"{path} cites a SPEC users do not have"


# A path the docs name that is not in the checkout on purpose: where the wheel puts rules/, and an
# example of a relative `source`.
NOT_IN_THE_CHECKOUT = {"extract/rules", "seeds/articles/x.txt"}
TOP_FOLDERS = ("extract", "tests", "scripts", "bench", "rules", "seeds", "docs", ".ci")


def cited_paths(text: str) -> set[str]:
    """Repo paths a doc names in `code` or as a link target (from the top of the checkout or from the
    doc's folder), without placeholders (`rules/<field>.toml`)."""
    links = {t for t in re.findall(r"\]\(([^)#\s]+)", text) if ":" not in t}  # not http://
    coded = {t for t in re.findall(r"`([^`\s]+)`", text) if t.split("/", 1)[0] in TOP_FOLDERS and "/" in t}
    paths = {t.rstrip(".,;:") for t in links | coded}
    return {p for p in paths if not re.search(r"[<>*{}\[\]|…]", p)}


def bench_results_cited(text: str) -> set[str]:
    return set(re.findall(r"\b(\d{8}-\d{6}(?:-whole|-floor)?\.json)\b", text))


DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "rules" / "README.md"]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_path_a_doc_cites_exists(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    missing = sorted(
        p
        for p in cited_paths(text) - NOT_IN_THE_CHECKOUT
        if not (ROOT / p).exists() and not (doc.parent / p).exists()
    )
    missing += sorted(f for f in bench_results_cited(text) if not (ROOT / "bench" / "results" / f).is_file())
    assert not missing, f"{doc.name} cites what the checkout does not have: {missing}"


def test_the_path_check_sees_a_missing_path() -> None:
    text = "see `extract/nowhere.py`, [x](docs/gone.md) and [y](gone.md), not `rules/<field>.toml`"
    assert cited_paths(text) == {"extract/nowhere.py", "docs/gone.md", "gone.md"}
    assert bench_results_cited("in `20991231-235959-whole.json`") == {"20991231-235959-whole.json"}


def test_the_readme_links_the_history_it_moved_out() -> None:
    for name in ("docs/measuring.md", "docs/speed.md"):
        assert f"]({name})" in README
        assert (ROOT / name).is_file()


def test_the_module_list_names_every_module() -> None:
    """How it works lists each stage's modules; a module added or split off must join the list."""
    start = README.index("extract/base/ ")
    listing = README[start : README.index("```", start)]
    named = set(re.findall(r"\b[a-z_]+\b", listing))
    missing = [
        f"{package.name}/{module.stem}"
        for package in sorted(p for p in (ROOT / "extract").iterdir() if (p / "__init__.py").is_file())
        for module in sorted(package.glob("*.py"))
        if module.stem != "__init__" and module.stem not in named
    ]
    assert not missing, f"README's module list leaves out {missing}"
