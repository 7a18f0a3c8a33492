"""Every rule's examples and counter-examples, one test case each, the rule id as test id."""

from __future__ import annotations

import pytest

from extract.registry import default_ruleset
from extract.rules_check import check_counter, check_example
from extract.ruleset import Example, Rule

RULES = [rule for rules in default_ruleset().rules.values() for rule in rules]


def _cases() -> list[object]:
    return [
        pytest.param(rule, ex, id=f"{rule.id}[{i}]") for rule in RULES for i, ex in enumerate(rule.examples)
    ]


def _counters() -> list[object]:
    return [
        pytest.param(rule, text, id=f"{rule.id}[counter {i}]")
        for rule in RULES
        for i, text in enumerate(rule.counter)
    ]


@pytest.mark.parametrize(("rule", "example"), _cases())
def test_example_matches(rule: Rule, example: Example) -> None:
    failed = check_example(rule, example)  # what `extract rules check` reports, too
    assert failed is None, f"{rule.source}: {failed}"


@pytest.mark.parametrize(("rule", "text"), _counters())
def test_counter_example_does_not_match(rule: Rule, text: str) -> None:
    failed = check_counter(rule, text)
    assert failed is None, f"{rule.source}: {failed}"


def test_every_rule_has_examples_and_counters() -> None:
    assert RULES
    for rule in RULES:
        assert rule.examples and rule.counter, rule.id
