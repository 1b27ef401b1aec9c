"""What the names next to a name say about it: lists and pairs of names.

- "Paris, Texas", "Monroeville, Ala.", "Hasakah (Syria)": a province or country right after a
  comma or a bracket narrows the name before it (a province to the province, not to every town
  of its country), unless both can be countries ("Georgia, Iraq, Iran" is a list); a name that
  narrows a town to its province is that province, not its namesake town; a town with no
  namesake in the province named after it is a place the gazetteer lacks, not one elsewhere;
- "Ohio, Oregon, Washington and Utah", "Ghana, Niger, Chad and Togo": a name listed among at least
  ``_LIST_PEERS`` names that read as provinces (of the same countries) or as countries reads as
  one of that kind when one carries it;
- "Jackson and Barrow counties": the town names of a list a plural word closes are no places;
  each is read as "Jackson County" is, a clue to the state (a province or a country keeps its
  place: "Texas and Oklahoma counties").

:mod:`conflictlens.geo.resolve` applies these to a document's mentions before weighing them.
"""

from __future__ import annotations

import itertools

from conflictlens.geo.cues import Cues
from conflictlens.geo.evidence import HINT_WEIGHT, WIDE, Mention
from conflictlens.geo.gazetteer import Gazetteer

__all__ = ["Neighbours"]

_LIST_PEERS = 2
"""Names of a list that must read as provinces (or countries) for another to read as one.
Calibrated on GeoVirus (accuracy within 161 km, F1), NewsFANE (F1) and GTD (event location): 1
gives 0.865, 0.909, 0.818 and 0.634 (a pair, "Mali and Niger", is too little to go on); 2 gives
0.865, 0.908, 0.816 and 0.636 (as without the rule: 0.8625, 0.905, 0.815, 0.636); 3 gives 0.864,
0.908, 0.815. LGL 0.881 throughout."""
_LIST_GAP = 6
"""Characters between two names of a list at most (", and ", " или ")."""
_LARGE_PROVINCE = 1_000_000
"""People of a province whose name, in a list of counties, stands for the province ("Texas and
Oklahoma counties"); smaller units share names with counties ("Douglas")."""


