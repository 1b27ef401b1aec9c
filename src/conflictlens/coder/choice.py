"""Which event word of a sentence tells its event, when it has several.

A specific sub-type beats a generic word (``@attack``, ``@explosion``), and among equals the first
wins; a weak word counts only with the weapon it needs. On top of that: what came with a killing
(an arrest, a burning, a seizure) gives way to it; a seizure or a find beats the word that names
the seized weapon; and a protest takes the strongest turn its sentence tells (violence by the
crowd, deadly force, an intervention).
"""

from __future__ import annotations

from dataclasses import replace

from conflictlens.model import SentenceMentions, TriggerMention, WeaponMention

__all__ = [
    "CROWD_ESCALATION",
    "HAND_WEAPONS",
    "MOB_AT_PROTEST",
    "SEIZABLE_WEAPONS",
    "primary_trigger",
]

HAND_WEAPONS = frozenset({"small_arms", "other"})
SIDE_SUB_TYPES = frozenset({"Looting/property destruction", "Arrests", "Disrupted weapons use"})
"""When people are killed, an arrest, a burning or a seizure is what came with the killing
("arrested and executed six men", "killed a farmer and seized his rifle"), not the event."""
CROWD_ESCALATION = (
    "Violent demonstration",
    "Excessive force against protesters",
    "Protest with intervention",
    "Peaceful protest",
)
"""The sub-types of a protest, strongest first: a sentence that tells a protest together with
violence by the crowd, lethal force or an intervention takes the strongest it tells (ACLED codes
one event per protest, by its most serious turn)."""
CROWD_TURNS = {
    # Protesters setting fire to buildings or clashing with the police riot (ACLED).
    "Looting/property destruction": "Violent demonstration",
    "Armed clash": "Violent demonstration",
    # Arrests at a protest are an intervention.
    "Arrests": "Protest with intervention",
}
"""What another sub-type told in a protest's sentence makes of the protest."""
MOB_AT_PROTEST = "Violent demonstration"
"""A fight breaking out where a demonstration is told is a riot, not mob violence."""
DISRUPTED = "Disrupted weapons use"
OTHER = "Other"
LOOTING = "Looting/property destruction"
ATTACK_REACH = 40
"""Characters between "attacked" and "burned" when both tell one act ("attacked and burned a
fuel tanker", "raiders attacked a farm burning 30 houses"); a clause away they tell two;
calibrated on the ACLED development notes."""
DISRUPTED_OBJECTS = frozenset(
    {
        "Remote explosive/landmine/IED",
        "Shelling/artillery/missile attack",
        "Grenade",
        "Excessive force against protesters",
        "@explosion",
    }
)
"""Sub-types whose words also name the weapon a seizure, a find or a defusal is about ("explosive
devices were found", "seized 500 live rounds"): beside such a word, with nobody hurt, the
disruption is the event."""
SEIZABLE_WEAPONS = frozenset({"small_arms"})
"""Guns are seized and found as often as bombs are; blades and sticks are not what ACLED's
disrupted weapons use is about."""


def primary_trigger(
    mentions: SentenceMentions, weapon: WeaponMention | None
) -> TriggerMention | None:
    """The sentence's main event word, ``weapon`` being the weapon the sentence's event uses."""
    return _main_trigger(_usable(mentions, weapon))


def _usable(mentions: SentenceMentions, weapon: WeaponMention | None) -> SentenceMentions:
    """The sentence without its weak words that lack the weapon they need: "seized his
    motorbike" beside "killed a farmer" leaves the killing to tell the event."""
    usable = [t for t in mentions.triggers if not t.needs_weapon or _armed(t, weapon, mentions)]
    return mentions if len(usable) == len(mentions.triggers) else replace(mentions, triggers=usable)


def _main_trigger(mentions: SentenceMentions) -> TriggerMention | None:
    """A specific sub-type beats a generic one, then the first."""
    if not mentions.triggers:
        return None
    hurt = any(c.count for c in mentions.casualties)
    disrupted = _disruption(mentions, hurt)
    if disrupted is not None:
        return disrupted
    chosen = min(
        mentions.triggers,
        key=lambda t: (
            hurt and t.sub_event_type in SIDE_SUB_TYPES,
            t.sub_event_type == LOOTING and _after_attack(t, mentions),
            # ACLED's "Other" is what is left when nothing else is told.
            t.sub_event_type == OTHER,
            t.sub_event_type.startswith("@"),
            t.needs_weapon,
            t.span.start,
        ),
    )
    return _crowd_trigger(chosen, mentions)


