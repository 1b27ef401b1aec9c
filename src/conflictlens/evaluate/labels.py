"""One label per document: accuracy, macro-F1 and the commonest confusions.

A document's predicted label is the ``sub_event_type`` of its most salient event (the one whose
evidence comes first in the text; the first listed when none has evidence), put through the
task's ``relabel`` map when it has one (a sub-type the map lacks becomes :data:`OTHER_LABEL`),
or :data:`NO_EVENT` when nothing was extracted. Macro-F1 averages the F1 of the classes present
in the gold labels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from conflictlens.model import Event

__all__ = [
    "NO_EVENT",
    "OTHER_LABEL",
    "ClassScore",
    "Confusion",
    "LabelScores",
    "LabelTask",
    "predicted_label",
    "salient_event",
    "score_labels",
]

NO_EVENT = "(no event)"
OTHER_LABEL = "(other)"
TOP_CONFUSIONS = 10


@dataclass(frozen=True, slots=True)
class LabelTask:
    name: str
    gold: Mapping[str, str]
    """doc_id -> gold label."""
    relabel: Mapping[str, str] | None = None
    """Predicted sub_event_type -> label, when the gold labels are not ACLED sub-types."""


@dataclass(frozen=True, slots=True)
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class Confusion:
    gold: str
    predicted: str
    count: int


@dataclass(frozen=True, slots=True)
class LabelScores:
    name: str
    n: int
    correct: int
    classes: tuple[ClassScore, ...]
    confusions: tuple[Confusion, ...]
    """The commonest (gold, predicted) disagreements, most frequent first."""

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def macro_f1(self) -> float:
        return sum(c.f1 for c in self.classes) / len(self.classes) if self.classes else 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "n": self.n,
            "correct": self.correct,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "classes": {
                c.label: {
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                    "support": c.support,
                }
                for c in self.classes
            },
            "confusions": [
                {"gold": c.gold, "predicted": c.predicted, "count": c.count}
                for c in self.confusions
            ],
        }


def _position(item: tuple[int, Event]) -> tuple[float, int]:
    index, event = item
    return (event.evidence.start if event.evidence else float("inf"), index)


def salient_event(events: Sequence[Event]) -> Event | None:
    """The event whose evidence comes first in the text; the first listed when none has any."""
    return min(enumerate(events), key=_position)[1] if events else None


def predicted_label(events: Sequence[Event], relabel: Mapping[str, str] | None) -> str:
    event = salient_event(events)
    if event is None:
        return NO_EVENT
    if relabel is None:
        return event.sub_event_type
    return relabel.get(event.sub_event_type, OTHER_LABEL)


def _class_score(label: str, pairs: Sequence[tuple[str, str]]) -> ClassScore:
    tp = sum(1 for gold, pred in pairs if gold == label == pred)
    gold_n = sum(1 for gold, _ in pairs if gold == label)
    pred_n = sum(1 for _, pred in pairs if pred == label)
    precision = tp / pred_n if pred_n else 0.0
    recall = tp / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClassScore(label, precision, recall, f1, gold_n)


def score_labels(
    task: LabelTask, predicted: Mapping[str, Sequence[Event]], doc_ids: Collection[str]
) -> LabelScores:
    """Score the documents of ``doc_ids`` that have a gold label in ``task``."""
    pairs = [
        (task.gold[doc_id], predicted_label(predicted.get(doc_id, ()), task.relabel))
        for doc_id in sorted(set(doc_ids))
        if doc_id in task.gold
    ]
    wrong = Counter(pair for pair in pairs if pair[0] != pair[1])
    return LabelScores(
        name=task.name,
        n=len(pairs),
        correct=sum(1 for gold, pred in pairs if gold == pred),
        classes=tuple(_class_score(label, pairs) for label in sorted({g for g, _ in pairs})),
        confusions=tuple(
            Confusion(gold, pred, count)
            for (gold, pred), count in sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))[
                :TOP_CONFUSIONS
            ]
        ),
    )
