"""The SQLite store: documents, events, claims and supporting spans, with recorded migrations.

The file is plain SQLite (WAL mode) whose tables and columns carry ACLED's field names, so that
datasette or the sqlite3 shell can browse it directly.
"""

from __future__ import annotations

from conflictlens.store._query import EventFilter
from conflictlens.store._store import Store, StoreCounts

__all__ = ["EventFilter", "Store", "StoreCounts"]
