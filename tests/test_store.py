"""The SQLite store: what a user finds in the file, and what survives a failure."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from conflictlens.errors import StoreError
from conflictlens.model import Claim, Document, Event, Evidence, PartialDate, Precision, Span
from conflictlens.store import EventFilter, Store, StoreCounts
from conflictlens.store._migrations import MIGRATIONS

TEXT = (
    "La Résistance islamique a revendiqué une attaque de drone contre la base de Tanf. "
    "Un missile est tombé près de Shaddadi, selon une source locale."
)


def document(doc_id: str = "doc1", text: str = TEXT) -> Document:
    return Document(doc_id=doc_id, text=text, published=PartialDate(2023, 12, 1, Precision.MONTH))


def event(doc_id: str, n: int, **fields: object) -> Event:
    values: dict[str, object] = {
        "event_id": f"{doc_id}-{n}",
        "doc_id": doc_id,
        "event_date": PartialDate(2023, 12, 1, Precision.MONTH),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Islamic Resistance in Iraq",
        "actor2": "Military Forces of the United States",
        "country": "Syria",
        "weapon": "drone",
        "claim_status": "claimed",
        "claimed_by": "Islamic Resistance in Iraq",
        "evidence": Evidence(sentence=TEXT[:81], start=0, end=81),
        "claims": [
            Claim("claimed", "Islamic Resistance in Iraq", Span(22, 32, TEXT[22:32])),
            Claim("confirmed", None, Span(82, 99, TEXT[82:99])),
        ],
        "support": {"weapon": Span(49, 54, TEXT[49:54]), "actor1": Span(0, 26, TEXT[0:26])},
    }
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]


def sql(path: Path, query: str) -> list[tuple[object, ...]]:
    """What another program (sqlite3, datasette) sees in the file."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def test_open_creates_a_migrated_wal_database(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with Store.open(path) as store:
        assert store.counts() == StoreCounts(documents=0, events=0)
    recorded = sql(path, "SELECT id, name FROM migrations ORDER BY id")
    assert recorded == [(m.id, m.name) for m in MIGRATIONS]
    assert recorded[0] == (1, "initial")
    assert sql(path, "PRAGMA journal_mode") == [("wal",)]
    with Store.open(str(path)):
        pass
    assert len(sql(path, "SELECT * FROM migrations")) == len(MIGRATIONS), "applied once only"


def test_events_read_back_as_records(tmp_path: Path) -> None:
    events = [event("doc1", 1), event("doc1", 2, evidence=None, claims=[], support={})]
    with Store.open(tmp_path / "e.db") as store:
        assert store.add_document(document(), events, codebook_version="cb-7") is True
        records = store.events(EventFilter())
    expected = [e.to_record() | {"codebook_version": "cb-7"} for e in events]
    assert records == expected
    assert list(records[0]) == list(expected[0]), "fields in the documented order"


def test_columns_carry_acled_names_for_other_tools(tmp_path: Path) -> None:
    path = tmp_path / "e.db"
    with Store.open(path) as store:
        store.add_document(document(), [event("doc1", 1, fatalities=2)], "cb-1")
    assert sql(
        path, "SELECT event_date, time_precision, sub_event_type, fatalities FROM events"
    ) == [("2023-12", 3, "Air/drone strike", 2)]
    assert sql(path, 'SELECT status, "by", start, "end" FROM claims ORDER BY rowid') == [
        ("claimed", "Islamic Resistance in Iraq", 22, 32),
        ("confirmed", None, 82, 99),
    ]
    assert sql(path, "SELECT field, text FROM support ORDER BY field") == [
        ("actor1", TEXT[0:26]),
        ("weapon", TEXT[49:54]),
    ]
    assert sql(path, "SELECT doc_id, published, text FROM documents") == [("doc1", "2023-12", TEXT)]


def test_same_document_twice_adds_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "e.db") as store:
        assert not store.has_document(document())
        assert store.add_document(document(), [event("doc1", 1)], "cb") is True
        assert store.has_document(document())
        assert store.add_document(document(), [event("doc1", 1), event("doc1", 2)], "cb") is False
        assert store.counts() == StoreCounts(documents=1, events=1)


def test_changed_text_replaces_the_documents_events(tmp_path: Path) -> None:
    path = tmp_path / "e.db"
    with Store.open(path) as store:
        store.add_document(document(), [event("doc1", 1), event("doc1", 2)], "cb")
        store.add_document(document("other"), [event("other", 1)], "cb")
        changed = document(text=TEXT + " Mise à jour.")
        assert not store.has_document(changed)
        assert store.add_document(changed, [event("doc1", 9, country="Iraq")], "cb") is True
        assert store.has_document(changed)
        assert [r["event_id"] for r in store.events(EventFilter())] == ["doc1-9", "other-1"]
    # The replaced events' claims and support rows went with them.
    assert sql(path, "SELECT DISTINCT event_id FROM claims ORDER BY 1") == [
        ("doc1-9",),
        ("other-1",),
    ]
    assert sql(path, "SELECT DISTINCT event_id FROM support ORDER BY 1") == [
        ("doc1-9",),
        ("other-1",),
    ]


