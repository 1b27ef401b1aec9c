"""Reading the curated geographic data files (``conflictlens/geo/data/``) and user overrides.

A user folder given with ``--codebook DIR`` may hold ``DIR/geo/<file>`` with the same layout as the
shipped file; its content is merged over the shipped one (lists extended, mappings updated key by
key), exactly like the codebook files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from conflictlens.codebook.files import CodebookFiles
from conflictlens.errors import GazetteerError

__all__ = [
    "DATA_FILES",
    "Admin1Entry",
    "CountryEntry",
    "County",
    "CuratedPlace",
    "GeoData",
    "data_root",
    "load_geo_data",
]

DATA_FILES = ("countries.yaml", "admin1.yaml", "places.yaml", "stopwords.yaml", "cues.yaml")
ADMIN1_TABLE = "admin1.tsv"
COUNTY_TABLE = "counties.tsv"


def data_root() -> Path:
    return Path(str(resources.files("conflictlens.geo") / "data"))


@dataclass(frozen=True, slots=True)
class CountryEntry:
    iso: str
    acled: str | None
    point: tuple[float, float] | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    abbreviations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Admin1Entry:
    country: str
    code: str
    name: str
    capital: str | None
    point: tuple[float, float] | None
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    source: str | None
    index_name: bool = True


@dataclass(frozen=True, slots=True)
class CuratedPlace:
    name: str
    feature: str
    country: str | None
    admin1: str | None
    latitude: float
    longitude: float
    aliases: tuple[str, ...]
    source: str
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class County:
    """A US county of ``counties.tsv``: its state's GeoNames admin1 code, name and point."""

    country: str
    admin1: str
    name: str
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True, slots=True)
class GeoData:
    """Everything the curated layer says, merged over user overrides."""

    countries: dict[str, CountryEntry]
    admin1: dict[tuple[str, str], Admin1Entry]
    admin1_table: dict[tuple[str, str], str]
    admin1_aliases: dict[tuple[str, str], tuple[str, ...]]
    """More names for provinces that are not curated (``aliases`` in admin1.yaml)."""
    places: tuple[CuratedPlace, ...]
    stopwords: frozenset[str]
    cues: Mapping[str, Any] = field(default_factory=dict)
    hard_stopwords: frozenset[str] = frozenset()
    """Never a place, whatever the layer (``everywhere`` in stopwords.yaml)."""
    ambiguous: frozenset[str] = frozenset()
    """Curated or country names that need the document's support (``ambiguous``)."""
    function_words: frozenset[str] = frozenset()
    """Arabic words that end no place name (``function_words``)."""
    focus: frozenset[str] = frozenset()
    counties: tuple[County, ...] = ()
    """Counties with a point (``counties.tsv``)."""
    county_provinces: frozenset[str] = frozenset()
    """Countries whose provinces are called counties ("Kilifi County"; countries.yaml)."""
    digest: str = ""


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as handle:
            content = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise GazetteerError(
            f"{path}: cannot read geographic data ({exc}); fix or remove it"
        ) from exc
    if content is None:
        return {}
    if not isinstance(content, dict):
        raise GazetteerError(f"{path}: a geographic data file must hold a mapping at its top")
    return content


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    if isinstance(base, Mapping) and isinstance(extra, Mapping):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(merged[key], value) if key in merged else value
        return merged
    return extra


def _roots(files: CodebookFiles | None) -> list[Path]:
    overrides = [root / "geo" for root in files.overrides] if files else []
    return [data_root(), *overrides]


