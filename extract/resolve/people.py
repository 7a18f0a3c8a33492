"""Attendees from title-and-name matches: names split from lists, each given the shared title.

A rule captures `title` (optional) and `names` (one name or a list joined by 、/和/及). The resolver
settles where each name ends (a stop character, else jieba's word boundary), trims lead-in words from
the title, and merges repeated people, keeping the first title found.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from extract.resolve import Context, Item, Proof, resolver
from extract.resolve.generic import candidates
from extract.rules_engine.compiled import compile_pattern
from extract.rules_engine.match import Group, Match
from extract.rules_engine.ruleset import FieldSpec
from extract.text.lexicon import words
from extract.text.segment import boundaries, higher_short_forms, known, word_frequency
from extract.text.textutil import clean_value

_SPLIT = regex.compile(r"[、和及与]")
_POST_ENDINGS = frozenset("长记任员")  # 校长, 书记, 主任, 委员: a post, not a given name


@cache
def _list(name: str) -> frozenset[str]:
    return frozenset(words(name))


def name_end(text: str, start: int, longest: int) -> int:
    """Where the name starting at `start` ends: 2 or 3 characters (4 for a compound surname), never
    past its part of the list (`longest`): a part of two characters (`慕容`) is a name, whether or
    not they are also a compound surname, with no given name after them to take."""
    compound = 1 if longest > 2 and text[start : start + 2] in _list("surname") else 0
    given = start + 1 + compound
    if text[given : given + 2] in _list("person_verbs") and not _starts_word(text, given + 1):
        # `书记欧阳出席`, `王主持会议`: the surname alone, then what the person did; but `张强调研`
        # is 张强 and 调研, the verb's second character opening a word of its own.
        return given
    short, long_ = start + 2 + compound, start + min(longest, 3 + compound)
    if long_ <= short:
        # A part of one character (`谯及晍`, split at 及) is a surname alone: no further than it.
        return min(short, start + longest)
    second, third = text[start + 1 + compound], text[short]
    breaks_after = _word_break(text, long_)
    if second in _list("not_second_in_name"):
        return start + 1 + compound  # `程在讲话`: a surname alone, no name to report
    if second in _list("rarely_second_in_name") and not breaks_after:
        return start + 1 + compound  # `程向大家介绍`, but `温向群同志`
    if third in _list("name_stop_chars"):
        return short  # `王华和…`, `李红等…`
    if third in _list("name_next_word_starts") and not breaks_after and _starts_word(text, short):
        return short  # `李强出席`, `王明代表`, but `王国强出席`, `尹成会、`, `陶东强一行`
    if breaks_after:
        return long_  # `魏书华和…`, `黄安化说`: what follows the long form starts a new word
    cuts = boundaries(text[start : start + 7])
    if (long_ - start) in cuts:
        return long_
    if (short - start) in cuts:
        return short
    return long_


def _starts_word(text: str, at: int) -> bool:
    """True where the character at `at` makes a word of the dictionary with the one after it
    (`出席`, `代表`), so that it opens the next word rather than ending a name (`强一行`)."""
    return known(text[at : at + 2])


def _word_break(text: str, end: int) -> bool:
    """True where a name ending at `end` is followed by a break: the end of the text, punctuation, a
    function word, or a character that starts a new word rather than making one with the character
    before it (`王国强出席`: 强出 is no word; `王明代表`: 代表 is)."""
    after = text[end : end + 1]
    if not after or not after.isalpha() or after in _list("name_stop_chars"):
        return True
    if _post_at(text, end):
        return True  # `李向前副教授`: the person's post written after the name
    if after in _list("name_next_word_starts"):
        return not _starts_word(text, end - 1)
    return False


def _duty_of_post(value: str, m: regex.Match[str]) -> bool:
    """True where `的` ties a duty to the post right after it (`主持日常工作的副部长`,
    `分管社会工作的副区长`): part of the title, not a clause before it."""
    return m.group() == "的" and value[: m.start()].endswith("工作") and _post_at(value, m.end())


def _post_at(text: str, at: int) -> bool:
    """True where a post (`副教授`, `书记`) starts at `at`."""
    return text.startswith(words("post"), at)


# 开新局——校党委书记: a headline before the dash; symbols (@ # > ~) stand in no title.
_CLAUSE_BREAK = regex.compile(r"[为向由的—@#%&*|<>=^~$\\]")
_NOT_A_TITLE = regex.compile(r"了|就|表示|说|是|把|被|将|在|让|他|她|我们|你们|大家|签署|签订|\d{1,2}日")


def is_common_word(word: str) -> bool:
    """Not a person's name: a common word of jieba's dictionary (单位, 同志), a name whose first two
    characters are one (焦虑不), one that ends in a post (陈校长, 王书记, 李长) or in a form of
    address (李先生)."""
    if word_frequency(word) > 1000 or (len(word) == 3 and word_frequency(word[:2]) > 1000):
        return True
    # 陈长, 李任: a surname and a post's last character. A three-character name may end in one (黄兴长).
    if (len(word) == 2 and word[-1] in _POST_ENDINGS) or word[-2:] in _list("post"):
        return True
    return word[-2:] in _list("honorifics")  # 李先生, 王师傅: a surname and a form of address


def opens_longer_word(text: str, start: int, end: int) -> bool:
    """True where the characters from `start` run on past `end` into one word of the dictionary: 齐聚一
    in 齐聚一堂, 高票当 in 高票当选 are the head of an idiom, not a person."""
    return any(known(text[start:stop]) for stop in (end + 1, end + 2) if stop <= len(text))


def _title(ctx: Context, g: Group | None) -> tuple[str | None, Group | None]:
    """The title as written, lead-in words and any clause before `为/向/由/的` cut off; None if it
    reads as a sentence rather than a title."""
    if g is None:
        return None, None
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(g.value) if not _duty_of_post(g.value, m)]
    # `处长魏书华和街道主任`, `副书记李华丽同志以及社区书记`: another person's post and name, joined by
    # 和/以及, end before this title.
    breaks += [m.end() for m in _post_name_joined().finditer(g.value) if not _runs_on(g.value, m)]
    cut = max(breaks, default=0)
    m = _lead_pattern().match(g.value, cut)
    cut = m.end() if m else cut
    value = clean_value(clean_value(g.value[cut:]).lstrip("“”\"'"))  # “”)主席: no mark left in front
    if not value or len(value) > 60 or _NOT_A_TITLE.search(value):
        return None, None
    start = g.start + g.value.index(value, cut) if value in g.value[cut:] else g.start + cut
    if value.count("”") > value.count("“") and ctx.doc.body[start - 1 : start] == "“":
        value, start = "“" + value, start - 1  # `“某某”志愿服务队队长`: the quote the title opens with
    return value, Group(value, start, start + len(value))


@cache
def _lead_pattern() -> regex.Pattern[str]:
    return compile_pattern("(?:" + "|".join(regex.escape(w) for w in words("title_lead_in")) + ")+")


def _names(ctx: Context, g: Group) -> list[tuple[Group, int]]:
    """Each name of a list, with its span, and the length of its part of the list (the longest it
    may be); list separators split, jieba settles lengths."""
    text = ctx.doc.body
    out = []
    pos = g.start
    for part in _SPLIT.split(g.value):
        start = text.find(part, pos) if part else -1
        if start < 0:
            continue
        end = name_end(text, start, len(part))
        out.append((Group(text[start:end], start, end), len(part)))
        pos = start + len(part)
    return out


def _cut_short(name: Group, longest: int) -> bool:
    """True where the character rules left a name shorter than its part of the list allows (at most
    4 characters): the entity layer may find it longer."""
    return name.end - name.start < min(4, longest)


def _with_entity(ctx: Context, name: Group, longest: int) -> Group:
    """`name` run on to where the entity layer, when on, says the person ends."""
    end = _entity_end(ctx, name.start, longest) if _cut_short(name, longest) else None
    if end is None or end <= name.end:
        return name
    return Group(ctx.doc.body[name.start : end], name.start, end)


PERSON = frozenset({"PER"})


def _entity_end(ctx: Context, start: int, longest: int) -> int | None:
    """Where the entity layer (when on) says the person named at `start` ends: a name of 2 to 4
    characters, no longer than its part of the list. None where it has no person starting there.

    Only a longer name than the characters' rules give is taken from it (`李向前副教授`, where
    向 reads as a preposition): where it cuts a name shorter, it is wrong more often than they are
    (measured on the tune split: `汪俊启到会` cut to 汪俊)."""
    entities = ctx.doc.entities
    found = entities.starting_at(start, PERSON) if entities is not None else None
    if found is None or not 2 <= found.end - start <= min(4, max(longest, 2)):
        return None
    return found.end


@cache
def _post_name_joined() -> regex.Pattern[str]:
    # `words` gives the list longest first, then in a fixed order: the pattern's text is the same in
    # every process, so the compiled pattern is kept between runs (extract/rules_engine/compiled.py).
    posts = "|".join(regex.escape(w) for w in words("post"))
    return compile_pattern(rf"(?P<post>{posts})\p{{Han}}{{2,3}}?(?:同志)?(?:以及|[和与及])")


def _runs_on(value: str, m: regex.Match[str]) -> bool:
    """True where the post runs on into a longer word (常委会元和街道: 常委会 is a body, 会元 no name)."""
    start, end = m.span("post")
    return known(value[start : end + 1])


def _joined(head: Group | None, tail: Group | None) -> Group | None:
    """A title captured in two adjacent parts (the post found first, the words before it looked
    back for) as one group."""
    if head is None or tail is None:
        return head or tail
    return Group(head.value + tail.value, head.start, tail.end)


def _title_parts(ctx: Context, m: Match) -> tuple[str | None, list[Group]]:
    """The title of a match and the spans it is read from: one span, or two where the name stands
    between the body and the post (`某街道王明书记`: 某街道书记, from the words on either side)."""
    head, tail = m.groups.get("title"), m.groups.get("title_tail")
    if head is not None and tail is not None and head.end < tail.start:
        body, group = _title(ctx, head)
        return (body + tail.value, [group, tail]) if body and group else (tail.value, [tail])
    title, group = _title(ctx, _joined(head, tail))
    return title, [group] if group else []


@resolver("people", reads=("names",))
def people(ctx: Context, spec: FieldSpec, matches: Iterable[Match]) -> list[Item]:
    """One attendee per distinct name, in text order; the first title found for a person is kept."""
    items: dict[str, Item] = {}
    found = sorted(candidates(matches, ctx), key=lambda m: (m.start, -m.rule.priority))
    lists = [(m, _names(ctx, g)) for m in found if (g := m.groups.get("names"))]
    entities = ctx.doc.entities
    if entities is not None:  # the names the characters may have cut short, read in one batch
        entities.read(
            (n.start, n.start + most) for _, names in lists for n, most in names if _cut_short(n, most)
        )
    for m, names in lists:
        title, tgroups = _title_parts(ctx, m)
        for by_rules, longest in names:
            name = _with_entity(ctx, by_rules, longest) if entities is not None else by_rules
            if len(name.value) < 2 or is_common_word(name.value):
                continue
            if opens_longer_word(ctx.doc.body, name.start, name.end):
                continue
            if name.value in higher_short_forms() and not _word_break(ctx.doc.body, name.end):
                continue  # `代表包头某某大学`: a city's short name opening a body's, not 包 + 头
            item = items.get(name.value)
            if item is None:
                item = items[name.value] = Item(
                    {"name": name.value, "title": None}, [Proof(".name", name.start, name.end, m.rule.id)]
                )
            if title and tgroups and item.value["title"] is None:
                item.value["title"] = title
                item.proofs += [Proof(".title", g.start, g.end, m.rule.id) for g in tgroups]
    return list(items.values())
