"""Whether a sentence's event word is news of its own, or speaks of an event told elsewhere.

A generic event word with nothing of its own refers to an event told elsewhere ("Moscow did not
comment on the attack"); what follows a context cue ("in retaliation for") is background; a first
line with no closing punctuation is a headline, which the article tells again.
"""

from __future__ import annotations

from collections.abc import Sequence

from conflictlens.coder.roles import Roles
from conflictlens.model import ActorMention, Event, SentenceMentions, TriggerMention

__all__ = ["before_context", "is_headline", "is_reference"]

SUBJECT_WORDS = 1
"""Words between a subject and its verb: one adverb ("militants reportedly attacked");
calibrated on the ACLED development notes and the demo corpus, where a party farther away was
named in a sentence that only speaks of an event."""


def is_reference(
    trigger: TriggerMention,
    event: Event,
    own_place: bool,
    mentions: SentenceMentions,
    roles: Roles,
) -> bool:
    """A generic event word with nothing of its own — no weapon, no casualties, neither "X
    attacked Y" nor a target hit at a place nor its doer there — refers to an event told
    elsewhere ("Moscow did not comment on the attack", "officials blamed militias for the
    attacks"): it may add a statement to that event, never make one."""
    if not trigger.sub_event_type.startswith("@") or event.weapon is not None:
        return False
    if any(not t.sub_event_type.startswith("@") for t in mentions.triggers):
        return False  # "attacked and burned a truck": the burning is news of its own
    if event.fatalities or event.injuries:
        return False
    target = "actor2" in event.support
    perpetrator = "actor1" in event.support
    # "Militants blew up the railway at X": a target with a named perpetrator or a place of its
    # own is news; so is the subject of the event word acting at a place of its own ("JNIM
    # fighters attacked Dori"), not a party merely named in a sentence that speaks of an event
    # ("the factions accuse Washington of backing the offensive in Gaza").
    doer = perpetrator and _subject_of(roles.actor1, trigger, mentions)
    return not ((target and (perpetrator or own_place)) or (doer and own_place))


def _subject_of(
    actor: ActorMention | None, trigger: TriggerMention, mentions: SentenceMentions
) -> bool:
    """The actor stands right before the event word: at most SUBJECT_WORDS words (an adverb,
    "reportedly") and no punctuation between."""
    if actor is None or actor.span.end > trigger.span.start:
        return False
    offset = mentions.sentence.start
    between = mentions.sentence.text[actor.span.end - offset : trigger.span.start - offset]
    words = between.split()
    return len(words) <= SUBJECT_WORDS and all(w.isalpha() for w in words)


def is_headline(sentences: Sequence[SentenceMentions]) -> bool:
    """The first line is a title: no closing punctuation, and the article goes on after it."""
    if len(sentences) < 2:
        return False
    return sentences[0].sentence.text.rstrip()[-1:] not in ".!?؟…\"'»)"


def before_context(mentions: SentenceMentions) -> SentenceMentions:
    """What comes after a context cue ("en réponse aux massacres ... à Gaza", "in retaliation for")
    tells the background, not the event: its words, actors and places are left out."""
    context = mentions.cue("context")
    if context is None:
        return mentions
    cut = context.span.start
    return SentenceMentions(
        mentions.sentence,
        triggers=[t for t in mentions.triggers if t.span.start < cut],
        actors=[a for a in mentions.actors if a.span.start < cut],
        places=[p for p in mentions.places if p.span.start < cut],
        dates=[d for d in mentions.dates if d.span.start < cut],
        weapons=[w for w in mentions.weapons if w.span.start < cut],
        casualties=[c for c in mentions.casualties if c.span.start < cut],
        cues=[c for c in mentions.cues if c.span.start < cut],
    )
