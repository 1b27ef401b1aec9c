"""The ``report`` job: read a store, build the situation report, write it as HTML or Markdown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from conflictlens.analysis.source import load_records
from conflictlens.errors import ConflictlensError
from conflictlens.report.basemap import Basemap
from conflictlens.report.html import render_html
from conflictlens.report.markdown import render_markdown
from conflictlens.report.sitrep import ReportRequest, SitRep, build_sitrep

__all__ = ["REPORT_FORMATS", "ReportSummary", "render_report", "write_report"]

REPORT_FORMATS = ("html", "md")


@dataclass(frozen=True, slots=True)
class ReportSummary:
    path: Path
    fmt: str
    events: int
    located: int
    since: dt.date
    until: dt.date

    def lines(self) -> list[str]:
        return [
            f"{self.path}: {self.fmt} report, {self.since} to {self.until}, {self.events} "
            f"event(s), {self.located} on the map"
        ]


def render_report(report: SitRep, fmt: str, source: str = "") -> str:
    """The report's text in ``fmt`` (html or md)."""
    footer = f"Made with conflictlens from {source}." if source else "Made with conflictlens."
    if fmt == "html":
        return render_html(report, Basemap.load(), footer)
    if fmt == "md":
        return render_markdown(report, footer)
    raise ConflictlensError(f"unknown report format {fmt!r}; use {', '.join(REPORT_FORMATS)}")


def write_report(
    db: str | Path, request: ReportRequest, out: str | Path, fmt: str = "html"
) -> ReportSummary:
    """Build the situation report of ``db``'s events for ``request`` and write it to ``out``.

    Events are read whole: the previous window and the default period need the events around
    the requested period, and the filter's own dates narrow them further when given.
    """
    if fmt not in REPORT_FORMATS:
        raise ConflictlensError(f"unknown report format {fmt!r}; use {', '.join(REPORT_FORMATS)}")
    records = load_records(db, request.record_filter, merged=request.merged)
    try:
        report = build_sitrep(records, request)
    except ValueError as exc:
        raise ConflictlensError(str(exc)) from exc
    path = Path(out)
    try:
        path.write_text(render_report(report, fmt, Path(db).name), encoding="utf-8")
    except OSError as exc:
        raise ConflictlensError(f"{path}: cannot write the report ({exc})") from exc
    return ReportSummary(
        path, fmt, len(report.events), len(report.located), report.period.start, report.period.end
    )
