"""Who did it to whom: actor1 and actor2 of an event from the actors around its trigger.

Rules (calibrated on the seed and the project's gold articles):
- active voice: the nearest party before the trigger did it, the first party after it suffered it;
- passive voice ("a été ciblée par", "came under"): the other way round;
- a place held by a force ("la base américaine") marks that force as the target;
- a nationality on the trigger or its weapon ("frappes israéliennes", "Russian missiles") names the
  state forces of that country as the perpetrator;
- when no perpetrator stands in the sentence, the speaker of a claim or statement who is an armed
  non-state group is taken as the perpetrator (militias announce their own attacks).
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


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: ActorMention | None
    actor2: ActorMention | None
    speaker: ActorMention | None
    """The party whose words report the event, when one is the subject of a statement."""


QUALIFIER_REACH_CHARS = 25
"""How far a nationality may stand from the event word it qualifies ("frappes aériennes
israéliennes", "Russian cruise missile strike"); one to three words."""


def _near(span: Span, trigger: Span, mentions: SentenceMentions) -> bool:
    """The nationality stands by the trigger or by a weapon of the sentence."""
    targets = [trigger, *(w.span for w in mentions.weapons)]
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


def _speaker(mentions: SentenceMentions, parties: list[ActorMention]) -> ActorMention | None:
    """The party standing right before the first claim or statement cue: its subject.

    A place held by a force ("la base américaine") never speaks.
    """
    speakers = [a for a in parties if not a.holds_facility]
    for cue in mentions.cues:
        if cue.kind in ("claim", "statement", "confirm", "deny"):
            before = [a for a in speakers if a.span.end <= cue.span.start]
            return before[-1] if before else None
    return None


def assign_roles(mentions: SentenceMentions, trigger: TriggerMention) -> Roles:
    parties = [a for a in mentions.actors if not a.reporter]
    qualifying = next(
        (a for a in parties if a.qualifies_event and _near(a.span, trigger.span, mentions)), None
    )
    parties = [a for a in parties if not a.qualifies_event]
    speaker = _speaker(mentions, parties)
    before = [a for a in parties if a.span.end <= trigger.span.start and a is not speaker]
    after = [a for a in parties if a.span.start >= trigger.span.end and a is not speaker]
    if _is_passive(mentions, trigger):
        before, after = after, list(reversed(before))
        actor1 = next((a for a in before if not a.holds_facility), None)
        actor2 = after[0] if after else None
    else:
        actor1 = next((a for a in reversed(before) if not a.holds_facility), None)
        actor2 = after[0] if after else None
    if actor2 is None:
        actor2 = next((a for a in parties if a.holds_facility and a is not actor1), None)
    if actor1 is None and speaker is not None and speaker.inter in NON_STATE_ARMED_INTER:
        actor1 = speaker
    if qualifying is not None and (actor1 is None or actor1.generic_kind == "unidentified"):
        actor1 = qualifying
    return Roles(actor1, actor2 if actor2 is not actor1 else None, speaker)
