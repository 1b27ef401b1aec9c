"""Who did it to whom: actor1 and actor2 of an event from the actors around its trigger.

Rules (calibrated on the seed and the project's gold articles):
- active voice: the nearest party before the trigger did it, the first party after it suffered it;
- passive voice ("a été ciblée par", "came under"): the other way round;
- a place held by a force ("la base américaine") marks that force as the target;
- civilians are never the perpetrators of violence against them: they are its target;
- a nationality on the trigger or its weapon ("frappes israéliennes", "Russian missiles") names the
  state forces of that country as the perpetrator — or, for an interception, as the side whose
  weapon was stopped;
- when no perpetrator stands in the sentence, the speaker of a claim is taken as the perpetrator
  (militias and armies announce their own operations), and so is the side a reporting source
  speaks for when it claims ("the Russian defence ministry said its forces took ...").
"""

from __future__ import annotations

from dataclasses import dataclass

from conflictlens.model import ActorMention, SentenceMentions, Span, TriggerMention

__all__ = ["Roles", "assign_roles"]

PASSIVE_WINDOW_CHARS = 12
"""A passive auxiliary counts for a trigger when it ends at most this many characters before it
("a été ciblée", "ont été tués"): one short adverb may stand between."""
NON_STATE_ARMED_INTER = frozenset({2, 3, 4})
"""ACLED inter codes of rebel groups, political militias and identity militias."""
CIVILIAN_INTER = 7
QUALIFIER_REACH_CHARS = 3
"""A nationality qualifies an event word when only a space or two stands between them."""
INTERCEPTION = "Disrupted weapons use"
SPEAKING_CUES = ("claim", "statement", "confirm", "deny")
SUBJECT_GAP = 2
"""Characters between a speaking verb and the subject that follows it: a space."""


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: ActorMention | None
    actor2: ActorMention | None
    speaker: ActorMention | None
    """The party or source whose words report the event, when one is the subject of a statement."""


def assign_roles(mentions: SentenceMentions, trigger: TriggerMention, sub_type: str) -> Roles:
    parties = [a for a in mentions.actors if _is_party(a)]
    victims = [a for a in parties if _is_victim(a, mentions)]
    parties = [a for a in parties if a not in victims]
    qualifier = next(
        (a for a in mentions.actors if a.qualifies_event and _near(a.span, trigger, mentions)),
        None,
    )
    speaker = _speaker(mentions)
    party_speaker = speaker if speaker is not None and not speaker.reporter else None
    actor1, actor2 = _by_position(mentions, trigger, parties, party_speaker)
    if actor1 is not None and actor1.inter == CIVILIAN_INTER:
        # "civilians were killed ... by shells fired by the RSF": the victims come first.
        armed_after = actor2 is not None and actor2.inter != CIVILIAN_INTER
        actor1, actor2 = (actor2, actor1) if armed_after else (None, actor1)
    if sub_type == INTERCEPTION and qualifier is not None:
        actor2, qualifier = qualifier, None  # the intercepted weapon's owner
    if actor1 is None and sub_type == INTERCEPTION and speaker and speaker.speaks_for:
        # The side whose spokesman announces an interception made it.
        actor1 = ActorMention(speaker.span, speaker.speaks_for, inter=1)
    if actor1 is None:
        actor1 = qualifier or _claimant(mentions, speaker)
    elif qualifier is not None and actor1.generic_kind == "unidentified":
        actor1 = qualifier
    if actor2 is None:
        actor2 = next((a for a in parties if a.holds_facility and a is not actor1), None)
    if actor2 is None and victims:
        actor2 = victims[0]
    if actor2 is not None and actor1 is not None and actor2.name and actor2.name == actor1.name:
        actor2 = None
    return Roles(actor1, actor2, speaker)


