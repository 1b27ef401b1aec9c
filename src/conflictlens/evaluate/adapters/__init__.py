"""Adapters that turn the shared gold sets into benchmarks, by name."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from conflictlens.evaluate.adapters.acled import load_acled, load_acled_legacy
from conflictlens.evaluate.adapters.case2021 import load_case2021
from conflictlens.evaluate.adapters.gtd import load_gtd
from conflictlens.evaluate.benchmark import Benchmark

__all__ = ["ADAPTERS", "load_acled", "load_acled_legacy", "load_case2021", "load_gtd"]

ADAPTERS: Mapping[str, Callable[[Path], Benchmark]] = {
    "acled": load_acled,
    "acled-legacy": load_acled_legacy,
    "gtd": load_gtd,
    "case2021": load_case2021,
}
"""Benchmark name -> the function reading its file into a :class:`Benchmark`."""
