"""The claims ledger of an event, and the event's fields derived from its mentions.

The ledger keeps every statement about an event: who said what (claimed, reported, confirmed,
denied), in which document and outlet, in which words; and every figure each mention reports.
Nothing in it is overwritten: conflicting figures stay side by side.

An event's fields come from its mentions by fixed rules (mentions taken in id order, so that
ties always fall the same way):

- date: the most precise (day before week before month), then the most reported;
- place (location, admin1, country, coordinates, geo_precision): the most precise, then the
  most reported location name;
- sub-event type, weapon: the most reported;
- perpetrator and target: the named actor when a mention names one (the rules never put two
  different named actors in one event), else the most reported;
- fatalities, injuries: the lowest figure reported, ACLED's most conservative reading;
- claim status: the strongest statement in the ledger, confirmed > denied > claimed > reported;
- corroboration: the number of independent sources, two documents of one outlet counting once
  (a document without an outlet counts as its own source).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from conflictlens.merge.rules import COARSEST_PRECISION, is_named
from conflictlens.model import ClaimStatus, Event, Span
from conflictlens.store._clusters import MergedEvent, StoredMention

__all__ = [
    "STATUS_STRENGTH",
    "FigureReport",
    "Ledger",
    "LedgerEntry",
    "build_ledger",
    "derive_event",
]

STATUS_STRENGTH: dict[ClaimStatus, int] = {"reported": 0, "claimed": 1, "denied": 2, "confirmed": 3}
"""Which statement settles an event's claim status: an authority's confirmation outweighs a
denial, a denial a perpetrator's claim, a claim a media report."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One statement about an event."""

    mention_id: str
    doc_id: str
    outlet: str | None
    status: ClaimStatus
    by: str | None
    span: Span
    """The words of the statement; for a mention without a recorded claim, its evidence
    sentence (the outlet's own report)."""

    def to_json(self) -> dict[str, object]:
        return {
            "mention_id": self.mention_id,
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "status": self.status,
            "by": self.by,
            **self.span.to_json(),
        }


@dataclass(frozen=True, slots=True)
class FigureReport:
    """The casualty figures one mention reports (None: not stated)."""

    mention_id: str
    doc_id: str
    outlet: str | None
    fatalities: int | None
    injuries: int | None

    def to_json(self) -> dict[str, object]:
        return {
            "mention_id": self.mention_id,
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
        }


@dataclass(frozen=True, slots=True)
class Ledger:
    entries: tuple[LedgerEntry, ...]
    figures: tuple[FigureReport, ...]
    sources: tuple[str, ...]
    """The independent sources, each named as its first document spells it."""

    @property
    def claim_status(self) -> ClaimStatus:
        strongest = max(self.entries, key=lambda entry: STATUS_STRENGTH[entry.status], default=None)
        return strongest.status if strongest else "reported"

    @property
    def corroboration(self) -> int:
        return len(self.sources)

    def by(self, status: ClaimStatus) -> str | None:
        """Who makes statements of ``status`` most often (first in mention order on a tie)."""
        return _most_common([e.by for e in self.entries if e.status == status and e.by])

    def to_json(self) -> dict[str, object]:
        return {
            "claim_status": self.claim_status,
            "corroboration": self.corroboration,
            "sources": list(self.sources),
            "statements": [entry.to_json() for entry in self.entries],
            "figures": [figure.to_json() for figure in self.figures],
        }


def build_ledger(mentions: Sequence[StoredMention]) -> Ledger:
    ordered = sorted(mentions, key=lambda m: m.event.event_id)
    entries = [entry for mention in ordered for entry in _entries(mention)]
    figures = [
        FigureReport(
            m.event.event_id, m.event.doc_id, m.outlet, m.event.fatalities, m.event.injuries
        )
        for m in ordered
    ]
    sources: dict[str, str] = {}
    for mention in ordered:
        name = mention.outlet.strip() if mention.outlet and mention.outlet.strip() else None
        key = name.casefold() if name else f"\0{mention.event.doc_id}"
        sources.setdefault(key, name or f"document {mention.event.doc_id}")
    return Ledger(tuple(entries), tuple(figures), tuple(sources.values()))


