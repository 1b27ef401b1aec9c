"""More of how a name's place is chosen: the states ambiguous names share, lists of provinces or
countries, and words that make a name part of another place's name."""

from __future__ import annotations

from conflictlens.geo import Geocoder
from conflictlens.model import PlaceMention
from conflictlens.text.fold import fold
from conflictlens.text.normalise import normalise_text


def places(geocoder: Geocoder, text: str) -> list[PlaceMention]:
    text = normalise_text(text)
    return geocoder.find_places(text, fold(text), "en")


def where(found: list[PlaceMention]) -> dict[str, tuple[str | None, str | None]]:
    """(country, province) of each name found."""
    return {m.span.text: (m.place.country, m.place.admin1) for m in found}


def test_ambiguous_towns_settle_in_the_state_they_share(geocoder: Geocoder) -> None:
    """Marion, Lebanon and Springfield each name towns of many states (and a country), but
    all three lie in Ohio: the list reads as Ohio's towns, not as the largest namesakes."""
    found = places(geocoder, "Schools in Marion, Lebanon and Springfield closed early.")
    ohio = ("United States", "Ohio")
    assert where(found) == {"Marion": ohio, "Lebanon": ohio, "Springfield": ohio}


def test_saint_before_a_name_makes_another_town(geocoder: Geocoder) -> None:
    """St. Paris is a village of its own, not Paris."""
    found = places(geocoder, "A fire destroyed a barn just west of St. Paris on Tuesday night.")
    assert all("Paris" not in m.place.name for m in found)


def test_colony_after_a_state_name_is_no_state(geocoder: Geocoder) -> None:
    found = places(geocoder, "A man from Tennessee Colony was arrested on Friday.")
    assert all(m.place.feature != "admin1" for m in found)


def test_a_township_abbreviation_is_no_town_of_that_name(geocoder: Geocoder) -> None:
    found = places(geocoder, "She grew up in Madison Twp. and moved away in 1990.")
    assert all(not m.span.text.startswith("Madison") for m in found)


def test_a_name_listed_among_states_is_the_state(geocoder: Geocoder) -> None:
    found = places(
        geocoder, "Measles cases were reported in Ohio, Oregon, Washington and Utah this spring."
    )
    assert where(found)["Washington"] == ("United States", "Washington")
    assert where(found)["Oregon"] == ("United States", "Oregon")


def test_names_listed_among_countries_are_the_countries(geocoder: Geocoder) -> None:
    """Niger and Chad are also words; in a list of countries they are the countries."""
    found = places(geocoder, "Aid went to Ghana, Niger, Chad and Togo last year.")
    assert {m.span.text: m.place.feature for m in found} == dict.fromkeys(
        ["Ghana", "Niger", "Chad", "Togo"], "country"
    )


def test_a_country_before_a_comma_and_another_country_is_a_list(geocoder: Geocoder) -> None:
    """ "Iraq, Iran" is no Iranian town called Iraq."""
    found = places(geocoder, "Officials from Armenia, Georgia, Iraq, Iran and Syria met on Monday.")
    assert where(found)["Iraq"] == ("Iraq", None)


def test_a_small_town_heading_a_longer_proper_name_is_no_place(geocoder: Geocoder) -> None:
    """A "Simba Coach" bus is a company's, not the Kenyan village of Simba; "Nyeri Town" is
    still the place, and so is a town before a weekday."""
    found = places(geocoder, "A Simba Coach bus overturned near Malindi on the coast road.")
    assert [m.span.text for m in found] == ["Malindi"]
    found = places(geocoder, "Residents of Nyeri Town protested. Clashes in Wajir Monday hurt two.")
    assert [m.span.text for m in found] == ["Nyeri", "Wajir"]


def test_a_country_that_is_also_a_word_is_the_place_after_a_preposition(
    geocoder: Geocoder,
) -> None:
    """Chad and Jordan are also given names: after "to" or "in" they are the countries,
    after "of" (the family of Jordan Smith) they stay no place."""
    found = places(geocoder, "Thousands of refugees fled from Darfur to Chad last week.")
    assert where(found)["Chad"] == ("Chad", None)
    assert not places(geocoder, "Aid workers said the family of Jordan Smith was safe.")


