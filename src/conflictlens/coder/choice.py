"""Which event word of a sentence tells its event, when it has several.

A specific sub-type beats a generic word (``@attack``, ``@explosion``), and among equals the first
wins; a weak word counts only with the weapon it needs. On top of that: what came with a killing
(an arrest, a burning, a seizure) gives way to it; a seizure or a find beats the word that names
the seized weapon; some sub-types tell more than the words beside them (ground that changed hands
more than the fight, poison gas more than the shell that carried it); and a protest takes the
strongest turn its sentence tells (violence by the crowd, deadly force, an intervention).
"""

from __future__ import annotations

from dataclasses import replace

from conflictlens.coder.speakers import STATE_INTER, STATE_KINDS
from conflictlens.model import ActorMention, SentenceMentions, TriggerMention, WeaponMention

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
MOB = "Mob violence"
EXCESSIVE = "Excessive force against protesters"
CLASH = "Armed clash"
TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
REMOTE = ("Air/drone strike", "Shelling/artillery/missile attack")
BLASTS = frozenset({*REMOTE, "Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
"""Named blasts; a bare "exploded" may be an incendiary device's, which is arson."""
OUTRANKS: dict[str, frozenset[str]] = {
    # ACLED codes the use of chemical weapons as such, whatever delivered them.
    "Chemical weapon": frozenset(REMOTE),
    # A fight in which ground changes hands is coded by the change of control.
    **{taking: frozenset({CLASH, "@attack"}) for taking in TERRITORY},
    # Ground handed over changed hands without a fight.
    "Non-violent transfer of territory": frozenset(TERRITORY),
}
"""Sub-type -> the sub-types it outranks when a sentence tells both."""
CROWD_KINDS = frozenset({"protesters", "rioters"})
PROTEST_WORDS = frozenset({"Peaceful protest", "Protest with intervention"})
"""Sub-types whose words tell that a protest took place."""
DOER_WORDS = 1
"""Words between a doer and its verb: an adverb ("officers brutally attacked", "police reportedly
beat"); with two ("a police officer charged with murder") the actor is seldom the one who acts.
Calibrated on the CASE 2021 development snippets and the ACLED development notes."""
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
DISRUPTED_BESIDE = DISRUPTED_OBJECTS | {CLASH}
"""What a seizure, a find or a defusal with nobody hurt outranks."""
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
            _outranked(t, mentions)
            or _force_without_crowd(t, mentions)
            or _damage_of_blast(t, mentions),
            # ACLED's "Other" is what is left when nothing else is told.
            t.sub_event_type == OTHER,
            t.sub_event_type.startswith("@"),
            t.needs_weapon,
            t.span.start,
        ),
    )
    return _crowd_trigger(chosen, mentions)


