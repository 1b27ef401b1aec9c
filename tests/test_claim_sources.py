"""Who vouches for an event: a source named right after the speaking word speaks, even when a
victim or the perpetrator stands before the verb.

Every sentence here is written for this file.
"""

from __future__ import annotations

import pytest

from conflictlens import Document, Pipeline
from conflictlens.model import Event, PartialDate


def _events(pipeline: Pipeline, text: str, lang: str) -> list[Event]:
    doc = Document(doc_id="t", text=text, lang=lang, published=PartialDate.parse("2024-05-16"))
    return pipeline.extract(doc)


@pytest.mark.parametrize(
    ("lang", "text", "source"),
    [
        (
            "uk",
            "Вчора ворог з артилерії обстріляв Куп'янськ: поранено 70-річного чоловіка, "
            "пошкоджено два будинки, повідомили в ОВА.",
            "regional military administration",
        ),
        (
            "ru",
            "Ночью над Брянской областью, по данным Минобороны, средствами ПВО были сбиты "
            "четыре беспилотника.",
            "Russian Ministry of Defence",
        ),
    ],
)
def test_an_official_source_after_the_verb_confirms(
    pipeline: Pipeline, lang: str, text: str, source: str
) -> None:
    [event] = _events(pipeline, text, lang)
    assert event.claim_status == "confirmed"
    assert event.reported_by == source


def test_a_force_named_after_according_to_speaks(pipeline: Pipeline) -> None:
    text = (
        "Según el Ejército israelí, los tres cohetes lanzados desde Gaza fueron interceptados "
        "por el sistema Cúpula de Hierro."
    )
    [event] = _events(pipeline, text, "es")
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.claim_status == "confirmed"
    assert event.reported_by == "Military Forces of Israel"
    assert event.actor1 == "Military Forces of Israel"  # who intercepted, not where from


@pytest.mark.parametrize(
    "text",
    [
        "Two rockets fired from Gaza were intercepted by the Iron Dome system, the Israeli army "
        "said.",
        "Israeli air defences intercepted two rockets fired from Gaza.",
    ],
)
def test_the_side_that_intercepts_is_actor1(pipeline: Pipeline, text: str) -> None:
    [event] = _events(pipeline, text, "en")
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1 == "Military Forces of Israel"
