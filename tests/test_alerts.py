"""Watch rules: reading rule files, each kind of rule on hand-written events, and the shipped
example over the demo corpus."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conflictlens import Pipeline
from conflictlens.analysis import (
    RecordFilter,
    RuleError,
    compare_windows,
    evaluate_rules,
    example_rules_path,
    load_rules,
    run_alerts,
)
from conflictlens.analysis.alerts import distance_km, evaluate_rule
from conflictlens.analysis.fields import Record
from conflictlens.analysis.rules import Rule
from conflictlens.cli_analysis import COMMANDS
from conflictlens.model import Event, PartialDate
from conflictlens.run import demo_corpus, run_corpus
from conflictlens.store import Store

US = "Military Forces of the United States"
ERBIL = (36.19, 44.01)
AS_OF = dt.date(2023, 12, 3)


def record(n: int, date: str, **fields: object) -> Record:
    values: dict[str, object] = {
        "event_id": f"ev-{n}",
        "doc_id": f"doc-{n}",
        "event_date": PartialDate.parse(date),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Islamic Resistance in Iraq",
        "actor2": US,
        "country": "Iraq",
    }
    values.update(fields)
    return Event(**values).to_record()  # type: ignore[arg-type]


EVENTS = [
    record(1, "2023-11-22"),
    record(2, "2023-11-24"),
    record(3, "2023-11-28", latitude=36.24, longitude=43.96, location="Erbil airport"),
    record(4, "2023-11-30"),
    record(5, "2023-12-02", actor1="Saraya Awliya al-Dam", latitude=33.3, longitude=44.4),
    record(6, "2023-12", actor1="Month Only Group"),
]


def rule(kind: str, **values: object) -> Rule:
    return Rule(name=f"test {kind}", kind=kind, **values)  # type: ignore[arg-type]


def test_rise_fires_above_the_threshold_with_the_events_behind_it() -> None:
    rising = rule("rise", min_percent=30.0, min_events=2)
    alert = evaluate_rule(rising, EVENTS, AS_OF)  # 3 (28 Nov - 3 Dec) against 2 before: +50%
    assert alert is not None
    assert [e["event_id"] for e in alert.events] == ["ev-3", "ev-4", "ev-5"]
    assert "+50.0%" in alert.message
    assert evaluate_rule(rule("rise", min_percent=60.0), EVENTS, AS_OF) is None
    assert evaluate_rule(rule("rise", min_percent=0.0), EVENTS[:2], AS_OF) is None


def test_near_counts_events_within_the_radius() -> None:
    assert distance_km(ERBIL, (36.24, 43.96)) == pytest.approx(7.1, abs=0.2)
    near = rule("near", latitude=ERBIL[0], longitude=ERBIL[1], radius_km=50.0, place="Erbil")
    alert = evaluate_rule(near, EVENTS, AS_OF)
    assert alert is not None and [e["event_id"] for e in alert.events] == ["ev-3"]
    assert "within 50 km of Erbil" in alert.message
    assert evaluate_rule(near, EVENTS, dt.date(2023, 11, 26)) is None


def test_new_actor_and_count() -> None:
    alert = evaluate_rule(rule("new_actor"), EVENTS, AS_OF)
    assert alert is not None and "Saraya Awliya al-Dam" in alert.message
    assert [e["event_id"] for e in alert.events] == ["ev-5"]
    assert evaluate_rule(rule("new_actor"), EVENTS, dt.date(2023, 11, 30)) is None
    assert evaluate_rule(rule("count", min_events=3), EVENTS, AS_OF) is not None
    assert evaluate_rule(rule("count", min_events=4), EVENTS, AS_OF) is None
    filtered = rule("count", record_filter=RecordFilter(actor1=("Saraya",)))
    assert evaluate_rule(filtered, EVENTS, AS_OF) is not None


def test_report_lists_fired_and_quiet_rules_as_json() -> None:
    rules = [rule("count", min_events=1), rule("rise", min_percent=500.0)]
    report = evaluate_rules(rules, EVENTS)
    assert report.as_of == AS_OF
    data = json.loads(json.dumps(report.to_json()))
    assert [a["rule"] for a in data["fired"]] == ["test count"]
    assert data["quiet"] == ["test rise"]
    assert data["fired"][0]["event_ids"] == ["ev-3", "ev-4", "ev-5"]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules: [{name: a, kind: spike}]", "`kind` is one of"),
        ("rules: [{kind: count}]", "give the rule a `name`"),
        ("rules: [{name: a, kind: rise}]", "give `min_percent`"),
        ("rules: [{name: a, kind: count, filter: {actors: x}}]", "unknown key 'actors'"),
        ("rules: [{name: a, kind: count, radius_km: 3}]", "unknown key 'radius_km'"),
        ("rules: [{name: a, kind: count}, {name: a, kind: count}]", "two rules are named"),
        (
            "rules: [{name: a, kind: near, point: {latitude: 99, longitude: 0}, radius_km: 1}]",
            "out of range",
        ),
        ("rules: {}", "a list `rules`"),
    ],
)
def test_rule_file_errors_name_the_file_and_the_rule(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(RuleError, match=message):
        load_rules(write(tmp_path, text))


def test_example_rules_load() -> None:
    rules = load_rules(example_rules_path())
    assert {r.kind for r in rules} == {"rise", "near", "count", "new_actor"}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    db = tmp_path_factory.mktemp("alerts") / "demo.db"
    run_corpus([demo_corpus()], db, pipeline)
    return db


def test_example_rules_over_the_demo_store(demo_db: Path, tmp_path: Path) -> None:
    report = run_alerts(demo_db, example_rules_path(), AS_OF)
    with Store.open(demo_db) as store:
        chosen = RecordFilter(actor2=(US,), country=("Iraq", "Syria")).select(store.events())
    expected = compare_windows(chosen, AS_OF, 21).total
    fired = {alert.rule.name: alert for alert in report.fired}
    three_weeks = "attacks on US forces in Iraq and Syria up more than 30% over three weeks"
    if expected.current.events >= 2 and (expected.percent is None or expected.percent >= 30):
        assert [e["event_id"] for e in fired[three_weeks].events] == list(
            expected.current.event_ids
        )
    else:
        assert three_weeks in report.quiet
    out = tmp_path / "alerts.json"
    args = ["alerts", "--db", str(demo_db), "--rules", str(example_rules_path())]
    result = CliRunner().invoke(
        click.Group(commands=COMMANDS), [*args, "--until", "2023-12-03", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text("utf-8")) == json.loads(json.dumps(report.to_json()))
    assert "as of 2023-12-03" in result.output
