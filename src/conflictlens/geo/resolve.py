"""Choosing one place for each name found, with the document's own context.

Each place that carries a name gets a score:

- a *prior*: a country outranks a curated site, which outranks a province; a town scores by its
  population (log scale), a little more under its main name than under an alternate;
- the *document's countries*: votes from country names, demonyms ("syrienne", "Iraqi"), provinces,
  curated sites and large towns; a place in a country the document is about gains up to
  ``COUNTRY_WEIGHT``;
- *local support*: a town in a province the document names (or whose other towns lie in) gains
  ``ADMIN1_WEIGHT``, one near another place of the document up to ``NEAR_WEIGHT``; a demonym
  qualifying the name ("la ville syrienne d'Al-Hasakah") or a province or country right after a
  comma ("Paris, Texas") gains ``HINT_WEIGHT``; a province word ("Anbar province", "ريف") favours
  the province, a town word ("la ville de") the town.

A name keeps one sense per document: every mention of it resolves to the place its best mention
supports (a mention with a province word is read apart). A name is taken for a person everywhere
in the document when one of its mentions looks like part of a person's name ("Bob Jones",
"Mr. Paris", "Jones said").

Curated, country and curated-province names are kept. Other names (GeoNames towns, provinces of
other countries, curated names listed as ambiguous) must clear a threshold; one that stands alone
(a single capitalised word opening a sentence or beside other capitalised words, a single Arabic
word, which has no capitals to tell names from words) is kept only when it is a large town or
when the document supports it locally.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from conflictlens.geo.cues import Cues, Surroundings
from conflictlens.geo.gazetteer import FULL, MAIN, TRUSTED, Gazetteer
from conflictlens.geo.names import key_tokens
from conflictlens.geo.scan import Found
from conflictlens.model import PlaceMention, Span
from conflictlens.text.match import Match

__all__ = ["Resolver"]

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
_WIDE = frozenset({"country", "admin1", "region", "sea", "strait"})
_SENTENCE_END = frozenset('.!?\n:;«"“”()[]—–-•|؟')
_MAX_ANCHORS = 40
_SHORTLIST = 8
_COUNTY_STATES = 3
_COUNTY = re.compile(r"\b[A-Z][\w'.]*(?: [A-Z][\w'.]*){0,2} (?:County|Parish)\b")
"""A county name shared by more states than this says nothing about the document's state."""
_DOMINANCE = 2.0
_DEGREES_100KM = (100 / 111.2) ** 2
_DEGREES_300KM = (300 / 111.2) ** 2


@dataclass(slots=True)
class _Mention:
    found: Found
    around: Surroundings
    candidates: list[tuple[int, float]]
    """(place, prior) pairs."""
    number: int
    alone: bool
    """A single word that may be an ordinary word or part of a person's name."""
    person: bool
    """This mention looks like part of a person's name."""
    hint: str | None = None
    vote: tuple[str, float, str] = ("", 0.0, "")
    """What this name gave the document's context: (country, weight, province key)."""


@dataclass(slots=True)
class _Context:
    countries: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    anchors: list[tuple[float, float, int]] = field(default_factory=list)
    """(lat, lon, mention number) of places confidently resolved in the first pass."""

    def shares(self, group: list[_Mention]) -> dict[str, float]:
        """How much the document is about each country (0-1), leaving out the name's own votes."""
        votes = dict(self.countries)
        for mention in group:
            if mention.vote[0] in votes:
                votes[mention.vote[0]] -= mention.vote[1]
        top = max(votes.values(), default=0.0)
        return {iso: v / top for iso, v in votes.items() if v > 0} if top > 0 else {}

    def provinces(self, group: list[_Mention]) -> set[str]:
        """Provinces other names of the document are in, leaving out the name's own votes."""
        own: defaultdict[str, int] = defaultdict(int)
        for mention in group:
            own[mention.vote[2]] += 1
        return {key for key, n in self.admin1.items() if key and n - own.get(key, 0) > 0}


