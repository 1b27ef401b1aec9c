"""What the resolver knows about names and about the document, and the scores it weighs.

See :mod:`conflictlens.geo.resolve` and :mod:`conflictlens.geo.scoring` for how these are used.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from conflictlens.geo.cues import Surroundings, word_after
from conflictlens.geo.homes import Home
from conflictlens.geo.scan import Found

__all__ = [
    "ACCEPT",
    "ADMIN1_WEIGHT",
    "ALONE",
    "COUNTRY_WEIGHT",
    "GIVEN_NAME",
    "HINT_WEIGHT",
    "NEAR_WEIGHT",
    "NO_VOTE",
    "SMALL",
    "SPEAKS",
    "WIDE",
    "Context",
    "Mention",
    "Verdict",
    "Vote",
    "beside_capital",
    "embedded",
    "opens_sentence",
    "senses",
    "word_after",
    "word_before",
]

GIVEN_NAME = 1
SPEAKS = 2
"""A name with both cues in one document ("Geoff Chester ... Chester said") is a person's, even
a large town's. On LGL / GeoVirus recognition precision 0.825 / 0.907 -> 0.833 / 0.909, with no
gold toponym lost and accuracy unchanged."""
COUNTRY_WEIGHT = 3.0
ADMIN1_WEIGHT = 2.0
NEAR_WEIGHT = 2.0
HINT_WEIGHT = 6.0
ACCEPT = 4.0
"""Score a town needs (prior plus support)."""
ALONE = 5.5
"""Score a name standing alone needs; without local support, its prior must reach it."""
SMALL = 4.0
"""A town whose prior is below this (fewer than ~10,000 people) needs local support."""
WIDE = frozenset({"country", "admin1", "region", "sea", "strait", "continent"})
"""Features that stand for an area: no neighbour bonus, no anchor for others."""
_EPSILON = 1e-9
"""Votes left after taking a name's own away are sums of floats: below this, none is left."""
_OPENING_QUOTES = "«“„\"'"
_SENTENCE_END = frozenset('.!?\n:;«"“”()[]—–-•|؟')


class Vote(NamedTuple):
    """What one mention gives the document's context."""

    country: str
    weight: float
    province: str
    province_weight: float
    town: int = -1
    """The town (not an area) the mention resolved to, or -1."""


NO_VOTE = Vote("", 0.0, "", 0.0)


@dataclass(slots=True)
class Mention:
    found: Found
    around: Surroundings
    candidates: list[tuple[int, float]]
    """(place, prior) pairs."""
    number: int
    alone: bool
    """A single word that may be an ordinary word or part of a person's name."""
    person: bool
    """This mention looks like part of a person's name."""
    person_cues: int = 0
    """What says a person's name here, whatever the place's size: ``GIVEN_NAME`` (a capitalised
    word before it, "Geoff Chester"), ``SPEAKS`` (a speaking verb after it, "Chester said")."""
    hint: str | None = None
    placed: bool = False
    """A preposition of place stands right before it ("in Deou", "near Opytne")."""
    site: bool = False
    """It names a site there ("Garissa University"): it places events, but gives no vote."""
    vote: Vote = field(default_factory=lambda: NO_VOTE)
    """What this name gave the document's context."""


