"""Finding the names in a document that the gazetteer knows.

A name may start only at a capitalised word (Latin and Cyrillic scripts), at any Arabic word
(Arabic has no capitals), or at one of the lower-case words that begin curated names ("mer Rouge",
"champ d'Al-Omar"). From there the longest key is read word by word in the folded text (see
:mod:`conflictlens.geo.names` for how words are normalised):

- a leading Arabic article may be left out ("Al-Shaddadi" is also looked up as "shaddadi");
- Arabic one-letter clitics are peeled off (بغزة -> غزة, وللحسكة -> الحسكة);
- a Cyrillic word that is no name is tried without its case ending (Херсоні -> Херсон) and, as a
  province adjective (Херсонської області);
- a capitalised Latin run that is no name is tried by its spelling skeleton (Shaddadi ~ Shadadi);
- a Cyrillic run that is no name is spelt in Latin letters and tried the same way (Ансонго ~
  Ansongo, :mod:`conflictlens.geo.translit`).

The scanner only finds names; choosing among the places that share one is
:mod:`conflictlens.geo.resolve`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from conflictlens.geo.gazetteer import Gazetteer
from conflictlens.geo.names import (
    ARTICLES,
    CYRILLIC_ARTICLES,
    adjective_stem,
    canonical_word,
    skeleton,
    stem_candidates,
)
from conflictlens.geo.translit import latin_spellings

__all__ = ["Found", "How", "Scanner"]

How = Literal["exact", "stem", "adjective", "skeleton"]

_WORD = re.compile(r"\w+")
_NEXT = re.compile(r"([ '\-.]{1,3})(\w+)")
_ADMIN_WORD = re.compile(r"[ \-]*(?:област\w*|обл\b\.?)")
_CLITICS = frozenset("وفبلك")
_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft", "pt", "gen", "sv"})
_MAX_RUN = 4
_ARTICLE_INITIALS = frozenset(word[0] for word in ARTICLES)
_ATTACHED = frozenset({"al", "el"})
"""Articles kept in a name's span when written apart ("Al Hasakah", "El Fasher")."""
_MEMO = 50_000
"""Words a memo keeps before it is emptied: a few MB each. A day's news repeats far fewer names;
a larger vocabulary (every Arabic word is read) only costs the look-ups again now and then."""
_T = TypeVar("_T")

# What a capitalised word alone says the scanner should do there (see ``Scanner._opener``).
_NOTHING = 0
_EXACT = 1
_INFLECTED = 2
_SKELETON = 3
_LATIN_SPELLING = 4


def _upper_class() -> str:
    """Every upper-case Latin and Cyrillic letter, for a regular-expression class."""
    chars = [chr(c) for c in range(0x41, 0x250) if chr(c).isupper()]
    chars += [chr(c) for c in range(0x400, 0x530) if chr(c).isupper()]
    return "".join(re.escape(c) for c in chars)


