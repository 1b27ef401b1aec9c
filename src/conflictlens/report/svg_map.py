"""The map: located events as points over the offline basemap, as inline SVG.

One ``circle.event`` per located event, linked to its row in the event list; countries of the
basemap that meet the view as ``path.land``; a graticule; the names of the countries that have
events.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from conflictlens.analysis.fields import Record, event_id, point, text
from conflictlens.report.basemap import Basemap, CountryShape, Ring
from conflictlens.report.projection import View, view_for
from conflictlens.report.svg import attr, type_class

__all__ = ["render_map"]

GRATICULE_STEPS = (1, 2, 5, 10, 15, 30)
"""Degrees between graticule lines: the smallest giving at most about 8 lines across."""


def render_map(records: Sequence[Record], basemap: Basemap) -> str:
    located = [(record, p) for record in records if (p := point(record)) is not None]
    view = view_for([p for _record, p in located])
    shapes = basemap.within(view.west, view.south, view.east, view.north)
    marked = {text(record, "country") for record, _p in located}
    parts = [
        f'<svg id="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {view.width:g} '
        f'{view.height:g}" role="img" aria-label="Map of the events">',
        f'<rect class="sea" width="{view.width:g}" height="{view.height:g}"/>',
        _graticule(view),
        '<g class="land">',
        *(_country(shape, view, shape.name in marked) for shape in shapes),
        "</g>",
        '<g class="labels">',
        *(_label(shape, view) for shape in shapes if shape.name in marked),
        "</g>",
        '<g class="events">',
        *(_circle(record, p, view) for record, p in located),
        "</g>",
        "</svg>",
    ]
    return "\n".join(part for part in parts if part)


def _country(shape: CountryShape, view: View, marked: bool) -> str:
    path = " ".join(_ring_path(ring, view) for ring in shape.rings)
    css = "country marked" if marked else "country"
    return f'<path class="{css}" d="{path}"><title>{attr(shape.name)}</title></path>'


def _ring_path(ring: Ring, view: View) -> str:
    points = [view.project(lon, lat) for lon, lat in ring]
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z"


def _label(shape: CountryShape, view: View) -> str:
    ring = shape.largest_ring()
    lon = (min(x for x, _y in ring) + max(x for x, _y in ring)) / 2
    lat = (min(y for _x, y in ring) + max(y for _x, y in ring)) / 2
    if not (view.west <= lon <= view.east and view.south <= lat <= view.north):
        return ""
    x, y = view.project(lon, lat)
    return f'<text class="country-label" x="{x:g}" y="{y:g}">{attr(shape.name)}</text>'


def _circle(record: Record, located: tuple[float, float], view: View) -> str:
    x, y = view.project(located[1], located[0])
    identifier = event_id(record)
    title = " · ".join(
        value
        for value in (
            text(record, "event_date"),
            text(record, "sub_event_type"),
            text(record, "actor1"),
            text(record, "location"),
        )
        if value
    )
    css = f"event {type_class(text(record, 'event_type'))}"
    return (
        f'<a href="#{attr(identifier)}"><circle class="{css}" cx="{x:g}" cy="{y:g}" r="5" '
        f'data-event-id="{attr(identifier)}"><title>{attr(title)}</title></circle></a>'
    )


def _graticule(view: View) -> str:
    span = max(view.east - view.west, view.north - view.south)
    step = next((s for s in GRATICULE_STEPS if span / s <= 8), GRATICULE_STEPS[-1])
    lines = []
    for lon in range(math.ceil(view.west / step) * step, math.floor(view.east) + 1, step):
        x, _y = view.project(lon, 0)
        lines.append(f'<line x1="{x:g}" y1="0" x2="{x:g}" y2="{view.height:g}"/>')
    for lat in range(math.ceil(view.south / step) * step, math.floor(view.north) + 1, step):
        _x, y = view.project(0, lat)
        lines.append(f'<line x1="0" y1="{y:g}" x2="{view.width:g}" y2="{y:g}"/>')
    return '<g class="graticule">' + "".join(lines) + "</g>"
