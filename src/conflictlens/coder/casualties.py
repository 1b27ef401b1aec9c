"""Killed and injured counts stated in a sentence.

A casualty word ("tués", "wounded", "قتلى", "погибли") takes the count next to it: before it
("trois civils ont été tués", "троє загиблих", "سقوط عشرات القتلى") or after it ("killing at least
five", "поранено семеро", "قتل ثلاثة مدنيين"). Between them may stand only small words (auxiliaries,
"at least", articles) and the people counted ("civils", "soldiers", "человек"), with at most a
couple of unknown words ("Palestinian") when a people word shows what was counted. A number
followed by another noun ("3 drones", "12 attaques", "30 km", "45 %", "7 octobre") or a year is not
a count. Each word and each number is used once, closest pairs first.

The words are data, under the ``casualties`` key of ``<lang>/numbers.yaml``; the number words come
from :class:`conflictlens.text.numbers.NumberWords`. ACLED's readings of vague quantities apply
("dozens" = 12, "des dizaines" = 10, "several" = no count).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from conflictlens.codebook.files import CodebookFiles
from conflictlens.errors import CodebookError
from conflictlens.model import CasualtyMention, Span
from conflictlens.text.fold import fold
from conflictlens.text.match import PhraseMatcher
from conflictlens.text.numbers import Number, NumberWords

__all__ = ["CasualtyRules"]

Kind = Literal["killed", "injured"]

MAX_WORDS_BEFORE = 6
"""Words allowed between a count and the casualty word after it ("trois civils palestiniens
ont été tués" has four)."""
MAX_WORDS_AFTER = 4
"""Words allowed between a casualty word and the count after it ("ما لا يقل عن" has three)."""
MAX_UNKNOWN_BEFORE = 2
MAX_UNKNOWN_AFTER = 1

_GAP_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|[^\w\s]")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+(?:'[^\W\d_]+)*|[%٪])")
_BARRIERS = frozenset(",;:()[].!?«»\"،؛")
_PERCENT = frozenset("%٪")


@dataclass(frozen=True, slots=True)
class _Word:
    kind: Kind | None
    """None for a statement that nobody was hurt ("aucune victime")."""
    count: int | None = None
    """A count the word carries itself: Arabic duals (قتيلان = two killed)."""
    none: tuple[Kind, ...] = ()
    """What a statement of no casualties is about."""


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    word: _Word


@dataclass(frozen=True, slots=True)
class _Pair:
    cost: tuple[int, int, int]
    word: int
    number: int


@dataclass(frozen=True)
class _WordSet:
    """Folded words and stems ("civil*") for looking up the words of a gap."""

    exact: frozenset[str]
    stems: tuple[str, ...]

    @classmethod
    def of(cls, words: Iterable[object]) -> _WordSet:
        folded = [fold(str(w)).strip() for w in words]
        stems = tuple(w[:-1] for w in folded if w.endswith("*"))
        return cls(frozenset(w for w in folded if not w.endswith("*")), stems)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.exact or word.startswith(self.stems))


def _list(section: Mapping[str, Any], key: str, origin: str) -> list[object]:
    value = section.get(key) or []
    if not isinstance(value, list):
        raise CodebookError(f"{origin}: casualties.{key} must be a list of words")
    return value


def _lexicon(section: Mapping[str, Any], origin: str) -> PhraseMatcher[_Word]:
    entries: list[tuple[str, _Word]] = []
    kinds: tuple[Kind, ...] = ("killed", "injured")
    none = section.get("none") or {}
    implied = section.get("implied") or {}
    for kind in kinds:
        entries += [(str(w), _Word(kind)) for w in _list(section, kind, origin)]
        entries += [(str(w), _Word(None, none=(kind,))) for w in none.get(kind) or []]
        for count, words in (implied.get(kind) or {}).items():
            entries += [(str(w), _Word(kind, int(count))) for w in words]
    entries += [(str(w), _Word(None, none=kinds)) for w in none.get("both") or []]
    return PhraseMatcher(entries)


