"""Numbers written in digits or in words, read with a per-language lexicon.

The words live in ``<lang>/numbers.yaml`` (see the French file for the layout): number words in
all their inflected forms, scales ("cent", "thousand", "آلاف"), the words that join the parts of a
compound ("vingt et un", "treinta y dos", "ثلاثة وعشرون"), approximate quantities with the value
ACLED gives them ("des dizaines" = 10) and quantities that are no number ("plusieurs").

Compounds are read by adding their parts, scales multiply what stands before them; a part that
cannot follow the previous one ("deux trois") starts a new number instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from conflictlens.codebook.files import CodebookFiles
from conflictlens.errors import CodebookError
from conflictlens.text.fold import fold
from conflictlens.text.match import PhraseMatcher, PhraseScan

__all__ = ["Number", "NumberWords"]

WordKind = Literal["number", "scale", "vague", "uncounted", "digits"]

# Runs of digit groups ("1 200", "3.000", "٢٬٥٠٠", "3,5", "2023 200"), split into numbers in
# Python. Digits are a plain character class: Python's re scans one several times faster than
# \d or an alternation, and nearly every sentence has no digit at all.
_D = "0-9\u0660-\u0669\u06f0-\u06f9"
_ANY_DIGIT = re.compile(f"[{_D}]")
_DIGIT_RUN = re.compile(rf"[{_D}]+(?:[,.\u066b\u066c\u202f ][{_D}]+)*")
_DIGIT_GROUP = re.compile(f"[{_D}]+")
_DECIMAL_MARKS = ".,\u066b"
_GAP_TRIM = " -\n"


@dataclass(frozen=True, slots=True)
class Number:
    """A number in a text: ``folded[start:end]`` reads ``value``."""

    start: int
    end: int
    value: int | None
    """None for a quantity that is no whole number: "plusieurs", "several", "3,5"."""
    vague: bool = False
    """An approximate quantity ("des dizaines", "dozens") read with ACLED's value."""
    digits: bool = False


@dataclass(frozen=True, slots=True)
class _Word:
    kind: WordKind
    value: int | None


@dataclass(slots=True)
class _Reading:
    """A compound being read, part by part."""

    start: int
    end: int
    kind: WordKind
    total: int = 0
    current: int = 0
    unread: bool = False
    """A decimal ("2,5"): no whole number, even with a scale after it ("2,5 millions")."""

    def value(self) -> int | None:
        return None if self.unread else self.total + self.current


def _can_add(current: int, value: int) -> bool:
    """Whether ``value`` may follow ``current`` inside one number word sequence."""
    if current == 0:
        return True
    if current % 100 == 0 and value < 100:
        return True  # cent vingt, two hundred five
    if current % 10 == 0 and value < 10:
        return True  # vingt et un, twenty-one
    if current % 100 in (60, 80) and 10 <= value < 20:
        return True  # soixante et onze, quatre-vingt-douze
    # Arabic names units before tens: ثلاثة عشر (13), ثلاثة وعشرون (23).
    return current < 10 and value % 10 == 0 and 10 <= value <= 90


def _glued(folded: str, start: int, end: int) -> bool:
    return (start > 0 and folded[start - 1].isalnum()) or folded[end : end + 1].isalnum()


def _runs_on(folded: str, end: int) -> bool:
    """Whether a word goes on after an apostrophe: Ukrainian "сім'я" (a family) is no "сім" (7)."""
    return folded[end : end + 1] == "'" and folded[end + 1 : end + 2].isalpha()


def _digit_numbers(folded: str, start: int, end: int) -> list[tuple[int, int, _Word]]:
    """The numbers a run of digit groups writes: one grouped by thousands ("1 200", "3.000"),
    a decimal, read as no whole number ("3,5"), or several side by side ("2023 200")."""
    groups = [(g.start(), g.end()) for g in _DIGIT_GROUP.finditer(folded, start, end)]
    numbers: list[tuple[int, int, _Word]] = []
    i = 0
    while i < len(groups):
        j = i
        if groups[i][1] - groups[i][0] <= 3:
            separator = folded[groups[i][1] : groups[i + 1][0]] if i + 1 < len(groups) else ""
            while (
                j + 1 < len(groups)
                and groups[j + 1][1] - groups[j + 1][0] == 3
                and folded[groups[j][1] : groups[j + 1][0]] == separator
            ):
                j += 1
        if j == i and i + 1 < len(groups) and folded[groups[i][1]] in _DECIMAL_MARKS:
            numbers.append((groups[i][0], groups[i + 1][1], _Word("digits", None)))
            i += 2
            continue
        digits = "".join(folded[a:b] for a, b in groups[i : j + 1])
        numbers.append((groups[i][0], groups[j][1], _Word("digits", int(digits))))
        i = j + 1
    return numbers


