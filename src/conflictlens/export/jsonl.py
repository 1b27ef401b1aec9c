"""JSON Lines: the records as stored (``Event.to_record()``), one per line, nothing dropped."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from conflictlens.analysis.fields import Record
from conflictlens.export.acled import ExportContext

__all__ = ["write_jsonl"]


def write_jsonl(records: Sequence[Record], out: Path, context: ExportContext) -> int:
    del context  # the records are written as they are
    with out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(dict(record), ensure_ascii=False) + "\n")
    return len(records)
