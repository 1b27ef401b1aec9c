"""A benchmark: documents to extract from, what to compare the result with, and how."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from conflictlens.evaluate.compare import FIELD_NAMES, MatchRules
from conflictlens.evaluate.gold import GoldEvent
from conflictlens.evaluate.labels import LabelTask
from conflictlens.evaluate.match import MatchMode
from conflictlens.model import Document

__all__ = ["Benchmark", "spread_sample"]


@dataclass(frozen=True, slots=True)
class Benchmark:
    name: str
    documents: tuple[Document, ...]
    gold: tuple[GoldEvent, ...] = ()
    score_events: bool = True
    """False for label-only sets (CASE 2021): no event P/R/F1 or field rows."""
    mode: MatchMode = "match"
    fields: tuple[str, ...] = FIELD_NAMES
    """The per-field accuracies the set's gold can measure."""
    label_tasks: tuple[LabelTask, ...] = ()
    groups: Mapping[str, str] | None = None
    """doc_id -> group for per-group rows; None: the documents' languages."""
    group_by: str = "lang"
    notes: tuple[str, ...] = ()
    own_actor_names: bool = False
    """The set names groups its own way, not ACLED's (GTD): its actors are read through the
    codebook's aliases when the runner is given them (``evaluate.actor_names``)."""
    """What the reader of the numbers must know (rows skipped, what a legacy row scores)."""
    rules: MatchRules = field(default_factory=MatchRules)
    """How predicted and gold events are compared on this set."""

    def sample(self, limit: int | None) -> Benchmark:
        """The benchmark cut to ``limit`` documents spread evenly over it (all when None)."""
        if limit is None or limit >= len(self.documents):
            return self
        documents = spread_sample(self.documents, limit)
        kept = {doc.doc_id for doc in documents}
        return replace(
            self,
            documents=documents,
            gold=tuple(event for event in self.gold if event.doc_id in kept),
            label_tasks=tuple(
                replace(task, gold={d: label for d, label in task.gold.items() if d in kept})
                for task in self.label_tasks
            ),
            notes=(*self.notes, f"sample of {len(documents)} of {len(self.documents)} documents"),
        )


def spread_sample(documents: tuple[Document, ...], limit: int) -> tuple[Document, ...]:
    """``limit`` documents taken at even steps from first to last (deterministic)."""
    if limit <= 0:
        return ()
    step = len(documents) / limit
    return tuple(documents[int(i * step)] for i in range(min(limit, len(documents))))
