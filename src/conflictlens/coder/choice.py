"""Which event word of a sentence tells its event, when it has several.

A specific sub-type beats a generic word (``@attack``, ``@explosion``), and among equals the first
wins; a weak word counts only with the weapon it needs. On top of that: what came with a killing
(an arrest, a burning, a seizure) gives way to it; a seizure or a find beats the word that names
the seized weapon; some sub-types tell more than the words beside them (ground that changed hands
more than the fight, poison gas more than the shell that carried it); a word of taking tells
territory only with a place for its object; what a protest is held against is no event of its
own; and a protest takes the strongest turn its sentence tells (violence by the crowd, deadly
force, an intervention).
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
    "grieved",
    "named_grievance",
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
ARRESTS = "Arrests"
FALL = "@fall"
GRIEVANCE_WORDS = 4
"""Words between "protested against" and the event word it names: an article and adjectives
("protest over rising cases of mob justice"); calibrated on the ACLED development notes."""
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
    # between organised armed groups.
    MOB: frozenset({CLASH}),
}
"""Sub-type -> the sub-types it outranks in one clause only: a later "the attack", read as a
clash for want of a named target, does not make the killing of a cleric a battle."""
IN_CLAUSE_OUTRANKS = {
    kind: OUTRANKS.get(kind, frozenset()) | CLAUSE_OUTRANKS.get(kind, frozenset())
    for kind in {*OUTRANKS, *CLAUSE_OUTRANKS}
}
"""Everything a sub-type outranks within its clause."""
ARMED_INTERS = frozenset({1, 2, 3, 4})
"""ACLED's actor types of armed parties: state forces, rebels, political and identity militias."""
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
    """The sentence without its weak words that lack what they need, and without what a
    protest is held against (``grieved``): "seized his motorbike" beside "killed a farmer"
    leaves the killing to tell the event."""
    objects = grieved(mentions)
    usable = [
        t
        for t in mentions.triggers
        if (not t.needs_weapon or _armed(t, weapon, mentions)) and t not in objects
    ]
    kept_all = len(usable) == len(mentions.triggers)
    return mentions if kept_all else replace(mentions, triggers=usable)


def grieved(mentions: SentenceMentions) -> list[TriggerMention]:
    """The event words a protest is held against: the event words right after a protest word
    that is also listed as a look-alike (``@fall``: "protested against", "demonstration over"),
    each at most GRIEVANCE_WORDS from the one before, tell the crowd's grievance, not what the
    crowd did ("traders protested against the demolition of their stalls", "gathered to
    protest the killing of their donkeys by suspected thieves")."""
    markers = _grievance_markers(mentions)
    if not markers:
        return []
    base = mentions.sentence.start
    found: list[TriggerMention] = []
    words = sorted(
        (t for t in mentions.triggers if t.sub_event_type != FALL), key=lambda t: t.span.start
    )
    for marker in markers:
        end = marker.span.end
        for word in (t for t in words if t.span.start >= marker.span.end):
            between = mentions.sentence.text[end - base : word.span.start - base]
            if len(between.split()) > GRIEVANCE_WORDS or any(p in between for p in ",;:"):
                break
            found.append(word)
            end = word.span.end
    return found


def _grievance_markers(mentions: SentenceMentions) -> list[TriggerMention]:
    """Protest words that name what the protest is against: listed both as protest words and as
    look-alikes, they match twice over the same words."""
    looks = {t.span for t in mentions.triggers if t.sub_event_type == FALL}
    if not looks:
        return []
    return [t for t in mentions.triggers if t.sub_event_type in PROTEST_WORDS and t.span in looks]


def named_grievance(mentions: SentenceMentions) -> bool:
    """The sentence names an arrest as a grievance: a weak arrest word ("the unjust arrest of",
    "against the detention of") or an arrest word a protest is held against."""
    return any(t.sub_event_type == ARRESTS and t.needs_weapon for t in mentions.triggers) or any(
        t.sub_event_type == ARRESTS for t in grieved(mentions)
    )


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
    """Another word of the sentence tells a sub-type that outranks this one (OUTRANKS); a mob
    outranks a fight only where no armed party is named ("rival supporters clashed", not "an
    exchange of fire between two groups of soldiers")."""
    return any(
        trigger.sub_event_type in _outranked_by(other)
        and _same_clause(trigger, other, mentions)
        and not (other.sub_event_type == MOB and _armed_party(mentions))
        for other in mentions.triggers
    )


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
        attack.span.end <= a.span.start < burning.span.start
        and (a.inter == STATE_INTER or a.generic_kind in STATE_KINDS)
        for a in mentions.actors
    )


def _crowd_trigger(chosen: TriggerMention, mentions: SentenceMentions) -> TriggerMention:
    """In a sentence that tells a protest, the protest's strongest turn decides its sub-type:
    "protesters blocked the road and lit fires" is a violent demonstration, "police used tear gas
    to disperse the march" a protest with intervention, "clashed with police during a rally" a
    riot, not a battle."""
    triggers = [t for t in mentions.triggers if _same_clause(chosen, t, mentions)]
    told = any(t.sub_event_type == "Peaceful protest" for t in triggers)
    if not told and not any(a.generic_kind == "protesters" for a in mentions.actors):
        plain = _without_protest(chosen, triggers, mentions)
        # Police dispersing a rioting crowd: the riot is the event, the intervention a turn of
        # it ("fired teargas to disperse rioting voters").
        rioting = any(t.sub_event_type == MOB_AT_PROTEST for t in triggers)
        if plain is not chosen or not rioting or chosen.sub_event_type not in CROWD_ESCALATION:
            return plain
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
    """No semicolon between the two words that opens a part with a place of its own: a
    headline's "march in Lima; tear gas in Trujillo" tells two events, a note's "traders protest
    new fees; police break up the protest with tear gas" one."""
    base = mentions.sentence.start
    first, second = sorted((a.span.start, b.span.start))
    cut = mentions.sentence.text.find(";", first - base, second - base)
    if cut < 0:
        return True
    return not any(p.span.start > cut + base for p in mentions.places)


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
