"""The lines of a page's top, and the main headline of a headline block.

A page may print a kicker (引题) on a line over its headline and a subtitle (副题) on a line under
it. The title rules find one line of such a block; `main_line` decides which line of it is the
headline (evidence `<field>.main_line` where it moves), so that the title, and the rules that read
inside it (`within = "title"`), hold the headline and not its kicker.

What tells the lines apart, read off real pages (seeds/wild, the dev set's `tune` split, the HTML
pages of seeds/dev/html) and invented ones:

* marks: a line ending in a colon or a dash leads into the line under it (`某某:`, `凝心聚力——`),
  and a label in brackets alone (`【聚焦】`) names a column;
* the opening word: a headline says who did what and opens with its subject (a body, a place, a
  name, a time: `某街道举行…`); a kicker sets a theme and opens with a verb (`聚焦…`, `扩大…`,
  `传承…`), and a subtitle goes on from the headline's subject, opening with an adverb or a verb
  (`将在…`, `成功举办…`), as a clause opening with a preposition does (`为…注入活力`);
* the slogan: a kicker is often two or three short phrases side by side (`党建引领聚合力 共建共治
  促发展`), where a headline names its subject and what it did in one run.

Not used, as real pages contradict them: length (a subtitle is as often longer than its headline
as shorter), the line nearest the stamp (a kicker's headline and a subtitle's headline stand at
opposite ends of the block) and the lead's words (a lead may repeat the subtitle as fully as the
headline: an HTML page of seeds/dev/html repeats both word for word). Where the lines tell nothing
apart, the line the rules found stays: a subtitle with a subject of its own (`某某和某某为驿站揭牌`)
is not told from a headline, nor is a kicker of one clause with a subject (`全会公报中指出`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import regex

from extract.resolve import Item, Proof
from extract.text.segment import Words

_BLANKS = " \t\u3000"
_TRAIL = " \t\u3000|"  # a trailing bar is the page's (`headline |`), not the headline's

# A subtitle's opening dash; a line ending in a colon or a dash leads into the next; a column's label.
DASH = regex.compile(r"(?:——|──|—|--)")
_LEADS_ON = regex.compile(rf"(?:[:：]|{DASH.pattern})$")
LABEL = regex.compile(r"[【〖\[「][^】〗\]」]{1,12}[】〗\]」]")

# How plainly a line states the news: a label or a line leading into the next; a line that leaves
# its subject unsaid or sets a theme; a line that says who did what.
LEADS_ON, THEME, STATES = 0, 1, 2

# Phrases side by side: two or three of three to nine characters (Han, quotes), blanks, commas or
# 、!?; between them.
_PHRASE = r"[\p{Han}“”‘’\"']{3,9}"
_SLOGAN = regex.compile(rf"{_PHRASE}(?:[ \u3000,、!?;]+{_PHRASE}){{1,2}}")

# Tags of an opening word that leaves the subject unsaid (jieba's tag set): an adverb (将, 已), a
# verb or a preposition; an adjective where a verb follows (`成功举办`). A verb or preposition of one
# character counts only before a word of two or more: one jieba tags so before another single
# character is as often the first of a name it failed to read (同/车). A verbal noun (vn: 建设,
# 服务) is a noun; a conjunction opens headlines too (`既有…,也有…`).
_ADVERB_TAGS = frozenset({"d", "ad"})
_VERB_TAGS = frozenset({"v", "vd", "vi", "vg"})
_PREPOSITION_TAG = "p"
_STATING_TAGS = _VERB_TAGS | {"vn"}  # what a line that says what was done holds
_ADJECTIVE_TAG = "a"
_MARK_TAG = "x"  # punctuation and blanks
_OPENING_MARKS = tuple("“「『《【〖[\"'‘")


def line_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The text of the line holding `text[start:end]`, without its blanks and trailing bars."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    while a < b and text[a] in _BLANKS:
        a += 1
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    return a, b


def next_line(text: str, end: int) -> tuple[int, int] | None:
    """The next line after offset `end` that is not blank."""
    pos = text.find("\n", end)
    while 0 <= pos < len(text):
        a, b = line_at(text, pos + 1, pos + 1)
        if b > a:
            return a, b
        pos = text.find("\n", pos + 1)
    return None


def previous_line(text: str, start: int) -> tuple[int, int] | None:
    """The last line before offset `start` that is not blank."""
    pos = text.rfind("\n", 0, start)
    while pos > 0:
        a, b = line_at(text, pos - 1, pos - 1)
        if b > a:
            return a, b
        pos = text.rfind("\n", 0, pos)
    return None


def standing(text: str, words: Words, line: tuple[int, int]) -> int:
    """How plainly the line `text[line[0]:line[1]]` states the news: LEADS_ON for a column's label
    alone or a line ending in a colon or a dash; THEME for a slogan of phrases side by side, or a
    line whose clauses each open with a verb, an adverb or a preposition (a clause after `!` or `?`
    too: `打造服务综合体!某社区党群服务中心启用` names its subject in the second); else STATES."""
    a, b = line
    if LABEL.fullmatch(text, a, b) or _LEADS_ON.search(text, a, b):
        return LEADS_ON
    if _SLOGAN.fullmatch(text, a, b):
        return THEME
    starts = [a] + [m.end() for m in _CLAUSE_END.finditer(text, a, b)]
    return STATES if any(_opens_with_subject(text, words, start, b) for start in starts) else THEME


_CLAUSE_END = regex.compile(r"[!?][ \u3000]*")


def _opens_with_subject(text: str, words: Words, start: int, end: int) -> bool:
    """Whether `text[start:end]` opens with its subject, not with a verb, an adverb or a preposition;
    a quotation or a label opening it is a name, a subject."""
    if start >= end or text.startswith(_OPENING_MARKS, start):
        return True
    opening = [t for t in words.within(start, end) if t.tag != _MARK_TAG][:2]
    if not opening:
        return True
    first, after = opening[0], (opening[1] if len(opening) > 1 else None)
    if first.tag in _ADVERB_TAGS:
        return False
    if first.tag in _VERB_TAGS or first.tag == _PREPOSITION_TAG:
        return len(first.text) == 1 and (after is None or len(after.text) == 1)
    return not (first.tag == _ADJECTIVE_TAG and after is not None and after.tag in _VERB_TAGS)


def main_line(
    text: str, words: Words, item: Item, field: str, taken: Callable[[], Mapping[int, Item]]
) -> Item:
    """The headline of the block `item` stands in: `item` itself, unless its line states the news
    less plainly than another line of the block; then the value of the line that states it most
    plainly (of equals, the first `_block` gives), its evidence the step's. The block: the lines
    right under `item`'s (two at most: a kicker, its headline, a subtitle) and the line right over
    it, blank lines aside, each a line a title rule would take too, as `taken()` gives them by the
    start of their line (asked only where `item` may move). The line over `item` takes its place
    only where it holds a verb: a subtitle goes on from the headline's subject and what it did, and
    a line of names alone over the headline is its publisher's (`某区融媒体中心`). A line opening with
    a dash is a subtitle, joined to the line over it later (headline._whole): it stays, and one over
    `item` may be taken, to be joined."""
    p = item.proofs[0]
    a, b = line_at(text, p.start, p.end)
    if DASH.match(text, a):
        return item
    best, rank = item, standing(text, words, (a, b))
    if rank == STATES:
        return item
    lines = taken()
    for near in _block(text, (a, b), lines):
        if near[0] < a and not any(t.tag in _STATING_TAGS for t in words.within(*near)):
            continue
        its = standing(text, words, near)
        if its > rank:
            q = lines[near[0]].proofs[0]
            best, rank = Item(lines[near[0]].value, [Proof(q.sub, q.start, q.end, f"{field}.main_line")]), its
    return best


def _block(text: str, line: tuple[int, int], taken: Mapping[int, Item]) -> list[tuple[int, int]]:
    """The lines a title rule would take right under `line` (two at most, one after the other, the
    nearer first: a kicker stands over its headline), then the one right over it. A line holding a
    stamp ends the block: a rule may take a headline out of the stamp's line (`某某 2023-06-05
    来源:某网`), but the stamp comes after the block."""
    block: list[tuple[int, int]] = []
    below = next_line(text, line[1])
    # A subtitle under a dash is joined to the line over it (headline._whole): it ends the block.
    while below and _in_block(text, below, taken) and not DASH.match(text, below[0]) and len(block) < 2:
        block.append(below)
        below = next_line(text, below[1])
    above = previous_line(text, line[0])
    if above and _in_block(text, above, taken):
        block.append(above)
    return block


# A full date as a stamp writes it (a year alone may be a headline's).
FULL_DATE = r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d"
# A publication stamp on a line: a full date, a source's or a publish time's label (narrower than
# headline._STAMP, which refuses a joined line holding 来源 or 发布 anywhere).
_STAMP = regex.compile(rf"{FULL_DATE}|来源:|发布时间")


def _in_block(text: str, line: tuple[int, int], taken: Mapping[int, Item]) -> bool:
    """Whether a title rule would take `line` (by its start), and it holds no stamp."""
    return line[0] in taken and not _STAMP.search(text, line[0], line[1])
