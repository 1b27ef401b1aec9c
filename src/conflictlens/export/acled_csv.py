"""ACLED CSV: ACLED's header, in ACLED's order, one row per event."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from conflictlens.analysis.fields import Record
from conflictlens.export.acled import ACLED_COLUMNS, ExportContext, acled_row

__all__ = ["write_acled_csv"]


def write_acled_csv(records: Sequence[Record], out: Path, context: ExportContext) -> int:
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow(acled_row(record, context))
    return len(records)
