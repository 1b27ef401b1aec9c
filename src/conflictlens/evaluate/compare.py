"""When a predicted event may stand for a gold event, and how well each field agrees.

A pair is *admissible* (may be matched) when, for what the gold states:

- type: the same ``event_type``;
- place: within ``max_km`` of each other, or the same place name; when either side has no
  coordinates, the same place name (two events without a place name also agree), unless the
  gold's name was placed in the gazetteer (``GoldEvent.named_points``): then within ``max_km``
  of a place of that name (in the gold's country when the gazetteer holds the name there), the
  name alone being no longer enough;
- date: the date ranges overlap (a month-precision date covers every day of its month), widened
  by ``date_slack_days``; a date missing on either side is compatible.

Field agreement (:data:`FIELD_CHECKS`) is scored on matched pairs and only for fields the gold
states; ``None`` equals ``None`` (a gold ``"fatalities": null`` wants no figure):

- event_type, sub_event_type, weapon, claim_status: equal after folding case and accents (a
  claim status the set does not tell apart read as the one it records, ``claim_readings``);
- actor1, actor2: equal after :func:`~conflictlens.evaluate.normalise.actor_key`;
- location: within ``max_km`` when both sides have coordinates, else the same place name;
- date: the same ISO text (``2023-12`` for a month, ``2023-12-04`` for a day or a week);
- fatalities, injuries: the same number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from conflictlens.evaluate.gold import GoldEvent
from conflictlens.evaluate.normalise import actor_key, km_between, label_key, place_key
from conflictlens.model import Event

__all__ = [
    "FIELD_CHECKS",
    "FIELD_NAMES",
    "FieldCheck",
    "MatchRules",
    "admissible",
    "pair_score",
]


@dataclass(frozen=True, slots=True)
class MatchRules:
    max_km: float = 25.0
    """Two events this close (or closer) are at the same place."""
    date_slack_days: int = 0
    """Days a predicted date may lie outside the gold date's range and still match."""
    unstated_count: int | None = None
    """The figure a data set records when the text states none: ACLED and GTD record 0 where
    conflictlens says null (not stated)."""
    claim_readings: tuple[tuple[str, str], ...] = ()
    """Claim statuses a data set does not tell apart, each with the one it records instead: GTD
    records only whether a group claimed the attack, so "confirmed" and "denied" read as
    "reported" there."""


FieldCheck = Callable[[Event, GoldEvent, MatchRules], bool | None]
"""Whether a pair agrees on one field, or None when the gold does not state it."""


def _coordinates(event: Event) -> tuple[float, float] | None:
    if event.latitude is None or event.longitude is None:
        return None
    return (event.latitude, event.longitude)


def _distance(pred: Event, gold: GoldEvent) -> float | None:
    """How far the predicted point lies from the gold's, or from the nearest place named like
    the gold's location when the gold gives no point (None when either side has nothing)."""
    here, there = _coordinates(pred), gold.coordinates
    if here is None:
        return None
    if there is not None:
        return km_between(here, there)
    if gold.named_points:
        return min(km_between(here, point) for point in gold.named_points)
    return None


def _same_name(pred: Event, gold: GoldEvent) -> bool:
    return place_key(pred.location) == place_key(gold.location)


def same_type(pred: Event, gold: GoldEvent) -> bool:
    if not gold.states("event_type") or gold.event_type is None:
        return True
    return label_key(pred.event_type) == label_key(gold.event_type)


def same_place(pred: Event, gold: GoldEvent, rules: MatchRules) -> bool:
    if not gold.states("location", "latitude"):
        return True
    distance = _distance(pred, gold)
    if distance is None:
        return _same_name(pred, gold)
    if gold.coordinates is None:
        # Placed by its name in its country: a namesake elsewhere is another place.
        return distance <= rules.max_km
    return distance <= rules.max_km or (bool(place_key(gold.location)) and _same_name(pred, gold))


def same_time(pred: Event, gold: GoldEvent, rules: MatchRules) -> bool:
    if pred.event_date is None or gold.event_date is None or not gold.states("event_date"):
        return True
    slack = dt.timedelta(days=rules.date_slack_days)
    first, last = gold.event_date.first_day() - slack, gold.event_date.last_day() + slack
    return pred.event_date.first_day() <= last and first <= pred.event_date.last_day()


def admissible(pred: Event, gold: GoldEvent, rules: MatchRules) -> bool:
    """True when ``pred`` may be matched to ``gold`` (see the module notes)."""
    return same_type(pred, gold) and same_place(pred, gold, rules) and same_time(pred, gold, rules)


def _label(name: str) -> FieldCheck:
    def check(pred: Event, gold: GoldEvent, rules: MatchRules) -> bool | None:
        if not gold.states(name):
            return None
        return label_key(getattr(pred, name)) == label_key(getattr(gold, name))

    return check


def _claim(pred: Event, gold: GoldEvent, rules: MatchRules) -> bool | None:
    if not gold.states("claim_status"):
        return None
    status = dict(rules.claim_readings).get(pred.claim_status, pred.claim_status)
    return label_key(status) == label_key(gold.claim_status)


def _actor(name: str) -> FieldCheck:
    def check(pred: Event, gold: GoldEvent, rules: MatchRules) -> bool | None:
        if not gold.states(name):
            return None
        return actor_key(getattr(pred, name)) == actor_key(getattr(gold, name))

    return check


def _number(name: str) -> FieldCheck:
    def check(pred: Event, gold: GoldEvent, rules: MatchRules) -> bool | None:
        if not gold.states(name):
            return None
        value = getattr(pred, name)
        return bool((rules.unstated_count if value is None else value) == getattr(gold, name))

    return check


def _location(pred: Event, gold: GoldEvent, rules: MatchRules) -> bool | None:
    if not gold.states("location", "latitude"):
        return None
    distance = _distance(pred, gold)
    if distance is None:
        return _same_name(pred, gold)
    return distance <= rules.max_km


def _date(pred: Event, gold: GoldEvent, rules: MatchRules) -> bool | None:
    if not gold.states("event_date"):
        return None
    if pred.event_date is None or gold.event_date is None:
        return pred.event_date is None and gold.event_date is None
    return pred.event_date.iso() == gold.event_date.iso()


FIELD_CHECKS: Mapping[str, FieldCheck] = {
    "event_type": _label("event_type"),
    "sub_event_type": _label("sub_event_type"),
    "actor1": _actor("actor1"),
    "actor2": _actor("actor2"),
    "location": _location,
    "date": _date,
    "weapon": _label("weapon"),
    "fatalities": _number("fatalities"),
    "injuries": _number("injuries"),
    "claim_status": _claim,
}
"""Field name -> its agreement check, in report order."""

FIELD_NAMES = tuple(FIELD_CHECKS)


def pair_score(pred: Event, gold: GoldEvent, rules: MatchRules) -> float:
    """How much a pair agrees: one point per agreeing field, plus up to one for closeness."""
    agreed = sum(1 for check in FIELD_CHECKS.values() if check(pred, gold, rules))
    distance = _distance(pred, gold)
    closeness = 0.0 if distance is None else max(0.0, 1.0 - distance / (4 * rules.max_km))
    return agreed + closeness
