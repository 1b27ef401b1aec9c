"""Case, accent and letter-variant folding that keeps every character in place.

``fold(text)`` has exactly the length of ``text``, so a match found in the folded text has the
same offsets in the original. Matching code folds both the patterns and the text with it.
"""

from __future__ import annotations

import unicodedata
from functools import cache

__all__ = ["fold", "is_word_char"]

# Arabic letter variants that spellings of one name alternate between.
_ARABIC_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ی": "ي",
    "ک": "ك",
}
_PUNCT_FOLDS = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"}
# Only the scripts conflictlens reads need a table; other characters pass through unchanged.
_RANGES = ((0x00C0, 0x024F), (0x0370, 0x052F), (0x0600, 0x06FF), (0x1E00, 0x1EFF))


def _fold_char(char: str) -> str:
    if char in _ARABIC_FOLDS:
        return _ARABIC_FOLDS[char]
    if char in _PUNCT_FOLDS:
        return _PUNCT_FOLDS[char]
    lower = char.lower()
    if len(lower) != 1:
        lower = char
    if "\u0400" <= lower <= "\u04ff":
        # Cyrillic breves and diaereses make distinct letters (й, ї), except Russian yo, which
        # most copy writes as ye.
        return "е" if lower == "ё" else lower
    base = unicodedata.normalize("NFD", lower)[0]
    return base if base.isalpha() else lower


@cache
def _table() -> dict[int, str]:
    table = {code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)}
    for low, high in _RANGES:
        for code in range(low, high + 1):
            folded = _fold_char(chr(code))
            if folded != chr(code):
                table[code] = folded
    for char, folded in _PUNCT_FOLDS.items():
        table[ord(char)] = folded
    return table


def fold(text: str) -> str:
    """Lower-case, strip accents and fold letter variants, one character for one."""
    return text.translate(_table())


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