@dataclass(slots=True)
class _Verdict:
    place: int
    score: float
    local: float
    """The part of the score that comes from the document's local support."""


class Resolver:
    def __init__(self, gazetteer: Gazetteer, cues: Cues) -> None:
        self._gaz = gazetteer
        self._cues = cues
        self._caps_only = frozenset(gazetteer.caps_only)
        self._ambiguous = frozenset(gazetteer.ambiguous)
        self._dotted = frozenset(gazetteer.dotted)
        self._country = gazetteer.features.index("country")
        self._admin1 = gazetteer.features.index("admin1")
        self._not_after = cues.not_after
        self._not_before = cues.not_before

    def resolve(self, text: str, folded: str, found: Sequence[Found]) -> list[PlaceMention]:
        if not found:
            return []
        demonyms = self._cues.demonyms(text, folded)
        mentions = [
            m for n, f in enumerate(found) if (m := self._mention(text, folded, f, n, demonyms))
        ]
        if not mentions:
            return []
        counties = self._counties(text)
        self._hints_after_commas(folded, mentions)
        groups = list(_senses(mentions).values())
        context = self._context(demonyms, counties, ((m, self._first_guess(m)) for m in mentions))
        verdicts = [self._choose(group, context) for group in groups]
        chosen = (
            (m, verdict.place)
            for group, verdict in zip(groups, verdicts, strict=True)
            if verdict is not None
            for m in group
        )
        context = self._context(demonyms, counties, chosen)
        out: list[tuple[int, PlaceMention]] = []
        for group, first in zip(groups, verdicts, strict=True):
            # A name with one place, kept whatever the context, is settled in the first round.
            settled = first is not None and len(group[0].candidates) == 1
            verdict = first if settled else self._choose(group, context)
            if verdict is not None:
                out.extend(
                    (m.found.start, self._place_mention(text, m, verdict.place)) for m in group
                )
        return [mention for _, mention in sorted(out, key=lambda item: item[0])]

    # --- candidates ---------------------------------------------------------------------------

    def _mention(
        self, text: str, folded: str, found: Found, number: int, demonyms: list[Match[str]]
    ) -> _Mention | None:
        surface = text[found.start : found.end]
        capitals = surface.isupper()
        if found.key in self._caps_only and not capitals:
            return None
        around = self._cues.around(folded, found.start, found.end)
        single = " " not in found.key
        before, after = _word_before(folded, found.start), _word_after(folded, around.end)
        if after in self._cues.not_after or before in self._cues.not_before:
            return None
        arabic = "\u0600" <= surface[:1] <= "\u06ff"
        dotted = found.key in self._dotted and folded[found.end : found.end + 1] == "."
        lower = surface[:1].islower()  # a curated name opening with a lower-case word
        trusted_only = lower or (capitals and len(surface) <= 4) or len(found.key) <= 2
        trusted_only = not dotted and trusted_only
        places = [
            (posting >> 2, posting & 3)
            for posting in self._gaz.entry(found.entry)
            if not (trusted_only and not self._gaz.flags[posting >> 2] & TRUSTED)
            and not (dotted and self._gaz.feature[posting >> 2] != self._admin1)
        ]
        candidates = self._priors(places, found, around)
        person = False
        if single and not (arabic or dotted):
            titled = before in self._cues.person_before
            named = after in self._cues.person_after or _beside_capital(text, found.start)
            top = max((prior for _, prior in candidates), default=0.0)
            # "Mr. Paris" is a person; "Jones said", "Bob Jones": a small place's name beside
            # a capitalised word or before "said" is more likely part of a person's name.
            person = titled or (named and top < ALONE)
        if person:
            candidates = [c for c in candidates if self._gaz.flags[c[0]] & TRUSTED]
        ambiguous = found.key in self._ambiguous
        if ambiguous:
            candidates = [(p, min(prior, ACCEPT + 0.5)) for p, prior in candidates]
        # A single word that may be an ordinary word: Arabic (no capitals), opening a sentence,
        # or part of a longer hyphenated name ("Tal" of "Al-Shaddadi-Tal-Jair").
        alone = single and not dotted and (
            arabic
            or person
            or _opens_sentence(text, found.start)
            or _embedded(text, found.start, found.end)
        )
        mention = _Mention(found, around, candidates, number, alone or ambiguous, person)
        mention.hint = self._cues.hint(demonyms, folded, found.start, found.end)
        return mention

    def _counties(self, text: str) -> list[tuple[str, ...]]:
        """US counties the text names ("Hall County"): no point here, but each tells which states
        the document may be about."""
        out = []
        for match in _COUNTY.finditer(text):
            words = key_tokens(match.group())
            for first in range(len(words) - 1):
                states = self._gaz.counties.get(" ".join(words[first:]), "").split()
                if states:
                    if len(states) <= _COUNTY_STATES:
                        out.append(tuple(states))
                    break
        return out

    def _priors(
        self, places: list[tuple[int, int]], found: Found, around: Surroundings
    ) -> list[tuple[int, float]]:
        """Each place's prior. A country or province gives way to a town of the same name inside
        it, and a town to a country of its name (Kherson the city, not the oblast; Mexico the
        country, not the city), unless a cue says otherwise."""
        gaz = self._gaz
        towns_in = {gaz.admin1[p] for p, _ in places if gaz.feature[p] != self._admin1}
        countries = {gaz.country[p] for p, _ in places if gaz.feature[p] == self._country}
        out = []
        for place, flags in places:
            feature = gaz.feature[place]
            if feature == self._country:
                score = 8.0
            elif feature == self._admin1:
                score = 4.5
                if gaz.admin1[place] not in towns_in:
                    score = max(score, math.log10(gaz.population[place] + 1) - 0.7)
                score += 4.0 if around.province or found.how == "adjective" else 0.0
                score -= 3.0 if around.town else 0.0
            elif gaz.flags[place] & TRUSTED:
                score = 7.0
            else:
                score = math.log10(gaz.population[place] + 100)
                score += 0.5 if around.town else 0.0
                if gaz.country[place] in countries and not around.town:
                    score -= 2.5
            score += 0.6 if flags & MAIN else 0.0
            score -= 0.0 if flags & FULL else 0.3
            if found.how == "skeleton":
                score -= 1.0
            out.append((place, score))
        return out

    # --- document context ---------------------------------------------------------------------

    def _first_guess(self, mention: _Mention) -> int | None:
        """The mention's place on priors alone, when it is safe enough to vote."""
        if not mention.candidates:
            return None
        place, score = max(mention.candidates, key=lambda c: c[1])
        if self._strong(place, mention):
            return place
        return None if mention.person or score < ACCEPT + 1.0 else place

    def _context(
        self,
        demonyms: list[Match[str]],
        counties: list[tuple[str, ...]],
        choices: Iterable[tuple[_Mention, int | None]],
    ) -> _Context:
        """What the document is about: votes of its demonyms, counties and places so far."""
        context = _Context()
        for demonym in demonyms:
            context.countries[demonym.payload] += 1.0
        for states in counties:
            context.countries["US"] += 1.0
            for state in states:
                context.admin1[state] += 1
        gaz = self._gaz
        for mention, place in choices:
            if place is None:
                mention.vote = ("", 0.0, "")
                continue
            mention.vote = (gaz.iso(place), self._vote_weight(place), self._key(place))
            context.countries[mention.vote[0]] += mention.vote[1]
            if mention.vote[2]:
                context.admin1[mention.vote[2]] += 1
            if gaz.feature_of(place) not in _WIDE and len(context.anchors) < _MAX_ANCHORS:
                context.anchors.append((gaz.latitude[place], gaz.longitude[place], mention.number))
        context.countries.pop("", None)
        return context

    def _strong(self, place: int, mention: _Mention) -> bool:
        """Kept whatever the context: a curated, country or curated-province name."""
        return bool(self._gaz.flags[place] & TRUSTED) and mention.found.key not in self._ambiguous

    def _vote_weight(self, place: int) -> float:
        if self._gaz.feature[place] == self._country:
            return 2.0
        if self._gaz.flags[place] & TRUSTED:
            return 1.5
        return 1.0

    def _hints_after_commas(self, folded: str, mentions: list[_Mention]) -> None:
        """ "Paris, Texas", "Hasakah (Syria)": the second name narrows the first."""
        for first, second in itertools.pairwise(mentions):
            gap = folded[first.around.end : second.found.start]
            if gap.strip() not in (",", "(") or len(gap) > 3:
                continue
            wide = [p for p, _ in second.candidates if self._gaz.feature_of(p) in _WIDE]
            keys = {self._key(p) for p in wide} - {""}
            isos = {self._gaz.iso(p) for p in wide} - {""}
            if not isos:
                continue
            first.hint = first.hint or "+"
            first.candidates = [
                (p, s + (HINT_WEIGHT if self._key(p) in keys or self._gaz.iso(p) in isos else 0))
                for p, s in first.candidates
            ]

    def _key(self, place: int) -> str:
        return self._gaz.admin1_key(place) if self._gaz.admin1[place] else ""

    # --- choice ---------------------------------------------------------------------------------

    def _choose(self, group: list[_Mention], context: _Context) -> _Verdict | None:
        """The place a name's mentions resolve to, or None when it is not a place here.

        Every candidate is scored on prior, country, hints and province; the distance to the
        document's other places is weighed for the ``_SHORTLIST`` best of them only (a name like
        "Springfield" has dozens of places)."""
        first = group[0].candidates
        if len(first) == 1 and all(m.candidates == first for m in group):
            place, prior = first[0]
            if self._strong(place, group[0]):  # one curated or country place: nothing to weigh
                return _Verdict(place, prior, 0.0)
        numbers = {m.number for m in group}
        top = max((prior for m in group for _, prior in m.candidates), default=None)
        if top is None:
            return None
        shares, provinces = context.shares(group), context.provinces(group)
        scored = sorted(
            (
                self._cheap(place, prior, mention, top, shares, provinces)
                for mention in group
                for place, prior in mention.candidates
            ),
            key=lambda item: item[0],
            reverse=True,
        )
        best: _Verdict | None = None
        for score, local, place, prior in scored[:_SHORTLIST]:
            near = 0.0
            if context.anchors and self._gaz.feature_of(place) not in _WIDE:
                near = self._neighbour_bonus(place, numbers, context)
            province = local[1]
            # Same province and nearby mostly say the same thing: the second counts half.
            extra = max(province, near) + min(province, near) / 2 - province
            if prior < top - _DOMINANCE:
                extra /= 2  # A far smaller namesake of a large town needs more than neighbours.
            total = score + extra
            if best is None or total > best.score:
                best = _Verdict(place, total, local[0] + province + extra)
        if best is None:
            return None
        return best if self._accepted(group, best) else None

    def _cheap(
        self,
        place: int,
        prior: float,
        mention: _Mention,
        top: float,
        shares: dict[str, float],
        provinces: set[str],
    ) -> tuple[float, tuple[float, float], int, float]:
        """(score without neighbours, (hint, province support), place, prior)."""
        gaz = self._gaz
        hint = 0.0
        if mention.hint is not None and mention.hint != "+":
            hint = HINT_WEIGHT if mention.hint == gaz.iso(place) else -1.0
        province = ADMIN1_WEIGHT if self._key(place) in provinces else 0.0
        if province and prior < top - _DOMINANCE:
            province /= 2
        country = COUNTRY_WEIGHT * shares.get(gaz.iso(place), 0.0)
        return prior + country + hint + province, (hint, province), place, prior

    def _neighbour_bonus(self, place: int, numbers: set[int], context: _Context) -> float:
        """NEAR_WEIGHT within 100 km of another place of the document, half within 300 km
        (an equirectangular distance: exact enough at these ranges)."""
        gaz = self._gaz
        lat, lon = gaz.latitude[place], gaz.longitude[place]
        squeeze = math.cos(math.radians(lat)) ** 2
        nearest = math.inf
        for other_lat, other_lon, number in context.anchors:
            dlat = other_lat - lat
            if number in numbers or dlat < -3.0 or dlat > 3.0:
                continue
            dlon = (other_lon - lon + 180.0) % 360.0 - 180.0
            nearest = min(nearest, dlat * dlat + dlon * dlon * squeeze)
        if nearest < _DEGREES_100KM:
            return NEAR_WEIGHT
        return NEAR_WEIGHT / 2 if nearest < _DEGREES_300KM else 0.0

    def _accepted(self, group: list[_Mention], verdict: _Verdict) -> bool:
        mentions = [m for m in group if verdict.place in (p for p, _ in m.candidates)]
        if any(self._strong(verdict.place, m) for m in mentions):
            return True
        if any(m.person for m in group):
            return False
        prior = max(p for m in mentions for c, p in m.candidates if c == verdict.place)
        local = verdict.local + (HINT_WEIGHT if any(m.hint == "+" for m in mentions) else 0.0)
        if all(m.alone for m in mentions):
            return prior >= ALONE or (local > 0 and verdict.score >= ALONE)
        threshold = ACCEPT - (1.0 if any(" " in m.found.key for m in mentions) else 0.0)
        if any(m.found.how == "skeleton" for m in mentions):
            threshold += 1.0
        if prior < SMALL and local <= 0 and all(" " not in m.found.key for m in mentions):
            return False
        return verdict.score >= threshold

    def _place_mention(self, text: str, mention: _Mention, place_id: int) -> PlaceMention:
        place = self._gaz.place(place_id)
        relation = mention.around.relation
        if relation == "near" and place.feature in ("country", "admin1", "region"):
            relation = "region"
        if mention.found.how == "adjective" or (
            place.feature == "admin1" and mention.around.province
        ):
            relation = "region"
        start, end = mention.found.start, mention.found.end
        if place.feature == "admin1":
            end = max(end, mention.around.end)  # "Anbar province", "Херсонської області"
        if "." in text[start:end] and text[end : end + 1] == ".":
            end += 1  # "U.S.", "N.Y.": the abbreviation's last dot
        return PlaceMention(Span(start, end, text[start:end]), place, relation)


