"""The two sides of a clash named together as its subject: the first named is actor1 and the
other actor2, as ACLED codes them, whatever stands between the two names (the first group's own
word, an article)."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictlens import Document, Pipeline
from conflictlens.model import Event, PartialDate


def _extract(pipeline: Pipeline, lang: str, text: str) -> list[Event]:
    doc = Document("acled-actors", text, lang=lang, published=PartialDate.of(dt.date(2024, 5, 20)))
    return pipeline.extract(doc)


CLASHES: list[tuple[str, str, str, str]] = [
    (
        "en",
        "On 18 May, JNIM militants and soldiers clashed near Djibo.",
        "JNIM: Group for Support of Islam and Muslims",
        "Military Forces of Burkina Faso",
    ),
    (
        "en",
        "On 18 May, Mayi Mayi militiamen and the police exchanged fire in Beni.",
        "Mayi Mayi Militia",
        "Police Forces of the Democratic Republic of Congo",
    ),
    (
        "en",
        "On 18 May, Taliban fighters and Afghan soldiers clashed in Kunduz.",
        "Taliban",
        "Military Forces of Afghanistan",
    ),
    (
        "fr",
        "Le 18 mai, des combattants du JNIM et des soldats se sont affrontés près de Djibo.",
        "JNIM: Group for Support of Islam and Muslims",
        "Military Forces of Burkina Faso",
    ),
    (
        "fr",
        "Le 18 mai, le JNIM et les soldats se sont affrontés près de Djibo.",
        "JNIM: Group for Support of Islam and Muslims",
        "Military Forces of Burkina Faso",
    ),
    (
        "es",
        "El 18 de mayo, guerrilleros del ELN y los soldados se enfrentaron en Arauca.",
        "ELN: National Liberation Army",
        "Military Forces of Colombia",
    ),
]


@pytest.mark.parametrize(("lang", "text", "actor1", "actor2"), CLASHES)
def test_the_first_side_named_with_the_other_is_actor1(
    pipeline: Pipeline, lang: str, text: str, actor1: str, actor2: str
) -> None:
    events = _extract(pipeline, lang, text)
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == [
        ("Armed clash", actor1, actor2)
    ]


VICTIM_FORCES: list[tuple[str, str, str]] = [
    ("en", "On 18 May, gunmen attacked a camp near Djibo, killing two commandos.", "Military"),
    (
        "fr",
        "Le 18 mai, des hommes armés ont attaqué une patrouille près de Djibo, tuant trois "
        "gardes forestiers.",
        "Police",
    ),
    (
        "es",
        "El 18 de mayo, hombres armados atacaron una patrulla cerca de Djibo y mataron a dos "
        "guardabosques.",
        "Police",
    ),
    ("ru", "18 мая боевики напали на патруль возле Джибо и убили двух лесников.", "Police"),
    ("uk", "18 травня бойовики напали на патруль біля Джибо та вбили двох лісників.", "Police"),
]


@pytest.mark.parametrize(("lang", "text", "force"), VICTIM_FORCES)
def test_commandos_and_forest_guards_are_forces_not_civilians(
    pipeline: Pipeline, lang: str, text: str, force: str
) -> None:
    events = _extract(pipeline, lang, text)
    assert [e.actor2 for e in events] == [f"{force} Forces of Burkina Faso"]
