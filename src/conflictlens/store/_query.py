"""Reading events back as ``Event.to_record()`` dicts, filtered."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from conflictlens.model import PartialDate
from conflictlens.store._write import EVIDENCE_COLUMNS

FOLD = "conflictlens_fold"
"""SQL function name for ``str.casefold``: SQLite's own LIKE and NOCASE fold ASCII only."""

# The last day an event's date may mean (see PartialDate.last_day).
_LAST_DAY = (
    "CASE time_precision WHEN 3 THEN date(event_date || '-01', '+1 month', '-1 day') "
    "WHEN 2 THEN date(event_date, '+6 days') ELSE event_date END"
)
_ORDER = "ORDER BY event_date IS NULL, event_date, event_id"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read; every criterion given must hold. Text matches ignore case."""

    since: PartialDate | dt.date | None = None
    """Events that may have happened on or after this day (or month)."""
    until: PartialDate | dt.date | None = None
    """Events that may have happened on or before this day (or month)."""
    country: str | None = None
    actor: str | None = None
    """A part of the name of actor1, actor2 or an associated actor."""
    event_type: str | None = None
    """An ACLED event type or sub-event type, whole."""
    doc_id: str | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise ValueError(f"limit must be 0 or more, not {self.limit}")


def fold(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


def read_events(conn: sqlite3.Connection, filters: EventFilter) -> list[dict[str, object]]:
    where, params = _where(filters)
    limit = " LIMIT ?" if filters.limit is not None else ""
    if limit:
        params.append(filters.limit)
    selected = f"SELECT event_id FROM events WHERE {where} {_ORDER}{limit}"
    rows = conn.execute(f"SELECT * FROM events WHERE {where} {_ORDER}{limit}", params)
    names = [d[0] for d in rows.description]
    events = [dict(zip(names, row, strict=True)) for row in rows]
    claims: dict[str, list[dict[str, object]]] = defaultdict(list)
    for event_id, status, by, start, end, text in conn.execute(
        f'SELECT event_id, status, "by", start, "end", text FROM claims '
        f"WHERE event_id IN ({selected}) ORDER BY rowid",
        params,
    ):
        claims[event_id].append(
            {"status": status, "by": by, "start": start, "end": end, "text": text}
        )
    support: dict[str, dict[str, object]] = defaultdict(dict)
    for event_id, field, start, end, text in conn.execute(
        f'SELECT event_id, field, start, "end", text FROM support '
        f"WHERE event_id IN ({selected}) ORDER BY event_id, field",
        params,
    ):
        support[event_id][field] = {"start": start, "end": end, "text": text}
    return [
        _record(row, claims[str(row["event_id"])], support[str(row["event_id"])]) for row in events
    ]


def _record(
    row: dict[str, object], claims: list[dict[str, object]], support: dict[str, object]
) -> dict[str, object]:
    sentence, start, end = (row.pop(name) for name in EVIDENCE_COLUMNS)
    evidence = None if sentence is None else {"sentence": sentence, "start": start, "end": end}
    return {**row, "evidence": evidence, "claims": claims, "support": support}


def _where(filters: EventFilter) -> tuple[str, list[object]]:
    clauses: list[str] = ["1"]
    params: list[object] = []
    if filters.since is not None:
        since = _partial(filters.since).first_day()
        # The first test narrows by the index (no event that may reach `since` starts more
        # than a week before it, months aside, which compare by prefix); the second decides.
        clauses.append(f"event_date >= ? AND {_LAST_DAY} >= ?")
        params += [(since - dt.timedelta(days=6)).isoformat()[:7], since.isoformat()]
    if filters.until is not None:
        # 'YYYY-MM' sorts just before the month's first day, so month dates compare right.
        clauses.append("event_date <= ?")
        params.append(_partial(filters.until).last_day().isoformat())
    if filters.country is not None:
        clauses.append(f"{FOLD}(country) = ?")
        params.append(fold(filters.country))
    if filters.actor is not None:
        columns = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        clauses.append("(" + " OR ".join(f"instr({FOLD}({c}), ?) > 0" for c in columns) + ")")
        params += [fold(filters.actor)] * len(columns)
    if filters.event_type is not None:
        clauses.append(f"({FOLD}(event_type) = ? OR {FOLD}(sub_event_type) = ?)")
        params += [fold(filters.event_type)] * 2
    if filters.doc_id is not None:
        clauses.append("doc_id = ?")
        params.append(filters.doc_id)
    return " AND ".join(clauses), params


def _partial(value: PartialDate | dt.date) -> PartialDate:
    return value if isinstance(value, PartialDate) else PartialDate.of(value)
