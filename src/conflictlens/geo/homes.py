"""Where an outlet writes from, learned from the places its own articles name.

A local paper names its town without its state ("Dublin City Council", "a Richmond man"): its
readers know where it is. Read alone, such an article gives the name's largest namesake (Dublin,
Ireland); read among the outlet's other articles, it gives the outlet's home (Dublin, Ohio). One
outlet's articles name its province far more often than any other, so the provinces and countries
most of them name are its home: each article counts once per province or country it names, and an
article is judged by its outlet's *other* articles (its own first reading is no evidence). Only
names that lie in one province or country whatever their reading count ("Richmond, Ky.", "Madison
County, Kentucky", "Kentucky"): a paper that never qualifies its home town would otherwise learn
the town's largest namesake as its home.

The home ranks a name's candidates as another name of the document would (it is no local support
that lets a word in as a place): see ``HOME_WEIGHT`` in :mod:`conflictlens.geo.scoring`. A text
that names no country of its own is read as about its home's countries and provinces, as if it
named them: a Burkinabe outlet's "in Tin-Akoff" is the Burkinabe village, a Kentucky paper's "in
Burgin" the Kentucky village. It needs
a first reading of the outlet's articles, so it is learned over a corpus, in two passes: see
:mod:`conflictlens.outlets`. With a home, the actors a text knows only by kind take its country
when the text names none (``Home.country``; :mod:`conflictlens.coder.setting`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from conflictlens.model import Document

__all__ = ["MIN_ARTICLES", "MIN_SHARE", "Home", "OutletHomes", "outlet_of"]

MIN_ARTICLES = 2
"""Other articles of an outlet needed before they say where it is. On LGL (most outlets have 5-10
articles there), 1, 2 and 4 give the same accuracy within 161 km: 2 keeps one other article from
deciding alone."""
MIN_SHARE = 0.2
"""Share of an outlet's other articles that must name a province or country for it to count as
home (a wire story names many places once). Calibrated on LGL (accuracy within 161 km):
0.1 and 0.2 give 0.925, 0.3 0.924."""


@dataclass(frozen=True, slots=True)
class Home:
    """The provinces (gazetteer admin1 keys) and countries (ISO codes) an outlet's other articles
    name, each with the share of those articles that name it (0-1)."""

    countries: dict[str, float] = field(default_factory=dict)
    provinces: dict[str, float] = field(default_factory=dict)

    @property
    def country(self) -> str | None:
        """The country most of the outlet's other articles name (ISO code), if one leads."""
        ranked = sorted(self.countries.items(), key=lambda item: (-item[1], item[0]))
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]


@dataclass
class _Outlet:
    articles: int = 0
    countries: Counter[str] = field(default_factory=Counter)
    provinces: Counter[str] = field(default_factory=Counter)
    named: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    """What each article (by document id) named: its countries and provinces."""


class OutletHomes:
    """The homes of the outlets of a corpus, from a first reading of its articles."""

    def __init__(self) -> None:
        self._outlets: dict[str, _Outlet] = {}

    def add(self, outlet: str, doc_id: str, places: Iterable[tuple[str, str]]) -> None:
        """Count what one article of ``outlet`` names: (country ISO code, admin1 key or "")."""
        pairs = list(places)
        countries = frozenset(iso for iso, _ in pairs if iso)
        provinces = frozenset(key for _, key in pairs if key)
        seen = self._outlets.setdefault(outlet, _Outlet())
        if doc_id in seen.named:
            return  # an article read twice counts once
        seen.articles += 1
        seen.countries.update(countries)
        seen.provinces.update(provinces)
        seen.named[doc_id] = (countries, provinces)

    def home(self, outlet: str, doc_id: str) -> Home | None:
        """Where ``outlet`` writes from, by its articles other than ``doc_id``; None when too
        few of them say."""
        seen = self._outlets.get(outlet)
        if seen is None:
            return None
        own_countries, own_provinces = seen.named.get(doc_id, (frozenset(), frozenset()))
        others = seen.articles - (1 if doc_id in seen.named else 0)
        if others < MIN_ARTICLES:
            return None
        countries = _shares(seen.countries, own_countries, others)
        provinces = _shares(seen.provinces, own_provinces, others)
        return Home(countries, provinces) if countries or provinces else None

    def __len__(self) -> int:
        return len(self._outlets)


def _shares(counts: Counter[str], own: frozenset[str], others: int) -> dict[str, float]:
    shares = {key: (n - (key in own)) / others for key, n in counts.items()}
    return {key: share for key, share in shares.items() if share >= MIN_SHARE}


def outlet_of(doc: Document) -> str | None:
    """The outlet a document comes from: its source's name, else its address's host."""
    if doc.source:
        return doc.source.strip().casefold() or None
    if doc.url:
        host = urlsplit(doc.url).hostname or ""
        return host.removeprefix("www.") or None
    return None
