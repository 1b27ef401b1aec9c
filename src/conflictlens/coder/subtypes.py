"""Which sub-type an event word makes of its sentence's event.

A word of a named sub-type keeps it unless its target or its doer says otherwise (an "Attack"
on soldiers is a battle, civilians who kill are a mob); a generic word (``@attack``,
``@explosion``) takes the sub-type of its weapon, or without one that of its target; who takes
ground decides between the two territory sub-types.
"""

from __future__ import annotations

from dataclasses import replace

from conflictlens.coder.choice import HAND_WEAPONS
from conflictlens.coder.lexicon import Taxonomy
from conflictlens.coder.roles import Roles
from conflictlens.coder.speakers import STATE_KINDS, is_state_force
from conflictlens.model import ActorMention, SentenceMentions, TriggerMention, WeaponMention

__all__ = [
    "CIVILIAN_INTER",
    "REMOTE_SUB_TYPES",
    "UNIDENTIFIED",
    "sub_type_of",
    "territory_by_taker",
]

REMOTE_SUB_TYPES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
TERRITORY_SUB_TYPES = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory"}
)
CIVILIAN_INTER = 7
RIOTER_INTER = 5
TARGET_WORDS = 3
"""Words between an event word and its target: an article, a number and an adjective ("shot
and killed two Afghan soldiers"); calibrated on the ACLED development notes."""
CROWD_VIOLENCE = frozenset({"Attack", "Armed clash"})
"""Violence that, done by civilians or a crowd rather than an armed group, is mob violence."""
UNIDENTIFIED = "unidentified"
"""The generic kind (taxonomy.yaml) of an armed group the text does not name."""


def sub_type_of(
    taxonomy: Taxonomy,
    trigger: TriggerMention,
    weapon: WeaponMention | None,
    roles: Roles | None,
    mentions: SentenceMentions | None = None,
) -> str:
    """The sub-type ``trigger`` tells: its own, or for a generic word (``@attack``,
    ``@explosion``) the one its weapon or, without one, its target makes (taxonomy.yaml);
    ``roles`` None: a first reading, before who did what is known."""
    declared = trigger.sub_event_type
    by_weapon = taxonomy.by_weapon.get(weapon.weapon) if weapon else None
    roles = _object_first(roles, trigger, mentions)
    if not declared.startswith("@"):
        # The weapon decides between the two remote-violence sub-types ("bombardements" by
        # aircraft are air strikes), never across event types.
        if declared in REMOTE_SUB_TYPES and by_weapon in REMOTE_SUB_TYPES:
            return by_weapon
        target = roles.actor2 if roles else None
        if declared == "Attack" and _armed_target(target) and _beside(target, trigger, mentions):
            # Violence against civilians needs civilians: a sniper who "shot and killed" a
            # soldier fought a battle, and so did gunmen who executed a militiaman (ACLED
            # codes attacks on state forces and on armed groups as clashes).
            return "Armed clash"
        if declared in CROWD_VIOLENCE and _crowd(roles.actor1 if roles else None):
            # Residents or a mob who beat or kill someone are rioters, not an armed group:
            # ACLED's mob violence.
            return "Mob violence"
        return declared
    target = roles.actor2 if roles else None
    hand_held = weapon is not None and weapon.weapon in HAND_WEAPONS
    crowd = _crowd(roles.actor1 if roles else None)
    if declared == "@attack" and (weapon is None or hand_held) and crowd:
        return "Mob violence"  # "angry youths attacked UN vehicles": a crowd, not a unit
    if hand_held and target is not None and target.inter == CIVILIAN_INTER:
        return "Attack"  # gunmen killing villagers is violence against civilians, not a clash
    if by_weapon is not None and not (hand_held and target is None):
        # Guns fired at nobody the text names make no battle by themselves: "gunmen shot dead
        # the owner of a store" is an attack unless armed men stand on the other side.
        return by_weapon
    if target is None and mentions is not None and _armed_site_after(trigger, mentions):
        target_kind = "armed_target"  # "set upon an army base": whose, the text does not say
    elif target is None and mentions is not None and _other_side(roles, mentions):
        target_kind = "armed_target"  # "police were patrolling when gang members opened fire"
    elif target is None:
        target_kind = "unknown_target"
    elif target.inter in ARMED_INTER or target.holds_facility:
        target_kind = "armed_target"
    else:
        target_kind = "civilian_target"
    table = taxonomy.without_weapon.get(declared.lstrip("@"), {})
    return table.get(target_kind) or table.get("unknown_target") or "Attack"


