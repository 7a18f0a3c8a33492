"""Load `rules/*.toml`: expand `{fragments}`, validate, compile, or raise RuleError naming file and line.

A rule file holds one `[field]` table (name, kind, resolver) and `[[rule]]` entries. A rule either
has a `pattern` (a `regex` pattern with named groups, `{fragment}` references spliced in) or a
`finder` (the name of a registered finder, such as `places`). Fragments come from
`rules/lexicon/fragments.toml` (patterns) and `rules/lexicon/<name>.txt` (word lists, one per line).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import regex

from extract.base.rules_dir import RULES_DIR
from extract.rules_engine.compiled import compile_pattern
from extract.rules_engine.compiled import save as save_compiled
from extract.text.lexicon import longest_first, words_of

SCOPES = ("body", "page", "head", "top", "head+body")
_REF = regex.compile(r"\{([a-z_][a-z0-9_]*)\}")
_MAX_DEPTH = 8


class RuleError(Exception):
    """A rule file that cannot be used: the message names the file, the line, the rule and the remedy."""


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


Anchor: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"


def compile_anchor(source: str) -> Anchor:
    """An anchor is mostly an alternation of words, which the standard library's `re` scans several
    times faster than `regex`; an anchor that needs `regex` (\\p{Han}, ...) gets it."""
    try:
        return re.compile(source)
    except re.error:
        return compile_pattern(source)


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


def read_rule_text(path: Path) -> str:
    """The text of a file under rules/; RuleError naming the file (and line) if it cannot be read
    or is not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise RuleError(
            f"{_rel(path)}: cannot read the file ({e.strerror}); check that it exists and is readable."
        ) from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise RuleError(
            f"{_rel(path)}:{line}: not valid UTF-8 (byte 0x{data[e.start]:02x} at column {column}); "
            "save the file as UTF-8."
        ) from e


def _load_toml(path: Path) -> tuple[dict[str, Any], str]:
    text = read_rule_text(path)
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as e:
        raise RuleError(f"{_rel(path)}: not valid TOML ({e}). Correct the syntax and run again.") from e


class _Lines:
    """Where keys stand in a rule file, for messages: tomllib keeps no positions."""

    def __init__(self, path: Path, text: str) -> None:
        self.rel = _rel(path)
        self.lines = text.splitlines()
        self.rule_headers = [i for i, line in enumerate(self.lines, 1) if line.strip() == "[[rule]]"]

    def rule(self, index: int) -> int | None:
        """The line of the `index`th `[[rule]]` header (0-based), or None."""
        return self.rule_headers[index] if index < len(self.rule_headers) else None

    def key(self, key: str, start: int | None) -> int | None:
        """The line where `key` is set in the table whose header is at line `start` (None: the
        top of the file), or that table's header when the key is not found."""
        first = start or 1
        ends = [h for h in (*self.rule_headers, len(self.lines) + 1) if h > first]
        setting = regex.compile(rf'^\s*(?:{key}|"{key}")\s*=|^\s*\[[^\[\]]*\.{key}\]')
        for number in range(first, min(ends, default=len(self.lines) + 1)):
            if setting.match(self.lines[number - 1]):
                return number
        return start

    def where(self, line: int | None) -> str:
        return f"{self.rel}:{line}" if line is not None else self.rel


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(RULES_DIR.parent))
    except ValueError:
        return str(path)


def load_fragments(folder: Path, layers: Sequence[Path] = ()) -> dict[str, str]:
    """Named pattern pieces: word lists become alternations (longest first), patterns stay as written.
    A layer's word list adds its words to ours of the same name; a layer's pattern replaces ours."""
    lists: dict[str, set[str]] = {}
    for lexicon in (d / "lexicon" for d in (folder, *layers)):
        for path in sorted(lexicon.glob("*.txt")):
            lists.setdefault(path.stem, set()).update(words_of(read_rule_text(path)))
    fragments = {name: word_alternation(found) for name, found in sorted(lists.items())}
    for frag_file in (d / "lexicon" / "fragments.toml" for d in (folder, *layers)):
        if not frag_file.exists():
            continue
        data, _ = _load_toml(frag_file)
        table = data.get("fragments", {})
        if not isinstance(table, dict):
            raise RuleError(f"{_rel(frag_file)}: `fragments` must be a table of named patterns.")
        for name, pattern in table.items():
            if not isinstance(pattern, str):
                raise RuleError(
                    f"{_rel(frag_file)}: fragment `{name}` must be a string (a pattern), not "
                    f"{_type_name(pattern)} {pattern!r}."
                )
            if name in lists:
                raise RuleError(
                    f"{_rel(frag_file)}: fragment {{{name}}} is also a word list {name}.txt. Rename one."
                )
            fragments[name] = str(pattern)
    return fragments


