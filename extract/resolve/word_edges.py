"""Where the name of a thing begins and ends, and whether it names one thing, read from the words.

A name found by a pattern often carries the words around it: a verb or adverb before it
(`积极打造红色驿站`), a count or a pronoun (`建立首家社区…`, `这个服务站`), the verb after it
(`图书馆联合`). The word layer's tags say which words those are, where hand lists of characters
could only guess. A lexicon may keep a word at a name's edge whatever its tag.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from extract.text.segment import DETERMINER_TAGS, FUNCTION_TAGS, NUMERAL_TAGS, Token, Words, known, tag

VERB_TAGS = frozenset({"v", "vd", "vg", "vi", "vq", "l"})
# Function words that end the clause before a name wherever they stand in it: a name does not hold
# an adverb, preposition, conjunction, pronoun, particle or numeral (`建立首家社区服务中心`), nor a
# verb used as an adverb (vd: `支行持续完善驿站`).
CLAUSE_TAGS = FUNCTION_TAGS - VERB_TAGS | {"vd"}
# Verbs of the dictionary (not verbal nouns: 管理, 服务). One alone inside a name may modify what
# follows (外卖骑手, 创新产业园, 就业群体); two in a row are a clause's verbs (加速推进, 点击显示).
OBJECT_VERB_TAGS = frozenset({"v", "vi", "vd", "l"})
SORTING_VERB_TAGS = OBJECT_VERB_TAGS | {"vn"}  # before a count or sort, its object follows
LOCATIVE_TAGS = frozenset({"f"})  # 内, 里, 上: where in a place, not part of its name
# Numerals end an address (高邮路7号) and a room (2号会议室): they are cut before a name, not after.
TRAILING_TAGS = FUNCTION_TAGS - {"m", "mq", "q"} | LOCATIVE_TAGS
# A one-character word's tag is trusted only for these: 吾, 宁, 臻 are tagged pronoun or verb, but in
# a name they are part of it.
ADJECTIVE_TAGS = frozenset({"a", "ad"})
TIME_TAGS = frozenset({"t"})  # 去年, 今年, 当天: when, never the first word of a name before a verb
ADVERBIAL_TAGS = ADJECTIVE_TAGS | TIME_TAGS  # how or when, before a verb (_adverbial)
MEASURE_TAGS = frozenset({"q"})
SINGLE_CHARACTER_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "f"})
# Words that say what is done to a thing or how it is, not which one it is (before a kind word).
KIND_ONLY_TAGS = FUNCTION_TAGS | {"vn", "z", "k"}
SORT_SUFFIXES = "型式级"  # 综合型, 开放式, 星级: words that sort things
# Last characters of nouns that name people (工作者, 讲解员, 居民, 群众, 同学们): such a noun before
# a verb is the verb's subject, not the first word of a name (工作人员介绍服务站).
PERSON_SUFFIXES = "者员们民众"
# Nouns for people that end otherwise (单位代表齐聚某某中心: the delegates gather there).
PERSON_NOUNS = frozenset({"代表", "嘉宾", "来宾", "干部"})


def name_span(words: Words, start: int, end: int, keep: frozenset[str] = frozenset()) -> tuple[int, int]:
    """`[start, end)` cut to the name it holds: it begins after the last clause word before its
    final word, then after any verbs that open it, and ends before verbs, function words and
    locatives that close it. Straight before the final word, a verb of one character stays (it
    modifies it); one of two or more takes it as its object (`调研党群服务中心`) and goes, unless
    `keep` holds it (`学习驿站`, `贴心驿站`). Words in `keep` are never cut. A span that starts or ends inside a word
    (a pattern's window) keeps that edge where no word before or after it is cut."""
    tokens = words.overlapping(start, end)
    if not tokens or tokens[-1].end < end:
        return start, end  # no words, or a span beyond the piece of text segmented for it
    first = _after_last_clause_word(tokens, keep)
    # Straight after the list comma a name is the next item of a list (某某驿站、至尊门第服务站):
    # no verb there takes it as object, so a word tagged as one is part of the name.
    listed = first == 0 and tokens[0].start == start and words.text[start - 1 : start] == "、"
    while (
        not listed
        and first < len(tokens) - 2
        and (
            _cut(tokens[first], VERB_TAGS | LOCATIVE_TAGS, keep)
            or _adverbial(tokens[first], tokens[first + 1], keep)
        )
    ):
        first += 1
    if (
        not listed
        and first == len(tokens) - 2
        and len(tokens[first].text) > 1
        and _cut(tokens[first], VERB_TAGS, keep)
    ):
        first += 1  # a verb of two characters or more takes the name as its object (调研党群服务中心)
    last = len(tokens) - 1
    while last > first and _cut(tokens[last], TRAILING_TAGS, keep):
        last -= 1
    if _cut(tokens[last], TRAILING_TAGS, keep) or not any(_nominal(t) for t in tokens[first : last + 1]):
        return start, start  # no noun among them: a phrase (一起, 连续3年), not a name
    return max(start, tokens[first].start), min(end, tokens[last].end)


def _after_last_clause_word(tokens: Sequence[Token], keep: frozenset[str]) -> int:
    for i in range(len(tokens) - 2, -1, -1):
        t = tokens[i]
        if t.tag in NUMERAL_TAGS:
            if _counts(t, at_start=i == 0) and t.text not in keep:
                return i + 1
        elif t.tag in MEASURE_TAGS:
            if i == 1 and _counts(tokens[0], at_start=True):
                return i + 1  # 2023年度, 10个
        elif _cut(t, CLAUSE_TAGS, keep, tokens[i + 1]) and not _inside_cut_name(tokens, i):
            return i + 1
        elif len(t.text) > 1 and _cut(t, SORTING_VERB_TAGS, keep) and _sorts(tokens[i + 1]):
            # A verb before a count or sort takes the rest as object (开展五星级服务中心); so does a
            # verbal noun (推广建设新型服务站): inside a name one modifies a noun, never a sort word.
            return i + 1
        elif _verb_after_verb(tokens, i, keep):
            return i  # two verbs in a row: what follows is their object (总工会加速推进某某服务站)
        elif _verb_after_person(tokens, i, keep):
            return i + 1  # a person does it: what follows is its object (讲解员介绍某某驿站)
    return 0


def _verb_after_verb(tokens: Sequence[Token], i: int, keep: frozenset[str]) -> bool:
    """Whether `tokens[i]` and the word before it are both verbs of two characters or more, and a
    word stands between them and the last (城市治理推进委 is a body's name: its verbs modify 委)."""
    return 0 < i < len(tokens) - 2 and all(
        len(t.text) > 1 and _cut(t, OBJECT_VERB_TAGS, keep) for t in (tokens[i - 1], tokens[i])
    )


def _verb_after_person(tokens: Sequence[Token], i: int, keep: frozenset[str]) -> bool:
    """Whether `tokens[i]` is a verb of two characters or more straight after a noun that names
    people: a clause of subject and verb, whose object the rest is (志愿者讲解服务站). A verb kept at
    names (`keep`: 骑手加油驿站) and a verb after a noun of anything else (执法支队) modify what follows."""
    person = tokens[i - 1] if i > 0 else None
    return (
        person is not None
        and len(tokens[i].text) > 1
        and _cut(tokens[i], OBJECT_VERB_TAGS, keep)
        and person.tag[:1] == "n"
        and (person.text[-1:] in PERSON_SUFFIXES or person.text in PERSON_NOUNS)
    )


def _inside_cut_name(tokens: Sequence[Token], i: int) -> bool:
    """A single function character straight after another single character: jieba has cut an
    unknown name into characters (盛/和/小区), and 和 is part of it, not a conjunction."""
    return len(tokens[i].text) == 1 and i > 0 and len(tokens[i - 1].text) == 1 and tokens[i - 1].tag != "x"


def _adverbial(token: Token, after: Token, keep: frozenset[str]) -> bool:
    """An adjective before a verb, used as an adverb (扎实推进, 认真落实), or a time word before a
    verb (去年建成): it says how or when the verb was done. A time word before a noun may open a
    name (春天驿站)."""
    return token.tag in ADVERBIAL_TAGS and token.text not in keep and _cut(after, VERB_TAGS, keep)


def _nominal(token: Token) -> bool:
    """A noun, an abbreviation, or a word jieba does not know (缤谷, a quote). Not a time word
    (近日, 当天) nor a word of position (网上, 户外): alone they name no thing and no place."""
    return token.tag[0] in "njx" or token.tag in {"vn", "an", "eng", "zg"}


def _counts(token: Token, at_start: bool) -> bool:
    """A numeral that counts or orders (首家, 两级, 一个), not one inside a place name (五里庙):
    its last character is a measure word. Digits count at the start (2023年度); further in they
    belong to an address (高邮路7号)."""
    if token.text[0].isdigit():
        return at_start
    return len(token.text) > 1 and tag(token.text[-1])[0].tag in MEASURE_TAGS


def _cut(token: Token, tags: frozenset[str], keep: frozenset[str], after: Token | None = None) -> bool:
    """True for a word of one of `tags` whose tag can be trusted: a word of the dictionary (an
    unknown word's tag is a guess: 菁蓉汇 as a verb); a single character only with a tag single
    characters hold reliably (在, 和, 的), and not straight before another single character, where
    jieba has cut an unknown name into characters (和欣公寓, 吾悦广场); a quote mark after it is no
    such character (`自“某某驿站”启动以来`: 自 opens the clause)."""
    if token.tag not in tags or token.text in keep:
        return False
    if len(token.text) == 1:
        return token.tag in SINGLE_CHARACTER_TAGS and (
            after is None or len(after.text) > 1 or after.tag == "x"
        )
    return known(token.text)


def counted(words: Words, start: int, end: int) -> bool:
    """True where a word of `[start, end)` counts things or points at several (263个, 多个, 一些,
    各个, 这些); pointing at one (该县, 这个) is not counting."""
    return any(
        t.tag in NUMERAL_TAGS | MEASURE_TAGS
        or (t.tag[0] == "r" and (t.text[0] == "各" or t.text[-1] == "些"))
        for t in words.within(start, end)
    )


def only_determiners(
    words: Words, start: int, end: int, generic: Callable[[str], bool], keep: frozenset[str] = frozenset()
) -> bool:
    """True where no word of `[start, end)` names anything: each is `generic`, or only points at,
    counts or sorts a thing (这个, 三级, 新型, 一站式, 新), or says what is done or how (要管好用好,
    升级, 便民, 小小的, 示范型): such a name is a mention of a kind. A word of `keep` that is no verb
    names (某某, the placeholder for a withheld name); a verb of `keep` stays in a name (星河便民服务站)
    but alone before the kind word names a kind (便民服务站, 学习驿站).
    False where the words do not line up with the span or there are none."""
    tokens = words.within(start, end)
    if not tokens or tokens[0].start != start or tokens[-1].end != end:
        return False
    return all(
        not (t.text in keep and t.tag not in VERB_TAGS | {"vn"}) and (_names_nothing(t) or generic(t.text))
        for t in tokens
    )


def _sorts(token: Token) -> bool:
    """A word that counts or sorts a thing (首家, 新型, 五星级, 综合型, 一站式): of the pointing tags,
    or a word of the dictionary ending in a suffix of sort."""
    if token.tag in DETERMINER_TAGS - {"r", "rr", "rz"}:
        return True
    return len(token.text) > 1 and token.text[-1] in SORT_SUFFIXES and known(token.text)


def _names_nothing(token: Token) -> bool:
    """A word that cannot name a thing: a determiner, count or sort, a one-character adjective, or a
    word of the dictionary that is a function word, a verb, a verbal noun, a state (小小的) or a
    suffix of sort (型). An unknown word's tag is a guess (至尊门第), so it names."""
    if token.tag in DETERMINER_TAGS or (token.tag == "a" and len(token.text) == 1) or _sorts(token):
        return True
    return token.tag in KIND_ONLY_TAGS and (len(token.text) == 1 or known(token.text))


def holds_a_predicate(words: Words, start: int, end: int) -> bool:
    """True where a verb or adverb of two characters or more lies inside `[start, end)`
    (某镇积极推动村, 某街道举行新设社区): a clause, not a name. One-character words are left to
    name_span; their tags say little inside a name (严家地社区)."""
    return any(
        len(t.text) > 1 and t.tag in VERB_TAGS | {"d", "ad"} and start <= t.start and t.end <= end
        for t in words.overlapping(start, end)
    )
