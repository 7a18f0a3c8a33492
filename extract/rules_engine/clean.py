"""Find the article body: blank out the boilerplate that pollutes records, keep every offset.

What counts as boilerplate lives in `rules/page/boilerplate.toml`: headers after which the rest of the page is
related links or furniture, lines dropped whole (copyright, ICP, share widgets, image file names,
navigation), and bylines (记者, 编辑 ...), whose names must never become attendees.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from extract.rules_engine.ruleset import RULES_DIR, RuleError, read_rule_text


@dataclass(frozen=True)
class CleanRules:
    tail_headers: regex.Pattern[str]
    drop_lines: regex.Pattern[str]
    bylines: regex.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def clean_rules(path: Path = RULES_DIR / "page" / "boilerplate.toml") -> CleanRules:
    try:
        data = tomllib.loads(read_rule_text(path))
    except tomllib.TOMLDecodeError as e:
        raise RuleError(f"{path}: cannot read the cleaning rules ({e}). Restore the file.") from e
    try:
        tail = _alternation(data["tail"]["headers"])
        drop = "|".join(f"(?:{p})" for p in data["drop"]["line_patterns"])
        byline = "|".join(f"(?:{p})" for p in data["byline"]["patterns"])
        return CleanRules(
            # A header alone on its line (or ending it) starts the page's tail.
            tail_headers=regex.compile(rf"^[\s>》»|\-—【\[]*(?:{tail})[\s::】\]>》»|]*$", regex.M),
            # The marks themselves; the lines that hold them are found around each hit.
            drop_lines=regex.compile(drop, regex.M),
            bylines=regex.compile(byline, regex.M),
        )
    except (KeyError, TypeError, regex.error) as e:
        raise RuleError(
            f"{path}: cleaning rules incomplete or invalid ({e}). See the keys in the file."
        ) from e


_NOT_NEWLINE = regex.compile(r"[^\n]")


def boilerplate_spans(text: str, rules: CleanRules | None = None) -> list[tuple[int, int]]:
    """Spans of `text` that are not the article: page tail, dropped lines, bylines."""
    rules = rules or clean_rules()
    spans: list[tuple[int, int]] = []
    # The tail starts at the first related-links header in the second half of the page or later:
    # a header near the top is a menu, not the end of the article.
    for m in rules.tail_headers.finditer(text):
        if m.start() > len(text) * 0.3:
            spans.append((m.start(), len(text)))
            break
    for m in rules.drop_lines.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        spans.append((start, len(text) if end < 0 else end))
    spans.extend((m.start(), m.end()) for m in rules.bylines.finditer(text))
    return spans


def mask_boilerplate(text: str, rules: CleanRules | None = None) -> str:
    """`text` with boilerplate replaced by spaces; line breaks and length are kept."""
    spans = sorted(boilerplate_spans(text, rules))
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if end <= pos:
            continue
        start = max(start, pos)
        out.append(text[pos:start])
        out.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)
