"""Rows of the shared data files (JSONL or TSV), with typed cell readers that name file:line."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from conflictlens.errors import EvalError

__all__ = ["Row", "read_jsonl_rows", "read_tsv_rows"]


@dataclass(frozen=True, slots=True)
class Row:
    cells: Mapping[str, str]
    origin: str

    def fail(self, reason: str) -> EvalError:
        return EvalError(f"{self.origin}: {reason}")

    def text(self, key: str) -> str | None:
        """The cell's text, or None when empty or absent."""
        return self.cells.get(key, "").strip() or None

    def required(self, key: str) -> str:
        value = self.text(key)
        if value is None:
            raise self.fail(f"{key} is missing or empty")
        return value

    def integer(self, key: str) -> int | None:
        value = self.text(key)
        try:
            return None if value is None else int(value)
        except ValueError:
            raise self.fail(f"{key} must be a whole number, not {value!r}") from None

    def number(self, key: str) -> float | None:
        value = self.text(key)
        try:
            return None if value is None else float(value)
        except ValueError:
            raise self.fail(f"{key} must be a number, not {value!r}") from None

    def date(self, year: str, month: str, day: str) -> dt.date:
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise self.fail(f"no such date: year {year}, month {month}, day {day}") from None


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def read_jsonl_rows(path: Path) -> Iterator[Row]:
    """Each non-blank line of a JSONL file as a row of text cells."""
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield _json_row(line, f"{path}:{number}")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read ({exc})") from exc


def _json_row(line: str, origin: str) -> Row:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{origin}: not a JSON object ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise EvalError(f"{origin}: a row must be a JSON object")
    return Row({str(key): _cell(value) for key, value in data.items()}, origin)


def read_tsv_rows(path: Path, columns: tuple[str, ...]) -> Iterator[Row]:
    """The rows of a tab-separated file with a header line naming at least ``columns``.

    Cells are taken as written (no quoting), one row a line.
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader, [])
            missing = [name for name in columns if name not in header]
            if missing:
                raise EvalError(f"{path}:1: header lacks column(s) {', '.join(missing)}")
            for number, cells in enumerate(reader, start=2):
                if any(cell.strip() for cell in cells):
                    yield Row(dict(zip(header, cells, strict=False)), f"{path}:{number}")
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise EvalError(f"{path}: cannot read ({exc})") from exc
