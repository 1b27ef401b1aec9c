"""Event types a careful coder tells apart: who was attacked (soldiers or civilians), who fought
(organised armed groups or a crowd), ground taken with a date or an adjective between the verb
and the place, what a protest is held against, and the developments ACLED calls "Other"."""

from __future__ import annotations

import pytest

from conflictlens import Pipeline
from conflictlens.model import Document, PartialDate

CLASH = "Armed clash"


def _sub_types(pipeline: Pipeline, text: str, lang: str = "en") -> list[str]:
    doc = Document(doc_id="t", text=text, lang=lang, published=PartialDate.parse("2025-03-12"))
    return [event.sub_event_type for event in pipeline.extract(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Killing soldiers or police is a battle, whatever the verb.
        (
            "On 11 March, a sniper shot and killed two soldiers at a checkpoint in Kandahar.",
            "Armed clash",
        ),
        # Fights between communities are fights between their militias.
        (
            "On 11 March, two people died in ethnic clashes near Wajir.",
            "Armed clash",
        ),
        # Small arms beside mortars: the two sides fought at close range.
        (
            "On 11 March, rebel forces fired 82mm mortars and small arms at army positions near "
            "Avdiivka.",
            "Armed clash",
        ),
    ],
)
def test_battles(pipeline: Pipeline, text: str, expected: str) -> None:
    assert _sub_types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # Residents who beat a man to death are a mob, not an armed group.
        "On 11 March, residents of Kibera beat to death a man accused of stealing a phone.",
        # Political rivals who come to blows riot; they do not fight a battle.
        "On 11 March, clashes erupted between political rivals in Kisumu.",
    ],
)
def test_violence_by_a_crowd_is_mob_violence(pipeline: Pipeline, text: str) -> None:
    assert _sub_types(pipeline, text) == ["Mob violence"]


def test_a_date_between_the_taking_and_the_place(pipeline: Pipeline) -> None:
    text = "Yemeni government forces captured on Monday the port of Mokha from Huthi rebels."
    assert _sub_types(pipeline, text) == ["Government regains territory"]
    # People captured are no ground taken.
    text = "On 11 March, rebels captured two soldiers near Mokha."
    assert "Non-state actor overtakes territory" not in _sub_types(pipeline, text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les rebelles ont capturé lundi la ville de Goma, selon des sources locales.", "fr"),
        ("Los rebeldes capturaron el lunes la ciudad de Goma, según fuentes locales.", "es"),
    ],
)
def test_taking_a_town_in_french_and_spanish(pipeline: Pipeline, text: str, lang: str) -> None:
    assert _sub_types(pipeline, text, lang) == ["Non-state actor overtakes territory"]


def test_ground_taken_from_government_forces(pipeline: Pipeline) -> None:
    text = (
        "On 11 March, opposition fighters retook a strategic town from government forces, "
        "activists said."
    )
    assert _sub_types(pipeline, text) == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Journalists protested in Multan on Monday against the unjust arrest of their "
            "editor. He was arrested last month in an old case.",
            "en",
        ),
        (
            "Traders protested against the demolition of their stalls in Kwale on Monday.",
            "en",
        ),
        (
            "Сотни людей вышли на акцию протеста в Москве против незаконного ареста журналиста.",
            "ru",
        ),
        ("Журналісти вийшли на акцію протесту в Києві проти незаконного арешту колеги.", "uk"),
        (
            "تظاهر مئات الصحفيين في بغداد يوم الاثنين احتجاجا على الاعتقال التعسفي لزميلهم.",
            "ar",
        ),
    ],
)
def test_what_a_protest_is_against_is_not_what_happened_at_it(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == ["Peaceful protest"]


def test_a_crowd_burning_after_its_protest_riots(pipeline: Pipeline) -> None:
    text = (
        "Students protested in Pouytenga on Monday over the results of their exams. They burned "
        "the town hall."
    )
    assert _sub_types(pipeline, text) == ["Violent demonstration"]


@pytest.mark.parametrize(
    "text",
    [
        "On 11 March, troops found a network of tunnels near Rafah.",
        "On 11 March, North Korea test-fired two ballistic missiles into the sea.",
    ],
)
def test_tunnels_and_weapons_tests_are_other_developments(pipeline: Pipeline, text: str) -> None:
    assert _sub_types(pipeline, text) == ["Other"]


@pytest.mark.parametrize(
    "text",
    [
        # Police dispersing a crowd that riots: the riot is the event.
        "On 11 March, police fired teargas to disperse rioting voters in Embakasi.",
        # Stones thrown by marchers make the march violent, whatever the police did.
        "On 11 March, hundreds of opposition supporters marched in Nairobi, throwing stones at "
        "the police who used tear gas against them.",
    ],
)
def test_a_crowd_that_riots_is_a_violent_demonstration(pipeline: Pipeline, text: str) -> None:
    assert _sub_types(pipeline, text) == ["Violent demonstration"]


def test_men_arrested_and_then_executed_were_killed(pipeline: Pipeline) -> None:
    text = "On 11 March, soldiers arrested six men at the market of Djibo, who were later executed."
    assert _sub_types(pipeline, text) == ["Attack"]


def test_what_burned_when_a_police_post_was_attacked_is_the_fights_damage(
    pipeline: Pipeline,
) -> None:
    text = (
        "On 11 March, gunmen attacked the police station in Bouroum, no casualties were "
        "reported, although the gunmen torched a shed."
    )
    assert _sub_types(pipeline, text) == ["Armed clash"]


def test_a_crowd_attacking_or_lynching_is_mob_violence(pipeline: Pipeline) -> None:
    told = [
        "À Butembo, des dizaines de jeunes en colère ont attaqué samedi deux camions de la police.",
        "À Bunia, un voleur présumé a été lynché lundi par des habitants.",
    ]
    for text in told:
        found = pipeline.extract(Document("crowd", text, lang="fr"))
        assert [e.sub_event_type for e in found] == ["Mob violence"], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # With no protest told, villagers throwing stones at a patrol are a mob.
        (
            "On 11 March, villagers pelted stones at a police patrol enforcing the curfew in "
            "Kisumu.",
            "Mob violence",
        ),
        (
            "On 11 March, a group of youths threw stones at officers who asked them to disperse "
            "in Mombasa.",
            "Mob violence",
        ),
        # Thrown by protesters, or beside a riot, the stones make a violent demonstration.
        (
            "On 11 March, protesters threw stones at the police outside parliament in Nairobi.",
            "Violent demonstration",
        ),
        (
            "On 11 March, traders rioted in Eldoret, threw stones and lit bonfires.",
            "Violent demonstration",
        ),
        ("On 11 March, rioters pelted stones at the police in Kisumu.", "Violent demonstration"),
    ],
)
def test_stones_thrown_riot_only_where_a_protest_or_riot_is_told(
    pipeline: Pipeline, text: str, expected: str
) -> None:
    assert _sub_types(pipeline, text) == [expected]


