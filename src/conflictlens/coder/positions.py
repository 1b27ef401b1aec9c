"""Where the parties stand around an event word: which did it and which suffered it, by voice,
order and the casualty counts that name them.

Rules (calibrated on the seed, the project's gold articles and the ACLED development notes):
- active voice: the nearest party before the trigger did it, the first party after it suffered it;
  at the end of a chain of verbs ("raiders attacked the post, killing ... and abducting ..."),
  the subject of the chain's first verb did it; of two sides named together ("Hamas and PIJ
  fighters fought"), the first is actor1;
- passive voice ("a été ciblée par", "came under"): the other way round; a party between the
  passive verb and the weapon that tells the event owns the weapon ("killed by a Taliban
  grenade"); a party after it with a passive verb of its own ("five soldiers were killed and two
  LNA vehicles were destroyed") is that verb's target, not the agent;
- the dead and wounded a count names ("three guards were hurt", "killing 2 soldiers") suffered
  it; with nobody before the trigger, an armed party right after it did it ("in an ambush by
  Taliban fighters"), and so does a non-state armed group ("a battle with JNIM fighters");
- a count that runs over the subject of an active event word ("a policeman shot and killed a
  motorist") does not make the subject one of the dead;
- a clash told before both its sides ("clashes between X and Y") has the first named as actor1.

:mod:`conflictlens.coder.roles` weighs these readings against the speaker, the nationality on
the event word and the civilians' part to choose actor1 and actor2.
"""

from __future__ import annotations

from conflictlens.coder.speakers import NON_STATE_ARMED_INTER, PASSIVE_WINDOW_CHARS, is_passive
from conflictlens.model import ActorMention, SentenceMentions, Span, TriggerMention

__all__ = [
    "CIVILIAN_INTER",
    "CLASH",
    "INTERCEPTION",
    "agent_after",
    "by_position",
    "is_party",
    "is_victim",
    "sides_after",
]

CIVILIAN_INTER = 7
POLICE_KIND = "police"
INTERCEPTION = "Disrupted weapons use"
AGENT_REACH_CHARS = 24
"""How far after the event word its agent may stand: a preposition and two or three words ("a
raid by suspected Al Shabaab fighters"); calibrated on the ACLED development notes."""
CLAUSE_MARKS = ",;:()\u060c"
"""Punctuation that closes a phrase (the last is the Arabic comma)."""
CONJUNCTION_CHARS = 3
"""A coordinating conjunction is one short word in the six languages ("and", "et", "y", "и",
"і", "و" written apart)."""
GROUP_AS_TARGET = frozenset({"Air/drone strike", INTERCEPTION, "Arrests"})
"""Sub-types whose armed group named after the event word is its target: groups have no
aircraft, the drones an air defence downs are the group's, an arrest takes the group's men."""
VICTIM_GAP_CHARS = 2
"""A count's noun stands right after its number ("killing 2 soldiers"); calibrated on the ACLED
development notes, where allowing one word between also took agents ("was shot by Taliban
fighters") for victims."""
CLASH = "Armed clash"
"""The sub-type of event words that tell a fight between two sides ("clashes", "fighting")."""
OBJECT_WORDS = 2
"""An event word's object follows it with at most an article or a number and an adjective
between ("shot and killed a young man", "shot dead two herders"); a party farther on is named in
a phrase of its own ("killed in a shootout with ...", "killed in Turkana by ..."); calibrated on
the ACLED development notes."""


def is_party(actor: ActorMention) -> bool:
    """An actor that can do or suffer the event: not a source, not a nationality on a word, not a
    facility whose holder the text does not name ("la base", "قاعدة"). A police station's name
    says whose it is: the police of the place."""
    if actor.reporter or actor.qualifies_event:
        return False
    return bool(actor.name) or not actor.holds_facility or actor.generic_kind == POLICE_KIND


def is_victim(actor: ActorMention, mentions: SentenceMentions, trigger: TriggerMention) -> bool:
    """An actor named in a casualty count ("cuatro uniformados resultaron heridos", "three
    civilians were killed") or right after one ("killing 2 soldiers") suffered the event, unless
    the count runs over it as the subject of the event word (:func:`_subject_of_count`)."""
    for count in mentions.casualties:
        if count.span.start <= actor.span.start and actor.span.end <= count.span.end:
            return not _subject_of_count(actor, count.span, mentions, trigger)
        if _counted(count.span, actor.span, mentions):
            return True
    return False


