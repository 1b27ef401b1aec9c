"""Which of a sentence's places is the event's, and how precisely it is known (ACLED geo_precision).

ACLED's geo_precision: 1 the event happened at the place itself; 2 near it or in part of a
region, coded to that place; 3 only a province or larger area is known. A facility, field, camp or
crossing is more specific than the town it is named with ("la base d'Al-Shaddadi, au sud de la
ville d'Al-Hasakah" happened at the base), and a place the event is "at" beats one it is "near".
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from conflictlens.model import PlaceMention

__all__ = ["choose_place"]

SPECIFICITY = {
    "base": 0,
    "airfield": 0,
    "field": 0,
    "crossing": 0,
    "camp": 0,
    "road": 1,
    "city": 1,
    "village": 1,
    "bridge": 1,
    "power_plant": 0,
    "hospital": 0,
    "island": 1,
    "sea": 2,
    "strait": 2,
    "canal": 2,
    "admin2": 2,
    "admin1": 3,
    "region": 3,
    "country": 4,
    "continent": 5,
}
"""Lower is more specific; features not listed count as towns."""
WIDE_FEATURES = frozenset({"admin1", "region", "country", "continent"})
DISTRICTS = frozenset({"admin2"})
"""Units below a province (US counties): ACLED's precision 2, part of a region named."""
REGIONS = frozenset({"admin1", "region"})
"""Features whose names are rarely shared across countries: provinces and regions."""
ADDRESS_GAP = 2
"""Characters between two places written as an address, the place then the area it lies in:
a comma and a space ("Lansing, Michigan", "Bauang, La Union, Philippines"). A single space
joins words of one name ("Riverside Mobile Home Park"), a word between ("Kabul and Herat")
makes a list; calibrated on the GTD summaries, which write every place this way."""


def _rank(
    mention: PlaceMention, anchor: int, agreed: set[str], address: dict[int, int]
) -> tuple[bool, int, int, int]:
    """In the country the other places agree on first, then most specific, then the place an
    address opens, then nearest the event word: "une frappe ... près de la base de Harir" is at
    Harir even when the sentence names another base later."""
    country = mention.place.country
    outlier = bool(agreed) and country is not None and country not in agreed
    specificity = SPECIFICITY.get(mention.place.feature, 1)
    return outlier, specificity, address.get(id(mention), 1), abs(mention.span.start - anchor)


def _address_order(places: Sequence[PlaceMention]) -> dict[int, int]:
    """0 for a place an address opens, 2 for the areas after it, by ``id`` (1 for the rest): in
    "the Hollywood Star diner in Lansing, Michigan" the event is at Lansing, in "Bauang, La
    Union" at Bauang; a town named alone in the sentence is likelier part of a name or another
    place the story mentions."""
    ordered = sorted(places, key=lambda m: m.span.start)
    order: dict[int, int] = {}
    for before, after in pairwise(ordered):
        if 0 < after.span.start - before.span.end <= ADDRESS_GAP:
            order.setdefault(id(before), 0)
            order[id(after)] = 2
    return order


def _agreed_countries(
    places: Sequence[PlaceMention], context: PlaceMention | None = None
) -> set[str]:
    """The countries most of the places named belong to, each place counted once by name: a
    town read in another country than the district and province named with it is likelier a
    village the gazetteer does not know, read as a namesake abroad, than a place abroad.
    ``context``, the place the story was at before the sentence, counts too and settles a tie:
    "The bombing came a day after a U.S. delegation toured Afghanistan and Washington's envoy
    promised more aid" stays in Afghanistan when the story was in Jalalabad."""
    names: dict[str, set[str]] = {}
    for mention in [*places, *([context] if context is not None else [])]:
        if mention.place.country:
            names.setdefault(mention.place.country, set()).add(mention.place.name)
    if not names:
        return set()
    most = max(len(found) for found in names.values())
    agreed = {country for country, found in names.items() if len(found) == most}
    # A tie between a town and a province named as the area around it ("Bara, in the
    # countryside of Idleb", "the province of ..."): the province is the surer reading, the town
    # a village the gazetteer does not know, read as a namesake abroad. A province's name alone
    # is no surer than a town's ("Unity", "Eastern Province" are also words and other places).
    wide = {
        m.place.country
        for m in places
        if m.place.country in agreed and m.place.feature in REGIONS and m.relation == "region"
    }
    if wide:
        return wide
    if context is not None and context.place.country in agreed:
        return {context.place.country}
    return agreed


def precision_of(mention: PlaceMention) -> int:
    if mention.place.feature in DISTRICTS:
        return 2
    if mention.place.feature in WIDE_FEATURES or mention.relation == "region":
        return 3 if mention.place.feature in WIDE_FEATURES else 2
    return 1 if mention.relation == "at" and mention.place.feature != "sea" else 2


def choose_place(
    places: Sequence[PlaceMention], fallback: PlaceMention | None, anchor: int = 0
) -> tuple[PlaceMention | None, int]:
    """The event's place and its geo_precision; the last place named before, if none here.

    ``anchor`` is the document offset of the event word.
    """
    if places:
        agreed = _agreed_countries(places, fallback)
        address = _address_order(places)
        best = min(places, key=lambda mention: _rank(mention, anchor, agreed, address))
        return best, precision_of(best)
    if fallback is None:
        return None, 3
    # The event's sentence names no place: it is coded to the last one the article named, one
    # step less precise, as ACLED does for "nearby" locations.
    return fallback, min(3, precision_of(fallback) + 1)
