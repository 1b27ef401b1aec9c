"""Measuring the merging of event mentions into events against gold clusters.

A gold clusters file has one JSON object a line: ``cluster`` (a name) and ``mentions``, each
naming a mention by ``doc_id`` and ``evidence`` (words of the sentence that reports it). A
cluster of one mention is an event no other report may join: write look-alikes that way.
Mentions the gold does not name are not scored (spurious extractions have no true event).

A gold mention is found when a predicted mention of its document has an evidence sentence
that contains its words (or is contained in them); each predicted mention serves once. A gold
mention not found stands alone on the predicted side, so extraction misses cost recall.

Scores (over the gold mentions):

- pairwise: a pair of gold mentions in one predicted event is a true positive when the gold
  puts them together, a false positive otherwise; a gold pair apart is a false negative;
- B-cubed: per mention, the share of its predicted event that is in its gold cluster
  (precision) and the share of its gold cluster that is in its predicted event (recall),
  averaged;
- ``different_day_merges``: predicted events (all of them, gold or not) holding two
  day-precise mentions of different days, which the merging rules must never produce.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from conflictlens.errors import EvalError
from conflictlens.evaluate.gold import json_lines
from conflictlens.evaluate.scores import Counts
from conflictlens.evaluate.table import format_table, number
from conflictlens.model import PartialDate, Precision
from conflictlens.store import Store
from conflictlens.store._clusters import ClusterTables

__all__ = [
    "GoldCluster",
    "GoldMention",
    "MergeScores",
    "PredictedMention",
    "load_clusters",
    "predicted_from_store",
    "score_merge",
]


@dataclass(frozen=True, slots=True)
class GoldMention:
    doc_id: str
    evidence: str


@dataclass(frozen=True, slots=True)
class GoldCluster:
    name: str
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True, slots=True)
class PredictedMention:
    mention_id: str
    doc_id: str
    evidence: str
    event_id: str
    """The merged event it was put in."""
    event_date: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class MergeScores:
    gold_mentions: int
    found: int
    """Gold mentions matched to a predicted mention."""
    gold_events: int
    predicted_events: int
    """Predicted events holding at least one found gold mention."""
    pairs: Counts
    bcubed_precision: float
    bcubed_recall: float
    different_day_merges: int
    missing: tuple[GoldMention, ...] = field(default=())

    @property
    def bcubed_f1(self) -> float:
        total = self.bcubed_precision + self.bcubed_recall
        return 2 * self.bcubed_precision * self.bcubed_recall / total if total else 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "gold_mentions": self.gold_mentions,
            "found": self.found,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "pairwise": self.pairs.to_json(),
            "bcubed": {
                "precision": round(self.bcubed_precision, 4),
                "recall": round(self.bcubed_recall, 4),
                "f1": round(self.bcubed_f1, 4),
            },
            "different_day_merges": self.different_day_merges,
            "missing": [{"doc_id": m.doc_id, "evidence": m.evidence} for m in self.missing],
        }

    def to_table(self) -> str:
        pairs = self.pairs
        table = format_table(
            ("", "P", "R", "F1"),
            [
                ("pairwise", number(pairs.precision), number(pairs.recall), number(pairs.f1)),
                (
                    "B-cubed",
                    number(self.bcubed_precision),
                    number(self.bcubed_recall),
                    number(self.bcubed_f1),
                ),
            ],
        )
        head = (
            f"merging: {self.found}/{self.gold_mentions} gold mentions found, "
            f"{self.gold_events} gold events, {self.predicted_events} predicted; "
            f"pairs TP {pairs.tp} FP {pairs.fp} FN {pairs.fn}; "
            f"different-day merges: {self.different_day_merges}"
        )
        missing = [f"missing: {m.doc_id}: {m.evidence[:70]}" for m in self.missing]
        return "\n".join([head, table, *missing]) + "\n"


def load_clusters(path: Path | str) -> list[GoldCluster]:
    """Read a gold clusters file; EvalError names ``file:line`` of the first malformed line."""
    return [_cluster(data, origin) for origin, data in json_lines(path, "gold clusters")]


def _cluster(data: dict[str, object], origin: str) -> GoldCluster:
    mentions = data.get("mentions")
    if not isinstance(mentions, list) or not mentions:
        raise EvalError(f'{origin}: expected {{"cluster": NAME, "mentions": [...]}}')
    found = []
    for mention in mentions:
        doc_id = mention.get("doc_id") if isinstance(mention, dict) else None
        evidence = mention.get("evidence") if isinstance(mention, dict) else None
        if not isinstance(doc_id, str) or not isinstance(evidence, str) or not evidence.strip():
            raise EvalError(f"{origin}: each mention needs a doc_id and evidence words")
        found.append(GoldMention(doc_id, evidence))
    return GoldCluster(str(data.get("cluster", origin)), tuple(found))


def predicted_from_store(store: Store) -> list[PredictedMention]:
    """Every linked mention of the store with its evidence sentence and merged event."""
    tables = ClusterTables(store)
    ids = tables.all_mention_ids()
    events = tables.events(ids)
    assignments = tables.assignments()
    return [
        PredictedMention(
            mention_id=mention_id,
            doc_id=event.doc_id,
            evidence=event.evidence.sentence if event.evidence else "",
            event_id=assignments.get(mention_id, mention_id),
            event_date=event.event_date,
        )
        for mention_id, event in sorted(events.items())
    ]


def score_merge(
    clusters_gold: Sequence[GoldCluster], predicted: Sequence[PredictedMention]
) -> MergeScores:
    """Pairwise and B-cubed scores of ``predicted`` events on the gold mentions."""
    matched = _match(clusters_gold, predicted)
    gold_of: dict[int, int] = {}
    predicted_of: dict[int, str] = {}
    missing = []
    item = 0
    for index, cluster in enumerate(clusters_gold):
        for mention in cluster.mentions:
            gold_of[item] = index
            found = matched.get((index, mention))
            predicted_of[item] = found.event_id if found else f"\0missing {item}"
            if found is None:
                missing.append(mention)
            item += 1
    precision, recall = _bcubed(gold_of, predicted_of)
    return MergeScores(
        gold_mentions=item,
        found=item - len(missing),
        gold_events=len(clusters_gold),
        predicted_events=len({e for e in predicted_of.values() if not e.startswith("\0")}),
        pairs=_pairs(gold_of, predicted_of),
        bcubed_precision=precision,
        bcubed_recall=recall,
        different_day_merges=_different_day_merges(predicted),
        missing=tuple(missing),
    )


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("’", "'").split()).casefold()


def _match(
    clusters_gold: Sequence[GoldCluster], predicted: Sequence[PredictedMention]
) -> dict[tuple[int, GoldMention], PredictedMention]:
    by_doc: dict[str, list[PredictedMention]] = defaultdict(list)
    for mention in sorted(predicted, key=lambda m: m.mention_id):
        by_doc[mention.doc_id].append(mention)
    used: set[str] = set()
    matched = {}
    for index, cluster in enumerate(clusters_gold):
        for gold in cluster.mentions:
            words = _folded(gold.evidence)
            for candidate in by_doc.get(gold.doc_id, ()):
                sentence = _folded(candidate.evidence)
                if (
                    candidate.mention_id not in used
                    and sentence
                    and (words in sentence or sentence in words)
                ):
                    matched[(index, gold)] = candidate
                    used.add(candidate.mention_id)
                    break
    return matched


def _groups(assignment: Mapping[int, object]) -> dict[object, set[int]]:
    groups: dict[object, set[int]] = defaultdict(set)
    for item, group in assignment.items():
        groups[group].add(item)
    return groups


def _pairs(gold_of: Mapping[int, int], predicted_of: Mapping[int, str]) -> Counts:
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold_of), 2):
        same_gold, same_predicted = gold_of[a] == gold_of[b], predicted_of[a] == predicted_of[b]
        tp += same_gold and same_predicted
        fp += same_predicted and not same_gold
        fn += same_gold and not same_predicted
    return Counts(tp=tp, fp=fp, fn=fn)


def _bcubed(gold_of: Mapping[int, int], predicted_of: Mapping[int, str]) -> tuple[float, float]:
    if not gold_of:
        return 1.0, 1.0
    gold_groups, predicted_groups = _groups(gold_of), _groups(predicted_of)
    precision = recall = 0.0
    for item in gold_of:
        gold, found = gold_groups[gold_of[item]], predicted_groups[predicted_of[item]]
        common = len(gold & found)
        precision += common / len(found)
        recall += common / len(gold)
    return precision / len(gold_of), recall / len(gold_of)


def _different_day_merges(predicted: Iterable[PredictedMention]) -> int:
    days: dict[str, set[str]] = defaultdict(set)
    for mention in predicted:
        date = mention.event_date
        if date is not None and date.precision == Precision.DAY:
            days[mention.event_id].add(date.iso())
    return sum(1 for found in days.values() if len(found) > 1)
