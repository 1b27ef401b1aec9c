"""The error records of a geoparsing benchmark, one document at a time.

Made from the same span-overlap pairs as the scores: a gold toponym no predicted span overlaps
is a ``missed_toponym``, a predicted span no gold toponym overlaps a ``spurious_toponym``, and a
pair placed farther from its gold point than the accuracy threshold a ``wrong_place``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from conflictlens.evaluate.errors import ToponymCase, ToponymKind, window
from conflictlens.model import PlaceMention

if TYPE_CHECKING:  # geoparse.py calls this module: its types are needed for checking only
    from conflictlens.evaluate.geoparse import GeoDoc, GoldToponym

__all__ = ["Resolved", "toponym_cases"]

Resolved = tuple["GoldToponym", PlaceMention, float | None]
"""A matched pair and its error in km (None when the gold toponym has no point)."""


def _point(toponym: GoldToponym) -> tuple[float, float] | None:
    if toponym.latitude is None or toponym.longitude is None:
        return None
    return (toponym.latitude, toponym.longitude)


def _place(mention: PlaceMention) -> dict[str, object]:
    place = mention.place
    return {
        "name": place.name,
        "country": place.country,
        "latitude": place.latitude,
        "longitude": place.longitude,
    }


def toponym_cases(
    benchmark: str,
    doc: GeoDoc,
    found: Sequence[PlaceMention],
    resolved: Sequence[Resolved],
    threshold_km: float,
) -> list[ToponymCase]:
    """The errors in ``doc``, in text order; ``resolved`` are its matched pairs."""
    matched_gold = {id(toponym) for toponym, _, _ in resolved}
    matched_found = {id(mention) for _, mention, _ in resolved}

    def case(kind: ToponymKind, name: str, start: int, end: int, **extra: Any) -> ToponymCase:
        where = window(doc.text, start, end)
        return ToponymCase(kind, benchmark, doc.doc_id, name, start, end, where, **extra)

    cases = [
        case("missed_toponym", t.name, t.start, t.end, gold_point=_point(t))
        for t in doc.toponyms
        if id(t) not in matched_gold
    ]
    cases += [
        case("spurious_toponym", m.span.text, m.span.start, m.span.end, ours=_place(m))
        for m in found
        if id(m) not in matched_found
    ]
    cases += [
        case(
            "wrong_place",
            t.name,
            t.start,
            t.end,
            gold_point=_point(t),
            ours=_place(m),
            error_km=km,
        )
        for t, m, km in resolved
        if km is not None and km > threshold_km
    ]
    return sorted(cases, key=lambda case: (case.start, case.end, case.kind))
