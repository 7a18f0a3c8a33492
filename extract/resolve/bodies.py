"""Where the name of a body (a party to an agreement) begins and ends in one co-signer's stretch of
a signing statement, read from the words of the text.

A stretch cut from `A、B与C签订` holds one body's name and often words around it: what opens the
clause (`由`, `新成立的`, `园区管理方`), an adverb after it (`还`, `共同`), a place the signing
happened in (`在某市`), or the rest of a clause it is the subject of (`某工会参加…仪式,`). The word
layer's tags say which words those are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.rules_engine.match import Group
from extract.text.segment import FUNCTION_TAGS, Token, Words

# Words that open a stretch before the body's name and are not part of it: a preposition or a
# conjunction (由, 与).
OPENING_TAGS = frozenset({"p", "c"})
# After a name has ended, these end the body: a preposition (在某地), a mark (a comma), a particle.
CLOSING_TAGS = frozenset({"p", "x", "uj", "ul"})
VERB_TAGS = frozenset({"v", "vd", "vi"})
TIME_UNITS = frozenset({"年", "月", "日", "号"})
# Characters that point at a body already named when they open its kind word (该区, 本镇, 我区).
POINTING = "该本我此"


@dataclass(frozen=True)
class BodyWords:
    """The word lists a body's name is read by: `ends` (its last words), `places` (those of them that
    end a division's name) and `openers` (roles written before it: 管理方)."""

    ends: tuple[str, ...]
    places: tuple[str, ...] = ()
    openers: tuple[str, ...] = ()


def body_span(words: Words, g: Group, lists: BodyWords) -> Group | None:
    """The body's name in `g`, or None when no name ending with a word of `lists.ends` is found.

    It starts after the last `的`, `了`, preposition (`此次联建由…`) or role word (`管理方`) that
    still leaves a name behind, and after opening prepositions and conjunctions. A
    stretch that ends with a name once its closing function words go (`某党支部还`) is that name
    whole, verbs inside and all (`某医院急诊儿科联合党支部`). Otherwise the name ends at the last
    ending met before the clause goes on: a preposition or a mark, or a verb of two characters
    after a name that is not a place (`某工会参加…`; `某区城市治理推进委` keeps its verb). A
    stretch that ends inside a word ends with it where the word ends a name (a pattern's lazy
    `…市委` of `…市委员会`)."""
    tokens = _clipped(words, _to_word_end(words, g, lists.ends))
    if not tokens:
        return None
    for first in _starts(tokens, lists.openers):
        found = _name_from(words.text, tokens[first:], lists.ends, lists.places)
        if found is not None:
            return found
    return None


def _to_word_end(words: Words, g: Group, ends: tuple[str, ...]) -> Group:
    cut = [t for t in words.overlapping(g.end - 1, g.end) if t.end > g.end]
    if cut and _named(words.text[g.start : cut[0].end], ends):
        return Group(words.text[g.start : cut[0].end], g.start, cut[0].end)
    return g


def delegates_span(words: Words, g: Group, delegates: tuple[str, ...]) -> Group | None:
    """People who signed for a group named before a word of `delegates` (`骑手代表`, `物业保安代表`),
    as written; None where the group is only who came (`与会代表`, `参会代表`: a verb before 代表)
    or the stretch starts inside a word."""
    found = body_span(words, g, BodyWords(delegates))
    if found is None or not words.is_boundary(found.start):
        return None
    word = next(d for d in delegates if found.value.endswith(d))
    before = [t for t in words.within(found.start, found.end) if t.end <= found.end - len(word)]
    head = before[-1] if before else None
    return found if head is not None and head.tag not in VERB_TAGS else None


def bare_kind(words: Words, g: Group, lists: BodyWords) -> Group | None:
    """The ending words alone in `g`, a body named by its kind only (`与街道共同`, `该区`, `社区党委`),
    with the function words around them and a pointing word before them (该, 本, 我, 这个) left
    out; None for anything else."""
    clipped = _clipped(words, g)
    kinds = [_kind_of(t, lists.ends) for t in clipped]
    rest = [t for t, k in zip(clipped, kinds, strict=True) if k is None and t.tag not in FUNCTION_TAGS]
    found = [k for k in kinds if k is not None]
    if not found or rest:
        return None
    if any(a.end != b.start for a, b in zip(found, found[1:], strict=False)):
        return None  # kinds apart (`社区和党委`): no one body's kind
    return Group("".join(k.value for k in found), found[0].start, found[-1].end)


