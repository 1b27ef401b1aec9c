"""An event's place and date are its own, not those of who tells of it or who suffered it."""

from __future__ import annotations

from conflictlens import Document, Pipeline
from conflictlens.model import Event, PartialDate

_PUBLISHED = PartialDate(2023, 11, 22)  # a Wednesday


def events(pipeline: Pipeline, text: str, lang: str = "en") -> list[Event]:
    return pipeline.extract(Document("own", text, lang=lang, published=_PUBLISHED))


def test_the_date_of_a_statement_is_not_the_events(pipeline: Pipeline) -> None:
    text = (
        "The Pentagon confirmed on Tuesday that a drone attack on Ain al-Asad air base in "
        "western Iraq on Monday left four U.S. service members with minor injuries."
    )
    (event,) = events(pipeline, text)
    assert event.event_date is not None and event.event_date.iso() == "2023-11-20"


def test_a_country_in_an_actors_name_is_not_the_place(pipeline: Pipeline) -> None:
    text = (
        "Two drones targeted the al-Tanf garrison in southeastern Syria on Monday. "
        "The second struck inside the base, causing minor injuries to two U.S. service members."
    )
    assert [e.location for e in events(pipeline, text)] == ["Al-Tanf"]
    text = (
        "Plusieurs roquettes ont été tirées lundi soir contre la base de la coalition à "
        "Al-Chaddadi. La Résistance islamique en Irak a revendiqué une frappe avec des roquettes "
        "contre la même base."
    )
    found = events(pipeline, text, "fr")
    assert [e.location for e in found] == ["Al-Shaddadi"]
    assert found[0].actor1 == "Islamic Resistance in Iraq"


def test_a_town_inside_a_named_groups_name_is_not_the_place(pipeline: Pipeline) -> None:
    """ "Sham" is Damascus, but inside "Ahrar al-Sham" it names the group; a town in a generic
    actor's words is still where the event was."""
    text = (
        "Fighting broke out on Monday between Ahrar al-Sham and the Hamza Division in the east"
        " of Al Bab, in the northern countryside of Aleppo."
    )
    assert [e.location for e in events(pipeline, text)] == ["Al Bāb"]
    text = "Kherson police said two civilians were killed by Russian shelling on Monday."
    assert [e.location for e in events(pipeline, text)] == ["Kherson"]


def test_a_capital_named_for_its_government_is_not_the_place(pipeline: Pipeline) -> None:
    """ "The Kabul government", "le régime de Damas", "حكومة بغداد" name who rules, not where the
    event was; local authorities report events where they sit."""
    text = (
        "Gunmen abducted two teachers on Monday, accusing them of working for the Kabul"
        " government, in a village of Wardak province."
    )
    assert [e.location for e in events(pipeline, text)] == ["Wardak"]
    text = (
        "Des hommes armés ont attaqué un poste militaire à Deraa lundi, tuant deux soldats,"
        " selon une ONG hostile au régime de Damas."
    )
    assert [e.location for e in events(pipeline, text, "fr")] == ["Dar‘ā"]
    text = "قتل مسلحون مجهولون جنديين يوم الاثنين في البصرة، وأدانت حكومة بغداد الهجوم."
    assert [e.location for e in events(pipeline, text, "ar")] == ["Basrah"]
    text = "Kherson authorities said Russian shelling killed two civilians on Monday."
    assert [e.location for e in events(pipeline, text)] == ["Kherson"]


def test_a_sentence_without_a_place_goes_on_where_the_last_event_was(
    pipeline: Pipeline,
) -> None:
    text = (
        "Plusieurs roquettes ont été tirées lundi soir contre la base de la coalition à "
        "Al-Chaddadi. Les FDS, alliées de Washington dans la lutte contre les jihadistes, n'ont "
        "pas commenté. Dans la nuit, la Résistance islamique en Irak a revendiqué une frappe "
        "avec des roquettes contre la même base."
    )
    found = events(pipeline, text, "fr")
    assert [(e.sub_event_type, e.location) for e in found] == [
        ("Shelling/artillery/missile attack", "Al-Shaddadi")
    ]
    assert found[0].actor1 == "Islamic Resistance in Iraq"


def test_earlier_the_same_day_is_the_day_of_the_event_told_before(pipeline: Pipeline) -> None:
    text = (
        "قُتل خمسة أشخاص مساء أمس الجمعة في هجوم انتحاري على سوق في مقديشو. "
        "وفي وقت سابق من اليوم ذاته، سقطت قذائف هاون قرب مطار مقديشو."
    )
    found = events(pipeline, text, "ar")
    assert [str(e.event_date) for e in found] == ["2023-11-17", "2023-11-17"]


def test_violence_against_civilians_names_them_even_when_nobody_is_hurt(
    pipeline: Pipeline,
) -> None:
    """An abduction of a mason or an election observer is against civilians by definition."""
    for text in (
        "On Sunday, hunters abducted an election observer near Savalou, in central Benin.",
        "On Monday, presumed militants kidnapped a mason near Karimama, in northern Benin.",
    ):
        (event,) = events(pipeline, text)
        assert (event.event_type, event.actor2) == (
            "Violence against civilians",
            "Civilians (Benin)",
        )
