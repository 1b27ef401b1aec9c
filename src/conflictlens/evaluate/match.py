"""Pairing the predicted events of one document with its gold events.

Two ways, chosen by the benchmark:

- ``match`` (articles with several events): one-to-one over admissible pairs. Candidate pairs are
  taken greedily: pairs with a required gold event first, then by agreement
  (:func:`~conflictlens.evaluate.compare.pair_score`), then in document order.
- ``best`` (one summary, one event: ACLED notes, GTD summaries): each gold event is paired with
  the predicted event of its document that agrees with it best, admissible or not; the pair
  counts as found only when admissible. Other predicted events of that document are not counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from conflictlens.evaluate.compare import MatchRules, admissible, pair_score
from conflictlens.evaluate.gold import GoldEvent
from conflictlens.model import Event

__all__ = ["DocumentMatch", "MatchMode", "Pair", "match_document"]

MatchMode = Literal["match", "best"]


@dataclass(frozen=True, slots=True)
class Pair:
    pred: Event
    gold: GoldEvent
    score: float
    admissible: bool


@dataclass(frozen=True, slots=True)
class DocumentMatch:
    pairs: tuple[Pair, ...]
    unmatched_pred: tuple[Event, ...]
    unmatched_gold: tuple[GoldEvent, ...]


def _pair(pred: Event, gold: GoldEvent, rules: MatchRules) -> Pair:
    return Pair(pred, gold, pair_score(pred, gold, rules), admissible(pred, gold, rules))


def match_document(
    preds: Sequence[Event], golds: Sequence[GoldEvent], rules: MatchRules, mode: MatchMode
) -> DocumentMatch:
    if mode == "best":
        return _match_best(preds, golds, rules)
    return _match_one_to_one(preds, golds, rules)


def _match_one_to_one(
    preds: Sequence[Event], golds: Sequence[GoldEvent], rules: MatchRules
) -> DocumentMatch:
    candidates = [
        (not gold.required, -pair.score, g, p, pair)
        for g, gold in enumerate(golds)
        for p, pred in enumerate(preds)
        if (pair := _pair(pred, gold, rules)).admissible
    ]
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[Pair] = []
    for *_, g, p, pair in sorted(candidates, key=lambda c: c[:4]):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append(pair)
    return DocumentMatch(
        pairs=tuple(pairs),
        unmatched_pred=tuple(e for p, e in enumerate(preds) if p not in used_pred),
        unmatched_gold=tuple(e for g, e in enumerate(golds) if g not in used_gold),
    )


def _best_pair(preds: Sequence[Event], gold: GoldEvent, rules: MatchRules) -> Pair:
    pairs = [_pair(pred, gold, rules) for pred in preds]
    return max(pairs, key=lambda pair: (pair.admissible, pair.score))


def _match_best(
    preds: Sequence[Event], golds: Sequence[GoldEvent], rules: MatchRules
) -> DocumentMatch:
    if not preds or not golds:
        return DocumentMatch((), tuple(preds), tuple(golds))
    return DocumentMatch(tuple(_best_pair(preds, gold, rules) for gold in golds), (), ())
