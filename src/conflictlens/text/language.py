"""Stage 2: which of the supported languages a document is written in.

Scripts decide most cases at once (Arabic; Cyrillic); letters that only Ukrainian or only Russian
uses split Cyrillic; Latin-script text goes to the language whose frequent short words it holds
most of. On news copy this is as accurate as a statistical model limited to the same six languages
and costs microseconds (lingua's 6-language high-accuracy model takes 254 MB, DEPENDENCIES.md §1).
A language the reader declared (JSONL ``lang``) wins when it is supported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import repeat

from conflictlens.codebook import CodebookFiles

__all__ = ["LanguageDetector"]

_WORD = re.compile(r"[^\W\d_]+")
_LETTERS_BELOW = 0x2100
"""Below this character the letter table below is complete (Latin, Greek, Cyrillic, Arabic...)."""
_BEYOND = re.compile(f"[^\\x00-{chr(_LETTERS_BELOW - 1)}]")
_SAMPLE_CHARS = 4000
"""Enough text to decide; a whole long article adds time and no accuracy."""


@dataclass(frozen=True)
class _Language:
    code: str
    script: str
    markers: frozenset[str]
    exclusive_letters: str


class LanguageDetector:
    def __init__(self, languages: list[_Language], fallback: str = "en") -> None:
        self._languages = languages
        self._fallback = fallback
        self.supported = frozenset(lang.code for lang in languages)

    @classmethod
    def load(cls, files: CodebookFiles) -> LanguageDetector:
        table = files.read("languages.yaml").get("languages", {})
        languages = [
            _Language(
                code=code,
                script=str(spec.get("script", "latin")),
                markers=frozenset(str(word) for word in spec.get("markers", [])),
                exclusive_letters=str(spec.get("exclusive_letters", "")),
            )
            for code, spec in table.items()
        ]
        return cls(languages)

    def detect(self, text: str, declared: str | None = None) -> str:
        if declared and declared.lower()[:2] in self.supported:
            return declared.lower()[:2]
        sample = text[:_SAMPLE_CHARS]
        script = self._script(sample)
        candidates = [lang for lang in self._languages if lang.script == script]
        if not candidates:
            return self._fallback
        if len(candidates) == 1:
            return candidates[0].code
        lowered = sample.lower()
        words = Counter(_words(lowered))
        # A tie (a headline with no frequent word) goes to the fallback language.
        return max(
            candidates,
            key=lambda lang: (self._score(lang, words, lowered), lang.code == self._fallback),
        ).code

    @staticmethod
    def _score(lang: _Language, words: Counter[str], lowered: str) -> float:
        marker_hits = sum(map(words.get, lang.markers, repeat(0)))
        letter_hits = sum(lowered.count(letter) for letter in lang.exclusive_letters)
        # An exclusive letter is much stronger evidence than a shared short word.
        return marker_hits + 5 * letter_hits

    @staticmethod
    def _script(sample: str) -> str:
        counts = _script_counts(sample)
        best = max((counts[0], "arabic"), (counts[1], "cyrillic"), (counts[2], "latin"))
        return best[1]


@cache
def _letter_table() -> list[str]:
    """Each character below ``_LETTERS_BELOW`` as itself if ``_WORD`` reads it as a letter, else a
    space."""
    return [char if _WORD.fullmatch(char) else " " for char in map(chr, range(_LETTERS_BELOW))]


def _words(lowered: str) -> list[str]:
    """The words of a text, as ``_WORD.findall`` reads them.

    Turning every other character into a space and splitting costs a third of the regex; a text
    with characters beyond the table is read with the regex.
    """
    if _BEYOND.search(lowered) is not None:
        return _WORD.findall(lowered)
    return lowered.translate(_letter_table()).split()


def _keeping(kept: Iterable[int]) -> bytes:
    """The bytes to delete so that only ``kept`` remain (for ``bytes.translate``)."""
    keep = set(kept)
    return bytes(b for b in range(256) if b not in keep)


# Letters are counted on the UTF-8 bytes of the sample, where each script is a set of lead bytes:
# deleting the other bytes in C costs a few microseconds, a loop over the characters a hundred.
# U+0600-06FF starts with D8-DB, U+0400-04FF with D0-D3, U+00C0-023F with C3-C8; U+0240-024F is
# C9 80-8F, counted apart.
_NOT_ARABIC = _keeping(range(0xD8, 0xDC))
_NOT_CYRILLIC = _keeping(range(0xD0, 0xD4))
_NOT_LATIN = _keeping(
    [*range(ord("A"), ord("Z") + 1), *range(ord("a"), ord("z") + 1), *range(0xC3, 0xC9)]
)
_LATIN_TAIL = re.compile(b"\xc9[\x80-\x8f]")


def _script_counts(sample: str) -> tuple[int, int, int]:
    """How many Arabic, Cyrillic and Latin letters ``sample`` holds."""
    data = sample.encode("utf-8", "surrogatepass")
    return (
        len(data.translate(None, _NOT_ARABIC)),
        len(data.translate(None, _NOT_CYRILLIC)),
        len(data.translate(None, _NOT_LATIN)) + len(_LATIN_TAIL.findall(data)),
    )
