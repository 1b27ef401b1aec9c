"""GeoJSON: a FeatureCollection of points, one per located event, properties flat.

Properties are ACLED's columns followed by the conflictlens fields (EXTRA_COLUMNS), all scalars,
so QGIS, GDAL and geopandas read them as plain attribute columns. Unstated fatalities stay null.
Events without coordinates have no point and are left out (the export summary counts them).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from conflictlens.analysis.fields import Record, point
from conflictlens.export.acled import ExportContext, acled_row, extra_values

__all__ = ["feature", "write_geojson"]


def feature(record: Record, context: ExportContext) -> dict[str, object] | None:
    located = point(record)
    if located is None:
        return None
    latitude, longitude = located
    properties = {**acled_row(record, context, acled_zero=False), **extra_values(record)}
    return {
        "type": "Feature",
        "id": record.get("event_id"),
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        "properties": properties,
    }


def write_geojson(records: Sequence[Record], out: Path, context: ExportContext) -> int:
    features = [f for record in records if (f := feature(record, context)) is not None]
    collection = {"type": "FeatureCollection", "features": features}
    with out.open("w", encoding="utf-8") as handle:
        json.dump(collection, handle, ensure_ascii=False)
        handle.write("\n")
    return len(features)
