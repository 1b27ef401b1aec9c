"""Actors ACLED names by what they guard, where they serve or whether they still serve; sites held
by the police; weapons that look like aircraft; and the country that names unnamed people.

Every sentence here is written for this file.
"""

from __future__ import annotations

from conflictlens import Document, Pipeline
from conflictlens.geo.homes import Home
from conflictlens.model import Event

VDP = "VDP: Volunteer for Defense of Homeland"


def _events(pipeline: Pipeline, text: str, home: Home | None = None) -> list[Event]:
    doc = Document(doc_id="t", text=text, lang="en", published=None)
    return pipeline.analyse(doc, home=home).events


def test_forest_guards_are_the_police_and_attacking_them_is_a_clash(pipeline: Pipeline) -> None:
    [event] = _events(
        pipeline, "On Tuesday, gunmen attacked forest guards near Fada N'Gourma, Burkina Faso."
    )
    assert event.sub_event_type == "Armed clash"
    assert event.actor2 == "Police Forces of Burkina Faso"


def test_prison_guards_are_the_police(pipeline: Pipeline) -> None:
    [event] = _events(
        pipeline, "On Friday, armed men shot dead two prison guards in Maiduguri, Nigeria."
    )
    assert event.event_type == "Battles"
    assert event.actor2 == "Police Forces of Nigeria"


def test_rangers_are_armed_forces(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "On Monday, militants ambushed Rangers in Karachi, Pakistan.")
    assert event.event_type == "Battles"
    assert event.actor2 == "Military Forces of Pakistan"


def test_a_retired_soldier_is_a_civilian(pipeline: Pipeline) -> None:
    [event] = _events(
        pipeline, "On Sunday, gunmen shot dead a retired soldier at his home in Kaduna, Nigeria."
    )
    assert event.event_type == "Violence against civilians"
    assert event.actor2 == "Civilians (Nigeria)"


def test_volunteer_fighters_are_the_homeland_volunteers(pipeline: Pipeline) -> None:
    [event] = _events(
        pipeline,
        "On Wednesday, volunteer fighters clashed with JNIM militants near Djibo, Burkina Faso.",
    )
    assert event.sub_event_type == "Armed clash"
    assert {event.actor1, event.actor2} == {VDP, "JNIM: Group for Support of Islam and Muslims"}


def test_opposition_fighters_are_an_armed_party(pipeline: Pipeline) -> None:
    [event] = _events(
        pipeline, "On Thursday, government forces shelled opposition fighters near Idlib, Syria."
    )
    assert event.actor2 == "Unidentified Armed Group (Syria)"


def test_a_police_station_is_a_target_not_a_doer(pipeline: Pipeline) -> None:
    [event] = _events(
        pipeline,
        "On Saturday, at the police station of Garissa, Kenya, two men on a motorbike opened "
        "fire and fled.",
    )
    assert event.actor1 == "Unidentified Armed Group (Kenya)"


def test_anti_aircraft_guns_fired_at_positions_are_not_an_air_strike(pipeline: Pipeline) -> None:
    [event] = _events(
        pipeline,
        "On Monday, rebels shelled army positions with anti-aircraft guns near Kadugli, Sudan.",
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_the_outlets_home_names_the_victims_of_a_group_from_elsewhere(
    pipeline: Pipeline,
) -> None:
    # No place the gazetteer knows: the group's home country is no better a guess than the
    # outlet's own.
    home = Home(countries={"BF": 1.0})
    [event] = _events(pipeline, "On Sunday, suspected JNIM militants killed three herders.", home)
    assert event.actor2 == "Civilians (Burkina Faso)"


def test_guards_hired_to_protect_a_site_are_private_security(pipeline: Pipeline) -> None:
    text = "Gunmen shot dead two security guards at a gold mine in Zamfara, Nigeria."
    [event] = pipeline.extract(Document("guards", text, lang="en"))
    assert (event.sub_event_type, event.actor2, event.inter2) == (
        "Armed clash",
        "Private Security Forces (Nigeria)",
        8,
    )


def test_the_group_that_claims_a_taking_took_it(pipeline: Pipeline) -> None:
    text = "Les rebelles du M23 ont affirmé jeudi avoir pris le contrôle de Sake, à 25 km de Goma."
    [event] = pipeline.extract(Document("sake", text, lang="fr"))
    assert (event.sub_event_type, event.actor1, event.claim_status) == (
        "Non-state actor overtakes territory",
        "M23: March 23 Movement",
        "claimed",
    )
