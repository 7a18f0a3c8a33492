"""The entity layer: persons, organisations, places and times found by a trained model (Baidu's
LAC, extract/text/lac_model.py), offered to resolvers as spans of the normalised text.

The model costs several times the rest of the pipeline per character, so it reads only where the
fields are stated: the article's lead, and narrow windows around a post title (post.txt) or an
event verb (entity_anchors.txt: 举行, 签约, 揭牌…), cut at sentence ends. Windows are padded to a
few fixed widths and sent in batches of one width: the encoder ignores the lengths it is given,
so padding would change what it reads (see `_windows`).

The layer is an option (`extract run --entities`, `extract_text(..., entities=True)`): it is on
where the environment says so (EXTRACT_ENTITIES=1), which worker processes inherit, as they do
the rule layers. Without it, `Document.entities` is None and nothing of the model is imported.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache

import regex

from extract.base.timing import stage
from extract.text.lexicon import words

ENTITIES_ENV = "EXTRACT_ENTITIES"
KINDS = frozenset({"PER", "ORG", "LOC", "TIME"})
ANCHORS = "post+entity_anchors"
BEFORE, AFTER = 40, 32  # characters read before an anchor word (a subject, a post) and after it (names)
LEAD = 160  # characters of the lead read whole
WIDTH_STEP = 16  # windows are padded to a multiple of this, so that batches share one width
SENTENCE_ENDS = "。!?;\n！？；"
# Characters where a word cannot go on: a window edge here cuts no word.
EDGE_CHARS = SENTENCE_ENDS + ",、:()“”\"' ，：（）《》\u3000"


def entities_on() -> bool:
    """True where the entity layer is asked for (EXTRACT_ENTITIES=1 in the environment)."""
    return os.environ.get(ENTITIES_ENV, "") == "1"


def use_entities(on: bool) -> None:
    """Turn the entity layer on or off for this process and the workers it starts."""
    os.environ[ENTITIES_ENV] = "1" if on else "0"


@contextmanager
def entity_layer(on: bool) -> Iterator[None]:
    """The entity layer on or off inside the block, as it was after it."""
    before = os.environ.get(ENTITIES_ENV)
    use_entities(on)
    try:
        yield
    finally:
        if before is None:
            del os.environ[ENTITIES_ENV]
        else:
            os.environ[ENTITIES_ENV] = before


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, place or time: `text == source[start:end]`, `kind` one of KINDS."""

    kind: str
    start: int
    end: int
    text: str


@dataclass
class Entities:
    """The entities of one text, found when first asked for. `anchors_in` is the text anchor words
    are looked for in (the body, boilerplate masked); the model reads `text` itself."""

    text: str
    anchors_in: str
    _found: tuple[Entity, ...] | None = field(default=None, repr=False)

    def all(self) -> tuple[Entity, ...]:
        """Every entity found, in text order."""
        if self._found is None:
            with stage("entities"):
                self._found = tuple(find_entities(self.text, windows(self.anchors_in)))
        return self._found

    def starting_at(self, pos: int, kinds: frozenset[str] = KINDS) -> Entity | None:
        """The entity of one of `kinds` that begins at `pos`, if any."""
        return next((e for e in self.all() if e.start == pos and e.kind in kinds), None)

    def overlapping(self, start: int, end: int, kinds: frozenset[str] = KINDS) -> list[Entity]:
        """The entities of `kinds` that share a character with `[start, end)`, in text order."""
        return [e for e in self.all() if e.start < end and start < e.end and e.kind in kinds]


@cache
def _anchor_pattern() -> regex.Pattern[str]:
    return regex.compile("|".join(regex.escape(w) for w in words(ANCHORS)))


def windows(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` the model reads: the lead, and from BEFORE characters before an
    anchor word to AFTER after it, each within its sentence; overlapping stretches merged."""
    spans = []
    lead = _lead(text)
    if lead:
        spans.append(lead)
    for m in _anchor_pattern().finditer(text):
        low, high = _sentence(text, m.start())
        spans.append((max(low, m.start() - BEFORE), min(high, m.end() + AFTER)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _sentence(text: str, pos: int) -> tuple[int, int]:
    low = max(text.rfind(c, max(0, pos - 300), pos) for c in SENTENCE_ENDS) + 1
    ends = [i for i in (text.find(c, pos, pos + 300) for c in SENTENCE_ENDS) if i >= 0]
    return low, min(ends, default=min(len(text), pos + 300))


def _lead(text: str) -> tuple[int, int] | None:
    """The first sentence of at least 20 characters that ends with 。: the lead of a news article
    (headline and dateline lines are shorter or end otherwise)."""
    for m in regex.finditer(r"[^。\n]{20,}。", text):
        return m.start(), min(m.end(), m.start() + LEAD)
    return None


def _padded(text: str, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` widened to a multiple of WIDTH_STEP, to the right first, within the text."""
    want = -(-(end - start) // WIDTH_STEP) * WIDTH_STEP
    end = min(len(text), start + want)
    return max(0, end - want), end


def find_entities(text: str, stretches: list[tuple[int, int]]) -> list[Entity]:
    """The entities the model finds in the `stretches` of `text`, offsets in `text`. An entity
    touching a window's edge where a word may go on past it is dropped: the model saw only part
    of it."""
    from extract.text.lac_model import lac_model

    padded = [_padded(text, s, e) for s, e in stretches]
    pieces = [_encodable(text[s:e]) for s, e in padded]
    found: dict[tuple[int, int], Entity] = {}
    for (s, e), chunks in zip(padded, lac_model().chunks(pieces), strict=True):
        for c in chunks:
            if c.label not in KINDS:
                continue
            start, end = s + c.start, s + c.end
            if (start == s and not _edge(text, s)) or (end == e and not _edge(text, e)):
                continue
            found.setdefault((start, end), Entity(c.label, start, end, text[start:end]))
    return sorted(found.values(), key=lambda x: (x.start, x.end))


def _edge(text: str, pos: int) -> bool:
    """True where no word runs across `pos`: the text's ends, or a break character on either side."""
    return pos <= 0 or pos >= len(text) or text[pos - 1] in EDGE_CHARS or text[pos] in EDGE_CHARS


_SURROGATE = regex.compile("[\ud800-\udfff]")


def _encodable(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)
