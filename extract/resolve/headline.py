"""Values the page states of itself (headline, publication time): metadata first, then the text."""

from __future__ import annotations

from collections.abc import Iterable

from extract.resolve import Context, Item, Proof, resolver
from extract.resolve.generic import first
from extract.rules_engine.match import Match
from extract.rules_engine.ruleset import FieldSpec
from extract.text.dates import iso_stamp, parse_published
from extract.text.textutil import clean_value


def _page_value(ctx: Context, spec: FieldSpec) -> Item | None:
    """The article's own metadata (HTML meta tags, JSON fields), with its place in the text if it has one."""
    attr = spec.options.get("page_attr")
    value = clean_value(getattr(ctx.doc.article, attr, None)) if attr else ""
    if not value:
        return None
    at = ctx.doc.text.find(value)
    rule = f"{spec.name}.page_metadata"
    span = (at, at + len(value)) if at >= 0 else (0, 0)
    return Item(value, [Proof("", span[0], span[1], rule)])


@resolver("page_or_first")
def page_or_first(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """The page's metadata value if it has one, else the best match in the text."""
    page = _page_value(ctx, spec)
    return [page] if page else first(ctx, spec, matches)


@resolver("timestamp")
def timestamp(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """A publication stamp as ISO `YYYY-MM-DD[THH:MM[:SS]]`: metadata first, then the best stamp in the text."""
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
