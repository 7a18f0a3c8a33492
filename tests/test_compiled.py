"""Patterns built from the cache of compiled patterns (extract/rules_engine/compiled.py) are those regex compiles."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from extract.rules_engine import compiled
from extract.rules_engine.cache_folder import Entries

PATTERNS = [
    r"(?<=[。\n]|^)(?P<value>\p{Han}{2,8}?)(?:举行|召开)",
    r"(?P<a>\d{1,2})月(?P<b>\d{1,2})[日号](?!\d)",
    r"^[ \t]*(?:[^\n]{0,30}?——)?(?>[^\n\p{Han}]*\p{Han}){3}$",
]
TEXT = "6月25日,某区召开会议。\n峰会在某地举行\n标题——某某某某\n12月3号"


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(compiled, "CACHE", Entries(compiled.CACHE_FILE, compiled._VERSION))
    monkeypatch.setattr(compiled, "_built", {})
    return tmp_path / "extract" / compiled.CACHE_FILE


def _matches(p: regex.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in p.finditer(TEXT, timeout=2.0)]


def test_a_pattern_from_the_cache_is_the_one_regex_compiles(fresh_cache: Path) -> None:
    for source in PATTERNS:
        compiled.compile_pattern(source, regex.MULTILINE)
    compiled.save()
    assert fresh_cache.is_file()
    compiled._built.clear()  # as in a new process: built from the file
    compiled.CACHE.on_disk = None
    for source in PATTERNS:
        cached = compiled.compile_pattern(source, regex.MULTILINE)
        fresh = regex.compile(source, regex.MULTILINE)
        assert cached.pattern == source
        assert (cached.flags, cached.groupindex, cached.groups) == (
            fresh.flags,
            fresh.groupindex,
            fresh.groups,
        )
        assert _matches(cached) == _matches(fresh)
    assert compiled.CACHE.made == {}  # nothing compiled again


def test_a_damaged_or_foreign_cache_only_costs_the_compilation(fresh_cache: Path) -> None:
    fresh_cache.parent.mkdir(parents=True)
    for content in ("{not json", '{"version": "regex 0.0", "entries": {}}', ""):
        fresh_cache.write_text(content, encoding="utf-8")
        compiled.CACHE.on_disk, compiled._built = None, {}
        p = compiled.compile_pattern(PATTERNS[1])
        assert _matches(p) == _matches(regex.compile(PATTERNS[1]))
    # A damaged entry is never built (the C engine would take any code): it is compiled afresh.
    compiled.CACHE.on_disk, compiled._built = {}, {}
    compiled.compile_pattern(PATTERNS[0])
    key = compiled._key(PATTERNS[0], 0)
    entry = compiled.CACHE.made[key]
    good = _matches(regex.compile(PATTERNS[0]))
    for damaged in ([*entry[:1], [1, 2, 3], *entry[2:]], entry[:8], [*entry[:8], "0" * 32]):
        compiled.CACHE.on_disk, compiled._built = {key: damaged}, {}
        assert _matches(compiled.compile_pattern(PATTERNS[0])) == good
