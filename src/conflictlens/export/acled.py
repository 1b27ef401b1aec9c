"""ACLED's columns, in ACLED's order, computed from a conflictlens record.

``interaction`` combines the two inter codes as ACLED does (the smaller first: 1 and 3 give 13;
an event with one actor gives its code times ten). ``civilian_targeting`` reads "Civilian
targeting" when civilians (inter code 7) are the target, as ACLED marks it, and is empty
otherwise. ``fatalities`` is 0 when no figure was stated, as in ACLED's files (the typed exports
keep it empty). Columns conflictlens cannot fill (admin2, admin3, source_scale, tags) are empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from conflictlens.analysis.fields import Record, event_date, event_id, integer, real, text
from conflictlens.codebook import CodebookFiles
from conflictlens.export.countries import CountryTable
from conflictlens.export.notes import NoteWriter

__all__ = ["ACLED_COLUMNS", "EXTRA_COLUMNS", "ExportContext", "acled_row", "extra_values"]

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
"""ACLED's export columns, in ACLED's order."""

EXTRA_COLUMNS = (
    "event_id",
    "doc_id",
    "weapon",
    "injuries",
    "claim_status",
    "claimed_by",
    "reported_by",
    "plover",
    "cameo",
    "codebook_version",
    "evidence_sentence",
    "evidence_start",
    "evidence_end",
)
"""The conflictlens fields the typed exports add after ACLED's columns."""

CIVILIANS = 7
CIVILIAN_TARGETING = "Civilian targeting"


@dataclass(frozen=True, slots=True)
class ExportContext:
    """What every export row needs besides the record: reference tables and the export time."""

    countries: CountryTable
    disorder_types: Mapping[str, str]
    notes: NoteWriter
    timestamp: int
    """ACLED's ``timestamp``: when the rows were written, in Unix seconds."""

    @classmethod
    def load(cls, timestamp: int | None = None) -> ExportContext:
        taxonomy = CodebookFiles().read("taxonomy.yaml")
        now = int(dt.datetime.now(dt.UTC).timestamp()) if timestamp is None else timestamp
        return cls(
            CountryTable.load(),
            dict(taxonomy.get("disorder_types", {})),
            NoteWriter.load(),
            now,
        )


def acled_row(record: Record, context: ExportContext, acled_zero: bool = True) -> dict[str, object]:
    """The record as ACLED's columns; ``acled_zero`` writes unstated fatalities as 0."""
    date = event_date(record)
    country = context.countries.get(text(record, "country"))
    event_type = text(record, "event_type")
    inter1, inter2 = integer(record, "inter1"), integer(record, "inter2")
    fatalities = integer(record, "fatalities")
    return {
        "event_id_cnty": event_id_cnty(record, country.iso3 if country else None),
        "event_date": date.iso() if date else None,
        "year": date.year if date else None,
        "time_precision": int(date.precision) if date else None,
        "disorder_type": context.disorder_types.get(event_type or ""),
        "event_type": event_type,
        "sub_event_type": text(record, "sub_event_type"),
        "actor1": text(record, "actor1"),
        "assoc_actor_1": text(record, "assoc_actor_1"),
        "inter1": inter1,
        "actor2": text(record, "actor2"),
        "assoc_actor_2": text(record, "assoc_actor_2"),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": CIVILIAN_TARGETING if inter2 == CIVILIANS else None,
        "iso": country.numeric if country else None,
        "region": country.region if country else None,
        "country": text(record, "country"),
        "admin1": text(record, "admin1"),
        "admin2": None,
        "admin3": None,
        "location": text(record, "location"),
        "latitude": real(record, "latitude"),
        "longitude": real(record, "longitude"),
        "geo_precision": integer(record, "geo_precision"),
        "source": text(record, "source"),
        "source_scale": None,
        "notes": context.notes.note(record),
        "fatalities": 0 if fatalities is None and acled_zero else fatalities,
        "tags": None,
        "timestamp": context.timestamp,
    }


def extra_values(record: Record) -> dict[str, object]:
    """The conflictlens fields of EXTRA_COLUMNS, evidence flattened."""
    values: dict[str, object] = {name: record.get(name) for name in EXTRA_COLUMNS}
    evidence = record.get("evidence")
    sentence, start, end = (
        (evidence.get("sentence"), evidence.get("start"), evidence.get("end"))
        if isinstance(evidence, Mapping)
        else (None, None, None)
    )
    values.update(evidence_sentence=sentence, evidence_start=start, evidence_end=end)
    return values


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, smaller first; one actor's code times 10."""
    codes = sorted(code for code in (inter1, inter2) if code is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) == 2 else 0)


def event_id_cnty(record: Record, iso3: str | None) -> str:
    """The country's ISO alpha-3 code, a hyphen and the event_id (its ``ev-`` prefix dropped)."""
    identifier = event_id(record)
    return f"{iso3 or 'XXX'}-{identifier.removeprefix('ev-')}"
