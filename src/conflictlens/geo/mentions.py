"""Reading each name found in a document: its candidate places with their priors, and the words
around it (cues, demonyms, person and street words)."""

from __future__ import annotations

import math
import re

from conflictlens.geo.cues import Cues, Surroundings
from conflictlens.geo.evidence import (
    ACCEPT,
    ALONE,
    GIVEN_NAME,
    NEAR_WEIGHT,
    SPEAKS,
    Mention,
    beside_capital,
    embedded,
    opens_sentence,
    word_after,
    word_before,
)
from conflictlens.geo.gazetteer import FOCUS, FULL, MAIN, TRUSTED, Gazetteer
from conflictlens.geo.names import ARTICLES, key_tokens
from conflictlens.geo.scan import Found, How
from conflictlens.text.match import Match

__all__ = ["MentionReader"]

_COUNTY_WORDS = ("County", "Parish")
_COUNTY = re.compile(rf"\b[A-Z][\w'.]*(?: [A-Z][\w'.]*){{0,2}} (?:{'|'.join(_COUNTY_WORDS)})\b")
ALTERNATE = 1.0
"""What a town loses when the name is only its alternate and another town's (or a
non-curated province's) main name: "Santa Ana" is Taguig's old name, "New York" the state's.
Towns of the conflict countries keep their alternates (their transliterations)."""
_MEMO = 20_000
"""Readings whose candidates are kept made (a few MB; a day's news names far fewer places)."""
COUNTY_PRIOR = 3.5
"""The prior of a US county, whatever its people: which state's "Madison County" a text means is
the document's to say, not the largest one's. Calibrated on LGL (accuracy within 161 km): 2.0 to
4.0 give 0.882, 4.5 and 5.5 0.880, a prior from the people of its towns (as towns have) 0.881."""
_SAME_POINT = 0.01
"""Degrees (about 1 km) within which a province's point is its seat's (both from GeoNames)."""
_SEAT_MARGIN = NEAR_WEIGHT + 0.5
"""How far below its seat a province stays: more than the support a province named elsewhere in
the document gives its namesake ("у Херсоні" beside "по всій Херсонщині" is still the city)."""
_MAIN_TOWN = 10_000
"""People a town needs for its main name to push aside a place known by it as an alternate."""


_Prior = tuple[int, float]
"""A candidate place and its prior."""
_Reading = tuple[tuple[_Prior, ...], float]
"""A reading's candidates and their best prior (0 when there is none)."""


