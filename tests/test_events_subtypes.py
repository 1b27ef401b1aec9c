"""Sub-event types a reader would check first: protests and how they turn, seizures and finds of
arms, which of several event words in a sentence tells the event, and reports that are no event."""

from __future__ import annotations

import pytest

from conflictlens import Pipeline
from conflictlens.evaluate.labels import ClassScore, LabelScores
from conflictlens.evaluate.report import EvalReport
from conflictlens.model import Document, PartialDate


def _sub_types(pipeline: Pipeline, text: str, lang: str = "en") -> list[str]:
    doc = Document(doc_id="t", text=text, lang=lang, published=PartialDate.parse("2025-03-12"))
    return [event.sub_event_type for event in pipeline.extract(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A protest told with the crowd's violence, in one sentence, is a riot.
        (
            "On 11 March, students protested in Kisumu by blocking a road and lighting fires.",
            "Violent demonstration",
        ),
        (
            "On 11 March, police clashed with hundreds of protesters in central Kisumu.",
            "Violent demonstration",
        ),
        (
            "On 11 March, traders marched through Eldoret and scuffles broke out at the market.",
            "Violent demonstration",
        ),
        # An intervention raises a protest; deadly force makes it excessive.
        (
            "On 11 March, police fired tear gas to disperse a march of teachers in Nakuru.",
            "Protest with intervention",
        ),
        (
            "On 11 March, two people were killed when police fired tear gas to disperse "
            "a protest in Nakuru.",
            "Excessive force against protesters",
        ),
        # What a protest is about is not what happened at it.
        (
            "On 11 March, lawyers held a protest in Nyeri against the arrest of a colleague.",
            "Peaceful protest",
        ),
    ],
)
def test_a_protest_takes_its_strongest_turn(pipeline: Pipeline, text: str, expected: str) -> None:
    assert _sub_types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "On 11 March, two explosive devices were found near the bus station in Garissa.",
        "On 11 March, police seized four pistols and 300 rounds of ammunition in Mombasa.",
        "On 11 March, army engineers defused a roadside bomb near Mandera.",
    ],
)
def test_seized_found_or_destroyed_arms_are_disrupted_weapons_use(
    pipeline: Pipeline, text: str
) -> None:
    assert _sub_types(pipeline, text)[:1] == ["Disrupted weapons use"]


def test_a_seizure_in_french_needs_a_weapon(pipeline: Pipeline) -> None:
    with_arms = "Le 11 mars, la police a saisi des kalachnikovs et des munitions à Mopti."
    assert _sub_types(pipeline, with_arms, "fr")[:1] == ["Disrupted weapons use"]
    without = "Le 11 mars, la douane a saisi trois tonnes de riz à Mopti."
    assert _sub_types(pipeline, without, "fr") == []


def test_a_killing_outranks_what_was_taken_with_it(pipeline: Pipeline) -> None:
    text = "On 11 March, gunmen killed a farmer and seized his motorbike near Mandera."
    found = _sub_types(pipeline, text)
    assert found and found[0] not in ("Disrupted weapons use", "Looting/property destruction")


def test_an_attack_with_a_burning_is_the_attack(pipeline: Pipeline) -> None:
    text = "On 11 March, militants attacked and burned a fuel tanker near Mandera."
    found = _sub_types(pipeline, text)
    assert found and found[0] != "Looting/property destruction"


def test_a_semicolon_keeps_two_protests_apart(pipeline: Pipeline) -> None:
    text = "On 11 March, drivers marched in Nakuru; police fired tear gas at traders in Eldoret."
    assert _sub_types(pipeline, text)[:1] == ["Peaceful protest"]


def test_a_base_set_up_by_troops_is_a_base_established(pipeline: Pipeline) -> None:
    text = "On 11 March, the army set up a military base in Mandera."
    assert _sub_types(pipeline, text)[:1] == ["Headquarters or base established"]


@pytest.mark.parametrize(
    "text",
    [
        "On 11 March, five people were killed when a volcano erupted near Goma.",
        "On 11 March, ten passengers died when their boat capsized near Kisumu.",
    ],
)
def test_disasters_are_no_event(pipeline: Pipeline, text: str) -> None:
    assert _sub_types(pipeline, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Most of the attacks involved rockets, and a dozen soldiers have been wounded since the "
        "campaign began.",
        "The majority involved drones fired at bases in Syria, officials said.",
    ],
)
def test_a_tally_of_past_attacks_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert _sub_types(pipeline, text) == []


def test_label_report_lists_every_class() -> None:
    scores = LabelScores(
        name="labels",
        n=3,
        correct=2,
        classes=(
            ClassScore("Armed clash", 1.0, 0.5, 2 / 3, 2),
            ClassScore("Peaceful protest", 0.5, 1.0, 2 / 3, 1),
        ),
        confusions=(),
    )
    report = EvalReport("labels", 3, 0, 0, None, labels=(scores,))
    table = report.to_table()
    assert "per class:" in table
    rows = [line.split() for line in table.splitlines()]
    assert ["Armed", "clash", "1.000", "0.500", "0.667", "2"] in rows
    assert ["Peaceful", "protest", "0.500", "1.000", "0.667", "1"] in rows
