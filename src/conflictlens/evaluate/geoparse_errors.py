"""The error records of a geoparsing benchmark, one document at a time.

Made from the same span-overlap pairs as the scores: a gold toponym no predicted span overlaps
is a ``missed_toponym``, a predicted span no gold toponym overlaps a ``spurious_toponym``, and a
pair placed farther from its gold point than the accuracy threshold a ``wrong_place``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from conflictlens.evaluate.errors import ToponymCase, window
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
    cases = [
        ToponymCase(
            "missed_toponym",
            benchmark,
            doc.doc_id,
            toponym.name,
            toponym.start,
            toponym.end,
            window(doc.text, toponym.start, toponym.end),
            gold_point=_point(toponym),
        )
        for toponym in doc.toponyms
        if id(toponym) not in matched_gold
    ]
    cases += [
        ToponymCase(
            "spurious_toponym",
            benchmark,
            doc.doc_id,
            mention.span.text,
            mention.span.start,
            mention.span.end,
            window(doc.text, mention.span.start, mention.span.end),
            ours=_place(mention),
        )
        for mention in found
        if id(mention) not in matched_found
    ]
    cases += [
        ToponymCase(
            "wrong_place",
            benchmark,
            doc.doc_id,
            toponym.name,
            toponym.start,
            toponym.end,
            window(doc.text, toponym.start, toponym.end),
            gold_point=_point(toponym),
            ours=_place(mention),
            error_km=km,
        )
        for toponym, mention, km in resolved
        if km is not None and km > threshold_km
    ]
    return sorted(cases, key=lambda case: (case.start, case.end, case.kind))
