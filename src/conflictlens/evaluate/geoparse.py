"""Geoparsing benchmarks: toponym recognition and resolution against public gold sets.

The sets are read where the user keeps them; nothing is copied.

- ``lgl``: LGL (Lieberman et al. 2010; US local news), ``lgl.xml`` from Gritta et al.'s
  "Pragmatic Guide to Geoparsing Evaluation": toponym spans with GeoNames coordinates;
- ``geovirus``: GeoVirus (Gritta et al. 2018; WikiNews), ``GeoVirus.xml``: spans (its offsets are
  often one character off, so each gold span is re-anchored on its name nearby) and coordinates;
- ``newsfane``: NewsFANE Gold (Alotaibi & Lee 2014; Arabic newswire), token/BIO file: place
  entities only, recognition only (no coordinates);
- ``hipe``: HIPE-2022 French newspapers (TSV folder, historical OCR text): ``loc`` entities,
  recognition only (its links are Wikidata ids, with no coordinates offline).

Recognition is scored on span overlap (each gold and each predicted span used once): precision,
recall, F1. Resolution is scored on the correctly recognised toponyms that have gold coordinates:
the share within 161 km (100 miles, the usual threshold), the mean and median error in km, and
the area under the curve of log-scaled errors (AUC, lower is better; Gritta et al.).
"""

from __future__ import annotations

import math
import re
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from conflictlens.errors import EvalError
from conflictlens.evaluate.errors import GEO_KINDS, ToponymCase
from conflictlens.evaluate.geoparse_errors import Resolved, toponym_cases
from conflictlens.evaluate.table import format_table, number
from conflictlens.geo import Geocoder
from conflictlens.geo.homes import Home, OutletHomes
from conflictlens.model import PlaceMention
from conflictlens.text.fold import fold

__all__ = [
    "GEOPARSE_SETS",
    "GeoDoc",
    "GeoparseReport",
    "GoldToponym",
    "run_geoparse_benchmark",
    "score_geoparse",
]

THRESHOLD_KM = 161.0
_MAX_ERROR_KM = 20039.0
"""Half the Earth's circumference: the largest possible error (for the AUC)."""
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
NEWSFANE_PLACES = frozenset(
    {
        "Nation",
        "Population-Center",
        "State-or-Province",
        "County-or-District",
        "Water-Body",
        "Land-Region-Natural",
        "Airport",
        "Continent",
    }
)
"""NewsFANE classes counted as toponyms (not GPE-Cluster, Building-Grounds: "the Arab world",
"the European Union", a stadium)."""


class Finder(Protocol):
    """Anything with the Geocoder's ``find_places`` (so another geocoder can be measured too)."""

    def find_places(self, text: str, folded: str, lang: str) -> list[PlaceMention]: ...


class HomeFinder(Protocol):
    """A finder that also weighs where an outlet writes from (the Geocoder)."""

    def find_places(
        self, text: str, folded: str, lang: str, home: Home | None = None
    ) -> list[PlaceMention]: ...

    def areas(self, text: str, folded: str) -> list[tuple[str, str]]: ...


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class GeoDoc:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    lang: str = "en"
    outlet: str | None = None
    """The outlet it comes from, when the set says (its homes are learned first)."""


@dataclass
class GeoparseReport:
    name: str
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    errors_km: list[float] = field(default_factory=list)
    seconds: float = 0.0
    """CPU time spent in ``find_places`` (the text folding excluded)."""
    notes: list[str] = field(default_factory=list)
    errors: list[ToponymCase] = field(default_factory=list)
    """The cases behind the scores, when asked for; not part of the JSON or the table."""

    @property
    def error_kinds(self) -> tuple[str, ...]:
        """The kinds of error record a geoparsing report can have."""
        return GEO_KINDS

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def resolved(self) -> int:
        return len(self.errors_km)

    @property
    def accuracy_161(self) -> float | None:
        if not self.errors_km:
            return None
        return sum(e <= THRESHOLD_KM for e in self.errors_km) / len(self.errors_km)

    @property
    def mean_km(self) -> float | None:
        return statistics.fmean(self.errors_km) if self.errors_km else None

    @property
    def median_km(self) -> float | None:
        return statistics.median(self.errors_km) if self.errors_km else None

    @property
    def auc(self) -> float | None:
        """Area under the curve of sorted log errors, scaled to 0-1 (0 is perfect)."""
        if not self.errors_km:
            return None
        scale = math.log(_MAX_ERROR_KM + 1)
        return statistics.fmean(math.log(min(e, _MAX_ERROR_KM) + 1) / scale for e in self.errors_km)

    @property
    def ms_per_document(self) -> float:
        return 1000 * self.seconds / self.documents if self.documents else 0.0

    def metrics(self) -> dict[str, float | None]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "accuracy_161km": self.accuracy_161,
            "mean_km": self.mean_km,
            "median_km": self.median_km,
            "auc": self.auc,
            "ms_per_document": self.ms_per_document,
        }

    def to_json(self) -> dict[str, object]:
        return {
            "benchmark": self.name,
            "documents": self.documents,
            "gold_toponyms": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "resolved": self.resolved,
            **self.metrics(),
            "notes": list(self.notes),
        }

    def to_table(self) -> str:
        rows = [
            ["documents", str(self.documents)],
            ["gold toponyms", str(self.gold)],
            ["predicted", str(self.predicted)],
            ["matched (span overlap)", str(self.matched)],
            ["precision", number(self.precision)],
            ["recall", number(self.recall)],
            ["F1", number(self.f1)],
            ["resolved (matched, with gold point)", str(self.resolved)],
            ["accuracy within 161 km", number(self.accuracy_161)],
            ["mean error km", _km(self.mean_km)],
            ["median error km", _km(self.median_km)],
            ["AUC (lower is better)", number(self.auc)],
            ["CPU ms per document", f"{self.ms_per_document:.2f}"],
        ]
        notes = "".join(f"\nnote: {n}" for n in self.notes)
        return f"geoparsing: {self.name}\n" + format_table(["metric", "value"], rows) + notes


