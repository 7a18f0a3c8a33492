"""Structured, evidence-backed records from Chinese local news articles.

`extract_text(text, doc_id=..., published=...)` gives the record of one text; `extract_paths(inputs,
out)` writes records for files and folders. Nothing heavy loads on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.pipeline import extract_text
    from extract.runner import extract_paths

__all__ = ["extract_text", "extract_paths"]


def __getattr__(name: str) -> Any:
    if name == "extract_text":
        from extract.pipeline import extract_text

        return extract_text
    if name == "extract_paths":
        from extract.runner import extract_paths

        return extract_paths
    raise AttributeError(name)