def _subject_of_count(
    actor: ActorMention, count: Span, mentions: SentenceMentions, trigger: TriggerMention
) -> bool:
    """A count that runs from a party over an active event word to the party it struck ("a
    policeman shot and killed a motorist") names the subject, not the dead: the victim is the
    party after the word."""
    if not actor.span.end <= trigger.span.start < count.end or is_passive(mentions, trigger):
        return False
    offset = mentions.sentence.start
    text = mentions.sentence.text
    return any(
        a.span.start >= trigger.span.end
        and len(text[trigger.span.end - offset : a.span.start - offset].split()) <= OBJECT_WORDS
        and not a.holds_facility
        and is_party(a)
        for a in mentions.actors
    )


def _counted(count: Span, actor: Span, mentions: SentenceMentions) -> bool:
    """The actor is the noun of a count that ends in its number: nothing but a space between."""
    gap = actor.start - count.end
    if not 0 < gap <= VICTIM_GAP_CHARS:
        return False
    offset = mentions.sentence.start
    between = mentions.sentence.text[count.end - offset : actor.start - offset]
    return not between.strip()


def by_position(
    mentions: SentenceMentions,
    trigger: TriggerMention,
    parties: list[ActorMention],
    speaker: ActorMention | None,
) -> tuple[ActorMention | None, ActorMention | None]:
    before = [a for a in parties if a.span.end <= trigger.span.start and a is not speaker]
    after = [a for a in parties if a.span.start >= trigger.span.end and a is not speaker]
    if is_passive(mentions, trigger):
        # "five soldiers were killed and two LNA vehicles were destroyed": a party with a
        # passive event word of its own after it suffered that one, and did not do this one.
        agents = [a for a in after if not a.holds_facility and not _own_verb(a, mentions)]
        actor1 = agents[0] if agents else None
        actor2 = before[-1] if before else None
        agent = _agent_on_weapon(mentions, trigger, before) if actor1 is None else None
        if agent is not None:
            # "two soldiers were killed by a Taliban grenade": the party between the
            # passive verb and the weapon that tells the event owns the weapon.
            actor1 = agent
            earlier = [a for a in before if a.span.end <= agent.span.start and a is not agent]
            actor2 = earlier[-1] if earlier else None
    else:
        doers = [a for a in before if not a.holds_facility]
        actor1 = doers[-1] if doers else None
        actor2 = after[0] if after else None
        armed = [a for a in doers if a.inter != CIVILIAN_INTER]
        chained = _chain_subject(mentions, trigger, doers)
        if chained is not None:
            actor1, actor2 = chained
        elif actor1 is not None and actor1.inter == CIVILIAN_INTER and armed:
            # "militants, targeting the hotel with grenades": the civilian target stands
            # between the event word and the armed party that did it.
            actor1, actor2 = armed[-1], actor1
        elif actor1 is not None and actor2 is None:
            paired = _paired_before(actor1, doers, mentions)
            if paired is not None:
                # "Hamas and PIJ fighters fought": the first named is actor1 (ACLED).
                actor1, actor2 = paired, actor1
    return actor1, actor2


def _own_verb(actor: ActorMention, mentions: SentenceMentions) -> bool:
    """Whether a passive event word of its own follows the party within its noun phrase
    (OBJECT_WORDS words, no punctuation), its auxiliary after the party ("... and two LNA
    vehicles were destroyed"): the party is the target of a clause of its own, not the agent of
    an event word before it."""
    offset = mentions.sentence.start
    text = mentions.sentence.text
    verb = next((t for t in mentions.triggers if t.span.start >= actor.span.end), None)
    if verb is None:
        return False
    between = text[actor.span.end - offset : verb.span.start - offset]
    if len(between.split()) > OBJECT_WORDS or any(m in between for m in CLAUSE_MARKS):
        return False
    return any(
        c.kind == "passive" and actor.span.end <= c.span.start and c.span.end <= verb.span.end
        for c in mentions.cues
    )


def _paired_before(
    actor: ActorMention, doers: list[ActorMention], mentions: SentenceMentions
) -> ActorMention | None:
    """The party joined to ``actor`` by one short word ("and", "et", "y", "и"), if any: two
    sides named together as the subject of a clash."""
    earlier = [a for a in doers if a.span.end <= actor.span.start]
    if not earlier or earlier[-1].name == actor.name:
        return None
    offset = mentions.sentence.start
    first, last = earlier[-1].span.end, actor.span.start
    words = mentions.sentence.text[first - offset : last - offset].split()
    named = bool(earlier[-1].name) and earlier[-1].generic_kind is None
    verb = any(first <= t.span.start < last for t in mentions.triggers)
    if named and not verb and len(words) > 1 and words[0].islower():
        words = words[1:]  # a named group's own word: "JNIM militants and soldiers clashed"
    # the conjunction, and an article after it: "militiamen of a local group and the police fought"
    if not 1 <= len(words) <= 2:
        return None
    if not all(w.isalpha() and len(w) <= CONJUNCTION_CHARS for w in words):
        return None
    return earlier[-1]