def _alternation(words: Iterable[str]) -> str:
    """A regular expression for any of ``words``, sharing their common beginnings
    (``camp(?:a(?:gne|mento)|o)?``): the engine tries it at every position, and a plain list of
    alternatives costs as much as the rest of the scan's expression."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _branches(rest) for char, rest in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = f"(?:{'|'.join(branches)})"
    return group + "?" if "" in node else group


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

    def __init__(self, gazetteer: Gazetteer, city_district: re.Pattern[str] | None = None) -> None:
        self._gaz = gazetteer
        self._city_district = city_district
        """A district of a city after a province adjective: the adjective is no province there."""
        self._keys = gazetteer.keys
        heads = _alternation(gazetteer.heads)
        self._start = re.compile(
            f"(?<!\\w)(?:([{_upper_class()}]\\w*)|([\u0620-\u064a]\\w*)"
            + (f"|({heads}(?!\\w))" if heads else "")
            + ")"
        )
        self._skeleton_heads = frozenset(gazetteer.skeleton_heads)
        # Memos of what a word alone decides (bounded): the same words come back document after
        # document, and most capitalised or Arabic words open no name at all.
        self._skeleton_words: dict[str, str] = {}
        self._stems: dict[str, list[str]] = {}
        self._arabic_openings: dict[str, tuple[tuple[int, str], ...]] = {}
        self._inflections: dict[str, tuple[How, int, str] | None] = {}
        self._openers: dict[str, int] = {}

    def scan(self, text: str, folded: str) -> list[Found]:
        found: list[Found] = []
        covered = 0
        arabic = self._arabic_openings
        openers = self._openers
        for match in self._start.finditer(text):
            position = match.start()
            if position < covered:
                continue
            word = folded[position : match.end()]
            kind = match.lastindex
            if kind == 2:
                # Every Arabic word is read (no capitals), and most open no name: one look-up
                # in the memo settles those.
                forms = arabic.get(word)
                if forms is None:
                    forms = _remember(arabic, word, self._arabic_forms(word))
                if not forms:
                    continue
                hit = self._arabic(folded, position, word, forms)
            elif kind == 3:
                hit = self._head(folded, position, word)
            else:
                # Most capitalised words open no name: one look-up in the memo settles those.
                opener = openers.get(word)
                if opener is None:
                    opener = _remember(openers, word, self._opener(word))
                if opener == _NOTHING:
                    continue
                if opener == _EXACT:
                    hit = self._latin(text, folded, position, word)
                elif opener == _INFLECTED:
                    hit = self._inflected(folded, position, word)
                elif opener == _LATIN_SPELLING:
                    hit = self._in_latin(text, folded, position)
                else:
                    hit = self._by_skeleton(text, folded, position, word, None)
            if hit is not None and not _cut_mid_word(text, hit.end):
                found.append(hit)
                covered = hit.end
        return found

    def _opener(self, word: str) -> int:
        """What a capitalised word calls for, whatever follows it: a key or an article opens an
        exact reading, a Cyrillic word with a case ending an inflected one, a skeleton head a
        fuzzy one; any other word opens nothing."""
        if word in self._keys or word in ARTICLES or word in CYRILLIC_ARTICLES:
            return _EXACT
        if "\u0400" <= word[0] <= "\u04ff":
            known = _remember(self._inflections, word, self._inflection(word))
            if known is not None:
                return _INFLECTED
            return _LATIN_SPELLING if self._latin_heads(word) else _NOTHING
        return _SKELETON if self._skeleton_word(word) in self._skeleton_heads else _NOTHING

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

        Words are read one at a time while they go on a key's first words (the index says how
        many words may still follow each), so a name that cannot go on costs one look-up. With
        ``inflected`` (Cyrillic), a name of several words may end in a case ending
        ("Джиср-эш-Шугура" for Джиср-эш-Шугур)."""
        keys = self._keys
        value = keys.get(first)
        if value is None:
            return None
        best = (end, value >> 3, first) if value >> 3 else None
        prefix = previous = first
        while value & 7:
            following = _NEXT.match(folded, end)
            if following is None:
                break
            separator, word = following.groups()
            # A dot ends the name unless it closes an abbreviation ("St. Louis", "U.S.").
            if "." in separator and len(previous) > 2 and previous not in _ABBREVIATIONS:
                break
            previous = word
            end = following.end()
            word = canonical_word(word)
            if inflected:
                for last in self._stem_candidates(word):
                    found = keys.get(f"{prefix} {last}")
                    if found is not None and found >> 3:
                        best = (end, found >> 3, f"{prefix} {last}")
                        break
            prefix = f"{prefix} {word}"
            value = keys.get(prefix)
            if value is None:
                break
            if value >> 3 and not inflected:
                best = (end, value >> 3, prefix)
        return best

    def _arabic(
        self, folded: str, position: int, word: str, forms: tuple[tuple[int, str], ...]
    ) -> Found | None:
        end = position + len(word)
        for skip, first in forms:
            hit = self._walk(folded, first, end)
            if hit is not None:
                return Found(position + skip, hit[0], hit[1], "exact", hit[2])
        return None

    def _arabic_forms(self, word: str) -> tuple[tuple[int, str], ...]:
        """The forms of an Arabic word (itself, without clitics) that open a key."""
        if word not in self._keys and word[0] not in _CLITICS:
            return ()  # most Arabic words: no name starts with them
        return tuple((skip, form) for skip, form in _arabic_forms(word) if form in self._keys)

    def _inflected(self, folded: str, position: int, word: str) -> Found | None:
        """A Cyrillic word that is a name once its case ending is read off (Херсоні), or a
        province adjective (Херсонської, with the word for province after it when there)."""
        if word in self._inflections:
            known = self._inflections[word]
        else:
            known = _remember(self._inflections, word, self._inflection(word))
        if known is None:
            return None
        how, entry, key = known
        end = position + len(word)
        if how == "adjective" and self._city_district and self._city_district.match(folded, end):
            return None
        if how == "adjective":
            tail = _ADMIN_WORD.match(folded, end)
            end = tail.end() if tail else end
        return Found(position, end, entry, how, key)

    def _inflection(self, word: str) -> tuple[How, int, str] | None:
        stem = adjective_stem(word)
        if stem is not None and stem in self._gaz.adjectives:
            return "adjective", self._gaz.adjectives[stem], stem
        for candidate in self._stem_candidates(word)[1:]:
            found = self._gaz.stems.get(candidate)
            if found is not None:
                return "stem", found, candidate
        return None

    def _stem_candidates(self, word: str) -> list[str]:
        known = self._stems.get(word)
        if known is None:
            known = _remember(self._stems, word, stem_candidates(word))
        return known

    def _by_skeleton(
        self, text: str, folded: str, position: int, word: str, hit: Found | None
    ) -> Found | None:
        """A run of capitalised words read by spelling skeleton when it is longer than ``hit``."""
        if self._skeleton_word(word) not in self._skeleton_heads:
            return hit
        reached = hit.end if hit is not None else position
        first = _WORD.match(folded, position)
        if first is not None and not _may_go_on(text, folded, first.end()):
            return self._one_word_skeleton(text, position, first, reached, hit)
        run = _capitalised_run(text, folded, position)
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

    def _one_word_skeleton(
        self, text: str, position: int, first: re.Match[str], reached: int, hit: Found | None
    ) -> Found | None:
        """``_by_skeleton`` for a run of one word at most (most runs: "The police"), without
        reading the run word by word."""
        word, end = first.group(), first.end()
        if not (text[position].isupper() or word in ARTICLES) or not word.isascii():
            return hit  # no run at all
        if word in ARTICLES or end <= reached or len(word) < 5:
            return hit  # a lone article is no name; a key needs five letters
        entry = self._gaz.skeletons.get(self._skeleton_word(word))
        return Found(position, end, entry, "skeleton", word) if entry is not None else hit

    def _latin_heads(self, word: str) -> bool:
        """Some Latin spelling of the word (or of its stem) opens a key or a skeleton."""
        return any(
            spelling in self._keys or self._skeleton_word(spelling) in self._skeleton_heads
            for form in self._stem_candidates(word)
            for spelling in latin_spellings(form)
        )

    def _in_latin(self, text: str, folded: str, position: int) -> Found | None:
        """A run of Cyrillic words read in Latin letters (:mod:`conflictlens.geo.translit`):
        "Ансонго", "Джиср-эш-Шугур". The longest run that some spelling's skeleton names wins;
        a single word may also be read without its case ending ("в Кидале")."""
        run = _capitalised_run(text, folded, position, cyrillic=True)
        for size in range(len(run), 0, -1):
            key = " ".join(word for word, _ in run[:size])
            forms = self._stem_candidates(key) if size == 1 else [key]
            for form in forms:
                for spelling in latin_spellings(form):
                    entry = self._gaz.skeletons.get(skeleton(spelling))
                    if entry is not None:
                        return Found(position, run[size - 1][1], entry, "skeleton", spelling)
        return None

    def _skeleton_word(self, word: str) -> str:
        """The skeleton of a word, remembered."""
        known = self._skeleton_words.get(word)
        if known is None:
            known = _remember(self._skeleton_words, word, skeleton(word))
        return known