def _read_merged(name: str, roots: Sequence[Path]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for root in roots:
        path = root / name
        if path.is_file():
            merged = _merge(merged, _read_yaml(path))
    return merged


def data_digest(files: CodebookFiles | None) -> str:
    """A hash of every data file that shapes the index (shipped and user), for the cache key."""
    digest = hashlib.sha256()
    for root in _roots(files):
        for name in (*DATA_FILES, ADMIN1_TABLE, COUNTY_TABLE):
            path = root / name
            if path.is_file():
                digest.update(f"{root}/{name}\n".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _aliases(raw: Any, where: str) -> tuple[str, ...]:
    """Aliases written either as a list or as ``{lang: [names]}``."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,)
    if isinstance(raw, list):
        return tuple(str(x) for x in raw)
    if isinstance(raw, Mapping):
        out: list[str] = []
        for names in raw.values():
            out.extend(_aliases(names, where))
        return tuple(out)
    raise GazetteerError(f"{where}: aliases must be a list or a mapping of lists, not {raw!r}")


def _point(raw: Any, where: str) -> tuple[float, float] | None:
    if raw is None:
        return None
    try:
        lat, lon = (float(x) for x in raw)
    except (TypeError, ValueError) as exc:
        raise GazetteerError(f"{where}: a point is [latitude, longitude], not {raw!r}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerError(f"{where}: point {raw!r} is off the globe")
    return lat, lon


def _countries(raw: Mapping[str, Any]) -> dict[str, CountryEntry]:
    out: dict[str, CountryEntry] = {}
    for iso, body in (raw.get("countries") or {}).items():
        body = body or {}
        where = f"countries.yaml: {iso}"
        out[str(iso)] = CountryEntry(
            iso=str(iso),
            acled=body.get("acled"),
            point=_point(body.get("point"), where),
            aliases=_aliases(body.get("aliases"), where),
            demonyms=_aliases(body.get("demonyms"), where),
            abbreviations=_aliases(body.get("abbreviations"), where),
        )
    return out


def _admin1(raw: Mapping[str, Any]) -> dict[tuple[str, str], Admin1Entry]:
    out: dict[tuple[str, str], Admin1Entry] = {}
    for country, units in (raw.get("admin1") or {}).items():
        for code, body in (units or {}).items():
            where = f"admin1.yaml: {country}/{code}"
            if not isinstance(body, Mapping) or "name" not in body:
                raise GazetteerError(f"{where}: each unit needs at least a name")
            out[(str(country), str(code))] = Admin1Entry(
                country=str(country),
                code=str(code),
                name=str(body["name"]),
                capital=body.get("capital"),
                point=_point(body.get("point"), where),
                aliases=_aliases(body.get("aliases"), where),
                adjectives=_aliases(body.get("adjectives"), where),
                source=body.get("source"),
                index_name=bool(body.get("index_name", True)),
            )
    return out


def _places(raw: Mapping[str, Any]) -> tuple[CuratedPlace, ...]:
    out: list[CuratedPlace] = []
    for index, body in enumerate(raw.get("places") or []):
        where = f"places.yaml: entry {index + 1} ({body.get('name', '?')})"
        missing = [k for k in ("name", "feature", "lat", "lon", "source") if k not in body]
        if missing:
            raise GazetteerError(f"{where}: missing {', '.join(missing)}")
        lat, lon = _point([body["lat"], body["lon"]], where) or (0.0, 0.0)
        out.append(
            CuratedPlace(
                name=str(body["name"]),
                feature=str(body["feature"]),
                country=body.get("country"),
                admin1=body.get("admin1"),
                latitude=lat,
                longitude=lon,
                aliases=_aliases(body.get("aliases"), where),
                source=str(body["source"]),
                geonameid=body.get("geonameid"),
            )
        )
    return tuple(out)


def _table_rows(roots: Sequence[Path], name: str) -> Iterator[tuple[Path, int, list[str]]]:
    """The tab-separated rows of every ``name`` file of ``roots`` (comments and blank lines
    left out), each with its file and line number for error messages."""
    for root in roots:
        path = root / name
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line and not line.startswith("#"):
                yield path, number, line.split("\t")


def _admin1_table(roots: Sequence[Path]) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for path, number, parts in _table_rows(roots, ADMIN1_TABLE):
        if len(parts) < 3:
            raise GazetteerError(f"{path}:{number}: expected country<TAB>code<TAB>name")
        table[(parts[0], parts[1])] = parts[2]
    return table


def _county_table(roots: Sequence[Path]) -> tuple[County, ...]:
    """Every county of the shipped and user ``counties.tsv`` (a user line replaces the shipped
    line of the same county)."""
    table: dict[tuple[str, str, str], County] = {}
    for path, number, parts in _table_rows(roots, COUNTY_TABLE):
        try:
            country, admin1, name, lat, lon, people = parts
            county = County(country, admin1, name, float(lat), float(lon), int(people))
        except ValueError as exc:
            raise GazetteerError(
                f"{path}:{number}: expected country, admin1 code, county, latitude,"
                f" longitude and population, separated by tabs ({exc})"
            ) from exc
        table[(country, admin1, name)] = county
    return tuple(table.values())


def _words(groups: Any) -> frozenset[str]:
    """Words of a stop-list section: ``{group: [words]}`` or a plain list."""
    if isinstance(groups, Mapping):
        return frozenset(str(w) for group in groups.values() for w in group or [])
    if isinstance(groups, list):
        return frozenset(str(w) for w in groups)
    return frozenset()


def load_geo_data(files: CodebookFiles | None = None) -> GeoData:
    """Read and check every curated data file, shipped and user."""
    roots = _roots(files)
    countries = _read_merged("countries.yaml", roots)
    stop = _read_merged("stopwords.yaml", roots)
    admin1 = _read_merged("admin1.yaml", roots)
    return GeoData(
        countries=_countries(countries),
        admin1=_admin1(admin1),
        admin1_table=_admin1_table(roots),
        admin1_aliases={
            (str(country), str(code)): _aliases(names, f"admin1.yaml: aliases {country}/{code}")
            for country, codes in (admin1.get("aliases") or {}).items()
            for code, names in (codes or {}).items()
        },
        places=_places(_read_merged("places.yaml", roots)),
        stopwords=_words(stop.get("words")),
        hard_stopwords=_words(stop.get("everywhere")),
        ambiguous=_words(stop.get("ambiguous")),
        function_words=_words(stop.get("function_words")),
        cues=_read_merged("cues.yaml", roots),
        focus=frozenset(str(c) for c in countries.get("focus") or []),
        counties=_county_table(roots),
        county_provinces=frozenset(str(c) for c in countries.get("county_provinces") or []),
        digest=data_digest(files),
    )