@dataclass(slots=True)
class Context:
    countries: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    counties: set[str] = field(default_factory=set)
    """States (admin1 keys) with a county of a name the text gives ("Henry County")."""
    voters: list[Mention] = field(default_factory=list)
    """The mentions whose votes make up the counts above."""
    anchors: list[tuple[float, float, int]] = field(default_factory=list)
    """(lat, lon, mention number) of places confidently resolved in the first pass."""
    home: Home | None = None
    """Where the document's outlet writes from, when known (:mod:`conflictlens.geo.homes`)."""

    def own(
        self, group: list[Mention], places: set[int], numbers: set[int], keys: set[str]
    ) -> list[Mention]:
        """The mentions whose votes a name gave itself, which are no independent evidence: its
        own, those of the same name read apart ("Estado de México" for "México"), and those of
        another name of a town it may be ("Dublin City" for "Dublin"). ``places``, ``numbers``
        and ``keys`` are the group's candidate places, mention numbers and name keys."""
        return group + [
            m
            for m in self.voters
            if m.number not in numbers and (m.vote.town in places or m.found.key in keys)
        ]

    def shares(self, own: list[Mention]) -> dict[str, float]:
        """How much the document is about each country (0-1), leaving out the name's own votes."""
        votes = dict(self.countries)
        for vote in (mention.vote for mention in own):
            if vote.country in votes:
                votes[vote.country] -= vote.weight
        top = max(votes.values(), default=0.0)
        return {iso: v / top for iso, v in votes.items() if v > _EPSILON} if top > 0 else {}

    def provinces(self, own: list[Mention]) -> dict[str, float]:
        """How much the document is about each province (0-1, the most named one 1), from the
        other names of the document (the name's own votes left out): "Rogersville" in a text
        whose other towns are nine times in Missouri and once in Tennessee leans to Missouri."""
        votes = {key: n for key, n in self.admin1.items() if key}
        for vote in (mention.vote for mention in own):
            if vote.province in votes:
                votes[vote.province] -= vote.province_weight
        top = max(votes.values(), default=0.0)
        return {key: n / top for key, n in votes.items() if n > _EPSILON} if top > 0 else {}


@dataclass(slots=True)
class Verdict:
    place: int
    score: float
    local: float
    """The part of the score that comes from the document's local support."""


def word_before(folded: str, start: int) -> str:
    """The word before a name, an opening quote between left out: a name in quotes after a
    unit's word is the unit's ("угруповання «Харків»")."""
    before = folded[max(0, start - 20) : start].rstrip().rstrip(_OPENING_QUOTES).rstrip()
    return before.rsplit(" ", 1)[-1].strip("'\"(.") if before else ""


def senses(mentions: list[Mention]) -> dict[tuple[str, bool], list[Mention]]:
    """Mentions grouped by name (one sense per document); province readings apart."""
    groups: dict[tuple[str, bool], list[Mention]] = {}
    for mention in mentions:
        province = mention.around.province or mention.found.how == "adjective"
        groups.setdefault((mention.found.key, province), []).append(mention)
    return groups


def embedded(text: str, start: int, end: int) -> bool:
    """Part of a longer hyphenated name ("Tal" in "Al-Shaddadi-Tal-Jair"), or of a quoted
    title (the vessel « Aegean Pearl », operation "Iron Swords")."""
    if end + 1 < len(text) and text[end] == "-" and text[end + 1].isupper():
        return True
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True
    return _in_quoted_title(text, start, end)


_OPENING_QUOTES = '«“"'
_CLOSING_QUOTES = '»”"'
_TITLE_WORDS = 4
"""Words a quoted title has at most: longer quotes are speech, where places are places. With the
rule, the project's gold F1 went from 0.903 to 0.910 (a ship no longer placed in Pearl,
Mississippi), HIPE F1 from 0.643 to 0.642; LGL, GeoVirus, NewsFANE, ACLED and GTD unchanged."""


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Inside quotes holding a short title of capitalised words besides the name itself."""
    opening = max(text.rfind(q, max(0, start - 40), start) for q in _OPENING_QUOTES)
    if opening < 0:
        return False
    closing = min(
        (i for q in _CLOSING_QUOTES if (i := text.find(q, end, end + 40)) >= 0), default=-1
    )
    if closing < 0:
        return False
    words = text[opening + 1 : closing].split()
    others = text[opening + 1 : start].split() + text[end:closing].split()
    return 1 < len(words) <= _TITLE_WORDS and bool(others) and all(w[:1].isupper() for w in words)


def beside_capital(text: str, start: int) -> bool:
    """Right after a capitalised word that does not open a sentence ("Bob Jones")."""
    before = start - 2
    if before < 0 or text[start - 1] != " " or not text[before].isalpha():
        return False
    word = before
    while word > 0 and text[word - 1].isalpha():
        word -= 1
    surface = text[word : before + 1]
    return surface.istitle() and len(surface) > 1 and not opens_sentence(text, word)


def opens_sentence(text: str, start: int) -> bool:
    before = start - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    return before < 0 or text[before] in _SENTENCE_END
