"""Turn one rule file's tables into a FieldSpec and Rules: check keys and types, expand and compile
patterns, or raise a RuleError naming file, line, rule and key."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import regex

from extract.rules_engine.compiled import compile_pattern
from extract.rules_engine.fragments import expand
from extract.rules_engine.prefilter import needs
from extract.rules_engine.re_compiled import compile_re
from extract.rules_engine.rule_files import _At, _is, _Lines, _rel, _type_name, field_line
from extract.rules_engine.rule_types import SCOPES, Anchor, Example, FieldSpec, Rule, RuleError
from extract.rules_engine.twin import twin_of


def compile_anchor(source: str) -> Anchor:
    """An anchor is mostly an alternation of words, which the standard library's `re` scans several
    times faster than `regex`; an anchor that needs `regex` (\\p{Han}, ...) gets it."""
    try:
        return compile_re(source)
    except re.error:
        return compile_pattern(source)


_RULE_TYPES: dict[str, tuple[type, str]] = {
    "id": (str, "a string"),
    "pattern": (str, "a string (a regex pattern)"),
    "finder": (str, "a string (a finder's name)"),
    "anchor": (str, "a string (a regex pattern)"),
    "window": (list, "a list of two whole numbers, [before, after]"),
    "priority": (int, "a whole number"),
    "scope": (str, f"one of {', '.join(SCOPES)}"),
    "why": (str, "a string"),
    "examples": (list, 'a list of tables such as { text = "...", value = "..." }'),
    "counter": (list, "a list of strings"),
    "options": (dict, 'a table such as { role = "stop" }'),
    "option_set": (str, "a string (the name of an [option_sets.NAME] table of the file)"),
}
_RULE_KEYS = set(_RULE_TYPES)
_FIELD_TYPES: dict[str, tuple[type, str]] = {
    "name": (str, "a string"),
    "kind": (str, "'scalar' or 'list'"),
    "resolver": (str, "a string (a resolver's name)"),
    "order": (int, "a whole number"),
}


def _examples(raw: list[Any], at: _At) -> tuple[Example, ...]:
    out = []
    for i, ex in enumerate(raw):
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str):
            raise at.error(
                "examples",
                f"item {i} must be a table with a string `text` and the expected groups, not {ex!r}.",
            )
        for name, value in ex.items():
            if not isinstance(value, str):
                raise at.error(
                    "examples", f"item {i}: `{name}` must be a string, not {_type_name(value)} {value!r}."
                )
        out.append(Example(text=ex["text"], expect={k: v for k, v in ex.items() if k != "text"}))
    return tuple(out)


def option_sets(data: Mapping[str, Any], lines: _Lines) -> dict[str, dict[str, Any]]:
    """The file's `[option_sets.NAME]` tables: options several of its rules share, each rule naming
    its set with `option_set = "NAME"` (rules/README.md)."""
    sets = data.get("option_sets", {})
    if not isinstance(sets, dict):
        raise RuleError(f"{lines.rel}: `option_sets` must hold tables such as [option_sets.subjects].")
    for name, table in sets.items():
        if not isinstance(table, dict):
            line = lines.key(name, None)
            raise RuleError(
                f"{lines.where(line)}: option set `{name}` must be a table [option_sets.{name}] "
                f"of options, not {_type_name(table)} {table!r}."
            )
    return sets


def _compile_rule(
    entry: dict[str, Any],
    spec: FieldSpec,
    lines: _Lines,
    header: int | None,
    fragments: dict[str, str],
    finders: set[str],
    reads: Collection[str],
    sets: Mapping[str, Mapping[str, Any]],
) -> Rule:
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not rule_id.startswith(spec.name + "."):
        raise _At(lines, header, "rule").error(
            "id", f"every rule needs an `id` of the form `{spec.name}.how` (got {rule_id!r})."
        )
    at = _At(lines, header, f"rule {rule_id}")
    where = f"{lines.where(header)}: rule {rule_id}"
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise at.error(None, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_RULE_KEYS)}.")
    at.check_types(entry, _RULE_TYPES)
    if ("pattern" in entry) == ("finder" in entry):
        raise at.error(None, "give exactly one of `pattern` or `finder`.")
    options = dict(entry.get("options", {}))
    if "option_set" in entry:
        shared = sets.get(entry["option_set"])
        if shared is None:
            raise at.error(
                "option_set",
                f"the file has no table [option_sets.{entry['option_set']}] (it has: "
                f"{', '.join(sorted(sets)) or 'none'}). Name one of them, or add it.",
            )
        options = {**shared, **options}  # the rule's own options win
    compiled = None
    if "pattern" in entry:
        source = expand(entry["pattern"], fragments, where)
        try:
            compiled = compile_pattern(source, regex.MULTILINE)
        except regex.error as e:
            raise at.error("pattern", f"the pattern does not compile ({e}). Correct it.") from e
        needs(compiled)  # read off once, when the rule loads (and kept for the next start)
        if compiled.search("") is not None:
            raise at.error("pattern", "the pattern matches the empty string; it would match everywhere.")
        if not options.get("role") and not set(compiled.groupindex) & set(reads):
            groups = " or ".join(f"(?P<{name}>...)" for name in reads)
            raise at.error(
                "pattern",
                f"the pattern has no group the {spec.resolver} resolver reads; name the value's group "
                f"{groups}.",
            )
    anchor = None
    window = (0, 0)
    if "anchor" in entry:
        try:
            anchor = compile_anchor(expand(entry["anchor"], fragments, where))
        except regex.error as e:
            raise at.error("anchor", f"the anchor does not compile ({e}). Correct it.") from e
        win = entry.get("window")
        if not (isinstance(win, list) and len(win) == 2 and all(_is(x, int) and x >= 0 for x in win)):
            raise at.error(
                "window", "an anchor needs `window = [before, after]` (characters around each hit)."
            )
        window = (win[0], win[1])
    finder = entry.get("finder")
    if finder is not None and finder not in finders:
        raise at.error("finder", f"unknown finder {finder!r}; known: {sorted(finders)}.")
    scope = entry.get("scope", "body")
    if scope not in SCOPES:
        raise at.error("scope", f"scope {scope!r} is not one of {SCOPES}.")
    examples = _examples(entry.get("examples", []), at)
    counter = entry.get("counter", [])
    for i, text in enumerate(counter):
        if not isinstance(text, str):
            raise at.error("counter", f"item {i} must be a string, not {_type_name(text)} {text!r}.")
    if not examples or not counter:
        raise at.error(
            None, "a rule needs at least one example and one counter-example (text that must not match)."
        )
    return Rule(
        id=rule_id,
        field=spec.name,
        source=where,
        priority=entry.get("priority", 0),
        scope=scope,
        why=entry.get("why", ""),
        pattern=compiled,
        finder=finder,
        anchor=anchor,
        window=window,
        options=options,
        examples=examples,
        counter=tuple(counter),
        twin=None if compiled is None else twin_of(compiled),
    )


def field_spec(
    path: Path,
    head: Any,
    lines: _Lines,
    known: dict[str, FieldSpec],
    resolvers: Collection[str] | Mapping[str, Collection[str]],
) -> FieldSpec:
    """The field of one rule file: its [field] table, laid over the field of that name already
    loaded (a layer's). A layer's file without a [field] table adds rules to the field its name gives."""
    if head is None and path.stem in known:
        return known[path.stem]
    if not isinstance(head, dict) or "name" not in head:
        raise RuleError(f"{_rel(path)}: the file needs a [field] table with `name`, `kind` and `resolver`.")
    at = _At(lines, field_line(lines), "[field]")
    at.check_types(head, _FIELD_TYPES)
    base = known.get(head["name"])
    kind = head.get("kind", base.kind if base else "scalar")
    if kind not in ("scalar", "list"):
        raise at.error("kind", f"must be 'scalar' or 'list', not {kind!r}.")
    resolver = head.get("resolver", base.resolver if base else ("first" if kind == "scalar" else "collect"))
    if resolver not in resolvers:
        raise at.error("resolver", f"unknown resolver {resolver!r}; known: {sorted(resolvers)}.")
    options = {k: v for k, v in head.items() if k not in {"name", "kind", "resolver", "order"}}
    order = head.get("order", base.order if base else 50)
    return FieldSpec(head["name"], kind, resolver, order, {**(base.options if base else {}), **options})
