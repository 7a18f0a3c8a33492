"""What an article costs in system calls (issue 14): each is a trip into the kernel, and on a
virtual machine without a fast clock even reading the clock is one. An article takes its file's
read, the budget's memory look (one read of a file kept open) and timer, its record file created,
written and renamed, and a line of the manifest; nothing per pattern or per match. Counted with
strace (which .ci/run installs) as the difference between runs over 10 and 30 articles, so that
start-up cancels out."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .test_runner import GOOD

PER_ARTICLE = 30  # 19 on 2026-12-02 (22 opening /proc/self/statm at each look); 42 with file objects, 280 with regex's clock

pytestmark = pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")


def calls_of_run(folder: Path, n: int, out: Path) -> int:
    folder.mkdir()
    for i in range(n):  # different texts, as no cache is keyed by text across articles
        (folder / f"a{i:03d}.txt").write_text(
            GOOD.replace("6月25日", f"6月{i % 28 + 1}日") * 3, encoding="utf-8"
        )
    summary = out.with_suffix(".strace")
    command = [sys.executable, "-m", "extract", "run", str(folder), "-o", str(out), "-w", "1", "-q"]
    subprocess.run(["strace", "-f", "-c", "-o", str(summary), *command], check=True, capture_output=True)
    total = re.search(r"^100\.00\s+\S+\s+\S+\s+(\d+)", summary.read_text(), re.M)
    assert total, summary.read_text()
    return int(total.group(1))


def test_an_article_costs_a_few_system_calls(tmp_path: Path) -> None:
    few = calls_of_run(tmp_path / "ten", 10, tmp_path / "out10")
    many = calls_of_run(tmp_path / "thirty", 30, tmp_path / "out30")
    assert (many - few) / 20 <= PER_ARTICLE
