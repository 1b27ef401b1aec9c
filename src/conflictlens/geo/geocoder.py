"""The geocoder the pipeline calls: load (or build and cache) the index, find a text's places."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conflictlens.codebook.files import CodebookFiles
from conflictlens.errors import GazetteerError
from conflictlens.geo.build import build_gazetteer
from conflictlens.geo.cache import (
    build_lock,
    cache_dir,
    cache_key,
    read_cached,
    remove_stale,
    write_cached,
)
from conflictlens.geo.cues import Cues
from conflictlens.geo.datafiles import GeoData, load_geo_data
from conflictlens.geo.gazetteer import FORMAT, Gazetteer
from conflictlens.geo.homes import Home
from conflictlens.geo.names import name_keys
from conflictlens.geo.resolve import Resolver
from conflictlens.geo.scan import Scanner
from conflictlens.geo.sources import source_versions
from conflictlens.model import PlaceMention

__all__ = ["Geocoder"]


class Geocoder:
    """Every place a document names, each resolved to one gazetteer entry."""

    def __init__(self, gazetteer: Gazetteer, data: GeoData, *, built: bool = False) -> None:
        self.gazetteer = gazetteer
        self.built = built
        """True when this load built the index (no usable cache was found)."""
        cues = Cues(data.cues, data.countries)
        self._scanner = Scanner(gazetteer, cues.city_district)
        self._resolver = Resolver(gazetteer, cues)

    @classmethod
    def load(cls, files: CodebookFiles | None = None, cache_dir: Path | None = None) -> Geocoder:
        """Read the cached index (about 0.5 s), or build and cache it the first time (15-20 s),
        then remove the index files older data or code left in the cache folder.

        ``files`` adds a user's ``geo/`` data files (see :mod:`conflictlens.geo.datafiles`);
        ``cache_dir`` overrides ``$CONFLICTLENS_CACHE`` / ``~/.cache/conflictlens``.
        """
        data = load_geo_data(files)
        path = index_path(data, cache_dir)
        cached = _read_index(path)
        if cached is not None:
            return cls(cached, data)
        with build_lock(path):
            cached = _read_index(path)  # another process may have built it meanwhile
            if cached is not None:
                return cls(cached, data)
            gazetteer = build_gazetteer(data)
            write_cached(path, gazetteer.to_bytes())
        remove_stale(path)  # the files of older data or code
        return cls(gazetteer, data, built=True)

    def find_places(
        self, text: str, folded: str, lang: str, home: Home | None = None
    ) -> list[PlaceMention]:
        """Every place named in the document (text = whole normalised document, folded =
        fold(text)), resolved to one Place each using the document's own context, in document
        order. ``lang`` is accepted for the pipeline's sake: cues of every language are used.
        ``home``: where the document's outlet writes from (:mod:`conflictlens.geo.homes`)."""
        return self._resolver.resolve(text, folded, self._scanner.scan(text, folded), home)

    def points_named(self, name: str, country: str | None = None) -> list[tuple[float, float]]:
        """(latitude, longitude) of every place the index holds under ``name`` (any of its
        spellings: "Galkayo" is Gaalkacyo's), for telling whether a point is the named place.
        With ``country`` (its name, as places give it), only the places of that country when the
        index knows it by that name: a "Chak" of Pakistan is no place of an Afghan "Chak"."""
        gaz, places = self.gazetteer, []
        for key, _ in name_keys(name):
            value = gaz.keys.get(key, 0) >> 3
            if value:
                places += [posting >> 2 for posting in gaz.entry(value)]  # postings carry flags
        if country in gaz.country_names:
            number = gaz.country_names.index(country)
            places = [p for p in places if gaz.country[p] == number]
        return [(gaz.latitude[p], gaz.longitude[p]) for p in places]

    def areas(self, text: str, folded: str) -> list[tuple[str, str]]:
        """(country ISO code, admin1 key or "") of each name of the document that lies in one
        country or province whatever its reading, as outlet homes count them
        (:mod:`conflictlens.geo.homes`)."""
        return self._resolver.areas(text, folded, self._scanner.scan(text, folded))


def _read_index(path: Path) -> Gazetteer | None:
    """The cached index, or None when there is none or it is damaged (it is then rebuilt)."""
    raw = read_cached(path)
    if raw is None:
        return None
    try:
        return Gazetteer.from_bytes(raw)
    except (GazetteerError, KeyError, ValueError):
        return None


_BUILD_MODULES = (
    "build.py",
    "keys.py",
    "rows.py",
    "names.py",
    "sources.py",
    "gazetteer.py",
    "datafiles.py",
    "subdivisions.py",
)
"""The code that shapes the index: an edit to it must not meet an index built before."""


def index_path(data: GeoData, explicit: Path | None = None) -> Path:
    """The cache file for this data and code (see :mod:`conflictlens.geo.cache`)."""
    code = hashlib.sha256()
    for name in _BUILD_MODULES:
        code.update((Path(__file__).parent / name).read_bytes())
    key = cache_key(f"format={FORMAT}", source_versions(), data.digest, code.hexdigest())
    return cache_dir(explicit) / f"gazetteer-{key}.bin"
