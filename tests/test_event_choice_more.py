"""Which sub-type a sentence's event takes when it tells more than one thing: who used force at a
protest, a mob without a protest, ground that changed hands in a fight, poison gas in a shell, a
seizure during an operation; and event words that were missing in the six languages."""

from __future__ import annotations

import pytest

from conflictlens import Pipeline
from conflictlens.model import Document, PartialDate


def _sub_types(pipeline: Pipeline, text: str, lang: str = "en") -> list[str]:
    doc = Document(doc_id="t", text=text, lang=lang, published=PartialDate.parse("2025-03-12"))
    return [event.sub_event_type for event in pipeline.extract(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Police beating or wounding protesters is excessive force, not an intervention.
        (
            "On 11 March, riot police beat an elderly protester during a march against fuel "
            "prices in Kisumu.",
            "Excessive force against protesters",
        ),
        (
            "On 11 March, police officers brutally attacked and injured a peaceful march of "
            "nurses in Kisumu.",
            "Excessive force against protesters",
        ),
        # The crowd attacking is a riot.
        (
            "On 11 March, demonstrators attacked a police post during a march against new taxes "
            "in Nakuru.",
            "Violent demonstration",
        ),
        (
            "On 11 March, police suppressed a protest of farmers in Nakuru.",
            "Protest with intervention",
        ),
        (
            "On 11 March, protesters in Baghdad tore down concrete barriers around the parliament.",
            "Violent demonstration",
        ),
    ],
)
def test_who_used_force_at_a_protest_decides(pipeline: Pipeline, text: str, expected: str) -> None:
    assert _sub_types(pipeline, text)[:1] == [expected]


def test_a_riot_without_a_protest_is_mob_violence(pipeline: Pipeline) -> None:
    text = "A riot broke out in Bungoma on 11 March after a mob lynched two men accused of theft."
    assert _sub_types(pipeline, text) == ["Mob violence"]


def test_scuffles_after_a_march_make_the_march_violent(pipeline: Pipeline) -> None:
    text = (
        "Thousands of teachers marched on Saturday to demand higher pay. There were scuffles in "
        "Nairobi and a protester was hurt."
    )
    assert _sub_types(pipeline, text) == ["Violent demonstration"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ground taken in a fight is coded by who took it.
        (
            "On 11 March, after heavy fighting, militants took control of the town of Mandera.",
            "Non-state actor overtakes territory",
        ),
        # Handed over: no fight.
        (
            "On 11 March, government forces regained control of Kismayo when the militia handed "
            "control of the port to them.",
            "Non-violent transfer of territory",
        ),
        # Poison gas is a chemical weapon whatever carried it.
        (
            "On 11 March, the army fired mortar shells containing chlorine gas on rebel positions "
            "near Idlib.",
            "Chemical weapon",
        ),
        # A seizure that hurt nobody is the event of the operation that made it.
        (
            "On 11 March, three rifles and 200 rounds of ammunition were seized in a joint "
            "operation by police and soldiers in Garissa.",
            "Disrupted weapons use",
        ),
        # "Live bullets" seized are no force against protesters.
        (
            "On 11 March, police seized two pistols and 80 live bullets during a raid on a house "
            "in Mombasa.",
            "Disrupted weapons use",
        ),
        (
            "On 11 March, 40 shops were destroyed following a clash between rival gangs in Lagos.",
            "Looting/property destruction",
        ),
    ],
)
def test_the_sub_type_that_tells_more_wins(pipeline: Pipeline, text: str, expected: str) -> None:
    assert _sub_types(pipeline, text)[:1] == [expected]


def test_a_later_taking_of_the_town_recodes_the_attack(pipeline: Pipeline) -> None:
    text = (
        "Militants attacked an army base near Mandera on 11 March. The killings took place when "
        "the militants attacked and took over the town."
    )
    assert _sub_types(pipeline, text) == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 11 March, two militants detonated explosives, killing themselves near a "
            "checkpoint in Maiduguri.",
            "Suicide bomb",
        ),
        (
            "On 11 March, a female kamikaze struck a market in Maiduguri, killing five people.",
            "Suicide bomb",
        ),
        (
            "On 11 March, students formed a human chain outside the university in Dhaka.",
            "Peaceful protest",
        ),
        ("On 11 March, vigilantism left two men dead in Kisii.", "Mob violence"),
        ("On 11 March, the insurgents set upon an army base near Kismayo.", "Armed clash"),
        (
            "On 11 March, soldiers engaged in a fire exchange with bandits near Isiolo.",
            "Armed clash",
        ),
        (
            "On 11 March, the army captured a senior commander of the militia near Goma.",
            "Arrests",
        ),
    ],
)
def test_english_event_words(pipeline: Pipeline, text: str, expected: str) -> None:
    assert _sub_types(pipeline, text)[:1] == [expected]


def test_a_fire_that_burned_out_is_no_event(pipeline: Pipeline) -> None:
    text = "Firefighters said the blaze at the warehouse in Mombasa had burned out by 11 March."
    assert _sub_types(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Le 11 mars, la police a dispersé les manifestants à coups de gaz lacrymogènes à "
            "Dakar.",
            "fr",
            "Protest with intervention",
        ),
        (
            "Le 11 mars, des étudiants ont formé une chaîne humaine devant l'université de Dakar.",
            "fr",
            "Peaceful protest",
        ),
        ("Le 11 mars, un homme a lancé une grenade sur un bar de Bangui.", "fr", "Grenade"),
        (
            "Le 11 mars, l'armée a mené une attaque chimique contre un village près d'Idlib.",
            "fr",
            "Chemical weapon",
        ),
        (
            "El 11 de marzo, estudiantes formaron una cadena humana frente al congreso en Lima.",
            "es",
            "Peaceful protest",
        ),
        (
            "El 11 de marzo, un kamikaze mató a cinco personas en un mercado de Maiduguri.",
            "es",
            "Suicide bomb",
        ),
        (
            "11 марта жители выстроились в живую цепь у здания администрации в Курске.",
            "ru",
            "Peaceful protest",
        ),
        (
            "11 березня студенти утворили живий ланцюг біля університету у Львові.",
            "uk",
            "Peaceful protest",
        ),
        ("في 11 مارس، شكل طلاب سلسلة بشرية امام الجامعة في عمان.", "ar", "Peaceful protest"),
    ],
)
def test_event_words_in_other_languages(
    pipeline: Pipeline, text: str, lang: str, expected: str
) -> None:
    assert _sub_types(pipeline, text, lang)[:1] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An attack whose target the sentence does not name is an attack, as ACLED codes it.
        ("On 11 March, militants attacked Tanli, a village near Kidal.", "Attack"),
        # A site of armed forces, its holder unnamed, makes it a clash.
        ("On 11 March, gunmen attacked a military checkpoint near Kidal.", "Armed clash"),
    ],
)
def test_the_target_decides_an_attack_without_weapon(
    pipeline: Pipeline, text: str, expected: str
) -> None:
    assert _sub_types(pipeline, text)[:1] == [expected]
