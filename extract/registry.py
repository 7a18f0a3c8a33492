"""The project's rule set, wired to the finders and resolvers its rule files may name.

Kept apart from extract/ruleset.py so that loading rules knows nothing of the code that runs them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from extract.clean import clean_rules
from extract.finders import FINDERS
from extract.resolve import READS
from extract.rule_examples import example_errors
from extract.rules_dir import rule_layers
from extract.ruleset import RULES_DIR, RuleSet, load_ruleset


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