def _after_attack(burning: TriggerMention, mentions: SentenceMentions) -> bool:
    """A burning told just after an attack, in the same clause, came with it ("attacked the
    village and burned houses")."""
    base = mentions.sentence.start
    for attack in mentions.triggers:
        if attack.sub_event_type != "@attack" or attack.span.end > burning.span.start:
            continue
        between = mentions.sentence.text[attack.span.end - base : burning.span.start - base]
        if len(between) <= ATTACK_REACH and "," not in between:
            return True
    return False


def _crowd_trigger(chosen: TriggerMention, mentions: SentenceMentions) -> TriggerMention:
    """In a sentence that tells a protest, the protest's strongest turn decides its sub-type:
    "protesters blocked the road and lit fires" is a violent demonstration, "police used tear gas
    to disperse the march" a protest with intervention, "clashed with police during a rally" a
    riot, not a battle."""
    triggers = [t for t in mentions.triggers if _same_clause(chosen, t, mentions)]
    told = any(t.sub_event_type == "Peaceful protest" for t in triggers)
    if not told and not any(a.generic_kind == "protesters" for a in mentions.actors):
        return chosen
    turns_of = dict(CROWD_TURNS, **({"Mob violence": MOB_AT_PROTEST} if told else {}))
    if chosen.sub_event_type not in CROWD_ESCALATION and chosen.sub_event_type not in turns_of:
        return chosen
    turns = [
        (CROWD_ESCALATION.index(turn), t.span.start, t, turn)
        for t in triggers
        if (turn := turns_of.get(t.sub_event_type, t.sub_event_type)) in CROWD_ESCALATION
    ]
    _rank, _start, trigger, turn = min(turns, key=lambda item: item[:2])
    killed = any(c.count and c.kind == "killed" for c in mentions.casualties)
    if turn == "Protest with intervention" and killed:
        # Deadly force at a protest that did not turn violent is excessive.
        turn = "Excessive force against protesters"
    return trigger if trigger.sub_event_type == turn else replace(trigger, sub_event_type=turn)


def _disruption(mentions: SentenceMentions, hurt: bool) -> TriggerMention | None:
    """A seizure, find or defusal told with the weapon's own event word and nobody hurt:
    "two explosive devices were found", "troops destroyed 40 IEDs", "seized 300 live rounds"."""
    if hurt or not mentions.weapons:
        return None
    found = [t for t in mentions.triggers if t.sub_event_type == DISRUPTED]
    if not found:
        return None
    others = [t for t in mentions.triggers if t.sub_event_type != DISRUPTED]
    # A strong "attacked" or "shot dead" beside a find is an attack; a weak "destroyed" is not.
    if all(t.needs_weapon or t.sub_event_type in DISRUPTED_OBJECTS for t in others):
        return min(found, key=lambda t: (t.needs_weapon, t.span.start))
    return None


def _same_clause(a: TriggerMention, b: TriggerMention, mentions: SentenceMentions) -> bool:
    """No semicolon between the two words: a headline's "march in Lima; tear gas in Trujillo"
    tells two events."""
    base = mentions.sentence.start
    first, second = sorted((a.span.start, b.span.start))
    return ";" not in mentions.sentence.text[first - base : second - base]


def _armed(
    trigger: TriggerMention, weapon: WeaponMention | None, mentions: SentenceMentions
) -> bool:
    """Whether a weak word has the weapon it needs: a launched one, or for a seizure or a find
    also a gun — not a word that names the armed men themselves ("gunmen seized the bus")."""
    if _launched(weapon):
        return True
    if trigger.sub_event_type != DISRUPTED:
        return False
    # "gunmen" names people and "shot dead" an act, not a gun that could be seized.
    taken = [a.span for a in mentions.actors] + [t.span for t in mentions.triggers]
    return any(
        w.weapon in SEIZABLE_WEAPONS
        and not w.owner_marked
        and not any(p.start < w.span.end and w.span.start < p.end for p in taken)
        for w in mentions.weapons
    )


def _launched(weapon: WeaponMention | None) -> bool:
    """A weak event word ("tombé", "fell", "abattu", "сбит") speaks of an event only with a
    launched weapon of nobody named: a missile that fell, a drone shot down — not bullets, and
    not "a US drone fell", which tells of the drone's owner, not of an attack."""
    if weapon is None or weapon.owner_marked:
        return False
    return weapon.weapon not in HAND_WEAPONS
