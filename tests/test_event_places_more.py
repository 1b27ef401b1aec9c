"""Which of the places an article names is its event's, and who stands on each side when the
one who tells of the event is named beside it."""

from __future__ import annotations

import datetime as dt

from conflictlens import Document, Event, Pipeline
from conflictlens.model import PartialDate


def _events(pipeline: Pipeline, text: str, lang: str = "en") -> list[Event]:
    doc = Document(
        doc_id="event-places-more",
        text=text,
        lang=lang,
        published=PartialDate.of(dt.date(2024, 5, 20)),
    )
    return pipeline.extract(doc)


def _only(pipeline: Pipeline, text: str, lang: str = "en") -> Event:
    events = _events(pipeline, text, lang)
    assert len(events) == 1, [(e.sub_event_type, e.location) for e in events]
    return events[0]


def test_the_place_an_address_opens_beats_a_town_inside_a_name(pipeline: Pipeline) -> None:
    event = _only(
        pipeline,
        "On Tuesday, gunmen set fire to the Hollywood Star diner in Lansing, Michigan, "
        "United States, injuring two guards.",
    )
    assert event.location == "Lansing"


def test_the_first_town_of_an_address_is_the_event_s_not_the_area_after_it(
    pipeline: Pipeline,
) -> None:
    event = _only(
        pipeline,
        "On Sunday, in Bauang, La Union, Philippines, rebels ambushed a police patrol, "
        "killing three officers.",
    )
    assert event.location == "Bauang"


def test_a_capital_named_for_its_government_does_not_move_the_event(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "On Wednesday, in Jalalabad, Nangarhar Province, Afghanistan, a man drove a truck full "
        "of explosives into a police convoy. Six officers died in the blast. The bombing came a "
        "day after a U.S. delegation toured Afghanistan and Washington's envoy promised more aid.",
    )
    assert [e.country for e in events] == ["Afghanistan"]
    assert events[0].location != "Washington"


def test_a_source_after_a_comma_is_not_the_party_before_it(pipeline: Pipeline) -> None:
    event = _only(
        pipeline,
        "Russian air defences destroyed 12 Ukrainian drones over the Kursk region overnight, "
        "the defence ministry in Moscow said.",
    )
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1 == "Military Forces of Russia"
    assert event.actor2 == "Military Forces of Ukraine"


def test_police_who_report_an_attack_after_it_are_not_its_target(pipeline: Pipeline) -> None:
    # "... according to what the Somali police announced"
    event = _only(
        pipeline,
        "قتل خمسة أشخاص في هجوم استهدف سوقا شعبيا في مدينة بيدوا، وفق ما أعلنته الشرطة الصومالية.",
        lang="ar",
    )
    assert event.actor2 == "Civilians (Somalia)"
