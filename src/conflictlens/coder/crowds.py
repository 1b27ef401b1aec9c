"""Protests, riots and mobs: what a crowd's sentence tells.

What a protest is held against is no event of its own ("protested against the demolition of
their stalls"); a protest takes the strongest turn its sentence tells (violence by the crowd,
deadly force, an intervention), and who acted decides the turn (police beating protesters is
excessive force, the crowd attacking a violent demonstration, armed men firing on the crowd an
attack on civilians); with no protest told, a crowd's violence is mob violence, and so is
rioters' falling upon people ("rioters attacked two journalists").
"""

from __future__ import annotations

from dataclasses import replace

from conflictlens.coder.speakers import NON_STATE_ARMED_INTER, is_state_force
from conflictlens.model import ActorMention, SentenceMentions, TriggerMention

__all__ = [
    "ARRESTS",
    "CROWD_ESCALATION",
    "CROWD_INTERS",
    "EXCESSIVE",
    "FALL",
    "LOOTING",
    "MOB",
    "MOB_AT_PROTEST",
    "PROTEST_WORDS",
    "crowd_deed",
    "crowd_told",
    "crowd_trigger",
    "force_without_crowd",
    "grieved",
    "mob_read",
    "named_grievance",
    "protest_told",
    "same_clause",
]

MOB = "Mob violence"
LOOTING = "Looting/property destruction"
EXCESSIVE = "Excessive force against protesters"
ARRESTS = "Arrests"
FALL = "@fall"
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
CROWD_KINDS = frozenset({"protesters", "rioters"})
CROWD_INTERS = frozenset({5, 6})
"""ACLED's actor types of rioters and protesters."""
ASSAULTS = frozenset({"@attack", "Attack"})
"""Words of violence against people: a mob's deed when rioters do it to people, not police."""
POLICE_FORCE = frozenset({EXCESSIVE, "Protest with intervention"})
"""The police's means against a crowd, which tell a protest only where a crowd is told."""
PROTEST_WORDS = frozenset({"Peaceful protest", "Protest with intervention"})
"""Sub-types whose words tell that a protest took place."""
DOER_WORDS = 1
"""Words between a doer and its verb: an adverb ("officers brutally attacked", "police reportedly
beat"); with two ("a police officer charged with murder") the actor is seldom the one who acts.
Calibrated on the CASE 2021 development snippets and the ACLED development notes."""
OBJECT_WORDS = 2
"""Words between an attack word and the crowd it hit: an article and an adjective ("attacked
the peaceful marchers", "ont attaqué des manifestants"). 2 and 3 score the same on the ACLED
development notes; the smaller keeps "attacked soldiers guarding the rally" from the crowd."""
GRIEVANCE_WORDS = 4
"""Words between "protested against" and the event word it names: an article and adjectives
("protest over rising cases of mob justice"); calibrated on the ACLED development notes."""


def mob_read(mentions: SentenceMentions) -> SentenceMentions:
    """The sentence with its words of a crowd's violence ("pelted stones", "angry youths") read as
    a riot where a protest is told ("protesters threw stones"), a riot word follows them ("threw
    stones and set up barricades", "angry youths rioted") or names the throwers ("rioters pelted
    stones"): ACLED's mob violence is a crowd's violence where no demonstration is told. A riot
    told first and a mob after tells of the mob that set it off ("a riot broke out after a mob
    lynched two men"); police dispersing stone throwers tell no demonstration of their own
    ("residents pelted stones at the police who asked them to disperse")."""
    if not any(t.sub_event_type == MOB for t in mentions.triggers):
        return mentions
    protest = any(t.sub_event_type == "Peaceful protest" for t in mentions.triggers) or any(
        a.generic_kind == "protesters" for a in mentions.actors
    )
    riots = [t.span for t in mentions.triggers if t.sub_event_type == MOB_AT_PROTEST]
    people = {a.span for a in mentions.actors}
    triggers = [
        replace(t, sub_event_type=MOB_AT_PROTEST)
        if t.sub_event_type == MOB
        and (protest or any(r.start > t.span.start or r in people for r in riots))
        else t
        for t in mentions.triggers
    ]
    return replace(mentions, triggers=triggers)


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
            if word.sub_event_type == MOB_AT_PROTEST:
                # What the crowd did, not what it protests: "demonstrating against the elections
                # burned tires and clashed with police".
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


