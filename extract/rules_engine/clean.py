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

from extract.rules_engine.compiled import compile_pattern
from extract.rules_engine.ruleset import RULES_DIR, RuleError, read_rule_text
from extract.text.lexicon import longest_first


@dataclass(frozen=True)
class CleanRules:
    tail_headers: regex.Pattern[str]
    drop_lines: regex.Pattern[str]
    bylines: regex.Pattern[str]


def _alternation(words: list[str]) -> str:
    # Longest first, then in a fixed order: the same pattern text in every process, which the cache
    # of compiled patterns keeps (words of one length never match at the same place).
    return "|".join(regex.escape(w) for w in longest_first(set(words)))


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
            tail_headers=compile_pattern(rf"^[\s>》»|\-—【\[]*(?:{tail})[\s::】\]>》»|]*$", regex.M),
            # The marks themselves; the lines that hold them are found around each hit.
            drop_lines=compile_pattern(drop, regex.M),
            bylines=compile_pattern(byline, regex.M),
        )
    except (KeyError, TypeError, regex.error) as e:
        raise RuleError(
            f"{path}: cleaning rules incomplete or invalid ({e}). See the keys in the file."
        ) from e


_NOT_NEWLINE = regex.compile(r"[^\n]")
# A line longer than this that holds a sentence end is prose with furniture run into it (a page whose
# paragraphs came out as one line, `…举措。(来源:某报)`): only the furniture item is dropped, not the line.
_FURNITURE_LINE_CHARS = 120
_SENTENCE_END = regex.compile(r"[。！？!?]")
# A furniture item runs from its mark to the next blank, sentence end, bar or closing bracket, and
# never far: joined to the prose after it, it would otherwise take the first sentence too.
_ITEM_END = regex.compile(r"[\s。！？!?|丨)）】\]]")
_ITEM_MAX_CHARS = 30


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
        end = len(text) if end < 0 else end
        if end - start > _FURNITURE_LINE_CHARS and _SENTENCE_END.search(text, start, end):
            spans.append(_item(text, m.start(), m.end(), start, end))
        else:
            spans.append((start, end))
    spans.extend((m.start(), m.end()) for m in rules.bylines.finditer(text))
    return spans


def _item(text: str, mark: int, mark_end: int, line_start: int, line_end: int) -> tuple[int, int]:
    """The furniture item a drop mark opens inside a line of prose: the mark, its value up to the
    next blank, sentence end, bar or closing bracket (that bracket taken in), and the opening
    bracket just before it."""
    start = mark - 1 if mark > line_start and text[mark - 1] in "(（【[" else mark
    limit = min(line_end, mark_end + _ITEM_MAX_CHARS)
    while mark_end < limit and text[mark_end] in " \t":
        mark_end += 1  # the blanks between a label and its value (来源: 某报)
    found = _ITEM_END.search(text, mark_end, limit)
    end = limit if found is None else found.start() + (text[found.start()] in ")）】]")
    return start, end


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
