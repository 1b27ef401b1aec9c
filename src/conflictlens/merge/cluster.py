"""From mentions, links and analyst decisions to events: a deterministic, order-free clustering.

The result depends only on the set of mentions and decisions, never on the order they were
stored in:

1. day-precise mentions first: the links of :func:`~.rules.assess` between them are tried
   strongest first (score, then nearest, then mention ids), and a link joins two events only
   when *every* pair of their mentions is compatible, so that chaining can never put two
   different days, two named perpetrators or two distant places into one event (a mention
   that two events both want goes to the one it agrees with most);
2. then each week- or month-precise mention, on its own, joins the event it links to most
   strongly among those it agrees with entirely (compatible with every mention, naming no
   actor the event does not name); it never joins two events together, so a vague report
   ("strikes on Kharkiv in November") cannot chain a month of events into one;
3. a mention an analyst split off takes no link at all; analyst merges then join the events
   of their mentions, oldest first (a later split of a mention cancels the earlier merges for
   that mention);
4. an event is named after its smallest mention id, so the same members give the same id.

The events of day-precise mentions depend only on their connected component of links (a day
at most, by the date rule), and a vague mention's choice only on the events of the mentions it
links to: so recomputing a small neighbourhood gives the same events as recomputing
everything (:mod:`.neighbourhood`).
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from conflictlens.merge.rules import Assessment, MentionFacts, assess, compatible, may_link

__all__ = ["ClusterPlan", "Decision", "Join", "event_id_for", "find_links", "plan_clusters"]

EVENT_PREFIX = "me-"
"""Merged event ids: ``me-`` and the smallest member mention id without its ``ev-``."""

JoinRule = Literal["first", "rules", "analyst"]


@dataclass(frozen=True, slots=True)
class Decision:
    """An analyst's decision: these mentions are one event (merge), or this one stands apart
    from the rules (split)."""

    decision_id: int
    action: Literal["merge", "split"]
    mentions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Join:
    """Why a mention is in its event: the first mention, or the link that brought it in."""

    mention_id: str
    via: str | None
    """The mention it was joined to (None for the event's first, smallest, mention)."""
    rule: JoinRule
    decision_id: int | None = None
    assessment: Assessment | None = None
    """How the mention compares with ``via`` (for an analyst merge too, for the record)."""


@dataclass(frozen=True, slots=True)
class ClusterPlan:
    event_id: str
    members: tuple[str, ...]
    """Mention ids, sorted."""
    joins: tuple[Join, ...]
    """One per member: the event's first day-precise mention (else its smallest), then each
    mention in the order it was reached from it."""


def event_id_for(first_mention: str) -> str:
    return EVENT_PREFIX + first_mention.removeprefix("ev-")


def find_links(
    mentions: Mapping[str, MentionFacts], candidates: Callable[[MentionFacts], Iterable[str]]
) -> list[Assessment]:
    """Every link among ``mentions``, each pair assessed once (smaller id first)."""
    links = []
    for mention_id, facts in mentions.items():
        for other_id in candidates(facts):
            if other_id > mention_id and other_id in mentions:
                other = mentions[other_id]
                if may_link(facts, other):
                    found = assess(facts, other)
                    if found.linking:
                        links.append(found)
    return links


@dataclass(frozen=True, slots=True)
class _Edge:
    a: str
    b: str
    rule: JoinRule
    decision_id: int | None = None
    assessment: Assessment | None = None


class _Clusters:
    """Union-find that keeps each cluster's members and the edges that joined them."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {mention_id: mention_id for mention_id in ids}
        self.members = {mention_id: [mention_id] for mention_id in self.parent}
        self.edges: list[_Edge] = []

    def find(self, mention_id: str) -> str:
        root = mention_id
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[mention_id] != root:
            self.parent[mention_id], mention_id = root, self.parent[mention_id]
        return root

    def union(self, edge: _Edge) -> None:
        big, small = self.find(edge.a), self.find(edge.b)
        if len(self.members[big]) < len(self.members[small]):
            big, small = small, big
        self.parent[small] = big
        self.members[big] += self.members.pop(small)
        self.edges.append(edge)


def plan_clusters(
    mentions: Mapping[str, MentionFacts],
    links: Iterable[Assessment],
    decisions: Sequence[Decision] = (),
    pinned: Mapping[str, str] | None = None,
    fixed: Sequence[tuple[str, str]] = (),
) -> list[ClusterPlan]:
    """The events of ``mentions`` (a whole neighbourhood, see :mod:`.neighbourhood`), by id.

    ``pinned`` maps a week- or month-precise mention to the day-precise mention it is known to
    be attached by, and ``fixed`` lists links known to have joined day-precise mentions: parts
    of stored events that cannot have changed, taken as they are.
    """
    clusters = _Clusters(sorted(mentions))
    for via, mention_id in fixed:
        if clusters.find(via) != clusters.find(mention_id):
            clusters.union(_Edge(via, mention_id, "rules"))
    split_at = _latest_splits(mentions, decisions)
    usable = [link for link in links if link.a not in split_at and link.b not in split_at]
    dated = [
        link for link in usable if mentions[link.a].day_precise and mentions[link.b].day_precise
    ]
    _build_cores(clusters, mentions, dated)
    attaching = [
        link
        for link in usable
        if not (mentions[link.a].day_precise and mentions[link.b].day_precise)
    ]
    _attach(clusters, mentions, attaching, pinned or {})
    _apply_merges(clusters, mentions, decisions, split_at)
    return _plans(clusters, mentions)


def _build_cores(
    clusters: _Clusters, mentions: Mapping[str, MentionFacts], links: Sequence[Assessment]
) -> None:
    """Phase 1: day-precise mentions, strongest link first, only into all-compatible events."""
    ordered = sorted(links, key=_strongest_first)
    linked = {(link.a, link.b) for link in ordered}
    for link in ordered:
        left, right = clusters.find(link.a), clusters.find(link.b)
        if left != right and _all_compatible(
            mentions, linked, clusters.members[left], clusters.members[right]
        ):
            clusters.union(_Edge(link.a, link.b, "rules", assessment=link))


def _attach(
    clusters: _Clusters,
    mentions: Mapping[str, MentionFacts],
    links: Sequence[Assessment],
    pinned: Mapping[str, str],
) -> None:
    """Phase 2: each week- or month-precise mention joins, on its own, the event of day-precise
    mentions it agrees with best; it never joins two events, so it never bridges them."""
    offers: dict[str, list[tuple[str, Assessment]]] = defaultdict(list)
    for link in links:
        vague, dated = (link.a, link.b) if not mentions[link.a].day_precise else (link.b, link.a)
        offers[vague].append((dated, link))
    chosen: list[_Edge] = []
    for vague in sorted(offers.keys() | pinned.keys()):
        anchor = pinned.get(vague)
        if anchor is not None and anchor in mentions:
            found = next((link for dated, link in offers[vague] if dated == anchor), None)
            chosen.append(_Edge(anchor, vague, "rules", assessment=found))
            continue
        best = _best_event(clusters, mentions, vague, offers[vague])
        if best is not None:
            chosen.append(_Edge(best[0], vague, "rules", assessment=best[1]))
    for edge in chosen:
        clusters.union(edge)


def _best_event(
    clusters: _Clusters,
    mentions: Mapping[str, MentionFacts],
    vague: str,
    offers: Sequence[tuple[str, Assessment]],
) -> tuple[str, Assessment] | None:
    """The strongest link into an event the mention agrees with entirely (every mention
    compatible, no actor the event does not name); ties go to the event of smallest id."""
    joinable: dict[str, bool] = {}
    best: tuple[str, Assessment] | None = None
    best_key: tuple[int, float, str, str] | None = None
    for dated, link in offers:
        root = clusters.find(dated)
        members = clusters.members[root]
        if root not in joinable:
            joinable[root] = _joinable(mentions, vague, members)
        key = (*_strongest_first(link)[:2], min(members), dated)
        if joinable[root] and (best_key is None or key < best_key):
            best, best_key = (dated, link), key
    return best


def _joinable(mentions: Mapping[str, MentionFacts], vague: str, members: Sequence[str]) -> bool:
    facts = mentions[vague]
    if not all(compatible(facts, mentions[member]) for member in members):
        return False
    named = {actor for m in members for actor in (mentions[m].actor1, mentions[m].actor2)}
    return facts.actor1 in named | {None} and facts.actor2 in named | {None}


def _latest_splits(
    mentions: Mapping[str, MentionFacts], decisions: Sequence[Decision]
) -> dict[str, int]:
    latest: dict[str, int] = {}
    for decision in decisions:
        if decision.action == "split":
            for mention_id in decision.mentions:
                if mention_id in mentions:
                    latest[mention_id] = max(latest.get(mention_id, 0), decision.decision_id)
    return latest


def _apply_merges(
    clusters: _Clusters,
    mentions: Mapping[str, MentionFacts],
    decisions: Sequence[Decision],
    split_at: Mapping[str, int],
) -> None:
    for decision in sorted(decisions, key=lambda d: d.decision_id):
        if decision.action != "merge":
            continue
        kept = sorted(
            m
            for m in decision.mentions
            if m in mentions and split_at.get(m, 0) < decision.decision_id
        )
        for other in kept[1:]:
            if clusters.find(kept[0]) != clusters.find(other):
                clusters.union(_Edge(kept[0], other, "analyst", decision.decision_id))


def _strongest_first(link: Assessment) -> tuple[int, float, str, str]:
    distance = math.inf if link.distance_km is None else link.distance_km
    return (-link.score, distance, link.a, link.b)


def _all_compatible(
    mentions: Mapping[str, MentionFacts],
    linked: set[tuple[str, str]],
    left: Sequence[str],
    right: Sequence[str],
) -> bool:
    """Every pair across the two clusters is compatible (a linked pair is, by definition)."""
    return all(
        (x, y) in linked or (y, x) in linked or compatible(mentions[x], mentions[y])
        for x in left
        for y in right
    )


def _plans(clusters: _Clusters, mentions: Mapping[str, MentionFacts]) -> list[ClusterPlan]:
    neighbours: dict[str, list[tuple[str, _Edge]]] = defaultdict(list)
    for edge in clusters.edges:
        neighbours[edge.a].append((edge.b, edge))
        neighbours[edge.b].append((edge.a, edge))
    plans = []
    for members in clusters.members.values():
        ordered = sorted(members)
        # The explanation starts from a day-precise mention when there is one, so that a
        # week- or month-precise mention always hangs from the mention it was attached by.
        first = next((m for m in ordered if mentions[m].day_precise), ordered[0])
        joins = _joins(first, neighbours, mentions)
        plans.append(ClusterPlan(event_id_for(ordered[0]), tuple(ordered), tuple(joins)))
    return sorted(plans, key=lambda plan: plan.event_id)


def _joins(
    first: str,
    neighbours: Mapping[str, list[tuple[str, _Edge]]],
    mentions: Mapping[str, MentionFacts],
) -> list[Join]:
    """Breadth-first from the event's first mention along the edges that built it."""
    joins = [Join(first, None, "first")]
    seen = {first}
    queue = deque([first])
    while queue:
        current = queue.popleft()
        for other, edge in sorted(neighbours.get(current, ()), key=lambda item: item[0]):
            if other in seen:
                continue
            seen.add(other)
            queue.append(other)
            assessment = edge.assessment or assess(mentions[current], mentions[other])
            joins.append(Join(other, current, edge.rule, edge.decision_id, assessment))
    return joins
