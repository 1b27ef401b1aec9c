"""The merging tables: merged events, which mentions they hold and why, the candidate index,
the queue of mentions to link, and analyst decisions (migration 2, ``merging``).

:class:`ClusterTables` reads and writes them on a :class:`~conflictlens.store.Store`'s
connection; the merging itself lives in :mod:`conflictlens.merge`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal, TypeVar

from conflictlens.errors import StoreError
from conflictlens.model import Claim, ClaimStatus, Event, Evidence, PartialDate, Precision, Span
from conflictlens.store._query import EventFilter, _where
from conflictlens.store._store import Store

__all__ = ["ClusterTables", "DecisionRow", "MentionLink", "MergedEvent", "StoredMention"]

_CHUNK = 500
"""Ids per ``IN (...)`` list: well under SQLite's oldest limit of 999 parameters."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One real-world event, derived from the mentions that report it."""

    event_id: str
    event_date: PartialDate | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    assoc_actor_1: str | None
    inter1: int | None
    actor2: str | None
    assoc_actor_2: str | None
    inter2: int | None
    country: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    weapon: str | None
    fatalities: int | None
    injuries: int | None
    claim_status: ClaimStatus
    claimed_by: str | None
    reported_by: str | None
    plover: str | None
    cameo: str | None
    mentions: int
    documents: int
    corroboration: int
    """Independent sources: distinct outlets (documents of one outlet count once)."""
    sources: tuple[str, ...]

    @property
    def time_precision(self) -> int | None:
        return int(self.event_date.precision) if self.event_date else None

    def to_record(self) -> dict[str, object]:
        """A flat record with the field names of ``Event.to_record`` where they exist."""
        record: dict[str, object] = {}
        for field in dataclasses.fields(self):
            record[field.name] = getattr(self, field.name)
            if field.name == "event_date":
                record["time_precision"] = self.time_precision
        record["event_date"] = self.event_date.iso() if self.event_date else None
        record["sources"] = "; ".join(self.sources)
        return record


@dataclass(frozen=True, slots=True)
class MentionLink:
    """Why a mention belongs to its merged event (a row of ``event_mentions``)."""

    mention_id: str
    event_id: str
    via: str | None
    rule: Literal["first", "rules", "analyst"]
    decision_id: int | None = None
    distance_km: float | None = None
    date_relation: str | None = None
    place_rule: str | None = None
    actor_relation: str | None = None
    target_relation: str | None = None
    score: int | None = None


@dataclass(frozen=True, slots=True)
class StoredMention:
    """A stored event mention with what its document says about where it comes from."""

    event: Event
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class DecisionRow:
    decision_id: int
    action: Literal["merge", "split"]
    event_a: str
    event_b: str | None
    made_at: str
    mentions: tuple[str, ...]


_EVENT_COLUMNS = (
    "event_id", "doc_id", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "country",
    "admin1", "location", "latitude", "longitude", "geo_precision", "weapon", "fatalities",
    "injuries", "claim_status", "claimed_by", "reported_by", "source", "plover", "cameo",
    "codebook_version", "evidence_sentence", "evidence_start", "evidence_end",
)  # fmt: skip
_MERGED_COLUMNS = tuple(f.name for f in dataclasses.fields(MergedEvent))
_LINK_COLUMNS = tuple(f.name for f in dataclasses.fields(MentionLink))


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _marks(items: Sequence[object]) -> str:
    return ", ".join("?" * len(items))


