"""Values the page states of itself (headline, publication time): metadata first, then the text.

A headline found in the text is first the headline of its block (a kicker over it, a subtitle under
it: extract/resolve/headline_block.py), then taken whole: a page may print it over two lines, the
second a subtitle opening with a dash, and may repeat it below in a fuller form (`引题——主题`,
`【栏目】主题`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain

import regex

from extract.resolve import Context, Item, Proof, resolver
from extract.resolve.datelines import agrees, dateline_day
from extract.resolve.generic import _cleaned, candidates, first
from extract.resolve.headline_block import (
    DASH,
    FULL_DATE,
    LABEL,
    line_at,
    main_line,
    next_line,
    previous_line,
)
from extract.rules_engine.compiled import compile_pattern
from extract.rules_engine.document import TOP_CHARS
from extract.rules_engine.match import Match
from extract.rules_engine.ruleset import FieldSpec
from extract.text.dates import iso_stamp, parse_published
from extract.text.normalise import normalise
from extract.text.textutil import clean_value


def _page_value(ctx: Context, spec: FieldSpec) -> Item | None:
    """The article's own metadata (HTML meta tags, JSON fields), normalised, with its place in the
    text if it has one: where reading says the text prints it (a JSON headline's line), else where the text
    first writes it."""
    attr = spec.options.get("page_attr")
    stated = getattr(ctx.doc.article, attr, None) if attr else None
    # Normalised as the text is (Simplified, widths folded), so that it is found where the text
    # prints it and the record holds what the text's own values hold.
    value = clean_value(normalise(stated).text) if stated else ""
    if not value:
        return None
    rule = f"{spec.name}.page_metadata"
    printed = ctx.doc.article.printed_at(str(attr))
    if printed is not None:
        # The value's words on that line, without the marks clean_value dropped (`标题:`); the whole
        # line where the headline runs over two.
        start, end = ctx.doc.norm.text_span(*printed)
        at = ctx.doc.text.find(value, start, end)
        span = (at, at + len(value)) if at >= 0 else (start, end)
    else:
        at = ctx.doc.text.find(value)
        span = (at, at + len(value)) if at >= 0 else (0, 0)
    return Item(value, [Proof("", span[0], span[1], rule)])


@resolver("page_or_first")
def page_or_first(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """The page's metadata value if it has one, else the best match in the text."""
    page = _page_value(ctx, spec)
    return [page] if page else first(ctx, spec, matches)


_HEADLINE_CHARS = range(4, 91)
_HAN = regex.compile(r"\p{Han}")


# A publication stamp: a full date, a source or a publish-time label (a year alone may be a headline's).
_STAMP = regex.compile(rf"{FULL_DATE}|来源|發布|发布")


def _headline_like(line: str) -> bool:
    """A line that may be (part of) a headline: short, no sentence or stamp in it, some Han text."""
    return (
        len(line) in _HEADLINE_CHARS
        and "。" not in line
        and not _STAMP.search(line)
        and len(_HAN.findall(line)) >= 4
    )


def _whole(text: str, item: Item, field: str) -> Item:
    """The headline of `item` with its subtitle line (the line after it opening with a dash, or the
    line before it when it opens with one itself), else the fuller form a line further down repeats
    it in (`引题——<headline>`, `【栏目】<headline>`)."""
    p = item.proofs[0]
    a, b = line_at(text, p.start, p.end)
    value = str(item.value)
    joined = f"{field}.joined_line"
    after = next_line(text, b)
    if after and DASH.match(text, after[0]) and _headline_like(text[after[0] : after[1]]):
        return Item(value + text[after[0] : after[1]], [p, Proof("", after[0], after[1], joined)])
    before = previous_line(text, a)
    if DASH.match(value) and before and _headline_like(text[before[0] : before[1]]):
        return Item(text[before[0] : before[1]] + value, [Proof("", before[0], before[1], joined), p])
    for line in regex.finditer(r"[^\n]+", text):
        s, e = line_at(text, line.start(), line.start())
        fuller = text[s:e]
        if s != a and len(fuller) > len(value) and _headline_like(fuller) and _extends(fuller, value):
            return Item(fuller, [Proof("", s, e, f"{field}.fuller_repeat")])
    return item


# Before a headline, in a fuller form of it: a kicker and a dash, or a column's label in brackets.
_KICKER = regex.compile(rf"{DASH.pattern}$|^{LABEL.pattern}$")


def _extends(fuller: str, value: str) -> bool:
    """`fuller` is `value` with a kicker or subtitle joined by a dash (`X——value`, `value——X`), or
    with a column's label in brackets in front (`【X】value`)."""
    if fuller.endswith(value):
        return bool(_KICKER.search(fuller[: -len(value)]))
    return fuller.startswith(value) and bool(DASH.match(fuller, len(value)))


@resolver("headline")
def headline(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """The page's metadata headline if it has one; else the best match in the text, or the headline
    of the block it stands in where it is a kicker or subtitle (main_line), without the site's name
    (`strip_tail`) and taken whole (its dashed subtitle line joined, or the fuller form the page
    repeats it in)."""
    page = _page_value(ctx, spec)
    if page:
        return [page]
    passing = _Passing(matches)
    items = first(ctx, spec, passing)
    if not items or not items[0].proofs:
        return items
    top = ctx.doc.text[:TOP_CHARS]
    item = main_line(top, ctx.doc.words, items[0], spec.name, lambda: passing.lines(ctx, top))
    tail = spec.options.get("strip_tail")
    item = _stripped(item, str(tail)) if tail else item
    return [_whole(top, item, spec.name)]


class _Passing:
    """The field's matches as they pass on to `first`, the matches with a role kept: what `first`
    leaves unread, filtered as it filters, gives the lines the other rules would take (read only
    where the headline's line may give way to one of them, so the rules below run only then)."""

    def __init__(self, matches: Iterable[Match]) -> None:
        self._rest = iter(matches)
        self._roles: list[Match] = []

    def __iter__(self) -> Iterator[Match]:
        return self

    def __next__(self) -> Match:
        m = next(self._rest)
        if m.rule.options.get("role"):
            self._roles.append(m)
        return m

    def lines(self, ctx: Context, top: str) -> dict[int, Item]:
        """The value each line of `top` would give (the best rule's), by the start of its line."""
        found: dict[int, Item] = {}
        for m in candidates(chain(self._roles, self._rest), ctx):
            g = m.groups.get("value")
            if g and g.end <= len(top) and clean_value(g.value):
                found.setdefault(line_at(top, g.start, g.end)[0], _cleaned(g, m.rule.id))
        return found


@cache
def _tail_pattern(pattern: str) -> regex.Pattern[str]:
    return compile_pattern(f"(?:{pattern})$")


def _stripped(item: Item, tail: str) -> Item:
    """`item` without what the pattern `tail` matches at its end (a site's name), its evidence
    shortened to match; unchanged where nothing would be left."""
    value = str(item.value)
    found = _tail_pattern(tail).search(value)
    if found is None or found.start() == 0:
        return item
    p = item.proofs[0]
    keep = value[: found.start()].rstrip()
    return Item(keep, [Proof(p.sub, p.start, p.start + len(keep), p.rule), *item.proofs[1:]])


@resolver("timestamp")
def timestamp(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """A publication stamp as ISO `YYYY-MM-DD[THH:MM[:SS]]`: metadata first, then the best stamp in
    the text that agrees with the article's own dateline (`dateline`, within `dateline_days`)."""
    pattern = spec.options.get("dateline")
    if pattern:
        day = dateline_day(ctx.doc.scope_text("head"), str(pattern))
        limit = int(spec.options.get("dateline_days", 0))
        # A generator, not a list: the rules run lazily, and a page with metadata runs none of them.
        matches = (m for m in matches if agrees(_stamp_day(m), day, limit))
    items = page_or_first(ctx, spec, matches)
    if not items:
        return []
    item = items[0]
    iso = iso_stamp(str(item.value))
    if iso is None:
        return []
    item.value = iso
    if ctx.published is None:
        ctx.published = parse_published(iso)
    return [item]


def _stamp_day(match: Match) -> datetime.date | None:
    """The day a stamp match names, or None where it names none."""
    value = match.value()
    iso = iso_stamp(value) if value else None
    return parse_published(iso) if iso else None
