"""The words a pattern cannot match without (extract/rules_engine/prefilter.py): read off right,
never one a match can lack, and text skipped for lacking them never held a match."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from extract.resolve.registry import default_ruleset
from extract.rules_engine import engine, prefilter
from extract.rules_engine.cache_folder import Entries
from extract.rules_engine.document import Document
from extract.rules_engine.prefilter import holds, searches
from extract.rules_engine.required_words import requirements
from extract.rules_engine.ruleset import Rule


def clauses(source: str) -> list[set[str]]:
    return [set(c) for c in requirements(source, regex.MULTILINE)]


def test_words_and_alternatives_a_match_must_hold() -> None:
    assert clauses("在(?P<value>[^,。]{2,10})举行") == [{"举行"}, {"在"}]
    assert clauses("(?:签订|签署)了?协议") == [{"签订协议", "签署协议", "签订了协议", "签署了协议"}]
    assert clauses("[,\uff0c]某") == [{",某", "\uff0c某"}]


def test_what_a_match_may_lack_gives_nothing() -> None:
    assert clauses("(?:某某)?[^,]{2,4}") == []  # an optional part
    assert clauses("(?<=会上)[^,]{2,4}(?=讲话)") == []  # lookarounds consume nothing
    assert clauses("(?:某地)*[^,]{2}") == []
    assert clauses("某街|[^,]{3}") == []  # one alternative needs no word


def test_a_pattern_not_understood_gives_nothing() -> None:
    assert requirements("某区", regex.IGNORECASE) == ()  # a letter may stand in another case
    assert clauses(r"(?P<a>某)(?P=a)区") == []  # a back-reference by name
    assert clauses(r"某区\L<words>") == []  # a named list
    assert clauses("某(区") == []  # does not parse


def test_a_property_class_is_a_class() -> None:
    assert clauses(r"\p{Han}{2,4}街道") == [{"街道"}]
    assert clauses(r"\\p{Han}街") == [{"\\p{Han}街"}]  # an escaped backslash, then letters


def test_a_long_list_is_cut_to_few_pieces() -> None:
    """A clause of many strings is looked up as their shared ends: a piece of a string stands
    wherever the string does."""
    verbs = "|".join(f"{a}举行" for a in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥")
    assert clauses(f"(?:{verbs})") == [{"举行"}]


def test_holds_looks_within_the_window() -> None:
    text = "某街道举行会议,某社区召开大会"
    need = searches([("举行", "召开"), ("会议",)])
    assert holds(text, need)
    assert not holds(text, need, 8)  # 会议 lies before
    assert holds(text, need, 0, 7)
    assert not holds(text, need, 0, 6)  # 会议 only in part
    dots = searches([("..", "(")])  # strings as written, not patterns
    assert holds("某街道..", dots) and holds("某(", dots) and not holds("某街道.", dots)


@given(st.text(alphabet="某街道举行召开会议在,。、的社区0123", max_size=40))
def test_text_lacking_a_needed_word_holds_no_match(text: str) -> None:
    for source in (
        "在(?P<value>[^,。在]{2,10}?)(?:举行|召开)",
        "(?:^|(?<=[,。]))(?P<value>[^,。]{1,6}?(?:街道|社区))(?:举行|召开)?会议",
        "(?P<value>[某社]{1,3}区)(?:的)?(?:会议)+",
    ):
        pattern = regex.compile(source, regex.MULTILINE)
        need = searches(requirements(source, regex.MULTILINE))
        if not holds(text, need):
            assert pattern.search(text) is None, (source, text)


def test_a_damaged_cache_entry_is_analysed_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(prefilter, "CACHE", Entries(prefilter.CACHE_FILE, prefilter._VERSION))
    source = "在(?P<value>[^,]{2,8})举行"
    assert prefilter.cached_requirements(source) == requirements(source)
    prefilter.save()
    prefilter.CACHE.on_disk = None  # as in a new process: read from the file
    key = prefilter._key(source, 0)
    assert prefilter.CACHE.get(key) == [["举行"], ["在"]]
    assert prefilter.CACHE.on_disk is not None
    prefilter.CACHE.on_disk[key][0] = ["召开"]  # an edit: a word no match needs
    assert prefilter.cached_requirements(source) == requirements(source)


PATTERNED = [r for rules in default_ruleset().rules.values() for r in rules if r.pattern is not None]


@pytest.mark.parametrize("rule", PATTERNED, ids=[r.id for r in PATTERNED])
def test_the_prefilter_drops_no_match_on_the_articles(
    rule: Rule, corpus_documents: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same matches with the words the pattern needs looked for first as without."""

    def found(doc: Document) -> list[tuple[int, int, dict[str, str]]]:
        return [
            (m.start, m.end, {k: g.value for k, g in m.groups.items()}) for m in engine.run_rule(rule, doc)
        ]

    filtered = [found(doc) for doc in corpus_documents]
    monkeypatch.setattr(engine, "needs_of", lambda pattern: ())
    for doc, fast in zip(corpus_documents, filtered, strict=True):
        assert fast == found(doc), f"{rule.id} on {doc.article.doc_id}: the prefilter dropped a match"
