"""The offline world basemap: Natural Earth's 1:110m admin-0 countries, shipped as GeoJSON.

``data/ne_110m_admin0.geojson`` (public domain, see ``data/README.md``) is read when a map is
drawn; nothing is fetched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from conflictlens.errors import ConflictlensError

__all__ = ["BASEMAP_FILE", "Basemap", "CountryShape", "Ring"]

BASEMAP_FILE = "ne_110m_admin0.geojson"
Ring = tuple[tuple[float, float], ...]
"""(longitude, latitude) points, closed."""


@dataclass(frozen=True, slots=True)
class CountryShape:
    name: str
    iso3: str
    rings: tuple[Ring, ...]
    """Outer rings and holes alike: drawn with the even-odd rule, holes come out right."""
    bbox: tuple[float, float, float, float]
    """west, south, east, north"""

    def largest_ring(self) -> Ring:
        return max(self.rings, key=_ring_extent)


@dataclass(frozen=True, slots=True)
class Basemap:
    countries: tuple[CountryShape, ...]

    @classmethod
    def load(cls) -> Basemap:
        path = resources.files("conflictlens.report") / "data" / BASEMAP_FILE
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConflictlensError(f"{path}: cannot read the basemap ({exc})") from exc
        return cls(tuple(_country(feature) for feature in content["features"]))

    def within(self, west: float, south: float, east: float, north: float) -> list[CountryShape]:
        """The countries whose bounding box meets the given one."""
        return [
            c
            for c in self.countries
            if c.bbox[0] <= east and c.bbox[2] >= west and c.bbox[1] <= north and c.bbox[3] >= south
        ]


def _country(feature: dict[str, Any]) -> CountryShape:
    geometry = feature["geometry"]
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    rings = tuple(
        tuple((float(x), float(y)) for x, y in ring) for polygon in polygons for ring in polygon
    )
    xs = [x for ring in rings for x, _y in ring]
    ys = [y for ring in rings for _x, y in ring]
    properties = feature["properties"]
    return CountryShape(
        name=str(properties.get("name", "")),
        iso3=str(properties.get("iso_a3", "")),
        rings=rings,
        bbox=(min(xs), min(ys), max(xs), max(ys)),
    )


def _ring_extent(ring: Ring) -> float:
    xs, ys = [x for x, _y in ring], [y for _x, y in ring]
    return (max(xs) - min(xs)) * (max(ys) - min(ys))
