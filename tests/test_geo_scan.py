"""Finding names: longest known form, word by word, and the same answer however often a word
comes back."""

from __future__ import annotations

from conflictlens.geo import Geocoder
from conflictlens.geo.keys import packed_keys
from conflictlens.geo.scan import Found
from conflictlens.text.fold import fold
from conflictlens.text.normalise import normalise_text


def names(geocoder: Geocoder, text: str) -> list[str]:
    text = normalise_text(text)
    return [text[f.start : f.end] for f in geocoder._scanner.scan(text, fold(text))]


def found(geocoder: Geocoder, text: str) -> list[Found]:
    text = normalise_text(text)
    return geocoder._scanner.scan(text, fold(text))


def test_first_words_say_how_far_a_name_may_go_on() -> None:
    table = packed_keys({"gaza": 1, "gaza city": 2, "rio de janeiro": 3})
    assert table["gaza"] == 1 << 3 | 1
    assert table["gaza city"] == 2 << 3
    # "rio" and "rio de" name nothing, but a name of two or one more words starts with them.
    assert table["rio"] == 2 and table["rio de"] == 1
    assert table["rio de janeiro"] == 3 << 3


def test_a_name_is_read_to_its_longest_known_form(geocoder: Geocoder) -> None:
    text = "Shelling hit Rio de Janeiro, Gaza City and the Gaza Strip, then Ras al-Ain."
    assert names(geocoder, text) == ["Rio de Janeiro", "Gaza City", "Gaza Strip", "Ras al-Ain"]


def test_a_dot_ends_a_name_unless_it_closes_an_abbreviation(geocoder: Geocoder) -> None:
    assert names(geocoder, "Troops left Gaza. City officials said so.") == ["Gaza"]
    assert names(geocoder, "He flew to St. Louis on Monday.") == ["St. Louis"]


def test_the_last_word_of_a_name_may_be_inflected(geocoder: Geocoder) -> None:
    [hit] = found(geocoder, "Делегация прилетела из Нью-Йорка утром.")
    assert hit.key == "нью йорк"


def test_a_word_seen_before_is_read_the_same_in_a_new_place(geocoder: Geocoder) -> None:
    alone = "Обстріл Херсонської громади тривав."
    with_province = "Обстріл Херсонської області тривав, Херсонської громади теж."
    first = found(geocoder, alone)
    second = found(geocoder, with_province)
    assert [f.how for f in first] == ["adjective"]
    assert normalise_text(alone)[first[0].start : first[0].end] == "Херсонської"
    # The province word is part of the name where it follows, whatever was read before.
    spans = [normalise_text(with_province)[f.start : f.end] for f in second]
    assert spans == ["Херсонської області", "Херсонської"]
    assert found(geocoder, alone) == first


def test_a_plural_town_is_found_in_its_genitive(geocoder: Geocoder) -> None:
    found = geocoder.find_places(
        "Окупанти викрали двох мешканців Олешок.",
        fold("Окупанти викрали двох мешканців Олешок."),
        "uk",
    )
    assert [(m.span.text, m.place.name) for m in found] == [("Олешок", "Oleshky")]


def test_a_city_district_named_after_a_province_is_not_the_province(
    geocoder: Geocoder,
) -> None:
    text = "Ракета влучила в будинок у Київському районі міста Харкова."
    found = geocoder.find_places(text, fold(text), "uk")
    assert [m.place.name for m in found] == ["Kharkiv"]


def test_an_inflected_word_opening_a_sentence_is_no_place_without_support(
    geocoder: Geocoder,
) -> None:
    # "Решта" (the rest) is also Rasht's genitive; in the middle of a sentence, after a
    # preposition, it is the city.
    text = "Поліція затримала двох учасників акції. Решта учасників продовжили пікет."
    assert geocoder.find_places(text, fold(text), "uk") == []
    text = "Ракети влучили в іранське місто. Біля Решта було чути вибухи."
    found = geocoder.find_places(text, fold(text), "uk")
    assert [m.place.name for m in found] == ["Rasht"]


def test_a_cyrillic_name_gazetteer_knows_only_in_latin_is_read_in_latin(
    geocoder: Geocoder,
) -> None:
    text = "Боевики напали на колонну у Ансонго в области Гао, бои шли и в Кидале."
    found = geocoder.find_places(text, fold(text), "ru")
    assert [(m.span.text, m.place.name, m.place.country) for m in found] == [
        ("Ансонго", "Ansongo", "Mali"),
        ("Гао", "Gao", "Mali"),
        ("Кидале", "Kidal", "Mali"),
    ]


def test_a_unit_named_after_a_place_in_quotes_is_no_place(geocoder: Geocoder) -> None:
    text = "За словами речника угруповання «Харків», атаки біля Вовчанська відбито."
    found = geocoder.find_places(text, fold(text), "uk")
    assert [m.place.name for m in found] == ["Vovchansk"]
