"""Whether two events of a document were told at the same place."""

from __future__ import annotations

import math

from conflictlens.model import Event

__all__ = ["SAME_PLACE_KM", "km_between", "same_place"]

SAME_PLACE_KM = 10.0
"""Two spellings of one town resolve to GeoNames entries a few km apart (a city and its district
centre); 10 km joins them without joining neighbouring towns."""


def same_place(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return False
    if a.location == b.location:
        return True
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return km_between(a, b) <= SAME_PLACE_KM


def km_between(a: Event, b: Event) -> float:
    assert a.latitude is not None and a.longitude is not None
    assert b.latitude is not None and b.longitude is not None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))
