"""The two sides of a clash named together as its subject: the first named is actor1 and the
other actor2, as ACLED codes them, whatever stands between the two names (the first group's own
word, an article)."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictlens import Document, Pipeline
from conflictlens.model import PartialDate

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
    doc = Document(
        doc_id="acled-actors",
        text=text,
        lang=lang,
        published=PartialDate.of(dt.date(2024, 5, 20)),
    )
    events = pipeline.extract(doc)
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == [
        ("Armed clash", actor1, actor2)
    ]
