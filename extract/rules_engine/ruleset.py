"""Load `rules/*.toml`: expand `{fragments}`, validate, compile, or raise RuleError naming file and line.

A rule file holds one `[field]` table (name, kind, resolver), `[[rule]]` entries and, where several
rules share options, `[option_sets.NAME]` tables they name (`option_set = "NAME"`). A rule either
has a `pattern` (a `regex` pattern with named groups, `{fragment}` references spliced in) or a
`finder` (the name of a registered finder, such as `places`). Fragments come from
`rules/lexicon/fragments.toml` (patterns) and `rules/lexicon/<name>.txt` (word lists, one per line).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from extract.base.rules_dir import RULES_DIR
from extract.rules_engine.compiled import save as save_compiled
from extract.rules_engine.fragments import load_fragments, word_alternation
from extract.rules_engine.prefilter import save as save_prefilters
from extract.rules_engine.re_compiled import save as save_re_patterns
from extract.rules_engine.rule_compile import _RULE_KEYS, _compile_rule, field_spec, option_sets
from extract.rules_engine.rule_files import _At, _Lines, _load_toml, _rel, field_line, read_rule_text
from extract.rules_engine.rule_types import (
    DEFAULT_READS,
    Anchor,
    Example,
    FieldSpec,
    Rule,
    RuleError,
    RuleSet,
)
from extract.rules_engine.twin import save as save_twins

# Loading a rule set is what is left here; the names other modules and tests import from here are
# defined in rule_types (the loaded rules), rule_files (reading a file, placing its keys),
# fragments (pattern pieces) and rule_compile (one file's tables into rules).
__all__ = [
    "DEFAULT_READS",
    "RULES_DIR",
    "_RULE_KEYS",
    "Anchor",
    "Example",
    "FieldSpec",
    "Rule",
    "RuleError",
    "RuleSet",
    "_At",
    "_Lines",
    "_compile_rule",
    "_rel",
    "check_backtracking",
    "field_line",
    "field_spec",
    "load_fragments",
    "load_ruleset",
    "option_sets",
    "read_rule_text",
    "word_alternation",
]


def check_backtracking(rules: list[Rule]) -> None:
    """Refuse a pattern that backtracks catastrophically (see extract/rules_engine/backtrack.py); patterns that
    passed before are not probed again."""
    from extract.rules_engine import backtrack

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


UNSOUND_TWINS = "unsound-twins.txt"  # the cache of twins that failed a probe


def unsound_twins(rules: list[Rule]) -> set[str]:
    """The ids of rules whose twin in `re` (extract/rules_engine/twin.py) fails a probe its pattern
    passed (`re` lacks some of `regex`'s guards against backtracking): such a rule keeps its pattern
    alone. Twins probed before, whether they passed or failed, are not probed again: a failing twin
    spends the whole time limit on its probe, at every start."""
    from extract.rules_engine import backtrack

    known, failed_before = backtrack.passed_before(), backtrack.passed_before(UNSOUND_TWINS)
    passed, failed, unsound = [], [], set()
    for rule in rules:
        if rule.twin is None:
            continue
        key = backtrack.digest("twin\0" + rule.twin.pattern)
        if key in known:
            continue
        if key in failed_before:
            unsound.add(rule.id)
        elif backtrack.twin_finishes(rule.twin, (ex.text for ex in rule.examples)):
            passed.append(key)
        else:
            unsound.add(rule.id)
            failed.append(key)
    if passed:
        backtrack.remember(passed)
    if failed:
        backtrack.remember(failed, UNSOUND_TWINS)
    return unsound


EXAMPLES_PASSED = "checked-examples.txt"  # the cache of rule folders whose examples passed


def _examples_key(folder: Path, layers: Sequence[Path] = ()) -> str:
    """What decides whether the examples under `folder` (and its layers) pass: their files and
    extract's code."""
    import hashlib

    from extract.base.digest import code_digest, tree_digest

    rules = " ".join(tree_digest(d) for d in (folder, *layers))
    return hashlib.sha256(f"rules {rules} code {code_digest()}".encode()).hexdigest()[:32]


# Runs a rule's examples and counter-examples (extract/rules_engine/rule_examples.py): handed in by whoever loads
# rules to run them (extract/resolve/registry.py), so that loading rules knows nothing of the engine.
ExampleCheck = Callable[[Rule, "_Lines", "int | None"], Iterable[RuleError]]


def load_ruleset(
    folder: Path = RULES_DIR,
    *,
    finders: set[str],
    resolvers: Collection[str] | Mapping[str, Collection[str]],
    layers: Sequence[Path] = (),
    examples: ExampleCheck | None = None,
) -> RuleSet:
    """Read every `<field>.toml` in `folder`, then in each of `layers` (`--rules`: a rule with an id
    already loaded replaces it, a [field] table adds a field or changes ours); raise RuleError
    before any article is read. With `examples`, every rule's examples and counter-examples run
    too (once per version of the rules and code), and the first that fails is the RuleError.

    `resolvers` names the resolvers rule files may use, or maps each to the groups it reads, of
    which a rule's pattern must have one (by default `value`)."""
    from extract.rules_engine import backtrack

    fragments = load_fragments(folder, layers)
    specs: dict[str, FieldSpec] = {}
    rules: dict[str, dict[str, tuple[Rule, _Lines, int | None]]] = {}
    # Examples run once per version of the rules and code, not at every start: running the place
    # finder's would load the gazetteer into a process that does not otherwise need it.
    checked = _examples_key(folder, layers) if examples else ""
    run_examples = examples is not None and checked not in backtrack.passed_before(EXAMPLES_PASSED)
    paths = sorted(folder.glob("*.toml"))
    if not paths:
        raise RuleError(f"{folder}: no rule files (*.toml) found. Point --rules at the rules folder.")
    for layer in (paths, *(sorted(d.glob("*.toml")) for d in layers)):
        seen: dict[str, str] = {}  # rule id -> where, within one folder
        for path in layer:
            data, text = _load_toml(path)
            lines = _Lines(path, text)
            spec = field_spec(path, data.get("field"), lines, specs, resolvers)
            specs[spec.name] = spec
            reads = resolvers[spec.resolver] if isinstance(resolvers, Mapping) else DEFAULT_READS
            entries = data.get("rule", [])
            if not isinstance(entries, list):
                raise RuleError(f"{_rel(path)}: `rule` must be a list of [[rule]] tables.")
            placed = rules.setdefault(spec.name, {})
            sets = option_sets(data, lines)
            for i, entry in enumerate(entries):
                header = lines.rule(i)
                if not isinstance(entry, dict):
                    raise RuleError(f"{lines.where(header)}: each rule must be a [[rule]] table.")
                rule = _compile_rule(entry, spec, lines, header, fragments, finders, reads, sets)
                if rule.id in seen:
                    raise RuleError(
                        f"{lines.where(header)}: rule id {rule.id} is already used at {seen[rule.id]}. Ids are unique."
                    )
                seen[rule.id] = lines.where(header)
                placed[rule.id] = (rule, lines, header)
    save_compiled()  # the patterns compiled here, for the next start (extract/rules_engine/compiled.py)
    save_prefilters()  # and what they need (extract/rules_engine/prefilter.py)
    save_twins()  # and their twins in `re` (extract/rules_engine/twin.py)
    save_re_patterns()  # and what `re` compiled them, the anchors and prefilters to
    check_backtracking([rule for rs in rules.values() for rule, _, _ in rs.values()])
    unsound = unsound_twins([rule for rs in rules.values() for rule, _, _ in rs.values()])
    for rs in rules.values():
        for rule_id, (rule, lines, header) in rs.items():
            if rule_id in unsound:
                rs[rule_id] = (replace(rule, twin=None), lines, header)
    if examples is not None and run_examples:  # after the probes: a backtracking pattern would hang
        for rs in rules.values():
            for rule, lines, header in rs.values():
                for error in examples(rule, lines, header):
                    raise error
        backtrack.remember([checked], EXAMPLES_PASSED)
    fields = sorted(specs.values(), key=lambda s: (s.order, s.name))
    compiled = {name: tuple(rule for rule, _, _ in rs.values()) for name, rs in rules.items()}
    return RuleSet(fields=tuple(fields), rules=compiled, fragments=fragments)
