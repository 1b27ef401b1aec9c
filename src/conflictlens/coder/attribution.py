"""Who says an event happened: claims, reports, confirmations and denials.

Each sentence that reports an event yields a :class:`Claim`, read from its cues and from who
speaks:
- a denial cue makes a denial, a confirmation cue a confirmation (unless the perpetrator itself
  confirms its own operation: that is its claim), a claim cue a claim;
- the perpetrator (or the source that speaks for it) telling of the event claims it — except an
  interception, which the defending side's word confirms;
- the target's side, or an official source, telling of it confirms it;
- media, local sources, witnesses and monitors report it.
Who speaks is read from the speaking words: a source named in or after them within their clause
("..., a indiqué mardi le gouverneur", "selon des témoins", "وفق ما أعلنته وزارة الصحة"), else the
party standing right before them in the same clause ("the army said"), else the party right
after a verb that opens the sentence ("أعلن الجيش"). A party the event word or a comma parts from
the speaking word did or suffered the event; it does not speak ("X attacked Y, according to
<a source the codebook does not know>" is a report), unless it is the doer roles.py takes for
the subject of a closing statement ("la résistance a ciblé la base, soulignant que ...").
A source that speaks for a side (a defence ministry) announcing an event whose doer the
sentence does not name announces its own side's operation.
A sentence with no event word of its own raises the status of the event told before it when it
confirms or denies, when a named group claims ("The Taliban claimed responsibility."), or when a
neutral or local official source speaks in it ("Three people were killed, the regional governor
said"). Negated confirmations and claims ("could not be independently verified", "aucun groupe
n'a revendiqué") are statements in cues.yaml, so that they confirm or claim nothing.
An event's claim_status is the strongest of its claims: a confirmation outranks a denial, which
outranks a claim, which outranks a report.
"""

from __future__ import annotations

from collections.abc import Sequence

from conflictlens.coder.roles import INTERCEPTION, Roles
from conflictlens.coder.speakers import SPEAKING_CUES, is_state_force
from conflictlens.model import (
    ActorMention,
    Claim,
    ClaimStatus,
    CueKind,
    CueMention,
    SentenceMentions,
    Span,
)

__all__ = ["claim_of", "is_authority", "statement_claim", "strongest"]

_RANK: dict[str, int] = {"reported": 0, "claimed": 1, "denied": 2, "confirmed": 3}
_STATUS_OF_CUE: tuple[tuple[CueKind, ClaimStatus], ...] = (
    ("deny", "denied"),
    ("confirm", "confirmed"),
    ("claim", "claimed"),
)
CLAUSE_MARKS = ",;:\u060c\u2014\u2013"
"""Punctuation that closes the clause of a speaking word: commas (the Arabic one too), colons
and dashes ("— сообщил губернатор"). Quotation marks and brackets do not: sources are often
named in them ("по данным проекта «ОВД-Инфо»", "the Animal Liberation Front (ALF) said")."""
MILITARY_KIND = "military"
"""The generic kind of armies (<lang>/actors.yaml): two armies named by kind only are one side."""
POLICE_KIND = "police"
NOT_A_REPORT_CUES: tuple[CueKind, ...] = ("future", "conditional", "past_summary", "statistic")
"""Cues of a sentence that speaks of threats, plans or tallies, not of the event before it."""
SUBJECT_GAP_CHARS = 5
"""Characters between a sentence-opening speaking verb and its subject: a space, a preposition
or an article ("أعلنت المقاومة", "заявили в ВСУ"); the same reach roles.py gives a subject named
after its verb. Farther on, a party is what the statement tells of ("said militants attacked")."""


