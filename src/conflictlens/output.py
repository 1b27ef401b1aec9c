"""Printing records: JSON Lines, CSV and an aligned table for the terminal."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence

__all__ = ["FORMATS", "TABLE_COLUMNS", "format_records"]

FORMATS = ("jsonl", "csv", "table")
CSV_COLUMNS = (
    "event_id",
    "doc_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "weapon",
    "fatalities",
    "injuries",
    "claim_status",
    "claimed_by",
    "reported_by",
    "source",
    "plover",
    "cameo",
    "codebook_version",
    "evidence_sentence",
    "evidence_start",
    "evidence_end",
)
TABLE_COLUMNS = (
    ("event_date", 10),
    ("sub_event_type", 24),
    ("actor1", 28),
    ("actor2", 28),
    ("location", 22),
    ("weapon", 9),
    ("fatalities", 4),
    ("claim_status", 9),
)


def _flat(record: Mapping[str, object]) -> dict[str, object]:
    flat = {name: record.get(name) for name in CSV_COLUMNS}
    evidence = record.get("evidence")
    if isinstance(evidence, Mapping):
        flat["evidence_sentence"] = evidence.get("sentence")
        flat["evidence_start"] = evidence.get("start")
        flat["evidence_end"] = evidence.get("end")
    return flat


def _cell(value: object, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def format_records(records: Iterable[Mapping[str, object]], fmt: str) -> Iterator[str]:
    """Text for ``records`` in ``fmt`` (one of FORMATS), in chunks that end with a newline."""
    if fmt == "jsonl":
        for record in records:
            yield json.dumps(record, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        yield from _csv_lines(records)
    else:
        yield from _table_lines(list(records))


def _csv_lines(records: Iterable[Mapping[str, object]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(_flat(record))
        yield from _drain(buffer)
    yield from _drain(buffer)


def _drain(buffer: io.StringIO) -> Iterator[str]:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    if text:
        yield text


def _table_lines(records: Sequence[Mapping[str, object]]) -> Iterator[str]:
    header = "  ".join(name[:width].ljust(width) for name, width in TABLE_COLUMNS)
    yield header + "\n"
    yield "-" * len(header) + "\n"
    for record in records:
        cells = (_cell(record.get(name), width).ljust(width) for name, width in TABLE_COLUMNS)
        yield "  ".join(cells).rstrip() + "\n"
    yield f"{len(records)} event(s)\n"
