"""The analysis commands: ``trends``, ``alerts``, ``export``, ``report``.

Each parses its arguments, calls one library function and prints the result. ``COMMANDS`` is
registered on the main command group.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from conflictlens.analysis import (
    GROUP_FIELDS,
    INTERVALS,
    RecordFilter,
    TrendQuery,
    run_alerts,
    run_trends,
)
from conflictlens.cli_options import partial_date
from conflictlens.export import EXPORT_FORMATS, export_events
from conflictlens.report import REPORT_FORMATS, ReportRequest, write_report

__all__ = ["COMMANDS", "alerts", "export", "report", "trends"]

DEFAULT_DB = "conflictlens.db"
F = TypeVar("F", bound=Callable[..., Any])
_FILTERS = (
    ("--country", "country", "ACLED country name (repeatable: any of them)."),
    ("--admin1", "admin1", "First-level division (repeatable)."),
    ("--location", "location", "Place name (repeatable)."),
    ("--actor", "actor", "Part of any actor's name (repeatable)."),
    ("--actor1", "actor1", "Part of the name of who did it (repeatable)."),
    ("--actor2", "actor2", "Part of the name of whom it was done to (repeatable)."),
    ("--type", "event_type", "Event type or sub-event type (repeatable)."),
    ("--weapon", "weapon", "drone, missile, rocket, ... (repeatable)."),
    ("--claim-status", "claim_status", "claimed, reported, confirmed, denied (repeatable)."),
)


def db_option(function: F) -> F:
    return click.option("--db", default=DEFAULT_DB, show_default=True, help="The SQLite store.")(
        function
    )


def merged_option(function: F) -> F:
    return click.option(
        "--merged", is_flag=True, help="One per real-world event (reports merged), not per report."
    )(function)


def filter_options(function: F) -> F:
    """The event filter options, read back by :func:`_filter`."""
    for flag, name, help_text in reversed(_FILTERS):
        function = click.option(flag, name, multiple=True, help=help_text)(function)
    return function


def _filter(
    options: dict[str, Any], since: str | None = None, until: str | None = None
) -> RecordFilter:
    values = {name: tuple(options.pop(name)) for _flag, name, _help in _FILTERS}
    return RecordFilter(
        **values, since=partial_date(since, "--since"), until=partial_date(until, "--until")
    )


def _day(value: str | None, option: str, last: bool = False) -> dt.date | None:
    """A day; a month stands for its first day, or its last with ``last``."""
    date = partial_date(value, option)
    if date is None:
        return None
    return date.last_day() if last else date.first_day()


@click.command()
@db_option
@filter_options
@click.option("--since", help="Only events from this day or month on (YYYY-MM-DD or YYYY-MM).")
@click.option("--until", help="Last day of the current window, or of the series' events.")
@click.option("--by", type=click.Choice(GROUP_FIELDS), help="Count per value of this field.")
@click.option("--interval", type=click.Choice(INTERVALS), default="week", show_default=True)
@click.option(
    "--compare-weeks", type=click.IntRange(min=1), help="The last N weeks vs the N before."
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@merged_option
def trends(
    db: str,
    since: str | None,
    until: str | None,
    by: str | None,
    interval: str,
    compare_weeks: int | None,
    fmt: str,
    merged: bool,
    **options: Any,
) -> None:
    """Count events and fatalities per period, or compare the last N weeks with the N before."""
    compare_until = _day(until, "--until", last=True) if compare_weeks else None
    series_until = None if compare_weeks else until
    query = TrendQuery(
        record_filter=_filter(options, since, series_until),
        by=by,
        interval=cast(Any, interval),
        compare_weeks=compare_weeks,
        until=compare_until,
        merged=merged,
    )
    result = run_trends(db, query)
    _print(result.to_json() if fmt == "json" else result.lines(), fmt)


@click.command()
@click.option("--rules", "rules_path", required=True, type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option(
    "--until", help="Evaluate as of this day (default: the end of the latest event's week)."
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="Also write JSON here."
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@merged_option
def alerts(
    rules_path: str, db: str, until: str | None, out: Path | None, fmt: str, merged: bool
) -> None:
    """Evaluate watch rules over the store: what fired, with the events behind it."""
    result = run_alerts(db, rules_path, _day(until, "--until", last=True), merged)
    if out is not None:
        out.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n", "utf-8")
    _print(result.to_json() if fmt == "json" else result.lines(), fmt)


@click.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@db_option
@filter_options
@click.option("--since", help="Events that may have happened on or after this day or month.")
@click.option("--until", help="Events that may have happened on or before this day or month.")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@merged_option
def export(
    fmt: str,
    db: str,
    since: str | None,
    until: str | None,
    out: Path,
    merged: bool,
    **options: Any,
) -> None:
    """Write the stored events as ACLED CSV, GeoJSON, Parquet, JSON Lines or PLOVER."""
    summary = export_events(db, fmt, out, _filter(options, since, until), merged=merged)
    for line in summary.lines():
        click.echo(line, err=True)


@click.command()
@db_option
@filter_options
@click.option("--since", help="First day of the report (default: 4 weeks before --until).")
@click.option("--until", help="Last day (default: the end of the latest event's week).")
@click.option("--title", help="The report's title.")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="html", show_default=True
)
@merged_option
def report(
    db: str,
    since: str | None,
    until: str | None,
    title: str | None,
    out: Path,
    fmt: str,
    merged: bool,
    **options: Any,
) -> None:
    """Write a situation report: one self-contained HTML page (or Markdown)."""
    request = ReportRequest(
        since=_day(since, "--since"),
        until=_day(until, "--until", last=True),
        record_filter=_filter(options),
        title=title,
        merged=merged,
    )
    summary = write_report(db, request, out, fmt)
    for line in summary.lines():
        click.echo(line, err=True)


def _print(result: dict[str, object] | list[str], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(cast(list[str], result)))


COMMANDS: list[click.Command] = [trends, alerts, export, report]
