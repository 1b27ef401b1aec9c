"""Writing stored events for other tools: ACLED CSV, GeoJSON, Parquet, JSON Lines, PLOVER.

>>> from conflictlens.export import export_events
>>> export_events("events.db", "acled-csv", "events.csv")  # doctest: +SKIP
"""

from conflictlens.export.acled import ACLED_COLUMNS, EXTRA_COLUMNS, ExportContext, acled_row
from conflictlens.export.countries import CountryInfo, CountryTable
from conflictlens.export.writers import (
    EXPORT_FORMATS,
    ExportSummary,
    export_events,
    write_records,
)

__all__ = [
    "ACLED_COLUMNS",
    "EXPORT_FORMATS",
    "EXTRA_COLUMNS",
    "CountryInfo",
    "CountryTable",
    "ExportContext",
    "ExportSummary",
    "acled_row",
    "export_events",
    "write_records",
]
