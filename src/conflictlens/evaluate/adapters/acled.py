"""ACLED events with their ``notes``: each note one document, its row one gold event.

A note is a short coder summary of one event, so events are scored in ``best`` mode: the note's
event counts as found when the predicted event that agrees with it best is admissible (same
event type, within 25 km or the same place name, a compatible date), and fields are compared on
that best event. Other events extracted from the same note are not counted.

Rows of the pre-2019 codebook (``schema`` starting with ``legacy``) have old event types and no
sub-types: ``acled`` skips them (and says how many); ``acled-legacy`` scores them on event
detection and actor1/actor2 only. The two are never mixed in one set of numbers.
Rows are grouped by their source file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conflictlens.evaluate.adapters.rows import Row, read_jsonl_rows
from conflictlens.evaluate.benchmark import Benchmark
from conflictlens.evaluate.compare import MatchRules
from conflictlens.evaluate.gold import GoldEvent
from conflictlens.evaluate.mappings import AcledMap, load_mappings
from conflictlens.model import Document, PartialDate, Precision

__all__ = ["acled_date", "load_acled", "load_acled_legacy"]

MODERN_FIELDS = (
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "date",
    "fatalities",
)
LEGACY_FIELDS = ("actor1", "actor2")
_R_MISSING = "NA"
_MODERN_STATED = frozenset(
    {
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "location",
        "latitude",
        "longitude",
        "fatalities",
    }
)
_LEGACY_STATED = frozenset(LEGACY_FIELDS)


def acled_date(text: str, year: int | None, formats: tuple[str, ...]) -> dt.date:
    """Read ``event_date`` in any of the files' layouts; ``year`` fixes a two-digit year's century.

    Raises ValueError when no format fits or the year disagrees with ``year``.
    """
    for layout in formats:
        try:
            day = dt.datetime.strptime(text.strip(), layout).date()
        except ValueError:
            continue
        if year is not None and day.year != year:
            if day.year % 100 != year % 100:
                raise ValueError(f"event_date {text!r} is not in year {year}")
            day = day.replace(year=year)
        return day
    raise ValueError(f"event_date {text!r} fits none of the formats {', '.join(formats)}")


def _event_date(row: Row, rules: AcledMap) -> PartialDate:
    try:
        day = acled_date(row.required("event_date"), row.integer("year"), rules.date_formats)
    except ValueError as exc:
        raise row.fail(str(exc)) from None
    precision = row.integer("time_precision") or 1
    if precision not in {int(p) for p in Precision}:
        raise row.fail(f"time_precision must be 1, 2 or 3, not {precision}")
    return PartialDate.of(day, Precision(precision))


def _document(row: Row, date: PartialDate) -> Document:
    return Document(
        doc_id=row.required("event_id_cnty"),
        text=row.required("text"),
        # A note is read as if published on the last day its event may have happened on, so
        # that no date in it looks later than its publication.
        published=PartialDate.of(date.last_day()),
        lang="en",
        # The outlet the note cites: where it writes from is learned when asked
        # (eval --outlet-homes), as for any corpus whose documents name their source.
        source=row.text("source") or None,
        origin=row.origin,
    )


def _actor(row: Row, key: str) -> str | None:
    """An actor cell; files exported from R write an empty one as ``NA`` (no ACLED actor is
    named so)."""
    value = row.text(key)
    return None if value == _R_MISSING else value


def _gold(row: Row, date: PartialDate, legacy: bool) -> GoldEvent:
    latitude, longitude = row.number("latitude"), row.number("longitude")
    return GoldEvent(
        doc_id=row.required("event_id_cnty"),
        event_date=date,
        event_type=None if legacy else row.text("event_type"),
        sub_event_type=None if legacy else row.text("sub_event_type"),
        actor1=_actor(row, "actor1"),
        assoc_actor_1=_actor(row, "assoc_actor_1"),
        actor2=_actor(row, "actor2"),
        assoc_actor_2=_actor(row, "assoc_actor_2"),
        country=row.text("country"),
        admin1=row.text("admin1"),
        location=row.text("location"),
        latitude=latitude if longitude is not None else None,
        longitude=longitude if latitude is not None else None,
        geo_precision=row.integer("geo_precision"),
        fatalities=row.integer("fatalities"),
        stated=_LEGACY_STATED if legacy else _MODERN_STATED,
        extra={"legacy_event_type": row.text("event_type")} if legacy else {},
        origin=row.origin,
    )


def _load(path: Path, *, legacy: bool) -> Benchmark:
    rules = load_mappings().acled
    documents: list[Document] = []
    gold: list[GoldEvent] = []
    groups: dict[str, str] = {}
    skipped = 0
    for row in read_jsonl_rows(path):
        if (row.text("schema") or "").startswith(rules.legacy_schema_prefix) != legacy:
            skipped += 1
            continue
        date = _event_date(row, rules)
        documents.append(_document(row, date))
        gold.append(_gold(row, date, legacy))
        groups[documents[-1].doc_id] = row.text("source_file") or path.name
    return Benchmark(
        name="acled-legacy" if legacy else "acled",
        documents=tuple(documents),
        gold=tuple(gold),
        mode="best",
        rules=MatchRules(unstated_count=0),
        fields=LEGACY_FIELDS if legacy else MODERN_FIELDS,
        groups=groups,
        group_by="file",
        notes=_notes(legacy, skipped),
    )


def _notes(legacy: bool, skipped: int) -> tuple[str, ...]:
    best = (
        "each note is compared with the one predicted event that agrees with it best; "
        "a note's publication date is its event date, so date accuracy is an upper bound"
    )
    if legacy:
        return (
            best,
            "pre-2019 codebook rows: scored on event detection and actor1/actor2 only",
            f"{skipped} rows of the 2019+ codebook skipped (scored by the acled benchmark)",
        )
    return (best, f"{skipped} rows of the pre-2019 codebook skipped (see acled-legacy)")


def load_acled(path: Path) -> Benchmark:
    """The 2019+ codebook rows of an ACLED notes file (``acled_notes_*.jsonl``)."""
    return _load(path, legacy=False)


def load_acled_legacy(path: Path) -> Benchmark:
    """The pre-2019 codebook rows of an ACLED notes file, scored on detection and actors."""
    return _load(path, legacy=True)
