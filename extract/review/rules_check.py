"""Check a rule folder the way a rule writer needs: every file read, every problem reported.

The loader (extract/rules_engine/ruleset.py) stops at the first problem, as a run must; `check_rules` goes on
and lists them all, each naming file, line, rule id and key: files that cannot be read or do not
parse, a [field] table that is missing, names an unknown resolver or a record's own key, unknown
keys and options, duplicate ids, patterns that do not compile, examples that give the wrong groups
and counter-examples that match (expected vs got), patterns that backtrack catastrophically, and
rules without examples or counter-examples.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

import regex

from extract.output.record import RESERVED
from extract.rules_engine import backtrack
from extract.rules_engine.options import FIELD_OPTIONS, RULE_OPTIONS
from extract.rules_engine.rule_examples import example_errors
from extract.rules_engine.ruleset import (
    _RULE_KEYS,
    DEFAULT_READS,
    FieldSpec,
    Rule,
    RuleError,
    _At,
    _compile_rule,
    _Lines,
    _rel,
    field_line,
    field_spec,
    load_fragments,
    option_sets,
    read_rule_text,
)

Resolvers = Collection[str] | Mapping[str, Collection[str]]
# Stand-ins for missing examples, so that the rest of a rule is still compiled and checked.
_PLACEHOLDER: dict[str, Any] = {"examples": [{"text": "-"}], "counter": ["-"]}
_FIELD_KEYS = {"name", "kind", "resolver", "order"}


def check_rules(folder: Path, layers: Sequence[Path] = ()) -> list[str]:
    """Every problem of the rule files in `folder` and the `layers` over it, one message each, in
    file order."""
    from extract.resolve import READS
    from extract.rules_engine.finders import FINDERS

    problems: list[str] = []
    try:
        fragments = load_fragments(folder, layers)
    except RuleError as e:
        problems.append(str(e))
        fragments = {}
    specs: dict[str, FieldSpec] = {}
    groups = [sorted(d.glob("*.toml")) for d in (folder, *layers)]
    if not groups[0]:
        problems.append(f"{folder}: no rule files (*.toml) found.")
    for paths in groups:
        seen: dict[str, str] = {}  # rule id -> where, within one folder
        for path in paths:
            problems.extend(_check_file(path, specs, fragments, seen, set(FINDERS), READS))
    return problems


def _check_file(
    path: Path,
    specs: dict[str, FieldSpec],
    fragments: dict[str, str],
    seen: dict[str, str],
    finders: set[str],
    resolvers: Resolvers,
) -> list[str]:
    try:
        text = read_rule_text(path)
        data = tomllib.loads(text)
    except RuleError as e:
        return [str(e)]
    except tomllib.TOMLDecodeError as e:
        at = regex.search(r"at line (\d+)", str(e))
        where = f"{_rel(path)}:{at.group(1)}" if at else _rel(path)
        return [f"{where}: not valid TOML ({e}). Correct the syntax."]
    lines = _Lines(path, text)
    problems = []
    head = data.get("field")
    try:
        spec = field_spec(path, head, lines, specs, resolvers)
    except RuleError as e:
        problems.append(str(e))
        name = head.get("name") if isinstance(head, dict) else None
        spec = FieldSpec(name if isinstance(name, str) else path.stem, "list", "", 50)
    specs[spec.name] = spec
    at = _At(lines, field_line(lines), "[field]")
    if spec.name in RESERVED:
        problems.append(
            str(at.error("name", f"{spec.name!r} is a key of every record; name the field otherwise."))
        )
    for key in sorted(set(head) - _FIELD_KEYS - set(FIELD_OPTIONS) if isinstance(head, dict) else ()):
        problems.append(str(at.error(key, "unknown key; the options are listed in rules/README.md.")))
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        return [*problems, f"{_rel(path)}: `rule` must be a list of [[rule]] tables."]
    reads = resolvers.get(spec.resolver, DEFAULT_READS) if isinstance(resolvers, Mapping) else DEFAULT_READS
    try:
        sets = option_sets(data, lines)
    except RuleError as e:
        problems.append(str(e))
        sets = {}
    for name, table in sets.items():
        for key in sorted(set(table) - set(RULE_OPTIONS)):
            line = lines.key(key, lines.key(name, None))
            problems.append(
                f"{lines.where(line)}: [option_sets.{name}]: unknown option `{key}`; "
                f"allowed: {', '.join(sorted(RULE_OPTIONS))}."
            )
    for i, entry in enumerate(entries):
        problems.extend(_check_rule(entry, spec, lines, lines.rule(i), fragments, seen, finders, reads, sets))
    return problems


def _check_rule(
    entry: Any,
    spec: FieldSpec,
    lines: _Lines,
    header: int | None,
    fragments: dict[str, str],
    seen: dict[str, str],
    finders: set[str],
    reads: Collection[str],
    sets: Mapping[str, Mapping[str, Any]],
) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{lines.where(header)}: each rule must be a [[rule]] table."]
    rule_id = entry.get("id")
    named = isinstance(rule_id, str) and rule_id.startswith(spec.name + ".")
    rid = str(rule_id)
    at = _At(lines, header, f"rule {rule_id}" if named else "rule")
    problems = []
    if not named:
        problems.append(
            at.error("id", f"every rule needs an `id` of the form `{spec.name}.how` (got {rule_id!r}).")
        )
    elif rid in seen:
        problems.append(at.error("id", f"rule id {rid} is already used at {seen[rid]}. Ids are unique."))
    else:
        seen[rid] = lines.where(header)
    for key in sorted(set(entry) - _RULE_KEYS):
        problems.append(at.error(key, f"unknown key; allowed: {', '.join(sorted(_RULE_KEYS))}."))
    options = entry.get("options", {})
    for key in sorted(set(options) - set(RULE_OPTIONS) if isinstance(options, dict) else ()):
        problems.append(
            at.error("options", f"unknown option `{key}`; allowed: {', '.join(sorted(RULE_OPTIONS))}.")
        )
    missing = [key for key in ("examples", "counter") if not entry.get(key)]
    if "examples" in missing:
        problems.append(
            at.error(None, "has no examples: add `examples = [{ text = …, value = … }]`, text it must match.")
        )
    if "counter" in missing:
        problems.append(
            at.error(None, "has no counter-examples: add `counter = [ … ]`, text it must not match.")
        )
    known = {k: v for k, v in entry.items() if k in _RULE_KEYS}
    known.update({key: _PLACEHOLDER[key] for key in missing})
    if not named:
        known["id"] = f"{spec.name}.unnamed"
    try:
        rule = _compile_rule(known, spec, lines, header, fragments, finders, reads, sets)
    except RuleError as e:
        return [*map(str, problems), str(e)]
    rule = dataclasses.replace(
        rule,
        examples=() if "examples" in missing else rule.examples,
        counter=() if "counter" in missing else rule.counter,
    )
    slow = _backtracks(rule)
    if slow:  # a pattern that backtracks would hang on its examples too
        problems.append(
            at.error(
                "pattern",
                f"the pattern backtracks catastrophically (past {backtrack.PROBE_TIMEOUT}s on a probe "
                f"like {slow!r}). Bound its repetitions, or make a repeated group atomic (?>...) or "
                "possessive (*+).",
            )
        )
    else:
        problems.extend(example_errors(rule, lines, header))
    return [str(p) for p in problems]


def _backtracks(rule: Rule) -> str | None:
    """The probe `rule`'s pattern or anchor cannot finish in time, or None; patterns that passed
    before (the loader's cache) are not probed again."""
    known = backtrack.passed_before()
    for pattern in (rule.pattern, rule.anchor):
        if pattern is None or backtrack.digest(pattern.pattern) in known:
            continue
        slow = backtrack.slow_probe(pattern, (ex.text for ex in rule.examples))
        if slow is not None:
            return slow
        backtrack.remember([backtrack.digest(pattern.pattern)])
    return None