class Neighbours:
    """Narrows mentions by the names listed or paired with them (see the module notes)."""

    def __init__(self, gazetteer: Gazetteer, cues: Cues) -> None:
        self._gaz = gazetteer
        self._cues = cues
        self._country = gazetteer.features.index("country")
        self._admin1 = gazetteer.features.index("admin1")

    def narrow(self, folded: str, mentions: list[Mention]) -> None:
        """Hints from a province or country after a comma, then from lists of names."""
        boosted = self._hints_after_commas(folded, mentions)
        self._hints_in_lists(folded, mentions, boosted)

    def without_county_lists(
        self, text: str, folded: str, mentions: list[Mention], counties: list[tuple[str, ...]]
    ) -> list[Mention]:
        """The mentions without the town names of a list a plural word closes ("Jackson and
        Barrow counties"): each is then read as "Jackson County" is (no place; its states, a
        clue). A province or country keeps its place ("Texas and Oklahoma counties")."""
        lists = self._cues.lists(text, folded)
        if not lists:
            return mentions
        kept = []
        for mention in mentions:
            unit = next(
                (u for a, b, u in lists if a <= mention.found.start and mention.found.end <= b),
                None,
            )
            if unit is None or any(self._large_area(p) for p, _ in mention.candidates):
                kept.append(mention)
                continue
            states = self._gaz.counties.get(f"{mention.found.key} {unit}", "").split()
            if states:
                counties.append(tuple(states))
        return kept

    def _large_area(self, place: int) -> bool:
        """A country, or a province of ``_LARGE_PROVINCE`` people or more."""
        feature = self._gaz.feature[place]
        if feature == self._country:
            return True
        return feature == self._admin1 and self._gaz.population[place] >= _LARGE_PROVINCE

    def _hints_after_commas(self, folded: str, mentions: list[Mention]) -> set[int]:
        """ "Paris, Texas", "Monroeville, Ala.", "Hasakah (Syria)": the second name narrows the
        first. A province narrows it to the province (not to every town of its country); a
        country, to the country, unless the first can be a country too (then it is a list)."""
        gaz = self._gaz
        boosted = set()
        following = {a.number: b for a, b in itertools.pairwise(mentions)}
        for first, second in itertools.pairwise(mentions):
            gap = folded[first.around.end : second.found.start]
            if gap.strip() not in (",", "(") or len(gap) > 3:
                continue
            wide = [p for p, _ in second.candidates if gaz.feature_of(p) in WIDE]
            keys = {self._key(p) for p in wide if gaz.feature[p] != self._country} - {""}
            countries = {gaz.iso(p) for p in wide if gaz.feature[p] == self._country} - {""}
            if not keys:
                countries |= {gaz.iso(p) for p in wide} - {""}
            if not keys and not countries:
                continue
            if not keys and any(gaz.feature[p] == self._country for p, _ in first.candidates):
                continue  # "Georgia, Iraq, Iran": a list of countries, not a town and its country
            first.hint = first.hint or "+"
            first.candidates = [
                (p, s + (HINT_WEIGHT if self._key(p) in keys or gaz.iso(p) in countries else 0))
                for p, s in first.candidates
            ]
            if any(self._key(p) in keys or gaz.iso(p) in countries for p, _ in first.candidates):
                boosted.add(first.number)
                if any(self._key(p) in keys for p, _ in first.candidates):
                    # The second names the province the first lies in, not its namesake town:
                    # "Sungai Kolok, Narathiwat" (the province, not Narathiwat town). GTD event
                    # location 0.736 to 0.747, ACLED 0.449 to 0.455; LGL, GeoVirus, NewsFANE
                    # unchanged.
                    second.candidates = [c for c in second.candidates if c[0] in wide]
            elif keys and self._lacked(folded, first, second, following.get(second.number)):
                # "Bohdanivka, Donetsk" with no Bohdanivka in Donetsk province: a village
                # the gazetteer lacks, not a namesake town of another province. LGL accuracy
                # within 161 km 0.926 to 0.927 (3 wrong places dropped), GeoVirus 0.867 to
                # 0.869 (F1 0.918 to 0.917: "Norfolk, England" is no longer Norfolk,
                # Virginia, but the English county is not in the gazetteer), ACLED event
                # location 0.455 to 0.456, GTD unchanged.
                first.candidates = []
        return boosted

    def _lacked(self, folded: str, first: Mention, second: Mention, after: Mention | None) -> bool:
        """``first`` is a town (no area reads it) and ``second``, no name of a list, the province
        it lies in: none of ``first``'s places lies there."""
        gaz = self._gaz
        town = not any(gaz.feature_of(p) in WIDE for p, _ in first.candidates)
        return town and not self._listed(folded, second, after)

    def _listed(self, folded: str, mention: Mention, after: Mention | None) -> bool:
        """Another name follows ``mention`` as the next of a list ("Donetsk and Kharkiv")."""
        if after is None:
            return False
        gap = folded[mention.around.end : after.found.start].strip()
        return gap == "," or gap in self._cues.list_words

    def _hints_in_lists(self, folded: str, mentions: list[Mention], boosted: set[int]) -> None:
        """ "Ohio, Oregon, Washington and Utah", "Ghana, Niger, Nigeria and Togo": a name listed
        among at least ``_LIST_PEERS`` names that read as provinces (of the same countries) or
        as countries reads as one of that kind when one carries it, as a province after a comma
        narrows a town. A name a comma hint narrowed already ("Washington, D.C., and Virginia")
        keeps that reading."""
        for run in self._lists(folded, mentions):
            kinds = [self._kind(m) for m in run]
            for number, mention in enumerate(run):
                if mention.number in boosted:
                    continue
                peers = kinds[:number] + kinds[number + 1 :]
                for kind in (self._admin1, self._country):
                    isos = [iso for k, iso in peers if k == kind]
                    if len(isos) >= _LIST_PEERS and self._read_as(mention, kind, set(isos)):
                        break

    def _read_as(self, mention: Mention, kind: int, isos: set[str]) -> bool:
        """Favours the mention's places of that feature (provinces: of those countries)."""
        gaz, any_country = self._gaz, kind == self._country
        fits = [
            gaz.feature[p] == kind and (any_country or gaz.iso(p) in isos)
            for p, _ in mention.candidates
        ]
        if not any(fits):
            return False
        mention.hint = mention.hint or "+"
        mention.candidates = [
            (p, s + (HINT_WEIGHT if fit else 0.0))
            for (p, s), fit in zip(mention.candidates, fits, strict=True)
        ]
        return True

    def _lists(self, folded: str, mentions: list[Mention]) -> list[list[Mention]]:
        """Runs of at least three names joined by commas or list words ("and", "ou", "و")."""
        runs: list[list[Mention]] = []
        run = mentions[:1]
        for first, second in itertools.pairwise(mentions):
            if second.found.start - first.around.end <= _LIST_GAP:
                gap = folded[first.around.end : second.found.start]
                word = gap.strip(" ,")
                if gap.strip() and (not word or word in self._cues.list_words):
                    run.append(second)
                    continue
            if len(run) > _LIST_PEERS:
                runs.append(run)
            run = [second]
        if len(run) > _LIST_PEERS:
            runs.append(run)
        return runs

    def _kind(self, mention: Mention) -> tuple[int, str]:
        """(feature, country) of the mention's best candidate on its priors."""
        if not mention.candidates:
            return -1, ""
        place = max(mention.candidates, key=lambda c: c[1])[0]
        return self._gaz.feature[place], self._gaz.iso(place)

    def _key(self, place: int) -> str:
        return self._gaz.admin1_key(place) if self._gaz.admin1[place] else ""