def word_alternation(found: set[str]) -> str:
    """A word list as a pattern: the alternation of its words, longest first, behind a lookahead for
    their first characters. The lookahead changes no match (every word begins with one of them), but
    `regex` tries a whole alternation at every position it reaches, and a class of characters fails
    at once: where a list is tried at many positions (`(?![^\n]*{page_furniture})`), it is several
    times faster."""
    ordered = longest_first(found)
    alternation = "(?:" + "|".join(regex.escape(w) for w in ordered) + ")"
    if not ordered or not all(ordered):
        return alternation  # an empty word matches anywhere: no guard
    firsts = sorted({w[0] for w in ordered})
    return "(?=[" + "".join(regex.escape(c) for c in firsts) + "])" + alternation


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
}
_RULE_KEYS = set(_RULE_TYPES)
_FIELD_TYPES: dict[str, tuple[type, str]] = {
    "name": (str, "a string"),
    "kind": (str, "'scalar' or 'list'"),
    "resolver": (str, "a string (a resolver's name)"),
    "order": (int, "a whole number"),
}
DEFAULT_READS = ("value",)  # the groups a resolver reads, unless it says otherwise


def _type_name(value: object) -> str:
    """The TOML name of a value's type, for messages."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number with a fraction"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


def _is(value: object, kind: type) -> bool:
    """isinstance, but a boolean is no whole number."""
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


@dataclass(frozen=True)
class _At:
    """One table of a rule file, for messages that name file, line, rule and key."""

    lines: _Lines
    header: int | None  # the line of the table's header
    label: str  # "rule venue.at", "[field]"

    def error(self, key: str | None, what: str) -> RuleError:
        line = self.header if key is None else self.lines.key(key, self.header)
        named = f" `{key}`:" if key else ""
        return RuleError(f"{self.lines.where(line)}: {self.label}:{named} {what}")

    def check_types(self, table: dict[str, Any], types: dict[str, tuple[type, str]]) -> None:
        for key, (kind, expected) in types.items():
            if key in table and not _is(table[key], kind):
                value = table[key]
                raise self.error(key, f"must be {expected}, not {_type_name(value)} {value!r}.")


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


def _compile_rule(
    entry: dict[str, Any],
    spec: FieldSpec,
    lines: _Lines,
    header: int | None,
    fragments: dict[str, str],
    finders: set[str],
    reads: Collection[str],
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
    compiled = None
    if "pattern" in entry:
        source = expand(entry["pattern"], fragments, where)
        try:
            compiled = compile_pattern(source, regex.MULTILINE)
        except regex.error as e:
            raise at.error("pattern", f"the pattern does not compile ({e}). Correct it.") from e
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
    )


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
            for i, entry in enumerate(entries):
                header = lines.rule(i)
                if not isinstance(entry, dict):
                    raise RuleError(f"{lines.where(header)}: each rule must be a [[rule]] table.")
                rule = _compile_rule(entry, spec, lines, header, fragments, finders, reads)
                if rule.id in seen:
                    raise RuleError(
                        f"{lines.where(header)}: rule id {rule.id} is already used at {seen[rule.id]}. Ids are unique."
                    )
                seen[rule.id] = lines.where(header)
                placed[rule.id] = (rule, lines, header)
    save_compiled()  # the patterns compiled here, for the next start (extract/rules_engine/compiled.py)
    check_backtracking([rule for rs in rules.values() for rule, _, _ in rs.values()])
    if examples is not None and run_examples:  # after the probes: a backtracking pattern would hang
        for rs in rules.values():
            for rule, lines, header in rs.values():
                for error in examples(rule, lines, header):
                    raise error
        backtrack.remember([checked], EXAMPLES_PASSED)
    fields = sorted(specs.values(), key=lambda s: (s.order, s.name))
    compiled = {name: tuple(rule for rule, _, _ in rs.values()) for name, rs in rules.items()}
    return RuleSet(fields=tuple(fields), rules=compiled, fragments=fragments)


def field_line(lines: _Lines) -> int | None:
    """The line of the file's [field] header."""
    return next((i for i, line in enumerate(lines.lines, 1) if line.strip() == "[field]"), None)


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
