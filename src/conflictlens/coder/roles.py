"""Who did it to whom: actor1 and actor2 of an event from the actors around its trigger.

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
- a speaker is left out only when it just reports ("police said gunmen killed ..."): the subject
  of "reportedly" or "said it" did it, and troops of no stated country after a state force's own
  statement are that force's;
- a place held by a force ("la base américaine") marks that force as the target;
- civilians are never the perpetrators of violence against them: they are its target; people
  who do violence with their hands or blades ("residents lynched a suspected thief") are a mob,
  which ACLED names rioters; people named with their community who fight otherwise ("Bariba
  farmers armed with rifles attacked ...") are that community's ethnic militia;
- a count that runs over the subject of an active event word ("a policeman shot and killed a
  man") does not make the subject one of the dead;
- a nationality on the trigger or its weapon ("frappes israéliennes", "Russian missiles") names the
  state forces of that country as the perpetrator — or, for an interception, as the side whose
  weapon was stopped;
- an event word that heads its sentence as a label ("Looting: on 2 May, militia members took
  ...") names the event only: its parties are read from the clause after the label;
- a group's own word after its name in brackets ("Katiba Macina (JNIM) militants") is that group,
  not an unidentified one;
- a clash told before both its sides ("clashes between X and Y") has the first named as actor1,
  and a report in the passive ("a clash ... was reported") has no speaker;
- when no perpetrator stands in the sentence, the speaker of a claim is taken as the perpetrator
  (militias and armies announce their own operations), and so is the side a reporting source
  speaks for when it claims ("the Russian defence ministry said its forces took ...").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from conflictlens.coder.people import MOB_SUB_TYPES, as_militia, as_rioters, community_acts, is_mob
from conflictlens.coder.speakers import (
    NON_STATE_ARMED_INTER,
    PASSIVE_WINDOW_CHARS,
    STATE_INTER,
    claimant,
    find_speaker,
    in_apposition,
    is_passive,
    own_forces,
    speaks_apart,
)
from conflictlens.model import ActorMention, SentenceMentions, Span, TriggerMention

__all__ = ["Roles", "assign_roles"]

CIVILIAN_INTER = 7
POLICE_KIND = "police"
QUALIFIER_REACH_CHARS = 3
"""A nationality qualifies an event word when only a space or two stands between them."""
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
LABEL_MARK = ":"
LABEL_WORDS = 4
"""A label heading a sentence ("Looting:", "Movement of forces:", "Pillage :") is a few words
before a colon; calibrated on the ACLED development notes, whose labels have one to four words."""
CLASH = "Armed clash"
"""The sub-type of event words that tell a fight between two sides ("clashes", "fighting")."""
OBJECT_WORDS = 2
"""An event word's object follows it with at most an article or a number and an adjective
between ("shot and killed a young man", "shot dead two herders"); a party farther on is named in
a phrase of its own ("killed in a shootout with ...", "killed in Turkana by ..."); calibrated on
the ACLED development notes."""
NAME_BRACKETS = "()[]"
"""What may stand between a group's name and its own word: "Katiba Macina (JNIM) militants"."""
NAME_QUOTES = '«»"“”„'
"""Quotes that set a group's name apart after its fighters' word ("боевиков «ИГ»")."""


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: ActorMention | None
    actor2: ActorMention | None
    speaker: ActorMention | None
    """The party or source whose words report the event, when one is the subject of a statement."""


