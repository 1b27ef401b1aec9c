"""Shared fixtures: one pipeline per test session (loading the gazetteer is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictlens import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


@pytest.fixture(scope="session")
def seed_article() -> Path:
    path = SHARED / "seed" / "000_94040082d2bc69bd.txt"
    if not path.exists():
        pytest.skip(f"{path} is not here: the seed ships in shared/, beside the repository")
    return path
