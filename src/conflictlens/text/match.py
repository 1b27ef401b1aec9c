"""Whole-lexicon phrase matching with Aho-Corasick and Unicode word boundaries.

One automaton holds every pattern of a lexicon, so a text is scanned once however many patterns
there are (a large regex alternation is orders of magnitude slower: see DEPENDENCIES.md, section 6).
Patterns and text are folded with :func:`conflictlens.text.fold.fold`, which keeps offsets.

Pattern syntax, as written in the codebook files:
- ``frappe aérienne``: the phrase, matched on whole words;
- ``tué*``: a stem, the word may go on (tué, tués, tuée);
- Arabic-script patterns also match behind the one-letter clitics و ف ب ل ك (بغزة, وكركوك).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick_rs

from conflictlens.text.fold import fold, is_word_char

__all__ = ["Match", "PhraseMatcher"]

T = TypeVar("T")

_ARABIC_CLITICS = frozenset("وفبلك")
_MAX_CLITICS = 2


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int
    end: int
    key: str
    payload: T


def _is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff"


class PhraseMatcher(Generic[T]):
    """Finds the non-overlapping, leftmost-longest occurrences of many phrases in a text."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        keys: list[str] = []
        payloads: list[list[T]] = []
        stems: list[bool] = []
        index: dict[tuple[str, bool], int] = {}
        for pattern, payload in entries:
            stem = pattern.endswith("*")
            key = fold(pattern.rstrip("*").strip())
            if not key:
                continue
            slot = index.get((key, stem))
            if slot is None:
                slot = index[(key, stem)] = len(keys)
                keys.append(key)
                payloads.append([])
                stems.append(stem)
            payloads[slot].append(payload)
        self._keys = keys
        self._payloads = payloads
        self._stems = stems
        self._automaton = (
            ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.Standard)
            if keys
            else None
        )

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, text: str, folded: str | None = None) -> list[Match[T]]:
        """All matches in ``text``; pass ``folded`` when the caller has already folded it."""
        if self._automaton is None:
            return []
        folded = fold(text) if folded is None else folded
        candidates: list[tuple[int, int, int]] = []
        for slot, start, end in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            bounded = self._bounded(folded, slot, start, end)
            if bounded is not None:
                candidates.append((start, -bounded, slot))
        candidates.sort()
        matches: list[Match[T]] = []
        last_end = -1
        for start, neg_end, slot in candidates:
            if start < last_end:
                continue
            last_end = -neg_end
            for payload in self._payloads[slot]:
                matches.append(Match(start, last_end, self._keys[slot], payload))
        return matches

    def _bounded(self, folded: str, slot: int, start: int, end: int) -> int | None:
        """The match's end if it stands on word boundaries (a stem may run on), else None."""
        inside_word = start > 0 and is_word_char(folded[start - 1]) and is_word_char(folded[start])
        if inside_word and not (_is_arabic(folded[start]) and self._behind_clitics(folded, start)):
            return None
        if self._stems[slot]:
            while end < len(folded) and is_word_char(folded[end]):
                end += 1
            return end
        if end < len(folded) and is_word_char(folded[end]) and is_word_char(folded[end - 1]):
            return None
        return end

    @staticmethod
    def _behind_clitics(folded: str, start: int) -> bool:
        cursor = start
        while cursor > 0 and is_word_char(folded[cursor - 1]):
            if start - cursor >= _MAX_CLITICS or folded[cursor - 1] not in _ARABIC_CLITICS:
                return False
            cursor -= 1
        return True
