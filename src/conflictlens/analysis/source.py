"""Reading the events to analyse from a store, through ``Store.events`` only."""

from __future__ import annotations

from pathlib import Path

from conflictlens.analysis.fields import Record
from conflictlens.analysis.filters import RecordFilter
from conflictlens.errors import StoreError
from conflictlens.store import EventFilter, Store

__all__ = ["load_records"]


def load_records(db: str | Path, record_filter: RecordFilter | None = None) -> list[Record]:
    """The stored events that pass ``record_filter``, by date then id.

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
        return chosen.select(store.events(narrow))
