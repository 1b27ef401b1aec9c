"""Whose forces did it: the country an actor serves, the agent of a passive verb, named armies.

Every sentence here is written for this file.
"""

from __future__ import annotations

import pytest

from conflictlens import Document, Pipeline
from conflictlens.model import Event


def _events(pipeline: Pipeline, text: str, lang: str = "en") -> list[Event]:
    return pipeline.extract(Document(doc_id="t", text=text, lang=lang, published=None))


def test_forces_named_with_their_country_are_that_countrys(pipeline: Pipeline) -> None:
    text = (
        "On 3 June, the military forces of Armenia fired on positions of the military forces "
        "of Azerbaijan near Tovuz."
    )
    [event] = _events(pipeline, text)
    assert event.country == "Azerbaijan"
    assert event.actor1 == "Military Forces of Armenia"
    assert event.actor2 == "Military Forces of Azerbaijan"


def test_the_party_before_a_weapon_in_the_passive_owns_it(pipeline: Pipeline) -> None:
    [event] = _events(
        pipeline, "On Monday, two soldiers were killed by a Taliban grenade in Kandahar."
    )
    assert event.sub_event_type == "Grenade"
    assert event.actor1 == "Taliban"
    assert event.actor2 == "Military Forces of Afghanistan"


def test_a_named_group_attacking_a_place_is_news(pipeline: Pipeline) -> None:
    [event] = _events(pipeline, "On Sunday, suspected JNIM fighters attacked the village of Dori.")
    assert event.actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert event.location == "Dori"


def test_a_party_that_only_speaks_of_an_offensive_makes_no_event(pipeline: Pipeline) -> None:
    assert (
        _events(pipeline, "The factions accuse Washington of backing the offensive in Gaza.") == []
    )


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "On Friday, UPDF soldiers recaptured the town of Kotido from cattle raiders.",
            "Military Forces of Uganda",
        ),
        ("On Friday, IS militants attacked a checkpoint near Kirkuk.", "Islamic State (Iraq)"),
        # ACLED names the organisation's branch after the country it acts in (actors.yaml).
        ("Islamic State fighters attacked a village near Palmyra.", "Islamic State (Syria)"),
    ],
)
def test_armies_and_groups_known_by_acronyms(pipeline: Pipeline, text: str, actor1: str) -> None:
    [event] = _events(pipeline, text)
    assert event.actor1 == actor1


def test_a_national_army_retaking_a_town_regains_territory(pipeline: Pipeline) -> None:
    [event] = _events(
        pipeline, "On Friday, UPDF soldiers recaptured the town of Kotido from cattle raiders."
    )
    assert event.sub_event_type == "Government regains territory"


def test_police_named_at_a_riot_are_its_other_side(pipeline: Pipeline) -> None:
    text = "On Tuesday, rioting students burned tyres in Kisumu while police watched."
    [event] = _events(pipeline, text)
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1 == "Rioters (Kenya)"
    assert event.actor2 == "Police Forces of Kenya"


def test_forces_named_after_a_former_president_are_the_governments(pipeline: Pipeline) -> None:
    [event] = _events(
        pipeline, "On 5 May, pro-Hadi forces repelled an attack by Houthi fighters in Marib."
    )
    assert event.actor1 == "Military Forces of Yemen"
