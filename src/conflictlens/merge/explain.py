"""Why an event is what it is: its mentions, their documents and words, its ledger, and the
rule (or the analyst decision) that brought each mention in."""

from __future__ import annotations

from dataclasses import dataclass

from conflictlens.errors import StoreError
from conflictlens.merge.ledger import Ledger, build_ledger
from conflictlens.merge.link import resolve_event
from conflictlens.model import Event
from conflictlens.store import Store
from conflictlens.store._clusters import ClusterTables, DecisionRow, MentionLink, MergedEvent

__all__ = ["Explanation", "MentionExplanation", "explain_event"]


@dataclass(frozen=True, slots=True)
class MentionExplanation:
    mention: Event
    """The stored event mention, with its evidence sentence and claims."""
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None
    link: MentionLink
    """Why it is in the event."""

    def reason(self) -> str:
        """The link in words: the event's first mention, or the rule that joined this one, with
        the date relation, the place rule, the distance and the actor relations."""
        link = self.link
        if link.rule == "first":
            return "first mention of the event: the others are joined to it, one by one"
        head = (
            f"analyst merge (decision {link.decision_id})"
            if link.rule == "analyst"
            else "merging rules"
        )
        details = [
            part
            for part in (
                link.date_relation,
                link.place_rule,
                None if link.distance_km is None else f"{link.distance_km:.1f} km",
                link.actor_relation,
                link.target_relation,
            )
            if part
        ]
        return f"{head}, joined to {link.via}: " + "; ".join(details)

    def to_json(self) -> dict[str, object]:
        event = self.mention
        return {
            "mention_id": event.event_id,
            "doc_id": event.doc_id,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "record": event.to_record(),
            "joined": {
                "via": self.link.via,
                "rule": self.link.rule,
                "decision_id": self.link.decision_id,
                "distance_km": self.link.distance_km,
                "date_relation": self.link.date_relation,
                "place_rule": self.link.place_rule,
                "actor_relation": self.link.actor_relation,
                "target_relation": self.link.target_relation,
                "score": self.link.score,
                "reason": self.reason(),
            },
        }


@dataclass(frozen=True, slots=True)
class Explanation:
    event: MergedEvent
    mentions: tuple[MentionExplanation, ...]
    ledger: Ledger
    decisions: tuple[DecisionRow, ...]
    """The analyst decisions that name a mention of the event, oldest first."""

    def to_json(self) -> dict[str, object]:
        return {
            "event": self.event.to_record(),
            "mentions": [mention.to_json() for mention in self.mentions],
            "ledger": self.ledger.to_json(),
            "decisions": [
                {
                    "decision_id": d.decision_id,
                    "action": d.action,
                    "event_a": d.event_a,
                    "event_b": d.event_b,
                    "made_at": d.made_at,
                    "mentions": list(d.mentions),
                }
                for d in self.decisions
            ],
        }

    def to_text(self) -> str:
        return "\n".join(
            [
                *_event_lines(self.event),
                "",
                f"mentions ({len(self.mentions)}):",
                *(line for mention in self.mentions for line in _mention_lines(mention)),
                "",
                f"ledger ({len(self.ledger.entries)} statements):",
                *(
                    f"  {e.status:<9} by {e.by or '-'} in {e.doc_id} ({e.outlet or 'no outlet'}): "
                    f"{e.span.text!r} [{e.span.start}:{e.span.end}]"
                    for e in self.ledger.entries
                ),
                "figures (per mention, kept as reported):",
                *(
                    f"  {f.mention_id} ({f.outlet or f.doc_id}): fatalities "
                    f"{_figure(f.fatalities)}, injuries {_figure(f.injuries)}"
                    for f in self.ledger.figures
                ),
                *(["", "analyst decisions:"] if self.decisions else []),
                *(
                    f"  {d.decision_id} {d.made_at} {d.action} {d.event_a}"
                    f"{' ' + d.event_b if d.event_b else ''}: {', '.join(d.mentions)}"
                    for d in self.decisions
                ),
            ]
        )


def explain_event(store: Store, event_id: str) -> Explanation:
    """The explanation of a merged event, named by its id or by one of its mention ids.

    Raises StoreError when neither names a merged event.
    """
    tables = ClusterTables(store)
    event_id = resolve_event(tables, event_id)
    event = tables.event(event_id)
    links = {link.mention_id: link for link in tables.links(event_id)}
    stored = tables.mentions(links)
    if event is None or len(stored) != len(links):
        raise StoreError(
            f"{store.path}: event {event_id!r} is being recomputed; link the store again and retry"
        )
    order = {link.mention_id: n for n, link in enumerate(_reached_order(links))}
    mentions = sorted(
        (
            MentionExplanation(
                m.event, m.outlet, m.title, m.published, m.url, links[m.event.event_id]
            )
            for m in stored
        ),
        key=lambda m: order[m.mention.event_id],
    )
    return Explanation(
        event=event,
        mentions=tuple(mentions),
        ledger=build_ledger(stored),
        decisions=tuple(tables.decisions(links)),
    )


def _reached_order(links: dict[str, MentionLink]) -> list[MentionLink]:
    """First mention first, then each after the mention it was joined to."""
    children: dict[str | None, list[MentionLink]] = {}
    for link in sorted(links.values(), key=lambda link: link.mention_id):
        parent = link.via if link.via in links else None
        children.setdefault(None if link.rule == "first" else parent, []).append(link)
    ordered: list[MentionLink] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        link = stack.pop()
        ordered.append(link)
        stack.extend(reversed(children.get(link.mention_id, [])))
    seen = {link.mention_id for link in ordered}
    return ordered + [link for link in links.values() if link.mention_id not in seen]


def _figure(value: int | None) -> str:
    return "not stated" if value is None else str(value)


def _event_lines(event: MergedEvent) -> list[str]:
    when = event.event_date.iso() if event.event_date else "date unknown"
    where = ", ".join(part for part in (event.location, event.admin1, event.country) if part)
    coordinates = (
        f" ({event.latitude:.4f}, {event.longitude:.4f}), precision {event.geo_precision}"
        if event.latitude is not None and event.longitude is not None
        else ""
    )
    return [
        f"event {event.event_id}: {when}, {event.event_type} / {event.sub_event_type}",
        f"  who: {event.actor1 or '-'} -> {event.actor2 or '-'}"
        + (f", weapon {event.weapon}" if event.weapon else ""),
        f"  where: {where or 'unknown'}{coordinates}",
        f"  fatalities {_figure(event.fatalities)}, injuries {_figure(event.injuries)} "
        "(lowest reported)",
        f"  claim status: {event.claim_status}"
        + (f" (claimed by {event.claimed_by})" if event.claimed_by else ""),
        f"  {event.mentions} mentions in {event.documents} documents, corroborated by "
        f"{event.corroboration} independent sources: {', '.join(event.sources)}",
    ]


def _mention_lines(mention: MentionExplanation) -> list[str]:
    event = mention.mention
    date = event.event_date.iso() if event.event_date else "date unknown"
    header = (
        f"  {event.event_id} in {event.doc_id} ({mention.outlet or 'no outlet'}"
        f"{', published ' + mention.published if mention.published else ''}): {date}, "
        f"{event.sub_event_type}, {event.actor1 or '-'} -> {event.actor2 or '-'}, "
        f"{event.location or 'place unknown'}"
    )
    evidence = event.evidence
    lines = [header]
    if evidence:
        lines.append(f"    evidence [{evidence.start}:{evidence.end}]: {evidence.sentence!r}")
    lines.append(f"    {mention.reason()}")
    return lines
