"""A claimed launch told with its interception is that interception (ACLED's disrupted weapons
use), not an attack of its own."""

from __future__ import annotations

from collections.abc import Mapping

from conflictlens.coder.nearby import same_place
from conflictlens.model import Event

__all__ = ["drop_intercepted"]

DISRUPTED = "Disrupted weapons use"
LAUNCHES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
"""Weapons launched from afar, which air defences intercept."""


def drop_intercepted(events: list[Event], by_weapon: Mapping[str, str]) -> list[Event]:
    """A launch its launcher claims, that hurt nobody, told with the interception of a launch
    of its kind at its place and on its day ("the militia said it fired rockets at Ashdod ...
    the army said they were intercepted"), is that interception's: what is known to have
    happened is a weapon stopped before it struck, which ACLED codes as disrupted, with the
    launcher as the side whose weapon was stopped. A launch reported by others stays an attack
    of its own (GTD counts a rocket fired, intercepted or not). ``by_weapon``: the sub-type each
    weapon makes (taxonomy.yaml), which tells a drone's from a missile's."""
    kept: list[Event] = []
    for event in events:
        stopper = next((d for d in events if _stops(d, event, by_weapon)), None)
        if stopper is None:
            kept.append(event)
        elif stopper.actor2 is None and event.actor1 != stopper.actor1:
            stopper.actor2, stopper.inter2 = event.actor1, event.inter1
    return kept


def _stops(disruption: Event, launch: Event, by_weapon: Mapping[str, str]) -> bool:
    stopped = by_weapon.get(disruption.weapon) if disruption.weapon else None
    return (
        disruption.sub_event_type == DISRUPTED
        and launch.sub_event_type in LAUNCHES
        and launch.claim_status == "claimed"
        and stopped in (None, launch.sub_event_type)
        and not (launch.fatalities or launch.injuries)
        and same_place(disruption, launch)
        and not (
            launch.event_date
            and disruption.event_date
            and not launch.event_date.overlaps(disruption.event_date)
        )
    )
