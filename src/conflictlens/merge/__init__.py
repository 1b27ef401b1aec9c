"""One event, many reports: event mentions of different documents merged into events.

- :mod:`~conflictlens.merge.rules`: when two mentions may be one happening (type, date,
  actors, place) and how strongly they agree;
- :mod:`~conflictlens.merge.index`: the candidate index by date and grid cell;
- :mod:`~conflictlens.merge.cluster`: the deterministic, order-free clustering;
- :mod:`~conflictlens.merge.neighbourhood`: which stored mentions a change can affect;
- :mod:`~conflictlens.merge.ledger`: every statement about an event, and its derived fields;
- :mod:`~conflictlens.merge.link`: keeping a store's merged events up to date
  (:func:`link_document` after each stored document), analyst merges and splits;
- :mod:`~conflictlens.merge.explain`: why an event is what it is.

>>> from conflictlens.merge import link_document, explain_event
>>> link_document(store, "doc-1")                     # doctest: +SKIP
>>> print(explain_event(store, "me-0123").to_text())  # doctest: +SKIP
"""

from conflictlens.merge.cluster import ClusterPlan, Decision, Join, find_links, plan_clusters
from conflictlens.merge.explain import Explanation, MentionExplanation, explain_event
from conflictlens.merge.index import MemoryIndex
from conflictlens.merge.ledger import FigureReport, Ledger, LedgerEntry, build_ledger
from conflictlens.merge.link import (
    LinkSummary,
    SplitOutcome,
    link_document,
    link_pending,
    merge_events,
    merged_events,
    merged_records,
    relink_all,
    split_mention,
)
from conflictlens.merge.rules import Assessment, MentionFacts, assess
from conflictlens.store._clusters import MentionLink, MergedEvent

__all__ = [
    "Assessment",
    "ClusterPlan",
    "Decision",
    "Explanation",
    "FigureReport",
    "Join",
    "Ledger",
    "LedgerEntry",
    "LinkSummary",
    "MemoryIndex",
    "MentionExplanation",
    "MentionFacts",
    "MentionLink",
    "MergedEvent",
    "SplitOutcome",
    "assess",
    "build_ledger",
    "explain_event",
    "find_links",
    "link_document",
    "link_pending",
    "merge_events",
    "merged_events",
    "merged_records",
    "plan_clusters",
    "relink_all",
    "split_mention",
]
