"""Small text helpers shared by resolvers: trimming values, comparing forms as the scorer does."""

from __future__ import annotations

import unicodedata

_TRIM = ",,、;;::。 \t\n\u3000"  # characters, not a suffix: any of them is trimmed from both ends
_QUOTE_TABLE = dict.fromkeys(map(ord, "“”‘’「」『』\"'"), None)


def clean_value(s: str | None) -> str:
    """A captured value without surrounding white space and stray punctuation."""
    if not s:
        return ""
    return s.strip(_TRIM)


def comparable(s: str) -> str:
    """The form the scorer compares: NFKC, no white space, no quote marks."""
    return "".join(unicodedata.normalize("NFKC", s).translate(_QUOTE_TABLE).split())


def written_in(full: str, short: str) -> bool:
    """Whether `full` holds the characters of `short` in order: `short` may be its short form
    (`区科协` in `某区科学技术协会`, `某市委` in `某市委员会`)."""
    chars = iter(full)
    return all(c in chars for c in short)
