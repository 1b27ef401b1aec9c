"""Choosing one place for a name, given what the document is about.

Each place that carries a name gets a score:

- a *prior*: a country outranks a curated site, which outranks a province; a town scores by its
  population (log scale), a little more under its main name than under an alternate;
- the *document's countries*: a place in a country the document is about gains up to
  ``COUNTRY_WEIGHT``, in proportion to that country's share of the document's votes;
- *local support*: a town in a province the document is about gains up to ``ADMIN1_WEIGHT``, in
  proportion to that province's votes (``ADMIN1_WEIGHT * _COUNTY_SHARE`` when the text only
  names a county of its state); one near another place of the document gains up to
  ``NEAR_WEIGHT``, and a province holding other places of the document as much; a hint (a
  demonym qualifying the name, a province or country right after a comma) gains ``HINT_WEIGHT``.
  A candidate far below the name's best prior counts half its local support.
- *shared provinces*: a town in the province the document's other ambiguous names most share
  ("Columbus", "New Castle" and "Hagerstown" all have a town in Indiana) gains up to
  ``SPREAD_WEIGHT``, unless it is far below the name's best prior. This only ranks the
  candidates: it is no local support, and the threshold a name must clear leaves it out.

How the document votes, and which hints a mention carries, is
:mod:`conflictlens.geo.resolve`'s job; this module weighs one name's candidates against them.

Curated, country and curated-province names (and their namesakes: "Kherson" the city) are kept.
Other names (GeoNames towns, provinces of other countries, curated names listed as ambiguous) must
clear a threshold; one that stands alone (a single word opening a sentence or part of a longer
hyphenated name, or a single Arabic word, which has no capitals to tell names from words) is kept
only when it is a large town or when the document supports it locally. A name taken for a
person's is no place, and neither is a small town abroad with no support in a document about
other countries.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from conflictlens.geo.evidence import (
    ACCEPT,
    ADMIN1_WEIGHT,
    ALONE,
    COUNTRY_WEIGHT,
    HINT_WEIGHT,
    NEAR_WEIGHT,
    SMALL,
    WIDE,
    Context,
    Mention,
    Verdict,
)
from conflictlens.geo.gazetteer import FOCUS, TRUSTED, Gazetteer

__all__ = [
    "HOME_COUNTRY_WEIGHT",
    "HOME_WEIGHT",
    "SPREAD_WEIGHT",
    "Name",
    "Scorer",
    "share_provinces",
]

_COUNTY_SHARE = 0.5
"""The share of ``ADMIN1_WEIGHT`` a town gains when its state has a county the text names."""
SPREAD_WEIGHT = 0.5
"""What a plausible town gains in the province the document's other ambiguous names most share
(in proportion to that province's share): it ranks the candidates only, being no local support
(it neither lets a name in nor keeps a stray town out). Calibrated on LGL / GeoVirus (accuracy
within 161 km): 0 gives 0.877 / 0.862, 0.25 0.879 / 0.862, 0.5 0.881 / 0.862, 0.75 0.878 / 0.862,
1 0.879 / 0.862; counted as local support (as province votes are), 0.5 gave 0.880, but LGL
precision fell from 0.822 to 0.816 and NewsFANE F1 by 0.001."""
HOME_WEIGHT = 3.0
"""What a candidate gains in its outlet's home province (in proportion to the share of the
outlet's other articles that name it); a country of the home gains ``HOME_COUNTRY_WEIGHT`` in the
same way. Like ``SPREAD_WEIGHT`` it ranks the candidates only. Calibrated on LGL / GeoVirus
(accuracy within 161 km, country weight 1): no home 0.882 / 0.866; 1 0.906 / 0.865; 2 0.914 /
0.865; 3 0.925 / 0.865; 4 0.928 / 0.865, kept at 3 as the gain flattens (a home should rank a
document's names, not overrule them)."""
HOME_COUNTRY_WEIGHT = 1.0
"""Calibrated with ``HOME_WEIGHT`` 3: 0 gives 0.922 / 0.866, 1 0.925 / 0.865 (GeoVirus is one
world-wide outlet, whose most named country is a weak home). When the text names no country of
its own (no other name votes for one), the home's countries stand in for the document's, with
``COUNTRY_WEIGHT``, and so count as support: "in Deou" in a Burkinabe outlet's two-line note is
the Burkinabe village. That took LGL from 0.925 to 0.926 (precision unchanged) and ACLED event
location from 0.443 to 0.446, GTD unchanged."""
_SHORTLIST = 8
_DOMINANCE = 2.0
"""A candidate this far below the name's best prior counts half its local support."""
_STRAY_PRIOR = 5.5
"""Population prior (log10 of people + 100; 5.5 is about 300,000 people) under which a town of a
country the document does not name needs local support. Calibrated on LGL / GeoVirus (F1 and
accuracy within 161 km): no such rule 0.721 / 0.893 and 0.868 / 0.857; 5.0 0.729 / 0.901 and
0.870 / 0.862; 5.5 0.731 / 0.902 and 0.872 / 0.862; 6.0 0.731 / 0.901 and 0.873 / 0.863."""
_EPSILON = 1e-9
"""Shares left after taking a name's own away are sums of floats: below this, none is left."""
_DEGREES_100KM = (100 / 111.2) ** 2
_DEGREES_300KM = (300 / 111.2) ** 2


class Scorer:
    """Scores one name's candidates in the document's context and keeps the best, if any."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gaz = gazetteer
        self._admin1 = gazetteer.features.index("admin1")

    def choose(self, name: Name, context: Context) -> Verdict | None:
        """The place a name's mentions resolve to, or None when it is not a place here.

        Every candidate is scored on prior, country, hints and province; the distance to the
        document's other places is weighed for the ``_SHORTLIST`` best of them only (a name like
        "Springfield" has dozens of places). The choice depends on the context only through the
        support it gives (the name's own votes left out): when that is what it was in the last
        round, so is the choice."""
        if name.fixed is not None:
            return name.fixed
        group = name.mentions
        top = name.top
        if top is None:
            return None
        own = context.own(group, name.places, name.numbers, name.keys)
        shares, provinces = context.shares(own), context.provinces(own)
        support = (shares, provinces, context.anchors)
        if name.support == support:
            return name.verdict
        verdict = self._weigh(name, top, shares, provinces, context)
        name.support, name.verdict = support, verdict
        return verdict

    def _weigh(
        self,
        name: Name,
        top: float,
        shares: dict[str, float],
        provinces: dict[str, float],
        context: Context,
    ) -> Verdict | None:
        counties, dominated, common = context.counties, top - _DOMINANCE, name.common
        home = context.home
        scores, totals = [], []
        for _, prior, hint, iso, key, _ in name.pairs:
            province = ADMIN1_WEIGHT * provinces.get(key, 0.0)
            if not province and key in counties:
                province = ADMIN1_WEIGHT * _COUNTY_SHARE
            if not province and not shares and home is not None:
                # A text that names no country of its own lies in its outlet's provinces, as
                # if it named them (LGL accuracy within 161 km 0.927 to 0.930, F1 0.790 to
                # 0.792; ACLED event location 0.465 to 0.466; GeoVirus unchanged).
                province = ADMIN1_WEIGHT * home.provinces.get(key, 0.0)
            if province and prior < dominated:
                province /= 2
            # A text that names no other country of its own is about its outlet's country.
            towns_of = shares if shares or home is None else home.countries
            country = COUNTRY_WEIGHT * towns_of.get(iso, 0.0)
            # What the other ambiguous names share ranks the plausible candidates only: it is
            # no support, and no reason to prefer a far smaller namesake.
            shared = 0.0
            if common and prior >= dominated:
                shared = SPREAD_WEIGHT * common.get(key, 0.0)
            if home is not None:
                shared += HOME_WEIGHT * home.provinces.get(key, 0.0)
                shared += HOME_COUNTRY_WEIGHT * home.countries.get(iso, 0.0)
            total = prior + country + hint + province + shared
            scores.append((total, hint, province, shared))
            totals.append(total)
        # The best first, in the order of the candidates among equals (a stable sort).
        shortlist = sorted(range(len(totals)), key=totals.__getitem__, reverse=True)[:_SHORTLIST]
        best: Verdict | None = None
        rank = 0.0
        for index in shortlist:
            score, hint, province, shared = scores[index]
            place, prior, _, _, key, wide = name.pairs[index]
            near = 0.0
            if context.anchors and not wide:
                near = self._neighbour_bonus(place, name.numbers, context)
            elif self._gaz.feature[place] == self._admin1 and key in provinces:
                near = NEAR_WEIGHT  # the province holds other places of the document
            # Same province and nearby mostly say the same thing: the second counts half.
            if near > province:
                extra = near + province / 2 - province
            else:
                extra = province + near / 2 - province
            if prior < dominated:
                extra /= 2  # A far smaller namesake of a large town needs more than neighbours.
            total = score + extra
            if best is None or total > rank:
                rank, best = total, Verdict(place, total - shared, hint + province + extra)
        countries = shares if shares or home is None else home.countries
        if best is None or self._stray(best, countries, name):
            return None
        # With other places confidently read, the village must lie near one of them.
        lone = best.local > 0 or all(n in name.numbers for _, _, n in context.anchors)
        if lone and _placed_in_conflict(name, best, countries, self._gaz):
            return best if best.score >= PLACED_SCORE else None
        return best if _accepted(name, best) else None

    def _stray(self, verdict: Verdict, shares: dict[str, float], name: Name) -> bool:
        """A small town abroad, with no support in a document about other countries: "Bulo" of
        "Bulo Burde" (Somalia) is no Philippine village. A large town ("Paris") may still be,
        and so may a town of a conflict country ("près de Mossoul et недалеко от Бахмута"), but
        not one a look-alike spelling names ("the Grand Mosque" is no Moscow). ``shares`` are
        the document's countries, or its outlet's when it names none.

        Calibrated on ACLED notes with outlet homes: event location 0.448 -> 0.449, actor1
        0.672 -> 0.679 (fewer actors named after a wrong country); LGL precision 0.832 -> 0.833
        with recall 0.739 -> 0.738 and accuracy unchanged; GTD unchanged."""
        gaz = self._gaz
        if verdict.local > 0 or not shares or gaz.iso(verdict.place) in shares:
            return False
        if gaz.flags[verdict.place] & TRUSTED or gaz.feature_of(verdict.place) in WIDE:
            return False
        if all(m.found.how == "skeleton" for m in name.mentions):
            return True
        if gaz.flags[verdict.place] & FOCUS:
            return False
        return math.log10(gaz.population[verdict.place] + 100) < _STRAY_PRIOR

    def _neighbour_bonus(self, place: int, numbers: set[int], context: Context) -> float:
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
            distance = dlat * dlat + dlon * dlon * squeeze
            if distance < nearest:
                nearest = distance
        if nearest < _DEGREES_100KM:
            return NEAR_WEIGHT
        return NEAR_WEIGHT / 2 if nearest < _DEGREES_300KM else 0.0


def share_provinces(names: list[Name]) -> None:
    """Sets each name's ``common``: the provinces the document's other ambiguous names share
    ("Columbus", "New Castle" and "Hagerstown" all have a town in Indiana). A name whose
    plausible places (within ``_DOMINANCE`` of its best prior) are towns of n provinces gives
    each 1/n; one of whose plausible places is a province or a country ("Oregon", "Lebanon")
    takes no part, as it reads as the area by default. This depends on the names alone, not on
    the choices: it is read once per document. The margin was calibrated on LGL (accuracy within
    161 km, ``SPREAD_WEIGHT`` 0.5): 1 gives 0.877, 1.5 0.880, 2 0.881, 2.5 and 3 0.880; GeoVirus
    0.862 throughout."""
    own: list[tuple[Name, float, set[str]]] = []
    total: dict[str, float] = {}
    for name in names:
        if name.fixed is not None or name.person or name.top is None or len(name.pairs) < 2:
            continue
        least, keys = name.top - _DOMINANCE, set()
        for _, prior, _, _, key, wide in name.pairs:
            if prior >= least:
                if wide:
                    break
                keys.add(key)
        else:
            keys.discard("")
            if len(keys) > 1:  # the towns of one province rank alike: nothing to weigh
                share = 1.0 / len(keys)
                own.append((name, share, keys))
                for key in keys:
                    total[key] = total.get(key, 0.0) + share
    for name, share, keys in own:
        others = {key: n - share if key in keys else n for key, n in total.items()}
        top = max(others.values())
        if top > _EPSILON:
            name.common = {key: n / top for key, n in others.items() if n > _EPSILON}


PLACED_SCORE = 2.5
"""Score a village of a conflict country needs after a preposition of place, in a text about its
country or naming none ("attacked the gendarmerie in Deou", "explosions near Opytne"): news of
those wars names villages no other list holds, and such a phrase places them. Calibrated on ACLED
notes (event location within 25 km): 0.472 without the rule, 0.477 at 2.0 and 2.5, 0.474 at 3.0
and 3.5; GTD, LGL, GeoVirus, NewsFANE, HIPE and the project's gold unchanged."""


def _placed_in_conflict(
    name: Name, verdict: Verdict, countries: dict[str, float], gaz: Gazetteer
) -> bool:
    """A town of a conflict country (not an area), in a text about that country or naming none,
    that a preposition of place stands before, read by its spelling (not by a look-alike)."""
    place = verdict.place
    if name.person or not gaz.flags[place] & FOCUS or gaz.feature_of(place) in WIDE:
        return False
    if countries and gaz.iso(place) not in countries:
        return False
    return any(
        m.placed and not m.alone and m.found.how != "skeleton"
        for m in name.mentions
        if place in (p for p, _ in m.candidates)
    )


def _accepted(name: Name, verdict: Verdict) -> bool:
    if name.trusted:
        # A curated or country name (here or for a namesake: "Kherson" the oblast) is no
        # common word: its best reading stands.
        return True
    if name.person:
        return False
    mentions = [m for m in name.mentions if verdict.place in (p for p, _ in m.candidates)]
    prior = max(p for m in mentions for c, p in m.candidates if c == verdict.place)
    local = verdict.local + (HINT_WEIGHT if any(m.hint == "+" for m in mentions) else 0.0)
    if all(m.alone for m in mentions):
        if all(m.found.how == "stem" for m in mentions):
            # An inflected word opening a sentence is more often a common word ("Решта
            # учасників", the rest of) than a place named in an oblique case with no preposition.
            return local > 0 and verdict.score >= ALONE
        return prior >= ALONE or (local > 0 and verdict.score >= ALONE)
    threshold = ACCEPT - (1.0 if any(" " in m.found.key for m in mentions) else 0.0)
    if any(m.found.how == "skeleton" for m in mentions):
        threshold += 1.0
    if prior < SMALL and local <= 0 and all(" " not in m.found.key for m in mentions):
        return False
    return verdict.score >= threshold


_Support = tuple[dict[str, float], dict[str, float], list[tuple[float, float, int]]]


@dataclass(slots=True)
class Name:
    """One name's mentions (one sense per document) and what each round of the choice reads."""

    mentions: list[Mention]
    numbers: set[int]
    places: set[int]
    keys: set[str]
    top: float | None
    """The best prior of its candidates."""
    pairs: list[tuple[int, float, float, str, str, bool]]
    """Every candidate of every mention: (place, prior, hint score, ISO code, province key,
    stands for an area)."""
    trusted: bool
    """A curated or country name, here or for a namesake: its best reading stands."""
    person: bool
    """One of its mentions looks like part of a person's name."""
    fixed: Verdict | None = None
    """The place of a name whatever the context (one curated or country place)."""
    common: dict[str, float] | None = None
    """How much the document's other ambiguous names share each province (0-1, the most shared
    one 1), for a name whose places they may rank (not a province or country name)."""
    support: _Support | None = None
    """The country shares, province shares and anchors of the last choice."""
    verdict: Verdict | None = None
    """The last choice."""
