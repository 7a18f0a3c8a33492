"""Patterns of `re` built from the cache folder (extract/rules_engine/re_compiled.py) are those `re`
compiles; a damaged, foreign or stale cache only costs the compilation."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from extract.rules_engine import re_compiled
from extract.rules_engine.cache_folder import Entries, _checksum, pack_code, unpack_code

PATTERNS = [
    (r"(?P<value>某[区县])(?:委|政府)", 0),
    (r"^[ \t]*(?:来源|编辑)[::]", re.MULTILINE),
    ("|".join(["党群服务中心", "服务站", "活动室"]), 0),
]
TEXT = "某区委召开会议。\n来源:某报\n某县政府在服务站和活动室\n编辑:某某"


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(re_compiled, "CACHE", Entries(re_compiled.CACHE_FILE, re_compiled._VERSION))
    return tmp_path / "extract" / re_compiled.CACHE_FILE


def _matches(p: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in p.finditer(TEXT)]


def test_code_packs_and_unpacks_as_it_was() -> None:
    code = [0, 1, 17, 65535, 2**32 - 1]
    packed = pack_code(code)
    assert packed is not None and unpack_code(packed) == code
    assert pack_code([2**32]) is None and pack_code([-1]) is None  # kept only as 32 bits


def test_a_pattern_from_the_cache_is_the_one_re_compiles(fresh_cache: Path) -> None:
    for source, flags in PATTERNS:
        re_compiled.compile_re(source, flags)
    re_compiled.save()
    assert fresh_cache.is_file()
    re_compiled.CACHE.on_disk = None  # as in a new process: read from the file
    for source, flags in PATTERNS:
        cached = re_compiled.compile_re(source, flags)
        fresh = re.compile(source, flags)
        assert cached is not fresh  # built from the entry, not taken from `re`'s own cache
        assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
            fresh.pattern,
            fresh.flags,
            fresh.groups,
            fresh.groupindex,
        )
        assert _matches(cached) == _matches(fresh)
    assert re_compiled.CACHE.made == {}  # nothing compiled again


def test_a_pattern_re_refuses_raises_as_re_does(fresh_cache: Path) -> None:
    with pytest.raises(re.error):
        re_compiled.compile_re(r"(?<=某\w+)区")
    assert re_compiled.CACHE.made == {}


def test_a_damaged_foreign_or_stale_cache_only_costs_the_compilation(fresh_cache: Path) -> None:
    source, flags = PATTERNS[0]
    good = _matches(re.compile(source, flags))
    fresh_cache.parent.mkdir(parents=True)
    stale = '{"version": "python 3.0 code base64 u32 little", "entries": {}}'  # an older format
    for content in ("{not json", stale, ""):
        fresh_cache.write_text(content, encoding="utf-8")
        re_compiled.CACHE.on_disk, re_compiled.CACHE.made = None, {}
        assert _matches(re_compiled.compile_re(source, flags)) == good
        assert re_compiled.CACHE.made  # compiled afresh, to be written over the file
    key = re_compiled._key(source, flags)
    entry = re_compiled.CACHE.made[key]
    packed = entry[1]
    other = pack_code([1, 2, 3])
    assert other is not None
    body = [entry[0], other, *entry[2:-1]]
    # An entry whose checksum fails, or that does not build, is never used: it is compiled afresh.
    for damaged in (
        [entry[0], packed[:-4] + "AAA=", *entry[2:]],  # a flipped letter: the checksum fails
        [*body, _checksum(key, body)],  # a sound checksum over code that does not build
        entry[:3],
    ):
        re_compiled.CACHE.on_disk, re_compiled.CACHE.made = {key: damaged}, {}
        assert _matches(re_compiled.compile_re(source, flags)) == good


def test_patterns_made_from_word_sets_are_the_same_in_every_process() -> None:
    """A pattern whose text changed with the process (the order of a set) would never be found in the
    cache, and would add an entry at every start."""
    code = (
        "from extract.rules_engine.clean import clean_rules; from extract.resolve.people import "
        "_post_name_joined; import hashlib; print(hashlib.sha256((clean_rules().tail_headers.pattern"
        " + _post_name_joined().pattern).encode()).hexdigest())"
    )
    texts = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(texts) == 1