def test_a_failure_halfway_leaves_no_trace_of_the_document(tmp_path: Path) -> None:
    path = tmp_path / "e.db"
    with Store.open(path) as store:
        store.add_document(document("first"), [event("first", 1)], "cb")
        broken = [event("second", 1), event("second", 2, event_type=None)]
        with pytest.raises(StoreError, match=r"could not store document 'second' \(NOT NULL"):
            store.add_document(document("second"), broken, "cb")
        assert not store.has_document(document("second"))
        assert store.counts() == StoreCounts(documents=1, events=1)
        # A failed replacement keeps the version stored before.
        changed = document("first", TEXT + " Correction.")
        with pytest.raises(StoreError):
            store.add_document(changed, [event("first", 2, sub_event_type=None)], "cb")
        assert store.has_document(document("first"))
        assert [r["event_id"] for r in store.events(EventFilter())] == ["first-1"]
    assert sql(path, "SELECT count(*) FROM claims") == [(2,)]
    assert sql(path, "SELECT count(*) FROM support") == [(2,)]


def test_events_must_belong_to_the_document(tmp_path: Path) -> None:
    with Store.open(tmp_path / "e.db") as store:
        with pytest.raises(StoreError, match="events of document 'b' given with document 'a'"):
            store.add_document(document("a"), [event("b", 1)], "cb")
        assert store.counts() == StoreCounts(documents=0, events=0)


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "f.db")
    store.add_document(
        document("d1"),
        [
            event("d1", 1, event_date=PartialDate(2023, 11, 30), country="Iraq"),
            event("d1", 2),  # December 2023, month precision, Syria
            event(
                "d1",
                3,
                event_date=PartialDate(2024, 1, 2),
                event_type="Battles",
                sub_event_type="Armed clash",
                actor1="Syrian Democratic Forces",
                actor2=None,
                assoc_actor_1="Asayish; Forces armées locales",
            ),
            event("d1", 4, event_date=None),
        ],
        "cb",
    )
    store.add_document(document("d2"), [event("d2", 1, event_date=PartialDate(2023, 12, 15))], "cb")
    yield store
    store.close()


def ids(store: Store, **criteria: object) -> list[object]:
    return [r["event_id"] for r in store.events(EventFilter(**criteria))]  # type: ignore[arg-type]


def test_events_come_in_date_order_undated_last(filled: Store) -> None:
    assert ids(filled) == ["d1-1", "d1-2", "d2-1", "d1-3", "d1-4"]


def test_date_range_matches_months_that_overlap_it(filled: Store) -> None:
    assert ids(filled, since=dt.date(2023, 12, 20)) == ["d1-2", "d1-3"]
    assert ids(filled, until=dt.date(2023, 12, 1)) == ["d1-1", "d1-2"]
    assert ids(
        filled, since=PartialDate(2023, 12, 1, Precision.MONTH), until=dt.date(2023, 12, 31)
    ) == [
        "d1-2",
        "d2-1",
    ]
    assert ids(filled, until=PartialDate(2023, 11, 1, Precision.MONTH)) == ["d1-1"]
    assert ids(filled, since=dt.date(2024, 1, 3)) == []


def test_text_filters_ignore_case(filled: Store) -> None:
    assert ids(filled, country="iraq") == ["d1-1"]
    assert ids(filled, actor="democratic") == ["d1-3"]
    assert ids(filled, actor="FORCES ARMÉES") == ["d1-3"], "associated actors, beyond ASCII"
    assert ids(filled, actor="united states") == ["d1-1", "d1-2", "d2-1", "d1-4"]
    assert ids(filled, event_type="battles") == ["d1-3"]
    assert ids(filled, event_type="air/drone STRIKE") == ["d1-1", "d1-2", "d2-1", "d1-4"]
    assert ids(filled, event_type="drone") == [], "a whole type, not a part of one"
    assert ids(filled, doc_id="d2") == ["d2-1"]


def test_limit_keeps_claims_and_support_of_the_events_kept(filled: Store) -> None:
    [record] = filled.events(EventFilter(country="Syria", limit=1))
    assert record["event_id"] == "d1-2"
    assert len(record["claims"]) == 2  # type: ignore[arg-type]
    assert set(record["support"]) == {"actor1", "weapon"}  # type: ignore[call-overload]
    assert filled.events(EventFilter(limit=0)) == []


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my notes, not a database\n" * 50)
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(caught.value) == (
        f"{path}: not a conflictlens database (not an SQLite file); pass another --db path"
    )
    assert path.read_bytes() == before


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(
        StoreError, match=r"other\.db: not a conflictlens database \(an SQLite file"
    ):
        Store.open(path)
    assert path.read_bytes() == before
    assert sql(path, "PRAGMA journal_mode") == [("delete",)]


def test_a_corrupt_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    with Store.open(path) as store:
        store.add_document(document(), [event("doc1", 1)], "cb")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(
        StoreError,
        match=r"corrupt\.db: not a conflictlens database \(database disk image is malformed\)",
    ):
        Store.open(path)
    assert path.read_bytes() == bytes(data)


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations VALUES (99, 'future', '2030-01-01T00:00:00Z')")
    conn.commit()
    conn.close()
    known = max(m.id for m in MIGRATIONS)
    expected = rf"newer conflictlens \(schema 99, this one knows {known}\)"
    with pytest.raises(StoreError, match=expected):
        Store.open(path)


def test_a_path_in_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist; create it first"):
        Store.open(tmp_path / "missing" / "e.db")
    assert not (tmp_path / "missing").exists()
