"""A rule pattern's twin in `re` (extract/rules_engine/twin.py): made only where the two engines read
the pattern alike, and giving the same matches as the pattern on every sample, dev and wild article."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from extract.base.budget import Limits, budget
from extract.resolve.registry import default_ruleset
from extract.rules_engine import backtrack, engine, re_compiled, twin
from extract.rules_engine.cache_folder import Entries
from extract.rules_engine.document import Document
from extract.rules_engine.ruleset import Rule, unsound_twins
from extract.rules_engine.twin import class_ranges, translate, twin_of


def compiled(source: str) -> regex.Pattern[str]:
    return regex.compile(source, regex.MULTILINE)


@pytest.mark.parametrize("escape", [r"\p{Han}", r"\P{Han}", r"\s", r"\S", r"\d", r"\D", r"\p{P}"])
def test_a_class_is_written_out_as_regex_reads_it(escape: str) -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    ours = [m.span() for m in re.finditer(f"[{class_ranges(escape)}]+", every)]
    assert ours == [m.span() for m in regex.finditer(f"(?:{escape})+", every)]


def test_the_engines_read_these_classes_apart() -> None:
    """Why the classes are written out: left as they are, `re` would match otherwise."""
    assert re.match(r"\s", "\x1c") and not regex.match(r"\s", "\x1c")
    assert regex.match(r"\d", "\U00010d40") and not re.match(r"\d", "\U00010d40")


def test_a_pattern_both_engines_read_alike_gets_a_twin() -> None:
    source = r"在(?P<value>[^,。\s]{2,10}?)(?:举行|召开)\p{Han}"
    found = twin_of(compiled(source))
    assert found is not None
    assert found.search("某日在某街道会堂举行会议").group("value") == "某街道会堂"
    blank = "\x1c"  # a blank to `re`, not to `regex`
    assert found.search(f"在某区{blank}会堂举行会议").group("value") == f"某区{blank}会堂"
    han, digit = class_ranges(r"\p{Han}"), class_ranges(r"\d")
    assert translate(r"[\p{Han}a]\d") == f"[{han}a][{digit}]"
    assert translate(r"某\.区\n(?:街|镇){1,2}[、,]") == r"某\.区\n(?:街|镇){1,2}[、,]"


@pytest.mark.parametrize(
    "source",
    [
        r"\w{2}街道",  # \w and \b differ between the engines
        r"某\b街",
        r"(?i)某区",  # inline flags
        r"(?:某区){e<=1}",  # fuzzy matching in regex, letters in re
        r"[[某区]街]",  # a set inside a set
        r"(?<=在\p{Han}{1,3})举行",  # lookbehind of varying width: re refuses it
        r"(?P<value>某)|(?P<value>区)",  # one name for two groups
        r"某\x41区",  # an escape not vouched for
        r"[,--]",  # set operations in regex's other version
    ],
)
def test_a_pattern_the_engines_might_read_apart_gets_none(source: str) -> None:
    assert twin_of(compiled(source)) is None


def test_flags_other_than_the_rules_give_none() -> None:
    assert twin_of(regex.compile("某区", regex.MULTILINE | regex.IGNORECASE)) is None


SAMPLES = [
    compiled(source)
    for source in (
        r"在(?P<value>[^,。\s]{2,10}?)(?:举行|召开)",
        r"^(?P<value>\p{Han}{1,4}?)(?:街道|社区)?(?=[,。]|$)",
        r"(?<=[,。])(?P<value>\S{1,3})\d*(?:会议)?",
        r"(?P<value>\P{Han}+)\s*召开",
    )
]
SAMPLE_TWINS = [twin_of(pattern) for pattern in SAMPLES]


@given(st.text(alphabet="某街道举行召开会议在,。、 \x1c\n1２３甲ab", max_size=40))
def test_twins_match_as_their_patterns_do(text: str) -> None:
    for pattern, found in zip(SAMPLES, SAMPLE_TWINS, strict=True):
        assert found is not None, pattern.pattern
        for start, end in ((0, len(text)), (2, max(2, len(text) - 3))):
            expected = [m.regs for m in pattern.finditer(text, start, end)]
            assert [m.regs for m in found.finditer(text, start, end)] == expected, (pattern.pattern, text)


def test_a_damaged_cache_entry_is_compiled_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(twin, "CACHE", Entries(twin.CACHE_FILE, twin._VERSION))
    monkeypatch.setattr(re_compiled, "CACHE", Entries(re_compiled.CACHE_FILE, re_compiled._VERSION))
    pattern = compiled(r"在(?P<value>\p{Han}{2,8})举行")
    first = twin_of(pattern)
    twin.save()
    re_compiled.save()
    twin.CACHE.on_disk = re_compiled.CACHE.on_disk = None  # as in a new process: read from the files
    key = twin._key(pattern.pattern)
    body = twin.CACHE.get(key)
    assert first is not None and body == [first.pattern]
    kept = twin_of(pattern)
    assert kept is not None and kept.pattern == first.pattern and kept.groupindex == first.groupindex
    assert twin.CACHE.made == {}  # read from the file, nothing made again
    assert twin.CACHE.on_disk is not None
    twin.CACHE.on_disk[key][0] = "在(?P<value>某)举行"  # an edit: another twin
    again = twin_of(pattern)
    assert again is not None and again.search("某日在某会堂举行").group("value") == "某会堂"


def test_a_twin_that_backtracks_is_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`re` lacks some of `regex`'s guards: a twin slow on a probe leaves its rule the pattern alone."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    rule = PATTERNED[0]
    slow = replace(rule, id="x.slow", twin=re.compile("(?:党+)+某"))
    sound = replace(rule, id="x.sound", twin=re.compile("党某"))
    assert unsound_twins([slow, sound]) == {"x.slow"}
    # Remembered either way: the next start probes neither, and the slow twin stays dropped.
    probed: list[str] = []
    monkeypatch.setattr(backtrack, "twin_finishes", lambda pattern, _: probed.append(pattern.pattern))
    assert unsound_twins([slow, sound]) == {"x.slow"}
    assert probed == []


PATTERNED = [r for rules in default_ruleset().rules.values() for r in rules if r.pattern is not None]
TWINNED = [r for r in PATTERNED if r.twin is not None]


def test_most_rules_have_a_twin() -> None:
    assert len(TWINNED) > len(PATTERNED) // 2


@pytest.mark.parametrize("rule", TWINNED, ids=[r.id for r in TWINNED])
def test_a_twin_finds_what_its_pattern_finds_on_the_articles(
    rule: Rule, corpus_documents: list[Document]
) -> None:
    """Every group of every match the same, in the windows the engine runs the pattern in; and the
    engine, which runs the twin under a budget, gives the same matches."""
    assert rule.pattern is not None and rule.twin is not None
    for doc in corpus_documents:
        text = doc.scope_text(rule.scope)
        for start, end in engine.windows(rule, text, None):
            expected = [m.regs for m in rule.pattern.finditer(text, start, end)]
            assert [m.regs for m in rule.twin.finditer(text, start, end)] == expected, (
                f"{rule.id} on {doc.article.doc_id} [{start}:{end}]"
            )
        plain = engine.run_rule(rule, doc)
        with budget(Limits(), len(text)):
            assert engine.run_rule(rule, doc) == plain
