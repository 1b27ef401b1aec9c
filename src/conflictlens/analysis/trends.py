"""Counting events and fatalities per period, per group, and comparing two windows.

Every number comes with the ids of the events behind it. Which events a period holds follows
``periods``: an event counts in a period only when its whole date range lies inside it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from conflictlens.analysis.fields import Record, date_range, event_id, integer, text
from conflictlens.analysis.periods import (
    Interval,
    Period,
    period_of,
    periods_between,
    week_end,
    window_before,
    window_ending,
)

__all__ = [
    "GROUP_FIELDS",
    "Comparison",
    "Series",
    "SeriesPoint",
    "Tally",
    "WindowChange",
    "compare_windows",
    "count_series",
    "default_until",
    "group_value",
]

GROUP_FIELDS = (
    "country",
    "admin1",
    "location",
    "actor1",
    "actor2",
    "event_type",
    "sub_event_type",
    "weapon",
    "claim_status",
)
"""The fields events may be grouped by."""


@dataclass(frozen=True, slots=True)
class Tally:
    """How many events, their stated fatalities (unstated ones count 0), and which events."""

    events: int
    fatalities: int
    event_ids: tuple[str, ...]

    @classmethod
    def of(cls, records: Iterable[Record]) -> Tally:
        chosen = list(records)
        deaths = sum(integer(record, "fatalities") or 0 for record in chosen)
        return cls(len(chosen), deaths, tuple(event_id(record) for record in chosen))

    def to_json(self) -> dict[str, object]:
        return {
            "events": self.events,
            "fatalities": self.fatalities,
            "event_ids": list(self.event_ids),
        }


def group_value(record: Record, by: str | None) -> str | None:
    """The record's value of the grouping field (None when not grouping or unknown)."""
    if by is None:
        return None
    if by not in GROUP_FIELDS:
        raise ValueError(f"cannot group by {by!r}; use one of {', '.join(GROUP_FIELDS)}")
    return text(record, by)


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    period: Period
    group: str | None
    tally: Tally

    def to_json(self, interval: Interval) -> dict[str, object]:
        return {
            "period": self.period.label(interval),
            **self.period.to_json(),
            "group": self.group,
            **self.tally.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Series:
    """Counts per period (every period from the first to the last, zeros included) and group."""

    interval: Interval
    by: str | None
    points: tuple[SeriesPoint, ...]
    unplaced: tuple[str, ...]
    """Ids of events with no date, or whose date spans more than one period."""

    def to_json(self) -> dict[str, object]:
        return {
            "interval": self.interval,
            "by": self.by,
            "points": [point.to_json(self.interval) for point in self.points],
            "unplaced": list(self.unplaced),
        }


def count_series(records: Sequence[Record], interval: Interval, by: str | None = None) -> Series:
    """Events and fatalities per ``interval``, per value of ``by`` when given."""
    cells: dict[tuple[Period, str | None], list[Record]] = defaultdict(list)
    unplaced: list[str] = []
    for record in records:
        span = date_range(record)
        period = period_of(span[0], interval) if span else None
        if span is None or period is None or not period.holds(*span):
            unplaced.append(event_id(record))
            continue
        cells[(period, group_value(record, by))].append(record)
    points: list[SeriesPoint] = []
    if cells:
        starts = [period.start for period, _group in cells]
        groups = sorted({group for _period, group in cells}, key=_group_order)
        for period in periods_between(min(starts), max(starts), interval):
            points += [SeriesPoint(period, g, Tally.of(cells.get((period, g), []))) for g in groups]
    return Series(interval, by, tuple(points), tuple(unplaced))


@dataclass(frozen=True, slots=True)
class WindowChange:
    """One group's tallies in the previous and the current window."""

    group: str | None
    previous: Tally
    current: Tally

    @property
    def change(self) -> int:
        return self.current.events - self.previous.events

    @property
    def percent(self) -> float | None:
        """The change in percent of the previous count; None when the previous count is 0."""
        if self.previous.events == 0:
            return None
        return round(100 * self.change / self.previous.events, 1)

    @property
    def fatalities_change(self) -> int:
        return self.current.fatalities - self.previous.fatalities

    def to_json(self) -> dict[str, object]:
        return {
            "group": self.group,
            "previous": self.previous.to_json(),
            "current": self.current.to_json(),
            "change": self.change,
            "percent": self.percent,
            "fatalities_change": self.fatalities_change,
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """The current window against the previous one of the same length."""

    previous: Period
    current: Period
    by: str | None
    total: WindowChange
    groups: tuple[WindowChange, ...]
    outside: tuple[str, ...]
    """Ids of events whose date reaches into the two windows but lies wholly in neither (a month,
    a week across the boundary): counted in neither, listed so that nothing vanishes unseen."""

    def to_json(self) -> dict[str, object]:
        return {
            "previous_window": self.previous.to_json(),
            "current_window": self.current.to_json(),
            "by": self.by,
            "total": self.total.to_json(),
            "groups": [group.to_json() for group in self.groups],
            "outside": list(self.outside),
        }


def compare_windows(
    records: Sequence[Record], until: dt.date, days: int, by: str | None = None
) -> Comparison:
    """The ``days`` days ending on ``until`` against the ``days`` days before them."""
    current = window_ending(until, days)
    previous = window_before(current)
    held: dict[str, list[Record]] = {"previous": [], "current": []}
    outside: list[str] = []
    for record in records:
        span = date_range(record)
        if span is None or not Period(previous.start, current.end).overlaps(*span):
            continue
        name = "current" if current.holds(*span) else "previous" if previous.holds(*span) else None
        if name is None:
            outside.append(event_id(record))
        else:
            held[name].append(record)
    total = WindowChange(None, Tally.of(held["previous"]), Tally.of(held["current"]))
    groups = _group_changes(held, by) if by else ()
    return Comparison(previous, current, by, total, groups, tuple(outside))


def _group_changes(held: dict[str, list[Record]], by: str) -> tuple[WindowChange, ...]:
    split: dict[str, dict[str | None, list[Record]]] = {
        name: defaultdict(list) for name in ("previous", "current")
    }
    for name, records in held.items():
        for record in records:
            split[name][group_value(record, by)].append(record)
    groups = sorted({*split["previous"], *split["current"]}, key=_group_order)
    changes = [
        WindowChange(g, Tally.of(split["previous"][g]), Tally.of(split["current"][g]))
        for g in groups
    ]
    return tuple(sorted(changes, key=lambda c: (-c.current.events, -c.previous.events)))


def default_until(records: Iterable[Record]) -> dt.date | None:
    """The Sunday ending the week of the latest event known to the day or the week.

    Events known only to the month do not move it: their month's last day would put the
    windows' end weeks after anything that was reported.
    """
    days = [
        span[0]
        for record in records
        if (span := date_range(record)) is not None and (span[1] - span[0]).days <= 6
    ]
    return week_end(max(days)) if days else None


def _group_order(group: str | None) -> tuple[bool, str]:
    return (group is None, group or "")
