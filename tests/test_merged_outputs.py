"""Exports, reports and alerts of merged events: one row per real-world event, quoting the
words of one of its reports, against one row per report without ``--merged``."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conflictlens import Pipeline
from conflictlens.cli_analysis import COMMANDS
from conflictlens.run import run_corpus

# One attack told by two outlets in two languages.
TWO_REPORTS = [
    {
        "id": "wire-1",
        "source": "Wire One",
        "published": "2023-11-21",
        "text": "Rockets hit Ain al-Asad air base in western Iraq on Monday, the US military "
        "said. No casualties were reported.",
    },
    {
        "id": "local-1",
        "source": "Local Two",
        "published": "2023-11-21",
        "text": "Des roquettes ont frappé lundi la base aérienne d'Aïn al-Assad, dans l'ouest "
        "de l'Irak, a indiqué l'armée américaine.",
    },
]

COUNT_RULE = """\
version: 1
rules:
  - name: any attack in Iraq
    kind: count
    filter: {country: Iraq}
    window_days: 7
    min_events: 1
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("merged")
    corpus = folder / "two.jsonl"
    corpus.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in TWO_REPORTS) + "\n")
    db = folder / "two.db"
    run_corpus([corpus], db, Pipeline.load())
    return db


def invoke(*args: str) -> str:
    result = CliRunner().invoke(click.Group(commands=COMMANDS), list(args))
    assert result.exit_code == 0, result.output
    return result.output


def exported(db: Path, out: Path, *flags: str) -> list[dict[str, object]]:
    invoke("export", "--db", str(db), "--format", "jsonl", "--out", str(out), *flags)
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def test_export_merged_gives_one_row_with_both_sources_and_evidence(
    store: Path, tmp_path: Path
) -> None:
    reports = exported(store, tmp_path / "reports.jsonl")
    merged = exported(store, tmp_path / "merged.jsonl", "--merged")
    assert len(reports) == 2
    assert len(merged) == 1
    event = merged[0]
    assert event["documents"] == 2
    assert sorted(str(event["sources"]).split("; ")) == ["Local Two", "Wire One"]
    mention_ids = event["mention_ids"]
    assert isinstance(mention_ids, list)
    assert sorted(mention_ids) == sorted(str(r["event_id"]) for r in reports)
    evidence = event["evidence"]
    assert isinstance(evidence, dict)
    assert "Ain al-Asad" in evidence["sentence"] or "Aïn al-Assad" in evidence["sentence"]
    assert event["doc_id"] in {"wire-1", "local-1"}


def test_report_merged_counts_the_event_once_and_says_so(store: Path, tmp_path: Path) -> None:
    per_report, per_event = tmp_path / "reports.md", tmp_path / "merged.md"
    common = ("report", "--db", str(store), "--format", "md", "--until", "2023-11-26")
    invoke(*common, "--out", str(per_report))
    invoke(*common, "--out", str(per_event), "--merged")
    assert "| Events | 2 |" in per_report.read_text("utf-8")
    text = per_event.read_text("utf-8")
    assert "| Events | 1 |" in text
    assert "one per real-world event" in text


def test_alerts_merged_list_the_event_once(store: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(COUNT_RULE)
    common = ("alerts", "--db", str(store), "--rules", str(rules), "--format", "json")
    reports = json.loads(invoke(*common, "--until", "2023-11-26"))
    merged = json.loads(invoke(*common, "--until", "2023-11-26", "--merged"))
    assert len(reports["fired"][0]["events"]) == 2
    assert len(merged["fired"][0]["events"]) == 1
