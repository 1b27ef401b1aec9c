"""Stage 3: split a document into sentences with their character offsets.

Rules, not a model: a sentence ends at . ! ? ؟ … (and closing quotes after them) when the next
word starts a new sentence, and at every paragraph break. A word in the language's abbreviation
list ("M.", "Gen.", "г.") and single capital initials never end a sentence. spaCy's sentencizer
gives the same splits on news copy but costs seconds of start-up (DEPENDENCIES.md §5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictlens.codebook import CodebookFiles
from conflictlens.model import Sentence

__all__ = ["SentenceSplitter"]

_BOUNDARY = re.compile(r"[.!?؟…]+[\"'»)\]]*(?=\s+[\"'«(\[]?\w)|\n\s*\n|\n")
_LAST_WORD = re.compile(r"(\S+?)[.!?؟…]+[\"'»)\]]*$")
MIN_SENTENCE_CHARS = 3


@dataclass
class SentenceSplitter:
    abbreviations: dict[str, frozenset[str]]

    @classmethod
    def load(cls, files: CodebookFiles) -> SentenceSplitter:
        table = files.read("languages.yaml").get("languages", {})
        return cls(
            {
                code: frozenset(str(a).lower() for a in spec.get("abbreviations", []))
                for code, spec in table.items()
            }
        )

    def split(self, text: str, lang: str) -> list[Sentence]:
        abbreviations = self.abbreviations.get(lang, frozenset())
        sentences: list[Sentence] = []
        start = 0
        for boundary in _BOUNDARY.finditer(text):
            end = boundary.end()
            if boundary.group().strip() and self._is_abbreviation(text[start:end], abbreviations):
                continue
            self._append(sentences, text, start, end)
            start = end
        self._append(sentences, text, start, len(text))
        return sentences

    @staticmethod
    def _is_abbreviation(chunk: str, abbreviations: frozenset[str]) -> bool:
        match = _LAST_WORD.search(chunk.rstrip())
        if match is None:
            return False
        word = match.group(1).lstrip("\"'«(")
        return word.lower() in abbreviations or (len(word) == 1 and word.isupper())

    @staticmethod
    def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
        chunk = text[start:end]
        stripped = chunk.strip()
        if len(stripped) < MIN_SENTENCE_CHARS:
            return
        offset = start + chunk.index(stripped)
        sentences.append(Sentence(len(sentences), offset, offset + len(stripped), stripped))
