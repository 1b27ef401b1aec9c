"""US counties are places with a point: "Laurel County" is the county, in the state the
document is about, and its towns keep their own names."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from conflictlens import Document, Pipeline
from conflictlens.codebook import CodebookFiles
from conflictlens.errors import GazetteerError
from conflictlens.geo import Geocoder
from conflictlens.geo.datafiles import load_geo_data
from conflictlens.geo.maketables import county_rows
from conflictlens.geo.sources import City
from conflictlens.model import PartialDate, PlaceMention
from conflictlens.text.fold import fold
from conflictlens.text.normalise import normalise_text


def places(geocoder: Geocoder, text: str) -> list[PlaceMention]:
    text = normalise_text(text)
    return geocoder.find_places(text, fold(text), "en")


def km(mention: PlaceMention, lat: float, lon: float) -> float:
    dlat = math.radians(mention.place.latitude - lat)
    dlon = math.radians(mention.place.longitude - lon) * math.cos(math.radians(lat))
    return 6371.0 * math.hypot(dlat, dlon)


def test_a_county_is_a_place_in_its_state(geocoder: Geocoder) -> None:
    found = places(geocoder, "A house burned in Laurel County on Tuesday, the sheriff said.")
    (county,) = [m for m in found if m.span.text == "Laurel County"]
    assert county.place.feature == "admin2"
    assert county.place.admin1 == "Kentucky"
    assert km(county, 37.11, -84.12) < 30  # London, Ky., its seat


def test_the_documents_state_picks_among_counties_of_one_name(geocoder: Geocoder) -> None:
    text = (
        "Flooding closed roads near Huntsville, Alabama, on Monday. Madison County schools "
        "will open late, officials said."
    )
    (county,) = [m for m in places(geocoder, text) if m.span.text == "Madison County"]
    assert county.place.admin1 == "Alabama"
    text = "Storms hit Richmond, Kentucky, overnight. Madison County crews cleared roads."
    (county,) = [m for m in places(geocoder, text) if m.span.text == "Madison County"]
    assert county.place.admin1 == "Kentucky"


def test_a_town_of_the_counties_name_stays_the_town(geocoder: Geocoder) -> None:
    found = places(geocoder, "The Jackson, Mississippi, council met on Monday.")
    (town,) = [m for m in found if m.span.text == "Jackson"]
    assert town.place.feature == "city"


def test_a_countys_point_is_its_towns_centre_weighted_by_people() -> None:
    rows = [
        {
            "lat": "10.0",
            "lon": "20.0",
            "name": "Bigtown",
            "admin1": "Kentucky",
            "admin2": "Elm County",
            "cc": "US",
        },
        {
            "lat": "11.0",
            "lon": "21.0",
            "name": "Smallville",
            "admin1": "Kentucky",
            "admin2": "Elm County",
            "cc": "US",
        },
        {
            "lat": "30.0",
            "lon": "40.0",
            "name": "Elsewhere",
            "admin1": "Ontario",
            "admin2": "Elm County",
            "cc": "CA",
        },
    ]
    cities = [
        City(1, "Bigtown", 10.0, 20.0, "US", "KY", 9000, ()),
        City(2, "Smallville", 11.0, 21.0, "US", "KY", 1000, ()),
    ]
    assert list(county_rows(rows, cities)) == ["US\tKY\tElm County\t10.1000\t20.1000\t10000"]


def test_a_bad_county_line_names_its_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "geo"
    folder.mkdir()
    (folder / "counties.tsv").write_text("# mine\nUS\tKY\tElm County\tnorth\t-84.1\t500\n")
    with pytest.raises(GazetteerError, match=r"counties\.tsv:2: expected country"):
        load_geo_data(CodebookFiles((tmp_path,)))


def test_a_users_county_line_replaces_the_shipped_one(tmp_path: Path) -> None:
    folder = tmp_path / "geo"
    folder.mkdir()
    (folder / "counties.tsv").write_text("US\tKY\tLaurel County\t37.2\t-84.2\t9999\n")
    counties = load_geo_data(CodebookFiles((tmp_path,))).counties
    laurel = [c for c in counties if (c.admin1, c.name) == ("KY", "Laurel County")]
    assert [(c.latitude, c.population) for c in laurel] == [(37.2, 9999)]


def test_a_small_county_of_the_documents_state_beats_a_large_namesake(
    geocoder: Geocoder,
) -> None:
    text = "Officials in Winchester, Kentucky, said Clark County schools will close on Monday."
    (county,) = [m for m in places(geocoder, text) if m.span.text == "Clark County"]
    assert county.place.admin1 == "Kentucky"


def test_an_event_in_a_county_is_coded_to_it_at_precision_two(pipeline: Pipeline) -> None:
    text = "Gunmen shot dead two sheriff deputies in Laurel County, Kentucky, on Monday."
    doc = Document("county", text, lang="en", published=PartialDate(2024, 5, 15))
    (event,) = pipeline.extract(doc)
    assert (event.location, event.admin1, event.geo_precision) == ("Laurel County", "Kentucky", 2)


def test_a_kenyan_or_liberian_county_is_its_province(geocoder: Geocoder) -> None:
    found = places(geocoder, "Raiders attacked herders in Turkana county on Sunday.")
    assert [(m.span.text, m.place.country, m.place.feature) for m in found] == [
        ("Turkana county", "Kenya", "admin1")
    ]
    found = places(geocoder, "Protesters blocked a road in Nimba County.")
    assert [(m.place.name, m.place.country) for m in found] == [("Nimba", "Liberia")]
