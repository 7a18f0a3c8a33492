"""Load `rules/*.toml`: expand `{fragments}`, validate, compile, or raise RuleError naming file and line.

A rule file holds one `[field]` table (name, kind, resolver) and `[[rule]]` entries. A rule either
has a `pattern` (a `regex` pattern with named groups, `{fragment}` references spliced in) or a
`finder` (the name of a registered finder, such as `places`). Fragments come from
`rules/lexicon/fragments.toml` (patterns) and `rules/lexicon/<name>.txt` (word lists, one per line).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import regex

from extract.lexicon import read_words
from extract.rules_dir import RULES_DIR

SCOPES = ("body", "page", "head", "top", "head+body")
_REF = regex.compile(r"\{([a-z_][a-z0-9_]*)\}")
_MAX_DEPTH = 8


class RuleError(Exception):
    """A rule file that cannot be used: the message names the file, the line, the rule and the remedy."""


def check_backtracking(rules: list[Rule]) -> None:
    """Refuse a pattern that backtracks catastrophically (see extract/backtrack.py); patterns that
    passed before are not probed again."""
    from extract import backtrack

    known = backtrack.passed_before()
    passed = []
    for rule in rules:
        for pattern in (rule.pattern, rule.anchor):
            if pattern is None:
                continue
            key = backtrack.digest(pattern.pattern)
            if key in known:
                continue
            slow = backtrack.slow_probe(pattern, (ex.text for ex in rule.examples))
            if slow is not None:
                raise RuleError(
                    f"{rule.source}: the pattern backtracks catastrophically (it ran past "
                    f"{backtrack.PROBE_TIMEOUT}s on a probe like {slow!r}).\n"
                    "  Bound its repetitions, or make a repeated group atomic (?>...) or possessive (*+)."
                )
            passed.append(key)
    if passed:
        backtrack.remember(passed)


Anchor: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"


def compile_anchor(source: str) -> Anchor:
    """An anchor is mostly an alternation of words, which the standard library's `re` scans several
    times faster than `regex`; an anchor that needs `regex` (\\p{Han}, ...) gets it."""
    try:
        return re.compile(source)
    except re.error:
        return regex.compile(source)


@dataclass(frozen=True)
class Example:
    text: str
    expect: dict[str, str]


@dataclass(frozen=True)
class Rule:
    id: str
    field: str
    source: str  # "file:line", for messages
    priority: int
    scope: str
    why: str
    pattern: regex.Pattern[str] | None
    finder: str | None
    anchor: Anchor | None  # a cheap pattern the match must lie near (see engine.py)
    window: tuple[int, int]  # characters before and after an anchor hit where the pattern may match
    options: dict[str, Any]
    examples: tuple[Example, ...]
    counter: tuple[str, ...]


@dataclass(frozen=True)
class FieldSpec:
    """What a rule file says of its field: list or scalar, and the resolver that makes values of matches."""

    name: str
    kind: str  # "scalar" | "list"
    resolver: str
    order: int
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleSet:
    fields: tuple[FieldSpec, ...]
    rules: dict[str, tuple[Rule, ...]]  # field name -> its rules, in file order
    fragments: dict[str, str]

    def rule(self, rule_id: str) -> Rule:
        for rules in self.rules.values():
            for r in rules:
                if r.id == rule_id:
                    return r
        raise KeyError(rule_id)


def _header_lines(text: str) -> list[int]:
    """Line numbers (1-based) of each `[[rule]]` header: tomllib keeps no positions."""
    return [i for i, line in enumerate(text.splitlines(), 1) if line.strip() == "[[rule]]"]


def _load_toml(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as e:
        raise RuleError(f"{_rel(path)}: not valid TOML ({e}). Correct the syntax and run again.") from e


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(RULES_DIR.parent))
    except ValueError:
        return str(path)


def load_fragments(folder: Path) -> dict[str, str]:
    """Named pattern pieces: word lists become alternations (longest first), patterns stay as written."""
    fragments: dict[str, str] = {}
    lexicon = folder / "lexicon"
    for path in sorted(lexicon.glob("*.txt")):
        fragments[path.stem] = "(?:" + "|".join(regex.escape(w) for w in read_words(path)) + ")"
    frag_file = lexicon / "fragments.toml"
    if frag_file.exists():
        data, _ = _load_toml(frag_file)
        for name, pattern in data.get("fragments", {}).items():
            if name in fragments:
                raise RuleError(
                    f"{_rel(frag_file)}: fragment {{{name}}} is also a word list {name}.txt. Rename one."
                )
            fragments[name] = str(pattern)
    return fragments


def expand(pattern: str, fragments: dict[str, str], where: str) -> str:
    """Splice `{name}` fragments in, recursively; an unknown name is a RuleError."""
    for _ in range(_MAX_DEPTH):
        missing = [n for n in _REF.findall(pattern) if n not in fragments]
        if missing:
            raise RuleError(
                f"{where}: {{{missing[0]}}} is not defined.\n"
                "  Define it in rules/lexicon/fragments.toml or as rules/lexicon/<name>.txt, or correct the name."
            )
        new = _REF.sub(lambda m: f"(?:{fragments[m.group(1)]})", pattern)
        if new == pattern:
            return new
        pattern = new
    raise RuleError(f"{where}: fragments nest deeper than {_MAX_DEPTH} levels; is one referring to itself?")


def _examples(raw: Iterable[Any], where: str) -> tuple[Example, ...]:
    out = []
    for ex in raw:
        if not isinstance(ex, dict) or "text" not in ex:
            raise RuleError(f"{where}: each example is a table with `text` and the expected groups.")
        out.append(Example(text=str(ex["text"]), expect={k: str(v) for k, v in ex.items() if k != "text"}))
    return tuple(out)


_RULE_KEYS = {
    "id",
    "pattern",
    "finder",
    "anchor",
    "window",
    "priority",
    "scope",
    "why",
    "examples",
    "counter",
    "options",
}


def _compile_rule(
    entry: dict[str, Any], spec: FieldSpec, where: str, fragments: dict[str, str], finders: set[str]
) -> Rule:
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not rule_id.startswith(spec.name + "."):
        raise RuleError(f"{where}: every rule needs an `id` of the form `{spec.name}.how` (got {rule_id!r}).")
    where = f"{where}: rule {rule_id}"
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_RULE_KEYS)}.")
    if ("pattern" in entry) == ("finder" in entry):
        raise RuleError(f"{where}: give exactly one of `pattern` or `finder`.")
    compiled = None
    if "pattern" in entry:
        source = expand(str(entry["pattern"]), fragments, where)
        try:
            compiled = regex.compile(source, regex.MULTILINE)
        except regex.error as e:
            raise RuleError(f"{where}: the pattern does not compile ({e}). Correct it.") from e
        if compiled.search("") is not None:
            raise RuleError(f"{where}: the pattern matches the empty string; it would match everywhere.")
    anchor = None
    window = (0, 0)
    if "anchor" in entry:
        try:
            anchor = compile_anchor(expand(str(entry["anchor"]), fragments, where))
        except regex.error as e:
            raise RuleError(f"{where}: the anchor does not compile ({e}). Correct it.") from e
        win = entry.get("window")
        if not (isinstance(win, list) and len(win) == 2 and all(isinstance(x, int) and x >= 0 for x in win)):
            raise RuleError(
                f"{where}: an anchor needs `window = [before, after]` (characters around each hit)."
            )
        window = (win[0], win[1])
    finder = entry.get("finder")
    if finder is not None and finder not in finders:
        raise RuleError(f"{where}: unknown finder {finder!r}; known: {sorted(finders)}.")
    scope = entry.get("scope", "body")
    if scope not in SCOPES:
        raise RuleError(f"{where}: scope {scope!r} is not one of {SCOPES}.")
    examples = _examples(entry.get("examples", []), where)
    counter = tuple(str(c) for c in entry.get("counter", []))
    if not examples or not counter:
        raise RuleError(
            f"{where}: a rule needs at least one example and one counter-example (text that must not match)."
        )
    return Rule(
        id=rule_id,
        field=spec.name,
        source=where,
        priority=int(entry.get("priority", 0)),
        scope=scope,
        why=str(entry.get("why", "")),
        pattern=compiled,
        finder=finder,
        anchor=anchor,
        window=window,
        options=dict(entry.get("options", {})),
        examples=examples,
        counter=counter,
    )


def load_ruleset(folder: Path = RULES_DIR, *, finders: set[str], resolvers: set[str]) -> RuleSet:
    """Read every `<field>.toml` in `folder`; raise RuleError before any article is read."""
    fragments = load_fragments(folder)
    specs: list[FieldSpec] = []
    rules: dict[str, tuple[Rule, ...]] = {}
    seen: dict[str, str] = {}
    paths = sorted(folder.glob("*.toml"))
    if not paths:
        raise RuleError(f"{folder}: no rule files (*.toml) found. Point --rules at the rules folder.")
    for path in paths:
        data, text = _load_toml(path)
        head = data.get("field")
        if not isinstance(head, dict) or "name" not in head:
            raise RuleError(
                f"{_rel(path)}: the file needs a [field] table with `name`, `kind` and `resolver`."
            )
        kind = head.get("kind", "scalar")
        if kind not in ("scalar", "list"):
            raise RuleError(f"{_rel(path)}: [field] kind must be 'scalar' or 'list', not {kind!r}.")
        resolver = head.get("resolver", "first" if kind == "scalar" else "collect")
        if resolver not in resolvers:
            raise RuleError(f"{_rel(path)}: unknown resolver {resolver!r}; known: {sorted(resolvers)}.")
        options = {k: v for k, v in head.items() if k not in {"name", "kind", "resolver", "order"}}
        spec = FieldSpec(str(head["name"]), kind, resolver, int(head.get("order", 50)), options)
        specs.append(spec)
        lines = _header_lines(text)
        compiled = []
        for i, entry in enumerate(data.get("rule", [])):
            where = f"{_rel(path)}:{lines[i] if i < len(lines) else '?'}"
            rule = _compile_rule(entry, spec, where, fragments, finders)
            if rule.id in seen:
                raise RuleError(
                    f"{where}: rule id {rule.id} is already used at {seen[rule.id]}. Ids are unique."
                )
            seen[rule.id] = where
            compiled.append(rule)
        rules[spec.name] = tuple(compiled)
    check_backtracking([r for rs in rules.values() for r in rs])
    specs.sort(key=lambda s: (s.order, s.name))
    return RuleSet(fields=tuple(specs), rules=rules, fragments=fragments)
