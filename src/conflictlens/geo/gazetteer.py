"""The gazetteer index: places in columns, names as lookup keys, stored in one cache file.

Places are rows of parallel arrays (no object per place), so a 240k-place index loads in a fraction
of a second and stays small; a :class:`~conflictlens.model.Place` is made only for the places a
document resolves to.

Lookup tables map a key (see :mod:`conflictlens.geo.names`) to an *entry*, the list of places that
carry that name (entry 0 is empty). ``keys`` values are ``entry << 3 | more``: ``more`` is how
many words the longest name starting with the key's words has after them, so a reader extends a
name word by word and stops where no name goes on (first words that are no name themselves have
entry 0). Each posting is ``place << 2 | flags`` (:data:`FULL`: the key is the place's whole
name, not a form with its article left out; :data:`MAIN`: the name is the place's main or curated
name, not a GeoNames alternate).
"""

from __future__ import annotations

import marshal
from array import array
from dataclasses import dataclass, fields
from typing import Any

from conflictlens.errors import GazetteerError
from conflictlens.model import Place

__all__ = ["FOCUS", "FORMAT", "FULL", "MAIN", "TRUSTED", "Gazetteer"]

FORMAT = 8
"""Bumped whenever the layout or the build rules change: part of the cache key."""

TRUSTED = 1
"""Flag: a curated, country or province entry, exempt from the rules against common words."""
FOCUS = 2
"""Flag: a place in one of the conflict countries the curated layer covers closely."""
FULL = 2
"""Posting flag: the key is the place's whole name (not a form without its article)."""
MAIN = 1
"""Posting flag: the name is the place's main or curated name, not a GeoNames alternate."""

_ARRAYS = {
    "name_starts": "I",
    "latitude": "d",
    "longitude": "d",
    "population": "q",
    "geonameid": "q",
    "country": "H",
    "admin1": "H",
    "feature": "B",
    "flags": "B",
    "starts": "I",
    "postings": "I",
}


@dataclass(slots=True)
class Gazetteer:
    names: str
    """Every place's display name, end to end; ``name_starts`` cuts them apart."""
    name_starts: array[int]
    latitude: array[float]
    longitude: array[float]
    population: array[int]
    geonameid: array[int]
    country: array[int]
    """Index into ``countries`` (ISO codes) and ``country_names`` (ACLED names)."""
    admin1: array[int]
    """Index into ``admin1_names``; 0 is none."""
    feature: array[int]
    """Index into ``features``."""
    flags: array[int]
    countries: list[str]
    country_names: list[str]
    admin1_names: list[str]
    admin1_keys: list[str]
    """``CC.code`` of each admin1 unit, parallel to ``admin1_names``."""
    features: list[str]
    sources: dict[int, str]
    """Source of each curated place; GeoNames rows say ``GeoNames``."""
    keys: dict[str, int]
    stems: dict[str, int]
    adjectives: dict[str, int]
    skeletons: dict[str, int]
    starts: array[int]
    postings: array[int]
    caps_only: list[str]
    """Keys found only when written in capitals (abbreviations: ``US``, ``DRC``, ``РФ``)."""
    ambiguous: list[str]
    """Keys of curated or country names that are also common words ("Chad", "مالي")."""
    dotted: list[str]
    """Keys of abbreviations read only with their dot ("Ga.", "N.Y."): then as provinces."""
    counties: dict[str, str]
    """US county key -> provinces that have such a county (``US.KY US.TN``), for context."""
    heads: list[str]
    """Lower-case first words of curated names (``mer`` of "mer Rouge"), where a name may start."""
    skeleton_heads: list[str]
    """First words of the ``skeletons`` keys: a word opens a fuzzy match only if it is one."""

    def __len__(self) -> int:
        return len(self.name_starts) - 1

    def name(self, place: int) -> str:
        return self.names[self.name_starts[place] : self.name_starts[place + 1]]

    def entry(self, entry: int) -> array[int]:
        """The postings of an entry (``place << 2 | flags``)."""
        return self.postings[self.starts[entry] : self.starts[entry + 1]]

    def iso(self, place: int) -> str:
        return self.countries[self.country[place]]

    def admin1_key(self, place: int) -> str:
        return self.admin1_keys[self.admin1[place]]

    def feature_of(self, place: int) -> str:
        return self.features[self.feature[place]]

    def place(self, index: int) -> Place:
        """The public record of one row."""
        admin1 = self.admin1_names[self.admin1[index]] or None
        country = self.country_names[self.country[index]] or None
        geonameid = self.geonameid[index]
        return Place(
            name=self.name(index),
            country=country,
            admin1=admin1,
            latitude=round(self.latitude[index], 5),
            longitude=round(self.longitude[index], 5),
            feature=self.features[self.feature[index]],
            geonameid=geonameid or None,
            population=self.population[index],
            source=self.sources.get(index, "GeoNames"),
        )

    def to_bytes(self) -> bytes:
        parts: dict[str, Any] = {"format": FORMAT}
        for item in fields(self):
            value = getattr(self, item.name)
            parts[item.name] = value.tobytes() if isinstance(value, array) else value
        return marshal.dumps(parts)

    @classmethod
    def from_bytes(cls, raw: bytes) -> Gazetteer:
        try:
            parts = marshal.loads(raw)
        except (EOFError, ValueError, TypeError) as exc:
            raise GazetteerError(f"gazetteer cache is unreadable ({exc}); delete it") from exc
        if not isinstance(parts, dict) or parts.get("format") != FORMAT:
            raise GazetteerError("gazetteer cache has another format; delete it to rebuild")
        values: dict[str, Any] = {}
        for item in fields(cls):
            value = parts[item.name]
            if item.name in _ARRAYS:
                column = array(_ARRAYS[item.name])
                column.frombytes(value)
                value = column
            values[item.name] = value
        return cls(**values)
