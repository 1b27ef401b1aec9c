"""Event precision, recall and F1, and per-field accuracy on matched pairs.

Counting (see :mod:`conflictlens.evaluate.match` for how pairs are made):

- a predicted event matched to a required gold event is a true positive;
- a predicted event matched to a ``required: false`` gold event is *ignored* (neither TP nor FP),
  and an unmatched ``required: false`` gold event is not a miss;
- any other predicted event is a false positive, any other required gold event a false negative;
- in ``best`` mode a pair that is not admissible counts one FP and one FN.

Field accuracy is taken over the pairs with a required gold event that states the field.
With nothing to find and nothing predicted, precision, recall and F1 are 1.0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from conflictlens.errors import EvalError
from conflictlens.evaluate.compare import FIELD_CHECKS, FIELD_NAMES, MatchRules
from conflictlens.evaluate.gold import GoldEvent
from conflictlens.evaluate.groups import languages_from_ids
from conflictlens.evaluate.match import DocumentMatch, MatchMode, Pair, match_document
from conflictlens.model import Event

__all__ = ["Counts", "EventScores", "FieldScore", "score_events"]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        return self.tp == self.fp == self.fn == 0

    @property
    def precision(self) -> float:
        return 1.0 if self.empty else _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return 1.0 if self.empty else _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        if self.empty:
            return 1.0
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_json(self) -> dict[str, object]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True, slots=True)
class FieldScore:
    name: str
    correct: int
    n: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None

    def to_json(self) -> dict[str, object]:
        accuracy = self.accuracy
        return {
            "accuracy": None if accuracy is None else round(accuracy, 4),
            "correct": self.correct,
            "n": self.n,
        }


@dataclass(frozen=True, slots=True)
class EventScores:
    mode: MatchMode
    counts: Counts
    fields: tuple[FieldScore, ...]
    by_group: Mapping[str, Counts]
    documents: int
    documents_with_gold: int
    """Documents with at least one required gold event."""
    detected: int
    """Of those, documents with at least one predicted event."""
    predicted: int
    ignored: int
    """Predicted events matched to ``required: false`` gold events."""

    @property
    def detection_rate(self) -> float:
        return _ratio(self.detected, self.documents_with_gold)

    def to_json(self) -> dict[str, object]:
        return {
            "mode": self.mode,
            **self.counts.to_json(),
            "documents": self.documents,
            "documents_with_gold": self.documents_with_gold,
            "detected": self.detected,
            "detection_rate": round(self.detection_rate, 4),
            "predicted": self.predicted,
            "ignored": self.ignored,
            "fields": {score.name: score.to_json() for score in self.fields},
            "by_group": {name: counts.to_json() for name, counts in self.by_group.items()},
        }


@dataclass(slots=True)
class _Tally:
    """Running totals while scoring; lives inside one :func:`score_events` call."""

    counts: Counts = field(default_factory=Counts)
    by_group: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    scored: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    documents_with_gold: int = 0
    detected: int = 0
    predicted: int = 0
    ignored: int = 0


def _document_counts(found: DocumentMatch) -> tuple[Counts, int]:
    """(TP/FP/FN, ignored predictions) for one document."""
    required = [pair for pair in found.pairs if pair.gold.required]
    hits = sum(1 for pair in required if pair.admissible)
    misses = len(required) - hits
    return (
        Counts(
            tp=hits,
            fp=misses + len(found.unmatched_pred),
            fn=misses + sum(1 for gold in found.unmatched_gold if gold.required),
        ),
        len(found.pairs) - len(required),
    )


def _score_fields(tally: _Tally, pairs: Sequence[Pair], rules: MatchRules) -> None:
    for pair in pairs:
        if not pair.gold.required:
            continue
        for name, check in FIELD_CHECKS.items():
            agrees = check(pair.pred, pair.gold, rules)
            if agrees is not None:
                tally.scored[name] += 1
                tally.correct[name] += int(agrees)


def _add_document(
    tally: _Tally, preds: Sequence[Event], golds: Sequence[GoldEvent], found: DocumentMatch
) -> Counts:
    counts, ignored = _document_counts(found)
    tally.counts += counts
    tally.ignored += ignored
    tally.predicted += len(preds)
    if any(gold.required for gold in golds):
        tally.documents_with_gold += 1
        tally.detected += bool(preds)
    return counts


def score_events(
    predicted: Mapping[str, Sequence[Event]],
    gold: Sequence[GoldEvent],
    doc_ids: Collection[str],
    *,
    mode: MatchMode = "match",
    rules: MatchRules | None = None,
    fields: Sequence[str] | None = None,
    groups: Mapping[str, str] | None = None,
) -> EventScores:
    """Score the events predicted for ``doc_ids`` (doc_id -> events) against their gold events.

    ``fields`` limits the per-field rows (default: every field in
    :data:`~conflictlens.evaluate.compare.FIELD_NAMES`); ``groups`` maps doc_id -> group label
    for per-group rows (default: the language prefix of the doc id, ``fr_...``).
    Gold events and predictions of documents outside ``doc_ids`` are not looked at.
    Raises EvalError for a field name that is not in ``FIELD_NAMES``.
    """
    unknown = sorted(set(fields or ()) - set(FIELD_NAMES))
    if unknown:
        raise EvalError(f"no such field(s) to score: {', '.join(unknown)}")
    rules = rules or MatchRules()
    groups = languages_from_ids(doc_ids) if groups is None else groups
    by_doc: dict[str, list[GoldEvent]] = defaultdict(list)
    for event in gold:
        by_doc[event.doc_id].append(event)
    tally = _Tally()
    for doc_id in sorted(set(doc_ids)):
        preds, golds = predicted.get(doc_id, ()), by_doc.get(doc_id, [])
        found = match_document(preds, golds, rules, mode)
        _score_fields(tally, found.pairs, rules)
        counts = _add_document(tally, preds, golds, found)
        if doc_id in groups:
            tally.by_group[groups[doc_id]] += counts
    return _result(tally, mode, fields or FIELD_NAMES, len(set(doc_ids)))


def _result(tally: _Tally, mode: MatchMode, fields: Sequence[str], documents: int) -> EventScores:
    return EventScores(
        mode=mode,
        counts=tally.counts,
        fields=tuple(FieldScore(name, tally.correct[name], tally.scored[name]) for name in fields),
        by_group=dict(sorted(tally.by_group.items())),
        documents=documents,
        documents_with_gold=tally.documents_with_gold,
        detected=tally.detected,
        predicted=tally.predicted,
        ignored=tally.ignored,
    )
