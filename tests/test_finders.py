"""The repeated-line finder: which repeats make a line the headline."""

from __future__ import annotations

from extract.resolve.registry import default_ruleset
from extract.rules_engine.finders import find_repeated_lines

RULE = default_ruleset().rule("title.repeated_line")
HEADLINE = "某区举行党建联席会议暨签约仪式"


def found(text: str) -> list[tuple[int, int, str]]:
    return [(s, e, g["value"].value) for s, e, g in find_repeated_lines(text, None, RULE)]  # type: ignore[arg-type]


def test_a_line_repeated_further_down_is_found_at_its_first_place() -> None:
    text = f"导航\n  {HEADLINE} | 某某网\n来源:某区\n{HEADLINE}\n正文。"
    assert found(text) == []  # the first line carries a site name: not the same text
    text = f"导航\n  {HEADLINE} |\n来源:某区\n\u3000{HEADLINE}\n正文。"
    assert found(text) == [(5, 5 + len(HEADLINE), HEADLINE)]


def test_the_next_line_and_lines_past_400_do_not_count() -> None:
    assert found(f"{HEADLINE}\n{HEADLINE}\n") == []  # a line straight below is no page header's repeat
    assert found(f"{HEADLINE}\n\n{HEADLINE}") == [(0, len(HEADLINE), HEADLINE)]
    assert found(HEADLINE + "\n" * 402 + HEADLINE) == []
    assert found(HEADLINE + "\n" * 401 + HEADLINE) == [(0, len(HEADLINE), HEADLINE)]


def test_short_and_long_lines_are_no_headline() -> None:
    assert found("七个字的一行字\n\n七个字的一行字") == []
    long = "长" * 91
    assert found(f"{long}\n\n{long}") == []
