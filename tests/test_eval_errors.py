"""`conflictlens eval --errors FILE`: the cases behind the scores, one JSON line each."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conflictlens.cli import cli
from conflictlens.errors import EvalError
from conflictlens.evaluate import (
    Benchmark,
    GoldEvent,
    MissedEvent,
    SpuriousEvent,
    ToponymCase,
    WrongField,
    WrongLabel,
    check_errors_path,
    evaluate_gold,
    run_benchmark,
    score_benchmark,
    write_errors,
)
from conflictlens.evaluate.geoparse import run_geoparse_benchmark
from conflictlens.model import Document, Event, Evidence, PartialDate, Place, PlaceMention, Span

KHERSON = """date 2024-03-12
Russian forces shelled the city of Kherson on Monday, killing three civilians and wounding
five others, the regional governor said.
"""
RAFAH = """date 2024-03-14
Israeli airstrikes hit Rafah on Thursday, killing seven people, the health ministry said.
"""
GOLD = [
    # Matched (same type, place and day), but the gold counts four dead where the text says three.
    {
        "doc_id": "kherson",
        "event_date": "2024-03-11",
        "event_type": "Explosions/Remote violence",
        "location": "Kherson",
        "latitude": 46.6354,
        "longitude": 32.6169,
        "fatalities": 4,
    },
    # A coder's reading the extractor cannot match (another type, another town): our airstrike
    # is spurious and this event is missed.
    {
        "doc_id": "rafah",
        "event_date": "2024-03-14",
        "event_type": "Battles",
        "location": "Khan Yunis",
        "evidence": "Israeli airstrikes hit Rafah on Thursday",
    },
]


@pytest.fixture()
def gold_case(tmp_path: Path) -> tuple[Path, Path]:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "kherson.txt").write_text(KHERSON, encoding="utf-8")
    (articles / "rafah.txt").write_text(RAFAH, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(line) + "\n" for line in GOLD), encoding="utf-8")
    return gold, articles


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- through the command line ---------------------------------------------------------------------


def test_eval_writes_each_error_and_says_where(
    gold_case: tuple[Path, Path], tmp_path: Path
) -> None:
    gold, articles = gold_case
    errors = tmp_path / "errors.jsonl"
    args = ["eval", "--gold", str(gold), "--articles", str(articles), "--format", "json"]
    plain = CliRunner().invoke(cli, args)
    result = CliRunner().invoke(cli, [*args, "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    # The option changes no score, and stdout stays one JSON document.
    assert json.loads(result.stdout) == json.loads(plain.stdout)
    assert f"1 missed, 1 spurious, 1 field (3 in all) written to {errors}" in result.stderr

    records = read_lines(errors)
    assert Counter(r["kind"] for r in records) == {"missed": 1, "spurious": 1, "field": 1}
    assert {r["benchmark"] for r in records} == {"gold.jsonl"}
    wrong = next(r for r in records if r["kind"] == "field")
    assert (wrong["doc_id"], wrong["field"], wrong["gold"], wrong["ours"]) == (
        "kherson",
        "fatalities",
        4,
        3,
    )
    assert wrong["gold_line"] == f"{gold}:1"
    assert wrong["support"]["text"] == "killing three"
    assert wrong["evidence"]["sentence"].startswith("Russian forces shelled")
    missed = next(r for r in records if r["kind"] == "missed")
    assert missed["doc_id"] == "rafah"
    assert missed["gold"]["event_type"] == "Battles"
    assert missed["gold"]["location"] == "Khan Yunis"
    assert missed["context"] == "Israeli airstrikes hit Rafah on Thursday"
    spurious = next(r for r in records if r["kind"] == "spurious")
    assert spurious["doc_id"] == "rafah"
    assert spurious["ours"]["sub_event_type"] == "Air/drone strike"
    evidence = spurious["evidence"]
    assert evidence["sentence"].startswith("Israeli airstrikes hit Rafah")
    assert evidence["end"] - evidence["start"] == len(evidence["sentence"])


def test_eval_table_then_the_errors_line(gold_case: tuple[Path, Path], tmp_path: Path) -> None:
    gold, articles = gold_case
    errors = tmp_path / "errors.jsonl"
    errors.write_text("an older run\n", encoding="utf-8")
    args = ["eval", "--gold", str(gold), "--articles", str(articles), "--errors", str(errors)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "fatalities" in result.stdout  # the field table is printed as without the option
    assert result.output.index("fatalities") < result.output.index("written to")
    assert len(read_lines(errors)) == 3  # the older file is replaced, not appended to


@pytest.mark.parametrize("where", ["no-such-folder/errors.jsonl", "."])
def test_a_bad_errors_path_fails_before_any_scoring(
    gold_case: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    def no_loading(*_: object) -> None:
        raise AssertionError("the pipeline was loaded before the path was checked")

    monkeypatch.setattr("conflictlens.cli.Pipeline.load", no_loading)
    gold, articles = gold_case
    target = tmp_path / where
    args = ["eval", "--gold", str(gold), "--articles", str(articles), "--errors", str(target)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert str(target) in result.output
    assert "cannot write the errors file" in result.output


def test_errors_are_not_offered_with_merge(tmp_path: Path) -> None:
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text("", encoding="utf-8")
    args = ["eval", "--merge", str(clusters), "--errors", str(tmp_path / "e.jsonl")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "--errors" in result.output and "--merge" in result.output


def test_eval_geoparsing_set_writes_toponym_errors(tmp_path: Path) -> None:
    (tmp_path / "lgl.xml").write_text(LGL, encoding="utf-8")
    errors = tmp_path / "places.jsonl"
    result = CliRunner().invoke(cli, ["eval", "lgl", str(tmp_path), "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    records = read_lines(errors)
    assert {r["kind"] for r in records} <= {"missed_toponym", "spurious_toponym", "wrong_place"}
    counts = Counter(r["kind"] for r in records)
    line = ", ".join(
        f"{counts[kind]} {kind}" for kind in ("missed_toponym", "spurious_toponym", "wrong_place")
    )
    assert f"{line} ({len(records)} in all) written to {errors}" in result.stderr
    # The made-up village is in no gazetteer: its gold toponym is missed.
    village = next(r for r in records if r["name"] == "Vrelkonby")
    assert village["kind"] == "missed_toponym"
    assert village["gold_point"] == {"latitude": 10.5, "longitude": 20.5}


# --- through the library ------------------------------------------------------------------------


def strike(doc_id: str, **values: Any) -> Event:
    defaults: dict[str, Any] = {
        "event_date": PartialDate.parse("2024-05-02"),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "location": "Lakeport",
        "latitude": 10.0,
        "longitude": 20.0,
        "evidence": Evidence("A drone struck Lakeport on Thursday.", 0, 36),
    }
    return Event(event_id=f"{doc_id}-ev", doc_id=doc_id, **(defaults | values))


def answers(events: dict[str, list[Event]]) -> Callable[[Document], list[Event]]:
    return lambda doc: events.get(doc.doc_id, [])


def test_library_records_add_up_to_the_scores() -> None:
    docs = [
        Document("one", "A drone struck Lakeport on Thursday."),
        Document("two", "Rebels and soldiers clashed near Hillbury."),
    ]
    gold = [
        GoldEvent(
            "one",
            event_type="Explosions/Remote violence",
            actor1="Rebel Front",
            location="Lakeport",
            latitude=10.0,
            longitude=20.0,
            stated=frozenset({"event_type", "actor1", "location", "latitude", "longitude"}),
            origin="gold.jsonl:1",
        ),
        GoldEvent(
            "two",
            event_type="Battles",
            location="Hillbury",
            stated=frozenset({"event_type", "location"}),
            origin="gold.jsonl:2",
        ),
        GoldEvent("two", required=False, event_type="Protests", origin="gold.jsonl:3"),
    ]
    extract = answers({"one": [strike("one", actor1="Testland Army")], "two": [strike("two")]})
    report = evaluate_gold(extract, docs, gold, name="toy", errors=True)
    assert report.events is not None
    missed = [e for e in report.errors if isinstance(e, MissedEvent)]
    spurious = [e for e in report.errors if isinstance(e, SpuriousEvent)]
    fields = [e for e in report.errors if isinstance(e, WrongField)]
    assert (len(missed), len(spurious)) == (report.events.counts.fn, report.events.counts.fp)
    wrong = sum(score.n - score.correct for score in report.events.fields)
    assert len(fields) == wrong == 1
    assert (fields[0].field, fields[0].gold, fields[0].ours) == (
        "actor1",
        "Rebel Front",
        "Testland Army",
    )
    assert missed[0].gold_line == "gold.jsonl:2"
    assert missed[0].context == "Rebels and soldiers clashed near Hillbury."
    assert spurious[0].doc_id == "two"
    assert all(case.benchmark == "toy" for case in report.errors)
    # Without asking, no record is made and the scores are the same.
    plain = evaluate_gold(extract, docs, gold, name="toy")
    assert plain.errors == () and plain.to_json() == report.to_json()


def test_best_match_sets_say_why_the_nearest_event_did_not_count() -> None:
    doc = Document("note", "On 2 May 2024 a drone struck Lakeport.")
    gold = GoldEvent(
        "note",
        event_date=PartialDate.parse("2024-05-02"),
        event_type="Explosions/Remote violence",
        location="Riverton",
        latitude=12.0,
        longitude=20.0,
        stated=frozenset({"event_date", "event_type", "location", "latitude", "longitude"}),
        origin="notes.jsonl:7",
    )
    bench = Benchmark("notes", (doc,), (gold,), mode="best", fields=("location",))
    report = score_benchmark(bench, {"note": [strike("note")]}, errors=True)
    missed, spurious, field = report.errors
    assert isinstance(missed, MissedEvent) and isinstance(spurious, SpuriousEvent)
    assert missed.nearest is not None and missed.nearest["location"] == "Lakeport"
    (reason,) = missed.reasons
    assert reason.startswith("place: gold Riverton, ours Lakeport (")
    assert "km apart" in reason
    assert spurious.compared_with == "notes.jsonl:7"
    assert isinstance(field, WrongField) and field.field == "location"
    assert field.gold == {"name": "Riverton", "latitude": 12.0, "longitude": 20.0}


def test_label_sets_record_the_wrong_labels(tmp_path: Path) -> None:
    path = tmp_path / "case.tsv"
    rows = [
        "id\tEventSnippet\tSubType",
        "1\tA drone hit a made-up depot.\tAIR_STRIKE",
        "2\tFarmers marched through a made-up town.\tPEACE_PROTEST",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    extract = answers({"case2021-1": [strike("case2021-1")]})
    report = run_benchmark("case2021", path, extract, errors=True)
    (case,) = report.errors
    assert isinstance(case, WrongLabel)
    assert (case.doc_id, case.gold, case.ours) == ("case2021-2", "Peaceful protest", "(no event)")
    assert case.text == "Farmers marched through a made-up town."
    assert case.origin == f"{path}:3" and case.evidence is None


LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text><![CDATA[Storms hit Lakeport and Vrelkonby, in Paris.]]></text>
<toponyms>
<toponym><start>11</start><end>19</end><phrase>Lakeport</phrase><gaztag geonameid="1">
<lat>10.0</lat><lon>20.0</lon></gaztag></toponym>
<toponym><start>24</start><end>33</end><phrase>Vrelkonby</phrase><gaztag geonameid="2">
<lat>10.5</lat><lon>20.5</lon></gaztag></toponym>
</toponyms></article></articles>"""


