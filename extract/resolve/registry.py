"""The project's rule set, wired to the finders and resolvers its rule files may name.

Kept apart from extract/rules_engine/ruleset.py so that loading rules knows nothing of the code that runs them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from extract.base.rules_dir import rule_layers
from extract.resolve import READS
from extract.rules_engine.clean import clean_rules
from extract.rules_engine.finders import FINDERS
from extract.rules_engine.rule_examples import example_errors
from extract.rules_engine.ruleset import RULES_DIR, RuleSet, load_ruleset


def default_ruleset() -> RuleSet:
    """The project's rules (rules/*.toml, and the cleaning rules of rules/page/) with the `--rules`
    layers over them, loaded and compiled once per process and set of layers."""
    return _ruleset(rule_layers())


@cache
def _ruleset(layers: tuple[Path, ...]) -> RuleSet:
    clean_rules()
    return load_ruleset(
        RULES_DIR, finders=set(FINDERS), resolvers=READS, layers=layers, examples=example_errors
    )