def _month_words(files: CodebookFiles, lang: str) -> list[object]:
    """Month names, so that "7 octobre" is a date rather than seven of something."""
    months = files.read(f"{lang}/dates.yaml").get("months") or {}
    return [w for words in months.values() for w in words or []]


@dataclass(frozen=True)
class CasualtyRules:
    """One language's casualty rules, compiled once by :meth:`load`."""

    lexicon: PhraseMatcher[_Word]
    numbers: NumberWords
    implied_people: PhraseMatcher[int]
    people: _WordSet
    filler: _WordSet
    units: _WordSet
    barriers: _WordSet
    clitics: str

    @classmethod
    def load(cls, files: CodebookFiles, lang: str) -> CasualtyRules:
        origin = f"{lang}/numbers.yaml"
        section = files.read(origin).get("casualties") or {}
        if not isinstance(section, Mapping):
            raise CodebookError(f"{origin}: 'casualties' must be a mapping")
        implied = section.get("implied_people") or {}
        return cls(
            lexicon=_lexicon(section, origin),
            numbers=NumberWords.load(files, lang),
            implied_people=PhraseMatcher(
                (str(w), int(count)) for count, words in implied.items() for w in words
            ),
            people=_WordSet.of(_list(section, "people", origin)),
            filler=_WordSet.of(_list(section, "filler", origin)),
            units=_WordSet.of(_list(section, "units", origin) + _month_words(files, lang)),
            barriers=_WordSet.of(_list(section, "barriers", origin)),
            clitics=fold(str(section.get("clitics") or "")),
        )

    def find(self, text: str, folded: str, start: int, end: int) -> list[CasualtyMention]:
        """Killed and injured counts stated in text[start:end]."""
        piece = folded[start:end]
        hits = [_Hit(m.start + start, m.end + start, m.payload) for m in self.lexicon.find(piece, piece)]
        if not hits:
            return []  # the common case, kept cheap
        numbers = self._counts(folded, start, end, hits)
        mentions: list[CasualtyMention] = []
        paired: set[int] = set()
        for pair in self._pairs(folded, hits, numbers):
            hit, number = hits[pair.word], numbers[pair.number]
            paired.add(pair.word)
            if number.value is not None and hit.word.kind is not None:
                first, last = min(hit.start, number.start), max(hit.end, number.end)
                mentions.append(_mention(text, first, last, hit.word.kind, number.value))
        for index, hit in enumerate(hits):
            if index not in paired:
                mentions += _unpaired(text, hit)
        return sorted(mentions, key=lambda m: (m.span.start, m.kind))

    # --- numbers ----------------------------------------------------------------------------

    def _counts(self, folded: str, start: int, end: int, hits: Sequence[_Hit]) -> list[Number]:
        """The numbers of the sentence that may count people."""
        piece = folded[start:end]
        found = self.numbers.find(folded, start, end)
        found += [
            Number(m.start + start, m.end + start, m.payload)
            for m in self.implied_people.find(piece, piece)
        ]
        counts: list[Number] = []
        for number in sorted(found, key=lambda n: n.start):
            if any(h.start < number.end and number.start < h.end for h in hits):
                continue  # a number word inside a casualty phrase
            if self._counts_something_else(folded, number, end):
                continue
            counts.append(number)
        return counts

    def _counts_something_else(self, folded: str, number: Number, end: int) -> bool:
        follower = _NEXT_WORD.match(folded, number.end, end)
        word = follower.group(1) if follower else ""
        if word in _PERCENT or (word and self._classify(word) == "unit"):
            return True
        raw = folded[number.start : number.end]
        looks_like_year = number.digits and len(raw) == 4 and 1900 <= (number.value or 0) <= 2100
        return looks_like_year and word not in self.people

    # --- pairing ----------------------------------------------------------------------------

    def _pairs(self, folded: str, hits: Sequence[_Hit], numbers: Sequence[Number]) -> list[_Pair]:
        candidates: list[_Pair] = []
        for w, hit in enumerate(hits):
            if hit.word.kind is None or hit.word.count is not None:
                continue
            for n, number in enumerate(numbers):
                cost = self._cost(folded, hits, numbers, hit, number)
                if cost is not None:
                    candidates.append(_Pair(cost, w, n))
        chosen: list[_Pair] = []
        used_words: set[int] = set()
        used_numbers: set[int] = set()
        for pair in sorted(candidates, key=lambda p: p.cost):
            if pair.word in used_words or pair.number in used_numbers:
                continue
            used_words.add(pair.word)
            used_numbers.add(pair.number)
            chosen.append(pair)
        return chosen

    def _cost(
        self,
        folded: str,
        hits: Sequence[_Hit],
        numbers: Sequence[Number],
        hit: _Hit,
        number: Number,
    ) -> tuple[int, int, int] | None:
        """How far apart a casualty word and a number are, or None when they cannot pair."""
        before = number.end <= hit.start
        if not before and number.start < hit.end:
            return None
        left, right = (number.end, hit.start) if before else (hit.end, number.start)
        if any(left <= other.start and other.end <= right for other in (*hits, *numbers)):
            return None  # another count or casualty word stands between
        words = self._gap_words(folded[left:right])
        if words is None:
            return None
        unknown = words.count("unknown")
        has_people = "people" in words
        if "unit" in words or "barrier" in words:
            return None
        if before:
            if len(words) > MAX_WORDS_BEFORE or unknown > MAX_UNKNOWN_BEFORE:
                return None
            if unknown and not has_people:
                return None  # "12 attaques ont tué": the number counts something else
        else:
            if len(words) > MAX_WORDS_AFTER or unknown > MAX_UNKNOWN_AFTER:
                return None
            if (unknown or has_people) and not self._people_follow(folded, number):
                return None  # "killed in 3 attacks"
        return (len(words) + unknown, 0 if before else 1, right - left)

    def _gap_words(self, gap: str) -> list[str] | None:
        """The class of each word of a gap, or None when punctuation cuts it."""
        classes: list[str] = []
        for token in _GAP_TOKEN.findall(gap):
            if len(token) == 1 and not token.isalnum():
                if token in _BARRIERS:
                    return None
                continue
            classes.append(self._classify(token))
        return classes

    def _classify(self, word: str) -> str:
        for candidate in self._readings(word):
            if candidate in self.barriers:
                return "barrier"
            if candidate in self.units:
                return "unit"
            if candidate in self.people:
                return "people"
            if candidate in self.filler:
                return "filler"
        return "unknown"

    def _readings(self, word: str) -> Iterable[str]:
        """The word, without an elided article ("l'armée"), without Arabic clitics ("وأصيب")."""
        yield word
        if "'" in word:
            yield word.rsplit("'", 1)[1]
        stripped = word
        while len(stripped) > 2 and stripped[0] in self.clitics:
            stripped = stripped[1:]
            yield stripped

    def _people_follow(self, folded: str, number: Number) -> bool:
        follower = _NEXT_WORD.match(folded, number.end)
        return follower is not None and self._classify(follower.group(1)) == "people"


def _mention(text: str, start: int, end: int, kind: Kind, count: int) -> CasualtyMention:
    return CasualtyMention(Span(start, end, text[start:end]), kind, count)


def _unpaired(text: str, hit: _Hit) -> list[CasualtyMention]:
    """Mentions a casualty word makes on its own: an implied count or a statement of none."""
    word = hit.word
    if word.kind is not None and word.count is not None:
        return [_mention(text, hit.start, hit.end, word.kind, word.count)]
    return [_mention(text, hit.start, hit.end, kind, 0) for kind in word.none]