def _km(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


# --- scoring -------------------------------------------------------------------------------------


def _pairs(
    gold: Sequence[GoldToponym], found: Sequence[PlaceMention]
) -> Iterator[tuple[GoldToponym, PlaceMention]]:
    """One-to-one span-overlap matches, in text order."""
    used: set[int] = set()
    for toponym in gold:
        for index, mention in enumerate(found):
            if index in used:
                continue
            if mention.span.start < toponym.end and toponym.start < mention.span.end:
                used.add(index)
                yield toponym, mention
                break


def _error_km(toponym: GoldToponym, mention: PlaceMention) -> float | None:
    """How far our place lies from the gold point; None when the gold gives no point."""
    if toponym.latitude is None or toponym.longitude is None:
        return None
    place = mention.place
    return distance_km(toponym.latitude, toponym.longitude, place.latitude, place.longitude)


def score_geoparse(
    name: str,
    documents: Sequence[GeoDoc],
    finder: Finder,
    notes: Sequence[str] = (),
    *,
    errors: bool = False,
    outlet_homes: bool = True,
) -> GeoparseReport:
    """Score ``finder`` on ``documents``; ``errors``: also list the cases behind the scores in
    the report's ``errors``; ``outlet_homes``: learn where the set's outlets write from first,
    when it names them and the finder weighs homes."""
    report = GeoparseReport(name, notes=list(notes))
    started = time.process_time()
    find, outlets = _home_finder(documents, finder, outlet_homes)
    report.seconds += time.process_time() - started
    if outlets:
        report.notes.append(
            f"where the set's outlets write from ({outlets}) was learned from a first reading "
            "of their articles (counted in the CPU time; --no-outlet-homes reads each alone)"
        )
    for doc in documents:
        started = time.process_time()
        # A town naming a site ("Garissa University") places events but is no toponym.
        found = [m for m in find(doc) if not m.in_name]
        report.seconds += time.process_time() - started
        report.documents += 1
        report.gold += len(doc.toponyms)
        report.predicted += len(found)
        resolved: list[Resolved] = [
            (toponym, mention, _error_km(toponym, mention))
            for toponym, mention in _pairs(doc.toponyms, found)
        ]
        report.matched += len(resolved)
        report.errors_km += [km for _, _, km in resolved if km is not None]
        if errors:
            report.errors += toponym_cases(name, doc, found, resolved, THRESHOLD_KM)
    return report


def _home_finder(
    documents: Sequence[GeoDoc], finder: Finder, outlet_homes: bool
) -> tuple[Callable[[GeoDoc], list[PlaceMention]], int]:
    """``finder`` for each document, told where the document's outlet writes from when the set
    names outlets and the finder weighs homes (the Geocoder): that takes a first reading of
    every document with an outlet (:mod:`conflictlens.outlets`)."""
    with_outlets = outlet_homes and any(doc.outlet for doc in documents)
    if not isinstance(finder, Geocoder) or not with_outlets:
        return (lambda doc: finder.find_places(doc.text, fold(doc.text), doc.lang)), 0
    geocoder: HomeFinder = finder
    homes = OutletHomes()
    for doc in documents:
        if doc.outlet:
            homes.add(doc.outlet, doc.doc_id, geocoder.areas(doc.text, fold(doc.text)))

    def find(doc: GeoDoc) -> list[PlaceMention]:
        home = homes.home(doc.outlet, doc.doc_id) if doc.outlet else None
        return geocoder.find_places(doc.text, fold(doc.text), doc.lang, home)

    return find, len(homes)


# --- readers -------------------------------------------------------------------------------------


def _xml_root(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"{path}: cannot read the geoparsing set ({exc})") from exc


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def read_lgl(path: Path) -> list[GeoDoc]:
    """LGL: ``article/text`` and ``toponyms/toponym`` (start, end, phrase, gaztag lat/lon)."""
    docs: list[GeoDoc] = []
    for article in _xml_root(path).iter("article"):
        text = (article.findtext("text") or "").translate(_QUOTES)
        toponyms = []
        for item in article.iterfind("toponyms/toponym"):
            start, end = int(item.findtext("start") or 0), int(item.findtext("end") or 0)
            gaz = item.find("gaztag")
            toponyms.append(
                GoldToponym(
                    start,
                    end,
                    item.findtext("phrase") or text[start:end],
                    _float(gaz.findtext("lat")) if gaz is not None else None,
                    _float(gaz.findtext("lon")) if gaz is not None else None,
                )
            )
        doc_id = article.get("docid", str(len(docs)))
        docs.append(GeoDoc(doc_id, text, tuple(toponyms), outlet=article.findtext("domain")))
    return docs


def _anchor(text: str, name: str, start: int, end: int) -> tuple[int, int]:
    """Gold offsets moved onto the name when they are a few characters off (GeoVirus)."""
    if text[start:end] == name:
        return start, end
    for shift in (-1, 1, -2, 2, -3, 3):
        if text[start + shift : start + shift + len(name)] == name:
            return start + shift, start + shift + len(name)
    return start, end


def read_geovirus(path: Path) -> list[GeoDoc]:
    """GeoVirus: ``article/text`` and ``locations/location`` (name, start, end, lat, lon)."""
    docs = []
    for number_, article in enumerate(_xml_root(path).iter("article")):
        text = (article.findtext("text") or "").translate(_QUOTES)
        toponyms = []
        for item in article.iterfind("locations/location"):
            name = item.findtext("name") or ""
            start, end = _anchor(
                text, name, int(item.findtext("start") or 0), int(item.findtext("end") or 0)
            )
            toponyms.append(
                GoldToponym(
                    start, end, name, _float(item.findtext("lat")), _float(item.findtext("lon"))
                )
            )
        toponyms.sort(key=lambda t: t.start)
        source = article.findtext("source") or ""
        outlet = urlsplit(source).hostname if source else None
        docs.append(GeoDoc(f"geovirus-{number_}", text, tuple(toponyms), outlet=outlet))
    return docs


def _bio_spans(
    tokens: Sequence[tuple[str, str]], keep: Callable[[str], bool]
) -> Iterator[tuple[int, int]]:
    """(first, last) token indices of entities whose type ``keep`` accepts, from BIO tags."""
    begin: int | None = None
    for index, (_, tag) in enumerate([*tokens, ("", "O")]):
        inside = tag.startswith("I-") and begin is not None
        if begin is not None and not inside:
            yield begin, index - 1
            begin = None
        if (tag.startswith("B-") and keep(tag[2:])) or (
            tag.startswith("I-") and begin is None and keep(tag[2:])
        ):
            begin = index


def read_newsfane(path: Path, sentences_per_doc: int = 20) -> list[GeoDoc]:
    """NewsFANE Gold: ``token<TAB>tag`` lines, blank line between sentences; tokens joined by
    spaces, sentences grouped ``sentences_per_doc`` at a time as one document."""
    try:
        lines = path.read_text(encoding="utf-8-sig").split("\n")
    except OSError as exc:
        raise EvalError(f"{path}: cannot read NewsFANE ({exc})") from exc
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in lines:
        parts = line.replace("\u200e", "").split("\t")
        if len(parts) < 2 or not parts[0].strip():
            if sentences[-1]:
                sentences.append([])
            continue
        sentences[-1].append((parts[0].strip(), parts[1].strip() or "O"))
    sentences = [s for s in sentences if s]
    docs = []
    for first in range(0, len(sentences), sentences_per_doc):
        tokens = [
            t for s in sentences[first : first + sentences_per_doc] for t in (*s, ("\n", "O"))
        ]
        docs.append(_token_doc(f"newsfane-{first}", tokens, "ar", NEWSFANE_PLACES.__contains__))
    return docs


def _token_doc(
    doc_id: str,
    tokens: Sequence[tuple[str, str]],
    lang: str,
    keep: Callable[[str], bool],
    glue: Sequence[bool] | None = None,
) -> GeoDoc:
    """A document from tokens: joined by spaces (``glue[i]``: no space after token i)."""
    offsets: list[tuple[int, int]] = []
    pieces: list[str] = []
    cursor = 0
    for index, (token, _) in enumerate(tokens):
        offsets.append((cursor, cursor + len(token)))
        pieces.append(token)
        cursor += len(token)
        if token != "\n" and not (glue and glue[index]):
            pieces.append(" ")
            cursor += 1
    text = "".join(pieces)
    toponyms = tuple(
        GoldToponym(offsets[a][0], offsets[b][1], text[offsets[a][0] : offsets[b][1]])
        for a, b in _bio_spans(tokens, keep)
    )
    return GeoDoc(doc_id, text, toponyms, lang)


_HIPE_DOC = re.compile(r"#\s*hipe2022:document_id\s*=\s*(\S+)")


def read_hipe(path: Path) -> list[GeoDoc]:
    """HIPE-2022 TSV files (a file or a folder searched for ``*-fr.tsv``): ``loc`` entities of
    the literal coarse column; tokens glued where MISC says ``NoSpaceAfter``."""
    files = sorted(path.rglob("*.tsv")) if path.is_dir() else [path]
    docs: list[GeoDoc] = []
    for file in files:
        docs.extend(_hipe_file(file))
    if not docs:
        raise EvalError(f"{path}: no HIPE TSV documents found")
    return docs


def _hipe_file(file: Path) -> Iterator[GeoDoc]:
    try:
        lines = file.read_text(encoding="utf-8").split("\n")
    except OSError as exc:
        raise EvalError(f"{file}: cannot read HIPE TSV ({exc})") from exc
    doc_id = ""
    tokens: list[tuple[str, str]] = []
    glue: list[bool] = []
    for line in lines:
        head = _HIPE_DOC.match(line)
        if head:
            if tokens:
                yield _token_doc(doc_id, tokens, "fr", _is_loc, glue)
            doc_id, tokens, glue = head.group(1), [], []
            continue
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 10 or parts[0] == "TOKEN":
            continue
        tokens.append((parts[0], parts[1]))
        misc = parts[9]
        glue.append("NoSpaceAfter" in misc)
        if "EndOfLine" in misc and "NoSpaceAfter" not in misc:
            glue[-1] = False
    if tokens:
        yield _token_doc(doc_id, tokens, "fr", _is_loc, glue)


def _is_loc(kind: str) -> bool:
    return kind.lower().split(".")[0] == "loc"


GEOPARSE_SETS: dict[str, tuple[Callable[[Path], list[GeoDoc]], str, tuple[str, ...]]] = {
    "lgl": (read_lgl, "lgl.xml", ()),
    "geovirus": (
        read_geovirus,
        "GeoVirus.xml",
        ("gold offsets re-anchored on the location name where they were off by 1-3 characters",),
    ),
    "newsfane": (
        read_newsfane,
        "NewsFANE_Gold_2014_170K.txt",
        (
            "recognition only; places = " + ", ".join(sorted(NEWSFANE_PLACES)),
            "tokens joined by spaces (clitics stay split as in the gold); 20 sentences a document",
        ),
    ),
    "hipe": (
        read_hipe,
        "",
        ("recognition only (loc entities); historical French OCR text",),
    ),
}


def _resolve_path(name: str, path: Path, default_file: str) -> Path:
    if path.is_dir() and default_file and (path / default_file).is_file():
        return path / default_file
    if not path.exists():
        raise EvalError(f"{path}: no such file or folder for the {name} set")
    return path


def run_geoparse_benchmark(
    name: str,
    path: Path,
    geocoder: Finder,
    limit: int | None = None,
    *,
    errors: bool = False,
    outlet_homes: bool = True,
) -> GeoparseReport:
    """Run ``geocoder.find_places`` over a geoparsing set and score it.

    ``name`` is one of :data:`GEOPARSE_SETS`; ``path`` the set's file or its folder; ``limit``
    keeps that many documents spread evenly over the set; ``errors`` also lists the cases
    behind the scores in the report's ``errors``; ``outlet_homes`` learns where the set's
    outlets write from first (LGL and GeoVirus name them).
    """
    if name not in GEOPARSE_SETS:
        known = ", ".join(sorted(GEOPARSE_SETS))
        raise EvalError(f"unknown geoparsing set {name!r}; known sets: {known}")
    reader, default_file, notes = GEOPARSE_SETS[name]
    documents = reader(_resolve_path(name, path, default_file))
    extra = list(notes)
    if limit is not None and limit < len(documents):
        step = len(documents) / max(limit, 1)
        documents = [documents[int(i * step)] for i in range(max(limit, 0))]
        extra.append(f"sample of {len(documents)} documents")
    return score_geoparse(
        name, documents, geocoder, extra, errors=errors, outlet_homes=outlet_homes
    )
