"""People who are not an armed force and do violence: a mob, or a community's militia.

ACLED names the members of a mob rioters, and people named with their community who fight with
guns that community's ethnic militia (a communal militia when the text names no community).
:mod:`conflictlens.coder.roles` asks these when civilians stand where a perpetrator should.
"""

from __future__ import annotations

from dataclasses import replace

from conflictlens.coder.lexicon import group_of, of_group
from conflictlens.coder.speakers import is_passive
from conflictlens.model import ActorMention, SentenceMentions, TriggerMention

__all__ = ["MOB_SUB_TYPES", "as_militia", "as_rioters", "community_acts", "is_mob"]

RIOTER_INTER = 5
MILITIA_INTER = 4
"""ACLED's inter code of identity (ethnic and communal) militias."""
ETHNIC_MILITIA = "ethnic_militia"
COMMUNAL_MILITIA = "communal_militia"
MOB_SUB_TYPES = frozenset(
    {"Attack", "Mob violence", "Armed clash", "Abduction/forced disappearance", "Sexual violence"}
)
"""What a crowd of people does with its hands; shelling, strikes and explosives are not told of a
crowd, and a burning of property alone names its target among civilians ("a farm", "a bus")."""
MOB_WORDS = MOB_SUB_TYPES | {"@attack", "@capture", "Looting/property destruction"}
"""Event words a mob's deed may be told with: its sub-types, an attack whose sub-type the target
decides (triggers.yaml), a seizure ("residents captured two thieves and beat them") and a
burning told beside the beating ("a crowd attacked and burned the car"); not an explosion, a fall
of shells or a strike. Calibrated on the ACLED development notes."""
MOB_WEAPONS = frozenset({"other"})
"""Blades, sticks and stones (weapons.yaml's ``other``)."""


def is_mob(actor: ActorMention, mentions: SentenceMentions, trigger: TriggerMention) -> bool:
    """People who do violence with their hands, blades or stones: the subject of an active event
    word ("residents lynched ...", "students attacked teachers"). People with guns are armed men,
    not a mob; in the passive, "by two men" names attackers no better than "by gunmen" does."""
    if any(w.weapon not in MOB_WEAPONS for w in mentions.weapons):
        return False
    if any(t.sub_event_type not in MOB_WORDS for t in mentions.triggers):
        return False  # a bomb, a shell or a strike is told in the sentence
    if is_passive(mentions, trigger) or actor.span.end > trigger.span.start:
        return False
    # "two activists were wounded in the attack": the people before the word suffered it.
    return not any(
        c.kind == "passive" and actor.span.end <= c.span.start < trigger.span.start
        for c in mentions.cues
    )


def community_acts(
    actor: ActorMention, sub_type: str, mentions: SentenceMentions, trigger: TriggerMention
) -> bool:
    """People named with their community ("Fulani herders", "members of the Tiv community") who
    do violence that is not a mob's (:func:`is_mob`): the subject of an active event word. Without
    a community, ACLED names a communal militia after the village it comes from, which the text
    seldom makes plain."""
    if group_of(actor.generic_kind) is None or sub_type not in MOB_SUB_TYPES:
        return False
    return not is_passive(mentions, trigger) and actor.span.end <= trigger.span.start


def as_militia(actor: ActorMention) -> ActorMention:
    """The militia of the people ``actor`` names: their community's ethnic militia, or a communal
    militia when the text names no community."""
    group = group_of(actor.generic_kind)
    kind = of_group(ETHNIC_MILITIA, group) if group else COMMUNAL_MILITIA
    return replace(actor, name="", inter=MILITIA_INTER, generic_kind=kind)


def as_rioters(actor: ActorMention) -> ActorMention:
    """The members of a mob, as ACLED names them."""
    return replace(actor, name="", inter=RIOTER_INTER, generic_kind="rioters")