def _is_victim(actor: ActorMention, mentions: SentenceMentions) -> bool:
    """An actor named in a casualty count ("cuatro uniformados resultaron heridos", "three
    civilians were killed") suffered the event."""
    return any(
        c.span.start <= actor.span.start and actor.span.end <= c.span.end
        for c in mentions.casualties
    )


def _is_party(actor: ActorMention) -> bool:
    """An actor that can do or suffer the event: not a source, not a nationality on a word, not a
    facility whose holder the text does not name ("la base", "قاعدة")."""
    if actor.reporter or actor.qualifies_event:
        return False
    return bool(actor.name) or not actor.holds_facility


def _by_position(
    mentions: SentenceMentions,
    trigger: TriggerMention,
    parties: list[ActorMention],
    speaker: ActorMention | None,
) -> tuple[ActorMention | None, ActorMention | None]:
    before = [a for a in parties if a.span.end <= trigger.span.start and a is not speaker]
    after = [a for a in parties if a.span.start >= trigger.span.end and a is not speaker]
    if _is_passive(mentions, trigger):
        actor1 = next((a for a in after if not a.holds_facility), None)
        actor2 = before[-1] if before else None
    else:
        actor1 = next((a for a in reversed(before) if not a.holds_facility), None)
        actor2 = after[0] if after else None
    return actor1, actor2


def _claimant(mentions: SentenceMentions, speaker: ActorMention | None) -> ActorMention | None:
    """The perpetrator known only as the one who announces the event."""
    if speaker is None:
        return None
    claims = mentions.cue("claim") is not None
    if not speaker.reporter:
        if claims or speaker.inter in NON_STATE_ARMED_INTER:
            return speaker
        return None
    if claims and speaker.speaks_for:
        return ActorMention(speaker.span, speaker.speaks_for, inter=1)
    return None


def _near(span: Span, trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """The nationality stands by the trigger or by a weapon of the sentence."""
    targets = [trigger.span, *(w.span for w in mentions.weapons)]
    return any(
        span.start - t.end <= QUALIFIER_REACH_CHARS and t.start - span.end <= QUALIFIER_REACH_CHARS
        for t in targets
    )


def _is_passive(mentions: SentenceMentions, trigger: TriggerMention) -> bool:
    for cue in mentions.cues:
        if cue.kind != "passive":
            continue
        if cue.span.start >= trigger.span.start and cue.span.end <= trigger.span.end:
            return True  # the trigger itself is passive: "came under", "sont tombés sur"
        if 0 <= trigger.span.start - cue.span.end <= PASSIVE_WINDOW_CHARS:
            return True
    return False


def _speaker(mentions: SentenceMentions) -> ActorMention | None:
    """The actor or source standing right before the first claim or statement cue: its subject.

    A place held by a force ("la base américaine") never speaks; a source named after the cue
    ("selon des sources locales", "according to the Pentagon") speaks too.
    """
    speakers = [a for a in mentions.actors if not a.holds_facility and not a.qualifies_event]
    for cue in mentions.cues:
        if cue.kind not in SPEAKING_CUES:
            continue
        # An actor before an event word is that event's subject, not the speaker of a later verb
        # ("Ukrainian troops liberated the village, the General Staff said").
        boundary = max(
            (t.span.end for t in mentions.triggers if t.span.end <= cue.span.start), default=0
        )
        before = [a for a in speakers if a.span.end <= cue.span.start]
        recent = [a for a in before if boundary <= a.span.start]
        if recent:
            return recent[-1]
        after = [a for a in speakers if a.span.start >= cue.span.end]
        # Verb-first languages put the subject right after the verb ("أعلنت المقاومة",
        # "заявили в ВСУ"); a source may stand anywhere after "selon", "according to".
        subject = next((a for a in after if a.span.start - cue.span.end <= SUBJECT_GAP), None)
        source = next((a for a in after if a.reporter), None)
        # Otherwise the event's own subject speaks on ("... a ciblé la base, soulignant que").
        return subject or source or (before[-1] if before else None)
    return None
