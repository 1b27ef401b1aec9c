"""Which event word of a sentence tells its event, when it has several.

A specific sub-type beats a generic word (``@attack``, ``@explosion``), and among equals the first
wins; a weak word counts only with the weapon it needs. On top of that: what came with a killing
(an arrest, a burning, a seizure) gives way to it; a seizure or a find beats the word that names
the seized weapon; some sub-types tell more than the words beside them (ground that changed hands
more than the fight, poison gas more than the shell that carried it); a word of taking tells
territory only with a place for its object. What a crowd's sentence tells (a protest's
grievance and its strongest turn) is :mod:`conflictlens.coder.crowds`'s part.
"""

from __future__ import annotations

from dataclasses import replace

from conflictlens.coder.crowds import (
    ARRESTS,
    LOOTING,
    MOB,
    crowd_trigger,
    force_without_crowd,
    grieved,
    mob_read,
    same_clause,
)
from conflictlens.coder.speakers import STATE_KINDS, is_state_force
from conflictlens.model import SentenceMentions, TriggerMention, WeaponMention

__all__ = [
    "HAND_WEAPONS",
    "OUTRANKS",
    "SEIZABLE_WEAPONS",
    "primary_trigger",
]

HAND_WEAPONS = frozenset({"small_arms", "other"})
SIDE_SUB_TYPES = frozenset({"Looting/property destruction", "Arrests", "Disrupted weapons use"})
"""When people are killed, an arrest, a burning or a seizure is what came with the killing
("arrested and executed six men", "killed a farmer and seized his rifle"), not the event."""
DISRUPTED = "Disrupted weapons use"
OTHER = "Other"
CLASH = "Armed clash"
TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
REMOTE = ("Air/drone strike", "Shelling/artillery/missile attack")
BLASTS = frozenset({*REMOTE, "Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
"""Named blasts; a bare "exploded" may be an incendiary device's, which is arson."""
CAPTURE_WORDS = 6
"""Words between a word of taking and the place taken: a date and an article with adjectives
("captured on Monday the strategic port of Mokha"); calibrated on the CASE 2021 development
snippets."""
OUTRANKS: dict[str, frozenset[str]] = {
    # ACLED codes the use of chemical weapons as such, whatever delivered them.
    "Chemical weapon": frozenset(REMOTE),
    # A fight in which ground changes hands is coded by the change of control.
    **{taking: frozenset({CLASH, "@attack"}) for taking in TERRITORY},
    # Ground handed over changed hands without a fight.
    "Non-violent transfer of territory": frozenset(TERRITORY),
}
"""Sub-type -> the sub-types it outranks when a sentence tells both, or two merged reports."""
CLAUSE_OUTRANKS: dict[str, frozenset[str]] = {
    # Villagers or guards who fought back make an attack a battle ("attacked the village and
    # clashed with self-defence volunteers").
    CLASH: frozenset({"Attack"}),
    # A fight between rival supporters, villagers or a mob is a riot: ACLED's armed clashes are
    # between organised armed groups; and a beating or a killing told with a mob's words, no
    # armed party named, is a mob's ("an angry crowd beat a suspected thief to death").
    MOB: frozenset({CLASH, "Attack", "@attack"}),
}
"""Sub-type -> the sub-types it outranks in one clause only: a later "the attack", read as a
clash for want of a named target, does not make the killing of a cleric a battle."""
PHRASE_OUTRANKS: dict[str, frozenset[str]] = {
    # Fire told as two-sided in the same phrase is a battle, whatever was fired ("shells flew both
    # ways across the line of contact", "fired mortars and small
    # arms at the positions"); a fight told in another clause is the setting of a strike ("jets
    # bombed the positions, as fighting intensified").
    CLASH: frozenset(REMOTE),
}
"""Sub-type -> the sub-types it outranks when their words tell one act (``_same_phrase``)."""
IN_CLAUSE_OUTRANKS = {
    kind: OUTRANKS.get(kind, frozenset()) | CLAUSE_OUTRANKS.get(kind, frozenset())
    for kind in {*OUTRANKS, *CLAUSE_OUTRANKS}
}
"""Everything a sub-type outranks within its clause."""
ARMED_INTERS = frozenset({1, 2, 3, 4})
"""ACLED's actor types of armed parties: state forces, rebels, political and identity militias."""
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
    """The sentence without its weak words that lack what they need, and without what a
    protest is held against (``grieved``): "seized his motorbike" beside "killed a farmer"
    leaves the killing to tell the event."""
    # The grievance is read before a mob's words turn into a riot's: "protest the killing of
    # their donkeys by suspected thieves" names thieves, not rioters.
    objects = {t.span for t in grieved(mentions)}
    mentions = mob_read(mentions)
    usable = [
        t
        for t in mentions.triggers
        if (not t.needs_weapon or _armed(t, weapon, mentions)) and t.span not in objects
    ]
    kept_all = len(usable) == len(mentions.triggers)
    return mentions if kept_all else replace(mentions, triggers=usable)


def _taking(trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """A weak word of taking ("captured") tells ground changing hands when its object is a place
    or a site held by a force ("captured on Monday the port of Mokha", "captured an army base");
    the taker decides which side (coder/events.py). Followed first by people ("captured two
    soldiers") or by nothing, it tells no taking of ground."""
    base = mentions.sentence.start
    place = next(
        (
            p.span
            for p in sorted(mentions.places, key=lambda p: p.span.start)
            if p.span.start >= trigger.span.end
        ),
        None,
    )
    site = next(
        (a.span for a in mentions.actors if a.holds_facility and a.span.start >= trigger.span.end),
        None,
    )
    objects = [s for s in (place, site) if s is not None]
    if not objects:
        return False
    target = min(objects, key=lambda s: s.start)
    people = any(
        trigger.span.end <= a.span.start < target.start and not a.holds_facility
        for a in mentions.actors
    ) or any(trigger.span.end <= c.span.start < target.start for c in mentions.casualties)
    between = mentions.sentence.text[trigger.span.end - base : target.start - base]
    return (
        not people
        and len(between.split()) <= CAPTURE_WORDS
        and not any(p in between for p in ",;:")
    )


def _main_trigger(mentions: SentenceMentions) -> TriggerMention | None:
    """A specific sub-type beats a generic one, then the first."""
    if not mentions.triggers:
        return None
    hurt = any(c.count for c in mentions.casualties)
    disrupted = _disruption(mentions, hurt)
    if disrupted is not None:
        return disrupted
    # A killing told in words ("arrested six men, who were later executed") counts as much as a
    # toll.
    killing = hurt or any(t.sub_event_type == "Attack" for t in mentions.triggers)
    chosen = min(
        mentions.triggers,
        key=lambda t: (
            killing and t.sub_event_type in SIDE_SUB_TYPES,
            t.sub_event_type == LOOTING and _after_attack(t, mentions),
            _outranked(t, mentions)
            or force_without_crowd(t, mentions)
            or _damage_of_blast(t, mentions),
            # ACLED's "Other" is what is left when nothing else is told.
            t.sub_event_type == OTHER,
            t.sub_event_type.startswith("@"),
            t.needs_weapon,
            t.span.start,
        ),
    )
    return crowd_trigger(chosen, mentions)


def _outranked(trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """Another word of the sentence tells a sub-type that outranks this one (OUTRANKS); a mob
    outranks a fight only where no armed party is named ("rival supporters clashed", not "an
    exchange of fire between two groups of soldiers")."""
    return any(
        (
            trigger.sub_event_type in _outranked_by(other)
            and same_clause(trigger, other, mentions)
            and not (other.sub_event_type == MOB and _armed_party(mentions))
        )
        or (
            trigger.sub_event_type in PHRASE_OUTRANKS.get(other.sub_event_type, frozenset())
            and _same_phrase(trigger, other, mentions)
        )
        for other in mentions.triggers
    )


def _same_phrase(a: TriggerMention, b: TriggerMention, mentions: SentenceMentions) -> bool:
    """The two words tell one act: nothing but a list of weapons or targets between them ("fired
    artillery, mortars and small arms"), no clause mark and no cue such as a source's "said"
    ("bombed the positions on Sunday, witnesses said, as fighting intensified")."""
    base = mentions.sentence.start
    first, second = sorted((a, b), key=lambda t: t.span.start)
    start, end = first.span.end, second.span.start
    between = mentions.sentence.text[start - base : end - base]
    cued = any(start <= c.span.start < end for c in mentions.cues)
    return not cued and not any(p in between for p in ";:()")


def _outranked_by(trigger: TriggerMention) -> frozenset[str]:
    """The sub-types a word outranks within its clause."""
    return IN_CLAUSE_OUTRANKS.get(trigger.sub_event_type, frozenset())


def _armed_party(mentions: SentenceMentions) -> bool:
    """The sentence names state forces or an armed group as a party."""
    return any(
        not a.reporter
        and (
            a.generic_kind in STATE_KINDS
            or a.inter in ARMED_INTERS
            or a.generic_kind == "unidentified"
        )
        for a in mentions.actors
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


def _after_attack(burning: TriggerMention, mentions: SentenceMentions) -> bool:
    """A burning told just after an attack, in the same clause, came with it ("attacked the
    village and burned houses"), and so does one told further on after an attack on state
    forces (``_forces_hit``)."""
    base = mentions.sentence.start
    for attack in mentions.triggers:
        if attack.sub_event_type != "@attack" or attack.span.end > burning.span.start:
            continue
        between = mentions.sentence.text[attack.span.end - base : burning.span.start - base]
        if len(between) <= ATTACK_REACH and "," not in between:
            return True
        if "," in between and ";" not in between and _forces_hit(attack, burning, mentions):
            return True
    return False


def _forces_hit(
    attack: TriggerMention, burning: TriggerMention, mentions: SentenceMentions
) -> bool:
    """The attack's object is state forces or their post, and the burning is told in a later
    clause ("attacked the police station in X, no casualties, although the gunmen torched a
    shed"): what burned there is the fight's damage."""
    return any(
        attack.span.end <= a.span.start < burning.span.start and is_state_force(a)
        for a in mentions.actors
    )


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


def _armed(
    trigger: TriggerMention, weapon: WeaponMention | None, mentions: SentenceMentions
) -> bool:
    """Whether a weak word has what it needs: a weak word of taking, the ground taken
    (``_taking``); a weak arrest word, which names an arrest as a grievance, nothing; any other
    a launched weapon, or for a seizure or a find also a gun — not a word that names the armed
    men themselves ("gunmen seized the bus")."""
    if trigger.sub_event_type in TERRITORY:
        return _taking(trigger, mentions)
    if trigger.sub_event_type == ARRESTS:
        return False
    if _launched(weapon):
        return True
    if trigger.sub_event_type != DISRUPTED:
        return False
    if weapon is not None and weapon.weapon not in HAND_WEAPONS:
        return True  # "shot down a rocket the militia fired": whose weapon was stopped
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
