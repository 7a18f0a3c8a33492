"""Who an event's statement says held it, read from the words of the sentence.

The finder `event_subjects` looks at each of its rule's `verbs` (举行, 召开, 开展, 主办…) that stands
as a word of its own, and reads the clause before it: after the time and lead-in words it opens
with (`8月10日上午`, `据悉`) and before a place (`在…`, `来到…`) or the adverbs and verbs that lead to
the verb (`共同`, `正式`, `组织`), the subject is a chain of bodies joined by 、/和/与/携手/联合. A
body is a run of words ending in an organisation word (`…街道党工委`, `…协会`); one that starts with
a verb, adverb, counting numeral, pronoun or time word, or is nothing but generic words and
organisation words (`各社区`, `相关单位`), is no name, and the statement gives nothing (a co-holder
given as a count or kind, `辖区12家单位`, is left out). Where the whole clause is no chain, the words
before its first preposition may be (`某社区以“…”为主题开展`). `由A主办` gives the bodies after 由,
and `主办单位:A、B` those after the colon. The finder `event_name_openers` reads the clause as the
name of an event or a thing (`A与B共建活动举行`, `A公司首家驿站揭牌`): the bodies that open it held it.

Each body is a group (`value`, `value2`…), in the order written, marked as cut at words
(match.CUT_AT_WORDS); the finder knows no field: the word lists come from the rule's options.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from extract.rules_engine.body_names import (
    CLAUSE_MARKS,
    LIST_END,
    Lists,
    body,
    counting,
    kind,
    plain,
    trimmed,
    unglued,
    unquoted,
    verb_word,
)
from extract.rules_engine.document import Document
from extract.rules_engine.match import CUT_AT_WORDS, Group, SharedEnding
from extract.rules_engine.ruleset import Rule
from extract.rules_engine.shared_endings import with_shared_ending
from extract.rules_engine.subject_clause import verb_clause
from extract.text.lexicon import words
from extract.text.segment import Token, token_at

Found = Iterator[tuple[int, int, dict[str, Group]]]

SINCE = frozenset({"以来"})  # closes a clause framing a time (`自…以来`)
DIVISION_ENDS = ("省", "市", "县", "区", "州", "旗")  # the last character of a division's name
JOINT = "联合"
JOINT_BODIES = frozenset({"党委", "党总支", "党支部", "党工委"})  # what a joint committee is (联合党委)


@lru_cache(maxsize=8)
def _lists(options: tuple[tuple[str, str], ...]) -> Lists:
    o = dict(options)

    def ws(key: str) -> tuple[str, ...]:
        return words(o[key]) if key in o else ()

    return Lists(
        verbs=ws("verbs"),
        suffixes=ws("subject_ends"),
        joiners=frozenset(ws("joiners")),
        generic=frozenset(ws("generic_words")),
        lead_in=frozenset(ws("subject_lead_in")),
        not_ending=ws("not_ending"),
        name_ends=ws("name_ends"),
        name_generic=frozenset(ws("name_generic")),
        label_words=frozenset(ws("label_words")),
        place_words=frozenset(ws("place_words")),
        appositions=frozenset(ws("appositions")),
        lead_verbs=frozenset(ws("lead_verbs")),
        acting=ws("acting_ends"),
    )


def find_event_subjects(text: str, doc: Document, rule: Rule) -> Found:
    """At each event verb, the bodies the statement names as its subject, one group each."""
    return _find(text, doc, rule, named=False)


def find_event_name_openers(text: str, doc: Document, rule: Rule) -> Found:
    """At each event verb, the bodies that open the name of what it was said of (`A与B共建活动举行`,
    `A街道“红色联盟”揭牌`), one group each."""
    return _find(text, doc, rule, named=True)


def _find(text: str, doc: Document, rule: Rule, named: bool) -> Found:
    lists = _lists(tuple(sorted((k, str(v)) for k, v in rule.options.items() if isinstance(v, str))))
    fewest = int(rule.options.get("min_bodies", 1))
    for hit in _verb_pattern(lists.verbs).finditer(text):
        start, end = hit.span()
        tokens = doc.words.sentence(start)
        # The verb opens its word (举行了) or closes it (如期举行), never stands inside one (党组织).
        i = token_at(tokens, start)
        if i is None or not (tokens[i].start == start or tokens[i].end == end) or not _verb(tokens, i, lists):
            continue
        if _since(tokens, i):
            continue
        if named:
            # What was held or unveiled comes before the verb, which ends its clause: before a noun
            # the verb names the event (参加揭牌仪式), its subject is a person or body taking part.
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if after is not None and (after.tag[0] == "n" or after.tag == "vn"):
                continue
            bodies = _chain(verb_clause(tokens, i, lists), lists, named=True)
        else:
            bodies = _after_label(tokens, i, lists) or _stated(verb_clause(tokens, i, lists), lists)
        if bodies and len(bodies) >= fewest:
            groups = {("value" if n == 0 else f"value{n + 1}"): _group(text, b) for n, b in enumerate(bodies)}
            yield bodies[0][0].start, max(tokens[i].end, bodies[-1][-1].end), groups


def _group(text: str, words: Sequence[Token]) -> Group:
    """A body's words as a group cut at words; a name a list completed with a shared ending
    (shared_endings.py) as its own words, plus the span of that ending."""
    gap = next((k for k in range(1, len(words)) if words[k - 1].end != words[k].start), None)
    if gap is None:
        return Group(text[words[0].start : words[-1].end], words[0].start, words[-1].end, CUT_AT_WORDS)
    own, ending = words[:gap], words[gap:]
    value = text[own[0].start : own[-1].end] + text[ending[0].start : ending[-1].end]
    return Group(value, own[0].start, own[-1].end, SharedEnding(ending[0].start, ending[-1].end))


def _since(tokens: Sequence[Token], i: int) -> bool:
    """The verb at `i` frames the time of another act (`自A与B签订协议以来,…`): its clause ends
    with 以来, and what it states was done before, not the event."""
    for t in tokens[i + 1 :]:
        if t.text in CLAUSE_MARKS:
            return False
        if t.text in SINCE:
            return True
    return False


@lru_cache(maxsize=8)
def _verb_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """The event verbs as one alternation, longest first (a verb never matches nothing)."""
    return re.compile("|".join(map(re.escape, verbs)) or "(?!)")


def _verb(tokens: Sequence[Token], i: int, lists: Lists) -> bool:
    """A verb, a set phrase ending in one (如期举行), or a label (主办单位); not a word an adverb
    follows, which is a noun there (`联盟组织正式成立`)."""
    if i + 1 < len(tokens) and tokens[i + 1].tag in {"d", "ad"}:
        return False
    # An adverb of acting together (共同, 一同) is the verb of a rule that names such words.
    return tokens[i].tag[0] in "vlbd" or tokens[i].text in lists.label_words


def _after_label(tokens: Sequence[Token], i: int, lists: Lists) -> list[list[Token]]:
    """`主办单位:A、B`: the bodies listed after a label word and its colon."""
    k = i + 1
    if k < len(tokens) and tokens[k].text in lists.label_words:
        k += 1
    if tokens[i].text not in lists.label_words and k == i + 1:
        return []
    if k >= len(tokens) or tokens[k].text not in {":"}:
        return []
    end = next((j for j in range(k + 1, len(tokens)) if tokens[j].text in CLAUSE_MARKS), len(tokens))
    return _chain(tokens[k + 1 : end], lists, named=False)


def _stated(clause: list[Token], lists: Lists) -> list[list[Token]]:
    """The bodies the clause names as its subject: the whole clause, or else the words before its
    predicate where that opens with a preposition (`某社区以“…”为主题`, `某街道为居民`)."""
    found = _chain(clause, lists, named=False)
    if found:
        return found
    k = next((k for k, t in enumerate(clause) if k and _predicate(t, lists)), None)
    if not k or any(verb_word(t) for t in unquoted(clause[k:])):
        return []  # another verb before the event's (`某党支部向某党支部赠送了…并签署`): another act
    return _chain(clause[:k], lists, named=False)


def _predicate(token: Token, lists: Lists) -> bool:
    """A word that opens what the subject does: a preposition, not one joining bodies (与). (A verb
    would cut names holding one: 某城市治理推进委.)"""
    if token.text in lists.joiners:
        return False
    return token.tag == "p"


def _chain(clause: Sequence[Token], lists: Lists, named: bool) -> list[list[Token]]:
    """The bodies a clause names, split at its joiners: every part a body, or nothing. Where `named`,
    the last part is the name of an event or a thing, and the body that opens it counts."""
    parts = _parts(clause, lists, named)
    if not parts[-1]:
        return []
    if not named:
        parts = with_shared_ending(parts, clause, lists)
    # A co-holder mentioned as a kind or a count (`A联合辖区14家单位`), or as people or a place
    # (`A与某区广大干部`: a `not_ending` word), is left out; the named bodies stay.
    parts = [parts[0]] + [p for p in parts[1:] if not kind(p, lists) and not _not_body(p, lists)]
    # A holder written as its organisation word alone (`由街道党工委牵头,联合A、B`) leads named ones.
    if not all(parts) or not all(
        _co_holder(p, n, lists, leading=True) or _co_holder(p, len(parts) - 1, lists)
        for n, p in enumerate(parts[:-1])
    ):
        return []
    if not named:
        return parts if _co_holder(parts[-1], len(parts) - 1, lists) else []
    opening = _opening_body(parts[-1], lists)
    return [*parts[:-1], opening] if opening else []


def _not_body(part: Sequence[Token], lists: Lists) -> bool:
    """Words ending as no body's name does (`…干部`, `…小区`): people or a place, not a co-holder."""
    return bool(part) and "".join(t.text for t in part).endswith(lists.not_ending)


