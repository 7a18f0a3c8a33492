"""A rule's examples and counter-examples, run: what the loader (through extract/resolve/registry.py) and
`extract rules check` report when a rule does not match as its examples say.

Apart from extract/rules_engine/ruleset.py, which reads rule files and must not import the engine that runs them.
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.rules_engine.engine import match_text
from extract.rules_engine.finders import FINDERS
from extract.rules_engine.ruleset import Rule, RuleError, _At, _Lines


def example_errors(rule: Rule, lines: _Lines, header: int | None) -> Iterator[RuleError]:
    """A RuleError for each example the rule does not match as it says and each counter-example
    it matches."""
    if rule.finder is not None and rule.finder not in FINDERS:
        return  # a finder this process does not have (a test's rule set): nothing to run
    at = _At(lines, header, f"rule {rule.id}")
    for i, example in enumerate(rule.examples):
        got = [{k: g.value for k, g in m.groups.items()} for m in match_text(rule, example.text)]
        wanted = {k: v for k, v in example.expect.items() if v}
        if not any(all(groups.get(k) == v for k, v in wanted.items()) for groups in got):
            found = f"the rule captured {got}" if got else "the rule does not match it"
            yield at.error("examples", f"item {i} ({example.text!r}) wants {wanted}, but {found}.")
    for i, text in enumerate(rule.counter):
        matched = [m.groups for m in match_text(rule, text) if m.groups or rule.options.get("role")]
        if matched:
            captured = [{k: g.value for k, g in groups.items()} for groups in matched]
            yield at.error(
                "counter", f"item {i} ({text!r}) must not match, but the rule captured {captured}."
            )
