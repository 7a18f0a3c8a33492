"""Shared fixtures: the project's sample and dev articles, run once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from extract.runner import extract_paths

    out = tmp_path_factory.mktemp("seeds")
    extract_paths([SEEDS / "articles"], out)
    return out


@pytest.fixture(scope="session")
def dev_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from extract.runner import extract_paths

    out = tmp_path_factory.mktemp("dev")
    extract_paths([SEEDS / "dev" / "articles"], out)
    return out