def _co_holder(part: Sequence[Token], n: int, lists: Lists, leading: bool = False) -> bool:
    """A body (where `leading` others, a station acting in its own name too), or after the first
    one an organisation word alone, which shares the name before it (`某街道工会、妇联`: the
    street's women's federation, written as the article writes it)."""
    if body(part, lists, leading=leading and n == 0):
        return True
    return n > 0 and len(part) == 1 and len(part[0].text) > 1 and part[0].text in lists.suffixes


def _parts(clause: Sequence[Token], lists: Lists, named: bool) -> list[list[Token]]:
    """The clause cut at its joiners (up to 等: `A、B等单位`); a part that is no body joined by 和
    to one that is makes one name with it (`社教卫体和法制委员会`)."""
    parts: list[list[Token]] = [[]]
    joins: list[Token] = []
    words = unglued(clause, lists)
    for k, t in enumerate(words):
        if t.text == LIST_END and not named:
            break
        if t.text in lists.joiners and not _joint_body(words, k):
            joins.append(t)
            parts.append([])
        else:
            parts[-1].append(t)
    parts = [trimmed(p, lists) for p in parts]
    out = [parts[0]]
    for join, part in zip(joins, parts[1:], strict=True):
        prev = out[-1]
        inner = join.text == "和"  # 文化和旅游局; 与 and 、 join bodies
        if inner and prev and part and not body(prev, lists) and body(part, lists) and plain(prev, lists):
            out[-1] = [*prev, join, *part]
        else:
            out.append(part)
    return out


