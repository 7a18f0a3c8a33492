"""The words before an event verb that may state who acted (for extract/rules_engine/subjects.py):
the clause before the verb, after its time and lead-in words and before a place or the adverbs and
verbs leading to it; after 由 where it has one; and where it opens with a word joining co-holders
(`由A牵头,联合B…开展`), the subject of the clause before, which that word joins them to.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.rules_engine.body_names import CLAUSE_MARKS, LIST_MARK, Lists, body
from extract.text.segment import Token, known

PLACE_PREPOSITIONS = frozenset({"在", "于"})
AGENT_PREPOSITIONS = frozenset({"由"})
CONTINUING = frozenset({"并", "并且"})  # a clause going on with the subject of the one before
PLANNED = frozenset({"将", "将要", "即将", "还将", "拟", "计划", "下一步", "今后"})  # a plan, not the event
LEAD_REACH = 3  # clauses looked back through for the subject a joining clause continues


def verb_clause(tokens: Sequence[Token], i: int, lists: Lists) -> list[Token]:
    """The words before the verb at `i` that may state who acted: the clause before it, after its
    time and lead-in words, before a place (`在…`) and the adverbs leading to the verb; after 由
    where the clause has one; the clause before where this one holds nothing else (`A,在某地举行`)."""
    k = i
    while k > 0 and _leads_to_verb(tokens[k - 1], lists) and not _closes_kind(tokens, k - 1, lists):
        k -= 1
    first = k
    while first > 0 and tokens[first - 1].text not in CLAUSE_MARKS:
        first -= 1
    clause = list(tokens[first:k])
    if clause and _joins_on(clause[0], lists, tokens[:first]) and first > 1 and tokens[first - 1].text == ",":
        lead = _leading_subject(tokens, first - 1, lists)
        if lead:
            return [*lead, *clause]
    agent = next((j for j in range(len(clause) - 1, -1, -1) if _agent(clause[j])), None)
    if agent is not None:
        return [*_after_agent(clause[agent]), *clause[agent + 1 :]]
    place = next((j for j, t in enumerate(clause) if _to_place(t, lists)), None)
    if place is not None:
        clause = clause[:place]
    clause = without_lead(clause, lists)
    led = _led_by(tokens, first - 1, lists) if clause and first > 1 and tokens[first - 1].text == "," else []
    if led:
        # `(由)A牵头,B、C联合举办`: A leads the bodies that hold the event with it, one of them.
        return [*led, Token(LIST_MARK, clause[0].start, clause[0].start, "x"), *clause]
    continuing = len(clause) == 1 and clause[0].text in CONTINUING
    # `A携手B,组织会员企业开展…`: a clause opening with a verb of leading others has the subject
    # of the clause before, which the verb's object (会员企业) is not.
    leading = len(clause) > 1 and clause[0].text in lists.lead_verbs and clause[0].tag[0] == "v"
    # `A联合B、C,对某小区开展…`, `…,为居民举办…`: a clause opening with a preposition says to whom
    # or to what the event was done; its subject is the clause's before.
    aside = bool(clause) and _aside(clause[0], lists)
    if (not clause or continuing or leading or aside) and first > 1 and tokens[first - 1].text in {","}:
        before = first - 1
        while before > 0 and tokens[before - 1].text not in CLAUSE_MARKS:
            before -= 1
        clause = without_lead(list(tokens[before : first - 1]), lists)
        if continuing:
            return _subject_of_statement(clause, lists)
        place = next((j for j, t in enumerate(clause) if j and _to_place(t, lists)), None)
        clause = clause[:place] if place is not None else clause
        # `A、B齐聚一堂,召开…`: the words leading to the event that close that clause go too.
        while clause and clause[-1].text in lists.lead_verbs:
            clause.pop()
    return clause


def _led_by(tokens: Sequence[Token], end: int, lists: Lists) -> list[Token]:
    """The body of the clause ending at `end` where that clause says only that it led (`由A牵头`,
    `A牵头`: a body, then `lead_verbs` words); nothing otherwise."""
    start = end
    while start > 0 and tokens[start - 1].text not in CLAUSE_MARKS:
        start -= 1
    words = without_lead(list(tokens[start:end]), lists)
    if words and _agent(words[0]):
        words = [*_after_agent(words[0]), *words[1:]]
    k = len(words)
    while k > 0 and words[k - 1].text in lists.lead_verbs:
        k -= 1
    return words[:k] if 0 < k < len(words) and body(words[:k], lists) else []


def _subject_of_statement(words: list[Token], lists: Lists) -> list[Token]:
    """`A正式成立,并召开…`: the subject of the statement the event's clause goes on from, the longest
    run of words naming a body at its start, after a clause describing it (`…组成的A`)."""
    described = max((j + 1 for j, t in enumerate(words) if t.text == "的"), default=0)
    words = words[described:]
    return next((words[:j] for j in range(len(words), 0, -1) if body(words[:j], lists)), [])


def _aside(token: Token, lists: Lists) -> bool:
    """A preposition opening a clause that is no subject's (对, 为, 向, 围绕), not 由 (the agent) nor a
    word joining co-holders (与, 同)."""
    return token.tag == "p" and token.text not in AGENT_PREPOSITIONS and token.text not in lists.joiners


def _agent(token: Token) -> bool:
    """由, alone or glued by the segmenter to the first character of a name it does not know (由市/总工会)."""
    if token.text in AGENT_PREPOSITIONS:
        return True
    return len(token.text) == 2 and token.text[0] in AGENT_PREPOSITIONS and not known(token.text)


def _after_agent(token: Token) -> list[Token]:
    """What an agent word leaves of the name it is glued to (由市 -> 市); nothing of 由 alone."""
    return [Token(token.text[1:], token.start + 1, token.end, "n")] if len(token.text) > 1 else []


def _joins_on(token: Token, lists: Lists, before: Sequence[Token] = ()) -> bool:
    """A word joining co-holders that opens a clause (`,联合某协会…开展`, `,与某社区党委共同举办`):
    the subject it joins them to is the clause's before. A one-character joiner (与, 同) does so
    as a preposition, where the words before report what was done, not what is planned
    (`下一步,A将…,与B开展`)."""
    if token.text not in lists.joiners:
        return False
    if len(token.text) > 1:
        return True
    return token.tag in {"p", "c"} and not any(t.text in PLANNED for t in before)


def _leading_subject(tokens: Sequence[Token], end: int, lists: Lists) -> list[Token]:
    """`由A牵头,联合B…`, `由A发起,以…为纽带,联合B…`: the subject of the clause before the one ending
    at `end` (past asides opening with a preposition), which leads the co-holders the next clause
    joins to it, without the words saying how it led; nothing where that clause names no body."""
    for _ in range(LEAD_REACH):
        start = end
        while start > 0 and tokens[start - 1].text not in CLAUSE_MARKS:
            start -= 1
        words = list(tokens[start:end])
        aside = bool(words) and words[0].tag == "p" and words[0].text not in AGENT_PREPOSITIONS
        if not (aside and start > 1 and tokens[start - 1].text == ","):
            break
        end = start - 1
    else:
        return []
    agent = next((j for j in range(len(words) - 1, -1, -1) if words[j].text in AGENT_PREPOSITIONS), None)
    words = words[agent + 1 :] if agent is not None else without_lead(words, lists)
    # The subject is the longest run of words from the start that names a body: what follows is
    # how it led (牵头, 精心策划, 邀约发起), whatever the segmenter tagged it.
    found = next((words[:j] for j in range(len(words), 0, -1) if body(words[:j], lists)), [])
    # … or its organisation word alone (街道党工委), the article's short name for it.
    return (
        found or words[:1] if words and len(words[0].text) > 2 and words[0].text in lists.suffixes else found
    )


def _to_place(token: Token, lists: Lists) -> bool:
    """A word leading to where the event was held: 在 or 于 as prepositions, or a verb of going there
    (`来到`, `走进`: a `place_words` word)."""
    return token.text in PLACE_PREPOSITIONS and token.tag == "p" or token.text in lists.place_words


def _closes_kind(tokens: Sequence[Token], k: int, lists: Lists) -> bool:
    """The word at `k` closes a kind of body with the word before it (社会/组织): a co-holder
    mentioned as a kind, not a verb leading to the event's (组织开展)."""
    return k > 0 and tokens[k - 1].text + tokens[k].text in lists.generic


def _leads_to_verb(token: Token, lists: Lists) -> bool:
    """Adverbs, co-holding words and verbs leading to the event verb between the subject and it
    (共同, 联合, 正式, 隆重, 组织开展, 牵头召开)."""
    return (
        token.tag in {"d", "ad", "a", "ul", "uz"}
        or token.text in lists.joiners
        and len(token.text) > 1
        or token.text in lists.lead_verbs
    )


def without_lead(clause: list[Token], lists: Lists) -> list[Token]:
    """The clause without the time it opens with (`2023年8月10日上午`, `近日`) and lead-in words (`据悉`)."""
    k = 0
    while k < len(clause) and (
        clause[k].tag in {"t", "m", "q", "mq"} or clause[k].text in lists.lead_in or clause[k].text.isspace()
    ):
        k += 1
    return clause[k:]
