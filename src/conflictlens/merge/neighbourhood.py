"""Which stored mentions a change can move between events: the neighbourhood to recompute.

Given the mentions that changed (new ones, those whose event lost a member, those an analyst
decision names), the neighbourhood is, by the two phases of :mod:`.cluster`:

- ``D``: the day-precise mentions connected to them by links between day-precise mentions
  (their events may change; a component never spans more than a day);
- ``C``: the week- or month-precise mentions that changed or link to ``D`` (their choice of
  event may change);
- ``D2``: the day-precise mentions of the stored events ``C`` can choose among (those events
  cannot have changed: they are read back with the links that made them, not recomputed);
- ``P``: the other week- or month-precise members of the events of ``D2``, *pinned* to the
  mention they were attached by (none of the events they could choose changed);

and, to a fixed point, the members of the current events of all of them and of every analyst
decision naming one. Everything outside keeps its event. A vague report linking to a whole
month of events is re-decided against them when one of them changes, but never makes them one
neighbourhood.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from conflictlens.merge.index import probe_keys, register_keys
from conflictlens.merge.rules import Assessment, MentionFacts, assess, may_link
from conflictlens.store._clusters import ClusterTables, DecisionRow

__all__ = ["Neighbourhood", "neighbourhood"]


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    mentions: dict[str, MentionFacts]
    links: list[Assessment]
    """The links among ``mentions``."""
    pinned: dict[str, str]
    """Week- or month-precise mention -> the day-precise mention it stays attached by."""
    fixed: list[tuple[str, str]]
    """Links that made the stored events read back, as they were: (via, mention)."""
    decisions: list[DecisionRow]
    """The analyst decisions naming one of ``mentions``, oldest first."""


@dataclass
class _Walk:
    """What the walk has read so far; lives inside one :func:`neighbourhood` call."""

    tables: ClusterTables
    known: dict[str, MentionFacts] = field(default_factory=dict)
    assessed: dict[tuple[str, str], Assessment] = field(default_factory=dict)
    partners: dict[str, set[str]] = field(default_factory=dict)

    def load(self, ids: Iterable[str]) -> set[str]:
        """Read the facts of ``ids``; the ids that exist."""
        ids = set(ids)
        for mention_id, event in self.tables.events(ids - self.known.keys()).items():
            self.known[mention_id] = MentionFacts.of(event)
        return ids & self.known.keys()

    def vague(self, mention_id: str) -> bool:
        facts = self.known[mention_id]
        return facts.linkable and not facts.day_precise

    def link_partners(self, ids: Iterable[str]) -> None:
        """Find the mentions each of ``ids`` links to (through the candidate index)."""
        todo = sorted(set(ids) - self.partners.keys())
        if not todo:
            return
        probes = {m: probe_keys(self.known[m]) for m in todo}
        registered = self.tables.registered(key for keys in probes.values() for key in keys)
        found = {m: {c for k in probes[m] for c in registered.get(k, ())} - {m} for m in todo}
        self.load(c for candidates in found.values() for c in candidates)
        for mention_id, candidates in found.items():
            self.partners[mention_id] = {
                other for other in candidates & self.known.keys() if self._links(mention_id, other)
            }

    def _links(self, first: str, second: str) -> bool:
        pair = (first, second) if first < second else (second, first)
        if pair not in self.assessed:
            a, b = self.known[pair[0]], self.known[pair[1]]
            if not may_link(a, b):
                return False
            self.assessed[pair] = assess(a, b)
        return self.assessed[pair].linking

    def day_components(self, start: Iterable[str]) -> set[str]:
        """``start`` and every day-precise mention connected to it by day-to-day links."""
        found = set(start)
        frontier = set(found)
        while frontier:
            self.link_partners(frontier)
            frontier = {p for m in frontier for p in self.partners[m] if not self.vague(p)} - found
            found |= frontier
        return found


def neighbourhood(tables: ClusterTables, seeds: Iterable[str]) -> Neighbourhood:
    """The neighbourhood of ``seeds`` (see the module docstring); seeds not yet in the
    candidate index are put in it first."""
    walk = _Walk(tables)
    seeds = walk.load(seeds)
    new = sorted(seeds - tables.keyed(seeds))
    tables.write_keys((m, register_keys(walk.known[m])) for m in new)
    dated, vague = _kinds(walk, seeds)
    day, chosen = set[str](), set[str]()
    others, pinned, fixed = set[str](), dict[str, str](), list[tuple[str, str]]()
    decisions: dict[int, DecisionRow] = {}
    while dated - day or vague - chosen:  # until nothing new: every set only grows
        day |= walk.day_components(dated - day)
        walk.link_partners(day)
        chosen |= vague | {p for m in day for p in walk.partners[m] if walk.vague(p)}
        walk.link_partners(chosen)
        others, pinned, fixed, unlinked = _stored_events(walk, chosen, day)
        dated |= unlinked
        touched = day | others | chosen | pinned.keys()
        mates = walk.load(tables.event_mates(touched))
        for row in tables.decisions(touched | mates):
            decisions[row.decision_id] = row
        named = walk.load(m for row in decisions.values() for m in row.mentions)
        more_dated, more_vague = _kinds(walk, (mates | named) - touched)
        dated |= more_dated
        vague |= more_vague
    members = day | others | chosen | pinned.keys()
    return Neighbourhood(
        mentions={m: walk.known[m] for m in sorted(members)},
        links=[
            link
            for (a, b), link in walk.assessed.items()
            if link.linking and a in members and b in members
        ],
        pinned=pinned,
        fixed=fixed,
        decisions=sorted(decisions.values(), key=lambda row: row.decision_id),
    )


def _stored_events(
    walk: _Walk, chosen: set[str], day: set[str]
) -> tuple[set[str], dict[str, str], list[tuple[str, str]], set[str]]:
    """The stored events ``chosen`` may join, outside ``day``: their day-precise mentions, the
    week- or month-precise ones pinned to their attachment, the links (via, mention) that
    made their day-precise cores, and the mentions wanted that have no stored event yet (to
    recompute). Those events cannot have changed, and are read back rather than recomputed."""
    wanted = {p for c in chosen for p in walk.partners[c]} - day
    rows = walk.tables.mate_links(wanted)
    unlinked = wanted - {row.mention_id for row in rows}
    walk.load(row.mention_id for row in rows)
    dated = {row.mention_id for row in rows if not walk.vague(row.mention_id)} - day
    pinned = {
        row.mention_id: row.via
        for row in rows
        if walk.vague(row.mention_id) and row.mention_id not in chosen and row.via in dated
    }
    fixed = [
        (row.via, row.mention_id)
        for row in rows
        if row.rule == "rules" and row.via in dated and row.mention_id in dated
    ]
    return dated, pinned, fixed, unlinked


def _kinds(walk: _Walk, ids: Iterable[str]) -> tuple[set[str], set[str]]:
    """(day-precise or unlinkable, week- or month-precise) of ``ids``."""
    ids = set(ids)
    vague = {m for m in ids if walk.vague(m)}
    return ids - vague, vague
