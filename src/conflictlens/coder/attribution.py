"""Who says an event happened: claims, reports, confirmations and denials.

Each sentence that reports an event yields a :class:`Claim`. An event's claim_status is the
strongest of its claims: a confirmation outranks a denial, which outranks a claim, which outranks
a report (an authority's word weighs more than the perpetrator's, and both more than the media's).
"""

from __future__ import annotations

from collections.abc import Sequence

from conflictlens.coder.roles import NON_STATE_ARMED_INTER, Roles
from conflictlens.model import ActorMention, Claim, ClaimStatus, CueKind, SentenceMentions, Span

__all__ = ["claim_of", "strongest"]

_RANK: dict[str, int] = {"reported": 0, "claimed": 1, "denied": 2, "confirmed": 3}
_STATUS_OF_CUE: tuple[tuple[CueKind, ClaimStatus], ...] = (
    ("confirm", "confirmed"),
    ("deny", "denied"),
    ("claim", "claimed"),
)


def claim_of(mentions: SentenceMentions, roles: Roles, evidence: Span) -> Claim:
    """The statement a sentence makes about the event it reports."""
    reporter = next((a for a in mentions.actors if a.reporter), None)
    for kind, status in _STATUS_OF_CUE:
        cue = mentions.cue(kind)
        if cue is not None:
            return Claim(status, _who(status, roles, reporter), cue.span)
    statement = mentions.cue("statement")
    if statement is not None and _speaks_for_perpetrator(roles):
        assert roles.actor1 is not None
        return Claim("claimed", roles.actor1.name, statement.span)
    if reporter is not None:
        return Claim("reported", reporter.name, reporter.span)
    return Claim("reported", None, evidence)


def _speaks_for_perpetrator(roles: Roles) -> bool:
    """An armed non-state group telling of its own attack claims it."""
    actor1 = roles.actor1
    if actor1 is None or actor1.inter not in NON_STATE_ARMED_INTER:
        return False
    return roles.speaker is None or roles.speaker.name == actor1.name


def _who(status: str, roles: Roles, reporter: ActorMention | None) -> str | None:
    if status == "claimed" and roles.actor1 is not None and roles.actor1.name:
        return roles.actor1.name
    if roles.speaker is not None and roles.speaker.name:
        return roles.speaker.name
    return reporter.name if reporter is not None else None


def strongest(claims: Sequence[Claim]) -> ClaimStatus:
    if not claims:
        return "reported"
    return max(claims, key=lambda c: _RANK[c.status]).status
