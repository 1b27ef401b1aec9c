"""The candidate index: which stored mentions may link to a mention, by date and grid cell.

Each linkable mention is *registered* under a few string keys: its event type, its cell of a
:data:`CELL_DEGREES` grid (and its first-level division), and its day (or, for a week or a
month, each month its dates reach). A mention *probes* the keys under which every
mention it could link to is registered: the cells around its own within
:data:`~.rules.MAX_LINK_KM`, and its day and month (or every day of its dates). The
keys are symmetric by construction: when two mentions link, each one's probe keys meet the
other's registered keys, so searching from either side finds the pair, and nothing beyond
those keys is ever compared (no all-pairs scan).

The same keys serve the store (a table of keys) and :class:`MemoryIndex` (a dict).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable

from conflictlens.merge.rules import (
    COARSEST_PRECISION,
    EARTH_RADIUS_KM,
    MAX_LINK_KM,
    MentionFacts,
)

__all__ = ["CELL_DEGREES", "MemoryIndex", "probe_keys", "register_keys"]

CELL_DEGREES = 0.5
"""Grid cell size. A mention probes the cells that meet the box around it holding every point
within :data:`~.rules.MAX_LINK_KM` (4 to 6 cells of 0.5°). Measured on bench/merge.py (100,000
mentions, index and links): 0.5° cells make 1.7 million probe keys and 0.96 million candidate
pairs in 10.2 s; 0.25° cells 3.4 million keys for 0.83 million pairs (11.9 s); 1° cells 1.1
million keys for 1.25 million pairs (12.9 s)."""

_COLUMNS = round(360 / CELL_DEGREES)
_RADIUS = MAX_LINK_KM / EARTH_RADIUS_KM
"""The link distance as an angle, in radians."""


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor((lon + 180.0) / CELL_DEGREES) % _COLUMNS


def _cells_around(lat: float, lon: float) -> list[tuple[int, int]]:
    """The cells meeting the smallest latitude-longitude box that holds the spherical cap of
    radius MAX_LINK_KM around the point (its half-width in longitude is asin(sin r / cos lat))."""
    reach_lat = math.degrees(_RADIUS)
    polar = abs(lat) + reach_lat >= 90.0
    ratio = math.sin(_RADIUS) / max(math.cos(math.radians(lat)), 1e-9)
    reach_lon = 180.0 if polar or ratio >= 1.0 else math.degrees(math.asin(ratio))
    rows = range(
        math.floor((lat - reach_lat) / CELL_DEGREES),
        math.floor((lat + reach_lat) / CELL_DEGREES) + 1,
    )
    first = math.floor((lon + 180.0 - reach_lon) / CELL_DEGREES)
    last = math.floor((lon + 180.0 + reach_lon) / CELL_DEGREES)
    columns = sorted(
        {column % _COLUMNS for column in range(first, min(last, first + _COLUMNS - 1) + 1)}
    )
    return [(row, column) for row in rows for column in columns]


def _months(first: dt.date, last: dt.date) -> list[str]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _days(first: dt.date, last: dt.date) -> list[str]:
    return [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


def _time_keys(mention: MentionFacts) -> list[str]:
    """Registered time keys: ``D<day>`` for a day-precise mention, ``M<month>`` for each month
    a week or a month reaches."""
    assert mention.first_day is not None and mention.last_day is not None
    if mention.day_precise:
        return [f"D{mention.first_day.isoformat()}"]
    return [f"M{month}" for month in _months(mention.first_day, mention.last_day)]


def _probe_time_keys(mention: MentionFacts) -> list[str]:
    """A day-precise mention links to the same day and to a week or month containing it; a
    coarser one only to day-precise mentions within its dates. Probing every day of a month
    costs a few keys for the rare month-precise mention, where registering every mention
    under its month as well would double the stored keys."""
    assert mention.first_day is not None and mention.last_day is not None
    day = mention.first_day.isoformat()
    if mention.day_precise:
        return [f"D{day}", f"M{day[:7]}"]
    return [f"D{day}" for day in _days(mention.first_day, mention.last_day)]


def _place_keys(mention: MentionFacts, probe: bool) -> list[str]:
    """Cells, and the first-level division: every mention with one is registered under
    ``a<division>``, a precision-3 mention also under ``A<division>``; a precision-3 mention
    probes ``a`` (anything in its division), a finer one probes ``A`` (only the mentions that
    may link to it by division alone)."""
    assert mention.latitude is not None and mention.longitude is not None
    if probe:
        cells = _cells_around(mention.latitude, mention.longitude)
    else:
        cells = [_cell(mention.latitude, mention.longitude)]
    keys = [f"c{row}:{column}|" for row, column in cells]
    if mention.admin1 is None:
        return keys
    division = f"{mention.country}:{mention.admin1}|"
    coarse = mention.geo_precision >= COARSEST_PRECISION
    if probe:
        keys.append(f"a{division}" if coarse else f"A{division}")
    else:
        keys += [f"a{division}", f"A{division}"] if coarse else [f"a{division}"]
    return keys


def register_keys(mention: MentionFacts) -> list[str]:
    """The keys a mention is found under (none when it cannot be linked by the rules)."""
    if not mention.linkable:
        return []
    prefix = mention.event_type + "|"
    times = _time_keys(mention)
    return [prefix + place + time for place in _place_keys(mention, probe=False) for time in times]


def probe_keys(mention: MentionFacts) -> list[str]:
    """The keys of every mention this one may link to (none when it cannot be linked)."""
    if not mention.linkable:
        return []
    prefix = mention.event_type + "|"
    times = _probe_time_keys(mention)
    return [prefix + place + time for place in _place_keys(mention, probe=True) for time in times]


class MemoryIndex:
    """The candidate index in memory, for merging a whole corpus at once."""

    def __init__(self, mentions: Iterable[MentionFacts]) -> None:
        self._by_key: dict[str, list[str]] = defaultdict(list)
        for mention in mentions:
            for key in register_keys(mention):
                self._by_key[key].append(mention.mention_id)

    def candidates(self, mention: MentionFacts) -> set[str]:
        """Ids of the mentions registered under a key ``mention`` probes (itself excluded)."""
        found: set[str] = set()
        for key in probe_keys(mention):
            found.update(self._by_key.get(key, ()))
        found.discard(mention.mention_id)
        return found
