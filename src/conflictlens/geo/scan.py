"""Finding the names in a document that the gazetteer knows.

A name may start only at a capitalised word (Latin and Cyrillic scripts), at any Arabic word
(Arabic has no capitals), or at one of the lower-case words that begin curated names ("mer Rouge",
"champ d'Al-Omar"). From there the longest key is read word by word in the folded text (see
:mod:`conflictlens.geo.names` for how words are normalised):

- a leading Arabic article may be left out ("Al-Shaddadi" is also looked up as "shaddadi");
- Arabic one-letter clitics are peeled off (بغزة -> غزة, وللحسكة -> الحسكة);
- a Cyrillic word that is no name is tried without its case ending (Херсоні -> Херсон) and, as a
  province adjective (Херсонської області);
- a capitalised Latin run that is no name is tried by its spelling skeleton (Shaddadi ~ Shadadi).

The scanner only finds names; choosing among the places that share one is
:mod:`conflictlens.geo.resolve`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from conflictlens.geo.gazetteer import Gazetteer
from conflictlens.geo.names import (
    ARTICLES,
    CYRILLIC_ARTICLES,
    adjective_stem,
    canonical_word,
    skeleton,
    stem_candidates,
)

__all__ = ["Found", "Scanner"]

How = Literal["exact", "stem", "adjective", "skeleton"]

_WORD = re.compile(r"\w+")
_NEXT = re.compile(r"([ '\-.]{1,3})(\w+)")
_RUNS = tuple(re.compile(rf"(?:[ '\-.]{{1,3}}\w+){{1,{n}}}") for n in range(1, 8))
"""The next one to seven words, each after one to three separators."""
_PAIRS = re.compile(r"([ '\-.]{1,3})(\w+)")
_ADMIN_WORD = re.compile(r"[ \-]*(?:област\w*|обл\b\.?)")
_CLITICS = frozenset("وفبلك")
_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft", "pt", "gen", "sv"})
_MAX_RUN = 4
_ATTACHED = frozenset({"al", "el"})
"""Articles kept in a name's span when written apart ("Al Hasakah", "El Fasher")."""
_MEMO = 50_000


def _upper_class() -> str:
    """Every upper-case Latin and Cyrillic letter, for a regular-expression class."""
    chars = [chr(c) for c in range(0x41, 0x250) if chr(c).isupper()]
    chars += [chr(c) for c in range(0x400, 0x530) if chr(c).isupper()]
    return "".join(re.escape(c) for c in chars)


@dataclass(frozen=True, slots=True)
class Found:
    """A stretch of text that is a known name; ``entry`` lists the places that carry it."""

    start: int
    end: int
    entry: int
    how: How
    key: str


