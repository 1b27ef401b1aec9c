"""Analysing a store: counts per period and group, window comparisons, watch rules.

>>> from conflictlens.analysis import RecordFilter, TrendQuery, run_trends
>>> query = TrendQuery(RecordFilter(actor2=("Military Forces of the United States",),
...                                 country=("Iraq", "Syria")), compare_weeks=3)
>>> report = run_trends("events.db", query)  # doctest: +SKIP
"""

from conflictlens.analysis.alerts import Alert, AlertReport, evaluate_rules, run_alerts
from conflictlens.analysis.filters import FILTER_FIELDS, RecordFilter
from conflictlens.analysis.periods import INTERVALS, Interval, Period
from conflictlens.analysis.rules import Rule, RuleError, example_rules_path, load_rules
from conflictlens.analysis.source import load_records
from conflictlens.analysis.trend_report import TrendQuery, TrendReport, run_trends
from conflictlens.analysis.trends import (
    GROUP_FIELDS,
    Comparison,
    Series,
    SeriesPoint,
    Tally,
    WindowChange,
    compare_windows,
    count_series,
    default_until,
)

__all__ = [
    "FILTER_FIELDS",
    "GROUP_FIELDS",
    "INTERVALS",
    "Alert",
    "AlertReport",
    "Comparison",
    "Interval",
    "Period",
    "RecordFilter",
    "Rule",
    "RuleError",
    "Series",
    "SeriesPoint",
    "Tally",
    "TrendQuery",
    "TrendReport",
    "WindowChange",
    "compare_windows",
    "count_series",
    "default_until",
    "evaluate_rules",
    "example_rules_path",
    "load_records",
    "load_rules",
    "run_alerts",
    "run_trends",
]
