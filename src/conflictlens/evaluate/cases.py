"""The error records of an event or label benchmark, from the same matching as its scores.

Documents are matched exactly as :func:`~conflictlens.evaluate.scores.score_events` matches
them, so the records add up to the scores: as many ``missed`` as false negatives, as many
``spurious`` as false positives, and for each field as many ``field`` records as the pairs its
accuracy counts wrong. Gold events marked ``required: false`` give no record, like in the scores.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from conflictlens.evaluate.benchmark import Benchmark
from conflictlens.evaluate.compare import (
    FIELD_CHECKS,
    MatchRules,
    same_place,
    same_time,
    same_type,
)
from conflictlens.evaluate.errors import (
    ErrorCase,
    MissedEvent,
    SpuriousEvent,
    WrongField,
    WrongLabel,
    clip,
)
from conflictlens.evaluate.gold import GoldEvent
from conflictlens.evaluate.labels import LabelTask, predicted_label, salient_event
from conflictlens.evaluate.match import DocumentMatch, Pair, match_document
from conflictlens.evaluate.normalise import km_between
from conflictlens.model import Document, Event, Span

__all__ = ["benchmark_errors", "event_errors", "label_errors"]

MAIN_FIELDS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "location",
    "latitude",
    "longitude",
    "weapon",
    "fatalities",
    "injuries",
    "claim_status",
)
"""The fields a record shows of a gold or predicted event."""

_SUPPORT_KEYS = {"date": "event_date"}
"""Accuracy-table field -> the key of ``Event.support`` that holds its words, where they differ."""


def benchmark_errors(
    bench: Benchmark, predicted: Mapping[str, Sequence[Event]], rules: MatchRules | None = None
) -> tuple[ErrorCase, ...]:
    """Every error behind ``bench``'s scores for ``predicted`` (doc_id -> events).

    ``rules`` must be those the scores used (default: the benchmark's).
    """
    events = event_errors(bench, predicted, rules or bench.rules) if bench.score_events else []
    labels = [case for task in bench.label_tasks for case in label_errors(bench, task, predicted)]
    return (*events, *labels)


def event_errors(
    bench: Benchmark, predicted: Mapping[str, Sequence[Event]], rules: MatchRules
) -> list[ErrorCase]:
    """``missed``, ``spurious`` and ``field`` records, document by document (sorted by id)."""
    documents = {doc.doc_id: doc for doc in bench.documents}
    gold: dict[str, list[GoldEvent]] = defaultdict(list)
    for event in bench.gold:
        gold[event.doc_id].append(event)
    cases: list[ErrorCase] = []
    for doc_id in sorted(documents):
        preds, golds = predicted.get(doc_id, ()), gold.get(doc_id, [])
        found = match_document(preds, golds, rules, bench.mode)
        cases += _document_errors(bench, documents[doc_id], found, rules)
    return cases


def _document_errors(
    bench: Benchmark, doc: Document, found: DocumentMatch, rules: MatchRules
) -> list[ErrorCase]:
    cases: list[ErrorCase] = []
    for pair in found.pairs:
        if not pair.gold.required:
            continue
        if not pair.admissible:
            cases.append(_missed(bench.name, doc, pair.gold, pair, rules))
            cases.append(_spurious(bench.name, pair.pred, compared_with=pair.gold.origin))
        cases += _wrong_fields(bench, pair, rules)
    cases += [
        _missed(bench.name, doc, gold, None, rules)
        for gold in found.unmatched_gold
        if gold.required
    ]
    cases += [_spurious(bench.name, pred) for pred in found.unmatched_pred]
    return cases


def _main_fields(item: Event | GoldEvent, keep: bool = False) -> dict[str, object]:
    """The filled main fields of an event (``keep``: also those left empty)."""
    values = {name: getattr(item, name) for name in MAIN_FIELDS}
    values["event_date"] = item.event_date.iso() if item.event_date else None
    return {name: value for name, value in values.items() if keep or value is not None}


def _gold_fields(gold: GoldEvent) -> dict[str, object]:
    """What the gold states, and what it fills without scoring it (a legacy row's date)."""
    values = _main_fields(gold, keep=True)
    return {name: value for name, value in values.items() if value is not None or gold.states(name)}


def _evidence(event: Event) -> dict[str, object] | None:
    found = event.evidence
    if found is None:
        return None
    return {"sentence": found.sentence, "start": found.start, "end": found.end}


def _ours(event: Event) -> dict[str, object]:
    return {"event_id": event.event_id, **_main_fields(event), "evidence": _evidence(event)}


def _reasons(pred: Event, gold: GoldEvent, rules: MatchRules) -> tuple[str, ...]:
    """Why ``pred`` may not stand for ``gold``, one phrase per failed condition."""
    reasons = []
    if not same_type(pred, gold):
        reasons.append(f"event type: gold {gold.event_type}, ours {pred.event_type}")
    if not same_place(pred, gold, rules):
        place = pred.location or "no place"
        reasons.append(f"place: gold {gold.location}, ours {place}{_apart(pred, gold)}")
    if not same_time(pred, gold, rules):
        day = pred.event_date.iso() if pred.event_date else None
        theirs = gold.event_date.iso() if gold.event_date else None
        reasons.append(f"date: gold {theirs}, ours {day}")
    return tuple(reasons)


def _apart(pred: Event, gold: GoldEvent) -> str:
    """How far apart the two places are: from the gold's point, else from the nearest place
    named like the gold's location (``GoldEvent.named_points``)."""
    points = (gold.coordinates,) if gold.coordinates is not None else gold.named_points
    if pred.latitude is None or pred.longitude is None or not points:
        return ""
    here = (pred.latitude, pred.longitude)
    return f" ({min(km_between(here, there) for there in points):.0f} km apart)"


def _missed(
    name: str, doc: Document, gold: GoldEvent, pair: Pair | None, rules: MatchRules
) -> MissedEvent:
    return MissedEvent(
        benchmark=name,
        doc_id=doc.doc_id,
        gold=_gold_fields(gold),
        gold_line=gold.origin,
        context=gold.evidence or clip(doc.text),
        nearest=None if pair is None else _ours(pair.pred),
        reasons=() if pair is None else _reasons(pair.pred, gold, rules),
    )


def _spurious(name: str, pred: Event, compared_with: str | None = None) -> SpuriousEvent:
    return SpuriousEvent(
        benchmark=name,
        doc_id=pred.doc_id,
        event_id=pred.event_id,
        ours=_main_fields(pred),
        evidence=_evidence(pred),
        compared_with=compared_with,
    )


def _wrong_fields(bench: Benchmark, pair: Pair, rules: MatchRules) -> list[ErrorCase]:
    """One record per field of ``bench.fields`` that the pair gets wrong."""
    cases: list[ErrorCase] = []
    for name in bench.fields:
        if FIELD_CHECKS[name](pair.pred, pair.gold, rules) is not False:
            continue
        support = _support(pair.pred, name)
        cases.append(
            WrongField(
                benchmark=bench.name,
                doc_id=pair.gold.doc_id,
                field=name,
                gold=_field_value(pair.gold, name),
                ours=_field_value(pair.pred, name),
                gold_line=pair.gold.origin,
                event_id=pair.pred.event_id,
                support=None if support is None else support.to_json(),
                evidence=_evidence(pair.pred),
            )
        )
    return cases


def _support(event: Event, name: str) -> Span | None:
    """The words an event's value for a field comes from; for the claim status, the words of
    the first claim with that status."""
    if name == "claim_status":
        return next(
            (claim.span for claim in event.claims if claim.status == event.claim_status), None
        )
    return event.support.get(_SUPPORT_KEYS.get(name, name))


def _field_value(item: Event | GoldEvent, name: str) -> object:
    """A field's value as the accuracy table compares it."""
    if name == "date":
        return item.event_date.iso() if item.event_date else None
    if name == "location":
        return {"name": item.location, "latitude": item.latitude, "longitude": item.longitude}
    return getattr(item, name)


def label_errors(
    bench: Benchmark, task: LabelTask, predicted: Mapping[str, Sequence[Event]]
) -> list[ErrorCase]:
    """A ``label`` record for each document of ``bench`` whose label we get wrong on ``task``."""
    cases: list[ErrorCase] = []
    documents = {doc.doc_id: doc for doc in bench.documents if doc.doc_id in task.gold}
    for _, doc in sorted(documents.items()):
        events = predicted.get(doc.doc_id, ())
        ours = predicted_label(events, task.relabel)
        if ours == task.gold[doc.doc_id]:
            continue
        salient = salient_event(events)
        cases.append(
            WrongLabel(
                benchmark=bench.name,
                doc_id=doc.doc_id,
                task=task.name,
                gold=task.gold[doc.doc_id],
                ours=ours,
                origin=doc.origin,
                text=clip(doc.text),
                evidence=None if salient is None else _evidence(salient),
            )
        )
    return cases
