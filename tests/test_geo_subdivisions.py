"""Provinces spelt as ISO 3166-2 spells them are found too."""

from __future__ import annotations

from conflictlens.geo import Geocoder
from conflictlens.geo.subdivisions import subdivision_aliases
from conflictlens.text.fold import fold

GENERIC = frozenset({"province", "region", "sheng"})
DIRECTIONS = frozenset({"east", "west"})


def test_a_subdivision_spelt_otherwise_becomes_another_name_of_its_province() -> None:
    provinces = {"39": "Oruzgan", "17": "Lowgar", "42": "Kabul"}
    subdivisions = ["Uruzgān Province", "Lōgar Province", "Kābul Province"]
    assert subdivision_aliases(provinces, subdivisions, GENERIC, DIRECTIONS) == {
        "39": ["Uruzgān"],
        "17": ["Lōgar"],
    }


def test_near_namesakes_are_never_taken_for_each_other() -> None:
    # Shanxi and Shaanxi are two provinces; East and West New Britain too.
    provinces = {"24": "Shanxi", "26": "Shaanxi", "17": "West New Britain"}
    subdivisions = ["Shanxi Sheng", "Shaanxi Sheng", "East New Britain"]
    assert subdivision_aliases(provinces, subdivisions, GENERIC, DIRECTIONS) == {}


def test_a_province_is_found_by_its_official_spelling(geocoder: Geocoder) -> None:
    text = "A thief was killed by villagers in Tantega (Materi, Atacora)."
    found = {m.span.text: m.place for m in geocoder.find_places(text, fold(text), "en")}
    assert (found["Atacora"].feature, found["Atacora"].country) == ("admin1", "Benin")