def _entries(mention: StoredMention) -> list[LedgerEntry]:
    event = mention.event
    if event.claims:
        return [
            LedgerEntry(event.event_id, event.doc_id, mention.outlet, c.status, c.by, c.span)
            for c in sorted(event.claims, key=lambda claim: claim.span.start)
        ]
    evidence = event.evidence
    span = Span(evidence.start, evidence.end, evidence.sentence) if evidence else Span(0, 0, "")
    by = event.claimed_by if event.claim_status == "claimed" else event.reported_by
    return [LedgerEntry(event.event_id, event.doc_id, mention.outlet, event.claim_status, by, span)]


def derive_event(event_id: str, mentions: Sequence[StoredMention], ledger: Ledger) -> MergedEvent:
    """The event's fields from its mentions, by the rules of the module docstring."""
    events = [m.event for m in sorted(mentions, key=lambda m: m.event.event_id)]
    dated = _best(events, lambda e: e.event_date is not None, _date_rank(events))
    placed = _best(events, lambda e: e.latitude is not None, _place_rank(events))
    sub_type = _most_common([e.sub_event_type for e in events]) or events[0].sub_event_type
    typed = next(e for e in events if e.sub_event_type == sub_type)
    actor1 = _actor(events, lambda e: e.actor1)
    actor2 = _actor(events, lambda e: e.actor2)
    return MergedEvent(
        event_id=event_id,
        event_date=dated.event_date if dated else None,
        event_type=events[0].event_type,
        sub_event_type=sub_type,
        actor1=actor1.actor1 if actor1 else None,
        assoc_actor_1=actor1.assoc_actor_1 if actor1 else None,
        inter1=actor1.inter1 if actor1 else None,
        actor2=actor2.actor2 if actor2 else None,
        assoc_actor_2=actor2.assoc_actor_2 if actor2 else None,
        inter2=actor2.inter2 if actor2 else None,
        country=placed.country
        if placed
        else _most_common([e.country for e in events if e.country]),
        admin1=placed.admin1 if placed else None,
        location=placed.location if placed else None,
        latitude=placed.latitude if placed else None,
        longitude=placed.longitude if placed else None,
        geo_precision=placed.geo_precision if placed else None,
        weapon=_most_common([e.weapon for e in events if e.weapon]),
        fatalities=min((e.fatalities for e in events if e.fatalities is not None), default=None),
        injuries=min((e.injuries for e in events if e.injuries is not None), default=None),
        claim_status=ledger.claim_status,
        claimed_by=ledger.by("claimed")
        or _most_common([e.claimed_by for e in events if e.claimed_by]),
        reported_by=_most_common([e.reported_by for e in events if e.reported_by]),
        plover=typed.plover,
        cameo=typed.cameo,
        mentions=len(events),
        documents=len({e.doc_id for e in events}),
        corroboration=ledger.corroboration,
        sources=ledger.sources,
    )


def _most_common(values: Sequence[T]) -> T | None:
    """The value given most often; on a tie, the one given first."""
    if not values:
        return None
    counts = Counter(values)
    top = max(counts.values())
    return next(value for value in values if counts[value] == top)


def _best(
    events: Sequence[Event],
    usable: Callable[[Event], bool],
    rank: Callable[[Event], tuple[int, int]],
) -> Event | None:
    """The usable event of lowest rank; ``min`` keeps the first of equals (mention order)."""
    return min((e for e in events if usable(e)), key=rank, default=None)


def _date_rank(events: Sequence[Event]) -> Callable[[Event], tuple[int, int]]:
    counts = Counter(e.event_date for e in events)
    return lambda e: (int(e.event_date.precision) if e.event_date else 9, -counts[e.event_date])


def _place_rank(events: Sequence[Event]) -> Callable[[Event], tuple[int, int]]:
    counts = Counter(e.location for e in events)
    return lambda e: (e.geo_precision or COARSEST_PRECISION, -counts[e.location])


def _actor(events: Sequence[Event], actor: Callable[[Event], str | None]) -> Event | None:
    """The mention whose actor the event takes: a named one if any, else the most reported."""
    named = [actor(e) for e in events if is_named(actor(e))]
    chosen = _most_common(named) or _most_common([a for e in events if (a := actor(e))])
    return next((e for e in events if actor(e) == chosen), None) if chosen else None
