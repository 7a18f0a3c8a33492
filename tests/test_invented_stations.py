"""Stations and venues on invented articles: short local news written for the ways a text names
where an event was and which service stations it opens or describes (generic mentions of a kind,
verbs glued to a name, a venue followed by its co-holder, stations listed with their addresses,
a station named only in the headline …). Every name, place and body in them is invented; the gold
(tests/data/invented/stations/gold) was written before the pipeline ran on them and holds only
the fields scored here. Each field keeps the F1 it reached."""

from __future__ import annotations

import pytest

from extract.review.score import Score, score_paths
from extract.running.runner import extract_paths

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "invented" / "stations"
FLOORS = {"venue": 1.0, "stations": 0.98, "stations.address": 1.0}


@pytest.fixture(scope="module")
def invented_score(tmp_path_factory: pytest.TempPathFactory) -> Score:
    out = tmp_path_factory.mktemp("invented_stations")
    extract_paths([DATA / "articles"], out)
    return score_paths(DATA / "gold", out)


def test_every_article_has_its_gold() -> None:
    articles = {p.stem for p in (DATA / "articles").glob("*.txt")}
    assert len(articles) >= 40
    assert {p.stem for p in (DATA / "gold").glob("*.json")} == articles


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_holds_its_floor(field: str, invented_score: Score) -> None:
    f1 = invented_score.tallies[field].prf()[2]
    errors = [str(e) for e in invented_score.errors if e.field.split("[")[0] == field.split(".")[0]]
    assert f1 >= FLOORS[field], f"{field}: F1 {f1:.3f} < {FLOORS[field]}\n" + "\n".join(errors)
