"""An event's toll as ACLED counts it: every death of the event, attackers included; a toll told
in a sentence of its own is the toll of the event before it; a protest counts no deaths of what
it is about."""

from __future__ import annotations

import pytest

from conflictlens import Pipeline
from conflictlens.model import Document, Event, PartialDate


def _events(pipeline: Pipeline, text: str, lang: str = "en") -> list[Event]:
    doc = Document(doc_id="t", text=text, lang=lang, published=PartialDate.parse("2025-03-12"))
    return pipeline.extract(doc)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "On 10 March, gunmen attacked a police post in Kidal, killing four policemen. "
            "Three attackers were also killed.",
            "en",
            7,
        ),
        (
            "On 10 March, gunmen attacked a police post in Kidal, killing four policemen. "
            "Officials said two assailants also died.",
            "en",
            6,
        ),
        (
            "Le 10 mars, des hommes armés ont attaqué un poste de police à Kidal, tuant quatre "
            "policiers. Trois assaillants ont aussi été tués.",
            "fr",
            7,
        ),
        (
            "El 10 de marzo, hombres armados atacaron un puesto de policía en Kidal y mataron a "
            "cuatro policías. Tres atacantes también murieron.",
            "es",
            7,
        ),
    ],
)
def test_deaths_told_as_more_add_to_the_toll(
    pipeline: Pipeline, text: str, lang: str, expected: int
) -> None:
    events = _events(pipeline, text, lang)
    assert len(events) == 1
    assert events[0].fatalities == expected


def test_another_report_of_the_same_deaths_keeps_the_lowest(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "On 10 March, gunmen attacked a police post in Kidal, killing four policemen. "
        "The local council also reported six deaths.",
    )
    assert [e.fatalities for e in events] == [4]


def test_more_deaths_in_the_same_sentence_add_up(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "On 10 March, militants ambushed an army patrol near Gao, killing two soldiers; five "
        "militants were also killed.",
    )
    assert [e.fatalities for e in events] == [7]


def test_a_toll_in_a_sentence_of_its_own_is_the_event_before(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "On 10 March, rioters burned tyres and looted shops in Parakou. Two people were killed.",
    )
    assert len(events) == 1
    assert events[0].fatalities == 2


def test_a_killing_after_an_arrest_stays_an_event(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "On 10 March, police arrested a trader in Parakou. Two people were killed.",
    )
    assert len(events) == 2


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On 10 March, hundreds of students marched in Nairobi to protest the killing of "
            "two classmates by unknown men.",
            "en",
        ),
        (
            "Le 10 mars, des centaines d'habitants ont manifesté à Bamako contre l'assassinat de "
            "deux commerçants.",
            "fr",
        ),
    ],
)
def test_a_protest_counts_no_deaths_of_what_it_is_about(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    protests = [e for e in _events(pipeline, text, lang) if e.event_type == "Protests"]
    assert protests
    assert all(e.fatalities is None for e in protests)


def test_the_other_sides_dead_told_next_add_to_the_toll(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "On 10 March, militants attacked a police post in Kidal, killing four policemen. "
        "Three militants were killed.",
    )
    assert [e.fatalities for e in events] == [7]


def test_the_same_sides_dead_told_next_are_the_same_deaths(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "On 10 March, militants attacked a police post in Kidal, killing four policemen. "
        "Two policemen were killed.",
    )
    assert [e.fatalities for e in events] == [4]


def test_a_riot_counts_no_death_that_set_it_off(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "On 10 March, youths burned tyres and blocked the highway in Eldoret after a trader "
        "was killed by robbers.",
    )
    assert events
    assert all(e.fatalities is None for e in events)
