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

_MERGING = """
-- One row per real-world event: the event mentions (rows of `events`) that report it, merged
-- across documents; the fields are derived from the mentions (conflictlens.merge.ledger).
CREATE TABLE merged_events (
    event_id TEXT PRIMARY KEY,
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
    plover TEXT,
    cameo TEXT,
    mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    corroboration INTEGER NOT NULL,
    sources TEXT
);

-- Which merged event each mention belongs to, and why: the mention it was joined to (`via`),
-- by which rule, at which distance, with which date and actor relations.
CREATE TABLE event_mentions (
    mention_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    via TEXT,
    rule TEXT NOT NULL,
    decision_id INTEGER,
    distance_km REAL,
    date_relation TEXT,
    place_rule TEXT,
    actor_relation TEXT,
    target_relation TEXT,
    score INTEGER
);

-- The candidate index: each linkable mention under its type, grid cell or province, and day.
CREATE TABLE merge_keys (
    key TEXT NOT NULL,
    mention_id TEXT NOT NULL,
    PRIMARY KEY (key, mention_id)
) WITHOUT ROWID;

-- Mentions whose event must be recomputed: new ones, and those whose event lost a mention.
CREATE TABLE merge_pending (mention_id TEXT PRIMARY KEY) WITHOUT ROWID;

-- Analyst decisions, honoured by every later recomputation; they outlive re-runs.
CREATE TABLE merge_decisions (
    decision_id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    event_a TEXT NOT NULL,
    event_b TEXT,
    made_at TEXT NOT NULL
);

CREATE TABLE merge_decision_mentions (
    decision_id INTEGER NOT NULL REFERENCES merge_decisions (decision_id) ON DELETE CASCADE,
    mention_id TEXT NOT NULL,
    PRIMARY KEY (decision_id, mention_id)
);

CREATE INDEX merged_events_event_date ON merged_events (event_date);
CREATE INDEX merged_events_country ON merged_events (country);
CREATE INDEX event_mentions_event_id ON event_mentions (event_id);
CREATE INDEX merge_keys_mention_id ON merge_keys (mention_id);
CREATE INDEX merge_decision_mentions_mention_id ON merge_decision_mentions (mention_id);

CREATE TRIGGER merge_queue_new_mention AFTER INSERT ON events
BEGIN
    INSERT OR IGNORE INTO merge_pending (mention_id) VALUES (NEW.event_id);
END;

-- A replaced document takes its mentions away: the rest of their events wait for a recount.
CREATE TRIGGER merge_forget_mention AFTER DELETE ON events
BEGIN
    INSERT OR IGNORE INTO merge_pending (mention_id)
        SELECT mention_id FROM event_mentions
        WHERE mention_id != OLD.event_id
          AND event_id = (SELECT event_id FROM event_mentions WHERE mention_id = OLD.event_id);
    DELETE FROM merged_events
        WHERE event_id = (SELECT event_id FROM event_mentions WHERE mention_id = OLD.event_id)
          AND NOT EXISTS (
              SELECT 1 FROM event_mentions AS other
              WHERE other.event_id = merged_events.event_id
                AND other.mention_id != OLD.event_id
          );
    DELETE FROM event_mentions WHERE mention_id = OLD.event_id;
    DELETE FROM merge_keys WHERE mention_id = OLD.event_id;
    DELETE FROM merge_pending WHERE mention_id = OLD.event_id;
END;

-- Every statement about each merged event: who said what, in which document, in which words
-- (a mention without a recorded claim states its own status in its evidence sentence).
CREATE VIEW event_ledger AS
SELECT
    m.event_id AS event_id,
    e.event_id AS mention_id,
    e.doc_id AS doc_id,
    coalesce(d.source, e.source) AS outlet,
    coalesce(c.status, e.claim_status) AS status,
    CASE
        WHEN c.event_id IS NOT NULL THEN c."by"
        WHEN e.claim_status = 'claimed' THEN e.claimed_by
        ELSE e.reported_by
    END AS "by",
    coalesce(c.text, e.evidence_sentence) AS text,
    coalesce(c.start, e.evidence_start) AS start,
    coalesce(c."end", e.evidence_end) AS "end",
    e.fatalities AS fatalities,
    e.injuries AS injuries
FROM event_mentions AS m
JOIN events AS e ON e.event_id = m.mention_id
JOIN documents AS d ON d.doc_id = e.doc_id
LEFT JOIN claims AS c ON c.event_id = e.event_id;

-- Mentions stored before merging existed wait to be linked.
INSERT INTO merge_pending (mention_id) SELECT event_id FROM events;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial", _INITIAL),
    Migration(2, "merging", _MERGING),
)
