"""The project's rule set, wired to the finders and resolvers its rule files may name.

Kept apart from extract/ruleset.py so that loading rules knows nothing of the code that runs them.
"""

from __future__ import annotations

from functools import cache

from extract.finders import FINDERS
from extract.resolve import RESOLVERS
from extract.ruleset import RULES_DIR, RuleSet, load_ruleset


@cache
def default_ruleset() -> RuleSet:
    """The project's rules (rules/*.toml), loaded and compiled once per process."""
    return load_ruleset(RULES_DIR, finders=set(FINDERS), resolvers=set(RESOLVERS))
