"""Whether a run of words names one body (a committee, a township, a company), for the finder of
event subjects (extract/rules_engine/subjects.py): where such a name may start and end, which words
never stand inside one, and the words of a clause tidied first (a joiner the segmenter glued to a
name, a bracketed aside, quoted words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extract.text.gazetteer import Gazetteer
from extract.text.segment import FUNCTION_TAGS, NUMERAL_TAGS, Token, higher_short_forms, known

CLAUSE_MARKS = frozenset(",;:。!?\n…—")
OPEN_QUOTES = '“「『《"'
LIST_END = "等"  # closes a list cut short (`A、B等单位`)
LIST_MARK = "、"  # joins the names of a bare list (`A、B`)
COUNTERS = "个家批届名位项首"  # a numeral ending in one counts things (首个, 三家)
SIDES = re.compile("[双两三四五六七八九十]方")  # the count of the sides a list names (三方)
CLAUSE_TAGS = frozenset(
    {"d", "p", "c", "r", "rr", "rz", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o"}
)


@dataclass(frozen=True)
class Lists:
    """The rule's word lists, by option: each names a list of rules/lexicon/."""

    verbs: tuple[str, ...]
    suffixes: tuple[str, ...]
    joiners: frozenset[str]
    generic: frozenset[str]
    lead_in: frozenset[str]
    not_ending: tuple[str, ...]
    name_ends: tuple[str, ...]
    name_generic: frozenset[str]
    label_words: frozenset[str]
    place_words: frozenset[str]
    appositions: frozenset[str]
    lead_verbs: frozenset[str]
    acting: tuple[str, ...] = ()


def body(part: Sequence[Token], lists: Lists, leading: bool = False) -> bool:
    """A run of words that names one body: it ends in an organisation word (not a station's, but
    where `leading` co-holders one acting in its own name), starts with a nominal word, holds no
    clause word, and says more than generic words."""
    if not part:
        return False
    name = "".join(t.text for t in part)
    acting = leading and name.endswith(lists.acting)
    if not acting and (not name.endswith(lists.suffixes) or name.endswith(lists.not_ending)):
        return False
    if part[-1].text in higher_short_forms():
        return False  # 景德镇, 新乡, 萍乡: a city's name ending like a township's (景德镇高新区)
    inner = part[1:-1]
    if any(counting(part[k:]) for k in range(1, len(part))):
        return False  # 某市首家社区: a count inside is no name's
    if no_start(part, lists) or any(
        clause_word(t) and not (t in inner and t.text in lists.joiners) for t in part
    ):
        return False
    # A verb inside a name stands straight before its last word (执法支队, 管理处); one further in
    # takes an object (`干部走进某社区`).
    if any(verb_word(t) for t in part[:-2]) or any(motion(part, k) for k in range(1, len(part) - 1)):
        return False
    # 各社区, 相关单位: a kind of body. 区总工会, 镇党委 are the article's short names of one.
    return not all(t.text in lists.generic or (t.text in lists.suffixes and len(part) == 1) for t in part)


def kind(part: Sequence[Token], lists: Lists) -> bool:
    """Words mentioning a kind of body or counting bodies (`辖区14家单位`, `各社区`, `社会组织`), not
    naming one."""
    return bool(part) and (part[0].text in lists.generic or counting(part) or plain_kind(part, lists))


def plain_kind(part: Sequence[Token], lists: Lists) -> bool:
    """A kind of body the segmenter cut into words (社会/组织): the words together a generic word."""
    return len(part) > 1 and "".join(t.text for t in part) in lists.generic


def counting(part: Sequence[Token]) -> bool:
    """A numeral opening `part` that counts (`2023年`, `首个`, `三家`), not one opening a name (`八一路`)."""
    first = part[0]
    if first.tag not in NUMERAL_TAGS:
        return False
    after = part[1] if len(part) > 1 else None
    return first.text[0].isdigit() or first.text[-1] in COUNTERS or (after is not None and after.tag == "q")


def no_start(part: Sequence[Token], lists: Lists) -> bool:
    """A word no name starts with: a verb, adverb, pronoun, time word or generic word, or a numeral
    that counts (`2023年`, `首个`, `三家`) rather than opens a name (`八一路`)."""
    first = part[0]
    if first.text in lists.generic or first.tag[0] == "t":
        return True
    if first.tag in NUMERAL_TAGS:
        after = part[1] if len(part) > 1 else None
        return (
            first.text[0].isdigit() or first.text[-1] in COUNTERS or (after is not None and after.tag == "q")
        )
    if len(first.text) == 1:
        # A single character's tag is a guess where jieba cut an unknown name (献/县总工会); a verb
        # before a word of the dictionary is one (赴/某某街道).
        return first.tag in CLAUSE_TAGS or (len(part) > 1 and motion(part, 0))
    # A verb of the dictionary opens a clause taking the body as object (`学习某城区开展…`); a
    # city's name the segmenter tags as one (保定, 开封) opens a body's name as its place.
    return first.tag in FUNCTION_TAGS and known(first.text) and not city_name(first) or verb_word(first)


