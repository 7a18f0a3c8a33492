"""Structured, evidence-backed records from Chinese local news articles.

`extract_text(text, doc_id=..., published=...)` gives the record of one text; `extract_paths(inputs,
out)` writes records for files and folders; `find_dates(text, published)` every date written in a
text; `Record` is the record's type. Nothing heavy loads on import.

The package is laid out by stage, each importing only the stages before it (tests/test_layout.py):
base -> text -> reading -> rules_engine -> resolve -> output -> running -> review -> the command
line (cli.py, cli_review.py, cli_rules.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.output.record import Record
    from extract.running.pipeline import extract_text
    from extract.running.runner import extract_paths
    from extract.text.dates import find_dates

__all__ = ["Record", "extract_paths", "extract_text", "find_dates"]


def __getattr__(name: str) -> Any:
    if name == "extract_text":
        from extract.running.pipeline import extract_text

        return extract_text
    if name == "extract_paths":
        from extract.running.runner import extract_paths

        return extract_paths
    if name == "find_dates":
        from extract.text.dates import find_dates

        return find_dates
    if name == "Record":
        from extract.output.record import Record

        return Record
    raise AttributeError(name)
