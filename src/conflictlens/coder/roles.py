"""Who did it to whom: actor1 and actor2 of an event from the actors around its trigger.

Which party stands where, by voice and order, and which are the counted dead is read by
:mod:`conflictlens.coder.positions`; this module weighs that reading against the rest of the
sentence (calibrated on the seed, the project's gold articles and the ACLED development notes):
- a speaker is left out only when it just reports ("police said gunmen killed ..."): the subject
  of "reportedly" or "said it" did it, and troops of no stated country after a state force's own
  statement are that force's;
- a place held by a force ("la base américaine") marks that force as the target;
- civilians are never the perpetrators of violence against them: they are its target; people
  who do violence with their hands or blades ("residents lynched a suspected thief") are a mob,
  which ACLED names rioters; people named with their community who fight otherwise ("Bariba
  farmers armed with rifles attacked ...") are that community's ethnic militia;
- a nationality on the trigger or its weapon ("frappes israéliennes", "Russian missiles") names the
  state forces of that country as the perpetrator — or, for an interception, as the side whose
  weapon was stopped;
- an event word that heads its sentence as a label ("Looting: on 2 May, militia members took
  ...") names the event only: its parties are read from the clause after the label;
- a group's own word after its name in brackets ("Katiba Macina (JNIM) militants") is that group,
  not an unidentified one;
- a report in the passive ("a clash ... was reported") has no speaker;
- when no perpetrator stands in the sentence, the speaker of a claim is taken as the perpetrator
  (militias and armies announce their own operations), and so is the side a reporting source
  speaks for when it claims ("the Russian defence ministry said its forces took ...").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from conflictlens.coder.people import MOB_SUB_TYPES, as_militia, as_rioters, community_acts, is_mob
from conflictlens.coder.positions import (
    CIVILIAN_INTER,
    CLASH,
    INTERCEPTION,
    agent_after,
    by_position,
    is_party,
    is_victim,
    sides_after,
)
from conflictlens.coder.speakers import (
    STATE_INTER,
    claimant,
    find_speaker,
    in_apposition,
    own_forces,
    speaks_apart,
)
from conflictlens.model import ActorMention, SentenceMentions, Span, TriggerMention

__all__ = ["INTERCEPTION", "Roles", "assign_roles"]

QUALIFIER_REACH_CHARS = 3
"""A nationality qualifies an event word when only a space or two stands between them."""
LABEL_MARK = ":"
LABEL_WORDS = 4
"""A label heading a sentence ("Looting:", "Movement of forces:", "Pillage :") is a few words
before a colon; calibrated on the ACLED development notes, whose labels have one to four words."""
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
    parties = _without_own_words([a for a in mentions.actors if is_party(a)], mentions)
    victims = [a for a in parties if is_victim(a, mentions, trigger)]
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
    actor1, actor2 = by_position(mentions, trigger, parties, party_speaker)
    unopposed = actor1 is None and qualifier is None and party_speaker is None
    sides = sides_after(mentions, trigger, parties) if unopposed else None
    if sides is not None:
        actor1, actor2 = sides  # "clashes between X and Y": the first named is actor1
    elif unopposed and agent_after(actor2, victims, trigger, sub_type, mentions):
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
    if any(a.span.start < end for a in mentions.actors if is_party(a)):
        return trigger
    told = next((t for t in mentions.triggers if t.span.start >= end), None)
    if told is not None:
        return told
    subject = next((a for a in mentions.actors if a.span.start >= end and is_party(a)), None)
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


def _near(span: Span, trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """The nationality stands by the trigger or by a weapon of the sentence."""
    targets = [trigger.span, *(w.span for w in mentions.weapons)]
    return any(
        span.start - t.end <= QUALIFIER_REACH_CHARS and t.start - span.end <= QUALIFIER_REACH_CHARS
        for t in targets
    )
