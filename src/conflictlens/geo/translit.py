"""Latin spellings of a Cyrillic place name, for places GeoNames knows only in Latin letters.

Russian and Ukrainian news write every foreign place in Cyrillic ("Ансонго", "Джиср-эш-Шугур"),
while GeoNames gives most small towns of Africa and the Middle East Latin names only. A Cyrillic
name found nowhere else is spelt in Latin letters, letter by letter, and looked up by its
spelling skeleton (:func:`conflictlens.geo.names.skeleton`), the same last-chance lookup as a
Latin name spelt otherwise. Where Cyrillic writes one letter for sounds that Latin spellings
write several ways (г for g or h, х for kh or h), every spelling is tried.
"""

from __future__ import annotations

import itertools

__all__ = ["MAX_SPELLINGS", "latin_spellings"]

MAX_SPELLINGS = 8
"""Spellings tried for one name at most: each ambiguous letter doubles them, and a name with more
than three such letters is rare."""

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "д": "d", "е": "e", "ё": "e", "є": "ye", "ж": "zh", "з": "z",
    "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "'": "", "ʼ": "",
}  # fmt: skip
"""One Latin spelling per letter (BGN/PCGN style), for the letters that have one."""
_CHOICES = {"г": ("g", "h"), "ґ": ("g",), "х": ("kh", "h")}
"""Letters whose sound Latin spellings write in more than one way ("Газа" Gaza, "Хама" Hama)."""
_CLUSTERS = {"дж": ("j", "dzh")}
"""Letter pairs read as one sound ("Джибути" Djibouti, "Джиср" Jisr)."""


def latin_spellings(word: str) -> list[str]:
    """The Latin spellings of a folded Cyrillic word or name, most usual first; [] when it has a
    letter with no spelling (a Latin letter, a digit)."""
    parts: list[tuple[str, ...]] = []
    index = 0
    while index < len(word):
        pair = word[index : index + 2]
        if pair in _CLUSTERS:
            parts.append(_CLUSTERS[pair])
            index += 2
            continue
        char = word[index]
        if char in _CHOICES:
            parts.append(_CHOICES[char])
        elif char in _LETTERS:
            parts.append((_LETTERS[char],))
        elif char in " -":
            parts.append((" ",))
        else:
            return []
        index += 1
    spellings = ("".join(choice) for choice in itertools.product(*parts))
    return list(itertools.islice(spellings, MAX_SPELLINGS))
