"""The ``trends`` job: read a store, count a series or compare two windows, print either."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from conflictlens.analysis.filters import RecordFilter
from conflictlens.analysis.periods import Interval
from conflictlens.analysis.source import load_records
from conflictlens.analysis.trends import (
    Comparison,
    Series,
    WindowChange,
    compare_windows,
    count_series,
    default_until,
)

__all__ = ["TrendQuery", "TrendReport", "run_trends"]


@dataclass(frozen=True, slots=True)
class TrendQuery:
    record_filter: RecordFilter = field(default_factory=RecordFilter)
    by: str | None = None
    interval: Interval = "week"
    compare_weeks: int | None = None
    """Compare the last N weeks with the N weeks before instead of listing a series."""
    until: dt.date | None = None
    """The last day of the current window; by default the Sunday ending the latest event's week."""
    merged: bool = False
    """Count real-world events (reports merged across documents) instead of reports."""


@dataclass(frozen=True, slots=True)
class TrendReport:
    query: TrendQuery
    series: Series | None = None
    comparison: Comparison | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "filter": self.query.record_filter.to_json(),
            "series": self.series.to_json() if self.series else None,
            "comparison": self.comparison.to_json() if self.comparison else None,
        }

    def lines(self) -> list[str]:
        """A plain-text table for the terminal."""
        heading = f"events: {self.query.record_filter.describe()}"
        if self.comparison is not None:
            return [heading, *_comparison_lines(self.comparison)]
        if self.series is not None:
            return [heading, *_series_lines(self.series)]
        return [heading, "no dated event"]


def run_trends(db: str | Path, query: TrendQuery) -> TrendReport:
    """Count the stored events that pass the query's filter, as a series or a comparison."""
    records = load_records(db, query.record_filter, merged=query.merged)
    if query.compare_weeks is None:
        return TrendReport(query, series=count_series(records, query.interval, query.by))
    if query.compare_weeks < 1:
        raise ValueError(f"compare at least 1 week, not {query.compare_weeks}")
    until = query.until or default_until(records)
    if until is None:
        return TrendReport(query)
    comparison = compare_windows(records, until, 7 * query.compare_weeks, query.by)
    return TrendReport(query, comparison=comparison)


def _comparison_lines(comparison: Comparison) -> list[str]:
    previous, current = comparison.previous, comparison.current
    lines = [
        f"previous window: {previous.start} to {previous.end} ({previous.days} days)",
        f"current window:  {current.start} to {current.end} ({current.days} days)",
        "",
        f"{'group':<40}  {'previous':>8}  {'current':>7}  {'change':>6}  {'%':>7}  {'deaths':>11}",
    ]
    lines += [_change_row(change, change.group or "(none)") for change in comparison.groups]
    lines.append(_change_row(comparison.total, "all"))
    lines += ["", f"current window events: {', '.join(comparison.total.current.event_ids) or '-'}"]
    lines.append(f"previous window events: {', '.join(comparison.total.previous.event_ids) or '-'}")
    if comparison.outside:
        lines.append(f"in neither window (date spans both): {', '.join(comparison.outside)}")
    return lines


def _change_row(change: WindowChange, name: str) -> str:
    percent = "n/a" if change.percent is None else f"{change.percent:+.1f}"
    deaths = f"{change.previous.fatalities}->{change.current.fatalities}"
    return (
        f"{_cut(name, 40):<40}  {change.previous.events:>8}  {change.current.events:>7}  "
        f"{change.change:>+6}  {percent:>7}  {deaths:>11}"
    )


def _series_lines(series: Series) -> list[str]:
    lines = [f"{'period':<10}  {'group':<40}  {'events':>6}  {'deaths':>6}"]
    for point in series.points:
        group = "all" if series.by is None else point.group or "(none)"
        lines.append(
            f"{point.period.label(series.interval):<10}  {_cut(group, 40):<40}  "
            f"{point.tally.events:>6}  {point.tally.fatalities:>6}"
        )
    if series.unplaced:
        lines.append(f"not placed in one {series.interval}: {', '.join(series.unplaced)}")
    return lines


def _cut(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"
