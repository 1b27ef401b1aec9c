"""The schema's history, oldest first. Applied ones are recorded in the ``migrations`` table.

A migration, once released, never changes: a new one is appended instead. Column names are the
fields of ``Event.to_record()``, so the tables read as ACLED's to anyone opening the file in
datasette or sqlite3.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    id: int
    name: str
    sql: str


_INITIAL = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    text_sha1 TEXT NOT NULL,
    published TEXT,
    source TEXT,
    title TEXT,
    url TEXT,
    lang TEXT,
    origin TEXT NOT NULL,
    text TEXT NOT NULL,
    codebook_version TEXT,
    added_at TEXT NOT NULL
);

CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    event_date TEXT,
    time_precision INTEGER,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1 TEXT,
    assoc_actor_1 TEXT,
    inter1 INTEGER,
    actor2 TEXT,
    assoc_actor_2 TEXT,
    inter2 INTEGER,
    country TEXT,
    admin1 TEXT,
    location TEXT,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER,
    weapon TEXT,
    fatalities INTEGER,
    injuries INTEGER,
    claim_status TEXT NOT NULL,
    claimed_by TEXT,
    reported_by TEXT,
    source TEXT,
    plover TEXT,
    cameo TEXT,
    codebook_version TEXT,
    evidence_sentence TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER
);

-- Rows are read back in rowid order, which is the order an event's claims were written in.
CREATE TABLE claims (
    event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    "by" TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);

CREATE TABLE support (
    event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (event_id, field)
);

CREATE INDEX events_event_date ON events (event_date);
CREATE INDEX events_country ON events (country);
CREATE INDEX events_actor1 ON events (actor1);
CREATE INDEX events_actor2 ON events (actor2);
CREATE INDEX events_sub_event_type ON events (sub_event_type);
CREATE INDEX events_doc_id ON events (doc_id);
CREATE INDEX claims_event_id ON claims (event_id);
"""

MIGRATIONS: tuple[Migration, ...] = (Migration(1, "initial", _INITIAL),)
