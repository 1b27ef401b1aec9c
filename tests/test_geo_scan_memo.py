"""The scanner's shortcuts (a word's decision remembered, a run of one word read without walking
it) give the same names as the full reading, wherever the word stands and however often it
comes back."""

from __future__ import annotations

import pytest

from conflictlens.geo import Geocoder
from conflictlens.text.fold import fold
from conflictlens.text.normalise import normalise_text


def readings(geocoder: Geocoder, text: str) -> list[tuple[str, str]]:
    text = normalise_text(text)
    return [(text[f.start : f.end], f.how) for f in geocoder._scanner.scan(text, fold(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of Shabaab attacked.",
        "Shabaab",
        "Shabaab-held towns",
        "Shabaab an hour ago",
        "Gunmen from Shabaab Fighters came.",
    ],
)
def test_a_name_read_by_its_spelling_skeleton_is_found_wherever_it_stands(
    geocoder: Geocoder, text: str
) -> None:
    assert readings(geocoder, text) == [("Shabaab", "skeleton")]


def test_capitalised_words_that_open_no_name_stay_no_names(geocoder: Geocoder) -> None:
    for _ in range(3):  # the second reading comes from the memo
        assert readings(geocoder, "The police said so. Police The Monday") == []
        assert readings(geocoder, "The Hague said so.") == [("The Hague", "exact")]


def test_a_word_reads_the_same_the_second_time(geocoder: Geocoder) -> None:
    text = "Shelling hit Херсоні and Kherson; Shabaab fled from Gaza City to Rafah."
    first = readings(geocoder, text)
    assert first == readings(geocoder, text)
    assert ("Херсоні", "stem") in first and ("Gaza City", "exact") in first
