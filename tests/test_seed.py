"""The article conflictlens was started from: its three required events, and nothing else."""

from __future__ import annotations

import json
import math
from pathlib import Path

from conflictlens import Event, Pipeline, read_documents


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _events(pipeline: Pipeline, path: Path) -> list[Event]:
    (doc,) = list(read_documents([path]))
    assert not isinstance(doc, Exception)
    return pipeline.extract(doc)


def test_seed_gives_the_three_required_events(pipeline: Pipeline, seed_article: Path) -> None:
    gold = [json.loads(line) for line in (seed_article.parent / "gold.jsonl").open()]
    required = [g for g in gold if g["required"]]
    events = _events(pipeline, seed_article)
    assert len(events) == len(required)
    for expected in required:
        near = [
            e
            for e in events
            if e.latitude is not None
            and e.longitude is not None
            and _km(e.latitude, e.longitude, expected["latitude"], expected["longitude"]) <= 25
        ]
        assert len(near) == 1, expected["location"]
        event = near[0]
        assert event.event_type == expected["event_type"]
        assert event.sub_event_type == expected["sub_event_type"]
        assert event.actor1 == expected["actor1"]
        assert event.actor2 == expected["actor2"]
        assert event.event_date is not None and event.event_date.iso() == expected["event_date"]
        assert event.time_precision == expected["time_precision"]
        assert event.weapon == expected["weapon"]
        assert event.claim_status == expected["claim_status"]


def test_seed_threat_statistic_and_summary_are_not_events(
    pipeline: Pipeline, seed_article: Path
) -> None:
    sentences = " ".join(e.evidence.sentence for e in _events(pipeline, seed_article) if e.evidence)
    assert "se poursuivront" not in sentences
    assert "45 %" not in sentences
    assert "des dizaines de fois" not in sentences


def test_every_field_points_to_its_words(pipeline: Pipeline, seed_article: Path) -> None:
    (doc,) = list(read_documents([seed_article]))
    assert not isinstance(doc, Exception)
    analysis = pipeline.analyse(doc)
    for event in analysis.events:
        assert event.evidence is not None
        text = analysis.doc.text
        assert text[event.evidence.start : event.evidence.end] == event.evidence.sentence
        for name in ("sub_event_type", "actor1", "location", "weapon"):
            if name in event.support:
                span = event.support[name]
                assert text[span.start : span.end] == span.text
        assert {"sub_event_type", "location"} <= set(event.support)
