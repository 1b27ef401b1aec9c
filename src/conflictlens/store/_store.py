"""The Store: one SQLite file of documents and the events coded from them."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from conflictlens.errors import StoreError
from conflictlens.model import Document, Event
from conflictlens.store._query import FOLD, EventFilter, fold, read_events
from conflictlens.store._schema import connect
from conflictlens.store._write import insert_document, text_sha1


@dataclass(frozen=True, slots=True)
class StoreCounts:
    documents: int
    events: int


class Store:
    """Documents and their events in an SQLite file that datasette or sqlite3 can open as is.

    Use :meth:`open`; a Store is a context manager that closes its file.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open ``path``, creating it when missing and bringing its schema up to date.

        Raises StoreError, without writing anything, when the file is not a conflictlens store.
        """
        path = Path(path)
        conn = connect(path)
        conn.create_function(FOLD, 1, fold, deterministic=True)
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def has_document(self, doc: Document) -> bool:
        """True when this document, with this very text, is stored already."""
        row = self._read(
            "SELECT 1 FROM documents WHERE doc_id = ? AND text_sha1 = ?",
            (doc.doc_id, text_sha1(doc.text)),
        )
        return bool(row)

    def add_document(self, doc: Document, events: Sequence[Event], codebook_version: str) -> bool:
        """Store a document with its events, all or nothing; False when it was there already.

        A document stored before under the same doc_id with another text is replaced, events
        and all. ``codebook_version`` fills events that do not name their own.
        """
        strangers = sorted({e.doc_id for e in events} - {doc.doc_id})
        if strangers:
            raise StoreError(
                f"{self.path}: events of document {strangers[0]!r} given with document "
                f"{doc.doc_id!r}; store each document with its own events"
            )
        digest = text_sha1(doc.text)
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                added = self._replace(doc, digest, events, codebook_version)
                self._conn.execute("COMMIT" if added else "ROLLBACK")
            finally:
                # Whatever failed, even an interrupt, leaves no part of the document behind.
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self.path}: could not store document {doc.doc_id!r} ({exc}); nothing of it "
                "was written, try again or pass another --db path"
            ) from exc
        return added

    def events(self, filters: EventFilter | None = None) -> list[dict[str, object]]:
        """Stored events as ``Event.to_record()`` dicts, by event_date then event_id."""
        try:
            return read_events(self._conn, filters or EventFilter())
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: could not read events ({exc})") from exc

    def counts(self) -> StoreCounts:
        row = self._read(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)", ()
        )
        documents, events = (value if isinstance(value, int) else 0 for value in row)
        return StoreCounts(documents=documents, events=events)

    def _replace(
        self, doc: Document, digest: str, events: Sequence[Event], codebook_version: str
    ) -> bool:
        stored = self._conn.execute(
            "SELECT text_sha1 FROM documents WHERE doc_id = ?", (doc.doc_id,)
        ).fetchone()
        if stored and stored[0] == digest:
            return False
        if stored:
            # Its events, claims and support rows go with it (ON DELETE CASCADE).
            self._conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc.doc_id,))
        insert_document(self._conn, doc, events, codebook_version)
        return True

    def _read(self, sql: str, params: tuple[object, ...]) -> tuple[object, ...]:
        try:
            row: tuple[object, ...] | None = self._conn.execute(sql, params).fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: could not read it ({exc})") from exc
        return row or ()
