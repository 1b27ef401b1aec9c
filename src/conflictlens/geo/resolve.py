"""Choosing one place for each name found, with the document's own context.

Each place that carries a name gets a score:

- a *prior*: a country outranks a curated site, which outranks a province; a town scores by its
  population (log scale), a little more under its main name than under an alternate;
- the *document's countries*: votes from country names, demonyms ("syrienne", "Iraqi"), provinces,
  curated sites and unambiguous large towns; a place in a country the document is about gains up
  to ``COUNTRY_WEIGHT``;
- the *document's provinces*: a town in a province the document names gains ``ADMIN1_WEIGHT``;
- *neighbours*: a town near another place the document names gains up to ``NEAR_WEIGHT``;
- *local hints*: a demonym qualifying the name ("la ville syrienne d'Al-Hasakah"), a province or
  country right after a comma ("Paris, Texas"), a province word ("Anbar province", "ريف") or a
  town word ("la ville de") before it.

GeoNames towns must then clear a threshold, higher for a lone capitalised word at the start of a
sentence or next to other capitalised words (a person's name: "Omar Abdullah"), for a single
Arabic word, and for a spelling-skeleton match; curated, province and country names are kept.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from conflictlens.geo.cues import Cues, Surroundings
from conflictlens.geo.gazetteer import FULL, MAIN, TRUSTED, Gazetteer
from conflictlens.geo.scan import Found
from conflictlens.model import PlaceMention, Span
from conflictlens.text.match import Match

__all__ = ["Resolver"]

COUNTRY_WEIGHT = 3.0
ADMIN1_WEIGHT = 2.0
NEAR_WEIGHT = 1.5
HINT_WEIGHT = 6.0
ACCEPT = 4.0
_WIDE = frozenset({"country", "admin1", "region", "sea", "strait"})
_SENTENCE_END = frozenset(".!?\n:;«\"“”()[]—–-•|؟")


@dataclass(slots=True)
class _Mention:
    found: Found
    around: Surroundings
    candidates: list[tuple[int, float]]
    """(place, prior) pairs."""
    hint: str | None = None
    vote: tuple[str, float, str] = ("", 0.0, "")
    """What this name gave the document's context: (country, weight, province key)."""
    lonely: bool = False
    """A single capitalised word at a sentence start or beside other capitalised words."""
    chosen: int = -1
    score: float = 0.0


@dataclass(slots=True)
class _Context:
    countries: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    top: float = 0.0
    admin1: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    anchors: list[int] = field(default_factory=list)
    """Places confidently resolved in the first pass (for the neighbour bonus)."""

    def country_share(self, iso: str, mention: _Mention) -> float:
        """How much the document is about ``iso``, leaving out the mention's own vote."""
        if not iso or not self.top:
            return 0.0
        own = mention.vote[1] if mention.vote[0] == iso else 0.0
        return max(0.0, self.countries.get(iso, 0.0) - own) / self.top

    def admin1_support(self, key: str, mention: _Mention) -> int:
        return self.admin1.get(key, 0) - (1 if mention.vote[2] == key else 0)


