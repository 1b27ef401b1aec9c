"""Who speaks in a sentence, and whether the speaker did the deed or only tells of it.

- The speaker is the actor or source right before the first speaking word (a claim, a statement,
  a confirmation, a denial), or a source named right after it ("..., повідомили в ОВА", "según
  el Ejército"), or a party right after a verb that opens the sentence ("أعلنت المقاومة"). A
  report in the passive ("a clash ... was reported") has no speaker.
- A speaker only reports the event when it stands after the event word, when the event is told in
  the passive, or when more than a word stands between its speaking word and the event word
  ("police said gunmen killed ..."); otherwise ("soldiers reportedly killed ...") it is a party.
- Troops of no stated country after a state force's own statement are that force's, and the one
  who announces an event no perpetrator is named for is taken as its perpetrator when it claims
  it or is an armed group.

:mod:`conflictlens.coder.roles` reads these to tell who did it to whom.
"""

from __future__ import annotations

from conflictlens.model import ActorMention, CueKind, CueMention, SentenceMentions, TriggerMention

__all__ = [
    "NON_STATE_ARMED_INTER",
    "PASSIVE_WINDOW_CHARS",
    "SPEAKING_CUES",
    "STATE_INTER",
    "STATE_KINDS",
    "claimant",
    "find_speaker",
    "in_apposition",
    "is_passive",
    "is_state_force",
    "own_forces",
    "speaks_apart",
]

PASSIVE_WINDOW_CHARS = 12
"""A passive auxiliary counts for a trigger when it ends at most this many characters before it
("a été ciblée", "ont été tués"): one short adverb may stand between."""

NON_STATE_ARMED_INTER = frozenset({2, 3, 4})
"""ACLED inter codes of rebel groups, political militias and identity militias."""

STATE_INTER = 1
"""ACLED's inter code of state forces."""

STATE_KINDS = frozenset({"military", "police"})
"""Generic actor kinds (taxonomy.yaml) that are a state's forces."""


def is_state_force(actor: ActorMention | None) -> bool:
    """A state's soldiers or police: by their inter code or their generic kind."""
    return actor is not None and (actor.inter == STATE_INTER or actor.generic_kind in STATE_KINDS)


SPEAKING_CUES: tuple[CueKind, ...] = ("claim", "statement", "confirm", "deny")
"""Cues of words that speak of an event: claiming, stating, confirming, denying."""

REPORTING_CUE = "statement"
"""The one speaking cue that may stand inside the speaker's own deed ("reportedly", "said it")."""

SUBJECT_WORDS = 1
"""Words that may stand between a speaking word and the event word when the speaker did the
event: an adverb or a pronoun ("reportedly summarily executed", "said it killed"); calibrated on
the ACLED development notes. A number there is a count the speaker reports ("la préfecture a
annoncé 27 interpellations"), not a word of its own deed."""

CLAUSE_OPENERS = (",", ";", "\u060c")
"""Commas (the last is the Arabic comma) and semicolons: marks that open a clause of its own."""

SOURCE_GAP = 5
"""Characters between a speaking word and the subject or source right after it: a space, a
preposition or an article ("أعلنت المقاومة", "повідомили в ОВА", "según el Ejército"); calibrated
on the project's gold articles, where sources so named were otherwise passed over for a victim
before the verb."""


def own_forces(actor: ActorMention, speaker: ActorMention) -> bool:
    """Troops of no stated country after a state force's own statement are its own: "the army
    said its aircraft struck ...", "el Ejército israelí confirmó que su aviación atacó"."""
    if speaker.reporter or speaker.inter != STATE_INTER or not speaker.name:
        return False
    if actor.country is not None or actor.generic_kind not in STATE_KINDS:
        return False
    return speaker.span.end <= actor.span.start


def speaks_apart(
    speaker: ActorMention, mentions: SentenceMentions, trigger: TriggerMention
) -> bool:
    """The speaker only reports the event: it stands after the event word ("militants attacked
    the post, the army said"), the event is told in the passive ("police said three villagers
    were killed"), or more than a word stands between its speaking word and the event word
    ("police said a bomb exploded", "police said gunmen killed ..."). One that is the event's
    subject and speaks about it ("soldiers reportedly killed ...", "the army said it killed ...",
    "the coalition's strike reportedly hit ...") is a party."""
    if speaker.span.start >= trigger.span.end:
        return True
    offset = mentions.sentence.start
    for cue in mentions.cues:
        if cue.kind not in SPEAKING_CUES or not speaker.span.end <= cue.span.start:
            continue
        if cue.span.end > trigger.span.start:
            continue
        # The cue bears on the event word right after it: "the army reportedly arrested and
        # executed ..." has the army as the subject of both.
        verb = min(
            (t.span.start for t in mentions.triggers if cue.span.end <= t.span.start),
            default=trigger.span.start,
        )
        between = mentions.sentence.text[cue.span.end - offset : verb - offset]
        if cue.kind != REPORTING_CUE:
            return True  # "the army confirmed the attack": confirming or denying is not doing
        counted = any(char.isdigit() for char in between)
        if len(between.split()) > SUBJECT_WORDS or counted or is_passive(mentions, trigger):
            return True
    return False


