"""Measuring an extractor against gold events, as numbers.

- :func:`load_gold` reads gold JSONL (the record's field names, plus ``required``);
- :func:`score_events` matches predicted to gold events per document and gives event P/R/F1
  and per-field accuracy; :func:`evaluate_gold` runs an extractor and scores it;
- :data:`ADAPTERS` / :func:`run_benchmark` read the shared sets (``acled``, ``acled-legacy``,
  ``gtd``, ``case2021``) from a path the user gives; their files are never copied;
- :func:`check_floors` compares a report with pinned minimums, for an evaluation gate;
- ``errors=True`` (on the functions above and on the geoparsing runs) also lists the cases behind
  the scores in the report's ``errors``: typed records (:mod:`conflictlens.evaluate.errors`) that
  :func:`write_errors` puts in a JSON Lines file.

Label maps for the shared sets live in ``mappings.yaml`` next to this file.
"""

from conflictlens.evaluate.adapters import ADAPTERS
from conflictlens.evaluate.benchmark import Benchmark
from conflictlens.evaluate.compare import FIELD_NAMES, MatchRules
from conflictlens.evaluate.errors import (
    ErrorCase,
    ErrorSummary,
    MissedEvent,
    SpuriousEvent,
    ToponymCase,
    WrongField,
    WrongLabel,
    check_errors_path,
    write_errors,
)
from conflictlens.evaluate.gate import check_floors, load_floors
from conflictlens.evaluate.gold import GoldEvent, load_gold
from conflictlens.evaluate.labels import NO_EVENT, LabelScores, LabelTask
from conflictlens.evaluate.report import EvalReport
from conflictlens.evaluate.runner import (
    Extract,
    evaluate_benchmark,
    evaluate_gold,
    evaluate_gold_paths,
    run_benchmark,
    score_benchmark,
)
from conflictlens.evaluate.scores import Counts, EventScores, FieldScore, score_events

__all__ = [
    "ADAPTERS",
    "FIELD_NAMES",
    "NO_EVENT",
    "Benchmark",
    "Counts",
    "ErrorCase",
    "ErrorSummary",
    "EvalReport",
    "EventScores",
    "Extract",
    "FieldScore",
    "GoldEvent",
    "LabelScores",
    "LabelTask",
    "MatchRules",
    "MissedEvent",
    "SpuriousEvent",
    "ToponymCase",
    "WrongField",
    "WrongLabel",
    "check_errors_path",
    "check_floors",
    "evaluate_benchmark",
    "evaluate_gold",
    "evaluate_gold_paths",
    "load_floors",
    "load_gold",
    "run_benchmark",
    "score_benchmark",
    "score_events",
    "write_errors",
]
