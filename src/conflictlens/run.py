"""The main job: read a corpus, extract its events, store them and link them across documents.

One transaction per document, so a crash never leaves half a document; a document that cannot be
read or coded is counted with its reason and the run goes on; a document already stored with the
same text is skipped, so re-running a corpus adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TextIO

from conflictlens.errors import ConflictlensError, EvalError, InputError
from conflictlens.evaluate import EvalReport, evaluate_gold_paths
from conflictlens.evaluate.merge import (
    MergeScores,
    load_clusters,
    predicted_from_store,
    score_merge,
)
from conflictlens.geo.homes import Home
from conflictlens.ingest import read_documents
from conflictlens.merge import link_document, link_pending
from conflictlens.model import Document, Event
from conflictlens.outlets import Homes, Items, learn_homes, read_twice
from conflictlens.pipeline import Pipeline
from conflictlens.store import Store
from conflictlens.text.normalise import normalise_document

__all__ = [
    "RunSummary",
    "Skipped",
    "demo_corpus",
    "evaluate_gold_files",
    "evaluate_merging",
    "extract_documents",
    "geoparse_documents",
    "run_corpus",
]


@dataclass(frozen=True, slots=True)
class Skipped:
    origin: str
    reason: str


@dataclass
class RunSummary:
    documents_read: int = 0
    documents_stored: int = 0
    documents_unchanged: int = 0
    events_stored: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [
            f"documents read: {self.documents_read}",
            f"documents stored: {self.documents_stored}",
            f"documents already stored, unchanged: {self.documents_unchanged}",
            f"documents skipped: {len(self.skipped)}",
            f"events stored: {self.events_stored}",
        ]
        lines += [f"  skipped {s.origin}: {s.reason}" for s in self.skipped]
        return lines


def demo_corpus() -> Path:
    """The folder of demo articles shipped with the package."""
    return Path(str(resources.files("conflictlens.demo") / "articles"))


Progress = Callable[[Document | InputError], None]


def extract_documents(
    pipeline: Pipeline,
    sources: Sequence[str | Path],
    stdin: TextIO | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    outlet_homes: bool = False,
) -> Iterable[tuple[Document, list[Event]]]:
    """Each readable document of ``sources`` with its events (normalised text, no store);
    ``outlet_homes``: first learn where each outlet writes from (:mod:`conflictlens.outlets`)."""
    items, homes = _readings(pipeline, sources, stdin, outlet_homes)
    for item in items():
        if isinstance(item, InputError):
            if on_skip:
                on_skip(Skipped(item.origin, item.reason))
            continue
        try:
            analysis = pipeline.analyse(item, home=homes.of(item))
        except ConflictlensError as exc:
            if on_skip:
                on_skip(Skipped(item.origin, str(exc)))
            continue
        except Exception as exc:  # one document's failure must not stop a corpus
            if on_skip:
                on_skip(Skipped(item.origin, _unexpected(exc)))
            continue
        yield analysis.doc, analysis.events


def _readings(
    pipeline: Pipeline, sources: Sequence[str | Path], stdin: TextIO | None, outlet_homes: bool
) -> tuple[Items, Homes]:
    """The documents to read, and the homes of their outlets when asked (a first reading;
    otherwise no document has a home)."""
    if not outlet_homes:
        return (lambda: read_documents(sources, stdin)), Homes()
    items = read_twice(sources, stdin)
    return items, learn_homes(pipeline.geocoder, items())


def _unexpected(exc: Exception) -> str:
    return (
        f"could not be coded ({type(exc).__name__}: {exc}); the rest of the corpus was; "
        "please report this document"
    )


def run_corpus(
    sources: Sequence[str | Path],
    db: str | Path,
    pipeline: Pipeline,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
    outlet_homes: bool = False,
) -> RunSummary:
    """Extract the events of every document in ``sources`` and store them in ``db``;
    ``outlet_homes``: first learn where each outlet writes from (:mod:`conflictlens.outlets`)."""
    summary = RunSummary()
    items, homes = _readings(pipeline, sources, stdin, outlet_homes)
    with Store.open(db) as store:
        for item in items():
            if progress:
                progress(item)
            if isinstance(item, InputError):
                summary.skipped.append(Skipped(item.origin, item.reason))
                continue
            summary.documents_read += 1
            _run_one(store, pipeline, item, summary, homes.of(item))
        # Mentions left waiting by an interrupted run are linked now.
        link_pending(store)
    return summary


def _run_one(
    store: Store, pipeline: Pipeline, doc: Document, summary: RunSummary, home: Home | None
) -> None:
    normalised = normalise_document(doc)
    if store.has_document(normalised):
        summary.documents_unchanged += 1
        return
    try:
        analysis = pipeline.analyse(normalised, normalised=True, home=home)
        added = store.add_document(analysis.doc, analysis.events, pipeline.codebook_version)
    except ConflictlensError as exc:
        # Nothing of this document was stored (one transaction each); the run goes on.
        summary.skipped.append(Skipped(doc.origin, str(exc)))
        return
    except Exception as exc:  # one document's failure must not stop a corpus
        summary.skipped.append(Skipped(doc.origin, _unexpected(exc)))
        return
    if added:
        summary.documents_stored += 1
        summary.events_stored += len(analysis.events)
        link_document(store, analysis.doc.doc_id)
    else:
        summary.documents_unchanged += 1


def evaluate_gold_files(
    pipeline: Pipeline, gold_files: Sequence[Path], articles: Sequence[str | Path]
) -> EvalReport:
    """Extract from ``articles`` and score against every gold event of ``gold_files``."""
    return evaluate_gold_paths(pipeline.extract, gold_files, articles)


def geoparse_documents(
    pipeline: Pipeline,
    sources: Sequence[str | Path],
    stdin: TextIO | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    outlet_homes: bool = True,
) -> Iterable[dict[str, object]]:
    """One record per place named in each readable document of ``sources``: the surface form,
    its offsets in the normalised text, and the place it resolves to. ``outlet_homes``: first
    learn where each outlet writes from (:mod:`conflictlens.outlets`)."""
    items, homes = _readings(pipeline, sources, stdin, outlet_homes)
    for item in items():
        if isinstance(item, InputError):
            if on_skip:
                on_skip(Skipped(item.origin, item.reason))
            continue
        analysis = pipeline.analyse(item, every_place=True, home=homes.of(item))
        for mention in analysis.places:
            place = mention.place
            yield {
                "doc_id": analysis.doc.doc_id,
                "text": mention.span.text,
                "start": mention.span.start,
                "end": mention.span.end,
                "relation": mention.relation,
                "seat": mention.seat,
                "in_name": mention.in_name,
                "name": place.name,
                "country": place.country,
                "admin1": place.admin1,
                "latitude": place.latitude,
                "longitude": place.longitude,
                "feature": place.feature,
                "geonameid": place.geonameid,
            }


def evaluate_merging(
    pipeline: Pipeline, clusters: Path, articles: Sequence[str | Path], db: Path
) -> MergeScores:
    """Run ``articles`` into a new store at ``db`` and score its merged events against the gold
    ``clusters`` (pairwise and B-cubed precision and recall)."""
    if db.exists():
        raise EvalError(f"{db}: already exists; merging is scored on a new store")
    summary = run_corpus(articles, db, pipeline)
    if summary.skipped:
        first = summary.skipped[0]
        raise EvalError(f"cannot evaluate merging: {first.origin}: {first.reason}")
    with Store.open(db) as store:
        return score_merge(load_clusters(clusters), predicted_from_store(store))
