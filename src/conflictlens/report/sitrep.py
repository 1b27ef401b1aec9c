"""The situation report's content: what happened in a period, against the period before it.

An event belongs to the period when every day its date may mean lies inside it (see
``conflictlens.analysis.periods``); the previous window has the same number of days and ends the
day before the period starts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from conflictlens.analysis.fields import Record, date_range, event_id, integer, point, text
from conflictlens.analysis.filters import RecordFilter
from conflictlens.analysis.periods import Interval, Period, period_of, window_before
from conflictlens.analysis.trends import Tally, default_until
from conflictlens.report.svg_chart import Bar

__all__ = [
    "Headline",
    "Ranked",
    "ReportRequest",
    "SitRep",
    "build_sitrep",
    "day_text",
    "timeline_interval",
]

DEFAULT_DAYS = 28
"""The period when only its end (or nothing) is given: four weeks."""
TOP = 8
"""How many actors and places the report ranks."""


_COUNTING = {
    False: " (one per report: an event told by several documents counts once per document)",
    True: " (one per real-world event: reports merged across documents)",
}


@dataclass(frozen=True, slots=True)
class ReportRequest:
    since: dt.date | None = None
    until: dt.date | None = None
    """Both included; by default the Sunday ending the latest event's week, and 4 weeks before."""
    record_filter: RecordFilter = field(default_factory=RecordFilter)
    title: str | None = None
    merged: bool = False
    """Count real-world events (reports merged across documents) instead of reports."""


@dataclass(frozen=True, slots=True)
class Headline:
    label: str
    current: int
    previous: int

    @property
    def change(self) -> int:
        return self.current - self.previous

    @property
    def percent(self) -> float | None:
        return None if self.previous == 0 else round(100 * self.change / self.previous, 1)

    def change_text(self) -> str:
        if self.previous == 0:
            return "none before" if self.current else "no change"
        return f"{self.change:+d} ({self.percent:+.0f}%)"


@dataclass(frozen=True, slots=True)
class Ranked:
    name: str
    events: int
    fatalities: int
    detail: str


@dataclass(frozen=True, slots=True)
class SitRep:
    title: str
    scope: str
    period: Period
    previous: Period
    headlines: tuple[Headline, ...]
    bars: tuple[Bar, ...]
    interval: Interval
    actors: tuple[Ranked, ...]
    places: tuple[Ranked, ...]
    events: tuple[Record, ...]
    outside: tuple[str, ...]
    """Ids of events whose date reaches into the period but lies not wholly inside it."""

    @property
    def located(self) -> tuple[Record, ...]:
        return tuple(record for record in self.events if point(record) is not None)


def build_sitrep(records: Sequence[Record], request: ReportRequest) -> SitRep:
    period = report_period(records, request)
    previous = window_before(period)
    current = sorted((r for r in records if _held(r, period)), key=_chronological)
    before = [r for r in records if _held(r, previous)]
    interval = timeline_interval(period)
    title = request.title or f"Situation report, {day_text(period.start)} to {day_text(period.end)}"
    return SitRep(
        title=title,
        scope=request.record_filter.describe() + _COUNTING[request.merged],
        period=period,
        previous=previous,
        headlines=_headlines(current, before),
        bars=tuple(_bars(current + before, previous, period, interval)),
        interval=interval,
        actors=_top_actors(current),
        places=_top_places(current),
        events=tuple(current),
        outside=tuple(event_id(r) for r in records if _reaches(r, period) and not _held(r, period)),
    )


def report_period(records: Sequence[Record], request: ReportRequest) -> Period:
    until = request.until or default_until(records) or dt.date.today()
    since = request.since or until - dt.timedelta(days=DEFAULT_DAYS - 1)
    if since > until:
        raise ValueError(f"the report starts ({since}) after it ends ({until})")
    return Period(since, until)


def timeline_interval(period: Period) -> Interval:
    """Days up to a month, weeks up to half a year, months beyond."""
    if period.days <= 31:
        return "day"
    return "week" if period.days <= 183 else "month"


def _chronological(record: Record) -> tuple[dt.date, str]:
    span = date_range(record)
    return (span[0] if span else dt.date.max, event_id(record))


def _held(record: Record, period: Period) -> bool:
    span = date_range(record)
    return span is not None and period.holds(*span)


def _reaches(record: Record, period: Period) -> bool:
    span = date_range(record)
    return span is not None and period.overlaps(*span)


def _headlines(current: Sequence[Record], before: Sequence[Record]) -> tuple[Headline, ...]:
    def distinct(records: Sequence[Record], key: Callable[[Record], str | None]) -> int:
        return len({value for record in records if (value := key(record))})

    def deaths(records: Sequence[Record]) -> int:
        return sum(integer(record, "fatalities") or 0 for record in records)

    def place(record: Record) -> str | None:
        return text(record, "location")

    def country(record: Record) -> str | None:
        return text(record, "country")

    return (
        Headline("Events", len(current), len(before)),
        Headline("Fatalities reported", deaths(current), deaths(before)),
        Headline("Locations", distinct(current, place), distinct(before, place)),
        Headline("Countries", distinct(current, country), distinct(before, country)),
    )


def _bars(
    records: Sequence[Record], previous: Period, period: Period, interval: Interval
) -> list[Bar]:
    bars = []
    for bin_period in _bins(Period(previous.start, period.end), interval):
        held = [record for record in records if _held(record, bin_period)]
        start = bin_period.start
        label = f"{start:%b %Y}" if interval == "month" else f"{start.day} {start:%b}"
        current = bin_period.start >= period.start
        bars.append(Bar(bin_period, label, current, Tally.of(held)))
    return bars


def _bins(span: Period, interval: Interval) -> list[Period]:
    """Days or 7-day bins from the span's first day (so they line up with the windows), or
    calendar months."""
    bins: list[Period] = []
    start = span.start
    while start <= span.end:
        if interval == "month":
            end = period_of(start, "month").end
        else:
            end = start + dt.timedelta(days=0 if interval == "day" else 6)
        bins.append(Period(start, min(end, span.end)))
        start = end + dt.timedelta(days=1)
    return bins


def _top_actors(records: Sequence[Record]) -> tuple[Ranked, ...]:
    as_actor1: Counter[str] = Counter()
    as_actor2: Counter[str] = Counter()
    deaths: Counter[str] = Counter()
    for record in records:
        for column, counter in (("actor1", as_actor1), ("actor2", as_actor2)):
            name = text(record, column)
            if name:
                counter[name] += 1
                deaths[name] += integer(record, "fatalities") or 0
    total = as_actor1 + as_actor2
    return tuple(
        Ranked(
            name, count, deaths[name], f"{as_actor1[name]} as actor, {as_actor2[name]} as target"
        )
        for name, count in sorted(total.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    )


def _top_places(records: Sequence[Record]) -> tuple[Ranked, ...]:
    counts: Counter[tuple[str, str]] = Counter()
    deaths: Counter[tuple[str, str]] = Counter()
    for record in records:
        key = (text(record, "location") or "(unknown place)", text(record, "country") or "")
        counts[key] += 1
        deaths[key] += integer(record, "fatalities") or 0
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    return tuple(Ranked(name, n, deaths[(name, country)], country) for (name, country), n in ranked)


def day_text(day: dt.date) -> str:
    """``4 December 2023``."""
    return f"{day.day} {day:%B %Y}"