class ClusterTables:
    """The merging tables of one open store."""

    def __init__(self, store: Store) -> None:
        self._conn = store._conn
        self.path = store.path

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; raises StoreError, with nothing written, when SQLite fails."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._conn.execute("COMMIT")
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self.path}: could not update the merged events ({exc}); nothing was "
                "changed, try again"
            ) from exc

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: could not read the merged events ({exc})") from exc

    def _ids(self, sql: str, ids: Iterable[str]) -> set[str]:
        """``sql`` with ``{marks}`` for a chunk of ids, its first column gathered."""
        found: set[str] = set()
        for chunk in _chunks(sorted(set(ids))):
            found.update(str(row[0]) for row in self._rows(sql.format(marks=_marks(chunk)), chunk))
        return found

    # -- mentions -----------------------------------------------------------------------------

    def pending(self) -> list[str]:
        return [str(row[0]) for row in self._rows("SELECT mention_id FROM merge_pending")]

    def all_mention_ids(self) -> list[str]:
        return [str(row[0]) for row in self._rows("SELECT event_id FROM events")]

    def document_mentions(self, doc_id: str) -> list[str]:
        rows = self._rows("SELECT event_id FROM events WHERE doc_id = ?", (doc_id,))
        return [str(row[0]) for row in rows]

    def _select(
        self, sql: str, column: str, ids: Iterable[str] | None
    ) -> Iterator[tuple[object, ...]]:
        """Rows of ``sql`` whose ``{where}`` keeps every row (``ids`` None) or ``column`` in
        ``ids``."""
        if ids is None:
            yield from self._rows(sql.format(where="1"))
            return
        for chunk in _chunks(sorted(set(ids))):
            yield from self._rows(sql.format(where=f"{column} IN ({_marks(chunk)})"), chunk)

    def events(self, ids: Iterable[str] | None) -> dict[str, Event]:
        """The stored mentions of ``ids`` (those that exist; None: all), without claims."""
        columns = ", ".join(_EVENT_COLUMNS)
        sql = f"SELECT {columns} FROM events WHERE {{where}}"
        events = (_event(row) for row in self._select(sql, "event_id", ids))
        return {event.event_id: event for event in events}

    def mentions(self, ids: Iterable[str] | None) -> list[StoredMention]:
        """The stored mentions of ``ids`` (None: all) with their claims and documents, by id."""
        ids = None if ids is None else sorted(set(ids))
        claims = self._claims(ids)
        columns = ", ".join(f"e.{name}" for name in _EVENT_COLUMNS)
        sql = (
            f"SELECT {columns}, d.source, d.title, d.published, d.url FROM events e "
            "JOIN documents d ON d.doc_id = e.doc_id WHERE {where}"
        )
        found = []
        for row in self._select(sql, "e.event_id", ids):
            event = _event(row[:-4], claims.get(str(row[0]), []))
            source, title, published, url = (_text(value) for value in row[-4:])
            found.append(StoredMention(event, source or event.source, title, published, url))
        return sorted(found, key=lambda mention: mention.event.event_id)

    def support(self, ids: Iterable[str]) -> dict[str, dict[str, Span]]:
        """Mention id -> field -> the words that support the field, for the mentions ``ids``."""
        found: dict[str, dict[str, Span]] = defaultdict(dict)
        sql = 'SELECT event_id, field, start, "end", text FROM support WHERE {where}'
        for event_id, name, start, end, text in self._select(sql, "event_id", ids):
            found[str(event_id)][str(name)] = Span(_int(start) or 0, _int(end) or 0, str(text))
        return dict(found)

    def _claims(self, ids: Iterable[str] | None) -> dict[str, list[Claim]]:
        claims: dict[str, list[Claim]] = defaultdict(list)
        sql = 'SELECT event_id, status, "by", start, "end", text FROM claims WHERE {where} '
        for event_id, status, by, start, end, text in self._select(
            sql + "ORDER BY rowid", "event_id", ids
        ):
            span = Span(_int(start) or 0, _int(end) or 0, str(text))
            claims[str(event_id)].append(Claim(_status(status), _text(by), span))
        return claims

    # -- the candidate index and the queue ----------------------------------------------------

    def write_keys(self, keys: Iterable[tuple[str, Sequence[str]]], fresh: bool = False) -> None:
        """(mention id, its keys) pairs, replacing what those mentions had (``fresh``: they
        have none, after :meth:`clear`)."""
        items = list(keys)
        for chunk in _chunks([] if fresh else [mention_id for mention_id, _ in items]):
            self._conn.execute(
                f"DELETE FROM merge_keys WHERE mention_id IN ({_marks(chunk)})", chunk
            )
        # In key order, the rows append to the table's b-tree instead of landing all over it.
        self._conn.executemany(
            "INSERT OR IGNORE INTO merge_keys (key, mention_id) VALUES (?, ?)",
            sorted((key, mention_id) for mention_id, mention_keys in items for key in mention_keys),
        )

    def keyed(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` already in the candidate index."""
        return self._ids(
            "SELECT DISTINCT mention_id FROM merge_keys WHERE mention_id IN ({marks})", ids
        )

    def registered(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """Key -> the mentions registered under it, for the keys that have any."""
        found: dict[str, list[str]] = defaultdict(list)
        for chunk in _chunks(sorted(set(keys))):
            sql = f"SELECT key, mention_id FROM merge_keys WHERE key IN ({_marks(chunk)})"
            for key, mention_id in self._rows(sql, chunk):
                found[str(key)].append(str(mention_id))
        return found

    def clear_pending(self, ids: Iterable[str]) -> None:
        for chunk in _chunks(sorted(set(ids))):
            self._conn.execute(
                f"DELETE FROM merge_pending WHERE mention_id IN ({_marks(chunk)})", chunk
            )

    # -- merged events ------------------------------------------------------------------------

    def event_mates(self, ids: Iterable[str]) -> set[str]:
        """Every mention that shares a merged event with one of ``ids``."""
        return self._ids(
            "SELECT mention_id FROM event_mentions WHERE event_id IN "
            "(SELECT event_id FROM event_mentions WHERE mention_id IN ({marks}))",
            ids,
        )

    def events_of(self, ids: Iterable[str]) -> set[str]:
        """The merged event ids the mentions of ``ids`` belong to now."""
        return self._ids(
            "SELECT DISTINCT event_id FROM event_mentions WHERE mention_id IN ({marks})", ids
        )

    def replace(
        self,
        mention_ids: Iterable[str] | None,
        events: Sequence[MergedEvent],
        links: Sequence[MentionLink],
    ) -> None:
        """Drop the merged events of ``mention_ids`` (None: none are left, after :meth:`clear`)
        and write ``events`` and ``links`` instead. The caller holds the transaction."""
        ids = sorted(set(mention_ids or ()))
        stale = sorted(self.events_of(ids))
        for chunk in _chunks(stale):
            self._conn.execute(
                f"DELETE FROM merged_events WHERE event_id IN ({_marks(chunk)})", chunk
            )
        for chunk in _chunks(ids):
            self._conn.execute(
                f"DELETE FROM event_mentions WHERE mention_id IN ({_marks(chunk)})", chunk
            )
        self._conn.executemany(
            f"INSERT INTO merged_events ({', '.join(_MERGED_COLUMNS)}, time_precision) "
            f"VALUES ({_marks(_MERGED_COLUMNS)}, ?)",
            [_merged_row(event) for event in events],
        )
        self._conn.executemany(
            f"INSERT INTO event_mentions ({', '.join(_LINK_COLUMNS)}) "
            f"VALUES ({_marks(_LINK_COLUMNS)})",
            [tuple(getattr(link, name) for name in _LINK_COLUMNS) for link in links],
        )

    def clear(self) -> None:
        """Forget every merged event, link and key (decisions stay). Caller holds the
        transaction."""
        for table in ("merged_events", "event_mentions", "merge_keys", "merge_pending"):
            self._conn.execute(f"DELETE FROM {table}")

    def event(self, event_id: str) -> MergedEvent | None:
        rows = self._rows(
            f"SELECT {', '.join(_MERGED_COLUMNS)}, time_precision FROM merged_events "
            "WHERE event_id = ?",
            (event_id,),
        )
        return _merged(rows[0]) if rows else None

    def members(self, event_ids: Iterable[str]) -> dict[str, list[str]]:
        """Merged event id -> the ids of its mentions, in order, for those of ``event_ids``."""
        found: dict[str, list[str]] = defaultdict(list)
        sql = "SELECT event_id, mention_id FROM event_mentions WHERE {where} ORDER BY mention_id"
        for event_id, mention_id in self._select(sql, "event_id", event_ids):
            found[str(event_id)].append(str(mention_id))
        return dict(found)

    def assignments(self) -> dict[str, str]:
        """Mention id -> merged event id, for every linked mention."""
        rows = self._rows("SELECT mention_id, event_id FROM event_mentions")
        return {str(mention_id): str(event_id) for mention_id, event_id in rows}

    def mate_links(self, ids: Iterable[str]) -> list[MentionLink]:
        """The rows of every mention that shares a merged event with one of ``ids``."""
        found: dict[str, MentionLink] = {}
        columns = ", ".join(_LINK_COLUMNS)
        for chunk in _chunks(sorted(set(ids))):
            sql = (
                f"SELECT {columns} FROM event_mentions WHERE event_id IN (SELECT event_id "
                f"FROM event_mentions WHERE mention_id IN ({_marks(chunk)}))"
            )
            for row in self._rows(sql, chunk):
                link = _link(row)
                found[link.mention_id] = link
        return [found[m] for m in sorted(found)]

    def event_sizes(self, event_ids: Iterable[str]) -> dict[str, int]:
        """Merged event id -> its number of mentions, for those of ``event_ids`` stored."""
        sql = "SELECT event_id, mentions FROM merged_events WHERE {where}"
        rows = self._select(sql, "event_id", event_ids)
        return {str(event_id): _int(count) or 0 for event_id, count in rows}

    def link_rows(self, ids: Iterable[str]) -> dict[str, MentionLink]:
        """Mention id -> its row, for those of ``ids`` that are linked."""
        columns = ", ".join(_LINK_COLUMNS)
        sql = f"SELECT {columns} FROM event_mentions WHERE {{where}}"
        links = (_link(row) for row in self._select(sql, "mention_id", ids))
        return {link.mention_id: link for link in links}

    def event_of(self, mention_id: str) -> str | None:
        rows = self._rows("SELECT event_id FROM event_mentions WHERE mention_id = ?", (mention_id,))
        return str(rows[0][0]) if rows else None

    def links(self, event_id: str) -> list[MentionLink]:
        rows = self._rows(
            f"SELECT {', '.join(_LINK_COLUMNS)} FROM event_mentions WHERE event_id = ? "
            "ORDER BY mention_id",
            (event_id,),
        )
        return [_link(row) for row in rows]

    def merged_events(self, filters: EventFilter) -> list[MergedEvent]:
        """Merged events by event_date then event_id; ``doc_id`` keeps those reported by it."""
        where, params = _where(dataclasses.replace(filters, doc_id=None, limit=None))
        if filters.doc_id is not None:
            where += (
                " AND event_id IN (SELECT m.event_id FROM event_mentions m "
                "JOIN events e ON e.event_id = m.mention_id WHERE e.doc_id = ?)"
            )
            params.append(filters.doc_id)
        limit = ""
        if filters.limit is not None:
            limit = " LIMIT ?"
            params.append(filters.limit)
        rows = self._rows(
            f"SELECT {', '.join(_MERGED_COLUMNS)}, time_precision FROM merged_events "
            f"WHERE {where} ORDER BY event_date IS NULL, event_date, event_id{limit}",
            params,
        )
        return [_merged(row) for row in rows]

    # -- analyst decisions --------------------------------------------------------------------

    def add_decision(
        self,
        action: Literal["merge", "split"],
        event_a: str,
        event_b: str | None,
        mentions: Iterable[str],
    ) -> int:
        """Record a decision; the caller holds the transaction."""
        made_at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        cursor = self._conn.execute(
            "INSERT INTO merge_decisions (action, event_a, event_b, made_at) VALUES (?, ?, ?, ?)",
            (action, event_a, event_b, made_at),
        )
        decision_id = int(cursor.lastrowid or 0)
        self._conn.executemany(
            "INSERT INTO merge_decision_mentions (decision_id, mention_id) VALUES (?, ?)",
            [(decision_id, mention_id) for mention_id in sorted(set(mentions))],
        )
        return decision_id

    def decisions(self, ids: Iterable[str]) -> list[DecisionRow]:
        """Every decision that names one of the mentions of ``ids``, oldest first."""
        numbers = self._ids(
            "SELECT decision_id FROM merge_decision_mentions WHERE mention_id IN ({marks})", ids
        )
        return self._decisions(sorted(int(n) for n in numbers))

    def all_decisions(self) -> list[DecisionRow]:
        numbers = self._rows("SELECT decision_id FROM merge_decisions ORDER BY decision_id")
        return self._decisions([_int(row[0]) or 0 for row in numbers])

    def _decisions(self, numbers: Sequence[int]) -> list[DecisionRow]:
        members: dict[int, list[str]] = defaultdict(list)
        heads: list[tuple[object, ...]] = []
        for chunk in _chunks(numbers):
            marks = _marks(chunk)
            heads += self._rows(
                "SELECT decision_id, action, event_a, event_b, made_at FROM merge_decisions "
                f"WHERE decision_id IN ({marks})",
                chunk,
            )
            for number, mention_id in self._rows(
                "SELECT decision_id, mention_id FROM merge_decision_mentions "
                f"WHERE decision_id IN ({marks}) ORDER BY mention_id",
                chunk,
            ):
                members[_int(number) or 0].append(str(mention_id))
        rows = [
            DecisionRow(
                decision_id=_int(number) or 0,
                action="split" if action == "split" else "merge",
                event_a=str(event_a),
                event_b=_text(event_b),
                made_at=str(made_at),
                mentions=tuple(members[_int(number) or 0]),
            )
            for number, action, event_a, event_b, made_at in heads
        ]
        return sorted(rows, key=lambda row: row.decision_id)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _status(value: object) -> ClaimStatus:
    if value == "claimed":
        return "claimed"
    if value == "confirmed":
        return "confirmed"
    if value == "denied":
        return "denied"
    return "reported"


def _date(text: object, precision: object) -> PartialDate | None:
    if not isinstance(text, str):
        return None
    date = PartialDate.parse(text)
    if precision == Precision.WEEK and date.precision == Precision.DAY:
        return PartialDate.of(date.date, Precision.WEEK)
    return date


def _event(row: Sequence[object], claims: list[Claim] | None = None) -> Event:
    (event_id, doc_id, event_date, time_precision, event_type, sub_event_type, actor1, assoc1,
     inter1, actor2, assoc2, inter2, country, admin1, location, latitude, longitude,
     geo_precision, weapon, fatalities, injuries, claim_status, claimed_by, reported_by,
     source, plover, cameo, codebook_version, sentence, start, end) = row  # fmt: skip
    evidence = None
    if isinstance(sentence, str):
        evidence = Evidence(sentence, _int(start) or 0, _int(end) or 0)
    return Event(
        event_id=str(event_id),
        doc_id=str(doc_id),
        event_date=_date(event_date, time_precision),
        event_type=str(event_type),
        sub_event_type=str(sub_event_type),
        actor1=_text(actor1),
        assoc_actor_1=_text(assoc1),
        actor2=_text(actor2),
        assoc_actor_2=_text(assoc2),
        inter1=_int(inter1),
        inter2=_int(inter2),
        country=_text(country),
        admin1=_text(admin1),
        location=_text(location),
        latitude=_float(latitude),
        longitude=_float(longitude),
        geo_precision=_int(geo_precision),
        weapon=_text(weapon),
        fatalities=_int(fatalities),
        injuries=_int(injuries),
        claim_status=_status(claim_status),
        claimed_by=_text(claimed_by),
        reported_by=_text(reported_by),
        source=_text(source),
        plover=_text(plover),
        cameo=_text(cameo),
        codebook_version=_text(codebook_version),
        evidence=evidence,
        claims=claims or [],
    )


def _merged_row(event: MergedEvent) -> tuple[object, ...]:
    values: list[object] = []
    for name in _MERGED_COLUMNS:
        value = getattr(event, name)
        if name == "event_date":
            value = event.event_date.iso() if event.event_date else None
        elif name == "sources":
            value = json.dumps(list(event.sources), ensure_ascii=False)
        values.append(value)
    return (*values, event.time_precision)


def _merged(row: Sequence[object]) -> MergedEvent:
    values = dict(zip(_MERGED_COLUMNS, row[:-1], strict=True))
    return MergedEvent(
        event_id=str(values["event_id"]),
        event_date=_date(values["event_date"], row[-1]),
        event_type=str(values["event_type"]),
        sub_event_type=str(values["sub_event_type"]),
        actor1=_text(values["actor1"]),
        assoc_actor_1=_text(values["assoc_actor_1"]),
        inter1=_int(values["inter1"]),
        actor2=_text(values["actor2"]),
        assoc_actor_2=_text(values["assoc_actor_2"]),
        inter2=_int(values["inter2"]),
        country=_text(values["country"]),
        admin1=_text(values["admin1"]),
        location=_text(values["location"]),
        latitude=_float(values["latitude"]),
        longitude=_float(values["longitude"]),
        geo_precision=_int(values["geo_precision"]),
        weapon=_text(values["weapon"]),
        fatalities=_int(values["fatalities"]),
        injuries=_int(values["injuries"]),
        claim_status=_status(values["claim_status"]),
        claimed_by=_text(values["claimed_by"]),
        reported_by=_text(values["reported_by"]),
        plover=_text(values["plover"]),
        cameo=_text(values["cameo"]),
        mentions=_int(values["mentions"]) or 0,
        documents=_int(values["documents"]) or 0,
        corroboration=_int(values["corroboration"]) or 0,
        sources=_sources(values["sources"]),
    )


def _sources(value: object) -> tuple[str, ...]:
    """The ``sources`` column: a JSON list of outlet names."""
    names = json.loads(value) if isinstance(value, str) else []
    return tuple(str(name) for name in names) if isinstance(names, list) else ()


def _link(row: Sequence[object]) -> MentionLink:
    (mention_id, event_id, via, rule, decision_id, distance, date_relation, place_rule,
     actor_relation, target_relation, score) = row  # fmt: skip
    return MentionLink(
        mention_id=str(mention_id),
        event_id=str(event_id),
        via=_text(via),
        rule="analyst" if rule == "analyst" else "rules" if rule == "rules" else "first",
        decision_id=_int(decision_id),
        distance_km=_float(distance),
        date_relation=_text(date_relation),
        place_rule=_text(place_rule),
        actor_relation=_text(actor_relation),
        target_relation=_text(target_relation),
        score=_int(score),
    )
