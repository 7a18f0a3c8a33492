"""Read a file under rules/ and say where in it a key stands, for RuleErrors that name file and line."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from extract.base.rules_dir import RULES_DIR
from extract.rules_engine.rule_types import RuleError


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


def field_line(lines: _Lines) -> int | None:
    """The line of the file's [field] header."""
    return next((i for i, line in enumerate(lines.lines, 1) if line.strip() == "[field]"), None)