def _kind_of(t: Token, ends: tuple[str, ...]) -> Group | None:
    kind = t.text[1:] if t.text[:1] in POINTING and t.text[1:] in ends else t.text
    return Group(kind, t.start, t.end) if kind in ends else None  # the span keeps 该, 本


def _clipped(words: Words, g: Group) -> list[Token]:
    """The words of `g`, the ones cut by its edges cut to them."""
    out = []
    for t in words.overlapping(g.start, g.end):
        start, end = max(t.start, g.start), min(t.end, g.end)
        out.append(
            Token(words.text[start:end], start, end, t.tag if (start, end) == (t.start, t.end) else "n")
        )
    if not out or out[0].start != g.start or out[-1].end != g.end:
        return []  # the words do not cover the stretch (a piece beyond the segmented sentence)
    return out


def _starts(tokens: list[Token], openers: tuple[str, ...]) -> list[int]:
    """Where the name may start, latest first: after each `的` or role word, then at the start
    (after a time that opens it); opening prepositions and conjunctions skipped at each."""
    marks = [
        i + 1
        for i, t in enumerate(tokens[:-1])
        if t.tag in ("uj", "ul")
        or (t.tag == "p" and len(t.text) == 1)
        or (len(t.text) > 1 and t.text.endswith(openers))
    ]
    out = []
    for first in [*reversed(marks), _after_time(tokens)]:
        while first < len(tokens) - 1 and tokens[first].tag in OPENING_TAGS:
            first += 1
        out.append(first)
    return out


def _after_time(tokens: list[Token]) -> int:
    """After a time that opens the stretch (`2019年`, `今年5月`, `当天`), else 0."""
    end = 0
    for i, t in enumerate(tokens[:-1]):
        if t.tag == "t" or t.text in TIME_UNITS:
            end = i + 1
        elif t.tag != "m":
            break
    return end


def _name_from(
    text: str, tokens: Sequence[Token], ends: tuple[str, ...], places: tuple[str, ...]
) -> Group | None:
    start = tokens[0].start
    last = len(tokens)
    # What closes the stretch after the name (还, 共同) goes, unless it ends the name itself (重庆市委|员会).
    while (
        last > 1
        and tokens[last - 1].tag in FUNCTION_TAGS
        and not _named(text[start : tokens[last - 1].end], ends)
    ):
        last -= 1
    whole = text[start : tokens[last - 1].end]
    if _named(whole, ends):
        return Group(whole, start, tokens[last - 1].end)
    end, at_place = 0, False
    for t in tokens:
        if end and (t.tag in CLOSING_TAGS or (not at_place and t.tag in VERB_TAGS and len(t.text) > 1)):
            break
        name = text[start : t.end]
        if _named(name, ends):
            end, at_place = t.end, name.endswith(places)
    return Group(text[start:end], start, end) if end else None


def _named(name: str, ends: tuple[str, ...]) -> bool:
    """Ends like a body's name and is more than that ending."""
    return name.endswith(ends) and name not in ends


# A word jieba counts more often than this is a common word (城市, 居民), not a body's own name.
COMMON_WORD = 1000
# Tags of a word that names nothing of its own before a kind word: an adjective (老旧), a place
# word (附近), a time, a mark.
UNNAMING_TAGS = frozenset({"a", "ad", "an", "f", "s", "t", "x"})


def named_of_kind(words: Words, kind: str) -> Group | None:
    """The one body of kind `kind` (社区) the text names by a name of its own (`青松社区`): a rare
    word straight before the kind word; None where it names none, or two or more."""
    from extract.text.segment import word_frequency

    found: dict[str, Group] = {}
    at = words.text.find(kind)
    while at >= 0:
        own = [t for t in words.overlapping(at, at + len(kind)) if (t.start, t.end) == (at, at + len(kind))]
        before = words.overlapping(at - 1, at) if own and at else []
        if before and before[0].end == at:
            name = before[0]
            if (
                len(name.text) >= 2
                and name.tag not in FUNCTION_TAGS | UNNAMING_TAGS
                and word_frequency(name.text) <= COMMON_WORD
            ):
                whole = name.text + kind
                found.setdefault(whole, Group(whole, name.start, at + len(kind)))
        at = words.text.find(kind, at + 1)
    return next(iter(found.values())) if len(found) == 1 else None
