"""The result of one evaluation run, as JSON, as a text table and as flat metric names."""

from __future__ import annotations

from dataclasses import dataclass

from conflictlens.evaluate.errors import EVENT_KINDS, LABEL_KINDS, ErrorCase
from conflictlens.evaluate.labels import LabelScores
from conflictlens.evaluate.scores import EventScores
from conflictlens.evaluate.table import format_table, number

__all__ = ["EvalReport"]


@dataclass(frozen=True, slots=True)
class EvalReport:
    name: str
    documents: int
    gold_events: int
    required_events: int
    events: EventScores | None
    """None when the set scores labels only."""
    labels: tuple[LabelScores, ...] = ()
    group_by: str = "lang"
    notes: tuple[str, ...] = ()
    errors: tuple[ErrorCase, ...] = ()
    """The cases behind the scores, when asked for (see :mod:`conflictlens.evaluate.errors`);
    not part of the JSON or the table."""

    @property
    def error_kinds(self) -> tuple[str, ...]:
        """The kinds of error record this report's scores can have."""
        events = EVENT_KINDS if self.events is not None else ()
        return (*events, *(LABEL_KINDS if self.labels else ()))

    def metrics(self) -> dict[str, float]:
        """Every number a floor can pin, by name: ``events.f1``, ``fields.actor1``,
        ``lang.fr.f1``, ``labels.case2021.macro_f1``, ... (fields measured on no pair are left
        out)."""
        values: dict[str, float] = {}
        if self.events is not None:
            values |= _event_metrics(self.events, self.group_by)
        for task in self.labels:
            values[f"labels.{task.name}.accuracy"] = task.accuracy
            values[f"labels.{task.name}.macro_f1"] = task.macro_f1
        return values

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "documents": self.documents,
            "gold_events": self.gold_events,
            "required_events": self.required_events,
            "group_by": self.group_by,
            "events": None if self.events is None else self.events.to_json(),
            "labels": {task.name: task.to_json() for task in self.labels},
            "notes": list(self.notes),
        }

    def to_table(self) -> str:
        parts = [self._heading()]
        if self.events is not None:
            parts += [_events_table(self.events, self.group_by), _fields_table(self.events)]
        parts += [_labels_table(task) for task in self.labels]
        if self.notes:
            parts.append("\n".join(["notes:", *(f"- {note}" for note in self.notes)]))
        return "\n\n".join(parts) + "\n"

    def _heading(self) -> str:
        heading = f"{self.name}: {self.documents} documents"
        if self.events is None:
            return heading
        scores = self.events
        return (
            f"{heading}, {self.gold_events} gold events ({self.required_events} required), "
            f"{scores.predicted} predicted ({scores.ignored} on optional gold), "
            f"matching: {scores.mode}\n"
            f"documents with gold that got an event: {scores.detected}/"
            f"{scores.documents_with_gold} ({number(scores.detection_rate)})"
        )


def _event_metrics(scores: EventScores, group_by: str) -> dict[str, float]:
    values = {
        "events.precision": scores.counts.precision,
        "events.recall": scores.counts.recall,
        "events.f1": scores.counts.f1,
        "events.detection_rate": scores.detection_rate,
    }
    for field in scores.fields:
        if field.accuracy is not None:
            values[f"fields.{field.name}"] = field.accuracy
    for group, counts in scores.by_group.items():
        values[f"{group_by}.{group}.precision"] = counts.precision
        values[f"{group_by}.{group}.recall"] = counts.recall
        values[f"{group_by}.{group}.f1"] = counts.f1
    return values


def _events_table(scores: EventScores, group_by: str) -> str:
    rows = [("events", scores.counts)] + [
        (f"{group_by} {group}", counts) for group, counts in scores.by_group.items()
    ]
    return format_table(
        ("", "P", "R", "F1", "TP", "FP", "FN"),
        [
            (
                label,
                number(c.precision),
                number(c.recall),
                number(c.f1),
                str(c.tp),
                str(c.fp),
                str(c.fn),
            )
            for label, c in rows
        ],
    )


def _fields_table(scores: EventScores) -> str:
    return format_table(
        ("field", "accuracy", "n"),
        [(f.name, number(f.accuracy), str(f.n)) for f in scores.fields],
    )


def _labels_table(task: LabelScores) -> str:
    summary = (
        f"{task.name}: accuracy {number(task.accuracy)} ({task.correct}/{task.n}), "
        f"macro-F1 {number(task.macro_f1)} over {len(task.classes)} gold classes"
    )
    classes = format_table(
        ("class", "P", "R", "F1", "n"),
        [
            (c.label, number(c.precision), number(c.recall), number(c.f1), str(c.support))
            for c in task.classes
        ],
    )
    parts = [summary, f"per class:\n{classes}"]
    if task.confusions:
        confusions = format_table(
            ("gold", "predicted", "count"),
            [(c.gold, c.predicted, str(c.count)) for c in task.confusions],
        )
        parts.append(f"top confusions:\n{confusions}")
    return "\n".join(parts)
