"""Attacks, battles and mobs as ACLED tells them apart: guns fired at people nobody names as armed
are an attack on civilians; an attack whose victims fight back is a battle; supporters fighting
each other are a mob, not armed groups; no arrest made after an event leaves the event; in every
language it is told in."""

from __future__ import annotations

import pytest

from conflictlens import Pipeline
from conflictlens.model import Document, PartialDate

CLASH = "Armed clash"
ATTACK = "Attack"


def _sub_types(pipeline: Pipeline, text: str, lang: str = "en") -> list[str]:
    doc = Document(doc_id="t", text=text, lang=lang, published=PartialDate.parse("2025-03-12"))
    return [event.sub_event_type for event in pipeline.extract(doc)]


@pytest.mark.parametrize(
    "text",
    [
        "On 11 March, unknown gunmen shot dead three male individuals in Kisumu.",
        "On 11 March, gunmen shot dead a youth in Kisumu.",
    ],
)
def test_guns_fired_at_people_nobody_names_as_armed_are_an_attack(
    pipeline: Pipeline, text: str
) -> None:
    assert _sub_types(pipeline, text) == [ATTACK]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On 11 March, gunmen opened fire on a bus near Garissa. They later exchanged fire "
            "with the police.",
            "en",
        ),
        (
            "On 11 March, gunmen opened fire on a bus near Garissa. After an exchange of fire, "
            "one of them was killed.",
            "en",
        ),
        (
            "Le 11 mars, des hommes armés ont attaqué un car près de Garissa. Les gardes ont "
            "riposté aux tirs.",
            "fr",
        ),
        (
            "El 11 de marzo, hombres armados atacaron un autobús cerca de Garissa. Los pasajeros "
            "respondieron al fuego.",
            "es",
        ),
        (
            "11 марта вооруженные люди напали на автобус около Гариссы. Охрана открыла ответный "
            "огонь.",
            "ru",
        ),
        (
            "11 березня озброєні люди напали на автобус біля Гарісси. Охорона відкрила вогонь у "
            "відповідь.",
            "uk",
        ),
    ],
)
def test_an_attack_whose_victims_fight_back_is_a_battle(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == [CLASH]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On 11 March, fighting broke out between the supporters of a councillor and a trader "
            "in Kisumu.",
            "en",
        ),
        (
            "Le 11 mars, des affrontements ont éclaté entre partisans de deux candidats à Bouaké.",
            "fr",
        ),
        (
            "El 11 de marzo, se registraron enfrentamientos entre simpatizantes de dos candidatos "
            "en Cali.",
            "es",
        ),
        ("11 марта в Бишкеке произошли столкновения между сторонниками двух кандидатов.", "ru"),
        ("11 березня в Одесі сталися сутички між прихильниками двох кандидатів.", "uk"),
        ("اندلعت اشتباكات بين انصار مرشحين اثنين في مدينة طرابلس يوم 11 مارس.", "ar"),
    ],
)
def test_supporters_fighting_each_other_are_a_mob_not_a_battle(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == ["Mob violence"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "No arrests have been made after gunmen looted 20 shops in Kisumu on Monday night.",
            "en",
            "Looting/property destruction",
        ),
        (
            "No one was arrested after a mob burned a church in Kisumu on Monday.",
            "en",
            "Mob violence",
        ),
        (
            "Никого не задержали после того, как в понедельник неизвестные разграбили двадцать "
            "магазинов в Бишкеке.",
            "ru",
            "Looting/property destruction",
        ),
        (
            "Нікого не затримали після того, як у понеділок невідомі пограбували двадцять "
            "магазинів в Одесі.",
            "uk",
            "Looting/property destruction",
        ),
    ],
)
def test_no_arrest_after_an_event_leaves_the_event(
    pipeline: Pipeline, text: str, lang: str, expected: str
) -> None:
    assert _sub_types(pipeline, text, lang) == [expected]
