"""Where each outlet of a corpus writes from: a first reading of its articles' places.

A local paper leaves its own town unqualified ("a Richmond man"); its other articles say which
Richmond (:mod:`conflictlens.geo.homes`). Learning that takes a reading of the whole corpus before
the main one, so it costs a second geocoding pass: ``geoparse`` does it by default, ``extract``
and ``run`` when asked (``--outlet-homes``). Only documents whose outlet is known (a ``source``
field, or the host of their ``url``) take part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from conflictlens.errors import InputError
from conflictlens.geo import Geocoder
from conflictlens.geo.homes import Home, OutletHomes, outlet_of
from conflictlens.ingest import read_documents
from conflictlens.model import Document, Event
from conflictlens.pipeline import Pipeline
from conflictlens.text.fold import fold
from conflictlens.text.normalise import normalise_document

__all__ = ["HomedExtractor", "Homes", "Items", "learn_homes", "read_twice"]

Items = Callable[[], Iterable[Document | InputError]]


class Homes:
    """The homes of a corpus's outlets, and each document's home by its outlet."""

    def __init__(self, homes: OutletHomes | None = None) -> None:
        self._homes = homes or OutletHomes()

    def of(self, doc: Document) -> Home | None:
        outlet = outlet_of(doc)
        return self._homes.home(outlet, doc.doc_id) if outlet else None


def learn_homes(geocoder: Geocoder, documents: Iterable[Document | InputError]) -> Homes:
    """Read the places of every document with a known outlet, for where each outlet writes from
    (what cannot be read is skipped: the main reading reports it)."""
    homes = OutletHomes()
    for doc in documents:
        if isinstance(doc, InputError):
            continue
        outlet = outlet_of(doc)
        if outlet is None:
            continue
        text = normalise_document(doc).text
        homes.add(outlet, doc.doc_id, geocoder.areas(text, fold(text)))
    return Homes(homes)


class HomedExtractor:
    """A pipeline's extraction, each document read with where its outlet writes from, once
    :meth:`learn` has read the corpus (the evaluation runner calls it first)."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline
        self._homes = Homes()

    def learn(self, documents: Sequence[Document]) -> None:
        self._homes = learn_homes(self._pipeline.geocoder, documents)

    def __call__(self, doc: Document) -> list[Event]:
        return self._pipeline.analyse(doc, home=self._homes.of(doc)).events


def read_twice(sources: Sequence[str | Path], stdin: TextIO | None) -> Items:
    """The documents of ``sources`` for each reading: files are read again, standard input
    (which cannot be) is kept from the first reading."""
    if not any(isinstance(s, str) and s == "-" for s in sources):
        return lambda: read_documents(sources, stdin)
    kept: list[Document | InputError] = []

    def items() -> Iterator[Document | InputError]:
        if kept:
            yield from kept
            return
        for item in read_documents(sources, stdin):
            kept.append(item)
            yield item

    return items
