"""What a rule found: a match with its named groups, each with its span in the normalised text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extract.rules_engine.ruleset import Rule

# `Group.data` of a finder's group cut from the word layer, its edges where words are: a resolver
# neither splits it nor cuts it to word edges again (a name holding 和 stays whole).
CUT_AT_WORDS = "cut at words"


@dataclass(frozen=True)
class Group:
    """A captured piece of text: its value, its span in the normalised text, anything a finder parsed."""

    value: str
    start: int
    end: int
    data: Any = None


@dataclass(frozen=True)
class SharedEnding:
    """`Group.data` of a name a list completes with the last name's ending (`甲、乙办事处`: 甲办事处):
    the span of that ending, where the last name writes it; the group's own span is the name's words."""

    start: int
    end: int


@dataclass(frozen=True)
class Match:
    rule: Rule
    start: int
    end: int
    groups: dict[str, Group] = field(default_factory=dict)

    def value(self, name: str = "value") -> str | None:
        g = self.groups.get(name)
        return g.value if g else None
