"""The progress line of `extract run`: what it says while starting, then files and articles."""

from __future__ import annotations

import io

from rich.console import Console

from extract.running.progress import RunProgress
from extract.running.runner import RunSummary


def test_the_line_says_it_is_starting_until_the_first_file_is_done() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=120)
    with RunProgress(console) as progress:
        starting = progress.text()
        assert starting.startswith("starting: listing files, loading rules and dictionaries")
        assert "?" not in starting and "0/" not in starting
        progress.update(RunSummary(files=40, files_done=1, read=3), [])
        going = progress.text()
    assert going.startswith("files") and "1/40" in going and "3 articles" in going
