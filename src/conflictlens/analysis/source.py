"""Reading the events to analyse from a store, through ``Store.events`` only."""

from __future__ import annotations

from pathlib import Path

from conflictlens.analysis.fields import Record
from conflictlens.analysis.filters import RecordFilter
from conflictlens.errors import StoreError
from conflictlens.merge import merged_records
from conflictlens.store import EventFilter, Store

__all__ = ["load_records"]


def load_records(
    db: str | Path, record_filter: RecordFilter | None = None, merged: bool = False
) -> list[Record]:
    """The stored events that pass ``record_filter``, by date then id: one per report, or with
    ``merged`` one per real-world event (its reports merged across documents).

    Raises StoreError when ``db`` does not exist (opening would create an empty store).
    """
    path = Path(db)
    if not path.is_file():
        raise StoreError(f"{path}: no such store; create it with `conflictlens run`")
    chosen = record_filter or RecordFilter()
    # The store narrows by date and one country; the filter decides the rest.
    narrow = EventFilter(
        since=chosen.since,
        until=chosen.until,
        country=chosen.country[0] if len(chosen.country) == 1 else None,
    )
    with Store.open(path) as store:
        if merged:
            events = merged_records(store, narrow)
            return chosen.select(sorted(events, key=_date_then_id))
        return chosen.select(store.events(narrow))


def _date_then_id(record: Record) -> tuple[str, str]:
    return (str(record.get("event_date") or "~"), str(record.get("event_id") or ""))
