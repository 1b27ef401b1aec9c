"""When two event mentions may describe the same happening, and how strongly they agree.

Every rule compares two mentions only, never a mention with a cluster, so that the outcome
of merging cannot depend on the order mentions arrive in. A pair is *compatible* when no rule
forbids putting both in one event; it is a *link* when, in addition, both are precise enough
for one to bring the other into an event (see :func:`assess`).

The rules, in the order they are checked:

1. two mentions of one document are kept apart: the pipeline already merged within a document,
   so two events it left apart there are two events;
2. same ACLED ``event_type`` (sub-types may differ: outlets call one attack "rockets" and
   "shelling");
3. dates: two day-precise mentions merge only on the same day; a week- or month-precise
   mention is compatible with a mention whose dates it contains, and links only to a
   day-precise one (a month-precision mention attaches to a dated event, not the reverse:
   two month-only mentions never make an event by themselves);
4. perpetrators (``actor1``): two different named ones are not compatible; an unidentified or
   missing one is compatible with anything;
5. targets (``actor2``): the same, when both name one; in a battle, where ACLED's actor order
   means nothing, the named actors of both mentions must make at most two sides;
6. places: within :data:`PLACE_KM` of each other at the coarser of the two ``geo_precision``
   values, or, at precision 3, in the same first-level division; a mention placed only at
   country level is compatible within its country but links to nothing.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from conflictlens.model import Event, Precision

__all__ = [
    "COARSEST_PRECISION",
    "EARTH_RADIUS_KM",
    "MAX_LINK_KM",
    "PLACE_KM",
    "SIDES_UNORDERED_TYPE",
    "Assessment",
    "MentionFacts",
    "assess",
    "distance_km",
    "is_named",
    "may_link",
]

PLACE_KM: dict[int, float] = {1: 10.0, 2: 25.0, 3: 25.0}
"""The greatest distance between two mentions of one event, by the coarser geo_precision.

Calibrated on tests/gold/merge/ and the demo corpus. One place reached by different names
lies at most 6.6 km from itself in the gazetteer (Erbil and its airport 6.6 km, Harir and
Harir Air Base 1.6 km, Erbil Air Base and Erbil International Airport 0.1 km), while the
nearest distinct places of those sets are 13.0 km apart (Kherson and Bilozerka): 10 km at
precision 1. A precision-2 mention ("near X", "rural X") lies further from where a precise
report puts the event, but distinct events of the sets at neighbouring places are 34.8 km
(Conoco and al-Omar fields) and 34.9 km (Kharkiv and Chuhuiv) apart: 25 km at precision 2.
At precision 3 the same first-level division decides; 25 km is kept as well, for a province
whose centroid lies just across a border from the other place."""

MAX_LINK_KM = max(PLACE_KM.values())
"""The farthest two linked mentions can be: the search radius of the candidate index."""

COARSEST_PRECISION = 3
"""An unknown geo_precision is read as ACLED's coarsest, 3 (a province or larger)."""

SIDES_UNORDERED_TYPE = "Battles"
"""In a battle both sides fight, and outlets name them in either order ("the army clashed with
the ELN", "ELN guerrillas attacked troops"): the named actors of two battle mentions are
compared as one set of at most two sides, not as perpetrator and target."""

_UNIDENTIFIED = "unidentified"
_CIVILIANS = "Civilians ("
"""ACLED's name of civilians as a side (taxonomy.yaml ``civilians``)."""
EARTH_RADIUS_KM = 6371.0088

# How much each agreement counts when two links compete for a mention (see Assessment.score).
# A named perpetrator shared by two outlets is the strongest sign; the same day, target and
# sub-type come next; a shared weapon and the very same spot break remaining ties.
_SCORE_SAME_ACTOR1 = 4
_SCORE_SAME_ACTOR2 = 2
_SCORE_SAME_DAY = 2
_SCORE_SAME_SUB_TYPE = 2
_SCORE_SAME_WEAPON = 1
_SCORE_SAME_SPOT = 1
_SAME_SPOT_KM = 1.0
"""Two points this close are one spot (the gazetteer's own rounding of a place)."""


def is_named(actor: str | None) -> bool:
    """True for an actor that names someone (not missing, not "Unidentified ...")."""
    return actor is not None and not actor.casefold().startswith(_UNIDENTIFIED)


def _inferred(event: Event) -> bool:
    """Civilians no words name as the target, inferred from the harm or the event's type (a
    strike that killed people, an abduction): no evidence for or against a merge."""
    actor2 = event.actor2 or ""
    return actor2.startswith(_CIVILIANS) and "actor2" not in event.support