def claimant(mentions: SentenceMentions, speaker: ActorMention | None) -> ActorMention | None:
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


def is_passive(mentions: SentenceMentions, trigger: TriggerMention) -> bool:
    for cue in mentions.cues:
        if cue.kind != "passive":
            continue
        if cue.span.start >= trigger.span.start and cue.span.end <= trigger.span.end:
            return True  # the trigger itself is passive: "came under", "sont tombés sur"
        if 0 <= trigger.span.start - cue.span.end <= PASSIVE_WINDOW_CHARS:
            return True
        if 0 <= cue.span.start - trigger.span.end <= 1 and " " in cue.span.text.strip():
            return True  # a weapon and its agent: "an IED planted by Al Shabaab"
    return False


def find_speaker(mentions: SentenceMentions) -> ActorMention | None:
    """The actor or source standing right before the first claim or statement cue: its subject.

    A place held by a force ("la base américaine") never speaks; a source named after the cue
    ("selon des sources locales", "according to the Pentagon") speaks too.
    """
    speakers = [a for a in mentions.actors if not a.holds_facility and not a.qualifies_event]
    for cue in mentions.cues:
        if cue.kind not in SPEAKING_CUES or _impersonal(cue, mentions):
            continue
        # An actor before an event word is that event's subject, not the speaker of a later verb
        # ("Ukrainian troops liberated the village, the General Staff said").
        boundary = max(
            (t.span.end for t in mentions.triggers if t.span.end <= cue.span.start), default=0
        )
        after = [a for a in speakers if a.span.start >= cue.span.end]
        named = next((a for a in after if a.span.start - cue.span.end <= SOURCE_GAP), None)
        if named is not None and named.reporter:
            return named  # "..., повідомили в ОВА": not the victim before the verb
        before = [a for a in speakers if a.span.end <= cue.span.start]
        recent = [a for a in before if boundary <= a.span.start]
        # "... destroyed 14 Ukrainian drones over Belgorod, the defence ministry in Moscow
        # said": a clause opens between the party and the verb, whose subject is not one of
        # the actors the codebook knows; "X, an umbrella name used by several militias, said":
        # the apposition's own words do not speak.
        subject_before = next((a for a in reversed(recent) if _subject_of(a, cue, mentions)), None)
        if recent:
            return subject_before or next((a for a in after if a.reporter), None)
        # Verb-first languages put the subject right after the verb ("أعلنت المقاومة",
        # "заявили в ВСУ"); a source may stand anywhere after "selon", "according to".
        # A party right after "según", "according to" speaks too ("según el Ejército israelí").
        subject = next((a for a in after if a.span.start - cue.span.end <= SOURCE_GAP), None)
        source = next((a for a in after if a.reporter), None)
        # Otherwise the event's own subject speaks on ("... a ciblé la base, soulignant que").
        return subject or source or (before[-1] if before else None)
    return None


def in_apposition(speaker: ActorMention | None, mentions: SentenceMentions) -> list[ActorMention]:
    """The actors named between a speaker and its speaking word, inside an apposition ("The
    Islamic Resistance in Iraq, an umbrella name used by several Iran-aligned militias, said"):
    words that tell who the speaker is, neither side of the event."""
    if speaker is None:
        return []
    # The speaker stands before the sentence's first speaking word: after one ("أعلنت المقاومة
    # ...، ...، مؤكدة"), the words between are the statement's own.
    cue = min(
        (c for c in mentions.cues if c.kind in SPEAKING_CUES),
        key=lambda c: c.span.start,
        default=None,
    )
    if cue is None or cue.span.start < speaker.span.end:
        return []
    offset = mentions.sentence.start
    between = mentions.sentence.text[speaker.span.end - offset : cue.span.start - offset]
    if not between.lstrip().startswith(CLAUSE_OPENERS) or not _subject_of(speaker, cue, mentions):
        return []
    return [
        a
        for a in mentions.actors
        if speaker.span.end <= a.span.start and a.span.end <= cue.span.start
    ]


def _subject_of(actor: ActorMention, cue: CueMention, mentions: SentenceMentions) -> bool:
    """The party before a speaking word is its subject unless a clause opens between them: a
    comma there that does not close an apposition ("Hamas, which runs Gaza, said" has two)."""
    offset = mentions.sentence.start
    between = mentions.sentence.text[actor.span.end - offset : cue.span.start - offset].rstrip()
    marks = sum(between.count(mark) for mark in CLAUSE_OPENERS)
    return marks == 0 or (marks > 1 and between.endswith(CLAUSE_OPENERS))


def _impersonal(cue: CueMention, mentions: SentenceMentions) -> bool:
    """A report in the passive ("a clash ... was reported", "il a été annoncé") has no speaker:
    the party before it did or suffered the event. A claim in the passive keeps its speaker
    after it ("the attack was claimed by ...")."""
    if cue.kind != REPORTING_CUE:
        return False
    return any(
        c.kind == "passive" and 0 <= cue.span.start - c.span.end <= PASSIVE_WINDOW_CHARS
        for c in mentions.cues
    )