def _chain_subject(
    mentions: SentenceMentions, trigger: TriggerMention, doers: list[ActorMention]
) -> tuple[ActorMention, ActorMention] | None:
    """When the event word ends a chain of verbs ("raiders attacked the police post, killing an
    officer and abducting two others"), the subject of the chain's first verb did it, and the
    party right after that verb suffered it."""
    earlier = [t for t in mentions.triggers if t.span.end <= trigger.span.start]
    if not earlier:
        return None
    first = min(earlier, key=lambda t: t.span.start)
    if is_passive(mentions, first):
        return None
    ahead = [a for a in doers if a.span.end <= first.span.start]
    objects = [a for a in doers if a.span.start >= first.span.end]
    if not ahead or not objects:
        return None
    return ahead[-1], objects[0]


def _agent_on_weapon(
    mentions: SentenceMentions, trigger: TriggerMention, before: list[ActorMention]
) -> ActorMention | None:
    """The party standing between a passive verb and the event word that follows it within
    PASSIVE_WINDOW_CHARS ("killed by a Taliban grenade"): the agent of the verb."""
    ends = [
        c.span.end
        for c in mentions.cues
        if c.kind == "passive" and 0 <= trigger.span.start - c.span.end <= PASSIVE_WINDOW_CHARS
    ]
    if not ends:
        return None
    between = [a for a in before if a.span.start >= max(ends) and not a.holds_facility]
    return between[-1] if between else None


def sides_after(
    mentions: SentenceMentions, trigger: TriggerMention, parties: list[ActorMention]
) -> tuple[ActorMention, ActorMention] | None:
    """The two sides of a clash named after its event word ("clashes between pro-government
    forces and rebels"), when none stands before it: the first named is actor1 (ACLED)."""
    if trigger.sub_event_type != CLASH or is_passive(mentions, trigger):
        return None
    after = [a for a in parties if a.span.start >= trigger.span.end and not a.holds_facility]
    if not after:
        return None
    # The other side: the next party of another name, or of no name at another place.
    others = [a for a in after[1:] if a.span != after[0].span and a.name != after[0].name]
    after = [after[0], *others[:1]] if after[0].name else [after[0], *after[1:2]]
    if len(after) < 2:
        return None
    told_passive = any(
        c.kind == "passive" and after[0].span.end <= c.span.start < after[1].span.start
        for c in mentions.cues
    )
    # "clashes in which 9 soldiers were killed by Taliban fighters": the first suffered it;
    # "19 killed, including 2 police and 11 raiders": counted sides are the dead.
    offset = mentions.sentence.start
    counted = any(
        mentions.sentence.text[: a.span.start - offset].rstrip()[-1:].isdigit() for a in after[:2]
    )
    return None if told_passive or counted else (after[0], after[1])


def agent_after(
    actor: ActorMention | None,
    victims: list[ActorMention],
    trigger: TriggerMention,
    sub_type: str,
    mentions: SentenceMentions,
) -> bool:
    """The party after an active event word, with nobody before it, did it when it is armed and
    not a place that was hit, and either the sentence counts the victims or the party is a
    non-state armed group ("a battle with JNIM fighters": a state's operation against a group
    names the state) standing right after the event word, unless the sub-type makes such a group
    the target (GROUP_AS_TARGET)."""
    if actor is None or actor.holds_facility or actor.inter == CIVILIAN_INTER:
        return False
    if is_passive(mentions, trigger):
        return False
    if victims:
        # Of the same kind as the dead, it is where they fell ("dos soldados muertos ... un
        # ataque contra una patrulla del Ejército"), not who attacked them.
        return not any(_same_side(actor, victim) for victim in victims)
    if actor.inter not in NON_STATE_ARMED_INTER or sub_type in GROUP_AS_TARGET:
        return False
    return _right_after(actor, trigger, mentions)


def _same_side(a: ActorMention, b: ActorMention) -> bool:
    """Of one kind and, as far as the text says, of one country: "two Kenyan soldiers were killed
    when Sudanese soldiers ambushed them" names two sides."""
    if a.inter != b.inter:
        return False
    return a.country is None or b.country is None or a.country == b.country


def _right_after(actor: ActorMention, trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """The party follows the event word within one short phrase ("a raid by suspected JNIM
    fighters"), with no punctuation between: farther on, it belongs to another clause."""
    gap = actor.span.start - trigger.span.end
    if not 0 <= gap <= AGENT_REACH_CHARS:
        return False
    offset = mentions.sentence.start
    between = mentions.sentence.text[trigger.span.end - offset : actor.span.start - offset]
    return not any(mark in between for mark in CLAUSE_MARKS)
