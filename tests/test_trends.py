"""Counting events per period and comparing windows: exact numbers on hand-written events, and
the demo corpus's storyline recomputed independently from the stored events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conflictlens import Pipeline
from conflictlens.analysis import (
    RecordFilter,
    TrendQuery,
    compare_windows,
    count_series,
    default_until,
    run_trends,
)
from conflictlens.analysis.fields import Record
from conflictlens.cli_analysis import COMMANDS
from conflictlens.model import Event, PartialDate, Precision
from conflictlens.run import demo_corpus, run_corpus
from conflictlens.store import Store

US = "Military Forces of the United States"


def record(n: int, date: str, precision: Precision = Precision.DAY, **fields: object) -> Record:
    parsed = PartialDate.parse(date)
    values: dict[str, object] = {
        "event_id": f"ev-{n}",
        "doc_id": f"doc-{n}",
        "event_date": PartialDate.of(parsed.date, precision),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Islamic Resistance in Iraq",
        "actor2": US,
        "country": "Iraq",
    }
    values.update(fields)
    return Event(**values).to_record()  # type: ignore[arg-type]


# Windows of 2023-11-13..2023-12-03 (current) and 2023-10-23..2023-11-12 (previous).
EVENTS = [
    record(1, "2023-10-24"),
    record(2, "2023-11-01", fatalities=2, country="Syria"),
    record(3, "2023-11-16"),
    record(4, "2023-11-20", fatalities=1),
    record(5, "2023-12-01", country="Syria"),
    record(6, "2023-11", Precision.MONTH),  # the month spans both windows: in neither
    record(7, "2023-11-09", Precision.WEEK),  # 9-15 November: across the boundary
    record(8, "2023-11-13", Precision.WEEK),  # 13-19 November: wholly current
    record(9, "2023-10-01"),  # before both windows: not counted, not listed
    record(10, "2023-11-21", actor2="Civilians (Iraq)"),
]


def test_window_comparison_counts_events_fatalities_and_their_ids() -> None:
    chosen = RecordFilter(actor2=("united states",)).select(EVENTS)
    comparison = compare_windows(chosen, dt.date(2023, 12, 3), 21)
    assert (comparison.previous.start, comparison.previous.end) == (
        dt.date(2023, 10, 23),
        dt.date(2023, 11, 12),
    )
    assert (comparison.current.start, comparison.current.end) == (
        dt.date(2023, 11, 13),
        dt.date(2023, 12, 3),
    )
    total = comparison.total
    assert total.previous.event_ids == ("ev-1", "ev-2")
    assert total.current.event_ids == ("ev-3", "ev-4", "ev-5", "ev-8")  # in the given order
    assert (total.previous.events, total.current.events, total.change) == (2, 4, 2)
    assert total.percent == 100.0
    assert (total.previous.fatalities, total.current.fatalities) == (2, 1)
    assert set(comparison.outside) == {"ev-6", "ev-7"}


def test_comparison_by_group_and_from_nothing() -> None:
    comparison = compare_windows(EVENTS[:5], dt.date(2023, 12, 3), 21, by="country")
    by_country = {change.group: change for change in comparison.groups}
    assert by_country["Iraq"].previous.events == 1 and by_country["Iraq"].current.events == 2
    assert by_country["Syria"].percent == 0.0
    fresh = compare_windows([record(1, "2023-12-01")], dt.date(2023, 12, 3), 7)
    assert fresh.total.change == 1 and fresh.total.percent is None
    assert json.loads(json.dumps(comparison.to_json()))["total"]["current"]["events"] == 3


def test_weekly_series_fills_empty_weeks_and_sets_aside_what_does_not_fit() -> None:
    series = count_series(EVENTS[:8], "week")
    labels = [point.period.label("week") for point in series.points]
    assert labels == [
        "2023-10-23",
        "2023-10-30",
        "2023-11-06",
        "2023-11-13",
        "2023-11-20",
        "2023-11-27",
    ]
    counts = [point.tally.events for point in series.points]
    assert counts == [1, 1, 0, 2, 1, 1]
    assert set(series.unplaced) == {"ev-6", "ev-7"}
    monthly = count_series(EVENTS[:8], "month", by="country")
    november = {p.group: p.tally.events for p in monthly.points if p.period.start.month == 11}
    assert november == {"Iraq": 5, "Syria": 1}
    assert monthly.unplaced == ()


def test_default_until_is_the_sunday_after_the_latest_precise_event() -> None:
    assert default_until(EVENTS) == dt.date(2023, 12, 3)
    assert default_until([record(1, "2024-01", Precision.MONTH)]) is None


def test_filter_matches_names_in_part_and_types_whole() -> None:
    assert len(RecordFilter(actor=("resistance",)).select(EVENTS)) == len(EVENTS)
    assert RecordFilter(event_type=("air/drone strike",)).select(EVENTS) == EVENTS
    assert RecordFilter(event_type=("Air",)).select(EVENTS) == []
    assert len(RecordFilter(country=("Iraq", "Syria"), actor2=("Civilians",)).select(EVENTS)) == 1
    window = RecordFilter(since=PartialDate.parse("2023-11-20"), until=PartialDate.parse("2023-11"))
    assert {r["event_id"] for r in window.select(EVENTS)} == {"ev-4", "ev-6", "ev-10"}
    with pytest.raises(ValueError, match="unknown key 'actors'"):
        RecordFilter.from_mapping({"actors": "x"})


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    db = tmp_path_factory.mktemp("trends") / "demo.db"
    run_corpus([demo_corpus()], db, pipeline)
    return db


def test_demo_storyline_comparison_equals_an_independent_count(demo_db: Path) -> None:
    """Attacks on US forces in Iraq and Syria, the last 3 weeks against the 3 before."""
    query = TrendQuery(
        RecordFilter(actor2=(US,), country=("Iraq", "Syria")),
        compare_weeks=3,
        until=dt.date(2023, 12, 3),
    )
    comparison = run_trends(demo_db, query).comparison
    assert comparison is not None
    with Store.open(demo_db) as store:
        stored = store.events()

    def by_hand(first: str, last: str) -> set[str]:
        return {
            str(r["event_id"])
            for r in stored
            if r["actor2"] == US
            and r["country"] in ("Iraq", "Syria")
            and r["time_precision"] == 1
            and first <= str(r["event_date"]) <= last
        }

    previous, current = by_hand("2023-10-23", "2023-11-12"), by_hand("2023-11-13", "2023-12-03")
    assert set(comparison.total.previous.event_ids) == previous
    assert set(comparison.total.current.event_ids) == current
    assert comparison.total.change == len(current) - len(previous)
    # The storyline: attacks rise in the last three weeks.
    assert len(current) > len(previous) >= 1


def test_trends_command_prints_the_comparison_as_json(demo_db: Path) -> None:
    group = click.Group(commands=COMMANDS)
    args = ["trends", "--db", str(demo_db), "--actor2", US, "--country", "Iraq"]
    args += ["--country", "Syria", "--compare-weeks", "3", "--until", "2023-12-03"]
    result = CliRunner().invoke(group, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["comparison"]["current_window"] == {
        "start": "2023-11-13",
        "end": "2023-12-03",
        "days": 21,
    }
    table = CliRunner().invoke(group, args)
    assert "previous window: 2023-10-23 to 2023-11-12" in table.output
    series = CliRunner().invoke(group, ["trends", "--db", str(demo_db), "--by", "country"])
    assert series.exit_code == 0 and "Ukraine" in series.output


def test_trends_command_names_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        click.Group(commands=COMMANDS), ["trends", "--db", str(tmp_path / "x.db")]
    )
    assert result.exit_code != 0
    assert not (tmp_path / "x.db").exists()


def test_merged_trends_count_each_real_world_event_once(tmp_path: Path) -> None:
    from conflictlens import Pipeline
    from conflictlens.analysis import TrendQuery, run_trends
    from conflictlens.merge import merged_events
    from conflictlens.run import demo_corpus, run_corpus
    from conflictlens.store import Store

    db = tmp_path / "demo.db"
    run_corpus([demo_corpus()], db, Pipeline.load())
    reports = run_trends(db, TrendQuery(compare_weeks=3, until=dt.date(2023, 12, 3)))
    merged = run_trends(db, TrendQuery(compare_weeks=3, until=dt.date(2023, 12, 3), merged=True))
    assert reports.comparison is not None and merged.comparison is not None
    with Store.open(db) as store:
        events = merged_events(store)
    in_window = [
        e
        for e in events
        if e.event_date is not None
        and e.event_date.precision != 3
        and dt.date(2023, 11, 13) <= e.event_date.first_day()
        and e.event_date.last_day() <= dt.date(2023, 12, 3)
    ]
    merged_total = json.loads(json.dumps(merged.comparison.to_json()))["total"]
    report_total = json.loads(json.dumps(reports.comparison.to_json()))["total"]
    assert merged_total["current"]["events"] == len(in_window)
    assert merged_total["current"]["events"] < report_total["current"]["events"]