def test_australian_state_abbreviations(geocoder: Geocoder) -> None:
    found = places(geocoder, "Floods hit northern N.S.W. and south-east Qld on Monday.")
    assert where(found) == {
        "N.S.W.": ("Australia", "New South Wales"),
        "Qld": ("Australia", "Queensland"),
    }


def test_an_arabic_country_name_that_is_also_a_word_is_the_country_after_a_preposition(
    geocoder: Geocoder,
) -> None:
    """المغرب is Morocco and also the sunset prayer: after في it is the country."""
    found = places(geocoder, "وصل الوفد امس الى المغرب في زيارة رسمية")
    assert [(m.span.text, m.place.country) for m in found] == [("المغرب", "Morocco")]
    assert not places(geocoder, "ادى المصلون صلاة المغرب في المسجد")


def test_a_football_club_named_after_its_town_is_no_place(geocoder: Geocoder) -> None:
    found = places(geocoder, "Real Madrid beat Manchester United 2-1 at home in Madrid.")
    assert [m.span.text for m in found] == ["Madrid"]
    found = places(geocoder, "فاز ريال مدريد على مانشستر يونايتد في لندن")
    assert [m.span.text for m in found] == ["لندن"]


def test_an_arabic_town_name_that_is_also_a_word_needs_the_documents_support(
    geocoder: Geocoder,
) -> None:
    """العمارة is Amarah and also "architecture", البيضاء Al-Bayda and also "white", صور Tyre
    and also "pictures"."""
    assert not places(geocoder, "تعكس المباني العمارة الاسلامية العريقة")
    assert not places(geocoder, "تتواجد الاسود البيضاء في حالة برية")
    found = places(geocoder, "قصفت طائرات اسرائيلية مدينة صور في جنوب لبنان")
    assert where(found)["صور"] == ("Lebanon", "South")


def test_a_name_never_ends_inside_a_word_at_an_apostrophe(geocoder: Geocoder) -> None:
    """The "At Ta" of "At Ta'mim" (Kirkuk's old name) is no Chinese town; "Kabul's" is Kabul."""
    found = places(geocoder, "A bomb went off in Dibs, At Ta'mim, Iraq. Kabul's police said.")
    assert where(found) == {
        "Dibs": ("Iraq", "Kirkuk"),
        "At Ta'mim": ("Iraq", "Kirkuk"),
        "Iraq": ("Iraq", None),
        "Kabul": ("Afghanistan", "Kabul"),
    }


def test_al_before_a_name_of_the_conflict_countries_is_its_article(geocoder: Geocoder) -> None:
    """In "Al Muqdadiyah", the Iraqi town, "Al" is no given name as in "Al Smith"."""
    found = places(geocoder, "On Thursday, in Al Muqdadiyah, Diyala, a car bomb exploded.")
    assert where(found)["Muqdadiyah"] == ("Iraq", "Diyala")


def test_jammu_and_kashmir_is_the_state_not_the_city_of_jammu(geocoder: Geocoder) -> None:
    found = places(geocoder, "In Tahab, Pulwama, Jammu and Kashmir, India, a bomb went off.")
    assert where(found)["Jammu and Kashmir"] == ("India", "Kashmir")
    assert "Jammu" not in where(found)


def test_a_province_after_a_town_and_a_comma_is_the_province_not_its_capital(
    geocoder: Geocoder,
) -> None:
    found = places(geocoder, "On Tuesday, in Sungai Kolok, Narathiwat, Thailand, a man was shot.")
    assert [(m.span.text, m.place.feature) for m in found] == [
        ("Sungai Kolok", "city"),
        ("Narathiwat", "admin1"),
        ("Thailand", "country"),
    ]


