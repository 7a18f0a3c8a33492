"""Every rule's examples and counter-examples, one test case each, the rule id as test id."""

from __future__ import annotations

import pytest

from extract.resolve.registry import default_ruleset
from extract.rules_engine.engine import match_text
from extract.rules_engine.ruleset import Example, Rule

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
    matches = match_text(rule, example.text)
    assert matches, f"{rule.source}: no match in example {example.text!r}"
    got = [{k: g.value for k, g in m.groups.items()} for m in matches]
    wanted = {k: v for k, v in example.expect.items() if v}
    assert any(all(groups.get(k) == v for k, v in wanted.items()) for groups in got), (
        f"{rule.source}: example {example.text!r} wanted {wanted}, rule captured {got}"
    )


@pytest.mark.parametrize(("rule", "text"), _counters())
def test_counter_example_does_not_match(rule: Rule, text: str) -> None:
    matches = [m for m in match_text(rule, text) if m.groups or rule.options.get("role")]
    assert not matches, f"{rule.source}: counter-example {text!r} matched {[m.groups for m in matches]}"


def test_every_rule_has_examples_and_counters() -> None:
    assert RULES
    for rule in RULES:
        assert rule.examples and rule.counter, rule.id
