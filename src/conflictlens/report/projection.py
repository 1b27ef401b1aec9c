"""An equirectangular view zoomed to a set of points, sized for the page.

The projection uses the view's middle latitude as standard parallel (x = longitude times its
cosine), so countries keep their shape near the events. The extent is the points' bounding box
with a margin, widened to a minimum span and to an aspect ratio that suits a page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["View", "view_for"]

WIDTH = 760.0
MIN_SPAN_DEGREES = 8.0
"""The narrowest view: a single place still shows its country and neighbours."""
MARGIN = 0.15
"""Added on each side, as a share of the points' span."""
MIN_ASPECT, MAX_ASPECT = 0.45, 0.75
"""Height over width, so that the map neither fills the page nor shrinks to a strip."""


@dataclass(frozen=True, slots=True)
class View:
    west: float
    south: float
    east: float
    north: float
    width: float
    height: float

    @property
    def scale(self) -> float:
        """Pixels per degree of latitude."""
        return self.height / (self.north - self.south)

    @property
    def parallel(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2))

    def project(self, longitude: float, latitude: float) -> tuple[float, float]:
        x = (longitude - self.west) * self.scale * self.parallel
        y = (self.north - latitude) * self.scale
        return round(x, 1), round(y, 1)


def view_for(points: Sequence[tuple[float, float]], width: float = WIDTH) -> View:
    """A view holding every (latitude, longitude) point; the whole world when there is none."""
    if not points:
        return _fit(-180.0, -60.0, 180.0, 80.0, width)
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    west, east = _padded(min(lons), max(lons), -180.0, 180.0)
    south, north = _padded(min(lats), max(lats), -85.0, 85.0)
    return _fit(west, south, east, north, width)


def _padded(low: float, high: float, floor: float, ceiling: float) -> tuple[float, float]:
    span = max(high - low, MIN_SPAN_DEGREES / (1 + 2 * MARGIN))
    middle = (low + high) / 2
    half = span * (1 + 2 * MARGIN) / 2
    return max(floor, middle - half), min(ceiling, middle + half)


def _fit(west: float, south: float, east: float, north: float, width: float) -> View:
    """Widen the shorter side until the aspect ratio is between MIN_ASPECT and MAX_ASPECT."""
    parallel = math.cos(math.radians((north + south) / 2))
    aspect = (north - south) / ((east - west) * parallel)
    if aspect < MIN_ASPECT:
        grow = ((east - west) * parallel * MIN_ASPECT - (north - south)) / 2
        south, north = max(-85.0, south - grow), min(85.0, north + grow)
    elif aspect > MAX_ASPECT:
        grow = ((north - south) / MAX_ASPECT / parallel - (east - west)) / 2
        west, east = max(-180.0, west - grow), min(180.0, east + grow)
    parallel = math.cos(math.radians((north + south) / 2))
    height = width * (north - south) / ((east - west) * parallel)
    return View(west, south, east, north, width, round(height, 1))
