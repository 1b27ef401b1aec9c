"""A user folder given with --codebook extends the shipped codebook, and events say so."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conflictlens import Document, Pipeline
from conflictlens.cli import cli

TEXT = "date 2024-05-02\nOn Wednesday, militiamen zorbled a police post in Kirkuk."


def _user_codebook(root: Path) -> Path:
    folder = root / "my-codebook" / "en"
    folder.mkdir(parents=True)
    (folder / "triggers.yaml").write_text(
        "version: 1\ntriggers:\n  - sub_event_type: Armed clash\n    patterns: [zorbl*]\n",
        encoding="utf-8",
    )
    return folder.parent


def test_a_word_the_shipped_codebook_lacks_makes_no_event(pipeline: Pipeline) -> None:
    assert pipeline.extract(Document("zorble", TEXT.split("\n", 1)[1], lang="en")) == []


def test_a_user_codebook_adds_words_and_marks_the_version(tmp_path: Path) -> None:
    article = tmp_path / "zorble.txt"
    article.write_text(TEXT, encoding="utf-8")
    codebook = _user_codebook(tmp_path)
    result = CliRunner().invoke(cli, ["extract", str(article), "--codebook", str(codebook)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    assert record["sub_event_type"] == "Armed clash"
    assert record["location"] == "Kirkuk"
    assert record["event_date"] == "2024-05-01"
    assert record["codebook_version"].endswith("+user")
    assert record["support"]["sub_event_type"]["text"] == "zorbled"
