"""What a sentence without an event word adds to the event told just before it.

News tells an event in one sentence and its toll or its confirmation in the next: "A ballistic
missile hit Odesa. Five people were killed and 23 wounded." or "The ministry confirmed the
strike." Such a sentence makes no event of its own; it completes the event before it:

- a confirmation or a denial raises that event's claim status, and a group claiming it names
  its perpetrator when the event's own is unnamed (:func:`attach_statements`);
- killed and injured counts fill the event's figures when its own sentence gave none
  (:func:`attach_casualties`), within ``FOLLOWUP_SENTENCES`` sentences of it, and add to them
  when told as more deaths ("Three attackers were also killed") or as the dead of the other side
  ("Militants killed two policemen. Five militants were killed."; coder/tolls.py). A statistic, a
  summary of the past, a threat or a conditional adds nothing ("Since May, 300 were killed");
- a sentence whose only event word is its own toll's ("Two people were killed."), with nothing
  else of its own, is such a toll of a deadly event before it, not an event (:func:`told_toll`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from conflictlens.coder.grouping import Candidate, apply_claims
from conflictlens.coder.tolls import other_side, toll_of
from conflictlens.model import (
    ActorMention,
    Claim,
    CueKind,
    Event,
    SentenceMentions,
    Span,
)

__all__ = [
    "FOLLOWUP_SENTENCES",
    "attach_casualties",
    "attach_statements",
    "casualty_followup",
    "told_toll",
]

FOLLOWUP_SENTENCES = 2
"""How many sentences after an event its toll may still come ("The strike hit a market. Rescuers
searched the rubble overnight. Seven people were killed."). On the project's gold articles, 1 to
3 score the same (fatalities 0.847, injuries 0.820 of matched events, from 0.793 and 0.739
without follow-ups); 4 reaches the toll of the next event told (injuries 0.811)."""
DEADLY_TYPES = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
)
"""Event types whose deaths a toll told next belongs to."""
_NOT_THIS_EVENT: tuple[CueKind, ...] = ("future", "conditional", "past_summary", "statistic")


def casualty_followup(mentions: SentenceMentions) -> bool:
    """A sentence with no event word whose killed or injured counts may complete the event
    before it."""
    return (
        not mentions.triggers
        and bool(mentions.casualties)
        and not any(mentions.cue(kind) for kind in _NOT_THIS_EVENT)
    )


def told_toll(candidate: Candidate, mentions: SentenceMentions, last: Candidate | None) -> bool:
    """A sentence whose only event words are those of its own toll ("Three people were killed.",
    "Two attackers also died."), with no place, date, weapon or perpetrator of its own, is the
    toll of the event told just before it (``last``), not an event of its own, when that event
    is one in which people die: a killing told after an arrest, a looting or a protest is an
    event of its own."""
    killed = [c.span for c in mentions.casualties if c.kind == "killed"]
    return (
        last is not None
        and not last.reference
        and last.event.event_type in DEADLY_TYPES
        and mentions.sentence.index - last.sentence_index <= FOLLOWUP_SENTENCES
        and candidate.bare
        and not candidate.named
        and candidate.event.weapon is None
        and bool(killed)
        and all(
            any(s.start <= t.span.start and t.span.end <= s.end for s in killed)
            for t in mentions.triggers
        )
        and not any(mentions.cue(kind) for kind in _NOT_THIS_EVENT)
    )


def attach_statements(
    events: list[Event],
    statements: Sequence[tuple[SentenceMentions, Claim]],
    unnamed: Callable[[Event], bool],
) -> None:
    """A confirmation or denial in a sentence of its own raises the status of the event told
    just before it, instead of making an event; a group claiming it ("Al-Shabaab claimed
    responsibility.") is its perpetrator when the event's is ``unnamed``."""
    for mentions, claim in statements:
        event = _event_before(events, mentions.sentence.start)
        if event is None:
            continue
        event.claims.append(claim)
        apply_claims(event)
        claimant = next((a for a in mentions.actors if a.name and a.name == claim.by), None)
        if claim.status == "claimed" and claimant is not None and unnamed(event):
            event.actor1, event.inter1 = claimant.name, claimant.inter
            event.support["actor1"] = claimant.span


def attach_casualties(
    events: list[Event],
    followups: Sequence[SentenceMentions],
    sentence_of: dict[int, int],
    added: frozenset[str],
    tolls: Mapping[int, Event] | None = None,
) -> None:
    """Counts of a sentence with no event word fill the figures the event told just before it
    lacks. ``sentence_of`` maps a sentence's start offset to its index; ``tolls``: the sentences
    ``told_toll`` found near the event before them, by index, with the event each would have
    made, whose victims are that event's when it names none ("Three soldiers were killed.").
    ``added``: the words that tell a toll as more deaths (``coder.tolls.adds_to_toll``)."""
    tolls = tolls or {}
    for mentions in followups:
        sentence = mentions.sentence
        event = _event_before(events, sentence.start)
        if event is None or event.evidence is None:
            continue
        told = sentence_of.get(event.evidence.start)
        near = sentence.index in tolls or (
            told is not None and sentence.index - told <= FOLLOWUP_SENTENCES
        )
        if not near:
            continue
        _fill(event, mentions, added)
        victims = tolls.get(sentence.index)
        if victims is not None and event.actor2 is None and victims.actor2 is not None:
            event.actor2, event.inter2 = victims.actor2, victims.inter2
            if "actor2" in victims.support:
                event.support["actor2"] = victims.support["actor2"]


def _fill(event: Event, mentions: SentenceMentions, added: frozenset[str]) -> None:
    """The counts of the sentence of ``mentions`` fill those the event lacks; a toll told as more
    deaths of the event ("Two attackers also died") or as the other side's dead adds to its count,
    as ACLED counts every death, attackers included."""
    sentence = mentions.sentence
    for kind, name in (("killed", "fatalities"), ("injured", "injuries")):
        toll = toll_of(mentions.casualties, kind, sentence, added)
        if toll is None:
            continue
        mine = getattr(event, name)
        if mine is None:
            setattr(event, name, toll.count)
            event.support[name] = toll.span
        elif kind == "killed" and (toll.added or _other_side(event, toll.span, mentions.actors)):
            event.fatalities = mine + toll.count


def _other_side(event: Event, toll: Span, actors: Sequence[ActorMention]) -> bool:
    """The toll counts the dead of the other side than the event's own count, told in its own
    sentence (not a toll an earlier follow-up gave)."""
    own = event.support.get("fatalities")
    told = event.evidence
    if own is None or told is None or not told.start <= own.start < told.start + len(told.sentence):
        return False
    return other_side(event, toll, actors)


def _event_before(events: list[Event], start: int) -> Event | None:
    """The event whose sentence is the last to open before ``start``."""
    before = [e for e in events if e.evidence is not None and e.evidence.start < start]
    if not before:
        return None
    return max(before, key=lambda e: e.evidence.start if e.evidence else 0)
