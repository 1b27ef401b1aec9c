"""Opening a store file: make sure it is ours before touching it, then update its schema."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from conflictlens.errors import StoreError
from conflictlens.store._migrations import MIGRATIONS, Migration

APPLICATION_ID = 0x436C4C6E
"""``PRAGMA application_id`` of every conflictlens store ("ClLn"), so that another program's
SQLite file is recognised as such and left alone."""
_SQLITE_HEADER = b"SQLite format 3\x00"
_BUSY_SECONDS = 10.0
"""How long a writer waits for another process's transaction before giving up."""


def connect(path: Path) -> sqlite3.Connection:
    """An open, migrated connection in autocommit mode: transactions are explicit."""
    _check_file(path)
    try:
        conn = sqlite3.connect(path, timeout=_BUSY_SECONDS, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open it ({exc}); pass another --db path") from exc
    try:
        _check_identity(conn, path)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL still keeps every transaction atomic and the file sound; a power cut
        # may only lose the last documents, which a re-run adds again. FULL costs an fsync each.
        conn.execute("PRAGMA synchronous = NORMAL")
        _migrate(conn, path)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(
            f"{path}: cannot prepare the database ({exc}); pass another --db path"
        ) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def not_ours(path: Path, reason: str) -> StoreError:
    return StoreError(f"{path}: not a conflictlens database ({reason}); pass another --db path")


def _check_file(path: Path) -> None:
    """Refuse what SQLite would otherwise open and overwrite, before SQLite sees it."""
    if path.is_dir():
        raise StoreError(f"{path}: is a folder; pass a file path as --db")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: folder {path.parent} does not exist; create it first")
    if not path.exists():
        return
    try:
        with path.open("rb") as stream:
            head = stream.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read it ({exc.strerror}); check its permissions") from exc
    # An empty file is an empty database to SQLite: nothing in it can be lost.
    if head and head != _SQLITE_HEADER:
        raise not_ours(path, "not an SQLite file")


def _check_identity(conn: sqlite3.Connection, path: Path) -> None:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master ORDER BY name")]
    except sqlite3.DatabaseError as exc:
        raise not_ours(path, str(exc)) from exc
    if app_id == APPLICATION_ID or (app_id == 0 and not tables):
        return
    if app_id:
        raise not_ours(path, f"it belongs to another application, id {app_id:#x}")
    raise not_ours(path, f"an SQLite file with other tables: {', '.join(tables[:5])}")


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    if not _pending(conn, path):
        return
    # Writers queue here; the one that gets in second finds nothing left to do.
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations ("
            "id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        for migration in _pending(conn, path):
            _apply(conn, migration)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _pending(conn: sqlite3.Connection, path: Path) -> list[Migration]:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    applied = {row[0] for row in conn.execute("SELECT id FROM migrations")} if has_table else set()
    known = {m.id for m in MIGRATIONS}
    if applied - known:
        raise StoreError(
            f"{path}: written by a newer conflictlens (schema {max(applied)}, this one knows "
            f"{max(known)}); upgrade conflictlens or pass another --db path"
        )
    return [m for m in MIGRATIONS if m.id not in applied]


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    for statement in _statements(migration.sql):
        conn.execute(statement)
    conn.execute(
        "INSERT INTO migrations (id, name, applied_at) "
        "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        (migration.id, migration.name),
    )


def _statements(sql: str) -> Iterator[str]:
    """One statement at a time: ``executescript`` would commit the open transaction."""
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
