"""The lookup tables of the index while they are built: keys -> places, stop-lists applied."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

from conflictlens.geo.gazetteer import FULL, MAIN
from conflictlens.geo.names import (
    ARTICLES,
    CYRILLIC_ARTICLES,
    cyrillic_stem,
    key_tokens,
    name_keys,
    script_of,
    skeleton,
)

__all__ = ["MAX_WORDS", "Frozen", "KeyTables", "StopList", "keyed"]

MAX_WORDS = 8
"""Names of more words are left out (GeoNames holds a few descriptive 20-word names)."""

_Postings = dict[str, "int | list[int]"]
"""Key -> one posting (``place << 2 | flags``) or a list of them: most keys name one place."""


def _postings() -> _Postings:
    return {}


@dataclass(frozen=True)
class StopList:
    soft: frozenset[str] = frozenset()
    hard: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    shapes: frozenset[str] = field(init=False)
    """The spelling skeletons of the stop-listed words: a name is not found by a skeleton that a
    stop-listed word also has ("March" is no "Marsh" spelt otherwise)."""

    def __post_init__(self) -> None:
        shapes = frozenset(skeleton(word) for word in self.soft | self.hard if " " not in word)
        object.__setattr__(self, "shapes", shapes)

    def skips(self, key: str, trusted: bool, full: bool) -> bool:
        """A key never indexed: hard-stopped, stop-listed (unless a curated full name), made of
        articles only ("en el"), or a multi-word key holding an Arabic function word."""
        if key in self.hard or (key in self.soft and not (trusted and full)):
            return True
        words = key.split(" ")
        if all(word in ARTICLES or word in CYRILLIC_ARTICLES for word in words):
            return True
        return len(words) > 1 and any(word in self.function_words for word in words)


def keyed(words: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(key_tokens(w)) for w in words)


@dataclass
class KeyTables:
    exact: _Postings = field(default_factory=_postings)
    stems: _Postings = field(default_factory=_postings)
    adjectives: _Postings = field(default_factory=_postings)
    skeletons: _Postings = field(default_factory=_postings)
    caps_only: set[str] = field(default_factory=set)
    dotted: set[str] = field(default_factory=set)

    @staticmethod
    def _put(table: _Postings, key: str, place: int, flags: int) -> None:
        posting = place << 2 | flags
        known = table.get(key)
        if known is None:
            table[key] = posting
        elif isinstance(known, int):
            if known != posting:
                table[key] = [known, posting]
        else:
            known.append(posting)

    def add_name(
        self,
        name: str,
        place: int,
        *,
        fuzzy: bool,
        stop: StopList,
        trusted: bool = False,
        main: bool = True,
        script: str | None = None,
    ) -> None:
        """Index one name of a place; a stop-listed key is skipped unless the name is curated
        (and then only its full form is kept), a hard-stopped key always."""
        script = script or script_of(name)
        if trusted and name.isupper() and len(name.replace(".", "")) <= 4:
            self.caps_only.add(" ".join(key_tokens(name)))
        for key, full in name_keys(name):
            if stop.skips(key, trusted, full):
                continue
            if key.count(" ") >= MAX_WORDS:
                continue
            flags = (FULL if full else 0) | (MAIN if main else 0)
            self._put(self.exact, key, place, flags)
            if script == "cyrillic":
                for stem in cyrillic_stem(key):
                    self._put(self.stems, stem, place, flags)
            elif script == "latin" and fuzzy and len(key) >= 5:
                shape = skeleton(key)
                if shape not in stop.shapes:
                    self._put(self.skeletons, shape, place, flags)

    def add_adjective(self, stem: str, place: int) -> None:
        self._put(self.adjectives, stem, place, FULL | MAIN)

    def freeze(self) -> Frozen:
        """The tables as the index stores them: entries numbered, postings end to end."""
        starts = array("I", [0, 0])
        postings = array("I")
        tables: list[dict[str, int]] = []
        for source in (self.exact, self.stems, self.adjectives, self.skeletons):
            table: dict[str, int] = {}
            for key, found in source.items():
                postings.extend(merged(found))
                starts.append(len(postings))
                table[key] = len(starts) - 2
            tables.append(table)
        return Frozen(packed_keys(tables[0]), tables[1], tables[2], tables[3], starts, postings)


@dataclass(frozen=True, slots=True)
class Frozen:
    keys: dict[str, int]
    stems: dict[str, int]
    adjectives: dict[str, int]
    skeletons: dict[str, int]
    starts: array[int]
    postings: array[int]


def packed_keys(entries: dict[str, int]) -> dict[str, int]:
    """Key -> ``entry << 3 | more``: ``more`` is how many words the longest name starting with
    the key's words has after them (0-7), so a reader extends a name word by word and stops as
    soon as no longer name can start so. The first words of a longer name that are no name
    themselves ("al hasakah" of "al hasakah governorate") are keys of entry 0."""
    more: dict[str, int] = {}
    for key in entries:
        words = key.split(" ")
        for size in range(1, len(words)):
            prefix = " ".join(words[:size])
            more[prefix] = max(more.get(prefix, 0), min(MAX_WORDS - 1, len(words) - size))
    table = {key: entry << 3 for key, entry in entries.items()}
    for prefix, extra in more.items():
        table[prefix] = table.get(prefix, 0) | extra
    return table


def merged(found: int | list[int]) -> list[int]:
    """A key's postings, one per place (flags of repeated places or-ed together), in order."""
    if isinstance(found, int):
        return [found]
    flags: dict[int, int] = {}
    for posting in found:
        flags[posting >> 2] = flags.get(posting >> 2, 0) | (posting & 3)
    return [place << 2 | value for place, value in sorted(flags.items())]