class Finder:
    """Finds fixed words and puts them where it is told."""

    def __init__(self, points: dict[str, tuple[float, float]]) -> None:
        self.points = points

    def find_places(self, text: str, folded: str, lang: str) -> list[PlaceMention]:
        found = []
        for word, (lat, lon) in self.points.items():
            start = text.find(word)
            if start >= 0:
                span = Span(start, start + len(word), word)
                found.append(PlaceMention(span, Place(word, "Testland", None, lat, lon)))
        return sorted(found, key=lambda mention: mention.span.start)


def test_geoparsing_records_missed_spurious_and_far_places(tmp_path: Path) -> None:
    (tmp_path / "lgl.xml").write_text(LGL, encoding="utf-8")
    finder = Finder({"Lakeport": (30.0, 20.0), "Paris": (48.85, 2.35)})
    report = run_geoparse_benchmark("lgl", tmp_path, finder, errors=True)
    assert all(isinstance(case, ToponymCase) for case in report.errors)
    far, missed, spurious = report.errors
    assert (far.kind, far.name, far.start, far.end) == ("wrong_place", "Lakeport", 11, 19)
    assert far.error_km is not None and far.error_km > 2000
    assert far.gold_point == (10.0, 20.0)
    assert far.ours is not None and far.ours["latitude"] == 30.0
    assert (missed.kind, missed.name) == ("missed_toponym", "Vrelkonby")
    assert (spurious.kind, spurious.name, spurious.ours) == (
        "spurious_toponym",
        "Paris",
        {"name": "Paris", "country": "Testland", "latitude": 48.85, "longitude": 2.35},
    )
    assert missed.context == "Storms hit Lakeport and Vrelkonby, in Paris."


def test_write_errors_counts_every_kind_asked_for(tmp_path: Path) -> None:
    case = ToponymCase("missed_toponym", "toy", "d", "Lakeport", 0, 8, "Lakeport is quiet.")
    path = tmp_path / "out.jsonl"
    summary = write_errors(path, [case], ("missed_toponym", "wrong_place"))
    assert summary.counts == {"missed_toponym": 1, "wrong_place": 0}
    assert summary.line() == f"errors: 1 missed_toponym, 0 wrong_place (1 in all) written to {path}"
    [record] = read_lines(path)
    assert record["kind"] == "missed_toponym" and record["benchmark"] == "toy"
    with pytest.raises(EvalError, match="no folder"):
        check_errors_path(tmp_path / "absent" / "out.jsonl")
