"""A document with no event word is not geocoded by extraction, and nothing else changes.

Geoparsing still finds every place of such a document, and the events of documents that have
event words are the same whether or not every document is geocoded.
"""

from __future__ import annotations

from pathlib import Path

from conflictlens import Document, Pipeline, read_documents
from conflictlens.run import demo_corpus, geoparse_documents

_NO_EVENT = (
    "Le festival de musique de Mossoul a réuni des milliers de visiteurs samedi. "
    "Des artistes venus de Bagdad et d'Erbil ont joué jusqu'à minuit."
)


def test_a_document_without_event_words_is_not_geocoded(pipeline: Pipeline) -> None:
    doc = Document("festival", _NO_EVENT)
    assert pipeline.analyse(doc).places == []
    names = {p.place.name for p in pipeline.analyse(doc, every_place=True).places}
    assert {"Mosul", "Baghdad", "Erbil"} <= names


def test_geoparsing_lists_the_places_of_a_document_without_events(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    article = tmp_path / "festival.txt"
    article.write_text(_NO_EVENT, encoding="utf-8")
    records = list(geoparse_documents(pipeline, [article]))
    assert {"Mossoul", "Bagdad", "Erbil"} <= {str(r["text"]) for r in records}


def test_skipping_changes_no_event(pipeline: Pipeline) -> None:
    docs = [d for d in read_documents([demo_corpus()]) if isinstance(d, Document)]
    assert len(docs) > 20
    for doc in docs:
        assert pipeline.analyse(doc).events == pipeline.analyse(doc, every_place=True).events