def _entries(section: Mapping[Any, Any], kind: WordKind, origin: str) -> list[tuple[str, _Word]]:
    entries: list[tuple[str, _Word]] = []
    for value, words in section.items():
        if not isinstance(words, list):
            raise CodebookError(f"{origin}: '{kind}' maps a value to a list of words")
        entries.extend((str(word), _Word(kind, int(value))) for word in words)
    return entries


@dataclass(frozen=True)
class NumberWords:
    """Finds numbers in folded text: digits, number words, scales and approximate quantities."""

    matcher: PhraseMatcher[_Word]
    joiners: frozenset[str]

    @classmethod
    def load(cls, files: CodebookFiles, lang: str) -> NumberWords:
        origin = f"{lang}/numbers.yaml"
        data = files.read(origin)
        entries = _entries(data.get("numbers") or {}, "number", origin)
        entries += _entries(data.get("scales") or {}, "scale", origin)
        entries += _entries(data.get("vague") or {}, "vague", origin)
        entries += [(str(word), _Word("uncounted", None)) for word in data.get("uncounted") or []]
        joiners = frozenset(fold(str(word)).strip() for word in data.get("joiners") or [])
        return cls(PhraseMatcher(entries), joiners)

    def find(
        self, folded: str, start: int = 0, end: int | None = None, scan: PhraseScan | None = None
    ) -> list[Number]:
        """Numbers in ``folded[start:end]`` (text folded with ``fold``), in document offsets;
        ``scan``, when given, holds the occurrences of this lexicon's words in ``folded``."""
        end = len(folded) if end is None else end
        words = [
            (m.start, m.end, m.payload)
            for m in self.matcher.find_in(folded, start, end, scan)
            if not _runs_on(folded, m.end)
        ]
        first_digit = _ANY_DIGIT.search(folded, start, end)
        if first_digit is not None:
            for run in _DIGIT_RUN.finditer(folded, first_digit.start(), end):
                if not _glued(folded, run.start(), run.end()):  # "A320", "3km"
                    words += _digit_numbers(folded, run.start(), run.end())
            words.sort(key=lambda item: item[0])
        return list(self._read(folded, words))

    def _read(self, folded: str, words: Iterable[tuple[int, int, _Word]]) -> Iterable[Number]:
        reading: _Reading | None = None
        for start, end, word in words:
            if reading is not None and self._extends(folded, reading, start, word):
                _add(reading, end, word)
                continue
            if reading is not None:
                yield _finish(reading)
                reading = None
            if word.kind in ("vague", "uncounted") or word.value is None:
                vague, digits = word.kind == "vague", word.kind == "digits"
                reading = _Reading(start, end, word.kind, unread=True) if digits else None
                if reading is None:
                    yield Number(start, end, word.value, vague=vague)
                continue
            reading = _Reading(start, start, word.kind)
            _add(reading, end, word)
        if reading is not None:
            yield _finish(reading)

    def _extends(self, folded: str, reading: _Reading, start: int, word: _Word) -> bool:
        gap = folded[reading.end : start].strip(_GAP_TRIM)
        if gap and gap not in self.joiners:
            return False
        if word.value is None or word.kind in ("vague", "uncounted", "digits"):
            return False
        if word.kind == "scale":
            return reading.unread or reading.current < word.value or word.value >= 1000
        return reading.kind != "digits" and _can_add(reading.current, word.value)


def _add(reading: _Reading, end: int, word: _Word) -> None:
    value = word.value or 0
    reading.end = end
    if word.kind == "scale" and value >= 1000:
        reading.total += max(reading.current, 1) * value
        reading.current = 0
    elif word.kind == "scale":
        reading.current = max(reading.current, 1) * value
    else:
        reading.current += value


def _finish(reading: _Reading) -> Number:
    return Number(reading.start, reading.end, reading.value(), digits=reading.kind == "digits")
