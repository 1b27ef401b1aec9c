"""Who says an event happened: claims, reports, confirmations and denials.

Each sentence that reports an event yields a :class:`Claim`, read from its cues and from who
speaks:
- a denial cue makes a denial, a confirmation cue a confirmation, a claim cue a claim;
- the perpetrator (or the source that speaks for it) telling of the event claims it — except an
  interception, which the defending side's word confirms;
- the target's side, or an official source, telling of it confirms it;
- media, local sources, witnesses and monitors report it.
An event's claim_status is the strongest of its claims: a confirmation outranks a denial, which
outranks a claim, which outranks a report.
"""

from __future__ import annotations

from collections.abc import Sequence

from conflictlens.coder.roles import INTERCEPTION, STATE_INTER, STATE_KINDS, Roles
from conflictlens.model import ActorMention, Claim, ClaimStatus, CueKind, SentenceMentions, Span

__all__ = ["claim_of", "is_authority", "statement_claim", "strongest"]

_RANK: dict[str, int] = {"reported": 0, "claimed": 1, "denied": 2, "confirmed": 3}
_STATUS_OF_CUE: tuple[tuple[CueKind, ClaimStatus], ...] = (
    ("deny", "denied"),
    ("confirm", "confirmed"),
    ("claim", "claimed"),
)


def claim_of(mentions: SentenceMentions, roles: Roles, sub_type: str, fallback: Span) -> Claim:
    """The statement a sentence makes about the event it reports."""
    speaker = roles.speaker or next((a for a in mentions.actors if a.reporter), None)
    for kind, cue_status in _STATUS_OF_CUE:
        cue = mentions.cue(kind)
        if cue is not None:
            if cue_status == "claimed" and sub_type == INTERCEPTION:
                cue_status = "confirmed"
            return Claim(cue_status, _name(speaker, roles), cue.span)
    if speaker is None:
        return Claim("reported", None, fallback)
    side = speaker.speaks_for or (None if speaker.reporter else speaker.name)
    actor1 = roles.actor1.name if roles.actor1 else None
    actor2 = roles.actor2.name if roles.actor2 else None
    if side and side == actor1 and _speaks_of_own_operation(roles):
        status: ClaimStatus = "confirmed" if sub_type == INTERCEPTION else "claimed"
    elif (side and side == actor2) or is_authority(speaker):
        status = "confirmed"
    else:
        status = "reported"
    return Claim(status, _name(speaker, roles), speaker.span)


def is_authority(actor: ActorMention) -> bool:
    """An official source: a listed authority, or state forces and police speaking (ACLED's
    "confirmed" is an authority of the target side or a neutral one saying it happened)."""
    if actor.reporter:
        return actor.authority
    return actor.inter == STATE_INTER or actor.generic_kind in STATE_KINDS


def _speaks_of_own_operation(roles: Roles) -> bool:
    return roles.actor1 is not None and roles.actor1 is not roles.actor2


def statement_claim(mentions: SentenceMentions) -> Claim | None:
    """What a sentence with no event word says about the event before it: a confirmation or a
    denial ("The ministry confirmed the strike", "L'armée a démenti"), or an authority's word."""
    for kind, status in _STATUS_OF_CUE[:2]:
        cue = mentions.cue(kind)
        if cue is not None:
            speaker = next((a for a in mentions.actors if not a.holds_facility), None)
            return Claim(status, speaker.name if speaker and speaker.name else None, cue.span)
    return None


def _name(speaker: ActorMention | None, roles: Roles) -> str | None:
    if speaker is not None and speaker.name:
        return speaker.name
    return roles.actor1.name if roles.actor1 and roles.actor1.name else None


def strongest(claims: Sequence[Claim]) -> ClaimStatus:
    if not claims:
        return "reported"
    return max(claims, key=lambda c: _RANK[c.status]).status