def assign_roles(mentions: SentenceMentions, trigger: TriggerMention, sub_type: str) -> Roles:
    trigger = _after_label(mentions, trigger)
    parties = _without_own_words([a for a in mentions.actors if _is_party(a)], mentions)
    victims = [a for a in parties if _is_victim(a, mentions, trigger)]
    parties = [a for a in parties if a not in victims]
    qualifier = next(
        (a for a in mentions.actors if a.qualifies_event and _near(a.span, trigger, mentions)),
        None,
    )
    speaker = find_speaker(mentions)
    if speaker is not None and speaker.span.start >= trigger.span.end:
        # "..., وفق ما أعلنته الشرطة", "..., the army said": who tells of the event after the
        # event word only reports it, and is neither of its sides.
        parties = [a for a in parties if a is not speaker]
    described = in_apposition(speaker, mentions)
    parties = [a for a in parties if a not in described]
    party_speaker = speaker if speaker is not None and not speaker.reporter else None
    # "Soldiers reportedly killed ...": the speaker did it. With a nationality on the event word
    # ("a Hezbollah member was killed in an Israeli strike, the agency said") that nationality
    # did it, and the speaker stays out.
    if (
        party_speaker is not None
        and qualifier is None
        and not speaks_apart(party_speaker, mentions, trigger)
    ):
        party_speaker = None
    actor1, actor2 = _by_position(mentions, trigger, parties, party_speaker)
    unopposed = actor1 is None and qualifier is None and party_speaker is None
    sides = _sides_after(mentions, trigger, parties) if unopposed else None
    if sides is not None:
        actor1, actor2 = sides  # "clashes between X and Y": the first named is actor1
    elif unopposed and _agent_after(actor2, victims, trigger, sub_type, mentions):
        # "three guards were hurt in an ambush by Taliban fighters": the counted victims
        # suffered it, so the one party named after the event word did it.
        actor1, actor2 = actor2, None
    if actor1 is not None and speaker is not None and own_forces(actor1, speaker):
        actor1 = speaker
    if actor1 is not None and actor1.inter == CIVILIAN_INTER:
        # "civilians were killed ... by shells fired by the RSF": the victims come first.
        armed_after = actor2 is not None and actor2.inter != CIVILIAN_INTER
        if armed_after:
            actor1, actor2 = actor2, actor1
        elif sub_type in MOB_SUB_TYPES and is_mob(actor1, mentions, trigger):
            # "residents lynched a suspected thief": people who do violence are a mob, and
            # ACLED names a mob's members rioters.
            actor1 = as_rioters(actor1)
        elif community_acts(actor1, sub_type, mentions, trigger):
            # "Bariba farmers armed with rifles attacked a camp": people of a community who fight
            # with guns are its militia (ACLED's identity militias), not a mob.
            actor1 = as_militia(actor1)
            if sub_type == CLASH and actor2 is not None and actor2.inter == CIVILIAN_INTER:
                actor2 = as_militia(actor2)
        else:
            actor1, actor2 = None, actor1
    if sub_type == INTERCEPTION and qualifier is not None:
        actor2, qualifier = qualifier, None  # the intercepted weapon's owner
    if actor1 is None and sub_type == INTERCEPTION and speaker and speaker.speaks_for:
        # The side whose spokesman announces an interception made it.
        actor1 = ActorMention(speaker.span, speaker.speaks_for, inter=1)
    elif actor1 is None and sub_type == INTERCEPTION and _state_party(speaker):
        # "..., the Israeli army said": a state's forces telling of an interception made it.
        actor1, actor2 = speaker, (None if actor2 is speaker else actor2)
    if actor1 is None:
        actor1 = qualifier or claimant(mentions, speaker)
    elif qualifier is not None and actor1.generic_kind == "unidentified":
        actor1 = qualifier
    elif actor1.generic_kind == "unidentified":
        # "Les rebelles du M23 ont affirmé avoir pris Sake": the group claiming the deed did it.
        named = claimant(mentions, speaker)
        actor1 = named if named is not None and named.generic_kind is None else actor1
    if actor2 is None:
        actor2 = next((a for a in parties if a.holds_facility and a is not actor1), None)
    if victims and (actor2 is None or actor2.inter == CIVILIAN_INTER):
        # The counted dead or wounded suffered it more surely than a place or crowd named after
        # the event word ("a strike killed two gunmen in the refugee camp").
        actor2 = victims[0]
    if actor2 is not None and actor1 is not None and actor2.name and actor2.name == actor1.name:
        actor2 = None
    return Roles(actor1, actor2, speaker)


def _state_party(actor: ActorMention | None) -> bool:
    return actor is not None and not actor.reporter and actor.inter == STATE_INTER


