"""Word lists kept in rules/lexicon/<name>.txt: one word a line, `#` opens a comment line."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from extract.rules_dir import RULES_DIR

LEXICON_DIR = RULES_DIR / "lexicon"


def read_words(path: Path) -> tuple[str, ...]:
    """The distinct words of one list file, longest first (so alternations prefer the longest)."""
    return words_of(path.read_text(encoding="utf-8"))


def words_of(text: str) -> tuple[str, ...]:
    """The distinct words of a list file's text, longest first."""
    found = {w.strip() for w in text.splitlines() if w.strip() and not w.lstrip().startswith("#")}
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


@cache
def words(name: str) -> tuple[str, ...]:
    """The words of the project's list `name`, or of several lists joined by `+` (`a+b`)."""
    if "+" in name:
        joined = {w for part in name.split("+") for w in words(part)}
        return tuple(sorted(joined, key=lambda w: (-len(w), w)))
    return read_words(LEXICON_DIR / f"{name}.txt")