def _remember(memo: dict[str, _T], word: str, value: _T) -> _T:
    """Keep ``value`` for ``word`` in a memo that is emptied when it grows past ``_MEMO``."""
    if len(memo) > _MEMO:
        memo.clear()
    memo[word] = value
    return value


def _cut_mid_word(text: str, end: int) -> bool:
    """The name ends inside a word at an apostrophe ("At Ta" of "At Ta'mim"), not before a
    possessive ("Kabul's"). Such names are dropped: LGL precision 0.853 to 0.854, GTD event
    location 0.730 to 0.731, HIPE F1 0.642 to 0.643, nothing else changed."""
    if end + 1 >= len(text) or text[end] not in "'’" or not text[end + 1].isalpha():
        return False
    return not (text[end + 1] in "sS" and not text[end + 2 : end + 3].isalpha())


def _goes_on(text: str, end: int) -> bool:
    """A capitalised word follows, joined by a space or a hyphen."""
    return end + 1 < len(text) and text[end] in " -" and text[end + 1].isupper()


def _may_go_on(text: str, folded: str, end: int) -> bool:
    """A capitalised run may go on past the word ending at ``end``: a space or hyphen, then a
    capital or the first letter of an article. False is certain; True only a maybe."""
    return (
        end + 1 < len(folded)
        and folded[end] in " -"
        and (text[end + 1].isupper() or folded[end + 1] in _ARTICLE_INITIALS)
    )


def _capitalised_run(
    text: str, folded: str, position: int, cyrillic: bool = False
) -> list[tuple[str, int]]:
    """Words from ``position`` on that are capitalised or articles, joined by space or hyphen;
    Latin words, or with ``cyrillic`` Cyrillic ones."""
    articles = CYRILLIC_ARTICLES if cyrillic else ARTICLES
    run: list[tuple[str, int]] = []
    match = _WORD.match(folded, position)
    while match is not None and len(run) < _MAX_RUN:
        word = match.group()
        if not (text[match.start()].isupper() or word in articles):
            break
        if word.isascii() == cyrillic:
            break
        run.append((word, match.end()))
        following = _NEXT.match(folded, match.end())
        if following is None or following.group(1) not in (" ", "-"):
            break
        match = _WORD.match(folded, following.start(2))
    while run and run[-1][0] in articles:
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
