"""Rows for one document and its events. The caller holds the transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Sequence

from conflictlens.model import Document, Event

NESTED = ("evidence", "claims", "support")
"""Record fields that live in their own columns or tables rather than one column each."""
EVIDENCE_COLUMNS = ("evidence_sentence", "evidence_start", "evidence_end")


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def insert_document(
    conn: sqlite3.Connection, doc: Document, events: Sequence[Event], codebook_version: str
) -> None:
    conn.execute(
        "INSERT INTO documents (doc_id, text_sha1, published, source, title, url, lang, origin, "
        "text, codebook_version, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc.doc_id,
            text_sha1(doc.text),
            doc.published.iso() if doc.published else None,
            doc.source,
            doc.title,
            doc.url,
            doc.lang,
            doc.origin,
            doc.text,
            codebook_version,
            dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        ),
    )
    for event in events:
        _insert_event(conn, event, codebook_version)


def _insert_event(conn: sqlite3.Connection, event: Event, codebook_version: str) -> None:
    # The columns follow the record, so a field added to Event without a migration fails
    # loudly ("no such column") instead of being dropped.
    row = {k: v for k, v in event.to_record().items() if k not in NESTED}
    row["codebook_version"] = event.codebook_version or codebook_version
    evidence = event.evidence
    row.update(
        zip(
            EVIDENCE_COLUMNS,
            (evidence.sentence, evidence.start, evidence.end) if evidence else (None,) * 3,
            strict=True,
        )
    )
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    conn.execute(f"INSERT INTO events ({columns}) VALUES ({marks})", tuple(row.values()))
    conn.executemany(
        'INSERT INTO claims (event_id, status, "by", start, "end", text) VALUES (?, ?, ?, ?, ?, ?)',
        [
            (event.event_id, c.status, c.by, c.span.start, c.span.end, c.span.text)
            for c in event.claims
        ],
    )
    conn.executemany(
        'INSERT INTO support (event_id, field, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [
            (event.event_id, name, s.start, s.end, s.text)
            for name, s in sorted(event.support.items())
        ],
    )
