"""Word lists kept in rules/lexicon/<name>.txt: one word a line, `#` opens a comment line.

A folder layered with `--rules` adds its own lexicon/<name>.txt: a new list, or words for one of ours.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from extract.base.rules_dir import RULES_DIR, rule_layers

LEXICON_DIR = RULES_DIR / "lexicon"


def read_words(path: Path) -> tuple[str, ...]:
    """The distinct words of one list file, longest first (so alternations prefer the longest)."""
    return words_of(path.read_text(encoding="utf-8"))


def words_of(text: str) -> tuple[str, ...]:
    """The distinct words of a list file's text, longest first."""
    found = {w.strip() for w in text.splitlines() if w.strip() and not w.lstrip().startswith("#")}
    return longest_first(found)


def longest_first(found: set[str]) -> tuple[str, ...]:
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


def words(name: str) -> tuple[str, ...]:
    """The words of the list `name` (ours and the `--rules` layers' together), or of several lists
    joined by `+` (`a+b`)."""
    return _words(name, rule_layers())


@cache
def _words(name: str, layers: tuple[Path, ...]) -> tuple[str, ...]:
    found: set[str] = set()
    for part in name.split("+"):
        paths = [d / f"{part}.txt" for d in (LEXICON_DIR, *(layer / "lexicon" for layer in layers))]
        present = [path for path in paths if path.is_file()]
        if not present:
            raise FileNotFoundError(
                f"word list {part!r}: no {part}.txt in {LEXICON_DIR} or a --rules lexicon/"
            )
        found.update(w for path in present for w in read_words(path))
    return longest_first(found)
