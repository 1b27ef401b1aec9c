"""Normalisation, folding, phrase matching, language detection and sentence splitting."""

from __future__ import annotations

import pytest

from conflictlens.codebook import CodebookFiles
from conflictlens.text.fold import fold
from conflictlens.text.language import LanguageDetector
from conflictlens.text.match import PhraseMatcher
from conflictlens.text.normalise import normalise_text
from conflictlens.text.sentences import SentenceSplitter


def test_normalise_straightens_quotes_and_drops_arabic_marks() -> None:
    assert normalise_text("aujourd’hui  « la base »") == "aujourd'hui « la base »"
    assert normalise_text("الولايات المتّحدة") == "الولايات المتحدة"
    assert normalise_text("a\u00a0b\r\n\n\n\nc") == "a b\n\nc"


@pytest.mark.parametrize(
    "text",
    ["Résistance Islamique", "ÉTATS-UNIS", "أمس الأحد مدينة", "Херсоні Їжак Ёлка", "İstanbul"],
)
def test_fold_keeps_every_offset(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_fold_ignores_case_accents_and_arabic_letter_variants() -> None:
    assert fold("Résistance") == fold("RESISTANCE")
    assert fold("أمس") == fold("امس")
    assert fold("مدينة") == fold("مدينه")
    assert fold("Київ") == "київ"  # Ukrainian yi is a letter of its own, not a decorated i


def test_matcher_respects_word_boundaries_and_stems() -> None:
    matcher = PhraseMatcher([("drone", "d"), ("cibl*", "c"), ("base aérienne", "b")])
    found = [(m.key, m.payload) for m in matcher.find("Les drones ont ciblé la BASE AERIENNE")]
    assert found == [("cibl", "c"), ("base aerienne", "b")]
    assert matcher.find("Dronero") == []


def test_matcher_finds_arabic_names_behind_clitics() -> None:
    matcher = PhraseMatcher([("غزة", "gaza")])
    text = "قصف بغزة وبغزة وغزة"
    assert [text[m.start : m.end] for m in matcher.find(text)] == ["غزة", "غزة", "غزة"]
    assert matcher.find("مغزةالكلمة") == []


def test_matcher_prefers_the_longest_phrase() -> None:
    matcher = PhraseMatcher([("frappe", "attack"), ("frappe aérienne", "air")])
    assert [m.payload for m in matcher.find("une frappe aérienne")] == ["air"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La Résistance islamique en Irak a annoncé que la base a été ciblée.", "fr"),
        ("Russian forces shelled Kherson on Monday, killing two civilians.", "en"),
        ("قصفت القوات الروسية مدينة خيرسون أمس", "ar"),
        ("Las fuerzas rusas bombardearon la ciudad de Jersón el lunes.", "es"),
        ("Российские войска обстреляли Херсон в понедельник.", "ru"),
        ("Російські війська обстріляли Херсон у понеділок.", "uk"),
    ],
)
def test_language_detection(text: str, lang: str) -> None:
    assert LanguageDetector.load(CodebookFiles()).detect(text) == lang


def test_declared_language_wins_when_supported() -> None:
    detector = LanguageDetector.load(CodebookFiles())
    assert detector.detect("Russian forces shelled Kherson.", declared="fr") == "fr"
    assert detector.detect("Russian forces shelled Kherson.", declared="de") == "en"


def test_sentences_keep_offsets_and_respect_abbreviations() -> None:
    text = "Gen. Smith said U.S. forces hit Mosul. Then they left.\n\nNew paragraph"
    sentences = SentenceSplitter.load(CodebookFiles()).split(text, "en")
    assert [s.text for s in sentences] == [
        "Gen. Smith said U.S. forces hit Mosul.",
        "Then they left.",
        "New paragraph",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
