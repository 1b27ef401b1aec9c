"""Running an extractor over a benchmark's documents and scoring what it returns."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol, runtime_checkable

from conflictlens.errors import ConflictlensError, EvalError, InputError
from conflictlens.evaluate.actor_names import ActorNames
from conflictlens.evaluate.adapters import ADAPTERS
from conflictlens.evaluate.benchmark import Benchmark
from conflictlens.evaluate.cases import benchmark_errors
from conflictlens.evaluate.compare import MatchRules
from conflictlens.evaluate.gold import GoldEvent, load_gold
from conflictlens.evaluate.groups import languages_from_documents
from conflictlens.evaluate.labels import score_labels
from conflictlens.evaluate.normalise import actor_key
from conflictlens.evaluate.report import EvalReport
from conflictlens.evaluate.scores import score_events
from conflictlens.ingest import read_documents
from conflictlens.model import Document, Event

__all__ = [
    "Extract",
    "evaluate_benchmark",
    "evaluate_gold",
    "evaluate_gold_paths",
    "extract_all",
    "name_gold_actors",
    "place_gold_names",
    "run_benchmark",
    "score_benchmark",
]

Extract = Callable[[Document], list[Event]]
"""An extractor: the events one document reports."""


@runtime_checkable
class Learner(Protocol):
    """An extractor that first reads the whole set (``conflictlens.outlets.HomedExtractor``)."""

    def learn(self, documents: Sequence[Document]) -> None: ...


def extract_all(extract: Extract, documents: Sequence[Document]) -> dict[str, list[Event]]:
    """doc_id -> the events ``extract`` returns for it.

    A ConflictlensError raised for a document becomes an EvalError naming the document.
    """
    predicted: dict[str, list[Event]] = {}
    if isinstance(extract, Learner):
        extract.learn(documents)  # a first reading of the whole set (outlet homes)
    for doc in documents:
        try:
            predicted[doc.doc_id] = list(extract(doc))
        except ConflictlensError as exc:
            raise EvalError(f"{doc.origin}: extraction of {doc.doc_id} failed: {exc}") from exc
    return predicted


def _check_ids(articles: Sequence[Document], gold: Sequence[GoldEvent]) -> None:
    seen: set[str] = set()
    for doc in articles:
        if doc.doc_id in seen:
            raise EvalError(f"{doc.origin}: doc_id {doc.doc_id!r} is given to two articles")
        seen.add(doc.doc_id)
    for event in gold:
        if event.doc_id not in seen:
            raise EvalError(f"{event.origin}: doc_id {event.doc_id!r} names no article given")


def evaluate_gold(
    extract: Extract,
    articles: Sequence[Document],
    gold: Sequence[GoldEvent],
    *,
    name: str = "gold",
    rules: MatchRules | None = None,
    errors: bool = False,
) -> EvalReport:
    """Extract from ``articles`` and score the events against ``gold`` (one-to-one matching).

    Every gold doc_id must name one of ``articles``; an article without gold events expects
    none. Per-language rows come from each article's ``lang`` or its doc id prefix (``fr_...``).
    ``errors``: also list the cases behind the scores in the report's ``errors``.
    """
    _check_ids(articles, gold)
    benchmark = Benchmark(name=name, documents=tuple(articles), gold=tuple(gold))
    return evaluate_benchmark(benchmark, extract, rules=rules, errors=errors)


def evaluate_gold_paths(
    extract: Extract,
    gold_files: Sequence[Path],
    articles: Sequence[str | Path],
    *,
    errors: bool = False,
) -> EvalReport:
    """:func:`evaluate_gold` on every gold event of ``gold_files`` and the articles read from
    ``articles`` (files or folders); the report is named after the gold files.

    Raises EvalError on the first article that cannot be read.
    """
    documents: list[Document] = []
    for item in read_documents(articles):
        if isinstance(item, InputError):
            raise EvalError(f"cannot evaluate: {item}")
        documents.append(item)
    gold = [event for path in gold_files for event in load_gold(path)]
    name = ", ".join(path.name for path in gold_files)
    return evaluate_gold(extract, documents, gold, name=name, errors=errors)


PlaceNames = Callable[[str, str | None], list[tuple[float, float]]]
"""Where the places a name names lie, in a country when one is given
(``Geocoder.points_named``)."""


def place_gold_names(bench: Benchmark, places: PlaceNames) -> Benchmark:
    """``bench`` with the gold locations that have no coordinates placed by their name (in the
    gold's country when the gazetteer holds the name there), so that a predicted point near a
    place of that name agrees with them whatever the spelling ("Galkayo" and "Gaalkacyo"); the
    report's notes say how many."""
    gold, placed = [], 0
    for event in bench.gold:
        if event.coordinates is None and event.location:
            points = tuple(places(event.location, event.country))
            if points:
                event, placed = replace(event, named_points=points), placed + 1
        gold.append(event)
    told = (
        f"{placed} gold places without coordinates were placed by their name in the gazetteer:"
        " a predicted point within 25 km of a place of that name agrees with them"
    )
    return _with_gold(bench, gold, told) if placed else bench


def name_gold_actors(bench: Benchmark, actors: ActorNames) -> Benchmark:
    """``bench`` with each gold actor that is another name of a codebook actor read as that
    actor (:mod:`conflictlens.evaluate.actor_names`); the report's notes say how many."""
    gold, renamed = [], 0
    for event in bench.gold:
        actor1, actor2 = _codebook_name(event.actor1, actors), _codebook_name(event.actor2, actors)
        if (actor1, actor2) != (event.actor1, event.actor2):
            renamed += (actor1 != event.actor1) + (actor2 != event.actor2)
            event = replace(event, actor1=actor1, actor2=actor2)
        gold.append(event)
    told = (
        f"{renamed} gold actors named otherwise than the codebook were read as the codebook's"
        " actor they are an alias of"
    )
    return _with_gold(bench, gold, told) if renamed else bench


def _with_gold(bench: Benchmark, gold: list[GoldEvent], note: str) -> Benchmark:
    """``bench`` with its gold events read otherwise, and a note that says how."""
    return replace(bench, gold=tuple(gold), notes=(*bench.notes, note))


def _codebook_name(name: str | None, actors: ActorNames) -> str | None:
    canonical = actors(name) if name else None
    if canonical is None or actor_key(canonical) == actor_key(name):
        return name
    return canonical


def evaluate_benchmark(
    benchmark: Benchmark,
    extract: Extract,
    *,
    limit: int | None = None,
    rules: MatchRules | None = None,
    errors: bool = False,
    places: PlaceNames | None = None,
    actors: ActorNames | None = None,
) -> EvalReport:
    """Extract from the benchmark's documents (``limit`` of them, spread evenly) and score.

    ``places``: place the gold locations given without coordinates by their name
    (:func:`place_gold_names`); ``actors``: read the gold actors of a set that names groups its
    own way through the codebook's aliases (:func:`name_gold_actors`)."""
    bench = benchmark.sample(limit)
    if places is not None:
        bench = place_gold_names(bench, places)
    if actors is not None and bench.own_actor_names:
        bench = name_gold_actors(bench, actors)
    predicted = extract_all(extract, bench.documents)
    return score_benchmark(bench, predicted, rules=rules, errors=errors)


def score_benchmark(
    bench: Benchmark,
    predicted: Mapping[str, Sequence[Event]],
    *,
    rules: MatchRules | None = None,
    errors: bool = False,
) -> EvalReport:
    """The report for events already extracted from ``bench``'s documents.

    ``errors``: also list the cases behind the scores (:mod:`conflictlens.evaluate.errors`).
    """
    report = _score(bench, predicted, rules)
    if not errors:
        return report
    return replace(report, errors=benchmark_errors(bench, predicted, rules or bench.rules))


def _score(
    bench: Benchmark, predicted: Mapping[str, Sequence[Event]], rules: MatchRules | None
) -> EvalReport:
    doc_ids = [doc.doc_id for doc in bench.documents]
    groups = languages_from_documents(bench.documents) if bench.groups is None else bench.groups
    events = (
        score_events(
            predicted,
            bench.gold,
            doc_ids,
            mode=bench.mode,
            rules=rules or bench.rules,
            fields=bench.fields,
            groups=groups,
        )
        if bench.score_events
        else None
    )
    return EvalReport(
        name=bench.name,
        documents=len(doc_ids),
        gold_events=len(bench.gold),
        required_events=sum(1 for event in bench.gold if event.required),
        events=events,
        labels=tuple(score_labels(task, predicted, doc_ids) for task in bench.label_tasks),
        group_by=bench.group_by,
        notes=bench.notes,
    )


def run_benchmark(
    name: str,
    path: Path | str,
    extract: Extract,
    limit: int | None = None,
    *,
    errors: bool = False,
    places: PlaceNames | None = None,
    actors: ActorNames | None = None,
) -> EvalReport:
    """Read the shared set ``name`` (see ADAPTERS) from ``path`` and score ``extract`` on it.

    ``limit`` scores only that many documents, spread evenly over the file; ``errors`` also
    lists the cases behind the scores in the report's ``errors``; ``places`` places the gold
    locations given without coordinates by their name (:func:`place_gold_names`); ``actors``
    reads gold actors through the codebook's aliases (:func:`name_gold_actors`).
    """
    adapter = ADAPTERS.get(name)
    if adapter is None:
        raise EvalError(f"unknown benchmark {name!r}: use one of {', '.join(sorted(ADAPTERS))}")
    if limit is not None and limit < 1:
        raise EvalError(f"limit must be at least 1, not {limit}")
    return evaluate_benchmark(
        adapter(Path(path)), extract, limit=limit, errors=errors, places=places, actors=actors
    )
