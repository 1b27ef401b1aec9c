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
from dataclasses import dataclass

from conflictlens.codebook import CodebookFiles

__all__ = ["LanguageDetector"]

_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = (
    ("arabic", re.compile("[\u0600-\u06ff]")),
    ("cyrillic", re.compile("[\u0400-\u04ff]")),
    ("latin", re.compile("[A-Za-z\u00c0-\u024f]")),
)
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
        words = Counter(_WORD.findall(lowered))
        # A tie (a headline with no frequent word) goes to the fallback language.
        return max(
            candidates,
            key=lambda lang: (self._score(lang, words, lowered), lang.code == self._fallback),
        ).code

    @staticmethod
    def _score(lang: _Language, words: Counter[str], lowered: str) -> float:
        marker_hits = sum(words[word] for word in lang.markers)
        letter_hits = sum(lowered.count(letter) for letter in lang.exclusive_letters)
        # An exclusive letter is much stronger evidence than a shared short word.
        return marker_hits + 5 * letter_hits

    @staticmethod
    def _script(sample: str) -> str:
        arabic = cyrillic = latin = 0
        for char in sample:
            if "\u0600" <= char <= "\u06ff":
                arabic += 1
            elif "\u0400" <= char <= "\u04ff":
                cyrillic += 1
            elif (char.isascii() and char.isalpha()) or "\u00c0" <= char <= "\u024f":
                latin += 1
        best = max((arabic, "arabic"), (cyrillic, "cyrillic"), (latin, "latin"))
        return best[1]
