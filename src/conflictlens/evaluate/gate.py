"""The evaluation gate: pinned floors that a report's metrics must not fall below.

A floors file is YAML mapping metric names (see :meth:`EvalReport.metrics`) to minimums; nested
mappings join their keys with dots, so these two files say the same::

    events.f1: 0.80              events:
    fields.actor1: 0.70            f1: 0.80
                                 fields:
                                   actor1: 0.70
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from conflictlens.errors import EvalError
from conflictlens.evaluate.report import EvalReport

__all__ = ["check_floors", "load_floors"]

_TOLERANCE = 1e-9
"""A value equal to its floor passes even when computed with rounding error."""


def load_floors(path: Path) -> dict[str, float]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise EvalError(f"{path}: cannot read the floors file ({exc})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise EvalError(f"{path}: a floors file maps metric names to minimums")
    return _flatten(data, "", path)


def _flatten(data: dict[Any, Any], prefix: str, path: Path) -> dict[str, float]:
    floors: dict[str, float] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            floors |= _flatten(value, f"{name}.", path)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            floors[name] = float(value)
        else:
            raise EvalError(f"{path}: floor of {name} must be a number, not {value!r}")
    return floors


def check_floors(report: EvalReport, floors_path: Path) -> list[str]:
    """One message per metric below its floor, or missing from ``report``; empty when all pass."""
    metrics = report.metrics()
    failures: list[str] = []
    for name, floor in load_floors(floors_path).items():
        value = metrics.get(name)
        if value is None:
            failures.append(f"{name}: no value in the {report.name} report (floor {floor:.3f})")
        elif value < floor - _TOLERANCE:
            failures.append(f"{name}: {value:.3f} is below its floor {floor:.3f}")
    return failures
