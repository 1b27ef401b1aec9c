"""Who did it to whom (coder/roles.py) and where (coder/places.py): the perpetrator, the target
and the place a reader would name; labels heading a report, a group named in brackets, the two
sides of a clash, a subject a count reads as the dead, a report in the passive, the province a
village is named in, and actors of the codebook a reader expects to see named."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pytest

from conflictlens import Document, Event, Pipeline
from conflictlens.coder.places import choose_place
from conflictlens.model import PartialDate, Place, PlaceMention, Span

TALIBAN = "Taliban"
SHABAAB = "Al Shabaab"
JNIM_OR_ISGS = "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
POKOT = "Pokot Ethnic Militia (Kenya)"
JNIM = "JNIM: Group for Support of Islam and Muslims"
HAMAS = "Hamas Movement"
GNA = "Military Forces of Libya (2016-) Government of National Accord"
LNA = "Military Forces of Libya (2014-) Haftar Faction"


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


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # a label heading the report names the event; the clause after it tells who did it
        (
            "Property destruction: On 10 March 2024, suspected Al Shabaab fighters burned a "
            "school in Garissa.",
            SHABAAB,
        ),
        (
            "Movement of forces: On 10 March 2024, Turkish troops entered Idlib province.",
            "Military Forces of Turkey",
        ),
        # the group in brackets is the one whose fighters did it
        (
            "On 10 March 2024, suspected Katiba Macina (JNIM) militants abducted a village "
            "chief near Djibo.",
            JNIM,
        ),
    ],
)
def test_the_perpetrator_stands_after_a_label_or_in_brackets(
    pipeline: Pipeline, text: str, actor1: str
) -> None:
    assert _only(pipeline, text).actor1 == actor1


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "On 10 March 2024, clashes broke out between Hamas fighters and Israeli troops in "
            "Khan Younis.",
            HAMAS,
            "Military Forces of Israel",
        ),
        # a clash "was reported": nobody speaks, both sides fought
        (
            "On 10 March 2024, a clash between GNA forces and LNA fighters was reported in "
            "Tripoli.",
            GNA,
            LNA,
        ),
    ],
)
def test_a_clash_told_before_its_sides_has_the_first_named_as_actor1(
    pipeline: Pipeline, text: str, actor1: str, actor2: str
) -> None:
    event = _only(pipeline, text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_the_sides_of_a_clash_are_not_its_counted_dead(pipeline: Pipeline) -> None:
    # named sides fought; "including 2 police" counts the dead and names no side
    text = "On 10 March 2024, clashes erupted between Al Shabaab fighters and police in Mandera."
    event = _only(pipeline, text)
    assert (event.actor1, event.actor2) == (SHABAAB, "Police Forces of Kenya")
    text = "On 10 March 2024, 13 people were killed in clashes near Kapedo, including 2 police."
    assert _events(pipeline, text)[0].actor1 != "Police Forces of Kenya"


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "On 10 March 2024, a soldier shot dead a farmer in Ouahigouya.",
            "Military Forces of Burkina Faso",
            "Civilians (Burkina Faso)",
        ),
        (
            "On 10 March 2024, a policeman shot and killed a young man in Kisumu.",
            "Police Forces of Kenya",
            "Civilians (Kenya)",
        ),
    ],
)
def test_the_subject_of_a_killing_is_not_its_victim(
    pipeline: Pipeline, text: str, actor1: str, actor2: str
) -> None:
    event = _only(pipeline, text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_a_count_that_runs_over_the_killer_keeps_the_dead_after_the_word(
    pipeline: Pipeline,
) -> None:
    event = _only(pipeline, "On 10 March 2024, a policeman shot and killed a motorist in Kisumu.")
    assert event.actor1 == "Police Forces of Kenya"
    # the dead before the word, the killers named in a phrase of their own
    event = _only(pipeline, "On 10 March 2024, two police officers killed in a shootout with SLDF.")
    assert event.actor1 == "SLDF: Sabaot Land Defence Force"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # a community's armed men are named after the country they act in
        (
            "On 10 March 2024, Fulani gunmen killed two farmers near Kalale, Benin.",
            "Fulani Ethnic Militia (Benin)",
        ),
        (
            "On 10 March 2024, Imbonerakure beat a man in Ngozi, Burundi.",
            "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy "
            "(Imbonerakure Faction)",
        ),
        (
            "On 10 March 2024, dahalo stole cattle and shot a herder in Ihosy, Madagascar.",
            "Dahalo Militia",
        ),
        (
            "On 10 March 2024, Administration Police officers shot dead a suspect.",
            "Police Forces of Kenya",
        ),
    ],
)
def test_more_actors_are_named(pipeline: Pipeline, text: str, actor1: str) -> None:
    assert _only(pipeline, text).actor1 == actor1


def test_two_factions_named_together_are_both_sides(pipeline: Pipeline) -> None:
    text = (
        "On 10 March 2024, heavy clashes between Sultan Suleiman Shah Brigade and Levant Front "
        "fighters were reported in Afrin."
    )
    event = _only(pipeline, text)
    assert (event.actor1, event.actor2) == ("Sultan Suleiman Shah Brigade", "JaS: Levant Front")


def _mention(
    start: int,
    name: str,
    country: str,
    feature: str = "city",
    relation: Literal["at", "near", "region"] = "at",
) -> PlaceMention:
    place = Place(name, country, None, 0.0, 0.0, feature)
    return PlaceMention(Span(start, start + len(name), name), place, relation)


def test_a_village_named_in_a_province_is_read_in_that_province_s_country() -> None:
    # "Abc in the countryside of Def": the village, unknown at home, is read as a namesake abroad.
    village = _mention(10, "Abc", "Nigeria")
    province = _mention(40, "Def", "Syria", feature="admin1", relation="region")
    chosen, _precision = choose_place([village, province], None, anchor=0)
    assert chosen is province


def test_people_who_attack_with_their_hands_are_a_mob(pipeline: Pipeline) -> None:
    text = "On 10 March 2024, a group of farmers attacked a herder with sticks near Kalale, Benin."
    assert _only(pipeline, text).actor1 == "Rioters (Benin)"
    # people with guns are armed men; people hurt in an attack are its victims
    text = "On 10 March 2024, two men shot a herder near Kalale, Benin."
    assert _only(pipeline, text).actor1 != "Rioters (Benin)"
    text = "On 10 March 2024, two activists were wounded in the attack near Kalale, Benin."
    assert _events(pipeline, text)[0].actor1 != "Rioters (Benin)"