def _word_after(folded: str, end: int) -> str:
    if folded[end : end + 1] != " ":
        return ""
    return folded[end + 1 : end + 20].split(" ", 1)[0].strip(".,;:'\"")


def _word_before(folded: str, start: int) -> str:
    before = folded[max(0, start - 20) : start].rstrip()
    return before.rsplit(" ", 1)[-1].strip("'\"(.") if before else ""


def _senses(mentions: list[_Mention]) -> dict[tuple[str, bool], list[_Mention]]:
    """Mentions grouped by name (one sense per document); province readings apart."""
    groups: dict[tuple[str, bool], list[_Mention]] = {}
    for mention in mentions:
        province = mention.around.province or mention.found.how == "adjective"
        groups.setdefault((mention.found.key, province), []).append(mention)
    return groups


def _embedded(text: str, start: int, end: int) -> bool:
    """Part of a longer hyphenated name ("Tal" in "Al-Shaddadi-Tal-Jair")."""
    if end + 1 < len(text) and text[end] == "-" and text[end + 1].isupper():
        return True
    return start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()


def _beside_capital(text: str, start: int) -> bool:
    """Right after a capitalised word that does not open a sentence ("Bob Jones")."""
    before = start - 2
    if before < 0 or text[start - 1] != " " or not text[before].isalpha():
        return False
    word = before
    while word > 0 and text[word - 1].isalpha():
        word -= 1
    surface = text[word : before + 1]
    return surface.istitle() and len(surface) > 1 and not _opens_sentence(text, word)


def _opens_sentence(text: str, start: int) -> bool:
    before = start - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    return before < 0 or text[before] in _SENTENCE_END
