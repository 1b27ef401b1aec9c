"""Parquet with proper types, for pandas, polars, DuckDB and Spark.

Columns: ACLED's, then the conflictlens fields, then ``first_day`` and ``last_day`` (date32: the
range the date may mean; ``event_date`` stays text because a month-only date is no day), then
``claims`` (a list of structs). Integers are nullable (unstated fatalities are null, not 0);
``timestamp`` is ACLED's Unix seconds as int64. Needs the optional dependency pyarrow.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from conflictlens.analysis.fields import Record, date_range
from conflictlens.errors import ConflictlensError
from conflictlens.export.acled import (
    ACLED_COLUMNS,
    EXTRA_COLUMNS,
    ExportContext,
    acled_row,
    extra_values,
)

__all__ = ["INTEGER_COLUMNS", "write_parquet"]

INTEGER_COLUMNS = frozenset(
    {
        "year",
        "time_precision",
        "inter1",
        "inter2",
        "interaction",
        "iso",
        "geo_precision",
        "fatalities",
        "injuries",
        "evidence_start",
        "evidence_end",
    }
)
FLOAT_COLUMNS = frozenset({"latitude", "longitude"})
DATE_COLUMNS = ("first_day", "last_day")


def write_parquet(records: Sequence[Record], out: Path, context: ExportContext) -> int:
    pa, pq = _pyarrow()
    rows = [_row(record, context) for record in records]
    schema = _schema(pa)
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out)
    return len(rows)


def _row(record: Record, context: ExportContext) -> dict[str, object]:
    row = {**acled_row(record, context, acled_zero=False), **extra_values(record)}
    span = date_range(record)
    row["first_day"], row["last_day"] = span if span else (None, None)
    claims = record.get("claims")
    row["claims"] = (
        [dict(c) for c in claims if isinstance(c, Mapping)] if isinstance(claims, list) else []
    )
    return row


def _schema(pa: Any) -> Any:
    def kind(name: str) -> Any:
        if name == "timestamp":
            return pa.int64()
        if name in INTEGER_COLUMNS:
            return pa.int32()
        if name in FLOAT_COLUMNS:
            return pa.float64()
        return pa.string()

    claim = pa.struct(
        [
            ("status", pa.string()),
            ("by", pa.string()),
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
        ]
    )
    columns = [(name, kind(name)) for name in (*ACLED_COLUMNS, *EXTRA_COLUMNS)]
    columns += [(name, pa.date32()) for name in DATE_COLUMNS]
    columns.append(("claims", pa.list_(claim)))
    return pa.schema(columns)


def _pyarrow() -> tuple[Any, Any]:
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError as exc:
        raise ConflictlensError(
            "Parquet export needs pyarrow: pip install 'conflictlens[parquet]' (or pyarrow)"
        ) from exc
