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
        *sorted((ROOT / "rules").rglob("*.toml")),
        *sorted((ROOT / "rules").rglob("*.txt")),
    ]
    for path in cited:
        assert "SPEC" not in path.read_text(encoding="utf-8"), f"{path} cites a SPEC users do not have"
