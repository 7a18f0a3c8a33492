"""Shared fixtures: the project's sample and dev articles, run once per session; and the
property tests' profile: random examples locally, a fixed seed in CI (`CI` set), so that CI
cannot go red by chance. `HYPOTHESIS_PROFILE=ci` gives CI's examples locally."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("local")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "local"))

if TYPE_CHECKING:
    from extract.rules_engine.document import Document
    from extract.rules_engine.rule_types import Rule

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from extract.running.runner import extract_paths

    out = tmp_path_factory.mktemp("seeds")
    extract_paths([SEEDS / "articles"], out)
    return out


@pytest.fixture(scope="session")
def dev_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from extract.running.runner import extract_paths

    out = tmp_path_factory.mktemp("dev")
    extract_paths([SEEDS / "dev" / "articles"], out)
    return out


@pytest.fixture(scope="session")
def corpus_documents() -> list[Document]:
    """The sample, dev and wild articles, as the rules see them."""
    from extract.reading.read import SUFFIXES, read_file
    from extract.running.pipeline import prepare

    folders = [SEEDS / "articles", SEEDS / "dev" / "articles", SEEDS / "wild" / "articles"]
    paths = [p for folder in folders for p in sorted(folder.iterdir()) if p.suffix in SUFFIXES]
    docs = [prepare(a) for p in paths for a in read_file(p).articles]
    assert len(docs) > 200
    return docs


@pytest.fixture
def rules_run(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the rules the engine comes to during the test, in order, one entry per rule
    reached (whether or not its text holds the words its pattern needs, engine.may_match)."""
    from extract.rules_engine import engine

    ran: list[str] = []
    real = engine.may_match

    def counting(rule: Rule, doc: Document) -> bool:
        ran.append(rule.id)
        return real(rule, doc)

    monkeypatch.setattr(engine, "may_match", counting)
    return ran
