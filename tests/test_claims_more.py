"""Claim status as a reader would code it: who speaks, and what later sentences add.

claimed: the perpetrator says it did it; reported: media, local or unnamed sources, monitors;
confirmed: an authority of the target side or a neutral one; denied: an authority says it did
not happen or was not them. Every sentence here is written for this file.
"""

from __future__ import annotations

import pytest

from conflictlens import Document, Pipeline
from conflictlens.model import Event, PartialDate


def _event(pipeline: Pipeline, text: str, lang: str) -> Event:
    doc = Document(doc_id="t", text=text, lang=lang, published=PartialDate.parse("2024-05-16"))
    events = pipeline.extract(doc)
    assert len(events) == 1, [e.sub_event_type for e in events]
    return events[0]


def test_witnesses_after_selon_report_a_clash_between_two_forces(pipeline: Pipeline) -> None:
    text = (
        "Des combats ont opposé mardi l'armée soudanaise et les FSR près de Nyala, selon des "
        "témoins."
    )
    event = _event(pipeline, text, "fr")
    assert event.claim_status == "reported"
    assert event.reported_by == "witnesses"


def test_an_unnamed_source_after_according_to_is_not_the_perpetrator(pipeline: Pipeline) -> None:
    text = "اعتقلت قوات الاحتلال عشرة فلسطينيين في نابلس فجر اليوم، بحسب نادي الأسير."
    assert _event(pipeline, text, "ar").claim_status == "reported"


@pytest.mark.parametrize(
    ("lang", "text", "source"),
    [
        (
            "uk",
            "Вчора ворог з артилерії обстріляв Нікополь. Загинула жінка, ще двоє людей дістали "
            "поранення, повідомив голова ОВА.",
            "regional military administration",
        ),
        (
            "ru",
            "Вечером ВСУ обстреляли Шебекино из РСЗО. По словам губернатора, погибли два человека.",
            "regional governor",
        ),
    ],
)
def test_an_official_telling_the_toll_next_confirms_the_event(
    pipeline: Pipeline, lang: str, text: str, source: str
) -> None:
    event = _event(pipeline, text, lang)
    assert event.claim_status == "confirmed"
    assert event.reported_by == source


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Rebels said on Tuesday their fighters had ambushed an army convoy near Monywa, "
            "killing five soldiers. The claim could not be independently verified.",
        ),
        (
            "fr",
            "Le Hamas a affirmé avoir tiré des obus de mortier sur des soldats israéliens à Rafah "
            "jeudi. Cette revendication n'a pas été confirmée par l'armée israélienne.",
        ),
    ],
)
def test_a_claim_nobody_verified_stays_a_claim(pipeline: Pipeline, lang: str, text: str) -> None:
    assert _event(pipeline, text, lang).claim_status == "claimed"


def test_a_claim_the_other_side_dismisses_is_denied(pipeline: Pipeline) -> None:
    text = (
        "Yemen's Houthis said on Sunday it had targeted an oil tanker in the Red Sea with "
        "ballistic missiles. The US military dismissed the claim as false."
    )
    assert _event(pipeline, text, "en").claim_status == "denied"


def test_an_unnamed_security_source_only_reports(pipeline: Pipeline) -> None:
    text = (
        "Un engin explosif a tué deux civils lundi sur la route de Gao, selon une source "
        "sécuritaire."
    )
    event = _event(pipeline, text, "fr")
    assert event.claim_status == "reported"
    assert event.reported_by == "security sources"


def test_a_group_claiming_in_a_sentence_of_its_own_claims_the_event(pipeline: Pipeline) -> None:
    text = "Gunmen killed three villagers near Kidal on Monday. JNIM claimed responsibility."
    event = _event(pipeline, text, "en")
    assert event.claim_status == "claimed"
    assert event.claimed_by == "JNIM: Group for Support of Islam and Muslims"


def test_nobody_claiming_an_abduction_claims_nothing(pipeline: Pipeline) -> None:
    text = (
        "Des hommes armés ont enlevé trois commerçants près de Mopti dimanche. Aucun groupe n'a "
        "revendiqué l'enlèvement."
    )
    assert _event(pipeline, text, "fr").claim_status == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Según el Ministerio de Defensa ruso, sus fuerzas bombardearon el domingo un depósito de "
        "municiones del Ejército ucraniano en Kramatorsk.",
        "El Ministerio de Defensa ruso dijo que su aviación bombardeó el domingo posiciones del "
        "Ejército ucraniano en Kramatorsk.",
    ],
)
def test_a_ministry_telling_of_its_own_side_s_strike_claims_it(
    pipeline: Pipeline, text: str
) -> None:
    event = _event(pipeline, text, "es")
    assert event.claim_status == "claimed"
    assert event.claimed_by == "Russian Ministry of Defence"


def test_an_army_saying_it_killed_militants_claims_it(pipeline: Pipeline) -> None:
    text = "The army said it had killed ten militants in an air strike near Jilib on Monday."
    assert _event(pipeline, text, "en").claim_status == "claimed"


def test_a_force_that_did_not_comment_does_not_vouch_for_a_clash(pipeline: Pipeline) -> None:
    text = (
        "اندلعت اشتباكات مسلحة بين مقاومين وقوات الاحتلال في مخيم جنين فجر اليوم، فيما لم يعلق "
        "جيش الاحتلال على ذلك."
    )
    assert _event(pipeline, text, "ar").claim_status == "reported"