def _object_first(
    roles: Roles | None, trigger: TriggerMention, mentions: SentenceMentions | None
) -> Roles | None:
    """Civilians named right after the event word are its object, whoever is named further on:
    "killed three herders mistaking them for militants", "shot dead two men suspected of being
    militants" (ACLED counts people killed on suspicion among civilians). Not past a comma, where
    the victims are told in detail ("killed 38 people, mostly soldiers")."""
    if roles is None or mentions is None or roles.actor2 is None:
        return roles
    target = roles.actor2
    if target.inter == CIVILIAN_INTER or target.span.start < trigger.span.end:
        return roles
    first = min(
        (a for a in mentions.actors if trigger.span.end <= a.span.start < target.span.start),
        key=lambda a: a.span.start,
        default=None,
    )
    if first is None or first.inter != CIVILIAN_INTER or not _beside(first, trigger, mentions):
        return roles
    base = mentions.sentence.start
    between = mentions.sentence.text[first.span.end - base : target.span.start - base]
    if any(p in between for p in ",;:("):
        return roles  # "killed 38 people, mostly soldiers": who the people were
    return replace(roles, actor2=first)


def _armed_site_after(trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """A site of armed forces named after the event word, its holder unnamed ("an army base", "a
    military checkpoint"): the attack was on an armed force."""
    return any(
        a.holds_facility and a.generic_kind in STATE_KINDS and a.span.start >= trigger.span.end
        for a in mentions.actors
    )


def _other_side(roles: Roles | None, mentions: SentenceMentions) -> bool:
    """Armed men other than the doer are parties of the sentence ("police officers were on
    patrol when armed men started shooting"): the shooting had an armed side to meet."""
    doer = roles.actor1 if roles else None
    return any(
        not (a.reporter or a.qualifies_event)
        and _armed_target(a)
        and (doer is None or (a.name, a.generic_kind) != (doer.name, doer.generic_kind))
        for a in mentions.actors
    )


def _beside(
    actor: ActorMention | None, trigger: TriggerMention, mentions: SentenceMentions | None
) -> bool:
    """The actor is the object or the subject of the event word: at most TARGET_WORDS words
    after it ("shot and killed a soldier") or before it ("two soldiers were shot and killed"),
    not a party named further on ("killed a man accused of helping the army")."""
    if actor is None or mentions is None:
        return False
    base = mentions.sentence.start
    if actor.span.start >= trigger.span.end:
        start = _after_count(trigger, actor, mentions)
        between = mentions.sentence.text[start - base : actor.span.start - base]
    elif actor.holds_facility:
        return False  # "policemen at the police station shot a man": where the doers stood
    else:
        between = mentions.sentence.text[actor.span.end - base : trigger.span.start - base]
    return len(between.split()) <= TARGET_WORDS and not any(p in between for p in ",;:")


def _after_count(trigger: TriggerMention, actor: ActorMention, mentions: SentenceMentions) -> int:
    """Where the object of the event word begins to be told: after the toll it opens, if any.
    "assassinated a member of the police", "shot dead one of the guards": the victim counted is
    one of the force named after it, however many words the count takes."""
    ends = [
        c.span.end
        for c in mentions.casualties
        if c.span.start <= trigger.span.end <= c.span.end <= actor.span.start
    ]
    return max(ends, default=trigger.span.end)


def _armed_target(actor: ActorMention | None) -> bool:
    """State forces, or an armed group or guards the text names: not men it only suspects of
    being militants, whom ACLED counts among civilians ("killed three men suspected of being
    militants")."""
    if actor is None:
        return False
    named_armed = actor.inter in ARMED_INTER and actor.generic_kind != UNIDENTIFIED
    return is_state_force(actor) or named_armed


def _crowd(actor: ActorMention | None) -> bool:
    """Civilians or a crowd, as the doer of an act."""
    return actor is not None and (
        actor.inter in (CIVILIAN_INTER, RIOTER_INTER) or actor.generic_kind == "rioters"
    )


def territory_by_taker(
    sub_type: str,
    roles: Roles,
    country: str | None,
    trigger: TriggerMention,
    mentions: SentenceMentions,
) -> str:
    """Who takes the ground decides the sub-type: a state's forces on its own soil regain
    territory; anyone else, foreign state forces included, overtakes it (ACLED)."""
    taker = roles.actor1
    if sub_type not in TERRITORY_SUB_TYPES:
        return sub_type
    if taker is None:
        # With no taker named, state forces named after the word are the side that lost the
        # ground ("retook the town from government forces"): someone else took it.
        lost_by_state = is_state_force(roles.actor2) or any(
            is_state_force(a) and a.span.start >= trigger.span.end for a in mentions.actors
        )
        return "Non-state actor overtakes territory" if lost_by_state else sub_type
    state = taker.inter == 1 or taker.generic_kind in ("military", "police")
    at_home = taker.country is None or country is None or taker.country == country
    if state and at_home:
        return "Government regains territory"
    return "Non-state actor overtakes territory"
