"""Keeping a store's merged events up to date, and the analyst's merge and split decisions.

A new mention (or one whose event lost a member) waits in the store's queue. Linking takes
the queue, finds the neighbourhood whose events it can change
(:mod:`~conflictlens.merge.neighbourhood`) and recomputes the events of that neighbourhood
with :func:`~conflictlens.merge.cluster.plan_clusters`. Nothing outside it can change, so the
events are those a recomputation of the whole store would give, in whatever order the
documents came.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from conflictlens.errors import StoreError
from conflictlens.merge.cluster import ClusterPlan, Decision, Join, find_links, plan_clusters
from conflictlens.merge.index import MemoryIndex, register_keys
from conflictlens.merge.ledger import build_ledger, derive_event
from conflictlens.merge.neighbourhood import neighbourhood
from conflictlens.merge.rules import MentionFacts
from conflictlens.store import EventFilter, Store
from conflictlens.store._clusters import (
    ClusterTables,
    DecisionRow,
    MentionLink,
    MergedEvent,
    StoredMention,
)

__all__ = [
    "LinkSummary",
    "SplitOutcome",
    "link_document",
    "link_pending",
    "merge_events",
    "merged_events",
    "merged_records",
    "relink_all",
    "resolve_event",
    "split_mention",
]

WHOLE_STORE_ABOVE = 5000
"""With more mentions than this waiting (a store filled before merging existed, a bulk
import), everything is recomputed in memory at once instead of walking the neighbourhood
query by query. Both give the same events; on 10,000 waiting mentions of bench/merge.py the
walk takes 3.6 s of CPU and the whole recomputation 2.7 s, and the walk's share of queries
grows with the store while a document's neighbourhood stays small."""


@dataclass(frozen=True, slots=True)
class LinkSummary:
    mentions: int
    """Mentions whose event was recomputed (the neighbourhood of the waiting ones)."""
    events: int
    """Merged events written (those that changed)."""


@dataclass(frozen=True, slots=True)
class SplitOutcome:
    detached: MergedEvent
    """The event the split mention now makes on its own."""
    remaining: tuple[MergedEvent, ...]
    """The events the other mentions of the old event belong to now."""


def link_document(store: Store, doc_id: str) -> LinkSummary:
    """Link the mentions of a just-stored document to the events they report (and any other
    mention still waiting, for instance after an interrupted run). One transaction."""
    tables = ClusterTables(store)
    with tables.transaction():
        return _link(tables, set(tables.pending()) | set(tables.document_mentions(doc_id)))


def link_pending(store: Store) -> LinkSummary:
    """Link every mention waiting in the queue; nothing to do when none is. One transaction."""
    tables = ClusterTables(store)
    with tables.transaction():
        return _link(tables, set(tables.pending()))


def relink_all(store: Store) -> LinkSummary:
    """Recompute every merged event from scratch (analyst decisions kept). One transaction."""
    tables = ClusterTables(store)
    with tables.transaction():
        return _relink_all(tables)


def merged_events(store: Store, filters: EventFilter | None = None) -> list[MergedEvent]:
    """Merged events, filtered like ``Store.events`` (``doc_id``: events it reports)."""
    return ClusterTables(store).merged_events(filters or EventFilter())


def merged_records(store: Store, filters: EventFilter | None = None) -> list[dict[str, object]]:
    """Merged events as flat records that also show their evidence.

    Each record carries the fields of ``MergedEvent.to_record``, the ids of its mentions, and
    the ``evidence``, ``support`` and ``doc_id`` of one mention that reports it: the one that
    supports the most fields (the lowest id among equals), so that a report or an export of
    merged events still quotes the words behind each event.
    """
    tables = ClusterTables(store)
    events = tables.merged_events(filters or EventFilter())
    members = tables.members(event.event_id for event in events)
    mention_ids = [m for ids in members.values() for m in ids]
    mentions, support = tables.events(mention_ids), tables.support(mention_ids)
    records = []
    for event in events:
        record = event.to_record()
        reports = [mentions[m] for m in members.get(event.event_id, []) if m in mentions]
        record["mention_ids"] = [report.event_id for report in reports]
        if reports:
            quoted = max(reports, key=lambda report: len(support.get(report.event_id, {})))
            shown = replace(quoted, support=support.get(quoted.event_id, {})).to_record()
            for name in ("evidence", "support", "doc_id"):
                record[name] = shown[name]
        record["source"] = record["sources"]
        records.append(record)
    return records


def merge_events(store: Store, first: str, second: str) -> MergedEvent:
    """An analyst decision: the events ``first`` and ``second`` (event or mention ids) are one.

    Stored, and honoured by every later recomputation. Raises StoreError for an unknown id.
    """
    tables = ClusterTables(store)
    with tables.transaction():
        _link(tables, set(tables.pending()))
        event_a, event_b = resolve_event(tables, first), resolve_event(tables, second)
        members = {link.mention_id for e in (event_a, event_b) for link in tables.links(e)}
        if event_a != event_b:
            tables.add_decision("merge", event_a, event_b, members)
            _relink(tables, members)
        merged = tables.event_of(min(members))
        event = tables.event(merged) if merged else None
    if event is None:
        raise StoreError(f"{store.path}: the merged event of {first!r} was not written")
    return event


