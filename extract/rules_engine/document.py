"""The article as the rules see it: normalised text, the body with boilerplate masked, and page facts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from extract.reading.article import Article
from extract.text.entities import Entities, entities_on
from extract.text.normalise import Normalised
from extract.text.segment import Words

HEAD_CHARS = 1500  # where a page states its publication time
TOP_CHARS = 800  # where a page prints its headline (the furthest in the sample and dev sets: 240)


@dataclass(frozen=True)
class Document:
    """`body` is `norm.text` with boilerplate blanked out (same length, so offsets agree)."""

    article: Article
    norm: Normalised
    body: str

    @property
    def text(self) -> str:
        return self.norm.text

    @cached_property
    def words(self) -> Words:
        """The text's words and tags, each sentence segmented when first asked about."""
        return Words(self.norm.text)

    @cached_property
    def entities(self) -> Entities | None:
        """The persons, organisations, places and times the entity layer finds, when it is on
        (`--entities`); else None. Found where resolvers ask, when they first ask."""
        return Entities(self.norm.text) if entities_on() else None

    def scope_text(self, scope: str) -> str:
        """The text a rule of `scope` reads: the masked body, the whole page, its head or its top, or
        the head as printed followed by the masked body. Cut once per document: every rule of a
        scope reads the same string (the anchors' hits are kept per text, engine.py)."""
        if scope == "body":
            return self.body
        if scope == "head":
            return self._head
        if scope == "top":
            return self._top
        if scope == "head+body":
            return self._head_and_body
        return self.norm.text

    @cached_property
    def _head(self) -> str:
        return self.norm.text[:HEAD_CHARS]

    @cached_property
    def _top(self) -> str:
        return self.norm.text[:TOP_CHARS]

    @cached_property
    def _head_and_body(self) -> str:
        # The head as printed (a breadcrumb names the site's district), the body after it.
        return self.norm.text[:HEAD_CHARS] + self.body[HEAD_CHARS:]
