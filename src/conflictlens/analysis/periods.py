"""Calendar periods: days, ISO weeks (Monday to Sunday), months, and windows of whole days.

An event counts in a period only when every day its date may mean lies inside the period: an
event known to the day always does; one known only to the month counts in that month, and in a
week or a window only if the month lies wholly inside it (so practically never); one known to the
week (ACLED's time_precision 2: the seven days from its date) counts in a week when the seven days
are that week. Events that fit in no period are reported apart, never guessed into one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, get_args

__all__ = [
    "INTERVALS",
    "Interval",
    "Period",
    "period_of",
    "periods_between",
    "week_end",
    "window_before",
    "window_ending",
]

Interval = Literal["day", "week", "month"]
INTERVALS: tuple[Interval, ...] = get_args(Interval)


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """The days from ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def holds(self, first: dt.date, last: dt.date) -> bool:
        """True when every day from ``first`` to ``last`` lies inside the period."""
        return self.start <= first and last <= self.end

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        return first <= self.end and self.start <= last

    def label(self, interval: Interval | None = None) -> str:
        """``2023-11`` for a month, ``2023-11-13`` for a day or a week, else ``start..end``."""
        if interval == "month":
            return self.start.isoformat()[:7]
        if interval in ("day", "week"):
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def to_json(self) -> dict[str, object]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "days": self.days}


def week_end(day: dt.date) -> dt.date:
    """The Sunday that ends ``day``'s ISO week."""
    return day + dt.timedelta(days=6 - day.weekday())


def period_of(day: dt.date, interval: Interval) -> Period:
    """The day, ISO week or month that holds ``day``."""
    if interval == "day":
        return Period(day, day)
    if interval == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return Period(monday, monday + dt.timedelta(days=6))
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return Period(first, following - dt.timedelta(days=1))


def periods_between(first: dt.date, last: dt.date, interval: Interval) -> list[Period]:
    """Every period of ``interval`` from the one holding ``first`` to the one holding ``last``."""
    periods: list[Period] = []
    current = period_of(first, interval)
    while current.start <= last:
        periods.append(current)
        current = period_of(current.end + dt.timedelta(days=1), interval)
    return periods


def window_ending(until: dt.date, days: int) -> Period:
    """The ``days`` days that end on ``until``."""
    if days < 1:
        raise ValueError(f"a window lasts one day or more, not {days}")
    return Period(until - dt.timedelta(days=days - 1), until)


def window_before(window: Period) -> Period:
    """The window of the same length just before ``window``."""
    return window_ending(window.start - dt.timedelta(days=1), window.days)