def force_without_crowd(trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """Words of force such as "live bullets" or "fired in the air", with no crowd told, are not
    force against protesters when another event word stands beside them: that word tells the
    event ("police seized guns and live bullets in a raid", "gunmen stormed the village and fired
    in the air"). Alone, they keep telling it ("three die in protest crackdown")."""
    if trigger.sub_event_type not in POLICE_FORCE or _crowd_named(mentions):
        return False
    return any(t.sub_event_type not in (*POLICE_FORCE, "@fall") for t in mentions.triggers)


def _crowd_named(mentions: SentenceMentions) -> bool:
    """A protest or a riot is told other than by the police's means against it: by a protest or
    riot word, or by the crowd."""
    return any(
        t.sub_event_type in ("Peaceful protest", MOB_AT_PROTEST) for t in mentions.triggers
    ) or any(a.generic_kind in CROWD_KINDS for a in mentions.actors)


def crowd_told(mentions: SentenceMentions) -> bool:
    """A protest or a riot is told: by its own words or by the crowd's."""
    return (
        protest_told(mentions)
        or any(t.sub_event_type == MOB_AT_PROTEST for t in mentions.triggers)
        or any(a.generic_kind == "rioters" for a in mentions.actors)
    )


def protest_told(mentions: SentenceMentions) -> bool:
    """A protest is told: by a protest word or an intervention, or by its protesters."""
    return any(t.sub_event_type in PROTEST_WORDS for t in mentions.triggers) or any(
        a.generic_kind == "protesters" for a in mentions.actors
    )


def crowd_trigger(chosen: TriggerMention, mentions: SentenceMentions) -> TriggerMention:
    """In a sentence that tells a protest, the protest's strongest turn decides its sub-type:
    "protesters blocked the road and lit fires" is a violent demonstration, "police used tear gas
    to disperse the march" a protest with intervention, "clashed with police during a rally" a
    riot, not a battle."""
    triggers = [t for t in mentions.triggers if same_clause(chosen, t, mentions)]
    assault = _armed_assault(triggers, mentions) if protest_told(mentions) else None
    if assault is not None:
        return assault
    told = any(t.sub_event_type == "Peaceful protest" for t in triggers)
    if not told and not any(a.generic_kind == "protesters" for a in mentions.actors):
        plain = _without_protest(chosen, triggers, mentions)
        # Police dispersing a rioting crowd: the riot is the event, the intervention a turn of
        # it ("fired teargas to disperse rioting voters").
        rioting = any(t.sub_event_type == MOB_AT_PROTEST for t in triggers)
        if plain is not chosen or not rioting or chosen.sub_event_type not in CROWD_ESCALATION:
            return plain
    turns_of = dict(CROWD_TURNS, **({"Mob violence": MOB_AT_PROTEST} if told else {}))
    own_turn = _turn(chosen, turns_of, mentions)
    if own_turn not in CROWD_ESCALATION:
        if chosen.sub_event_type == EXCESSIVE:
            return replace(chosen, sub_event_type=own_turn)
        return chosen
    turns = [
        (CROWD_ESCALATION.index(turn), t.span.start, t, turn)
        for t in triggers
        if (turn := _turn(t, turns_of, mentions)) in CROWD_ESCALATION
        and not _arrest_demanded(t, triggers)
    ]
    _rank, _start, trigger, turn = min(turns, key=lambda item: item[:2])
    killed = any(c.count and c.kind == "killed" for c in mentions.casualties)
    if turn == "Protest with intervention" and killed:
        # Deadly force at a protest that did not turn violent is excessive.
        turn = "Excessive force against protesters"
    return trigger if trigger.sub_event_type == turn else replace(trigger, sub_event_type=turn)


def _arrest_demanded(trigger: TriggerMention, triggers: list[TriggerMention]) -> bool:
    """An arrest told after the protest word is what the crowd protests or demands ("protested
    the arrest of a resident", "marched to demand the release of activists who were detained"),
    not an intervention at the protest; one told before it is ("police arrested 23 journalists
    during a protest")."""
    return trigger.sub_event_type == ARRESTS and any(
        t.sub_event_type == "Peaceful protest" and t.span.start < trigger.span.start
        for t in triggers
    )


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
        return plain if is_state_force(doer) else _assault_on_crowd(doer)
    if is_state_force(doer):
        # Beating, killing or wounding protesters is excessive force; a raid or an attack with
        # nobody hurt may be what the crowd protests against ("protest police raids").
        hurt = any(c.count for c in mentions.casualties)
        return EXCESSIVE if hurt or trigger.sub_event_type == "Attack" else plain
    return plain


def _assault_on_crowd(doer: ActorMention) -> str:
    """Force against a crowd by someone who is not a state force: ACLED's excessive force is the
    state's; armed men who fire on a march attack civilians, a rival crowd that beats marchers
    is a mob ("gunmen opened fire on protesters", "supporters of the mayor attacked the
    marchers")."""
    armed = doer.inter in NON_STATE_ARMED_INTER or doer.generic_kind == "unidentified"
    return "Attack" if armed else MOB


def _armed_assault(
    triggers: list[TriggerMention], mentions: SentenceMentions
) -> TriggerMention | None:
    """An attack on the crowd by armed men who are not a state's forces ("gunmen attacked the
    marchers", "des hommes armés ont attaqué des manifestants"): ACLED codes it as an attack on
    civilians, not as a turn of the protest."""
    for trigger in sorted(triggers, key=lambda t: t.span.start):
        if trigger.sub_event_type not in ASSAULTS:
            continue
        doer = _doer(trigger, mentions)
        if doer is None or is_state_force(doer) or _assault_on_crowd(doer) != "Attack":
            continue
        if _crowd_object(trigger, mentions):
            return replace(trigger, sub_event_type="Attack")
    return None


def _crowd_object(trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """The first party or protest word after the event word, at most OBJECT_WORDS words away with
    no punctuation between, is the crowd: its object."""
    spans = [a.span for a in mentions.actors if a.generic_kind == "protesters"]
    # A protest's own words ("a march"), not the police's means ("a stun grenade").
    spans += [t.span for t in mentions.triggers if t.sub_event_type == "Peaceful protest"]
    others = [a.span for a in mentions.actors if a.generic_kind != "protesters"]
    after = [s for s in (*spans, *others) if s.start >= trigger.span.end]
    if not after:
        return False
    first = min(after, key=lambda s: s.start)
    base = mentions.sentence.start
    between = mentions.sentence.text[trigger.span.end - base : first.start - base]
    near = len(between.split()) <= OBJECT_WORDS and not any(p in between for p in ",;:")
    return near and first in spans


def crowd_deed(
    trigger: TriggerMention, mentions: SentenceMentions, doer: ActorMention | None
) -> bool:
    """The event word tells what the crowd did: ``doer``, protesters or rioters, is its subject
    ("the protesters beat a journalist") or, after it, its agent ("a journalist was beaten by the
    protesters"); not a crowd named further from the deed ("the protesters asked the police to
    investigate the murder")."""
    if doer is None or not (doer.generic_kind in CROWD_KINDS or doer.inter in CROWD_INTERS):
        return False
    if doer.span.start >= trigger.span.end:
        return True  # the agent of a passive: "beaten up by the protesters"
    if _crowd_object(trigger, mentions):
        return False  # "a gang attacked the demonstrators": violence against the crowd
    return _doer(trigger, mentions) == doer


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
        if mob is not None and not protest_told(mentions):
            return mob
    if chosen.sub_event_type == MOB_AT_PROTEST and _rioters_assault(chosen, triggers, mentions):
        return replace(chosen, sub_event_type=MOB)
    return chosen


def _rioters_assault(
    riot: TriggerMention, triggers: list[TriggerMention], mentions: SentenceMentions
) -> bool:
    """The riot word names the doers ("rioters", "rowdy youths") of the attack word right after
    it, with no protest told and no police or troops on the other side: rioters who fall upon
    people are a mob ("rioters attacked two journalists"), rioters who fight the police or burn
    barricades and buildings a riot."""
    people = any(
        a.span.start < riot.span.end and riot.span.start < a.span.end for a in mentions.actors
    )
    if protest_told(mentions) or not people:
        return False  # "threw a Molotov cocktail targeting an office": no crowd named
    base = mentions.sentence.start
    deed = min(
        (t for t in triggers if t.sub_event_type in ASSAULTS and t.span.start > riot.span.end),
        key=lambda t: t.span.start,
        default=None,
    )
    if deed is None:
        return False
    if mentions.sentence.text[riot.span.end - base : deed.span.start - base].strip():
        # "rioted and attacked": two verbs of one riot; "rioters blocked the road after a
        # motorist killed ...": another's deed.
        return False
    return not any(is_state_force(a) for a in mentions.actors if a.span.start >= riot.span.start)


def same_clause(a: TriggerMention, b: TriggerMention, mentions: SentenceMentions) -> bool:
    """No semicolon between the two words that opens a part with a place of its own: a
    headline's "march in Lima; tear gas in Trujillo" tells two events, a note's "traders protest
    new fees; police break up the protest with tear gas" one."""
    base = mentions.sentence.start
    first, second = sorted((a.span.start, b.span.start))
    cut = mentions.sentence.text.find(";", first - base, second - base)
    if cut < 0:
        return True
    return not any(p.span.start > cut + base for p in mentions.places)
