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


_TABLE_SIZE = 0x2100
"""The table lists every character below this one (all folded ranges and general punctuation):
``str.translate`` then finds each character by index, where a dict raises and catches a KeyError
for every character it does not change. Characters above it pass through unchanged as well."""


@cache
def _table() -> list[str]:
    table = [chr(code) for code in range(_TABLE_SIZE)]
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    for low, high in _RANGES:
        for code in range(low, high + 1):
            table[code] = _fold_char(chr(code))
    for char, folded in _PUNCT_FOLDS.items():
        table[ord(char)] = folded
    return table


def fold(text: str) -> str:
    """Lower-case, strip accents and fold letter variants, one character for one."""
    if text.isascii():
        return text.lower()  # the table changes nothing else in ASCII
    return text.translate(_table())


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
