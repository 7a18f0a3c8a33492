"""The word layer: text cut into words with part-of-speech tags, sentence by sentence as rules ask.

The segmenter is jieba-rs (through `rjieba`) with jieba's own dictionary and tag set, plus our
lexicons as user words: posts, organisation suffixes, station words and every division name of the
gazetteer, so that a name never swallows a post and a place is one word. jieba-rs keeps its
dictionary in memory (no cache file to trust) and cuts and tags several times faster than jieba.

A sentence is segmented the first time a rule asks about a position in it, and only once: most of
an article is never asked about.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, repeat
from operator import itemgetter
from typing import Any, NamedTuple

from extract.base.timing import stage
from extract.text.lexicon import words

# Words jieba must keep whole, with the tag they get: a name never swallows a post, a place or a
# station word; some words get the tag our rules read them by (nouns.txt, locative.txt, verbs.txt,
# adverbs.txt). Posts weigh 20000 as they always did; the others get the weight that just makes them
# one word.
USER_LISTS = {
    "post": ("n", 20000),
    "org_suffix": ("n", None),
    "station_kind": ("n", None),
    "facility_kind": ("n", None),
    "nouns": ("n", None),
    "locative": ("f", None),
    "units": ("q", None),
    "determiners": ("r", None),
    "verbs": ("v", None),
    "adverbs": ("d", None),
}
PLACE_TAG = "ns"

SENTENCE_ENDS = "。!?;\n！？；"
_SENTENCE_END = re.compile("[" + re.escape(SENTENCE_ENDS) + "]")
SENTENCE_REACH = 300  # characters looked at either side of a position for its sentence's ends

# Tags of words that never begin or end a name of a thing (jieba's tag set, after ICTCLAS): verbs,
# adverbs, prepositions, conjunctions, pronouns, particles, numerals and measure words, modal words,
# interjections and set phrases (不断完善, 积极参与). A verbal noun (vn: 服务, 建设) is a noun here.
FUNCTION_TAGS = frozenset({
    "v", "vd", "vg", "vi", "vq", "d", "ad", "p", "c", "r", "rr", "rz", "rg", "u", "uj", "ul", "uz", "ug", "uv",
    "ud", "m", "mq", "mg", "q", "y", "e", "o", "l",
})  # fmt: skip
# Words that only point at or count a thing (这个, 三级, 新型, 一站式): before a kind word they make
# no name of their own.
DETERMINER_TAGS = frozenset({"r", "rr", "rz", "m", "mq", "q", "b"})
NUMERAL_TAGS = frozenset({"m", "mq"})  # 三, 首: counts and ordinals
_NUMERAL_CHAR = re.compile(r"[\d０-９〇零一二两三四五六七八九十廿卅百千万亿几半首第余多数每整]")
GUESSED_NAME_TAG = "nz"  # what an unknown word jieba guessed a numeral is taken for: part of a name


class Token(NamedTuple):
    """One word: `text == source[start:end]`, `tag` in jieba's tag set (`n`, `v`, `ns`, `x`…).

    A named tuple rather than a frozen dataclass: as immutable, and made in less than half the time
    (a sentence gives dozens, and the words of an article are made afresh for every article)."""

    text: str
    start: int
    end: int
    tag: str

    @property
    def function_word(self) -> bool:
        return self.tag in FUNCTION_TAGS


@cache
def _tagger() -> Any:
    """jieba-rs with jieba's dictionary and ours; built once per process (about 0.15 s)."""
    import rjieba

    # Importing rjieba has already built a segmenter with jieba's dictionary (its module-level
    # functions use it, and nothing here calls them): ours is that one, not a second built for
    # another 0.07 to 0.12 s of every start.
    tagger = getattr(rjieba, "_DEFAULT_JIEBA", None)
    if tagger is None:
        tagger = rjieba.Jieba()
    for name, (tag, freq) in USER_LISTS.items():
        for word in words(name):
            tagger.add_word(word, freq, tag)
    for word in place_words():
        tagger.add_word(word, None, PLACE_TAG)
    return tagger


