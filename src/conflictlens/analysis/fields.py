"""Typed reading of event records (``Event.to_record()`` dicts, as ``Store.events`` returns them).

Records are plain mappings; these functions read one field with its type, so that counting,
exporting and reporting code never casts. A field that is missing or of another type reads as
None, so records with extra or fewer keys (merged events, older stores) read the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from conflictlens.model import PartialDate, Precision

__all__ = [
    "Record",
    "date_range",
    "event_date",
    "event_id",
    "evidence_sentence",
    "integer",
    "point",
    "real",
    "text",
]

Record = Mapping[str, object]


def text(record: Record, name: str) -> str | None:
    value = record.get(name)
    return value if isinstance(value, str) and value else None


def integer(record: Record, name: str) -> int | None:
    value = record.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def real(record: Record, name: str) -> float | None:
    value = record.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def event_id(record: Record) -> str:
    return text(record, "event_id") or ""


def event_date(record: Record) -> PartialDate | None:
    """The record's date with its precision (ACLED's time_precision 2 is a week from the day)."""
    raw = text(record, "event_date")
    if raw is None:
        return None
    try:
        date = PartialDate.parse(raw)
    except ValueError:
        return None
    if date.precision == Precision.DAY and integer(record, "time_precision") == Precision.WEEK:
        return PartialDate.of(date.date, Precision.WEEK)
    return date


def date_range(record: Record) -> tuple[dt.date, dt.date] | None:
    """The first and last day the record's date may mean, or None when it has no date."""
    date = event_date(record)
    return (date.first_day(), date.last_day()) if date else None


def point(record: Record) -> tuple[float, float] | None:
    """(latitude, longitude), or None when the record is not located."""
    latitude, longitude = real(record, "latitude"), real(record, "longitude")
    if latitude is None or longitude is None:
        return None
    return latitude, longitude


def evidence_sentence(record: Record) -> str | None:
    evidence = record.get("evidence")
    if not isinstance(evidence, Mapping):
        return None
    sentence = evidence.get("sentence")
    return sentence if isinstance(sentence, str) else None
