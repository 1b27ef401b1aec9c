"""A toll told in the sentence after an event completes that event, and only that one."""

from __future__ import annotations

from conflictlens import Document, Pipeline
from conflictlens.model import Event, PartialDate

_PUBLISHED = PartialDate(2024, 5, 15)


def events(pipeline: Pipeline, text: str, lang: str) -> list[Event]:
    return pipeline.extract(Document("followup", text, lang=lang, published=_PUBLISHED))


def figures(found: list[Event]) -> list[tuple[int | None, int | None]]:
    return [(e.fatalities, e.injuries) for e in found]


def test_the_next_sentences_toll_is_the_events(pipeline: Pipeline) -> None:
    text = (
        "A ballistic missile struck the port of Odesa on Tuesday morning. "
        "Five people died and 23 others were hurt, the governor said."
    )
    found = events(pipeline, text, "en")
    assert figures(found) == [(5, 23)]
    assert found[0].support["fatalities"].text.startswith("Five people")


def test_a_toll_in_french_and_ukrainian(pipeline: Pipeline) -> None:
    text = (
        "Une frappe aérienne a visé une maison à Deir al-Balah jeudi soir. "
        "Quinze personnes ont été blessées, selon la Défense civile."
    )
    assert figures(events(pipeline, text, "fr")) == [(None, 15)]
    text = "Вчора ворог завдав ракетного удару по Одесі. Загинули п'ятеро людей."
    assert figures(events(pipeline, text, "uk")) == [(5, None)]


def test_the_events_own_figure_is_kept(pipeline: Pipeline) -> None:
    text = (
        "A drone strike killed two soldiers near Kherson on Monday. "
        "Three people were killed in the region that day, officials said."
    )
    assert figures(events(pipeline, text, "en")) == [(2, None)]


def test_a_statistic_or_a_distant_toll_adds_nothing(pipeline: Pipeline) -> None:
    text = (
        "A drone strike hit a market in Kherson on Monday. "
        "Since the start of the year, 300 civilians have been killed in the region."
    )
    assert figures(events(pipeline, text, "en")) == [(None, None)]
    text = (
        "A drone strike hit a market in Kherson on Monday. Rescuers arrived within minutes. "
        "The mayor visited the site. The market had reopened in March. "
        "Two people died, the mayor later said."
    )
    assert figures(events(pipeline, text, "en")) == [(None, None)]


def doers(found: list[Event]) -> list[tuple[str | None, str]]:
    return [(e.actor1, e.claim_status) for e in found]


def test_a_later_claim_of_responsibility_names_the_unidentified_perpetrator(
    pipeline: Pipeline,
) -> None:
    text = (
        "Gunmen killed two soldiers at a checkpoint in Mandera on Sunday. "
        "Al-Shabaab claimed responsibility."
    )
    assert doers(events(pipeline, text, "en")) == [("Al Shabaab", "claimed")]
    text = (
        "Militants attacked a police post in Kidal on Monday, killing three officers. "
        "JNIM claimed responsibility for the attack."
    )
    assert doers(events(pipeline, text, "en")) == [
        ("JNIM: Group for Support of Islam and Muslims", "claimed")
    ]


def test_a_named_perpetrator_is_not_replaced_by_a_later_claim(pipeline: Pipeline) -> None:
    text = (
        "JNIM fighters attacked a police post in Kidal on Monday, killing three officers. "
        "Al-Shabaab claimed responsibility."
    )
    found = events(pipeline, text, "en")
    assert found and found[0].actor1 == "JNIM: Group for Support of Islam and Muslims"


def test_the_defenders_word_on_an_attack_is_no_second_event(pipeline: Pipeline) -> None:
    text = (
        "Militants attacked a police post in Kidal on Monday. The army said it repelled the attack."
    )
    (event,) = events(pipeline, text, "en")
    assert event.actor2 == "Police Forces of Mali"
    assert event.assoc_actor_2 == "Military Forces of Mali"
    assert event.claim_status == "confirmed"


def test_arrests_told_after_a_riot_are_part_of_it(pipeline: Pipeline) -> None:
    text = (
        "Protesters threw stones and bottles at police outside the party offices in Madrid on "
        "Monday night. Eleven officers were hurt and seven people were detained, officials said."
    )
    found = events(pipeline, text, "en")
    assert [(e.event_type, e.injuries) for e in found] == [("Riots", 11)]


def test_deaths_confirmed_later_as_the_strikes_toll_are_that_strike(pipeline: Pipeline) -> None:
    # The official who confirms is named after the region: the sentence has a place of its own,
    # yet it tells the strike's toll, not an attack of its own.
    told = {
        "en": "A Russian guided bomb hit the Saltivskyi district of Kharkiv on Wednesday. "
        "In the evening the head of the Kharkiv regional administration confirmed: three people "
        "were killed as a result of the strike and 17 were wounded.",
        "uk": "15 травня російська авіація завдала удару керованою авіабомбою по Салтівському "
        "району Харкова. Увечері начальник Харківської ОВА підтвердив: внаслідок удару загинули "
        "троє людей, ще 17 дістали поранення.",
    }
    for lang, text in told.items():
        found = events(pipeline, text, lang)
        assert [(e.sub_event_type, e.fatalities, e.injuries, e.claim_status) for e in found] == [
            ("Air/drone strike", 3, 17, "confirmed")
        ], lang


def test_a_bare_sentence_goes_on_telling_the_latest_scene(pipeline: Pipeline) -> None:
    text = (
        "On Sunday in Kyiv several hundred people held a peaceful rally demanding faster "
        "prisoner exchanges. On Saturday in Odesa police detained two men at a conscription "
        "office. Part of the crowd smashed the windows of the police car."
    )
    found = events(pipeline, text, "en")
    assert [(e.sub_event_type, e.location) for e in found] == [
        ("Peaceful protest", "Kyiv"),
        ("Arrests", "Odesa"),
        ("Violent demonstration", "Odesa"),
    ]