def test_stones_thrown_in_russian_without_a_protest_are_a_mob(pipeline: Pipeline) -> None:
    text = "11 марта жители посёлка забросали камнями полицейский патруль в Хасавюрте."
    assert _sub_types(pipeline, text, lang="ru") == ["Mob violence"]


@pytest.mark.parametrize(
    "text",
    [
        # A person set on fire was attacked; no property was destroyed.
        "On 11 March, gunmen seized a trader at the market of Garissa and set him on fire.",
        # A burned body found is what is left of an attack.
        "On 11 March, the charred body of a herder was found near Marsabit.",
    ],
)
def test_a_person_burned_is_an_attack(pipeline: Pipeline, text: str) -> None:
    assert _sub_types(pipeline, text)[:1] == ["Attack"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Killing a member of an armed group is a battle, as killing a soldier is.
        ("On 11 March, unknown gunmen shot and killed an Al Shabaab militant near Afgooye.", CLASH),
        (
            "On 11 March, soldiers executed two Al Shabaab fighters at a checkpoint near Afgooye.",
            CLASH,
        ),
        # Men the text only suspects of being militants are civilians.
        (
            "On 11 March, soldiers executed three herders suspected of being militants near Djibo.",
            "Attack",
        ),
    ],
)
def test_killing_a_named_armed_groups_member_is_a_clash(
    pipeline: Pipeline, text: str, expected: str
) -> None:
    assert _sub_types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A crowd the text calls violent or rowdy riots, even as the police disperse it.
        (
            "On 11 March, police fired into the air to disperse a rowdy crowd in Kiambu.",
            "Violent demonstration",
        ),
        (
            "On 11 March, a march against fuel prices in Nakuru turned chaotic.",
            "Violent demonstration",
        ),
        # A march broken up by the police is a protest with intervention.
        (
            "On 11 March, a demonstration of teachers was forcibly dispersed by police in Nairobi.",
            "Protest with intervention",
        ),
    ],
)
def test_a_crowds_turn_told_in_other_words(pipeline: Pipeline, text: str, expected: str) -> None:
    assert _sub_types(pipeline, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An arrest the crowd protests or demands is its grievance.
        (
            "On 11 March, hundreds of residents took to the streets in Voi in a protest for the "
            "arrest of a ward official accused of fraud.",
            "Peaceful protest",
        ),
        # An arrest told before the protest is the police breaking it up.
        (
            "On 11 March, police arrested 12 students during a protest in Nakuru.",
            "Protest with intervention",
        ),
    ],
)
def test_an_arrest_the_crowd_protests_is_no_intervention(
    pipeline: Pipeline, text: str, expected: str
) -> None:
    assert _sub_types(pipeline, text) == [expected]