@dataclass(frozen=True, slots=True)
class MentionFacts:
    """What the merging rules read of one stored event mention."""

    mention_id: str
    doc_id: str
    event_type: str
    sub_event_type: str
    first_day: dt.date | None
    last_day: dt.date | None
    time_precision: int | None
    actor1: str | None
    """The named perpetrator; None when unidentified or missing."""
    actor2: str | None
    """The named target; None when unidentified or missing."""
    latitude: float | None
    longitude: float | None
    geo_precision: int
    country: str | None
    admin1: str | None
    location: str | None
    weapon: str | None
    day_precise: bool
    country_level: bool
    """Placed only somewhere in a country (precision 3 without a first-level division)."""

    @classmethod
    def of(cls, event: Event) -> MentionFacts:
        date = event.event_date
        geo_precision = event.geo_precision or COARSEST_PRECISION
        return cls(
            mention_id=event.event_id,
            doc_id=event.doc_id,
            event_type=event.event_type,
            sub_event_type=event.sub_event_type,
            first_day=date.first_day() if date else None,
            last_day=date.last_day() if date else None,
            time_precision=int(date.precision) if date else None,
            actor1=event.actor1 if is_named(event.actor1) else None,
            actor2=event.actor2 if is_named(event.actor2) and not _inferred(event) else None,
            latitude=event.latitude,
            longitude=event.longitude,
            geo_precision=geo_precision,
            country=event.country,
            admin1=event.admin1,
            location=event.location,
            weapon=event.weapon,
            day_precise=date is not None and date.precision == Precision.DAY,
            country_level=geo_precision >= COARSEST_PRECISION and event.admin1 is None,
        )

    @property
    def linkable(self) -> bool:
        """Dated and placed well enough to be linked to another mention by the rules."""
        return (
            self.first_day is not None
            and self.latitude is not None
            and self.longitude is not None
            and not self.country_level
        )


@dataclass(frozen=True, slots=True)
class Assessment:
    """How two mentions compare, rule by rule, in words a reader of ``show`` understands."""

    a: str
    b: str
    conflict: str | None
    """The first rule that keeps the two apart; None when they are compatible."""
    linking: bool
    """Compatible, and precise enough for one to bring the other into an event."""
    date_relation: str
    place_rule: str
    distance_km: float | None
    actor_relation: str
    target_relation: str
    score: int
    """How much the two agree beyond the rules (see the _SCORE_ constants): the strongest
    links are tried first when mentions compete for an event."""

    @property
    def compatible(self) -> bool:
        return self.conflict is None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def assess(a: MentionFacts, b: MentionFacts) -> Assessment:
    """Compare two mentions by every rule (the module docstring lists them)."""
    date_relation, date_conflict, date_links = _dates(a, b)
    place_rule, distance, place_conflict, place_links = _places(a, b)
    actor_relation, target_relation, actor_conflict = _parties(a, b)
    conflict = (
        ("same document" if a.doc_id == b.doc_id else None)
        or ("different event types" if a.event_type != b.event_type else None)
        or date_conflict
        or actor_conflict
        or place_conflict
    )
    return Assessment(
        a=a.mention_id,
        b=b.mention_id,
        conflict=conflict,
        linking=conflict is None and date_links and place_links,
        date_relation=date_relation,
        place_rule=place_rule,
        distance_km=distance,
        actor_relation=actor_relation,
        target_relation=target_relation,
        score=_score(a, b, distance),
    )


def may_link(a: MentionFacts, b: MentionFacts) -> bool:
    """A cheap necessary condition of ``assess(a, b).linking``, to skip most candidates."""
    if a.doc_id == b.doc_id or a.event_type != b.event_type:
        return False
    if a.day_precise == b.day_precise and (not a.day_precise or a.first_day != b.first_day):
        return False
    if a.event_type == SIDES_UNORDERED_TYPE:
        if len({a.actor1, a.actor2, b.actor1, b.actor2} - {None}) > 2:
            return False
    elif (a.actor1 and b.actor1 and a.actor1 != b.actor1) or (
        a.actor2 and b.actor2 and a.actor2 != b.actor2
    ):
        return False
    if a.latitude is None or b.latitude is None:
        return False
    # A degree of latitude is never shorter than 110.5 km: farther apart in latitude alone,
    # only the same first-level division at precision 3 can still link them.
    if abs(a.latitude - b.latitude) * 110.5 > MAX_LINK_KM and (
        max(a.geo_precision, b.geo_precision) < COARSEST_PRECISION or a.admin1 != b.admin1
    ):
        return False
    return _places(a, b)[3]


