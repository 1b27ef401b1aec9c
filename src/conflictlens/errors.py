"""One exception tree. Messages say what happened and what to do about it."""

from __future__ import annotations

__all__ = [
    "CodebookError",
    "ConflictlensError",
    "EvalError",
    "GazetteerError",
    "InputError",
    "StoreError",
]


class ConflictlensError(Exception):
    """Base of every error conflictlens raises on purpose."""


class InputError(ConflictlensError):
    """A document could not be read. ``origin`` names the file (and line) at fault."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class CodebookError(ConflictlensError):
    """A codebook data file is missing or malformed."""


class GazetteerError(ConflictlensError):
    """The gazetteer could not be built or loaded."""


class StoreError(ConflictlensError):
    """The SQLite store could not be opened, migrated or written."""


class EvalError(ConflictlensError):
    """A gold file or an evaluation request is malformed."""
