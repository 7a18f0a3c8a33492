"""`bench/bench.py --floor` (bench/floor.py, bench/capture.py): its capture records the pipeline's
compiled calls without changing a record, and what it reports adds up. No timing is asserted."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import regex

from .conftest import ROOT


def _bench(name: str) -> ModuleType:
    """bench/<name>.py imported as the module `name` (it puts bench/ on the path for `bench`)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_a_pattern_proxy_is_its_pattern_to_the_engine_and_records_only_when_on() -> None:
    capture = _bench("capture")
    real = regex.compile(r"(?P<n>\d+)")
    proxy = capture.PatternProxy(real, 0)
    assert isinstance(proxy, regex.Pattern) and not isinstance(proxy, re.Pattern)
    assert proxy == real and hash(proxy) == hash(real)
    assert proxy.groupindex == {"n": 1}
    before = len(capture.REC.calls)
    assert [m.group() for m in proxy.finditer("a1b22")] == ["1", "22"]
    assert len(capture.REC.calls) == before
    capture.REC.on = True
    try:
        drawn = proxy.finditer("a1b22c333")
        assert next(drawn).group() == "1"
        assert proxy.sub(lambda m: "#", "x9") == "x#"
    finally:
        capture.REC.on = False
    iterating, sub = capture.REC.calls[before:]
    assert iterating[1:5] == ["finditer", ("a1b22c333",), {}, 1]  # one match drawn of three
    assert sub[1:3] == ["sub_fn", ("x9",)]  # the function replays as methodcaller("group")
    assert capture.REC.sites and iterating[5] == sub[5]  # both asked by this test
    del capture.REC.calls[before:]


def test_the_floor_over_a_tiny_corpus(tmp_path: Path) -> None:
    floor, capture = _bench("floor"), _bench("capture")
    result = floor.measure(0.03, 1, tmp_path)
    check = result["check"]
    # The capture changes no record, and sees every call cProfile counts.
    assert check["records_identical"] and check["record_files"] == result["articles"] + 1
    assert check["recorded"] == check["cprofile"]
    assert check["recorded"]["rjieba.tag"] > 0 and check["recorded"]["re.search"] > 0
    assert check["sites"]["re extract.rules_engine.prefilter:holds"] > 0
    assert check["sites"]["regex extract.rules_engine.clean:boilerplate_spans"] > 0
    shares = [k["share"] for k in result["by_kind"].values()]
    assert all(0 <= s <= 1 for s in shares) and 0 < result["compiled_share"] < 1
    assert abs(sum(shares) - result["compiled_share"]) < 1e-9
    # This process ran the pipeline and the replay, never a proxy: a normal run pays nothing.
    assert not isinstance(regex._main._regex, capture._CModule)  # type: ignore[attr-defined]
    assert not isinstance(re._compiler._sre, capture._CModule)  # type: ignore[attr-defined]