def claim_of(mentions: SentenceMentions, roles: Roles, sub_type: str, fallback: Span) -> Claim:
    """The statement a sentence makes about the event it reports."""
    for kind, cue_status in _STATUS_OF_CUE:
        cue = mentions.cue(kind)
        if cue is None:
            continue
        speaker = _cue_speaker(mentions, cue) or _any_speaker(mentions)
        if cue_status == "claimed" and sub_type == INTERCEPTION:
            cue_status = "confirmed"
        elif cue_status == "confirmed" and _speaks_of_own_deed(speaker, roles, sub_type):
            cue_status = "claimed"  # "the army confirmed it struck ...": its own operation
        return Claim(cue_status, _name(speaker, roles), cue.span)
    speaking = _cue_source(mentions)
    speaker = speaking or _named_source(mentions) or _doer_speaking_on(roles)
    if speaker is None:
        return Claim("reported", None, fallback)
    # A source merely named ("le Pentagone recense des dizaines d'attaques") announces nothing.
    if _speaks_of_own_deed(speaker, roles, sub_type, announces=speaking is not None):
        status: ClaimStatus = "claimed"
    elif _speaks_for_target(speaker, roles, sub_type) or is_authority(speaker):
        status = "confirmed"
    else:
        status = "reported"
    return Claim(status, _name(speaker, roles), speaker.span)


def is_authority(actor: ActorMention) -> bool:
    """An official source: a listed authority, or state forces and police speaking (ACLED's
    "confirmed" is an authority of the target side or a neutral one saying it happened)."""
    if actor.reporter:
        return actor.authority
    return is_state_force(actor)


def statement_claim(mentions: SentenceMentions) -> Claim | None:
    """What a sentence with no event word says about the event before it: a confirmation, a
    denial or a claim ("The ministry confirmed the strike", "L'armée a démenti", "The Taliban
    claimed responsibility."), or an official source's word ("Two people were killed, the
    regional governor said")."""
    for kind, status in _STATUS_OF_CUE:
        cue = mentions.cue(kind)
        if cue is None:
            continue
        speaker = _cue_speaker(mentions, cue)
        if kind == "claim":
            # A group claims ("The Taliban claimed responsibility.", a group the codebook does
            # not know included); "the gunmen claimed he was an informer" or "local media
            # claimed ..." claim no event.
            if speaker is not None and (speaker.reporter or not speaker.name):
                continue
            return Claim(status, speaker.name if speaker else None, cue.span)
        speaker = speaker or next((a for a in mentions.actors if not a.holds_facility), None)
        return Claim(status, speaker.name if speaker and speaker.name else None, cue.span)
    if any(cue.kind in NOT_A_REPORT_CUES for cue in mentions.cues):
        return None  # "the prosecutors count 200 murders since September": a tally, not this event
    source = _cue_source(mentions)
    if source is not None and source.reporter and source.authority and not source.speaks_for:
        # A neutral or local authority (a governor, a ministry of health, the UN) telling of the
        # toll or the damage vouches for the event; a source that speaks for a party may be
        # telling of that party's own operation, which the sentence alone cannot tell.
        return Claim("confirmed", source.name, source.span)
    return None


def strongest(claims: Sequence[Claim]) -> ClaimStatus:
    if not claims:
        return "reported"
    return max(claims, key=lambda c: _RANK[c.status]).status


def _any_speaker(mentions: SentenceMentions) -> ActorMention | None:
    """The speaker of the sentence's first speaking word that names one, else a source named
    anywhere in it."""
    return _cue_source(mentions) or _named_source(mentions)


def _named_source(mentions: SentenceMentions) -> ActorMention | None:
    return next((a for a in mentions.actors if a.reporter), None)


def _cue_source(mentions: SentenceMentions) -> ActorMention | None:
    """The speaker of the sentence's first speaking word that names one."""
    for cue in mentions.cues:
        if cue.kind in SPEAKING_CUES and (speaker := _cue_speaker(mentions, cue)) is not None:
            return speaker
    return None


def _doer_speaking_on(roles: Roles) -> ActorMention | None:
    """With no speaker of its own, a statement closing the sentence is the doer's, when roles.py
    takes the doer for its subject ("la résistance a ciblé la base, soulignant que ...")."""
    speaker = roles.speaker
    if speaker is not None and not speaker.reporter and speaker is roles.actor1:
        return speaker
    return None


