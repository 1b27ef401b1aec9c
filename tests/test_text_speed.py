"""The fast paths of the text stages give what the plain readings give.

One automaton pass shared by several lexicons, range-limited matching, script counting on bytes,
folding through a table and normalising once must not change a single match or offset.
"""

from __future__ import annotations

import re

import pytest

from conflictlens import Document, Pipeline
from conflictlens.codebook import CodebookFiles
from conflictlens.model import PartialDate
from conflictlens.text.fold import fold
from conflictlens.text.language import LanguageDetector, _script_counts, _words
from conflictlens.text.match import PhraseMatcher, PhraseScanner
from conflictlens.text.normalise import normalise_document, normalise_text
from conflictlens.text.sentences import SentenceSplitter

_TEXT = (
    "Les drones ont ciblé la base aérienne de Kidal. Le 7 octobre, trois civils ont été tués "
    "et deux blessés.\nLa frappe aérienne a visé بغزة وغزة; un drone-suicide est tombé."
)


def _matchers() -> list[PhraseMatcher[str]]:
    return [
        PhraseMatcher([("drone", "d"), ("cibl*", "c"), ("base aérienne", "b"), ("غزة", "g")]),
        PhraseMatcher([("frappe", "f"), ("frappe aérienne", "fa"), ("base", "base")]),
        PhraseMatcher([("trois", "3"), ("deux", "2"), ("un", "1"), ("drone", "same key")]),
    ]


def _plain(found: list[object]) -> list[tuple[object, ...]]:
    return [tuple(m) for m in found]  # type: ignore[call-overload]


def test_a_shared_scan_finds_what_each_matcher_finds_alone() -> None:
    matchers = _matchers()
    folded = fold(_TEXT)
    scan = PhraseScanner(matchers).scan(folded)
    for matcher in matchers:
        alone = matcher.find(_TEXT, folded)
        assert alone
        assert _plain(matcher.find(_TEXT, folded, scan)) == _plain(alone)


def test_a_matcher_left_out_of_a_scan_reads_the_text_itself() -> None:
    first, second, third = _matchers()
    folded = fold(_TEXT)
    scan = PhraseScanner([first, second]).scan(folded)
    assert _plain(third.find(_TEXT, folded, scan)) == _plain(third.find(_TEXT, folded))
    assert _plain(third.find_in(folded, 0, 60, scan)) == _plain(third.find_in(folded, 0, 60))
    assert third.find(_TEXT, folded, scan)


def test_matching_in_a_sentence_reads_it_as_a_text_of_its_own() -> None:
    matchers = _matchers()
    folded = fold(_TEXT)
    scan = PhraseScanner(matchers).scan(folded)
    sentences = SentenceSplitter({}).split(_TEXT, "fr")
    assert len(sentences) == 3
    # A range cut inside words as well: the text outside it counts as no word.
    ranges = [(s.start, s.end) for s in sentences] + [(5, 40), (0, len(_TEXT)), (160, 175)]
    for matcher in matchers:
        for start, end in ranges:
            piece = folded[start:end]
            alone = [
                (m.start + start, m.end + start, m.key, m.payload) for m in matcher.find(piece)
            ]
            assert _plain(matcher.find_in(folded, start, end)) == alone
            assert _plain(matcher.find_in(folded, start, end, scan)) == alone


def test_script_counts_match_a_count_character_by_character() -> None:
    text = "Kyiv — Київ, Ёлка; القدس Ωmega ɏ ɐ 12 ß ×\ud800 😀"
    arabic = sum("\u0600" <= c <= "\u06ff" for c in text)
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in text)
    latin = sum((c.isascii() and c.isalpha()) or "\u00c0" <= c <= "\u024f" for c in text)
    assert _script_counts(text) == (arabic, cyrillic, latin)


@pytest.mark.parametrize(
    "text",
    ["l'armée a tiré 3 obus (le 2e) «sur» la ville", "Їжак² і ёж_x", "€5 le\u2028la №7 😀la ǅ"],
)
def test_words_are_the_letter_runs_the_regex_reads(text: str) -> None:
    assert _words(text.lower()) == re.findall(r"[^\W\d_]+", text.lower())


def test_language_detection_is_unchanged_on_mixed_text() -> None:
    detector = LanguageDetector.load(CodebookFiles())
    assert detector.detect("Le drone a frappé la ville de Kidal et les environs.") == "fr"
    assert detector.detect("El dron atacó la ciudad y los alrededores de Gao.") == "es"
    assert detector.detect("Дрон атакував місто і його околиці.") == "uk"


def test_fold_passes_characters_beyond_its_table_through() -> None:
    text = "ÉTAT №7 € 😀 Ⅻ Ａ ﬁ"
    assert fold(text) == "etat №7 € 😀 Ⅻ Ａ ﬁ"
    assert fold("ABC def") == "abc def"


def test_normalising_twice_changes_nothing() -> None:
    raw = "  Deux\tcivils  ont été “tués”\r\nhier   soir, la\nnuit.\n\n\n\nالمتّحدة\u00a0—\u200bfin "
    once = normalise_text(raw)
    assert once == 'Deux civils ont été "tués"\nhier soir, la nuit.\n\nالمتحدة —fin'
    assert normalise_text(once) == once


def test_a_document_normalised_by_the_caller_gives_the_same_events(pipeline: Pipeline) -> None:
    doc = Document(
        "speed-1",
        "Une frappe de drone a tué  trois civils à Kidal, le 7 octobre.\r\n",
        published=PartialDate(2023, 10, 9),
    )
    fresh = pipeline.analyse(doc)
    ready = pipeline.analyse(normalise_document(doc), normalised=True)
    assert ready.doc == fresh.doc
    assert ready.events == fresh.events
    assert fresh.events
