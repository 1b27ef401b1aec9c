"""CSV and TSV: a header row naming the columns (``text`` required), one article a row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from conflictlens.errors import InputError
from conflictlens.ingest._common import document_from_fields
from conflictlens.model import Document


def read_csv(text: str, path: str, delimiter: str = ",") -> Iterator[Document | InputError]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield InputError(f"{path}:1", f"header row unreadable ({exc}); fix the file")
        return
    columns = [name.strip().lower() for name in header or []]
    if "text" not in columns:
        yield InputError(
            f"{path}:1",
            f"no 'text' column in the header row (found: {', '.join(columns) or 'nothing'}); "
            "the first row must name the columns, one of them 'text'",
        )
        return
    while True:
        # A quoted field may span lines: the record starts on the line after the last one read.
        line = reader.line_num + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            yield InputError(f"{path}:{line}", f"unreadable CSV ({exc}); fix the file from here")
            return
        if row is None:
            return
        if not row:
            continue
        yield _row_document(row, columns, f"{path}:{line}")


def _row_document(row: list[str], columns: list[str], origin: str) -> Document | InputError:
    if len(row) > len(columns):
        return InputError(
            origin,
            f"{len(row)} fields but the header names {len(columns)}; quote fields that "
            "contain the delimiter",
        )
    # A short row leaves its trailing columns empty, as spreadsheets write them.
    return document_from_fields(dict(zip(columns, row, strict=False)), origin)
