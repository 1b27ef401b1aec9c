"""Armed men ACLED names by their community or kind rather than by a group's name: ethnic and
communal militias ("Pokot Ethnic Militia (Kenya)", "Unidentified Communal Militia (Benin)") and
criminal gangs ("Unidentified Gang (Mexico)"), in English and French."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictlens import Document, Event, Pipeline
from conflictlens.codebook import CodebookFiles
from conflictlens.coder.lexicon import ActorNamer, of_group
from conflictlens.model import PartialDate


def _only(pipeline: Pipeline, text: str, lang: str = "en") -> Event:
    doc = Document(
        doc_id="actors-more",
        text=text,
        lang=lang,
        published=PartialDate.of(dt.date(2024, 5, 20)),
    )
    events = pipeline.extract(doc)
    assert len(events) == 1, [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    return events[0]


def test_a_community_names_its_militia_after_the_country_it_acts_in() -> None:
    namer = ActorNamer.load(CodebookFiles())
    assert namer.name(of_group("ethnic_militia", "Pokot"), "Uganda") == (
        "Pokot Ethnic Militia (Uganda)"
    )
    assert namer.name("ethnic_militia", "Kenya") == "Unidentified Ethnic Militia (Kenya)"
    assert namer.inter(of_group("ethnic_militia", "Pokot")) == 4
    # people of a community are civilians until they fight
    assert namer.name(of_group("civilians", "Fulani"), "Benin") == "Civilians (Benin)"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Ethnic militiamen shot dead three herders near Garissa, Kenya, on Sunday.",
            "Unidentified Ethnic Militia (Kenya)",
        ),
        (
            "Cattle rustlers attacked a village near Baringo, Kenya, and stole 200 goats.",
            "Unidentified Ethnic Militia (Kenya)",
        ),
        (
            "A communal militia attacked a village near Djibo, Burkina Faso, on Monday.",
            "Unidentified Communal Militia (Burkina Faso)",
        ),
        (
            "A criminal gang shot dead a shopkeeper in Acapulco, Mexico, on Friday.",
            "Unidentified Gang (Mexico)",
        ),
        (
            "Dinka raiders attacked a cattle camp near Rumbek, South Sudan, killing five herders.",
            "Dinka Ethnic Militia (South Sudan)",
        ),
        (
            "Bariba farmers armed with rifles attacked a Fulani camp near Kalale, Benin.",
            "Bariba Ethnic Militia (Benin)",
        ),
    ],
)
def test_armed_men_of_a_community_or_a_gang(pipeline: Pipeline, text: str, actor1: str) -> None:
    event = _only(pipeline, text)
    assert event.actor1 == actor1
    assert event.inter1 == (3 if "Gang" in actor1 else 4)


def test_two_communities_named_together_are_the_two_sides(pipeline: Pipeline) -> None:
    event = _only(
        pipeline, "Fighting broke out between Lendu and Hema militias near Bunia, DR Congo."
    )
    assert (event.actor1, event.actor2) == (
        "Lendu Ethnic Militia (Democratic Republic of Congo)",
        "Hema Ethnic Militia (Democratic Republic of Congo)",
    )


def test_the_attackers_community_is_not_the_victims(pipeline: Pipeline) -> None:
    # herders of a community who are killed stay civilians; the gunmen beside a community's
    # name are its militia
    event = _only(pipeline, "Dinka gunmen killed two Nuer herders near Rumbek, South Sudan.")
    assert (event.actor1, event.actor2) == (
        "Dinka Ethnic Militia (South Sudan)",
        "Civilians (South Sudan)",
    )


def test_french_herders_of_a_community_who_shoot_are_its_militia(pipeline: Pipeline) -> None:
    event = _only(
        pipeline,
        "Des bergers peuls ont attaqué le village de Kalalé, au Bénin, avec des fusils de chasse.",
        lang="fr",
    )
    assert event.actor1 == "Fulani Ethnic Militia (Benin)"


def test_the_agent_of_a_planted_device_is_the_perpetrator(pipeline: Pipeline) -> None:
    event = _only(
        pipeline,
        "On 12 May 2024, a police truck ran over an IED planted by Al Shabaab near Mandera, Kenya.",
    )
    assert (event.actor1, event.actor2) == ("Al Shabaab", "Police Forces of Kenya")


def test_a_unit_of_jnim_is_coded_as_jnim(pipeline: Pipeline) -> None:
    event = _only(
        pipeline,
        "On 12 May 2024, suspected Katiba Macina militants attacked a gendarmerie post near "
        "Djenne, Mali.",
    )
    assert event.actor1 == "JNIM: Group for Support of Islam and Muslims"


def test_a_religious_figure_abducted_is_a_civilian(pipeline: Pipeline) -> None:
    event = _only(
        pipeline,
        "On 12 May 2024, gunmen abducted a marabout in a village near Djibo, Burkina Faso.",
    )
    assert event.actor2 == "Civilians (Burkina Faso)"


def test_fighters_named_by_their_group_in_quotes_are_that_group(pipeline: Pipeline) -> None:
    event = _only(
        pipeline,
        "Российская авиация нанесла авиаудар по позициям боевиков «Хайят Тахрир аш-Шам» в "
        "провинции Идлиб.",
        lang="ru",
    )
    assert event.actor2 == "HTS: Hayat Tahrir al Sham"


def test_a_minibus_struck_names_civilians_as_the_target(pipeline: Pipeline) -> None:
    event = _only(
        pipeline,
        "Un drone russe a visé un minibus près de Kherson, blessant le chauffeur.",
        lang="fr",
    )
    assert event.actor1 == "Military Forces of Russia"
    assert event.actor2 == "Civilians (Ukraine)"


def test_militias_named_in_a_speaker_s_apposition_are_not_the_perpetrator(
    pipeline: Pipeline,
) -> None:
    event = _only(
        pipeline,
        "The Islamic Resistance in Iraq, a coalition of Iran-backed militias, said it attacked "
        "a U.S. base in Syria with a drone.",
    )
    assert event.actor1 == "Islamic Resistance in Iraq"
    assert event.actor2 == "Military Forces of the United States"


@pytest.mark.parametrize(
    ("text", "lang", "not_actor1"),
    [
        (
            "Five soldiers were killed and two LNA vehicles were destroyed near Sirte, Libya, "
            "on Monday.",
            "en",
            "Military Forces of Libya (2014-) Haftar Faction",
        ),
        (
            "Cuatro policías fueron asesinados y dos patrullas del Ejército fueron atacadas cerca "
            "de Cúcuta, Colombia, el lunes.",
            "es",
            "Military Forces of Colombia",
        ),
    ],
)
def test_a_party_with_a_passive_verb_of_its_own_is_not_the_agent(
    pipeline: Pipeline, text: str, lang: str, not_actor1: str
) -> None:
    # The second clause tells what that party suffered; nobody says who killed the first.
    event = _only(pipeline, text, lang=lang)
    assert event.fatalities is not None and event.fatalities > 0
    assert event.actor1 != not_actor1
    assert event.actor1 is not None and event.actor1.startswith("Unidentified Armed Group")


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were killed by Al Shabaab militants near Mandera, Kenya, on Monday.",
        "A woman was killed when suspected Al Shabaab fighters ambushed a bus near Mandera, Kenya, "
        "on Monday.",
    ],
)
def test_the_agent_of_a_passive_killing_is_still_the_perpetrator(
    pipeline: Pipeline, text: str
) -> None:
    assert _only(pipeline, text).actor1 == "Al Shabaab"
