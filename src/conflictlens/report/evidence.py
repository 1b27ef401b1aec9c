"""How an event is quoted in a report: its evidence sentence cut into plain and supporting
pieces for highlighting, and its place in one line.

A supporting span (``support``: field -> the words behind the value) is marked when it lies
inside the evidence sentence; spans elsewhere in the document, or overlapping one already
marked, are left unmarked.
"""

from __future__ import annotations

from collections.abc import Mapping

from conflictlens.analysis.fields import Record, text

__all__ = ["evidence_pieces", "place_text"]


def evidence_pieces(record: Record) -> list[tuple[str, bool]]:
    """[(text, supports_a_field), ...] covering the sentence; [] when there is no evidence."""
    evidence = record.get("evidence")
    if not isinstance(evidence, Mapping):
        return []
    sentence, start = evidence.get("sentence"), evidence.get("start")
    if not isinstance(sentence, str) or not isinstance(start, int):
        return []
    pieces: list[tuple[str, bool]] = []
    cursor = 0
    for begin, end in _spans(record, start, len(sentence)):
        if begin < cursor:
            continue
        if begin > cursor:
            pieces.append((sentence[cursor:begin], False))
        pieces.append((sentence[begin:end], True))
        cursor = end
    if cursor < len(sentence):
        pieces.append((sentence[cursor:], False))
    return pieces


def _spans(record: Record, offset: int, length: int) -> list[tuple[int, int]]:
    support = record.get("support")
    if not isinstance(support, Mapping):
        return []
    spans = set()
    for span in support.values():
        if not isinstance(span, Mapping):
            continue
        begin, end = span.get("start"), span.get("end")
        if not (isinstance(begin, int) and isinstance(end, int)):
            continue
        if offset <= begin < end <= offset + length:
            spans.add((begin - offset, end - offset))
    return sorted(spans)


def place_text(record: Record) -> str:
    """``Location, Admin1, Country``, a part that repeats the one before it left out."""
    parts: list[str] = []
    for name in ("location", "admin1", "country"):
        value = text(record, name)
        if value and (not parts or parts[-1] != value):
            parts.append(value)
    return ", ".join(parts)
