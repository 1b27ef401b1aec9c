"""Who did it to whom (coder/roles.py) and where (coder/places.py): the perpetrator, the target
and the place a reader would name."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictlens import Document, Event, Pipeline
from conflictlens.coder.places import choose_place
from conflictlens.model import PartialDate, Place, PlaceMention, Span

TALIBAN = "Taliban"
SHABAAB = "Al Shabaab"
JNIM_OR_ISGS = "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
POKOT = "Pokot Ethnic Militia (Kenya)"


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    doc = Document(
        doc_id="roles-test",
        text=text,
        lang="en",
        published=PartialDate.of(dt.date(2024, 3, 12)),
    )
    return pipeline.extract(doc)


def _only(pipeline: Pipeline, text: str) -> Event:
    events = _events(pipeline, text)
    assert len(events) == 1, [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    return events[0]


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # the subject of an event told "reportedly" did it
        (
            "Soldiers reportedly killed four militants in Kandahar.",
            "Military Forces of Afghanistan",
        ),
        # "an ambush by X": X did it to the counted victims
        ("Three policemen were wounded in an ambush by Taliban fighters in Kandahar.", TALIBAN),
        # a chain of verbs: the first verb's subject did the last
        (
            "Al Shabaab fighters attacked the police post in Mandera, killing an officer and "
            "abducting two others.",
            SHABAAB,
        ),
        # the target of an earlier verb does not become the perpetrator
        ("Al Shabaab fighters stormed a hotel in Mogadishu using grenades.", SHABAAB),
        # an either-or attribution keeps both groups
        ("Suspected JNIM or ISGS militants attacked soldiers near Djibo.", JNIM_OR_ISGS),
        ("Pokot raiders shot dead a herder near Kapedo.", POKOT),
    ],
)
def test_the_perpetrator_is_found(pipeline: Pipeline, text: str, actor1: str) -> None:
    assert _only(pipeline, text).actor1 == actor1


def test_the_victims_of_an_ambush_are_its_target(pipeline: Pipeline) -> None:
    event = _only(
        pipeline, "Three policemen were wounded in an ambush by Taliban fighters in Kandahar."
    )
    assert event.actor2 == "Police Forces of Afghanistan"


def test_the_counted_dead_are_the_target(pipeline: Pipeline) -> None:
    event = _only(
        pipeline, "Taliban fighters shelled a checkpoint in Kandahar, killing 2 soldiers."
    )
    assert event.actor1 == TALIBAN
    assert event.actor2 == "Military Forces of Afghanistan"


@pytest.mark.parametrize(
    "text",
    [
        # the police only report who did it
        "Police said gunmen killed two traders in Nairobi.",
        # the police report a killing told in the passive
        "Police said three villagers were killed in Nairobi.",
    ],
)
def test_a_speaker_that_only_reports_is_not_the_perpetrator(pipeline: Pipeline, text: str) -> None:
    assert _only(pipeline, text).actor1 != "Police Forces of Kenya"


def test_a_nationality_on_the_strike_beats_the_speaker(pipeline: Pipeline) -> None:
    text = "A Hezbollah member was killed in an Israeli drone strike in Nabatieh, the agency said."
    assert _only(pipeline, text).actor1 == "Military Forces of Israel"


def test_an_air_strike_on_a_group_is_not_the_group_s(pipeline: Pipeline) -> None:
    event = _only(pipeline, "An air strike on Al Shabaab positions near Jilib destroyed a depot.")
    assert event.actor1 != SHABAAB


def _mention(start: int, name: str, country: str, feature: str = "city") -> PlaceMention:
    place = Place(name, country, None, 0.0, 0.0, feature)
    return PlaceMention(Span(start, start + len(name), name), place)


def test_a_town_read_abroad_gives_way_to_the_places_named_with_it() -> None:
    # "Abc (Def, Ghi)": the village is read as a namesake abroad, its district and province are
    # in one country.
    village = _mention(10, "Abc", "Philippines")
    district = _mention(15, "Def", "Benin")
    province = _mention(20, "Ghi", "Benin", "admin1")
    chosen, _precision = choose_place([village, district, province], None, anchor=0)
    assert chosen is district


def test_without_agreement_the_most_specific_place_nearest_the_event_wins() -> None:
    first = _mention(10, "Abc", "Philippines")
    second = _mention(40, "Def", "Benin")
    chosen, _precision = choose_place([second, first], None, anchor=0)
    assert chosen is first


def test_troops_after_their_army_s_statement_are_that_army_s(pipeline: Pipeline) -> None:
    text = "The Israeli army said its soldiers shot dead two gunmen in Jenin."
    assert _only(pipeline, text).actor1 == "Military Forces of Israel"


def test_confirming_an_attack_is_not_carrying_it_out(pipeline: Pipeline) -> None:
    text = "The Malian army confirmed the attack in Gao, which killed three soldiers."
    assert _only(pipeline, text).actor1 != "Military Forces of Mali"
