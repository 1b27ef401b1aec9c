"""Plain aligned text tables: first column to the left, the others to the right."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["format_table", "number"]


def number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [list(header), *[list(row) for row in rows]]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in lines
    )
