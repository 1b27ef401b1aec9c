"""Choosing the writer for a format and running an export from a store."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from conflictlens.analysis.fields import Record, event_id, point
from conflictlens.analysis.filters import RecordFilter
from conflictlens.analysis.source import load_records
from conflictlens.errors import ConflictlensError
from conflictlens.export.acled import ExportContext
from conflictlens.export.acled_csv import write_acled_csv
from conflictlens.export.geojson import write_geojson
from conflictlens.export.jsonl import write_jsonl
from conflictlens.export.parquet import write_parquet
from conflictlens.export.plover import write_plover

__all__ = ["EXPORT_FORMATS", "ExportSummary", "export_events", "write_records"]

Writer = Callable[[Sequence[Record], Path, ExportContext], int]

EXPORT_FORMATS = ("acled-csv", "geojson", "parquet", "jsonl", "plover-json")


@dataclass(frozen=True, slots=True)
class ExportSummary:
    fmt: str
    path: Path
    written: int
    left_out: tuple[str, ...] = ()
    """Ids of selected events the format cannot hold (GeoJSON: events without coordinates)."""

    def lines(self) -> list[str]:
        lines = [f"{self.written} event(s) written to {self.path} ({self.fmt})"]
        if self.left_out:
            lines.append(f"{len(self.left_out)} event(s) without coordinates left out")
        return lines


def _writer(fmt: str) -> Writer:
    writers: dict[str, Writer] = {
        "acled-csv": write_acled_csv,
        "geojson": write_geojson,
        "parquet": write_parquet,
        "jsonl": write_jsonl,
        "plover-json": write_plover,
    }
    if fmt not in writers:
        raise ConflictlensError(f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}")
    return writers[fmt]


def write_records(
    records: Sequence[Record], fmt: str, out: str | Path, context: ExportContext | None = None
) -> ExportSummary:
    """Write ``records`` to ``out`` in ``fmt`` (one of EXPORT_FORMATS)."""
    writer = _writer(fmt)
    path = Path(out)
    try:
        written = writer(records, path, context or ExportContext.load())
    except OSError as exc:
        raise ConflictlensError(f"{path}: cannot write the export ({exc})") from exc
    left_out = tuple(event_id(r) for r in records if point(r) is None) if fmt == "geojson" else ()
    return ExportSummary(fmt, path, written, left_out)


def export_events(
    db: str | Path,
    fmt: str,
    out: str | Path,
    record_filter: RecordFilter | None = None,
    timestamp: int | None = None,
    merged: bool = False,
) -> ExportSummary:
    """Export the stored events of ``db`` that pass ``record_filter``: one row per report, or
    with ``merged`` one per real-world event (its reports merged across documents)."""
    _writer(fmt)  # an unknown format fails before the store is read
    records = load_records(db, record_filter, merged=merged)
    return write_records(records, fmt, out, ExportContext.load(timestamp))
