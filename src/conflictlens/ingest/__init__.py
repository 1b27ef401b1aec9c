"""Readers: files, folders and standard input to :class:`~conflictlens.model.Document` records.

Plain text (``.txt``, ``.text``, ``.md``), JSON Lines (``.jsonl``, ``.ndjson``, ``.json-lines``),
CSV and TSV, and saved web pages (``.html``, ``.htm``).
"""

from __future__ import annotations

from conflictlens.ingest._sources import read_documents

__all__ = ["read_documents"]
