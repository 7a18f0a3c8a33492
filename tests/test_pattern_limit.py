"""A rule's pattern has a time limit of its own (extract/rules_engine/engine.py). Where the budget's
timer watches the thread (extract/base/budget.py) the timer enforces it, and `regex` is given no
limit: its limit reads the process clock, a system call, every 256 steps of its engine."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import regex

import extract.rules_engine.engine as engine
from extract.base.budget import Limits, budget
from extract.resolve.registry import default_ruleset
from extract.rules_engine.engine import RuleTimeout, match_text
from extract.rules_engine.ruleset import Rule

# Backtracking without end: `(a|aa)+` splits a run of forty letters in more ways than time allows.
HANGS = regex.compile(r"(?P<value>(?:a|aa)+)!")
# The `!` the pattern needs stands in the text (before the run), so no prefilter skips it.
HANGING_TEXT = "!" + "a" * 40 + "b"


class Recorder:
    """A pattern that notes the `timeout` each search is given."""

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.pattern = pattern
        self.groupindex = pattern.groupindex
        self.timeouts: list[float | None] = []

    def finditer(self, text: str, pos: int, endpos: int, timeout: float | None = None) -> Iterator[Any]:
        self.timeouts.append(timeout)
        return self.pattern.finditer(text, pos, endpos, timeout=timeout)


def with_pattern(pattern: Any) -> Rule:
    rule = next(r for rules in default_ruleset().rules.values() for r in rules if r.pattern is not None)
    return dataclasses.replace(rule, pattern=pattern, anchor=None, scope="page")


def test_a_watched_pattern_reads_no_clock_and_an_unwatched_one_has_its_limit() -> None:
    recorder = Recorder(regex.compile(r"(?P<value>某\p{Han}区)"))
    rule = with_pattern(recorder)
    with budget(Limits(seconds=20), 0):  # the main thread: the timer watches
        assert [m.value() for m in match_text(rule, "在某新区举行")] == ["某新区"]
    assert recorder.timeouts == [None]
    match_text(rule, "在某新区举行")  # no budget, no timer: regex keeps its limit
    assert recorder.timeouts == [None, engine.REGEX_TIMEOUT]


def test_a_watched_pattern_that_never_ends_is_stopped_at_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "REGEX_TIMEOUT", 0.3)
    rule = with_pattern(HANGS)
    started = time.monotonic()
    with pytest.raises(RuleTimeout, match="time limit"), budget(Limits(seconds=60), 0):
        match_text(rule, HANGING_TEXT)
    assert time.monotonic() - started < 20  # the limit and a tick of the timer, on a busy machine


def test_a_pattern_that_never_ends_is_stopped_where_no_timer_watches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "REGEX_TIMEOUT", 0.3)
    rule = with_pattern(HANGS)
    raised: list[BaseException] = []

    def work() -> None:
        try:
            with budget(Limits(seconds=60), 0):  # a thread other than the main one: no timer
                match_text(rule, HANGING_TEXT)
        except RuleTimeout as e:
            raised.append(e)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert len(raised) == 1


def test_a_watched_pattern_that_ends_past_its_limit_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """Between two ticks of the timer: the limit is looked at when the pattern ends too."""
    monkeypatch.setattr(engine, "REGEX_TIMEOUT", 1e-9)
    rule = with_pattern(regex.compile(r"(?P<value>某\p{Han}区)"))
    with pytest.raises(RuleTimeout), budget(Limits(seconds=20), 0):
        match_text(rule, "在某新区举行" * 200)
