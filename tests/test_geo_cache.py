"""The index cache folder: a new index file replaces the older ones, never one being built."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conflictlens.geo.cache import build_lock, read_cached, remove_stale, write_cached

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file locks")


def _index(folder: Path, key: str, lock: bool = True) -> Path:
    path = folder / f"gazetteer-{key}.bin"
    path.write_bytes(b"an index")
    if lock:
        path.with_suffix(".lock").touch()
    return path


def test_writing_a_new_index_removes_the_older_ones(tmp_path: Path) -> None:
    old = _index(tmp_path, "1111")
    older = _index(tmp_path, "2222", lock=False)
    interrupted = tmp_path / f"{older.name}x7q1.tmp"
    interrupted.write_bytes(b"half an index")
    orphan_lock = tmp_path / "gazetteer-3333.lock"
    orphan_lock.touch()
    unrelated = [tmp_path / "notes.txt", tmp_path / "other-4444.bin"]
    for path in unrelated:
        path.write_text("kept")

    new = tmp_path / "gazetteer-5555.bin"
    with build_lock(new):
        write_cached(new, b"the new index")
    removed = remove_stale(new, recent=0)

    assert {old, old.with_suffix(".lock"), older, interrupted, orphan_lock} <= set(removed)
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {"gazetteer-5555.bin", "gazetteer-5555.lock", "notes.txt", "other-4444.bin"}
    assert new.read_bytes() == b"the new index"


def test_an_index_another_process_is_building_stays(tmp_path: Path) -> None:
    building = _index(tmp_path, "1111")
    stale = _index(tmp_path, "2222")
    new = _index(tmp_path, "3333")
    with build_lock(building):  # held through another open file, as another process would
        removed = remove_stale(new, recent=0)
    assert building.exists() and building.with_suffix(".lock").exists()
    assert not stale.exists() and stale in removed
    assert new.exists()


def test_a_lock_whose_file_was_removed_is_taken_again(tmp_path: Path) -> None:
    stale = _index(tmp_path, "1111")
    remove_stale(_index(tmp_path, "2222"), recent=0)
    assert not stale.with_suffix(".lock").exists()
    # A process that wanted the removed index builds it again under a fresh lock file.
    with build_lock(stale):
        assert stale.with_suffix(".lock").exists()
        assert remove_stale(_index(tmp_path, "3333"), recent=0) == [
            tmp_path / "gazetteer-2222.bin",
            tmp_path / "gazetteer-2222.lock",
        ]
    assert stale.with_suffix(".lock").exists()


def test_an_empty_folder_has_nothing_to_remove(tmp_path: Path) -> None:
    assert remove_stale(tmp_path / "gazetteer-1111.bin") == []


def test_the_most_recently_used_other_index_stays(tmp_path: Path) -> None:
    older, used, new = (_index(tmp_path, key) for key in ("1111", "2222", "3333"))
    os.utime(older, (1_000_000, 1_000_000))
    os.utime(used, (1_000_000, 1_000_000))
    assert read_cached(used) == b"an index"  # reading marks it as used
    removed = remove_stale(new)
    assert older in removed and not older.exists()
    assert used.exists() and new.exists()
