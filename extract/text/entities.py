"""The entity layer: persons, organisations, places and times found by a trained model (Baidu's
LAC, extract/text/lac_model.py), offered to resolvers as spans of the normalised text.

The model costs several times the rest of the pipeline per character, so it reads only where a
resolver asks: the stretches the rules matched (a list of names after a post title, a body before
an event verb: the rules' own anchors), with CONTEXT characters either side, within the sentence.
What one resolver asks about goes to the model in one batch (`Entities.read`); the windows are
padded to a multiple of WIDTH_STEP and sent in batches of one width, because the encoder reads every
position it is given, whatever the lengths say.

The layer is an option (`extract run --entities`, `extract_text(..., entities=True)`): it is on
where the environment says so (EXTRACT_ENTITIES=1), which worker processes inherit, as they do
the rule layers. Without it, `Document.entities` is None and nothing of the model is imported.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import regex

from extract.base.timing import stage

ENTITIES_ENV = "EXTRACT_ENTITIES"
KINDS = frozenset({"PER", "ORG", "LOC", "TIME"})
CONTEXT = 8  # characters read either side of a stretch a resolver asks about
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
    """The entities of one text, read where resolvers ask: `read(spans)` runs the model over those
    spans (with CONTEXT characters either side, within their sentence) in one batch; a question
    about a stretch not read yet reads it first. Each stretch is read once."""

    text: str
    _windows: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _found: dict[tuple[int, int], Entity] = field(default_factory=dict, repr=False)

    def read(self, spans: Iterable[tuple[int, int]]) -> None:
        """Find the entities in and around `spans` (normalised offsets), those not read before, in
        one batch."""
        wanted = [w for w in _merged(self._window(s, e) for s, e in spans) if not self._covered(*w)]
        if not wanted:
            return
        with stage("entities"):
            for entity in find_entities(self.text, wanted):
                self._found.setdefault((entity.start, entity.end), entity)
        self._windows.extend(wanted)

    def starting_at(self, pos: int, kinds: frozenset[str] = KINDS) -> Entity | None:
        """The entity of one of `kinds` that begins at `pos`, if any."""
        self.read([(pos, pos + 1)])
        return next((e for e in self._found.values() if e.start == pos and e.kind in kinds), None)

    def overlapping(self, start: int, end: int, kinds: frozenset[str] = KINDS) -> list[Entity]:
        """The entities of `kinds` that share a character with `[start, end)`, in text order."""
        self.read([(start, end)])
        found = [e for e in self._found.values() if e.start < end and start < e.end and e.kind in kinds]
        return sorted(found, key=lambda e: (e.start, e.end))

    def _window(self, start: int, end: int) -> tuple[int, int]:
        low, high = _sentence(self.text, start)
        return max(low, start - CONTEXT), min(max(high, end), end + CONTEXT)

    def _covered(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self._windows)


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _sentence(text: str, pos: int) -> tuple[int, int]:
    low = max(text.rfind(c, max(0, pos - 300), pos) for c in SENTENCE_ENDS) + 1
    ends = [i for i in (text.find(c, pos, pos + 300) for c in SENTENCE_ENDS) if i >= 0]
    return low, min(ends, default=min(len(text), pos + 300))


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
