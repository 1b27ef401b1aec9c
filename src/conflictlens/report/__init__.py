"""The situation report: headline numbers against the previous window, a map over an offline
basemap, a timeline, top actors and places, and the events with their evidence; one
self-contained HTML file, or Markdown.

>>> from conflictlens.report import ReportRequest, write_report
>>> write_report("events.db", ReportRequest(), "report.html")  # doctest: +SKIP
"""

from conflictlens.report.basemap import Basemap
from conflictlens.report.job import REPORT_FORMATS, ReportSummary, render_report, write_report
from conflictlens.report.sitrep import Headline, Ranked, ReportRequest, SitRep, build_sitrep

__all__ = [
    "REPORT_FORMATS",
    "Basemap",
    "Headline",
    "Ranked",
    "ReportRequest",
    "ReportSummary",
    "SitRep",
    "build_sitrep",
    "render_report",
    "write_report",
]