def split_mention(store: Store, event_id: str, mention_id: str) -> SplitOutcome:
    """An analyst decision: ``mention_id`` is not part of ``event_id``, nor of any event the
    rules would put it in. Stored, and honoured by every later recomputation (a later merge
    decision can still bring it back). Raises StoreError when the mention is not in the event.
    """
    tables = ClusterTables(store)
    with tables.transaction():
        _link(tables, set(tables.pending()))
        event = resolve_event(tables, event_id)
        if tables.event_of(mention_id) != event:
            raise StoreError(
                f"{store.path}: mention {mention_id!r} is not part of event {event!r}; "
                f"see its mentions with `conflictlens show {event}`"
            )
        mates = tables.event_mates([mention_id])
        tables.add_decision("split", event, mention_id, [mention_id])
        _relink(tables, mates)
        detached_id = tables.event_of(mention_id)
        others = {tables.event_of(m) or "" for m in mates - {mention_id}} - {detached_id, ""}
        detached = tables.event(detached_id) if detached_id else None
        found = (tables.event(name) for name in sorted(others))
        remaining = tuple(e for e in found if e is not None)
    if detached is None:
        raise StoreError(f"{store.path}: the event of {mention_id!r} was not written")
    return SplitOutcome(detached, remaining)


def resolve_event(tables: ClusterTables, name: str) -> str:
    """The merged event id for an event id or a mention id; StoreError for neither."""
    if tables.event(name) is not None:
        return name
    event = tables.event_of(name)
    if event is None:
        raise StoreError(
            f"{tables.path}: no merged event or event mention {name!r}; list the merged events "
            "with `conflictlens events --merged`"
        )
    return event


def _link(tables: ClusterTables, waiting: set[str]) -> LinkSummary:
    if not waiting:
        return LinkSummary(0, 0)
    if len(waiting) > WHOLE_STORE_ABOVE:
        return _relink_all(tables)
    summary = _relink(tables, waiting)
    tables.clear_pending(waiting)
    return summary


def _relink(tables: ClusterTables, seeds: Iterable[str]) -> LinkSummary:
    found = neighbourhood(tables, seeds)
    decisions = [_decision(row) for row in found.decisions]
    plans = plan_clusters(found.mentions, found.links, decisions, found.pinned, found.fixed)
    # An event is rewritten when a mention joins, leaves or is joined otherwise.
    before = tables.link_rows(found.mentions)
    sizes = tables.event_sizes(plan.event_id for plan in plans)
    changed = [
        plan
        for plan in plans
        if sizes.get(plan.event_id) != len(plan.members)
        or any(_row(plan.event_id, join) != before.get(join.mention_id) for join in plan.joins)
    ]
    members = [m for plan in changed for m in plan.members]
    stored = {m.event.event_id: m for m in tables.mentions(members)}
    _write(tables, stored, changed)
    return LinkSummary(mentions=len(found.mentions), events=len(changed))


def _relink_all(tables: ClusterTables) -> LinkSummary:
    tables.clear()
    stored = {m.event.event_id: m for m in tables.mentions(None)}
    mentions = {mention_id: MentionFacts.of(m.event) for mention_id, m in stored.items()}
    tables.write_keys(((m.mention_id, register_keys(m)) for m in mentions.values()), fresh=True)
    links = find_links(mentions, MemoryIndex(mentions.values()).candidates)
    decisions = [_decision(row) for row in tables.all_decisions()]
    plans = plan_clusters(mentions, links, decisions)
    _write(tables, stored, plans, fresh=True)
    return LinkSummary(mentions=len(mentions), events=len(plans))


def _decision(row: DecisionRow) -> Decision:
    return Decision(row.decision_id, row.action, row.mentions)


def _write(
    tables: ClusterTables,
    stored: Mapping[str, StoredMention],
    plans: Sequence[ClusterPlan],
    fresh: bool = False,
) -> None:
    """Derive and write the planned events over what their mentions had (``fresh``: they had
    nothing)."""
    events, rows = [], []
    for plan in plans:
        members = [stored[m] for m in plan.members]
        events.append(derive_event(plan.event_id, members, build_ledger(members)))
        rows += [_row(plan.event_id, join) for join in plan.joins]
    tables.replace(None if fresh else stored, events, rows)


def _row(event_id: str, join: Join) -> MentionLink:
    found = join.assessment
    if found is None:
        return MentionLink(join.mention_id, event_id, join.via, join.rule, join.decision_id)
    return MentionLink(
        mention_id=join.mention_id,
        event_id=event_id,
        via=join.via,
        rule=join.rule,
        decision_id=join.decision_id,
        distance_km=None if found.distance_km is None else round(found.distance_km, 3),
        date_relation=found.date_relation,
        place_rule=found.place_rule,
        actor_relation=found.actor_relation,
        target_relation=found.target_relation,
        score=found.score,
    )