class Scanner:
    """Finds every known name in a text, leftmost-longest, without overlaps."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gaz = gazetteer
        self._keys = gazetteer.keys
        heads = "|".join(re.escape(h) for h in sorted(gazetteer.heads, key=len, reverse=True))
        self._start = re.compile(
            f"(?<!\\w)(?:([{_upper_class()}]\\w*)|([\u0620-\u064a]\\w*)"
            + (f"|((?:{heads})(?!\\w))" if heads else "")
            + ")"
        )
        self._skeleton_words: dict[str, str] = {}
        """Memo of word skeletons (bounded); the same words come back document after document."""
        self._skeleton_heads = frozenset(k.split(" ", 1)[0] for k in gazetteer.skeletons)

    def scan(self, text: str, folded: str) -> list[Found]:
        found: list[Found] = []
        covered = 0
        keys = self._keys
        for match in self._start.finditer(text):
            position = match.start()
            if position < covered:
                continue
            word = folded[position : match.end()]
            kind = match.lastindex
            if kind == 2:
                if word not in keys and word[0] not in _CLITICS:
                    continue  # most Arabic words: no name starts with them
                hit = self._arabic(folded, position, word)
            elif kind == 3:
                hit = self._head(folded, position, word)
            elif word in keys or word in ARTICLES or word in CYRILLIC_ARTICLES:
                hit = self._latin(text, folded, position, word)
            elif "\u0400" <= word[0] <= "\u04ff":
                hit = self._inflected(folded, position, word)
            elif self._skeleton_word(word) in self._skeleton_heads:
                hit = self._by_skeleton(text, folded, position, word, None)
            else:
                continue  # a capitalised word that opens no name
            if hit is not None:
                found.append(hit)
                covered = hit.end
        return found

    def _latin(self, text: str, folded: str, position: int, word: str) -> Found | None:
        """A name opening with a capitalised Latin or Cyrillic word."""
        end = position + len(word)
        article = canonical_word(word)
        cyrillic = "\u0400" <= word[0] <= "\u04ff"
        best = self._walk(folded, article, end, cyrillic)
        opening = position
        following = _NEXT.match(folded, end) if article != word else None
        if following is not None and following.group(1) in (" ", "-"):
            bare = self._walk(folded, following.group(2), following.end(), cyrillic)
            if bare is None and cyrillic and following.group(1) == "-":
                stem = self._inflected(folded, following.start(2), following.group(2))
                bare = (stem.end, stem.entry, stem.key) if stem is not None else None
            if bare is not None and (best is None or bare[0] > best[0]):
                best = bare
                # "Al-Hasakah" keeps its article; "En Syrie" does not.
                if following.group(1) != "-" and word not in _ATTACHED:
                    opening = following.start(2)
        if best is not None:
            hit = Found(opening, best[0], best[1], "exact", best[2])
            if not _goes_on(text, hit.end):
                return hit
            return self._by_skeleton(text, folded, position, word, hit)
        if cyrillic:
            return self._inflected(folded, position, word)
        return self._by_skeleton(text, folded, position, word, None)

    def _head(self, folded: str, position: int, word: str) -> Found | None:
        """A curated name of several words opening with a lower-case word ("mer Rouge")."""
        best = self._walk(folded, word, position + len(word))
        if best is None or " " not in best[2]:
            return None
        return Found(position, best[0], best[1], "exact", best[2])

    def _walk(
        self, folded: str, first: str, end: int, inflected: bool = False
    ) -> tuple[int, int, str] | None:
        """The longest key starting with word ``first`` (ending at ``end``): (end, entry, key).

        With ``inflected`` (Cyrillic), a name of several words may end in a case ending
        ("Джиср-эш-Шугура" for Джиср-эш-Шугур)."""
        value = self._keys.get(first)
        if value is None:
            return None
        best = (end, value >> 3, first) if value >> 3 else None
        more = value & 7
        if not more:
            return best
        run = _RUNS[more - 1].match(folded, end)
        if run is None:
            return best
        words = [first]
        ends = [end]
        previous = first
        for separator, word in _PAIRS.findall(run.group()):
            if "." in separator and len(previous) > 2 and previous not in _ABBREVIATIONS:
                break
            previous = word
            words.append(canonical_word(word))
            ends.append(ends[-1] + len(separator) + len(word))
        for size in range(len(words), 1, -1):
            head = " ".join(words[: size - 1])
            lasts = stem_candidates(words[size - 1]) if inflected else [words[size - 1]]
            for last in lasts:
                key = f"{head} {last}"
                value = self._keys.get(key)
                if value is not None and value >> 3:
                    return ends[size - 1], value >> 3, key
        return best

    def _arabic(self, folded: str, position: int, word: str) -> Found | None:
        end = position + len(word)
        for skip, first in _arabic_forms(word):
            hit = self._walk(folded, first, end)
            if hit is not None:
                return Found(position + skip, hit[0], hit[1], "exact", hit[2])
        return None

    def _inflected(self, folded: str, position: int, word: str) -> Found | None:
        end = position + len(word)
        stem = adjective_stem(word)
        if stem is not None and stem in self._gaz.adjectives:
            tail = _ADMIN_WORD.match(folded, end)
            entry = self._gaz.adjectives[stem]
            return Found(position, tail.end() if tail else end, entry, "adjective", stem)
        for candidate in stem_candidates(word)[1:]:
            found = self._gaz.stems.get(candidate)
            if found is not None:
                return Found(position, end, found, "stem", candidate)
        return None

    def _by_skeleton(
        self, text: str, folded: str, position: int, word: str, hit: Found | None
    ) -> Found | None:
        """A run of capitalised words read by spelling skeleton when it is longer than ``hit``."""
        if self._skeleton_word(word) not in self._skeleton_heads:
            return hit
        run = _capitalised_run(text, folded, position)
        reached = hit.end if hit is not None else position
        # A key's skeleton is its words' skeletons (each remembered), joined.
        shapes = [self._skeleton_word(word) for word, _ in run]
        for size in range(len(run), 0, -1):
            if run[size - 1][1] <= reached:
                break
            key = " ".join(word for word, _ in run[:size])
            if len(key) < 5:
                continue
            entry = self._gaz.skeletons.get(" ".join(shapes[:size]))
            if entry is not None:
                return Found(position, run[size - 1][1], entry, "skeleton", key)
        return hit

    def _skeleton_word(self, word: str) -> str:
        """The skeleton of a word, remembered."""
        known = self._skeleton_words.get(word)
        if known is None:
            if len(self._skeleton_words) > _MEMO:
                self._skeleton_words.clear()
            known = self._skeleton_words[word] = skeleton(word)
        return known


def _goes_on(text: str, end: int) -> bool:
    """A capitalised word follows, joined by a space or a hyphen."""
    return end + 1 < len(text) and text[end] in " -" and text[end + 1].isupper()


def _capitalised_run(text: str, folded: str, position: int) -> list[tuple[str, int]]:
    """Words from ``position`` on that are capitalised or articles, joined by space or hyphen."""
    run: list[tuple[str, int]] = []
    match = _WORD.match(folded, position)
    while match is not None and len(run) < _MAX_RUN:
        word = match.group()
        if not (text[match.start()].isupper() or word in ARTICLES) or not word.isascii():
            break
        run.append((word, match.end()))
        following = _NEXT.match(folded, match.end())
        if following is None or following.group(1) not in (" ", "-"):
            break
        match = _WORD.match(folded, following.start(2))
    while run and run[-1][0] in ARTICLES:
        run.pop()
    return run


def _arabic_forms(word: str) -> Iterable[tuple[int, str]]:
    """The word, then the word without one or two clitic letters (وبالحسكة -> بالحسكة -> الحسكة)."""
    yield 0, word
    for skip in (1, 2):
        if len(word) - skip < 2 or word[skip - 1] not in _CLITICS:
            return
        rest = word[skip:]
        if rest.startswith("ل") and word[skip - 1] == "ل":
            yield skip, "ا" + rest
        yield skip, rest