@cache
def place_words() -> tuple[str, ...]:
    """Every word our lexicons make a place (tag ns), in a fixed order (the order words are added
    in may decide a cut): the full names of divisions of three letters or more, in the gazetteer's
    order, then the short forms of provinces and cities and the townships written 某某街."""
    from extract.text.gazetteer import Gazetteer

    full = [d.name for d in Gazetteer.load().divisions if len(d.name) > 2]
    return tuple(dict.fromkeys([*full, *sorted(higher_short_forms()), *sorted(township_jie_forms())]))


@cache
def county_short_forms() -> frozenset[str]:
    """Short forms of counties (大足, 从化, 介休), but the gazetteer's common words and the words
    jieba counts over 1000 times (通道): cut as a word of their own (大足/区委), they are places, not
    the adverb or verb jieba tags them. Only their tag changes: made words, they would cut
    sentences where no county is meant."""
    return frozenset(s for s in _short_forms(("county",)) if word_frequency(s) <= 1000)


@cache
def township_jie_forms() -> frozenset[str]:
    """`某某街` for each township `某某街道` (three letters or more), as texts write it (龙翔街党工委):
    without the word, jieba cut some of them into a verb and a street (通/东街, 官/银号/街), and the
    body they open lost its first letter."""
    from extract.text.gazetteer import Gazetteer

    return frozenset(
        d.name[:-1]
        for d in Gazetteer.load().divisions
        if d.level == "street" and d.name.endswith("街道") and len(d.name) >= 4
    )


@cache
def higher_short_forms() -> frozenset[str]:
    """Short forms of provinces and prefecture-level cities (包头, 大连, 开封), but the gazetteer's
    common words (来宾): jieba tags many of them as verbs, adverbs or persons' names (包头 v, 大连 d),
    and a name that opens with one (包头高新区某某中心) lost its city."""
    return _short_forms(("province", "city"))


def _short_forms(levels: tuple[str, ...]) -> frozenset[str]:
    """The gazetteer's short forms of two letters or more of divisions at `levels`, but its common
    words."""
    from extract.text.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    return frozenset(
        short
        for d in gaz.divisions
        if d.level in levels
        for short in d.short
        if len(short) >= 2 and short not in gaz.stoplist
    )


@cache
def _our_tags() -> dict[str, str]:
    """Our lexicons' tags, which win over jieba's: jieba-rs keeps a known word's tag when it is
    added again (支行 stays a verb, 硚口区 too); place words are places."""
    places = dict.fromkeys(place_words(), PLACE_TAG)
    return places | {word: t for name, (t, _) in USER_LISTS.items() for word in words(name)}


_TUPLE_NEW = tuple.__new__