def _outranked(trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """Another word of the sentence tells a sub-type that outranks this one (OUTRANKS)."""
    return any(
        trigger.sub_event_type in OUTRANKS.get(other.sub_event_type, ())
        and _same_clause(trigger, other, mentions)
        for other in mentions.triggers
    )


def _damage_of_blast(trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """Property told as destroyed, in the passive, beside a named blast is that blast's damage
    ("houses were destroyed when shells hit the village"); an arson told as an act ("set fire to
    the houses and fired rockets") stays an act of its own."""
    if trigger.sub_event_type != LOOTING:
        return False
    passive = any(
        c.kind == "passive" and trigger.span.start <= c.span.start < trigger.span.end
        for c in mentions.cues
    )
    return passive and any(t.sub_event_type in BLASTS for t in mentions.triggers)


def _force_without_crowd(trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """Words of force such as "live bullets", with no protest told, are not force against
    protesters when another event word stands beside them: that word tells the event ("police
    seized guns and live bullets in a raid"). Alone, they keep telling it ("three die in protest
    crackdown")."""
    if trigger.sub_event_type != EXCESSIVE or _crowd_told(mentions):
        return False
    return any(t.sub_event_type not in (EXCESSIVE, "@fall") for t in mentions.triggers)


def _crowd_told(mentions: SentenceMentions) -> bool:
    """A protest or a riot is told: by its own words or by the crowd's."""
    return (
        _protest_told(mentions)
        or any(t.sub_event_type == MOB_AT_PROTEST for t in mentions.triggers)
        or any(a.generic_kind == "rioters" for a in mentions.actors)
    )


def _protest_told(mentions: SentenceMentions) -> bool:
    """A protest is told: by a protest word or an intervention, or by its protesters."""
    return any(t.sub_event_type in PROTEST_WORDS for t in mentions.triggers) or any(
        a.generic_kind == "protesters" for a in mentions.actors
    )


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
        return _without_protest(chosen, triggers, mentions)
    turns_of = dict(CROWD_TURNS, **({"Mob violence": MOB_AT_PROTEST} if told else {}))
    if _turn(chosen, turns_of, mentions) not in CROWD_ESCALATION:
        return chosen
    turns = [
        (CROWD_ESCALATION.index(turn), t.span.start, t, turn)
        for t in triggers
        if (turn := _turn(t, turns_of, mentions)) in CROWD_ESCALATION
    ]
    _rank, _start, trigger, turn = min(turns, key=lambda item: item[:2])
    killed = any(c.count and c.kind == "killed" for c in mentions.casualties)
    if turn == "Protest with intervention" and killed:
        # Deadly force at a protest that did not turn violent is excessive.
        turn = "Excessive force against protesters"
    return trigger if trigger.sub_event_type == turn else replace(trigger, sub_event_type=turn)


def _turn(trigger: TriggerMention, turns_of: dict[str, str], mentions: SentenceMentions) -> str:
    """What an event word makes of a protest: violence done by the police or troops is force
    against the protesters ("officers beat a protester during the march"), violence done by the
    crowd a riot ("protesters attacked the police", "protesters used live ammunition")."""
    plain = turns_of.get(trigger.sub_event_type, trigger.sub_event_type)
    if trigger.sub_event_type not in ("@attack", "Attack", EXCESSIVE):
        return plain
    doer = _doer(trigger, mentions)
    if doer is None:
        return plain
    if doer.generic_kind in CROWD_KINDS:
        return MOB_AT_PROTEST
    if trigger.sub_event_type == EXCESSIVE:
        return plain
    if doer.generic_kind in STATE_KINDS or doer.inter == STATE_INTER:
        # Beating, killing or wounding protesters is excessive force; a raid or an attack with
        # nobody hurt may be what the crowd protests against ("protest police raids").
        hurt = any(c.count for c in mentions.casualties)
        return EXCESSIVE if hurt or trigger.sub_event_type == "Attack" else plain
    return plain


def _doer(trigger: TriggerMention, mentions: SentenceMentions) -> ActorMention | None:
    """The actor standing just before the event word, at most DOER_WORDS words away with no
    punctuation between: its subject."""
    base = mentions.sentence.start
    before = [a for a in mentions.actors if a.span.end <= trigger.span.start and not a.reporter]
    if not before:
        return None
    actor = max(before, key=lambda a: a.span.end)
    if any(
        actor.span.end <= c.span.start < trigger.span.end
        for c in mentions.cues
        if c.kind == "passive"
    ):
        return None  # "protesters were injured by": the victims
    if any(
        c.span.start <= actor.span.start and trigger.span.end <= c.span.end
        for c in mentions.casualties
    ):
        return None  # "dozens of demonstrators killed": the victims, counted
    words = mentions.sentence.text[actor.span.end - base : trigger.span.start - base].split()
    return actor if len(words) <= DOER_WORDS and all(w.isalpha() for w in words) else None


def _without_protest(
    chosen: TriggerMention, triggers: list[TriggerMention], mentions: SentenceMentions
) -> TriggerMention:
    """With no protest told, a riot or a burning beside a mob is mob violence ("a mob set the
    shop ablaze"): ACLED's violent demonstrations are protests that turned violent."""
    if chosen.sub_event_type in (MOB_AT_PROTEST, LOOTING):
        mob = next((t for t in triggers if t.sub_event_type == MOB), None)
        if mob is not None and not _protest_told(mentions):
            return mob
    return chosen


def _disruption(mentions: SentenceMentions, hurt: bool) -> TriggerMention | None:
    """A seizure, find or defusal told with the weapon's own event word and nobody hurt:
    "two explosive devices were found", "troops destroyed 40 IEDs", "seized 300 live rounds"."""
    if hurt or not mentions.weapons:
        return None
    found = [t for t in mentions.triggers if t.sub_event_type == DISRUPTED]
    if not found:
        return None
    others = [t for t in mentions.triggers if t.sub_event_type != DISRUPTED]
    # A strong "attacked" or "shot dead" beside a find is an attack; a weak "destroyed" is not,
    # nor an operation or a clash that hurt nobody ("guns seized in a joint operation").
    if all(t.needs_weapon or t.sub_event_type in DISRUPTED_BESIDE for t in others):
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
