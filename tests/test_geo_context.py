"""How the document's context picks among places of the same name (US local news above all)."""

from __future__ import annotations

from conflictlens.geo import Geocoder
from conflictlens.model import PlaceMention
from conflictlens.text.fold import fold
from conflictlens.text.normalise import normalise_text


def places(geocoder: Geocoder, text: str) -> list[PlaceMention]:
    text = normalise_text(text)
    return geocoder.find_places(text, fold(text), "en")


def where(found: list[PlaceMention], surface: str) -> list[tuple[str | None, str | None]]:
    """(country, province) of every mention whose text is ``surface``."""
    return [(m.place.country, m.place.admin1) for m in found if m.span.text == surface]


def test_the_province_most_of_the_document_is_in_wins(geocoder: Geocoder) -> None:
    """Three Missouri towns and one Tennessee town: the Rogersville is Missouri's, though
    Tennessee's is larger and Tennessee is named too."""
    found = places(
        geocoder,
        "Crews from Springfield, Joplin and Branson were sent to Rogersville, and one truck "
        "came from Knoxville.",
    )
    assert where(found, "Rogersville") == [("United States", "Missouri")]


def test_state_after_comma_narrows_to_that_state(geocoder: Geocoder) -> None:
    """ "Monroeville, Ala.": Alabama's town, not every American Monroeville (Pennsylvania's is
    larger, and Pittsburgh votes for Pennsylvania)."""
    found = places(
        geocoder, "The family came from Monroeville, Ala., and later settled near Pittsburgh."
    )
    assert where(found, "Monroeville") == [("United States", "Alabama")]


def test_a_county_with_a_possessive_is_the_county_not_the_town(geocoder: Geocoder) -> None:
    found = places(geocoder, "Deputies took the driver to Boone County's jail on Friday.")
    boone = [(m.span.text, m.place.feature) for m in found if m.span.text.startswith("Boone")]
    assert boone == [("Boone County", "admin2")]


def test_names_of_a_list_of_counties_are_no_towns(geocoder: Geocoder) -> None:
    found = places(geocoder, "Turnout was low in Jackson and Barrow counties on Tuesday.")
    assert found == []
    found = places(geocoder, "Schools in Clay, Douglas and Grant counties closed early.")
    assert found == []


def test_states_in_a_list_of_counties_stay_states(geocoder: Geocoder) -> None:
    found = places(geocoder, "Officials from Texas and Oklahoma counties met in Dallas.")
    assert where(found, "Texas") == [("United States", "Texas")]
    assert where(found, "Oklahoma") == [("United States", "Oklahoma")]


def test_a_demonym_is_no_town(geocoder: Geocoder) -> None:
    """ "Canadian" is a town in Texas and one in Australia; as a demonym it is no place."""
    assert places(geocoder, "He said Canadian winters were too long for him.") == []
    # A country name a demonym stem also covers stays the country.
    found = places(geocoder, "Troops left Afghanistan in the summer.")
    assert [m.place.feature for m in found] == ["country"]


def test_a_town_word_after_a_country_name_makes_it_a_town(geocoder: Geocoder) -> None:
    """ "A Lebanon woman" is from a town called Lebanon (the country's would be "Lebanese"),
    and so is every other mention of the name in the document."""
    found = places(geocoder, "A Lebanon woman was charged on Friday. Lebanon police said so.")
    assert len(found) == 2
    assert all(m.place.country == "United States" for m in found)


def test_a_town_under_another_spelling_is_no_support_for_itself(geocoder: Geocoder) -> None:
    """ "Dublin City Council" read as Ireland's capital must not vote for Ireland's Dublin: the
    Ohio town beside Columbus wins."""
    found = places(
        geocoder,
        "Dublin City Council met on Monday. Dublin officials thanked the council. Columbus "
        "police helped.",
    )
    assert where(found, "Dublin") == [("United States", "Ohio")]


def test_a_state_holding_the_other_places_is_read_as_the_state(geocoder: Geocoder) -> None:
    found = places(
        geocoder,
        "Lawmakers from Albany, Buffalo and Syracuse said New York would cut spending.",
    )
    assert [m.place.feature for m in found if m.span.text == "New York"] == ["admin1"]


def test_conflict_places_keep_their_reading(geocoder: Geocoder) -> None:
    """The rules above leave conflict news alone: a Syrian town named with its province."""
    found = places(geocoder, "Clashes were reported in Al-Shaddadi, in Hasakah province.")
    assert where(found, "Al-Shaddadi") == [("Syria", "Al Hasakah")]


def test_a_small_town_abroad_needs_support(geocoder: Geocoder) -> None:
    """ "Bulo" of "Bulo Burde" is a Philippine village's name too: in a text about Somalia it is
    no place, while a large city abroad still is."""
    found = places(
        geocoder,
        "Fighters attacked an army base near Bulo Burde in the Hiraan region of Somalia on Monday.",
    )
    assert all(m.place.country == "Somalia" for m in found)
    found = places(geocoder, "The minister flew from Mogadishu to Paris on Monday.")
    assert where(found, "Paris") == [("France", "Ile-de-France")]


def test_a_name_read_apart_is_no_support_for_itself(geocoder: Geocoder) -> None:
    """ "Estado de México" votes for the state, not for "México" the country named before it."""
    found = places(
        geocoder,
        "Los homicidios bajaron en México en 2024; Guanajuato, Chihuahua y el Estado de México "
        "siguen en cabeza.",
    )
    assert next(m.place.feature for m in found if m.span.text == "México") == "country"


def test_the_ends_of_a_road_are_towns_not_provinces(geocoder: Geocoder) -> None:
    """Tahoua is a town and the province it is the seat of; a road joins towns."""
    found = places(
        geocoder,
        "Une mine a explosé sur la route reliant Tahoua à Abalak, dans l'ouest du Niger.",
    )
    [tahoua] = [m for m in found if m.span.text == "Tahoua"]
    assert tahoua.place.feature == "city"


def test_an_abbreviation_without_its_dot_is_no_state(geocoder: Geocoder) -> None:
    found = places(geocoder, "Police dispersed worshippers after Mass in Nairobi.")
    assert [m.span.text for m in found] == ["Nairobi"]
    found = places(geocoder, "The fire in Boston, Mass., killed two.")
    assert where(found, "Mass") == [("United States", "Massachusetts")]
