"""The article as the rules see it: normalised text, the body with boilerplate masked, and page facts."""

from __future__ import annotations

from dataclasses import dataclass

from extract.article import Article
from extract.normalise import Normalised

HEAD_CHARS = 1500


@dataclass(frozen=True)
class Document:
    """`body` is `norm.text` with boilerplate blanked out (same length, so offsets agree)."""

    article: Article
    norm: Normalised
    body: str

    @property
    def text(self) -> str:
        return self.norm.text

    def scope_text(self, scope: str) -> str:
        """The text a rule of `scope` reads: the masked body, the whole page, or the page's head."""
        if scope == "body":
            return self.body
        if scope == "head":
            return self.norm.text[:HEAD_CHARS]
        return self.norm.text
