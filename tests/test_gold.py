"""Regression against the gold sets: macro F1 floors and per-field floors from tests/baseline.json.

Raising a floor is a commit of its own; a rule change that drops a field below its floor fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.review.score import score_paths

from .conftest import ROOT, SEEDS

BASELINE = json.loads((ROOT / "tests" / "baseline.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_scores_hold_their_floors(name: str, seed_records: Path, dev_records: Path) -> None:
    gold = SEEDS / "gold" if name == "seeds" else SEEDS / "dev" / "gold"
    result = score_paths(gold, seed_records if name == "seeds" else dev_records)
    floors = BASELINE[name]
    assert result.macro_f1 >= floors["macro_f1"], (
        f"{name}: macro F1 {result.macro_f1:.3f} < {floors['macro_f1']}"
    )
    low = {
        field: round(t.prf()[2], 3)
        for field, t in result.tallies.items()
        if t.counted and t.prf()[2] < floors["fields"].get(field, 0.0)
    }
    assert not low, f"{name}: fields below their floor {low} (floors {floors['fields']})"


def test_every_record_written(seed_records: Path, dev_records: Path) -> None:
    for out, articles in ((seed_records, SEEDS / "articles"), (dev_records, SEEDS / "dev" / "articles")):
        stems = {p.stem for p in articles.glob("*.txt")}
        assert {p.stem for p in out.glob("*.json")} == stems
        lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(stems)


REFERENCE = ROOT.parent / "shared" / "tools" / "score.py"


@pytest.mark.skipif(
    not REFERENCE.exists(), reason="the reference scorer (../shared/tools/score.py) is not here"
)
def test_eval_agrees_with_reference_scorer(seed_records: Path, dev_records: Path) -> None:
    import subprocess
    import sys

    for gold, out in ((SEEDS / "gold", seed_records), (SEEDS / "dev" / "gold", dev_records)):
        ref = json.loads(
            subprocess.run(
                [sys.executable, str(REFERENCE), str(gold), str(out), "--json"],
                capture_output=True,
                check=True,
            ).stdout
        )
        ours = score_paths(gold, out).as_dict()
        assert round(ours["macro_f1"], 3) == round(ref["macro_f1"], 3)
        assert round(ours["micro_f1"], 3) == round(ref["micro_f1"], 3)
        for field, row in ref["fields"].items():
            assert {k: ours["fields"][field][k] for k in ("tp", "fp", "fn")} == {
                k: row[k] for k in ("tp", "fp", "fn")
            }