_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(text: str) -> str:
    """`text` with lone surrogates (undecodable bytes kept by the reader) as U+FFFD, one for one: the
    segmenter takes only valid Unicode, and offsets must not move."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def tag(text: str, offset: int = 0) -> list[Token]:
    """`text` cut into tagged words, offsets in `text` plus `offset` (where `text` starts in a
    longer one)."""
    ours = _our_tags().get
    pairs = _tagger().tag(_encodable(text), True)
    texts = [word for word, _ in pairs]
    edges = list(accumulate(map(len, texts), initial=offset))
    tags = [ours(w, t) for w, t in pairs]
    counties = county_short_forms()
    for i, t in enumerate(tags):
        if t in FUNCTION_TAGS and texts[i] in counties:
            tags[i] = PLACE_TAG
        elif t in NUMERAL_TAGS and _guessed_numeral(texts[i]):
            tags[i] = GUESSED_NAME_TAG
    fields = zip(texts, edges[:-1], edges[1:], tags, strict=True)
    # tuple.__new__ straight from C: a third of the time of calling Token(...) for each word.
    return list(map(_TUPLE_NEW, repeat(Token), fields))


def _guessed_numeral(word: str) -> bool:
    """A word the dictionary lacks, tagged a numeral by jieba's guess though it holds no numeral (映月
    of 映月社区): it is the name it stands in, not a count."""
    return not _NUMERAL_CHAR.search(word) and not known(word)


def known(word: str) -> bool:
    """True for a word of jieba's dictionary or ours; the tag of any other word is the HMM's guess."""
    return bool(_tagger().has_word(_encodable(word)))


@dataclass
class Words:
    """The words of one text, segmented a sentence at a time as they are asked for."""

    text: str
    _sentences: dict[int, tuple[Token, ...]] = field(default_factory=dict, repr=False)
    _ends: list[int] | None = field(default=None, repr=False)  # where sentence ends stand, in order

    def sentence(self, pos: int) -> tuple[Token, ...]:
        """The tokens of the sentence holding `pos`, offsets in the whole text. A sentence is looked
        for at most SENTENCE_REACH characters either side: a page without sentence ends (one long
        line) is cut in pieces of that reach, so that each question costs the same. The text's
        sentence ends are found in one pass, on the first question, and looked up after."""
        text = self.text
        ends = self._ends
        if ends is None:
            ends = self._ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        # Whole pieces of the reach, so that the positions of one piece share its words.
        low = max(0, (pos // SENTENCE_REACH - 1) * SENTENCE_REACH)
        k = bisect_left(ends, pos)  # ends[k - 1] is the last end before pos, ends[k] the first after
        start = ends[k - 1] + 1 if k and ends[k - 1] >= low else low
        found = self._sentences.get(start)
        if found is None:
            high = min(len(text), low + 3 * SENTENCE_REACH)
            end = ends[k] if k < len(ends) and ends[k] < high else high
            with stage("segment"):
                found = tuple(tag(text[start:end], start))
            self._sentences[start] = found
        return found

    # A sentence's tokens lie end to end in the text, so their starts and their ends both rise:
    # the tokens of a span are one run of them, found by bisection rather than by testing each.

    def within(self, start: int, end: int) -> list[Token]:
        """The tokens that lie inside `[start, end)`; a token cut by either edge is left out."""
        if start >= end:
            return []
        tokens = self.sentence(start)
        first = bisect_left(tokens, start, key=_START)
        return list(tokens[first : bisect_right(tokens, end, first, key=_END)])

    def overlapping(self, start: int, end: int) -> list[Token]:
        """The tokens that share a character with `[start, end)`, a token cut by an edge included."""
        if start >= end:
            return []
        tokens = self.sentence(start)
        first = bisect_right(tokens, start, key=_END)
        return list(tokens[first : bisect_left(tokens, end, first, key=_START)])

    def is_boundary(self, pos: int) -> bool:
        """True where a word starts or ends at `pos`."""
        if pos <= 0 or pos >= len(self.text):
            return True
        tokens = self.sentence(pos)
        k = bisect_left(tokens, pos, key=_START)
        return k < len(tokens) and tokens[k].start == pos


_START = itemgetter(1)  # Token.start
_END = itemgetter(2)  # Token.end


def token_at(tokens: tuple[Token, ...], pos: int) -> int | None:
    """The index of the token of `tokens` (a sentence's, end to end) that holds `pos`, or None."""
    k = bisect_right(tokens, pos, key=_START) - 1
    return k if k >= 0 and pos < tokens[k].end else None


def boundaries(text: str) -> set[int]:
    """Offsets in `text` where a word starts or ends (0 and len(text) included)."""
    cuts = {0}
    pos = 0
    with stage("segment"):
        for word in _tagger().cut(_encodable(text), True):
            pos += len(word)
            cuts.add(pos)
    return cuts


def word_frequency(word: str) -> int:
    """How often jieba's dictionary counts `word` (0 when it is not a word of it or of ours).

    jieba-rs does not expose its counts; its suggested frequency for a dictionary word is the word's
    own count, or one more where rounding falls that way, which is all the thresholds here need."""
    tagger = _tagger()
    word = _encodable(word)
    return int(tagger.suggest_freq(word)) if tagger.has_word(word) else 0