def _joint_body(words: Sequence[Token], k: int) -> bool:
    """联合 straight before a party organisation's word (`某片区联合党委`, `某社区联合党支部`): one
    body's name, the joint committee, not a co-holder joined by 联合."""
    return words[k].text == JOINT and k + 1 < len(words) and words[k + 1].text in JOINT_BODIES


def _township(words: Sequence[Token], lists: Lists) -> bool:
    """A body that is a division or a township (`某区`, `某街道`): a 社区 after it is a kind (某街道社区
    党群服务中心), where after a village's name it names the community (某新村社区)."""
    return body(words, lists) and "".join(t.text for t in words).endswith(
        (*DIVISION_ENDS, "街道", "镇", "乡")
    )


def _division(words: Sequence[Token]) -> bool:
    """Words naming a division (a place word, or ending as a county, city or province does)."""
    return all(t.tag == "ns" for t in words) or "".join(t.text for t in words).endswith(DIVISION_ENDS)


def _opening_body(part: list[Token], lists: Lists) -> list[Token]:
    """The body that opens a name (`A街道“红色联盟”成立仪式`, `A公司首家驿站`): the longest run of
    words that is a body, where what follows ends the name as an event's or a thing's does, or
    the body before a quoted name (`A街道“红色联盟”党支部`)."""
    quote = next((j for j, t in enumerate(part) if t.text in {"“", "《"}), 0)
    if quote and body(part[:quote], lists):
        return part[:quote]
    if not part[-1].text.endswith(lists.name_ends) or body(part, lists):
        return []
    for j in range(len(part) - 1, 0, -1):
        if body(part[:j], lists):
            # `某街道社区党群服务中心`: 社区 there names a kind of station, the body is 某街道.
            while j > 1 and part[j - 1].text in lists.name_generic and _township(part[: j - 1], lists):
                j -= 1
            if _division(part[:j]) and counting(part[j:]):
                return []  # `某市首家驿站`: the place bounds a count, it does not own the thing
            return part[:j]
    return []
