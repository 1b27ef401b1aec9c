"""CASE 2021 task 2: each snippet one document (no publication date), one sub-event label.

The gold code becomes an ACLED sub-event type through ``mappings.yaml``; the task's types outside
ACLED's taxonomy (organised crime, disasters, diplomacy, attribution) become ``(no event)``, so
rejecting them is part of the score. Only labels are scored: accuracy, macro-F1 over the gold
classes and the commonest confusions.
"""

from __future__ import annotations

from pathlib import Path

from conflictlens.evaluate.adapters.rows import Row, read_tsv_rows
from conflictlens.evaluate.benchmark import Benchmark
from conflictlens.evaluate.labels import NO_EVENT, LabelTask
from conflictlens.evaluate.mappings import load_mappings
from conflictlens.model import Document

__all__ = ["load_case2021"]

COLUMNS = ("id", "EventSnippet", "SubType")
TASK = "case2021"


def _label(row: Row, labels: dict[str, str | None]) -> str:
    code = row.required("SubType")
    if code not in labels:
        raise row.fail(f"SubType {code!r} is not in the case2021 labels of mappings.yaml")
    return labels[code] or NO_EVENT


def load_case2021(path: Path) -> Benchmark:
    """A CASE 2021 task 2 file (tab-separated: id, EventSnippet, SubType)."""
    labels = dict(load_mappings().case2021)
    documents: list[Document] = []
    gold: dict[str, str] = {}
    for row in read_tsv_rows(path, COLUMNS):
        doc_id = f"case2021-{row.required('id')}"
        if doc_id in gold:
            raise row.fail(f"id {row.required('id')} appears twice")
        gold[doc_id] = _label(row, labels)
        documents.append(
            Document(doc_id=doc_id, text=row.required("EventSnippet"), lang="en", origin=row.origin)
        )
    return Benchmark(
        name=TASK,
        documents=tuple(documents),
        score_events=False,
        label_tasks=(LabelTask(TASK, gold),),
        notes=(
            "a snippet's label is the sub-event type of its first event, (no event) when none",
            "types outside ACLED's taxonomy are gold (no event)",
        ),
    )
