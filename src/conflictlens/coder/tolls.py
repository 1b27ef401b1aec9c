"""An event's toll from the counts its sentences give.

ACLED counts every death of an event, attackers included, and takes the most conservative
figure when reports of the same deaths disagree. So, among the counts of one kind:

- counts told as more deaths of the event ("3 militants were also killed", "Also 14 militants
  were killed") add up, to each other and to the rest;
- the other counts are reports of the same deaths, of which the lowest stands;
- a count of the perpetrators' dead told after the event ("Militants killed two policemen." then
  "Five militants were killed.") is the other side's deaths, which add up too (:func:`other_side`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from conflictlens.coder.speakers import NON_STATE_ARMED_INTER
from conflictlens.model import ActorMention, CasualtyMention, Event, Sentence, Span

__all__ = ["Toll", "adds_to_toll", "other_side", "set_tolls", "toll_of"]

_WORD = re.compile(r"\w+")


def adds_to_toll(sentence: str, sentence_start: int, toll: Span, markers: frozenset[str]) -> bool:
    """The ``toll`` told in ``sentence`` (which opens at ``sentence_start``) is more deaths of an
    event told before it: one of ``markers`` (the codebook's ``added_toll_words``, read into
    ``Taxonomy.added_toll``) stands in the toll or just before it, a range's first figure aside
    ("Also 3-4 soldiers were killed"), not further ("the group also reported 1 death" is another
    report of the same deaths)."""
    words = _WORD.findall(sentence[: max(toll.start - sentence_start, 0)].casefold())
    before = [w for w in words if not w.isdigit()][-1:]
    return any(w in markers for w in [*before, *_WORD.findall(toll.text.casefold())])


_STATE = frozenset({1, 8})
"""Inter codes of state forces, at home or abroad."""


def other_side(event: Event, toll: Span, actors: Sequence[ActorMention]) -> bool:
    """The ``toll`` a later sentence tells counts the dead of the ``event``'s perpetrator's side
    while the event names its victims as another side ("Militants attacked a checkpoint, killing
    two policemen." then "Five militants were killed."): both are deaths of the event, where two
    counts of the victims' side are two reports of the same deaths. The sides are the inter codes
    of the people the toll names (``actors`` of its sentence) and of the event's two actors."""
    mine, theirs = _side(event.inter1), _side(event.inter2)
    if mine is None or theirs is None or mine == theirs:
        return False
    named = [a for a in actors if toll.start <= a.span.start and a.span.end <= toll.end]
    sides = {_side(a.inter) for a in named}
    return sides == {mine}


def _side(inter: int | None) -> frozenset[int] | None:
    """The side an inter code stands on: armed groups together, state forces together, any other
    kind of people (rioters, protesters, civilians) on its own."""
    if inter is None:
        return None
    # Armed groups (rebels, political and identity militias) stand together: "militants" told of
    # a Taliban attack are its perpetrators, whichever code each name carries.
    for side in (NON_STATE_ARMED_INTER, _STATE):
        if inter in side:
            return side
    return frozenset({inter})


class Toll:
    """The count of one kind a sentence gives: the lowest report plus the deaths it adds."""

    def __init__(self, count: int, span: Span, added: bool) -> None:
        self.count, self.span, self.added = count, span, added
        """``added``: every count is told as more deaths of an event told before."""


def toll_of(
    casualties: Sequence[CasualtyMention], kind: str, sentence: Sentence, words: frozenset[str]
) -> Toll | None:
    """The count of ``kind`` ("killed" or "injured") that ``sentence``'s ``casualties`` give: a
    count told as more deaths adds to the figure told before it; any other is a report of the
    same deaths, or their total told after them ("11 prisoners were also killed (total of 12
    fatalities)"), and the lowest figure stands."""
    toll: Toll | None = None
    for found in sorted((c for c in casualties if c.kind == kind), key=lambda c: c.span.start):
        more = adds_to_toll(sentence.text, sentence.start, found.span, words)
        if toll is None:
            toll = Toll(found.count, found.span, more)
        elif more:
            toll.count += found.count
        elif found.count < toll.count:
            toll.count, toll.span = found.count, found.span
    return toll


def set_tolls(
    event: Event, casualties: Sequence[CasualtyMention], sentence: Sentence, words: frozenset[str]
) -> None:
    """The killed and injured counts of an event's own sentence (``words``: see
    :func:`adds_to_toll`)."""
    for kind, name in (("killed", "fatalities"), ("injured", "injuries")):
        toll = toll_of(casualties, kind, sentence, words)
        if toll is not None:
            setattr(event, name, toll.count)
            event.support[name] = toll.span
