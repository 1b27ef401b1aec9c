"""The typed records that travel between pipeline stages.

Every value an extractor sets carries the :class:`Span` of document text that supports it, so that
each field of an :class:`Event` can say which words it came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Literal

__all__ = [
    "ActorMention",
    "CasualtyMention",
    "Claim",
    "ClaimStatus",
    "CueKind",
    "CueMention",
    "DateMention",
    "Document",
    "Event",
    "EventType",
    "Evidence",
    "PartialDate",
    "Place",
    "PlaceMention",
    "Precision",
    "Sentence",
    "SentenceMentions",
    "Span",
    "TriggerMention",
    "WeaponMention",
]

ClaimStatus = Literal["claimed", "reported", "confirmed", "denied"]

WEAPONS = (
    "drone",
    "missile",
    "rocket",
    "mortar",
    "artillery",
    "airstrike",
    "ied",
    "small_arms",
    "grenade",
    "suicide_bomb",
    "other",
)


class Precision(IntEnum):
    """ACLED's time_precision: 1 the day is known, 2 the week, 3 only the month."""

    DAY = 1
    WEEK = 2
    MONTH = 3


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the day, the week or only the month."""

    year: int
    month: int
    day: int = 1
    precision: Precision = Precision.DAY

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY-MM-DD`` (day precision) or ``YYYY-MM`` (month precision).

        Raises ValueError with the offending text when it is neither.
        """
        raw = text.strip()
        parts = raw[:10].split("-")
        try:
            if len(parts) == 3 and len(raw) >= 10:
                day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
                return cls(day.year, day.month, day.day, Precision.DAY)
            if len(parts) == 2:
                dt.date(int(parts[0]), int(parts[1]), 1)
                return cls(int(parts[0]), int(parts[1]), 1, Precision.MONTH)
        except ValueError:
            pass
        raise ValueError(f"not a date: {text!r} (expected YYYY-MM-DD or YYYY-MM)")

    @classmethod
    def of(cls, day: dt.date, precision: Precision = Precision.DAY) -> PartialDate:
        return cls(day.year, day.month, day.day if precision != Precision.MONTH else 1, precision)

    @property
    def date(self) -> dt.date:
        return dt.date(self.year, self.month, self.day)

    def first_day(self) -> dt.date:
        return self.date if self.precision != Precision.MONTH else dt.date(self.year, self.month, 1)

    def last_day(self) -> dt.date:
        if self.precision == Precision.DAY:
            return self.date
        if self.precision == Precision.WEEK:
            return self.date + dt.timedelta(days=6)
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def contains(self, other: PartialDate) -> bool:
        """True when every day ``other`` may mean lies within this date's range."""
        return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()

    def overlaps(self, other: PartialDate) -> bool:
        return self.first_day() <= other.last_day() and other.first_day() <= self.last_day()

    def iso(self) -> str:
        if self.precision == Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from its source, its text already normalised by the pipeline."""

    doc_id: str
    text: str
    published: PartialDate | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    lang: str | None = None
    origin: str = "<unknown>"
    """Where it was read from (``file`` or ``file:line``), for error messages."""


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EventType:
    """An ACLED event type and sub-type with the PLOVER and CAMEO codes it maps to."""

    event_type: str
    sub_event_type: str
    plover: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None


@dataclass(frozen=True, slots=True)
class TriggerMention:
    """A word or phrase that reports an event of some type ("a ciblé", "frappe", "قصف")."""

    span: Span
    key: str
    """The codebook entry that matched, for tracing."""
    sub_event_type: str
    """An ACLED sub-event type, or a generic kind (``@attack``, ``@explosion``, ``@fall``) whose
    sub-type the weapon or the target decides."""
    needs_weapon: bool = False
    """A weak trigger ("fell", "tombé") that makes an event only with a weapon in its sentence."""


@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    name: str
    """Canonical English name, ACLED style."""
    inter: int | None = None
    """ACLED inter code 1-8."""
    country: str | None = None
    holds_facility: bool = False
    """The phrase names a place held by the actor ("la base américaine"): it marks a target."""
    reporter: bool = False
    """The phrase names a source of information rather than a party ("des sources locales")."""
    authority: bool = False
    """A reporter that is an official body (a ministry, a governor, the UN): sources.yaml."""
    speaks_for: str | None = None
    """The actor whose operations a reporter announces ("Pentagon" for US forces)."""
    qualifies_event: bool = False
    """A nationality on the event word or its weapon ("frappes israéliennes", "Russian missiles"):
    the state forces of that country, as perpetrator."""
    generic_kind: str | None = None
    """For an actor named only by its kind ("l'armée", "civilians"): military, police, civilians,
    protesters, rioters or unidentified. Without ``country``, the event's place decides it."""


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: a gazetteer or curated entry."""

    name: str
    country: str | None
    admin1: str | None
    latitude: float
    longitude: float
    feature: str = "city"
    """city, base, airfield, field, crossing, camp, sea, admin1, country, ..."""
    geonameid: int | None = None
    population: int = 0
    source: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    span: Span
    place: Place
    relation: Literal["at", "near", "region"] = "at"
    """``near`` for "près de", "30 km south of"; ``region`` for "la campagne de", "province of"."""
    seat: bool = False
    """The name stands for the government seated there ("the Kabul government", "le régime de
    Damas"): a place named, but not where anything happened."""
    in_name: bool = False
    """The town names a site or body named after it ("Garissa University", "Nyeri Hospital"):
    where that site is, though no toponym of its own (geoparsing benchmarks leave it out)."""


@dataclass(frozen=True, slots=True)
class DateMention:
    span: Span
    date: PartialDate


@dataclass(frozen=True, slots=True)
class WeaponMention:
    span: Span
    weapon: str
    owner_marked: bool = False
    """The weapon is qualified by a nationality ("un drone américain"): it belongs to someone."""


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    span: Span
    kind: Literal["killed", "injured"]
    count: int


CueKind = Literal[
    "claim",
    "statement",
    "confirm",
    "deny",
    "negation",
    "future",
    "conditional",
    "past_summary",
    "statistic",
    "context",
    "passive",
]


@dataclass(frozen=True, slots=True)
class CueMention:
    """A word that changes how a sentence's events are read (a claim, a denial, a threat, ...)."""

    span: Span
    kind: CueKind
    key: str


@dataclass(slots=True)
class SentenceMentions:
    """Everything the mention finders saw in one sentence, in document order per list."""

    sentence: Sentence
    triggers: list[TriggerMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    casualties: list[CasualtyMention] = field(default_factory=list)
    cues: list[CueMention] = field(default_factory=list)

    def cue(self, kind: CueKind) -> CueMention | None:
        return next((c for c in self.cues if c.kind == kind), None)


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement about an event: who said what, in which words."""

    status: ClaimStatus
    by: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that reports an event and where it stands in the document."""

    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class Event:
    """One event record: ACLED-compatible fields plus the words that support each of them."""

    event_id: str
    doc_id: str
    event_date: PartialDate | None
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    weapon: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    claim_status: ClaimStatus = "reported"
    claimed_by: str | None = None
    reported_by: str | None = None
    source: str | None = None
    plover: str | None = None
    cameo: str | None = None
    codebook_version: str | None = None
    evidence: Evidence | None = None
    claims: list[Claim] = field(default_factory=list)
    support: dict[str, Span] = field(default_factory=dict)
    """Field name -> the words that support the field's value."""

    @property
    def time_precision(self) -> int | None:
        return int(self.event_date.precision) if self.event_date else None

    def to_record(self) -> dict[str, object]:
        """The flat, documented record (see docs/schema.md); JSON-serialisable."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "event_date": self.event_date.iso() if self.event_date else None,
            "time_precision": self.time_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1,
            "assoc_actor_1": self.assoc_actor_1,
            "inter1": self.inter1,
            "actor2": self.actor2,
            "assoc_actor_2": self.assoc_actor_2,
            "inter2": self.inter2,
            "country": self.country,
            "admin1": self.admin1,
            "location": self.location,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
            "weapon": self.weapon,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "claim_status": self.claim_status,
            "claimed_by": self.claimed_by,
            "reported_by": self.reported_by,
            "source": self.source,
            "plover": self.plover,
            "cameo": self.cameo,
            "codebook_version": self.codebook_version,
            "evidence": (
                {
                    "sentence": self.evidence.sentence,
                    "start": self.evidence.start,
                    "end": self.evidence.end,
                }
                if self.evidence
                else None
            ),
            "claims": [{"status": c.status, "by": c.by, **c.span.to_json()} for c in self.claims],
            "support": {name: span.to_json() for name, span in sorted(self.support.items())},
        }