def test_a_village_missing_from_the_province_named_after_it_is_no_namesake_elsewhere(
    geocoder: Geocoder,
) -> None:
    """No Bohdanivka of Donetsk province is in the gazetteer: the one of another province is
    not it. A list of names ("Kupiansk, Donetsk and Zaporizhzhia") keeps every name."""
    found = places(geocoder, "Rebel forces fired small arms near Bohdanivka, Donetsk.")
    assert [m.span.text for m in found] == ["Donetsk"]
    found = places(geocoder, "Shelling hit Kupiansk, Donetsk and Zaporizhzhia.")
    assert [m.span.text for m in found] == ["Kupiansk", "Donetsk", "Zaporizhzhia"]


def test_a_garden_or_square_named_after_a_town_is_no_town(geocoder: Geocoder) -> None:
    found = places(geocoder, "Акция прошла в Александровском саду в Москве.")
    assert [m.span.text for m in found] == ["Москве"]
    found = places(geocoder, "Мітинг відбувся на Харківській площі в Сумах.")
    assert [m.span.text for m in found] == ["Сумах"]


def test_a_town_inside_a_quoted_title_is_no_place_but_one_in_quoted_speech_is(
    geocoder: Geocoder,
) -> None:
    found = places(geocoder, "Un drone a visé le pétrolier « Ocean Pearl » en mer Rouge.")
    assert [m.span.text for m in found] == ["mer Rouge"]
    found = places(geocoder, 'Missiles hit the tanker "Ocean Pearl" in the Red Sea.')
    assert [m.span.text for m in found] == ["Red Sea"]
    found = places(geocoder, '"The shelling of Kupiansk goes on," the governor said.')
    assert [m.span.text for m in found] == ["Kupiansk"]


def test_a_province_named_like_its_seat_is_the_town_unless_a_province_word_says_so(
    geocoder: Geocoder,
) -> None:
    """Kherson the city (whose GeoNames population is small) and Zaporizhzhia in its locative
    case are the towns; the oblast needs its own word."""
    features = {
        m.span.text: m.place.feature
        for m in places(
            geocoder,
            "Уночі ракета влучила в будинок у Херсоні, а дрони атакували підстанцію в Запоріжжі."
            " Обстріли тривають по всій Херсонщині та в Запорізькій області.",
        )
    }
    assert features == {
        "Херсоні": "city",
        "Запоріжжі": "city",
        "Херсонщині": "admin1",
        "Запорізькій області": "admin1",
    }
    assert [m.place.feature for m in places(geocoder, "Shelling hit Kherson overnight.")] == [
        "city"
    ]


def test_afghan_provinces_go_by_the_names_news_copy_uses(geocoder: Geocoder) -> None:
    """GeoNames spells them Vardak, Lowgar, Konar; a province whose seat bears another name
    ("Laghman", whose seat Mehtar Lam GeoNames also calls Laghman) stays the province, while
    Herat, named like its seat, is the city."""
    found = places(
        geocoder,
        "Gunmen attacked a checkpoint in Wardak and a convoy in Logar; a mortar hit a school in"
        " Kunar, a bomb went off in Laghman and a clinic was looted in Herat.",
    )
    assert {m.span.text: (m.place.name, m.place.feature) for m in found} == {
        "Wardak": ("Wardak", "admin1"),
        "Logar": ("Logar", "admin1"),
        "Kunar": ("Kunar", "admin1"),
        "Laghman": ("Laghman", "admin1"),
        "Herat": ("Herāt", "city"),
    }


def test_somalia_s_member_states_say_the_text_is_about_somalia(geocoder: Geocoder) -> None:
    """A Puntland note's "Bari" is the Somali province, not Italy's city, which a text about
    Italy still reads."""
    found = places(
        geocoder, "Gunmen attacked a Puntland police post near the port of Bosaso, Bari region."
    )
    assert {m.span.text: m.place.country for m in found} == {
        "Puntland": "Somalia",
        "Bosaso": "Somalia",
        "Bari region": "Somalia",
    }
    found = places(geocoder, "Militants attacked a Puntland checkpoint in Qardho, Bari.")
    assert [(m.place.name, m.place.country) for m in found if m.span.text == "Bari"] == [
        ("Bari", "Somalia")
    ]
    found = places(geocoder, "Flights from Bari to Milan were cancelled.")
    assert [m.place.country for m in found] == ["Italy", "Italy"]
