"""Cutting a matched group to the value proper, as a field's options say (`break_chars`, `lead_in`,
`word_edges`, `drop_marks`, `min_length`, `refuse`, `split`), with the patterns those options compile to."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import regex

from extract.resolve.word_edges import SINGLE_CHARACTER_TAGS, counted, name_span
from extract.rules_engine.compiled import compile_pattern
from extract.rules_engine.match import CUT_AT_WORDS, Group
from extract.rules_engine.ruleset import FieldSpec
from extract.text.entities import Entities
from extract.text.lexicon import words
from extract.text.segment import Token, Words
from extract.text.textutil import clean_value


def trim(
    g: Group, options: Mapping[str, Any], tokens: Words | None = None, entities: Entities | None = None
) -> Group | None:
    """The group cut to the value proper, as a field's options say: text before the last
    `break_chars` character, `break_words` word or `break_pattern` match, and `lead_in` words at the
    start, are dropped; with `word_edges` (the list of words kept whatever their tag) the value
    starts and ends where a name does by the words of the text (word_edges.name_span);
    `drop_marks` are removed; below `min_length`, or where the pattern `refuse` is found in it, there
    is no value. With `entity_ends` and the entity layer's `entities`, a value that opens an
    organisation the layer found runs on to its end (entity_end)."""
    value, start = g.value, g.start
    if value[:1] in "《“" and value[-1:] in "》”" and len(value) > 2:
        # A title in quotes (`《某某联合体共建协议书》`) is taken whole: its words are its own.
        return _finished(Group(value, start, g.end), options)
    breaks = options.get("break_chars", "")
    cut = max((value.rfind(c) + 1 for c in breaks), default=0)
    while cut < len(value) and value[cut] in "“”\"' " and not _opens_quote(value, cut):
        cut += 1
    # A break inside quotes (`“某某联合体”项目`) is part of the quoted name, not a break.
    pattern_break = options.get("break_pattern")
    if pattern_break:
        found = _compiled(str(pattern_break)).finditer(value, cut)
        cut = max([cut, *(m.end() for m in found if not _quoted_at(value, m.end()))])
    breaks_list = options.get("break_words")
    if breaks_list:
        found = break_words_pattern(breaks_list).finditer(value, cut)
        inside = _inside_words(g, tokens)
        cut = max([cut, *(m.end() for m in found if not _quoted_at(value, m.end()) and not inside(m))])
    lead = options.get("lead_in")
    if lead:
        pattern = lead_in_pattern(lead)
        m = pattern.match(value, cut)
        # A lead-in word only where the text has it as a word: 新建 of 新建区 opens a district.
        if m and (tokens is None or tokens.is_boundary(start + m.end())):
            cut = m.end()
    value, start = value[cut:], start + cut
    # A group a finder cut from the words keeps its word edges (match.CUT_AT_WORDS).
    words = None if g.data == CUT_AT_WORDS else tokens
    return _finished(Group(value, start, start + len(value)), options, words, entities)


def _inside_words(g: Group, tokens: Words | None) -> Callable[[regex.Match[str]], bool]:
    """For a group a finder cut at words (match.CUT_AT_WORDS): whether a break word found in it is
    only the start or end of a longer word there (联合 in `某妇女联合会`), which breaks nothing."""
    if g.data != CUT_AT_WORDS or tokens is None:
        return lambda m: False
    edges = {e for t in tokens.within(g.start, g.end) for e in (t.start, t.end)}
    return lambda m: g.start + m.start() not in edges or g.start + m.end() not in edges


def _opens_quote(value: str, pos: int) -> bool:
    """A “ at `pos` whose ” follows: the quote opens the name, not a remnant of a cut."""
    return value[pos] == "“" and value.find("”", pos) > pos


def _quoted_at(value: str, pos: int) -> bool:
    """Whether `pos` lies inside a “…” pair of `value`."""
    opened = value.rfind("“", 0, pos)
    return opened >= 0 and value.find("”", opened, pos) < 0 and value.find("”", pos) >= 0


def _finished(
    g: Group, options: Mapping[str, Any], tokens: Words | None = None, entities: Entities | None = None
) -> Group | None:
    """`g` stripped of spaces and quote marks around it, cut to word edges (with `word_edges` and
    `tokens`) and stripped of the `drop_marks`, or None when it is shorter than `min_length` or
    `refuse` finds something in it."""
    value, start = g.value, g.start
    stripped = clean_value(value)
    if not stripped:
        return None
    start += value.find(stripped)
    end = start + len(stripped)
    edges = options.get("word_edges")
    if edges and tokens is not None:
        new_start, new_end = name_span(tokens, start, end, _set(str(edges)))
        if options.get("refuse_counted") and counted(tokens, start, new_start):
            return None  # 在263个社区开展, 在各个活动教室: many places, not the one of the event
        sub = stripped[new_start - start : new_end - start]
        stripped = clean_value(sub)
        if not stripped:
            return None
        start = new_start + sub.find(stripped)
        end = start + len(stripped)
    ends = options.get("entity_ends")
    if ends and entities is not None and tokens is not None:
        longer = entity_end(entities, tokens, start, end, _set(str(ends)))
        if longer > end:
            stripped += tokens.text[end:longer]
            end = longer
    if tokens is not None and stripped.count("(") > stripped.count(")") and tokens.text[end : end + 1] == ")":
        stripped, end = stripped + ")", end + 1  # 某区工商联(总商会): the bracket the name opened closes it
    marks = options.get("drop_marks", "")
    if marks:
        # With the marks gone, what they held apart may stand at an end (`"〉"某驿站`): trimmed too.
        stripped = clean_value(stripped.translate(dict.fromkeys(map(ord, marks), None)))
    if len(stripped) < int(options.get("min_length", 1)):
        return None
    refuse = options.get("refuse")
    if refuse and _compiled(str(refuse)).search(stripped):
        return None
    return Group(stripped, start, end)


def only_divisions(value: str, levels: frozenset[str]) -> bool:
    """Whether `value` is nothing but names of divisions of `levels`, one after another (上海市长宁区)."""
    from extract.text.gazetteer import Gazetteer

    at = 0
    for m in Gazetteer.load().find_places(value):
        if m.start != at or not all(d.level in levels for d in m.candidates):
            return False
        at = m.end
    return at == len(value) > 0


ORGANISATION = frozenset({"ORG"})
ENTITY_REACH = 5  # characters an organisation may run on past the value: a body's ending, not a clause


def entity_end(entities: Entities, words: Words, start: int, end: int, endings: frozenset[str]) -> int:
    """Where the value `[start, end)` ends when it opens an organisation the entity layer found
    that runs on a few characters past it to a word of `endings` (`某市委` in `某市委会`,
    `某社区` in `某社区党委`): that organisation's end, where a word ends and no function word lies
    in between. Else `end`. Here the model is trusted over the word layer's tag of a single
    character, which is the one error it corrects (市委/会 with 会 a verb)."""
    reach = words.text[start : end + ENTITY_REACH]
    if not any(reach.rfind(w) + len(w) > end - start for w in endings):
        return end  # no ending in reach: nothing to ask the model
    for e in entities.overlapping(start, end, ORGANISATION):
        if not (start <= e.start < end < e.end <= end + ENTITY_REACH):
            continue
        tail = words.overlapping(end, e.end)
        if (
            any(e.text.endswith(w) for w in endings)
            and words.is_boundary(e.end)
            and tail
            and not any(_function_word(t) for t in tail)
        ):
            return e.end
    return end


def _function_word(token: Token) -> bool:
    """A function word whose tag can be trusted: one character's tag only where single characters
    hold it reliably (jieba reads the 会 of 市委会 as the verb `can`)."""
    if len(token.text) == 1:
        return token.tag in SINGLE_CHARACTER_TAGS
    return token.function_word


@cache
def _set(list_name: str) -> frozenset[str]:
    return frozenset(words(list_name))


@cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    return compile_pattern(pattern)


@cache
def lead_in_pattern(list_name: str) -> regex.Pattern[str]:
    return compile_pattern("(?:" + "|".join(regex.escape(w) for w in words(list_name)) + ")+")


@cache
def break_words_pattern(list_name: str) -> regex.Pattern[str]:
    return compile_pattern("|".join(regex.escape(w) for w in words(list_name)))


def _split(spec: FieldSpec, g: Group) -> list[Group]:
    if g.data == CUT_AT_WORDS:
        return [g]  # a finder cut it from the words already
    return _parts(g, str(spec.options.get("split", "")))


def _parts(g: Group, sep: str) -> list[Group]:
    """`g` cut at each match of the pattern `sep`, offsets kept."""
    if not sep:
        return [g]
    out, pos = [], 0
    for part in _compiled(sep).split(g.value):
        at = g.value.find(part, pos)
        out.append(Group(part, g.start + at, g.start + at + len(part)))
        pos = at + len(part)
    return out
