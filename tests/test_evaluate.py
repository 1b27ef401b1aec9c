"""Gold reading, event matching and scoring, reports and the floors gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conflictlens.errors import EvalError
from conflictlens.evaluate import (
    EvalReport,
    GoldEvent,
    MatchRules,
    check_floors,
    evaluate_gold,
    load_gold,
    score_events,
)
from conflictlens.evaluate.labels import LabelTask, salient_event, score_labels
from conflictlens.evaluate.normalise import actor_key, km_between, place_key
from conflictlens.model import Document, Event, Evidence, PartialDate, Precision

# Made-up events in made-up places; coordinates only need to be consistent with each other.
STRIKE: dict[str, Any] = {
    "doc_id": "fr_001",
    "event_date": "2024-03-05",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Testland (2019-)",
    "actor2": "Civilians (Testland)",
    "location": "Al-Qarya",
    "latitude": 34.0,
    "longitude": 40.0,
    "weapon": "drone",
    "fatalities": 2,
    "claim_status": "reported",
}
CLASH: dict[str, Any] = {
    "doc_id": "fr_001",
    "event_date": "2024-03",
    "time_precision": 3,
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "actor1": "Northern Front",
    "actor2": "Military Forces of Testland (2019-)",
    "location": "Bir Tamr",
    "latitude": 35.0,
    "longitude": 41.0,
    "weapon": None,
    "fatalities": None,
    "claim_status": "claimed",
}


def write_gold(tmp_path: Path, *records: dict[str, Any]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def event_like(record: dict[str, Any], **changes: Any) -> Event:
    """The Event an extractor that got ``record`` right would return, with ``changes``."""
    values = {**record, **changes}
    date = values.get("event_date")
    return Event(
        event_id=f"e{id(values)}",
        doc_id=values["doc_id"],
        event_date=PartialDate.parse(date) if isinstance(date, str) else date,
        event_type=values["event_type"],
        sub_event_type=values["sub_event_type"],
        actor1=values.get("actor1"),
        actor2=values.get("actor2"),
        location=values.get("location"),
        latitude=values.get("latitude"),
        longitude=values.get("longitude"),
        weapon=values.get("weapon"),
        fatalities=values.get("fatalities"),
        claim_status=values.get("claim_status", "reported"),
    )


def score(
    preds: list[Event], gold: list[GoldEvent], docs: tuple[str, ...] = ("fr_001",), **kw: Any
) -> Any:
    predicted: dict[str, list[Event]] = {}
    for event in preds:
        predicted.setdefault(event.doc_id, []).append(event)
    return score_events(predicted, gold, docs, **kw)


def field(scores: Any, name: str) -> tuple[float | None, int]:
    found = next(f for f in scores.fields if f.name == name)
    return found.accuracy, found.n


# --- gold files ---------------------------------------------------------------------------------


def test_load_gold_reads_typed_events(tmp_path: Path) -> None:
    path = write_gold(tmp_path, STRIKE, {**CLASH, "required": False, "corroborated_by": "x"})
    strike, clash = load_gold(path)
    assert strike.required and not clash.required
    assert strike.event_date == PartialDate(2024, 3, 5, Precision.DAY)
    assert clash.event_date == PartialDate(2024, 3, 1, Precision.MONTH)
    assert strike.coordinates == (34.0, 40.0)
    assert clash.extra == {"corroborated_by": "x"}
    assert clash.states("weapon") and not clash.states("injuries")
    assert strike.origin == f"{path}:1"


def test_day_date_with_month_precision_becomes_month(tmp_path: Path) -> None:
    (gold,) = load_gold(write_gold(tmp_path, {**STRIKE, "time_precision": 3}))
    assert gold.event_date is not None and gold.event_date.iso() == "2024-03"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not a JSON object"),
        ("[1, 2]", "must be a JSON object"),
        (json.dumps({"event_type": "Battles"}), "doc_id"),
        (json.dumps({**STRIKE, "event_date": "5 March"}), "not a date"),
        (json.dumps({**STRIKE, "event_date": "2024-03", "time_precision": 1}), "only the month"),
        (json.dumps({**STRIKE, "longitude": None}), "together"),
        (json.dumps({**STRIKE, "fatalities": "two"}), "fatalities"),
        (json.dumps({**STRIKE, "claim_status": "rumoured"}), "claim_status"),
        (json.dumps({**STRIKE, "required": "yes"}), "required"),
    ],
)
def test_malformed_gold_names_file_line_and_reason(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(STRIKE) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=reason) as caught:
        load_gold(path)
    assert f"{path}:3" in str(caught.value)


# --- matching and scoring -----------------------------------------------------------------------


def test_perfect_prediction_scores_one(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE, CLASH))
    scores = score([event_like(CLASH), event_like(STRIKE)], gold)
    assert (scores.counts.tp, scores.counts.fp, scores.counts.fn) == (2, 0, 0)
    assert scores.counts.f1 == 1.0
    assert all(f.accuracy == 1.0 for f in scores.fields if f.n)
    assert field(scores, "injuries") == (None, 0)  # not stated by the gold: not scored


def test_missed_event_is_a_false_negative(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE, CLASH))
    scores = score([event_like(STRIKE)], gold)
    assert (scores.counts.tp, scores.counts.fp, scores.counts.fn) == (1, 0, 1)
    assert scores.counts.precision == 1.0 and scores.counts.recall == 0.5


def test_extra_event_is_a_false_positive(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE))
    extra = event_like(STRIKE, location="Elsewhere", latitude=30.0, longitude=35.0)
    scores = score([event_like(STRIKE), extra], gold)
    assert (scores.counts.tp, scores.counts.fp, scores.counts.fn) == (1, 1, 0)


def test_optional_gold_is_neither_hit_nor_miss(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE, {**CLASH, "required": False}))
    found = score([event_like(STRIKE), event_like(CLASH)], gold)
    assert (found.counts.tp, found.counts.fp, found.counts.fn, found.ignored) == (1, 0, 0, 1)
    skipped = score([event_like(STRIKE)], gold)
    assert (skipped.counts.tp, skipped.counts.fp, skipped.counts.fn) == (1, 0, 0)
    assert field(found, "actor1")[1] == 1  # fields are measured on required gold only


def test_required_gold_is_preferred_over_optional(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, {**STRIKE, "required": False}, {**STRIKE, "actor1": "X"}))
    scores = score([event_like(STRIKE)], gold)
    assert (scores.counts.tp, scores.counts.fn, scores.ignored) == (1, 0, 0)


def test_month_precision_gold_matches_any_day_of_its_month(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, CLASH))
    inside = score([event_like(CLASH, event_date="2024-03-28")], gold)
    assert inside.counts.tp == 1
    assert field(inside, "date") == (0.0, 1)  # matched, but the day is not the gold's month
    outside = score([event_like(CLASH, event_date="2024-04-01")], gold)
    assert (outside.counts.tp, outside.counts.fp, outside.counts.fn) == (0, 1, 1)
    undated = score([event_like(CLASH, event_date=None)], gold)
    assert undated.counts.tp == 1 and field(undated, "date") == (0.0, 1)


def test_day_dates_must_overlap_unless_slack_is_allowed(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE))
    next_day = [event_like(STRIKE, event_date="2024-03-06")]
    assert score(next_day, gold).counts.tp == 0
    assert score(next_day, gold, rules=MatchRules(date_slack_days=1)).counts.tp == 1


def test_places_within_25_km_match(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE))
    near = event_like(STRIKE, location="Qarya East", latitude=34.15, longitude=40.0)  # ~17 km
    far = event_like(STRIKE, location="Qarya North", latitude=34.35, longitude=40.0)  # ~39 km
    assert score([near], gold).counts.tp == 1
    assert field(score([near], gold), "location") == (1.0, 1)
    assert score([far], gold).counts.tp == 0
    same_name = event_like(STRIKE, location="al qarya", latitude=34.35, longitude=40.0)
    assert score([same_name], gold).counts.tp == 1
    assert field(score([same_name], gold), "location") == (0.0, 1)  # 39 km off: wrong place


def test_without_coordinates_the_place_name_decides(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE))
    named = event_like(STRIKE, location="Qarya", latitude=None, longitude=None)
    other = event_like(STRIKE, location="Bir Tamr", latitude=None, longitude=None)
    unnamed = event_like(STRIKE, location=None, latitude=None, longitude=None)
    assert score([named], gold).counts.tp == 1
    assert score([other], gold).counts.tp == 0
    assert score([unnamed], gold).counts.tp == 0
    nowhere = {**STRIKE, "location": None, "latitude": None, "longitude": None}
    placeless = load_gold(write_gold(tmp_path, nowhere))
    assert score([unnamed], placeless).counts.tp == 1


def test_event_type_must_agree(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE))
    assert score([event_like(STRIKE, event_type="Battles")], gold).counts.tp == 0
    other_sub = score([event_like(STRIKE, sub_event_type="Grenade")], gold)
    assert other_sub.counts.tp == 1 and field(other_sub, "sub_event_type") == (0.0, 1)


def test_one_prediction_matches_one_gold_the_best_agreeing(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE))
    worse = event_like(STRIKE, actor1="Someone", weapon="missile")
    scores = score([worse, event_like(STRIKE)], gold)
    assert (scores.counts.tp, scores.counts.fp) == (1, 1)
    assert field(scores, "actor1") == (1.0, 1) and field(scores, "weapon") == (1.0, 1)


def test_actor_names_are_normalised() -> None:
    assert actor_key("Military Forces of Testland (2019-)") == "military forces of testland"
    assert actor_key("Police Forces of Testland (2001-2019) Gendarmerie") == actor_key(
        "police forces of testland"
    )
    assert actor_key("Front de Libération") == actor_key("FRONT DE LIBERATION")
    assert actor_key("NF: Northern Front") == actor_key("Northern Front (NF)")
    assert actor_key("Northern Front - Eastern Wing") == actor_key("Northern-Front")
    assert actor_key("Protesters (Testland)") != actor_key("Protesters")
    assert actor_key(None) == ""
    assert place_key("Al-Qarya") == place_key("qarya") == "qarya"


def test_actor_field_uses_the_normalisation(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE))
    scores = score([event_like(STRIKE, actor1="military forces of TESTLAND")], gold)
    assert field(scores, "actor1") == (1.0, 1)
    assert field(score([event_like(STRIKE, actor2=None)], gold), "actor2") == (0.0, 1)


def test_null_gold_values_want_none(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, CLASH))
    right = score([event_like(CLASH)], gold)
    assert field(right, "fatalities") == (1.0, 1) and field(right, "weapon") == (1.0, 1)
    wrong = score([event_like(CLASH, fatalities=3, weapon="rocket")], gold)
    assert field(wrong, "fatalities") == (0.0, 1) and field(wrong, "weapon") == (0.0, 1)


def test_best_mode_scores_the_best_event_of_each_document(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE))
    wrong_type = event_like(STRIKE, event_type="Battles", sub_event_type="Armed clash")
    found = score([wrong_type, event_like(STRIKE)], gold, mode="best")
    assert (found.counts.tp, found.counts.fp, found.counts.fn) == (1, 0, 0)
    missed = score([wrong_type], gold, mode="best")
    assert (missed.counts.tp, missed.counts.fp, missed.counts.fn) == (0, 1, 1)
    assert field(missed, "event_type") == (0.0, 1) and field(missed, "actor1") == (1.0, 1)
    assert missed.detected == missed.documents_with_gold == 1


def test_documents_outside_doc_ids_are_ignored(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE, {**STRIKE, "doc_id": "fr_002"}))
    scores = score([event_like(STRIKE)], gold, docs=("fr_001",))
    assert (scores.counts.tp, scores.counts.fn, scores.documents) == (1, 0, 1)


def test_unknown_field_names_are_refused() -> None:
    with pytest.raises(EvalError, match="no such field"):
        score([], [], fields=("actor1", "colour"))


def test_nothing_to_find_and_nothing_found_is_perfect() -> None:
    scores = score([], [], docs=("en_empty",))
    assert scores.counts.f1 == 1.0 and scores.documents_with_gold == 0


def test_per_language_rows_come_from_doc_id_prefixes(tmp_path: Path) -> None:
    english = {**STRIKE, "doc_id": "en_001"}
    gold = load_gold(write_gold(tmp_path, STRIKE, english))
    scores = score([event_like(STRIKE)], gold, docs=("fr_001", "en_001", "000_x"))
    assert set(scores.by_group) == {"fr", "en"}
    assert scores.by_group["fr"].f1 == 1.0 and scores.by_group["en"].recall == 0.0
    mapped = score([event_like(STRIKE)], gold, docs=("fr_001",), groups={"fr_001": "ar"})
    assert set(mapped.by_group) == {"ar"}


# --- runner and report --------------------------------------------------------------------------


def fake_extractor(answers: dict[str, list[Event]]) -> Any:
    def extract(doc: Document) -> list[Event]:
        return answers.get(doc.doc_id, [])

    return extract


def test_evaluate_gold_runs_the_extractor_and_reports(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE, CLASH))
    articles = [Document("fr_001", "texte"), Document("doc2", "text", lang="en")]
    extract = fake_extractor({"fr_001": [event_like(STRIKE)], "doc2": [event_like(STRIKE)]})
    report = evaluate_gold(extract, articles, gold, name="mini")
    assert report.events is not None
    assert (report.events.counts.tp, report.events.counts.fp, report.events.counts.fn) == (1, 1, 1)
    assert set(report.events.by_group) == {"fr", "en"}
    metrics = report.metrics()
    assert metrics["events.f1"] == pytest.approx(0.5)
    assert metrics["fields.actor1"] == 1.0 and "fields.injuries" not in metrics
    assert metrics["lang.en.precision"] == 0.0
    data = report.to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["events"]["fields"]["fatalities"] == {"accuracy": 1.0, "correct": 1, "n": 1}  # type: ignore[index]
    table = report.to_table()
    assert "mini: 2 documents, 2 gold events (2 required)" in table
    assert "events   0.500  0.500  0.500   1   1   1" in table
    assert "lang fr" in table and "claim_status" in table


def test_evaluate_gold_rejects_gold_for_unknown_articles(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE))
    with pytest.raises(EvalError, match="names no article"):
        evaluate_gold(fake_extractor({}), [Document("other", "x")], gold)
    with pytest.raises(EvalError, match="two articles"):
        evaluate_gold(fake_extractor({}), [Document("fr_001", "x")] * 2, gold)


def test_label_scores_use_the_first_event_in_the_text() -> None:
    late = event_like(STRIKE, sub_event_type="Grenade")
    late.evidence = Evidence("b", 50, 60)
    early = event_like(STRIKE)
    early.evidence = Evidence("a", 0, 10)
    assert salient_event([late, early]) is early
    task = LabelTask("mini", {"fr_001": "Air/drone strike", "d2": "(no event)", "d3": "Grenade"})
    scores = score_labels(task, {"fr_001": [late, early]}, ["fr_001", "d2", "d3"])
    assert (scores.n, scores.correct) == (3, 2)
    assert scores.macro_f1 == pytest.approx((1.0 + 2 / 3 + 0.0) / 3)
    assert [(c.gold, c.predicted) for c in scores.confusions] == [("Grenade", "(no event)")]


# --- floors gate --------------------------------------------------------------------------------


def mini_report(tmp_path: Path) -> EvalReport:
    gold = load_gold(write_gold(tmp_path, STRIKE, CLASH))
    extract = fake_extractor({"fr_001": [event_like(STRIKE, actor1="Wrong")]})
    return evaluate_gold(extract, [Document("fr_001", "texte")], gold)


def test_floors_pass_and_fail_with_metric_floor_and_value(tmp_path: Path) -> None:
    report = mini_report(tmp_path)  # P 1.0, R 0.5, actor1 0.0
    floors = tmp_path / "floors.yaml"
    floors.write_text("events:\n  precision: 1.0\n  recall: 0.5\nfields.weapon: 0.9\n")
    assert check_floors(report, floors) == []
    floors.write_text("events.recall: 0.6\nfields:\n  actor1: 0.5\nlabels.case2021.accuracy: 0.4\n")
    assert check_floors(report, floors) == [
        "events.recall: 0.500 is below its floor 0.600",
        "fields.actor1: 0.000 is below its floor 0.500",
        "labels.case2021.accuracy: no value in the gold report (floor 0.400)",
    ]


def test_malformed_floors_raise(tmp_path: Path) -> None:
    floors = tmp_path / "floors.yaml"
    floors.write_text("events.f1: high\n")
    with pytest.raises(EvalError, match=r"floor of events\.f1 must be a number"):
        check_floors(mini_report(tmp_path), floors)
    with pytest.raises(EvalError, match="cannot read"):
        check_floors(mini_report(tmp_path), tmp_path / "missing.yaml")


def test_km_between_is_great_circle_distance() -> None:
    assert km_between((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.2, abs=0.1)


def test_a_set_that_records_only_claims_reads_a_confirmation_as_a_report(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, STRIKE))  # claim_status "reported"
    confirmed = [event_like(STRIKE, claim_status="confirmed")]
    assert field(score(confirmed, gold), "claim_status") == (0.0, 1)
    readings = MatchRules(claim_readings=(("confirmed", "reported"), ("denied", "reported")))
    assert field(score(confirmed, gold, rules=readings), "claim_status") == (1.0, 1)
    claimed = [event_like(STRIKE, claim_status="claimed")]
    assert field(score(claimed, gold, rules=readings), "claim_status") == (0.0, 1)
