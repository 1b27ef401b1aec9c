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

# Sentence-final punctuation (and closing quotes) before the next word, a paragraph break or a
# line break. The pattern starts with one character class, which lets the regex engine skip from
# one candidate character to the next instead of trying three alternatives at every position.
_BOUNDARY = re.compile(
    r"[.!?؟…\n](?:(?<=[^\n])[.!?؟…]*[\"'»)\]]*(?=\s+[\"'«(\[]?\w)|(?<=\n)\s*\n|(?<=\n))"
)
# The word before the final punctuation of a chunk's last token ("Gen." -> "Gen").
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
            if text[boundary.start()] != "\n" and self._is_abbreviation(
                text[start:end], abbreviations
            ):
                continue
            self._append(sentences, text, start, end)
            start = end
        self._append(sentences, text, start, len(text))
        return sentences

    @staticmethod
    def _is_abbreviation(chunk: str, abbreviations: frozenset[str]) -> bool:
        # Only the last token can hold the word: neither part of the pattern crosses a space.
        tokens = chunk.rsplit(None, 1)
        match = _LAST_WORD.match(tokens[-1]) if tokens else None
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
        offset = start + len(chunk) - len(chunk.lstrip())
        sentences.append(Sentence(len(sentences), offset, offset + len(stripped), stripped))