def clause_word(token: Token) -> bool:
    """A word that ends a clause or joins two, never inside a name: punctuation, a quote, an
    adverb, a preposition, conjunction, pronoun or particle, a verb of two characters or more; a
    masked name (`**`) is none either. A city's short name is a place whatever its tag (大连/d)."""
    if token.text in CLAUSE_MARKS or token.text[0] in OPEN_QUOTES or "*" in token.text:
        return True
    if token.tag in NUMERAL_TAGS and token.text[0].isdigit():
        return True  # a count (7个乡镇) or an address, not part of a body's name
    return token.tag in CLAUSE_TAGS and not city_name(token)


def motion(part: Sequence[Token], k: int) -> bool:
    """A verb of one character before a word of the dictionary (赴/某社区, 到/某村): it takes that
    word as its object. Before an unknown word jieba may have cut a name apart (献/县总工会)."""
    return (
        len(part[k].text) == 1
        and part[k].tag[0] == "v"
        and len(part[k + 1].text) > 1
        and known(part[k + 1].text)
    )


def verb_word(token: Token) -> bool:
    """A verb of the dictionary; an unknown word's tag is the HMM's guess (经开 in a school's name),
    and a city's short name is a place whatever its tag (保定新闻传媒中心)."""
    return (
        token.tag[0] == "v"
        and token.tag != "vn"
        and len(token.text) > 1
        and known(token.text)
        and not city_name(token)
    )


def city_name(token: Token) -> bool:
    """The short name of a province or a prefecture-level city (保定 of 保定市, 自贡), which the
    segmenter's dictionary may know as a verb."""
    return token.text in _city_names()


@cache
def _city_names() -> frozenset[str]:
    return frozenset(
        short for d in Gazetteer.load().divisions if d.level in {"province", "city"} for short in d.short
    )


def plain(part: Sequence[Token], lists: Lists) -> bool:
    """Words that may open a name: no clause word among them, none a word no name starts with."""
    return not no_start(part, lists) and not any(clause_word(t) for t in part)


def unglued(clause: Sequence[Token], lists: Lists) -> list[Token]:
    """The clause with the joiners jieba glued to a name cut off: at the front of a word it does
    not know (及/某公司), or at the end of a preposition or conjunction (某委/与); and the 等 that
    closes a list, glued to the name's last character in a word it does not know (某社工部/等)."""
    out: list[Token] = []
    for t in clause:
        front = t.text[0] in lists.joiners and t.text[0] != "和" and len(t.text) > 1 and not known(t.text)
        back = len(t.text) == 2 and t.tag in {"p", "c"} and t.text[1] in lists.joiners
        closing = len(t.text) == 2 and t.text[1] == LIST_END and not known(t.text)
        if front:
            out += [Token(t.text[0], t.start, t.start + 1, "c"), Token(t.text[1:], t.start + 1, t.end, "n")]
        elif back and t.text not in lists.joiners:
            out += [Token(t.text[0], t.start, t.start + 1, "n"), Token(t.text[1], t.start + 1, t.end, t.tag)]
        elif closing:
            out += [Token(t.text[0], t.start, t.start + 1, "n"), Token(LIST_END, t.start + 1, t.end, "u")]
        else:
            out.append(t)
    return out


def trimmed(part: list[Token], lists: Lists) -> list[Token]:
    """`part` without a closing aside in brackets (`某中心(集团)`) or count of sides (`三方`), and
    starting after the word that says what kind of partner it is (`共建单位某中心`)."""
    kind_of = max((j + 1 for j, t in enumerate(part[:-1]) if t.text in lists.appositions), default=0)
    part = part[kind_of:]
    if len(part) > 1 and SIDES.fullmatch(part[-1].text):
        part = part[:-1]  # `A、B与C三方签订`: the count of the sides closes the list, it names none
    if part and part[-1].text in {")", "】"}:
        opening = max((j for j, t in enumerate(part) if t.text in {"(", "【"}), default=0)
        part = part[:opening]
    return part


def unquoted(words: Sequence[Token]) -> list[Token]:
    """The words outside quotes (a theme's words, `“邻里守望”`, are not the clause's)."""
    out, depth = [], 0
    for t in words:
        if t.text in {"“", "《", "「"}:
            depth += 1
        elif t.text in {"”", "》", "」"}:
            depth = max(0, depth - 1)
        elif not depth:
            out.append(t)
    return out
