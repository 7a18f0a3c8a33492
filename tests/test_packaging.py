"""A wheel (a non-editable install) carries every rule file, where the package looks for them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import ROOT


def test_the_wheel_carries_every_rule_file(tmp_path: Path) -> None:
    # Built from a copy: building in the checkout would leave build/ there.
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("extract", "rules"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = tmp_path.glob("extract-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    rules = ROOT / "rules"
    wanted = {f"extract/rules/{p.relative_to(rules).as_posix()}" for p in rules.rglob("*") if p.is_file()}
    assert wanted and wanted <= names, sorted(wanted - names)