class MentionReader:
    """Turns what the scanner found into mentions with candidate places and their priors."""

    def __init__(self, gazetteer: Gazetteer, cues: Cues) -> None:
        self._gaz = gazetteer
        self._cues = cues
        self._caps_only = frozenset(gazetteer.caps_only)
        self._ambiguous = frozenset(gazetteer.ambiguous)
        self._dotted = frozenset(gazetteer.dotted)
        self._country = gazetteer.features.index("country")
        self._admin1 = gazetteer.features.index("admin1")
        self._county = gazetteer.features.index("admin2") if "admin2" in gazetteer.features else -1
        self._candidates: dict[tuple[int, str, bool, int, bool, bool], _Reading] = {}

    def ambiguous(self, key: str) -> bool:
        return key in self._ambiguous

    def mention(
        self, text: str, folded: str, found: Found, number: int, demonyms: list[Match[str]]
    ) -> Mention | None:
        surface = text[found.start : found.end]
        capitals = surface.isupper()
        if found.key in self._caps_only and not capitals:
            return None
        around = self._cues.around(folded, found.start, found.end)
        # One word on the page, even when its key has two ("O'Connor" is "o connor"): a
        # surname with an apostrophe is as much a person's name as any other.
        single = " " not in found.key or not any(c in surface for c in " -")
        before, after = word_before(folded, found.start), word_after(folded, around.end)
        if after in self._cues.not_after or before in self._cues.not_before:
            return None
        arabic = "\u0600" <= surface[:1] <= "\u06ff"
        abbreviation = found.key in self._dotted
        dotted = abbreviation and folded[found.end : found.end + 1] == "."
        lower = surface[:1].islower()  # a curated name opening with a lower-case word
        trusted_only = lower or (capitals and len(surface) <= 4) or len(found.key) <= 2
        trusted_only = not dotted and trusted_only
        # The priors depend on these alone, and the same names come back in every document.
        # An abbreviation read without its dot ("Mass" for "Mass.") names no province.
        undotted = abbreviation and not dotted
        reading = (
            found.entry,
            found.how,
            trusted_only,
            dotted + 2 * undotted,
            around.province,
            around.town,
        )
        known = self._candidates.get(reading)
        if known is None:
            known = self._reading(reading, found, around)
        candidates, top = list(known[0]), known[1]
        person = False
        cues = 0
        if single and not (arabic or dotted) and before not in self._cues.place_before:
            # "Al" before a name of the conflict countries is its article, not a given name
            # ("Al Muqdadiyah"; GTD event location 0.729 to 0.730, LGL unchanged).
            article = before in ARTICLES and any(self._gaz.flags[p] & FOCUS for p, _ in candidates)
            given = beside_capital(text, found.start) and not article
            cues = (GIVEN_NAME if given else 0) | (
                SPEAKS if after in self._cues.person_after else 0
            )
        if single and not (arabic or dotted):
            titled = before in self._cues.person_before
            # "Mr. Paris" is a person; "Jones said", "Bob Jones": a small place's name beside
            # a capitalised word or before "said" is more likely part of a person's name.
            person = titled or (bool(cues) and top < ALONE)
        if person:
            candidates = [c for c in candidates if self._gaz.flags[c[0]] & TRUSTED]
        # A name that is also a word or a given name ("Chad", "Jordan", "Turkey", "المغرب") is a
        # place after a preposition of place ("in Georgia", "to Jordan", "في المغرب"); elsewhere
        # it needs the document's support. Calibrated on LGL / GeoVirus / NewsFANE: F1 0.788 to
        # 0.790 / 0.913 to 0.918 / 0.817 to 0.821, accuracy within 161 km 0.927 to 0.926 /
        # 0.865 to 0.867 (with "of" and the other genitives too, LGL F1 0.791 but accuracy
        # 0.925, "the family of Jordan" then being the country); ACLED and GTD unchanged.
        ambiguous = found.key in self._ambiguous
        doubtful = ambiguous and before not in self._cues.ambiguous_after
        if doubtful:
            candidates = [(p, min(prior, ACCEPT + 0.5)) for p, prior in candidates]
        # A single word that may be an ordinary word or part of another name: Arabic (no
        # capitals), opening a sentence, part of a longer hyphenated name ("Tal" of
        # "Al-Shaddadi-Tal-Jair") or heading a longer proper name ("Simba Coach"). Calibrated
        # on LGL / GeoVirus / ACLED notes with outlet homes: heading a name took precision from
        # 0.833 to 0.853 / 0.908 to 0.915 (F1 0.783 to 0.788 / 0.909 to 0.913; accuracy within
        # 161 km 0.926 to 0.927 / 0.865), ACLED event location unchanged at 0.449 once the
        # words of ``goes_on_with`` (cues.yaml) are left out (0.443 with none), GTD location
        # 0.638 to 0.641.
        alone = (
            single
            and not dotted
            and (
                arabic
                or person
                or opens_sentence(text, found.start)
                or embedded(text, found.start, found.end)
                or self._heads_a_name(text, folded, found.end)
            )
        )
        mention = Mention(found, around, candidates, number, alone or doubtful, person, cues)
        mention.hint = self._cues.hint(demonyms, folded, found.start, found.end)
        mention.placed = before in self._cues.ambiguous_after
        mention.site = after in self._cues.site_after
        return mention

    def _heads_a_name(self, text: str, folded: str, end: int) -> bool:
        """A capitalised word follows that makes the name the head of a longer one ("Orange
        Democratic Movement"), not one that leaves it a place ("Nyeri Town", "Pate Island")."""
        if not (end + 1 < len(text) and text[end] == " " and text[end + 1].isupper()):
            return False
        following = word_after(folded, end)
        return following not in self._cues.goes_on_with and following not in self._cues.town_after

    def _reading(
        self, reading: tuple[int, str, bool, int, bool, bool], found: Found, around: Surroundings
    ) -> _Reading:
        """The candidates of a reading (see :meth:`mention`) and their best prior, remembered."""
        if len(self._candidates) > _MEMO:
            self._candidates.clear()
        entry, _, trusted_only, dotted, _, _ = reading
        places = self._places(entry, trusted_only, dotted == 1, dotted == 2)
        priors = tuple(self._priors(places, found.how, around))
        known = self._candidates[reading] = (priors, max([p for _, p in priors], default=0.0))
        return known

    def _places(
        self, entry: int, trusted_only: bool, dotted: bool, undotted: bool
    ) -> list[tuple[int, int]]:
        """The entry's places with their posting flags: only curated, country and province ones
        for a name that may be a word or an abbreviation, only provinces for a dotted one, no
        province for an abbreviation without its dot."""
        gaz = self._gaz
        return [
            (posting >> 2, posting & 3)
            for posting in gaz.entry(entry)
            if not (trusted_only and not gaz.flags[posting >> 2] & TRUSTED)
            and not (dotted and gaz.feature[posting >> 2] != self._admin1)
            and not (undotted and gaz.feature[posting >> 2] == self._admin1)
        ]

    def _priors(
        self, places: list[tuple[int, int]], how: How, around: Surroundings
    ) -> list[tuple[int, float]]:
        """Each place's prior. A country or province gives way to a town of the same name inside
        it, and a town to a country of its name (Kherson the city, not the oblast; Mexico the
        country, not the city), unless a cue says otherwise."""
        gaz = self._gaz
        towns_in = self._towns_in(places)
        countries = {gaz.country[p] for p, _ in places if gaz.feature[p] == self._country}
        # A town known by this name only as an alternate ("Santa Ana" for Taguig) gives way to
        # the towns whose main name it is.
        alternate = ALTERNATE if any(self._main_name(p, flags) for p, flags in places) else 0.0
        out = []
        for place, flags in places:
            feature = gaz.feature[place]
            if feature == self._country:
                score = 8.0
            elif feature == self._admin1:
                score = 4.5
                if gaz.admin1[place] not in towns_in:
                    score = max(score, math.log10(gaz.population[place] + 1) - 0.7)
                score += 4.0 if around.province or how == "adjective" else 0.0
                score -= 3.0 if around.town else 0.0
            elif gaz.flags[place] & TRUSTED:
                score = 7.0
            elif feature == self._county:
                score = COUNTY_PRIOR
            else:
                score = math.log10(gaz.population[place] + 100)
                score += 0.5 if around.town else 0.0
                if gaz.country[place] in countries and not around.town:
                    score -= 2.5
                if not flags & MAIN and not gaz.flags[place] & FOCUS:
                    score -= alternate
            score += 0.6 if flags & MAIN else 0.0
            score -= 0.0 if flags & FULL else 0.3
            if how == "skeleton":
                score -= 1.0
            out.append((place, score))
        if not (around.province or how == "adjective"):
            self._seats_first(out)
        return out

    def _seats_first(self, scored: list[tuple[int, float]]) -> None:
        """A province named like its seat town, whose point is the town's (admin1.yaml's
        ``capital``), gives way to the town when no province word says otherwise: "в Херсоні" is
        the city, whose GeoNames population (66,000) would otherwise leave it below the oblast.
        ACLED codes such a mention to the town, at precision 1. "Laghman" stays the province:
        its seat is Mehtar Lam, which GeoNames also calls Laghman."""
        gaz = self._gaz
        towns = [
            (gaz.latitude[p], gaz.longitude[p], score, p)
            for p, score in scored
            if gaz.feature[p] not in (self._admin1, self._country)
        ]
        if not towns:
            return
        for index, (place, score) in enumerate(scored):
            if gaz.feature[place] != self._admin1:
                continue
            lat, lon = gaz.latitude[place], gaz.longitude[place]
            # A GeoNames province has no seat on record: its town of the same name is taken
            # for it when the town reads better on its own ("Embu", "Garissa"), as ACLED codes
            # the bare name to the town; not a town the name is only an alternate of (the
            # French "Genève" of Geneva), nor a village that shares its province's name.
            anywhere = not gaz.flags[place] & TRUSTED
            for town_lat, town_lon, town_score, town in towns:
                seat = anywhere and town_score >= score and gaz.admin1[town] == gaz.admin1[place]
                seat = seat or abs(town_lat - lat) + abs(town_lon - lon) < _SAME_POINT
                if seat and _same_name(gaz.name(town), gaz.name(place)):
                    scored[index] = (place, min(score, town_score - _SEAT_MARGIN))

    def _main_name(self, place: int, flags: int) -> bool:
        """The name is the main one of a town or of a province outside the curated ones."""
        gaz = self._gaz
        feature = gaz.feature[place]
        if feature == self._country or (feature == self._admin1 and gaz.flags[place] & TRUSTED):
            return False
        if feature != self._admin1 and gaz.population[place] < _MAIN_TOWN:
            return False  # a hamlet's name does not push a city aside
        return bool(flags & MAIN)

    def _towns_in(self, places: list[tuple[int, int]]) -> set[int]:
        """Provinces with a town of the name inside: the province gives way to it. A province
        outside the curated ones gives way only to a town whose main name this is ("New York"
        is the state, "New York City" the town), unless a country carries the name too."""
        gaz = self._gaz
        loose = any(
            (gaz.feature[p] == self._admin1 and gaz.flags[p] & TRUSTED)
            or gaz.feature[p] == self._country
            for p, _ in places
        )
        return {
            gaz.admin1[p]
            for p, flags in places
            if gaz.feature[p] != self._admin1 and (loose or flags & MAIN)
        }

    def counties(self, text: str) -> list[tuple[str, ...]]:
        """US counties the text names ("Hall County"): no point here, but each tells which states
        the document may be about."""
        out: list[tuple[str, ...]] = []
        if not any(word in text for word in _COUNTY_WORDS):
            return out  # most texts: a plain search is cheaper than the expression
        for match in _COUNTY.finditer(text):
            words = key_tokens(match.group())
            for first in range(len(words) - 1):
                states = self._gaz.counties.get(" ".join(words[first:]), "").split()
                if states:
                    out.append(tuple(states))
                    break
        return out


def _same_name(first: str, second: str) -> bool:
    return key_tokens(first) == key_tokens(second)