class Resolver:
    def __init__(self, gazetteer: Gazetteer, cues: Cues) -> None:
        self._gaz = gazetteer
        self._cues = cues
        self._caps_only = frozenset(gazetteer.caps_only)
        self._country = gazetteer.features.index("country")
        self._admin1 = gazetteer.features.index("admin1")

    def resolve(self, text: str, folded: str, found: Sequence[Found]) -> list[PlaceMention]:
        demonyms = self._cues.demonyms(text, folded) if found else []
        mentions = [m for f in found if (m := self._mention(text, folded, f, demonyms))]
        if not mentions:
            return []
        context = self._first_pass(mentions, demonyms)
        self._hints_after_commas(folded, mentions)
        out: list[PlaceMention] = []
        for mention in mentions:
            if self._choose(mention, context):
                out.append(self._place_mention(text, mention))
        return out

    # --- candidates ---------------------------------------------------------------------------

    def _mention(
        self, text: str, folded: str, found: Found, demonyms: list[Match[str]]
    ) -> _Mention | None:
        surface = text[found.start : found.end]
        capitals = surface.isupper()
        if found.key in self._caps_only and not capitals:
            return None
        around = self._cues.around(folded, found.start, found.end)
        trusted_only = (
            (capitals and len(surface) <= 4)
            or len(found.key) <= 2
            or _embedded(text, found.start, found.end)
        )
        candidates = []
        for posting in self._gaz.entry(found.entry):
            place = posting >> 2
            if trusted_only and not self._gaz.flags[place] & TRUSTED:
                continue
            candidates.append((place, self._prior(place, posting & 3, found, around)))
        if not candidates:
            return None
        mention = _Mention(found, around, candidates)
        mention.hint = self._cues.hint(demonyms, folded, found.start, found.end)
        mention.lonely = " " not in found.key and _lonely(text, found.start, found.end)
        return mention

    def _prior(self, place: int, flags: int, found: Found, around: Surroundings) -> float:
        gaz = self._gaz
        feature = gaz.feature[place]
        if feature == self._country:
            score = 8.0
        elif feature == self._admin1:
            score = 4.5 + (4.0 if around.province or found.how == "adjective" else 0.0)
            score -= 3.0 if around.town else 0.0
        elif gaz.flags[place] & TRUSTED:
            score = 7.0
        else:
            score = math.log10(gaz.population[place] + 100)
            score += 0.5 if around.town else 0.0
        score += 0.3 if flags & MAIN else 0.0
        score -= 0.0 if flags & FULL else 0.3
        if found.how == "skeleton":
            score -= 1.0
        return score

    # --- document context ---------------------------------------------------------------------

    def _first_pass(self, mentions: list[_Mention], demonyms: list[Match[str]]) -> _Context:
        context = _Context()
        for demonym in demonyms:
            context.countries[demonym.payload] += 1.0
        gaz = self._gaz
        for mention in mentions:
            place, score = max(mention.candidates, key=lambda c: c[1])
            trusted = bool(gaz.flags[place] & TRUSTED)
            if not trusted and score < ACCEPT + 1.0:
                continue
            mention.vote = (gaz.iso(place), self._vote_weight(place), self._key(place))
            context.countries[mention.vote[0]] += mention.vote[1]
            if mention.vote[2]:
                context.admin1[mention.vote[2]] += 1
            if gaz.feature_of(place) not in _WIDE:
                context.anchors.append(place)
        context.countries.pop("", None)
        context.top = max(context.countries.values(), default=0.0)
        return context

    def _vote_weight(self, place: int) -> float:
        if self._gaz.feature[place] == self._country:
            return 2.0
        if self._gaz.flags[place] & TRUSTED:
            return 1.5
        return 1.0

    def _hints_after_commas(self, folded: str, mentions: list[_Mention]) -> None:
        """"Paris, Texas", "Hasakah (Syria)": the second name narrows the first."""
        for first, second in zip(mentions, mentions[1:], strict=False):
            gap = folded[first.around.end : second.found.start]
            if gap.strip() not in (",", "(") or len(gap) > 3:
                continue
            wide = [p for p, _ in second.candidates if self._gaz.feature_of(p) in _WIDE]
            keys = {self._key(p) for p in wide}
            isos = {self._gaz.iso(p) for p in wide}
            first.candidates = [
                (p, s + (HINT_WEIGHT if self._key(p) in keys or self._gaz.iso(p) in isos else 0))
                for p, s in first.candidates
            ]

    def _key(self, place: int) -> str:
        return self._gaz.admin1_key(place) if self._gaz.admin1[place] else ""

    # --- choice ---------------------------------------------------------------------------------

    def _choose(self, mention: _Mention, context: _Context) -> bool:
        best, best_score = -1, -math.inf
        for place, prior in mention.candidates:
            score = prior + self._support(place, mention, context)
            if score > best_score:
                best, best_score = place, score
        mention.chosen, mention.score = best, best_score
        return self._accepted(mention, best, best_score)

    def _support(self, place: int, mention: _Mention, context: _Context) -> float:
        gaz = self._gaz
        iso = gaz.iso(place)
        support = COUNTRY_WEIGHT * context.country_share(iso, mention)
        if mention.hint is not None:
            support += HINT_WEIGHT if mention.hint == iso else -1.0
        if context.admin1_support(self._key(place), mention) > 0:
            support += ADMIN1_WEIGHT
        if context.anchors and gaz.feature_of(place) not in _WIDE:
            support += self._neighbour_bonus(place, context.anchors)
        return support

    def _neighbour_bonus(self, place: int, anchors: list[int]) -> float:
        gaz = self._gaz
        lat, lon = gaz.latitude[place], gaz.longitude[place]
        nearest = min(
            (_km(lat, lon, gaz.latitude[a], gaz.longitude[a]) for a in anchors if a != place),
            default=math.inf,
        )
        if nearest < 100:
            return NEAR_WEIGHT
        return NEAR_WEIGHT / 2 if nearest < 300 else 0.0

    def _accepted(self, mention: _Mention, place: int, score: float) -> bool:
        if self._gaz.flags[place] & TRUSTED:
            return True
        threshold = ACCEPT
        if mention.lonely:
            threshold += 1.5
        if mention.found.how == "skeleton":
            threshold += 1.0
        if " " in mention.found.key:
            threshold -= 1.0
        return score >= threshold

    def _place_mention(self, text: str, mention: _Mention) -> PlaceMention:
        place = self._gaz.place(mention.chosen)
        relation = mention.around.relation
        if relation == "near" and place.feature in ("country", "admin1", "region"):
            relation = "region"
        if mention.found.how == "adjective" or (
            place.feature == "admin1" and mention.around.province
        ):
            relation = "region"
        start = mention.found.start
        end = mention.around.end if mention.around.end > mention.found.end else mention.found.end
        return PlaceMention(Span(start, end, text[start:end]), place, relation)


def _lonely(text: str, start: int, end: int) -> bool:
    """A one-word name that opens a sentence or stands beside another capitalised word."""
    if _opens_sentence(text, start):
        return True
    before = start - 2
    if before >= 0 and text[start - 1] == " " and text[before].isalpha():
        word = before
        while word > 0 and text[word - 1].isalpha():
            word -= 1
        if text[word].isupper() and word < before and not _opens_sentence(text, word):
            return True
    return end + 1 < len(text) and text[end] == " " and text[end + 1].isupper()


def _embedded(text: str, start: int, end: int) -> bool:
    """Part of a longer hyphenated name ("Tal" in "Al-Shaddadi-Tal-Jair")."""
    if end + 1 < len(text) and text[end] == "-" and text[end + 1].isupper():
        return True
    return start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()


def _opens_sentence(text: str, start: int) -> bool:
    before = start - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    return before < 0 or text[before] in _SENTENCE_END


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))
