"""Latin spellings of Cyrillic names."""

from __future__ import annotations

from conflictlens.geo.translit import MAX_SPELLINGS, latin_spellings


def test_each_letter_is_spelt_and_ambiguous_sounds_every_way() -> None:
    assert latin_spellings("ансонго") == ["ansongo", "ansonho"]
    assert latin_spellings("хама") == ["khama", "hama"]
    assert latin_spellings("джиср-эш-шугур")[0] == "jisr esh shugur"


def test_a_word_with_other_letters_has_no_latin_spelling() -> None:
    assert latin_spellings("гао2") == []
    assert latin_spellings("gao") == []


def test_spellings_are_bounded() -> None:
    assert len(latin_spellings("гхгхгхгх")) == MAX_SPELLINGS