def _cue_speaker(mentions: SentenceMentions, cue: CueMention) -> ActorMention | None:
    """Who speaks the words of ``cue`` (see the module notes)."""
    candidates = [a for a in mentions.actors if not a.holds_facility and not a.qualifies_event]
    spoken = cue.span
    # A source phrase may hold the speaking word itself ("selon des témoins", "residents said").
    inside = next((a for a in candidates if _overlaps(a.span, spoken)), None)
    if inside is not None:
        return inside
    after = [
        a
        for a in candidates
        if a.span.start >= spoken.end and _same_clause(mentions, spoken.end, a.span.start)
    ]
    source = next((a for a in after if a.reporter), None)
    if source is not None:
        return source
    before = [
        a
        for a in candidates
        if a.span.end <= spoken.start
        and _same_clause(mentions, a.span.end, spoken.start)
        and not _event_word_between(mentions, a.span.end, spoken.start)
    ]
    if before:
        return before[-1]
    if after and (
        after[0].span.start - spoken.end <= SUBJECT_GAP_CHARS
        or _event_word_between(mentions, mentions.sentence.start, spoken.start)
    ):
        # A verb that opens the sentence has its subject right after it ("أعلن الجيش"); one
        # that closes a sentence telling the event ("..., informó la Policía") has it anywhere
        # in its clause.
        return after[0]
    return None


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _same_clause(mentions: SentenceMentions, start: int, end: int) -> bool:
    offset = mentions.sentence.start
    between = mentions.sentence.text[start - offset : end - offset]
    return not any(mark in between for mark in CLAUSE_MARKS)


def _event_word_between(mentions: SentenceMentions, start: int, end: int) -> bool:
    return any(start <= t.span.start and t.span.end <= end for t in mentions.triggers)


def _side(speaker: ActorMention) -> str | None:
    """The party a speaker stands for: the one a source speaks for, or the party itself."""
    if speaker.reporter:
        return speaker.speaks_for or None
    return speaker.name or None


def _actor_name(actor: ActorMention | None) -> str | None:
    return actor.name if actor is not None and actor.name else None


def _speaks_of_own_deed(
    speaker: ActorMention | None, roles: Roles, sub_type: str, announces: bool = True
) -> bool:
    """The speaker is the side that did the event (an interception aside: the defending side's
    word on it confirms it); with no doer named, a source that ``announces`` the event in the
    name of a side speaks of that side's deed."""
    actor1, actor2 = roles.actor1, roles.actor2
    if speaker is None or sub_type == INTERCEPTION or (actor1 is not None and actor1 is actor2):
        return False
    if speaker is actor1:
        # Police telling of its own arrests or interventions stays an authority's word, as the
        # project's gold articles code it ("police arrested 15 rioters, the ministry said").
        return speaker.generic_kind != POLICE_KIND
    if speaker.speaks_for and _actor_name(actor1) is None and announces:
        # "the Russian defence ministry said its forces destroyed a depot": a source that speaks
        # for a side announces that side's operations, unless its side suffered the event.
        return speaker.speaks_for != _actor_name(actor2)
    side = _side(speaker)
    if actor1 is None or speaker.speaks_for or side is not None or _actor_name(actor1):
        return side is not None and side == _actor_name(actor1)
    # Armies named by their kind only ("the army's spokesman said the armed forces cleared the
    # area") are one side; police stays an authority (above).
    return speaker.generic_kind == actor1.generic_kind == MILITARY_KIND


def _speaks_for_target(speaker: ActorMention, roles: Roles, sub_type: str) -> bool:
    """The speaker stands for the side that suffered the event, or for the side that stopped
    the weapon in an interception."""
    side = _side(speaker)
    if side is None:
        return False
    interceptor = _actor_name(roles.actor1) if sub_type == INTERCEPTION else None
    return side in (_actor_name(roles.actor2), interceptor)


def _name(speaker: ActorMention | None, roles: Roles) -> str | None:
    if speaker is not None and speaker.name:
        return speaker.name
    return roles.actor1.name if roles.actor1 and roles.actor1.name else None
