"""conflictlens: news about armed conflict, in six languages, to a traceable event dataset.

>>> from conflictlens import Pipeline, read_documents
>>> pipeline = Pipeline.load()
>>> for doc in read_documents(["article.txt"]):
...     for event in pipeline.extract(doc):
...         print(event.to_record())
"""

from conflictlens.errors import (
    CodebookError,
    ConflictlensError,
    EvalError,
    GazetteerError,
    InputError,
    StoreError,
)
from conflictlens.ingest import read_documents
from conflictlens.model import Document, Event, PartialDate, Place, Span
from conflictlens.pipeline import Analysis, Pipeline
from conflictlens.run import RunSummary, demo_corpus, extract_documents, run_corpus
from conflictlens.store import EventFilter, Store

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "CodebookError",
    "ConflictlensError",
    "Document",
    "EvalError",
    "Event",
    "EventFilter",
    "GazetteerError",
    "InputError",
    "PartialDate",
    "Pipeline",
    "Place",
    "RunSummary",
    "Span",
    "Store",
    "StoreError",
    "__version__",
    "demo_corpus",
    "extract_documents",
    "read_documents",
    "run_corpus",
]