def compatible(a: MentionFacts, b: MentionFacts) -> bool:
    """The cheap form of ``assess(a, b).compatible``, for checking every pair of a cluster."""
    if a.doc_id == b.doc_id or a.event_type != b.event_type:
        return False
    if _dates(a, b)[1] or _parties(a, b)[2]:
        return False
    return _places(a, b)[2] is None


def _dates(a: MentionFacts, b: MentionFacts) -> tuple[str, str | None, bool]:
    """(relation, conflict, links)."""
    if a.first_day is None or b.first_day is None or a.last_day is None or b.last_day is None:
        return "a date is unknown", None, False
    if a.day_precise and b.day_precise:
        if a.first_day == b.first_day:
            return "same day", None, True
        return "different days", "different days", False
    a_inside = b.first_day <= a.first_day and a.last_day <= b.last_day
    b_inside = a.first_day <= b.first_day and b.last_day <= a.last_day
    if not (a_inside or b_inside):
        return "neither date contains the other", "neither date contains the other", False
    if a_inside and b_inside:
        return f"same {_UNIT[a.time_precision]}", None, False
    fine, coarse = (a, b) if a_inside else (b, a)
    relation = f"{_UNIT[fine.time_precision]} within the {_UNIT[coarse.time_precision]}"
    return relation, None, fine.day_precise


_UNIT = {1: "day", 2: "week", 3: "month", None: "date"}


def _parties(a: MentionFacts, b: MentionFacts) -> tuple[str, str, str | None]:
    """(perpetrator relation, target relation, conflict)."""
    if a.event_type == SIDES_UNORDERED_TYPE:
        sides = {a.actor1, a.actor2, b.actor1, b.actor2} - {None}
        if len(sides) > 2:
            return "more than two named sides", "", "more than two named sides"
        named = min(len({a.actor1, a.actor2} - {None}), len({b.actor1, b.actor2} - {None}))
        return f"named sides agree ({len(sides)} in all, {named} named by both)", "", None
    actor_relation, actor_conflict = _actors(a.actor1, b.actor1, "perpetrator")
    target_relation, target_conflict = _actors(a.actor2, b.actor2, "target")
    return actor_relation, target_relation, actor_conflict or target_conflict


def _actors(first: str | None, second: str | None, role: str) -> tuple[str, str | None]:
    """(relation, conflict) of two named-or-None actors playing ``role``."""
    same, different, one, none = _ACTOR_WORDS[role]
    if first and second:
        return (same, None) if first == second else (different, different)
    return (one, None) if first or second else (none, None)


_ACTOR_WORDS = {
    role: (
        f"same {role}",
        f"different {role}s",
        f"{role} named by one report only",
        f"no {role} named",
    )
    for role in ("perpetrator", "target")
}


def _places(a: MentionFacts, b: MentionFacts) -> tuple[str, float | None, str | None, bool]:
    """(rule, distance, conflict, links)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return "a place is unknown", None, None, False
    km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
    precision = max(a.geo_precision, b.geo_precision)
    precision = min(precision, COARSEST_PRECISION)
    limit = PLACE_KM[precision]
    if a.country_level or b.country_level:
        if a.country is not None and a.country == b.country:
            return "same country (placed only at country level)", km, None, False
        return "different countries", km, "different countries", False
    if km <= limit:
        return _WITHIN[precision], km, None, True
    if precision >= COARSEST_PRECISION and (a.country, a.admin1) == (b.country, b.admin1):
        return f"same first-level division ({a.admin1}) at precision {precision}", km, None, True
    return (
        f"more than {limit:g} km apart at precision {precision}",
        km,
        "places too far apart",
        False,
    )


_WITHIN = {p: f"within {km:g} km at precision {p}" for p, km in PLACE_KM.items()}


def _score(a: MentionFacts, b: MentionFacts, km: float | None) -> int:
    if a.event_type == SIDES_UNORDERED_TYPE:
        shared = ({a.actor1, a.actor2} & {b.actor1, b.actor2}) - {None}
        actors = _SCORE_SAME_ACTOR1 * len(shared)
    else:
        actors = _SCORE_SAME_ACTOR1 * (a.actor1 is not None and a.actor1 == b.actor1)
        actors += _SCORE_SAME_ACTOR2 * (a.actor2 is not None and a.actor2 == b.actor2)
    return (
        actors
        + _SCORE_SAME_DAY * (a.day_precise and b.day_precise and a.first_day == b.first_day)
        + _SCORE_SAME_SUB_TYPE * (a.sub_event_type == b.sub_event_type)
        + _SCORE_SAME_WEAPON * (a.weapon is not None and a.weapon == b.weapon)
        + _SCORE_SAME_SPOT * (km is not None and km <= _SAME_SPOT_KM)
    )
