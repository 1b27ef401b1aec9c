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

import bisect
import re
from collections.abc import Iterable
from operator import itemgetter
from typing import Any, Generic, NamedTuple, TypeVar

import ahocorasick_rs

from conflictlens.text.fold import fold, is_word_char

__all__ = ["Match", "PhraseMatcher", "PhraseScan", "PhraseScanner"]

T = TypeVar("T")

_ARABIC_CLITICS = frozenset("وفبلك")
_MAX_CLITICS = 2
_WORD_RUN = re.compile(r"\w+")
_START = itemgetter(1)
"""The start of an occurrence (slot, start, end)."""


class Match(NamedTuple, Generic[T]):
    """One occurrence of a phrase: ``folded[start:end]`` reads ``key``.

    A named tuple rather than a frozen dataclass: as immutable, and built five times faster,
    which counts for the dozens of matches of every document."""

    start: int
    end: int
    key: str
    payload: T


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

    @property
    def keys(self) -> list[str]:
        """The folded patterns, in slot order (a stem without its ``*``)."""
        return self._keys

    def find(
        self, text: str, folded: str | None = None, scan: PhraseScan | None = None
    ) -> list[Match[T]]:
        """All matches in ``text``; pass ``folded`` when the caller has already folded it, and
        ``scan`` when a :class:`PhraseScanner` holding this matcher has already read it."""
        if self._automaton is None:
            return []
        folded = fold(text) if folded is None else folded
        return self._select(folded, self._raw(folded, scan), 0, len(folded))

    def find_in(
        self, folded: str, start: int, end: int, scan: PhraseScan | None = None
    ) -> list[Match[T]]:
        """The matches ``find(folded[start:end])`` gives, in offsets of ``folded``: the text
        outside the range counts as no word."""
        if self._automaton is None:
            return []
        if scan is None or not scan.holds(self):
            piece = folded[start:end]
            raw = self._automaton.find_matches_as_indexes(piece, overlapping=True)
            return self._select(
                folded, [(slot, a + start, b + start) for slot, a, b in raw], start, end
            )
        raw = scan.within(self, start, end)
        return self._select(folded, raw, start, end) if raw else []

    def _raw(self, folded: str, scan: PhraseScan | None) -> list[tuple[int, int, int]]:
        if scan is not None and scan.holds(self):
            return scan.of(self)
        assert self._automaton is not None
        found: list[tuple[int, int, int]] = self._automaton.find_matches_as_indexes(
            folded, overlapping=True
        )
        return found

    def _select(
        self, folded: str, raw: Iterable[tuple[int, int, int]], low: int, high: int
    ) -> list[Match[T]]:
        """The leftmost-longest of the occurrences ``raw`` (slot, start, end) that stand on word
        boundaries inside ``folded[low:high]``."""
        candidates: list[tuple[int, int, int]] = []
        stems = self._stems
        for slot, start, end in raw:
            # Inline word-boundary tests: this loop runs for every occurrence of every pattern.
            if start > low:
                before = folded[start - 1]
                first = folded[start]
                if (
                    (before.isalnum() or before == "_")
                    and (first.isalnum() or first == "_")
                    and not ("\u0600" <= first <= "\u06ff" and _behind_clitics(folded, start, low))
                ):
                    continue
            if stems[slot]:
                if end < high:
                    run = _WORD_RUN.match(folded, end, high)
                    end = run.end() if run is not None else end
            elif end < high:
                after = folded[end]
                last = folded[end - 1]
                if (after.isalnum() or after == "_") and (last.isalnum() or last == "_"):
                    continue
            candidates.append((start, -end, slot))
        if not candidates:
            return []
        candidates.sort()
        matches: list[Match[T]] = []
        last_end = -1
        for start, neg_end, slot in candidates:
            if start < last_end:
                continue
            last_end = -neg_end
            key = self._keys[slot]
            for payload in self._payloads[slot]:
                matches.append(Match(start, last_end, key, payload))
        return matches


def _behind_clitics(folded: str, start: int, low: int) -> bool:
    """Whether only Arabic one-letter clitics (at most two) stand before ``start`` in its word."""
    cursor = start
    while cursor > low and is_word_char(folded[cursor - 1]):
        if start - cursor >= _MAX_CLITICS or folded[cursor - 1] not in _ARABIC_CLITICS:
            return False
        cursor -= 1
    return True


class PhraseScan:
    """Where the patterns of several matchers occur in one folded text, from one automaton pass:
    each matcher then selects its matches from its own occurrences without reading the text."""

    def __init__(self, found: dict[PhraseMatcher[Any], list[tuple[int, int, int]]]) -> None:
        self._found = found
        self._starts: dict[PhraseMatcher[Any], list[int]] = {}

    def holds(self, matcher: PhraseMatcher[Any]) -> bool:
        """Whether ``matcher`` was part of the scan (any other one reads the text itself)."""
        return matcher in self._found

    def of(self, matcher: PhraseMatcher[Any]) -> list[tuple[int, int, int]]:
        """The occurrences (slot, start, end) of the patterns of ``matcher``, by start."""
        return self._found.get(matcher, [])

    def within(
        self, matcher: PhraseMatcher[Any], start: int, end: int
    ) -> list[tuple[int, int, int]]:
        """The occurrences of ``matcher`` inside ``[start, end)``."""
        found = self._found.get(matcher)
        if not found:
            return []
        starts = self._starts.get(matcher)
        if starts is None:
            starts = self._starts[matcher] = [item[1] for item in found]
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end, first)
        if first == last:
            return []
        return [item for item in found[first:last] if item[2] <= end]


class PhraseScanner:
    """Several matchers read together: one automaton over all their patterns, so a text is scanned
    once for all of them (the cost of a scan grows with the text, hardly with the patterns)."""

    def __init__(self, matchers: Iterable[PhraseMatcher[Any]]) -> None:
        index: dict[str, int] = {}
        owners: list[list[tuple[PhraseMatcher[Any], int]]] = []
        self._matchers = [m for m in matchers if len(m)]
        for matcher in self._matchers:
            for slot, key in enumerate(matcher.keys):
                position = index.get(key)
                if position is None:
                    position = index[key] = len(owners)
                    owners.append([])
                owners[position].append((matcher, slot))
        self._owners = owners
        self._automaton = (
            ahocorasick_rs.AhoCorasick(list(index), matchkind=ahocorasick_rs.MatchKind.Standard)
            if index
            else None
        )

    def scan(self, folded: str) -> PhraseScan:
        found: dict[PhraseMatcher[Any], list[tuple[int, int, int]]] = {
            m: [] for m in self._matchers
        }
        if self._automaton is not None:
            owners = self._owners
            raw = self._automaton.find_matches_as_indexes(folded, overlapping=True)
            raw.sort(key=_START)  # once here, so that each matcher's list is in order
            for position, start, end in raw:
                for matcher, slot in owners[position]:
                    found[matcher].append((slot, start, end))
        return PhraseScan(found)