def _is_victim(actor: ActorMention, mentions: SentenceMentions, trigger: TriggerMention) -> bool:
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
    policeman shot and killed a man") names the subject, not the dead: the victim is the
    party after the word."""
    if not actor.span.end <= trigger.span.start < count.end or is_passive(mentions, trigger):
        return False
    offset = mentions.sentence.start
    text = mentions.sentence.text
    return any(
        a.span.start >= trigger.span.end
        and len(text[trigger.span.end - offset : a.span.start - offset].split()) <= OBJECT_WORDS
        and not a.holds_facility
        and _is_party(a)
        for a in mentions.actors
    )


def _after_label(mentions: SentenceMentions, trigger: TriggerMention) -> TriggerMention:
    """The event word whose clause tells who did what, when ``trigger`` is a label heading the
    sentence ("Looting: On 9 May, militiamen looted ...", "Movement of forces: Turkish forces
    entered ..."): the first event word after the label, or else a point right after the
    clause's first party, which is its subject. ``trigger`` itself otherwise."""
    offset = mentions.sentence.start
    text = mentions.sentence.text
    colon = text.find(LABEL_MARK)
    if colon < 0 or trigger.span.end - offset > colon:
        return trigger
    label = text[:colon]
    if len(label.split()) > LABEL_WORDS or any(char.isdigit() for char in label):
        return trigger
    end = offset + colon + len(LABEL_MARK)
    if any(a.span.start < end for a in mentions.actors if _is_party(a)):
        return trigger
    told = next((t for t in mentions.triggers if t.span.start >= end), None)
    if told is not None:
        return told
    subject = next((a for a in mentions.actors if a.span.start >= end and _is_party(a)), None)
    if subject is None:
        return trigger
    return replace(trigger, span=Span(subject.span.end, subject.span.end, ""))


def _without_own_words(
    parties: list[ActorMention], mentions: SentenceMentions
) -> list[ActorMention]:
    """Drop an unidentified party's word that stands right by a named group, with only brackets
    or quotes between ("Katiba Macina (JNIM) militants", "позиции боевиков «Хайят Тахрир
    аш-Шам»"): the name says who they are."""
    kept: list[ActorMention] = []
    offset = mentions.sentence.start
    for actor in parties:
        named = kept[-1] if kept else None
        if named is not None and named.name and named.generic_kind is None:
            between = mentions.sentence.text[named.span.end - offset : actor.span.start - offset]
            own = actor.generic_kind == "unidentified" and not actor.name
            if own and between.strip() and not between.strip(NAME_BRACKETS + " "):
                continue
        if _own_word(named, actor, mentions):
            kept.pop()
        kept.append(actor)
    return kept


def _own_word(word: ActorMention | None, named: ActorMention, mentions: SentenceMentions) -> bool:
    """An unidentified party's word right before a named group in quotes: "боевиков «Исламского
    государства»", "les jihadistes du « JNIM »" names that group's fighters."""
    if word is None or word.name or word.generic_kind != "unidentified":
        return False
    if not named.name or named.generic_kind is not None:
        return False
    offset = mentions.sentence.start
    between = mentions.sentence.text[word.span.end - offset : named.span.start - offset]
    return any(mark in between for mark in NAME_QUOTES) and not between.strip(NAME_QUOTES + " ")


def _sides_after(
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


def _counted(count: Span, actor: Span, mentions: SentenceMentions) -> bool:
    """The actor is the noun of a count that ends in its number: nothing but a space between."""
    gap = actor.start - count.end
    if not 0 < gap <= VICTIM_GAP_CHARS:
        return False
    offset = mentions.sentence.start
    between = mentions.sentence.text[count.end - offset : actor.start - offset]
    return not between.strip()


def _is_party(actor: ActorMention) -> bool:
    """An actor that can do or suffer the event: not a source, not a nationality on a word, not a
    facility whose holder the text does not name ("la base", "قاعدة"). A police station's name
    says whose it is: the police of the place."""
    if actor.reporter or actor.qualifies_event:
        return False
    return bool(actor.name) or not actor.holds_facility or actor.generic_kind == POLICE_KIND


def _by_position(
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
            # "two soldiers were killed by a Taliban hand grenade": the party between the
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


def _agent_after(
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


def _near(span: Span, trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """The nationality stands by the trigger or by a weapon of the sentence."""
    targets = [trigger.span, *(w.span for w in mentions.weapons)]
    return any(
        span.start - t.end <= QUALIFIER_REACH_CHARS and t.start - span.end <= QUALIFIER_REACH_CHARS
        for t in targets
    )


def _agent_on_weapon(
    mentions: SentenceMentions, trigger: TriggerMention, before: list[ActorMention]
) -> ActorMention | None:
    """The party standing between a passive verb and the event word that follows it within
    PASSIVE_WINDOW_CHARS ("killed by a Taliban hand grenade"): the agent of the verb."""
    ends = [
        c.span.end
        for c in mentions.cues
        if c.kind == "passive" and 0 <= trigger.span.start - c.span.end <= PASSIVE_WINDOW_CHARS
    ]
    if not ends:
        return None
    between = [a for a in before if a.span.start >= max(ends) and not a.holds_facility]
    return between[-1] if between else None
