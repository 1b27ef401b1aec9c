"""The command line as a user runs it: extract, run, events, eval, and bad input."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictlens.cli import cli

ARTICLE = """date 2024-03-12
Russian forces shelled the city of Kherson on Monday, killing three civilians and wounding
five others, the regional governor said.

Source: Test Wire
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "kherson.txt").write_text(ARTICLE, encoding="utf-8")
    lines = [
        {
            "id": "gaza-1",
            "published": "2024-03-14",
            "text": "Israeli airstrikes hit Rafah on "
            "Thursday, killing seven people, the health ministry said.",
            "source": "Wire",
        },
        {
            "id": "quiet-1",
            "published": "2024-03-14",
            "text": "Ministers met in Geneva to discuss trade.",
        },
    ]
    (folder / "more.jsonl").write_text(
        "\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8"
    )
    return folder


def test_extract_prints_one_json_record_per_event(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(corpus / "kherson.txt")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 1
    record = records[0]
    assert record["sub_event_type"] == "Shelling/artillery/missile attack"
    assert record["actor1"] == "Military Forces of Russia"
    assert record["location"] == "Kherson"
    assert record["event_date"] == "2024-03-11"
    assert record["fatalities"] == 3
    assert record["injuries"] == 5
    start, end = record["evidence"]["start"], record["evidence"]["end"]
    assert record["evidence"]["sentence"].startswith("Russian forces shelled")
    assert end > start


def test_extract_formats_csv_and_table(corpus: Path) -> None:
    csv_out = CliRunner().invoke(cli, ["extract", str(corpus), "--format", "csv"]).output
    assert csv_out.splitlines()[0].startswith("event_id,doc_id,event_date")
    table = CliRunner().invoke(cli, ["extract", str(corpus), "--format", "table"]).output
    assert "event(s)" in table.splitlines()[-1]


def test_run_stores_once_and_events_filters(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["run", str(corpus), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "documents read: 3" in first.output
    second = runner.invoke(cli, ["run", str(corpus), "--db", str(db)])
    assert "documents already stored, unchanged: 3" in second.output
    assert "events stored: 0" in second.output
    with sqlite3.connect(db) as conn:
        (count,) = conn.execute("SELECT count(*) FROM events").fetchone()
    listed = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"]).output
    assert len(listed.splitlines()) == count >= 2
    ukraine = runner.invoke(
        cli, ["events", "--db", str(db), "--format", "jsonl", "--country", "Ukraine"]
    ).output
    assert [json.loads(line)["location"] for line in ukraine.splitlines()] == ["Kherson"]


def test_events_on_a_missing_store_says_how_to_make_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "conflictlens run" in result.output


BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "binary.txt": (b"\x00\x01\x02binary\x00", "binary"),
    "latin.txt": ("Les forces armées ont frappé".encode("latin-1"), "UTF-8"),
    "broken.jsonl": (b'{"text": "ok line"}\n{not json\n', "broken.jsonl:2"),
    "notext.csv": (b"title,url\nA,http://x\n", "text"),
}


def test_bad_input_is_named_counted_and_the_run_goes_on(corpus: Path, tmp_path: Path) -> None:
    for name, (content, _reason) in BAD_INPUTS.items():
        (corpus / name).write_bytes(content)
    result = CliRunner().invoke(cli, ["run", str(corpus), "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 0, result.output
    for name, (_content, reason) in BAD_INPUTS.items():
        line = next(
            (line for line in result.output.splitlines() if name in line and "skipped" in line),
            None,
        )
        assert line is not None, name
        assert reason.lower() in line.lower(), line
    assert "documents skipped: 5" in result.output
    assert "documents stored: 4" in result.output  # the good line of broken.jsonl counts


def test_eval_prints_scores_and_gates_on_floors(corpus: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "doc_id": "kherson",
                "event_date": "2024-03-11",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Shelling/artillery/missile attack",
                "actor1": "Military Forces of Russia",
                "location": "Kherson",
                "latitude": 46.6354,
                "longitude": 32.6169,
                "fatalities": 3,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    article = str(corpus / "kherson.txt")
    result = CliRunner().invoke(
        cli, ["eval", "--gold", str(gold), "--articles", article, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["events"]["f1"] == 1.0
    floors = tmp_path / "floors.yaml"
    floors.write_text("events.f1: 1.01\n", encoding="utf-8")
    gated = CliRunner().invoke(
        cli, ["eval", "--gold", str(gold), "--articles", article, "--floors", str(floors)]
    )
    assert gated.exit_code == 1
    assert "below" in gated.output


def test_geoparse_prints_each_place_with_offsets(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["geoparse", str(corpus / "kherson.txt")])
    assert result.exit_code == 0, result.output
    places = [json.loads(line) for line in result.output.splitlines()]
    kherson = next(p for p in places if p["name"] == "Kherson")
    assert kherson["country"] == "Ukraine"
    assert abs(kherson["latitude"] - 46.64) < 0.2 and abs(kherson["longitude"] - 32.61) < 0.2
    assert kherson["end"] - kherson["start"] == len(kherson["text"])
    assert kherson["geonameid"] is not None


def test_eval_merge_scores_clusters_across_documents(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    reports = {
        "wire": "date 2024-03-12\nRussian forces shelled Kherson on Monday, killing three "
        "civilians, the regional governor said.",
        "local": "date 2024-03-12\nRussian artillery shelled the city of Kherson on Monday: "
        "three people were killed, residents said.",
        "other": "date 2024-03-12\nRussian forces shelled Kherson on Sunday, wounding two people.",
    }
    for name, text in reports.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text(
        json.dumps(
            {
                "cluster": "kherson-monday",
                "mentions": [
                    {"doc_id": "wire", "evidence": "Russian forces shelled Kherson on Monday"},
                    {"doc_id": "local", "evidence": "Russian artillery shelled the city"},
                ],
            }
        )
        + "\n"
        + json.dumps(
            {
                "cluster": "kherson-sunday",
                "mentions": [{"doc_id": "other", "evidence": "shelled Kherson on Sunday"}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    args = ["eval", "--merge", str(clusters), "--articles", str(folder), "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["different_day_merges"] == 0
    assert scores["pairwise"]["f1"] == 1.0


def test_a_document_that_breaks_a_stage_is_skipped_and_the_run_goes_on(
    corpus: Path, tmp_path: Path
) -> None:
    from conflictlens import Pipeline
    from conflictlens.pipeline import Analysis
    from conflictlens.run import run_corpus

    pipeline = Pipeline.load()

    def fragile(analysis: Analysis) -> Analysis:
        if analysis.doc.doc_id == "gaza-1":
            raise IndexError("list index out of range")
        return analysis

    pipeline.add("fragile", fragile, after="normalise")
    summary = run_corpus([corpus], tmp_path / "e.db", pipeline)
    assert summary.documents_stored == 2
    (skipped,) = summary.skipped
    assert skipped.origin.endswith("more.jsonl:1")
    assert "IndexError" in skipped.reason
