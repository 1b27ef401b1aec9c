"""The cases behind the scores: one typed record per error, and the JSON Lines file they go to.

Event sets (project gold, ``acled``, ``acled-legacy``, ``gtd``):

- :class:`MissedEvent` (``missed``): a required gold event nothing was matched to, one per false
  negative;
- :class:`SpuriousEvent` (``spurious``): a predicted event matched to no gold event, one per
  false positive;
- :class:`WrongField` (``field``): a field of a matched pair that disagrees, one per pair and
  field the accuracy table counts as wrong.

Label sets (``case2021``, and GTD's attack type): :class:`WrongLabel` (``label``).
Geoparsing sets: :class:`ToponymCase` (``missed_toponym``, ``spurious_toponym``,
``wrong_place``: a recognised toponym placed more than 161 km from its gold point).

Every record names its ``kind``, its ``benchmark`` and its ``doc_id``, and carries the words to
find the case by (the sentence or the start of the document, and offsets where there are some).
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from conflictlens.errors import EvalError

__all__ = [
    "EVENT_KINDS",
    "GEO_KINDS",
    "LABEL_KINDS",
    "ErrorCase",
    "ErrorSummary",
    "MissedEvent",
    "SpuriousEvent",
    "ToponymCase",
    "WrongField",
    "WrongLabel",
    "check_errors_path",
    "clip",
    "window",
    "write_errors",
]

EVENT_KINDS = ("missed", "spurious", "field")
LABEL_KINDS = ("label",)
GEO_KINDS = ("missed_toponym", "spurious_toponym", "wrong_place")

TEXT_LIMIT = 400
"""Characters of a document kept in a record when there is no sentence to show: enough for an
ACLED note or a CASE snippet (most are shorter), short enough to keep a line readable."""
WINDOW = 80
"""Characters kept on each side of a toponym: about a clause, enough to recognise the place."""

Json = dict[str, object]


def clip(text: str, limit: int = TEXT_LIMIT) -> str:
    """``text`` cut at ``limit`` characters (an ellipsis marks the cut)."""
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def window(text: str, start: int, end: int, width: int = WINDOW) -> str:
    """The words around ``text[start:end]``, about ``width`` characters each side, on one line
    (a word the window would cut in two is left out)."""
    first, last = max(0, start - width), min(len(text), end + width)
    if first > 0 and not text[first - 1].isspace():
        space = text.find(" ", first, start)
        first = first if space < 0 else space
    if last < len(text) and not text[last].isspace():
        space = text.rfind(" ", end, last)
        last = last if space < 0 else space
    return " ".join(text[first:last].split())


@dataclass(frozen=True, slots=True)
class MissedEvent:
    benchmark: str
    doc_id: str
    gold: Mapping[str, object]
    """The gold event's main fields (those its line states or fills)."""
    gold_line: str
    """``file:line`` of the gold event."""
    context: str
    """The gold's evidence sentence when it gives one, else the start of the document."""
    nearest: Mapping[str, object] | None = None
    """Sets matched one-to-the-best (ACLED, GTD): our event it was compared with."""
    reasons: tuple[str, ...] = ()
    """Why ``nearest`` could not stand for the gold event (type, place, date)."""
    kind: Literal["missed"] = dataclasses.field(default="missed", init=False)

    def to_json(self) -> Json:
        return {
            "kind": self.kind,
            "benchmark": self.benchmark,
            "doc_id": self.doc_id,
            "gold_line": self.gold_line,
            "gold": dict(self.gold),
            "context": self.context,
            "nearest": None if self.nearest is None else dict(self.nearest),
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class SpuriousEvent:
    benchmark: str
    doc_id: str
    event_id: str
    ours: Mapping[str, object]
    """Our event's main fields."""
    evidence: Mapping[str, object] | None
    """Our sentence and its offsets in the document (``sentence``, ``start``, ``end``)."""
    compared_with: str | None = None
    """``file:line`` of the gold event it failed to match, on sets matched one-to-the-best."""
    kind: Literal["spurious"] = dataclasses.field(default="spurious", init=False)

    def to_json(self) -> Json:
        return {
            "kind": self.kind,
            "benchmark": self.benchmark,
            "doc_id": self.doc_id,
            "event_id": self.event_id,
            "ours": dict(self.ours),
            "evidence": None if self.evidence is None else dict(self.evidence),
            "compared_with": self.compared_with,
        }


@dataclass(frozen=True, slots=True)
class WrongField:
    benchmark: str
    doc_id: str
    field: str
    """A field of the accuracy table: ``actor1``, ``date``, ``location``, ..."""
    gold: object
    ours: object
    gold_line: str
    event_id: str
    support: Mapping[str, object] | None
    """The words our value comes from (``text``, ``start``, ``end``), when we have them."""
    evidence: Mapping[str, object] | None
    """Our event's sentence and its offsets."""
    kind: Literal["field"] = dataclasses.field(default="field", init=False)

    def to_json(self) -> Json:
        return {
            "kind": self.kind,
            "benchmark": self.benchmark,
            "doc_id": self.doc_id,
            "field": self.field,
            "gold": self.gold,
            "ours": self.ours,
            "gold_line": self.gold_line,
            "event_id": self.event_id,
            "support": None if self.support is None else dict(self.support),
            "evidence": None if self.evidence is None else dict(self.evidence),
        }


@dataclass(frozen=True, slots=True)
class WrongLabel:
    benchmark: str
    doc_id: str
    task: str
    gold: str
    ours: str
    origin: str
    """``file:line`` of the document."""
    text: str
    """The start of the document (a whole CASE snippet)."""
    evidence: Mapping[str, object] | None
    """The sentence of the event our label comes from; None when we found no event."""
    kind: Literal["label"] = dataclasses.field(default="label", init=False)

    def to_json(self) -> Json:
        return {
            "kind": self.kind,
            "benchmark": self.benchmark,
            "doc_id": self.doc_id,
            "task": self.task,
            "gold": self.gold,
            "ours": self.ours,
            "origin": self.origin,
            "text": self.text,
            "evidence": None if self.evidence is None else dict(self.evidence),
        }


ToponymKind = Literal["missed_toponym", "spurious_toponym", "wrong_place"]


@dataclass(frozen=True, slots=True)
class ToponymCase:
    kind: ToponymKind
    benchmark: str
    doc_id: str
    name: str
    """The words as they stand in the text (gold span, or ours for a spurious toponym)."""
    start: int
    end: int
    context: str
    """The words around the toponym."""
    gold_point: tuple[float, float] | None = None
    ours: Mapping[str, object] | None = None
    """The place we put there: ``name``, ``country``, ``latitude``, ``longitude``."""
    error_km: float | None = None

    def to_json(self) -> Json:
        point = self.gold_point
        return {
            "kind": self.kind,
            "benchmark": self.benchmark,
            "doc_id": self.doc_id,
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "context": self.context,
            "gold_point": None if point is None else {"latitude": point[0], "longitude": point[1]},
            "ours": None if self.ours is None else dict(self.ours),
            "error_km": None if self.error_km is None else round(self.error_km, 1),
        }


ErrorCase = MissedEvent | SpuriousEvent | WrongField | WrongLabel | ToponymCase
"""One error behind a score."""


@dataclass(frozen=True, slots=True)
class ErrorSummary:
    """What was written where: the count of each kind (zeros included)."""

    path: Path
    counts: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        kinds = ", ".join(f"{n} {kind}" for kind, n in self.counts.items())
        return f"errors: {kinds} ({self.total} in all) written to {self.path}"


def check_errors_path(path: Path) -> None:
    """Raise EvalError naming ``path`` when an errors file cannot be written there.

    Meant to run before any scoring, so that a long evaluation does not end on a bad path.
    """
    folder = path.parent
    if path.is_dir():
        raise EvalError(f"{path}: cannot write the errors file there: it is a folder")
    if not folder.is_dir():
        raise EvalError(f"{path}: cannot write the errors file: no folder {folder}")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise EvalError(f"{path}: cannot write the errors file: permission denied")


def write_errors(path: Path, cases: Sequence[ErrorCase], kinds: Sequence[str] = ()) -> ErrorSummary:
    """Write one JSON object a line (replacing the file) and count them by kind.

    ``kinds`` are the kinds to report even when none was found, in this order.
    """
    try:
        with path.open("w", encoding="utf-8") as handle:
            for case in cases:
                handle.write(json.dumps(case.to_json(), ensure_ascii=False) + "\n")
    except OSError as exc:
        raise EvalError(f"{path}: cannot write the errors file ({exc.strerror})") from exc
    found: Counter[str] = Counter(case.kind for case in cases)
    counts = {kind: found[kind] for kind in kinds} | dict(found)
    return ErrorSummary(path, counts)
