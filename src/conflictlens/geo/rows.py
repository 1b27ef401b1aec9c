"""The place rows of the index while they are built; what the town pass learns of provinces."""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass, field

from conflictlens.geo.sources import City

__all__ = ["Extent", "PlaceRows"]

_LARGE_KM = 1000.0
"""A province whose towns spread wider than this is pinned to the middle of their extent."""


@dataclass
class PlaceRows:
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
class Extent:
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
