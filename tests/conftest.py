"""Shared fixtures: one pipeline per test session (loading the gazetteer is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictlens import Pipeline
from conflictlens.geo import Geocoder

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


@pytest.fixture(scope="session")
def geo_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Shared by pytest-xdist workers (their temp folders have one parent); the build lock makes
    # one worker build while the others wait and then read its file.
    return tmp_path_factory.getbasetemp().parent / "geo-cache"


@pytest.fixture(scope="session")
def geocoder(geo_cache: Path) -> Geocoder:
    """The geocoder alone, its index cached in ``geo_cache`` (built once per run)."""
    return Geocoder.load(cache_dir=geo_cache)
