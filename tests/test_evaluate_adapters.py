"""The shared-set adapters, on tiny files written here in each set's format (invented rows)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from conflictlens.codebook.files import CodebookFiles
from conflictlens.errors import EvalError
from conflictlens.evaluate import ADAPTERS, NO_EVENT, run_benchmark
from conflictlens.evaluate.actor_names import codebook_actor_names
from conflictlens.evaluate.adapters.acled import acled_date
from conflictlens.evaluate.mappings import load_mappings
from conflictlens.geo import Geocoder
from conflictlens.model import Document, Event, PartialDate, Precision

FORMATS = load_mappings().acled.date_formats


def acled_row(event_id: str, date: str, year: str, **changes: str) -> dict[str, str]:
    row = {
        "source_file": "made_up_file",
        "schema": "modern(2019+ codebook)",
        "event_id_cnty": event_id,
        "text": f"On {date}, fighters of the Northern Front attacked an army post in Testville.",
        "event_date": date,
        "year": year,
        "time_precision": "1",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Northern Front",
        "assoc_actor_1": "",
        "actor2": "Military Forces of Testland (2015-)",
        "assoc_actor_2": "",
        "country": "Testland",
        "admin1": "North",
        "location": "Testville",
        "latitude": "12.5",
        "longitude": "8.25",
        "geo_precision": "1",
        "fatalities": "3",
    }
    return row | changes


def gtd_row(event_id: str, **changes: str) -> dict[str, str]:
    row = {
        "eventid": event_id,
        "iyear": "2011",
        "imonth": "2",
        "iday": "14",
        "country_txt": "Testland",
        "provstate": "North",
        "city": "Testville",
        "latitude": "",
        "longitude": "",
        "attacktype1_txt": "Bombing/Explosion",
        "weapsubtype1_txt": "Remote Trigger",
        "targtype1_txt": "Private Citizens & Property",
        "gname": "Unknown",
        "claimed": "0",
        "nkill": "2",
        "nwound": "5",
        "suicide": "0",
        "source_file": "made_up.csv",
        "text": "02/14/2011: A roadside bomb exploded in Testville, killing two people.",
    }
    return row | changes


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def answers(events: dict[str, list[Event]]) -> Any:
    def extract(doc: Document) -> list[Event]:
        return events.get(doc.doc_id, [])

    return extract


def event(doc_id: str, event_type: str, sub_event_type: str, **values: Any) -> Event:
    return Event(
        f"{doc_id}-1", doc_id, values.pop("event_date", None), event_type, sub_event_type, **values
    )


# --- ACLED --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("9-May-20", 2020, dt.date(2020, 5, 9)),
        ("31-12-19", 2019, dt.date(2019, 12, 31)),
        ("03 December 2020", 2020, dt.date(2020, 12, 3)),
        ("01-January-2015", 2015, dt.date(2015, 1, 1)),
        ("2016-07-02", None, dt.date(2016, 7, 2)),
        ("12-Mar-98", 1998, dt.date(1998, 3, 12)),
        ("05-06-68", 1968, dt.date(1968, 6, 5)),
    ],
)
def test_acled_dates_in_every_layout(text: str, year: int | None, expected: dt.date) -> None:
    assert acled_date(text, year, FORMATS) == expected


def test_acled_date_errors() -> None:
    with pytest.raises(ValueError, match="fits none"):
        acled_date("May 9th", None, FORMATS)
    with pytest.raises(ValueError, match="not in year"):
        acled_date("9-May-20", 2019, FORMATS)


@pytest.fixture
def acled_file(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "acled.jsonl",
        [
            acled_row("TST1", "9-May-20", "2020"),
            acled_row("TST2", "03 December 2020", "2020", time_precision="3", actor2="NA"),
            acled_row(
                "TST3",
                "01-January-2015",
                "2015",
                schema="legacy(pre-2019 codebook)",
                event_type="Riots/Protests",
                sub_event_type="",
                actor1="Rioters (Testland)",
            ),
        ],
    )


def test_acled_adapter_reads_notes_and_gold(acled_file: Path) -> None:
    bench = ADAPTERS["acled"](acled_file)
    assert [doc.doc_id for doc in bench.documents] == ["TST1", "TST2"]
    first, second = bench.gold
    assert bench.documents[0].published == PartialDate(2020, 5, 9)
    assert bench.documents[0].text.startswith("On 9-May-20")
    assert first.event_date == PartialDate(2020, 5, 9, Precision.DAY)
    assert second.event_date == PartialDate(2020, 12, 1, Precision.MONTH)
    assert (first.fatalities, first.coordinates, second.actor2) == (3, (12.5, 8.25), None)
    assert bench.mode == "best" and "weapon" not in bench.fields
    assert any("1 rows of the pre-2019 codebook skipped" in note for note in bench.notes)


def test_acled_legacy_rows_score_detection_and_actors(acled_file: Path) -> None:
    bench = ADAPTERS["acled-legacy"](acled_file)
    (gold,) = bench.gold
    assert gold.event_type is None and gold.extra == {"legacy_event_type": "Riots/Protests"}
    guess = event("TST3", "Protests", "Peaceful protest", actor1="Rioters (Testland)")
    report = run_benchmark("acled-legacy", acled_file, answers({"TST3": [guess]}))
    assert report.events is not None and report.events.counts.f1 == 1.0
    assert report.metrics()["fields.actor1"] == 1.0
    assert [f.name for f in report.events.fields] == ["actor1", "actor2"]


def test_acled_benchmark_scores_the_best_event(acled_file: Path) -> None:
    right = event(
        "TST1",
        "Battles",
        "Armed clash",
        event_date=PartialDate(2020, 5, 9),
        actor1="Northern Front",
        actor2="Military Forces of Testland",
        location="Testville",
        latitude=12.52,
        longitude=8.25,
        fatalities=3,
    )
    wrong = event("TST1", "Protests", "Peaceful protest")
    report = run_benchmark("acled", acled_file, answers({"TST1": [wrong, right]}))
    assert report.events is not None
    assert (report.events.counts.tp, report.events.counts.fp, report.events.counts.fn) == (1, 0, 1)
    assert report.metrics()["fields.actor2"] == 1.0
    assert report.metrics()["file.made_up_file.recall"] == 0.5


def test_acled_malformed_row_names_file_and_line(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "acled.jsonl", [acled_row("A", "9-May-20", "2020"), acled_row("B", "?", "2020")]
    )
    with pytest.raises(EvalError, match=rf"{path}:2: event_date '\?' fits none"):
        ADAPTERS["acled"](path)


# --- GTD ----------------------------------------------------------------------------------------


@pytest.fixture
def gtd_file(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "gtd.jsonl",
        [
            gtd_row("1"),
            gtd_row("2", suicide="1", gname="Northern Front", claimed="1", iday="0"),
            gtd_row(
                "3",
                attacktype1_txt="Armed Assault",
                targtype1_txt="Police",
                nkill="1.5",
                city="Unknown",
            ),
            gtd_row("4", attacktype1_txt="Unknown", imonth="0", iday="0", claimed="-9"),
            gtd_row("1"),
        ],
    )


def test_gtd_adapter_maps_attack_types_and_fields(gtd_file: Path) -> None:
    bench = ADAPTERS["gtd"](gtd_file)
    bomb, suicide, assault, unknown = bench.gold
    assert (bomb.event_type, bomb.sub_event_type) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    assert bomb.actor1 == "Unidentified Armed Group (Testland)"
    assert (bomb.fatalities, bomb.injuries, bomb.claim_status) == (2, 5, "reported")
    assert suicide.sub_event_type == "Suicide bomb" and suicide.claim_status == "claimed"
    assert suicide.event_date == PartialDate(2011, 2, 1, Precision.MONTH)
    assert suicide.actor1 == "Northern Front"
    assert (assault.event_type, assault.sub_event_type) == ("Battles", "Armed clash")
    assert not assault.states("fatalities") and not assault.states("location")
    assert unknown.event_date is None and not unknown.states("sub_event_type", "claim_status")
    assert bench.documents[0].published == PartialDate(2011, 2, 14)
    assert any("1 rows repeating an eventid skipped" in note for note in bench.notes)
    (task,) = bench.label_tasks
    assert task.gold == {"1": "Bombing/Explosion", "2": "Bombing/Explosion", "3": "Armed Assault"}


def test_gtd_attack_type_accuracy_maps_predictions_back(gtd_file: Path) -> None:
    guesses = {
        "1": [event("1", "Explosions/Remote violence", "Remote explosive/landmine/IED")],
        "2": [event("2", "Explosions/Remote violence", "Grenade")],
        "3": [event("3", "Protests", "Peaceful protest")],
    }
    report = run_benchmark("gtd", gtd_file, answers(guesses))
    (attack,) = report.labels
    assert (attack.name, attack.correct, attack.n) == ("gtd_attack_type", 2, 3)
    assert [(c.gold, c.predicted) for c in attack.confusions] == [("Armed Assault", "(other)")]
    assert report.metrics()["fields.sub_event_type"] == pytest.approx(1 / 3)


def test_a_gold_place_without_coordinates_is_found_by_its_name_in_any_spelling(
    tmp_path: Path, geocoder: Geocoder
) -> None:
    """GTD gives a city's name only: a predicted point at Gaalkacyo agrees with "Galkayo"."""
    path = write_jsonl(
        tmp_path / "gtd.jsonl",
        [gtd_row("1", country_txt="Somalia", provstate="Mudug", city="Galkayo")],
    )
    guess = event(
        "1",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        location="Gaalkacyo",
        latitude=6.7697,
        longitude=47.4308,
    )
    by_name = run_benchmark("gtd", path, answers({"1": [guess]}))
    assert by_name.metrics()["fields.location"] == 0.0  # the spellings differ
    placed = run_benchmark("gtd", path, answers({"1": [guess]}), places=geocoder.points_named)
    assert placed.metrics()["fields.location"] == 1.0
    assert any("placed by their name" in note for note in placed.notes)
    elsewhere = replace(guess, latitude=2.04, longitude=45.34)  # Mogadishu
    missed = run_benchmark("gtd", path, answers({"1": [elsewhere]}), places=geocoder.points_named)
    assert missed.metrics()["events.f1"] == 0.0  # too far from any Galkayo to be its event


def test_a_gold_place_named_in_its_country_is_not_any_namesake_abroad(
    tmp_path: Path, geocoder: Geocoder
) -> None:
    """Tripoli, Libya: a point at Tripoli, Lebanon is not the gold's place."""
    path = write_jsonl(
        tmp_path / "gtd.jsonl",
        [gtd_row("1", country_txt="Libya", provstate="Tripoli", city="Tripoli")],
    )
    lebanon = event(
        "1",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        location="Tripoli",
        latitude=34.4367,
        longitude=35.8497,
    )
    libya = replace(lebanon, latitude=32.8872, longitude=13.1913)
    for guess, expected in ((lebanon, 0.0), (libya, 1.0)):
        report = run_benchmark("gtd", path, answers({"1": [guess]}), places=geocoder.points_named)
        assert report.metrics()["events.f1"] == expected


def test_a_gtd_group_named_its_own_way_is_the_codebook_actor_it_is_an_alias_of(
    tmp_path: Path,
) -> None:
    """GTD's "Tehrik-i-Taliban Pakistan (TTP)" is the codebook's "TTP: Tehreek-i-Taliban
    Pakistan"; a name the codebook does not know stays as GTD writes it."""
    path = write_jsonl(
        tmp_path / "gtd.jsonl",
        [
            gtd_row("1", gname="Tehrik-i-Taliban Pakistan (TTP)"),
            gtd_row("2", gname="Made-up Brigade"),
        ],
    )
    guesses = {
        "1": [
            event(
                "1",
                "Explosions/Remote violence",
                "Remote explosive/landmine/IED",
                actor1="TTP: Tehreek-i-Taliban Pakistan",
                location="Testville",
            )
        ],
        "2": [
            event(
                "2",
                "Explosions/Remote violence",
                "Remote explosive/landmine/IED",
                actor1="Made-up Brigade",
                location="Testville",
            )
        ],
    }
    letters = run_benchmark("gtd", path, answers(guesses))
    assert letters.metrics()["fields.actor1"] == 0.5
    actors = codebook_actor_names(CodebookFiles())
    aliases = run_benchmark("gtd", path, answers(guesses), actors=actors)
    assert aliases.metrics()["fields.actor1"] == 1.0
    assert any("1 gold actors" in note for note in aliases.notes)


# --- CASE 2021 ----------------------------------------------------------------------------------


def write_case(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "case.tsv"
    path.write_text("\n".join(["id\tEventSnippet\tSubType", *lines]) + "\n", encoding="utf-8")
    return path


def test_case2021_adapter_and_scores(tmp_path: Path) -> None:
    path = write_case(
        tmp_path,
        [
            '1\tTroops clashed with "rebels" near a made-up river.\tARMED_CLASH',
            "2\tA storm flooded a made-up valley.\tNATURAL_DISASTER",
            "3\tA grenade was thrown at a made-up market.\tGRENADE",
        ],
    )
    bench = ADAPTERS["case2021"](path)
    assert [doc.doc_id for doc in bench.documents] == ["case2021-1", "case2021-2", "case2021-3"]
    assert bench.documents[0].text == 'Troops clashed with "rebels" near a made-up river.'
    assert bench.documents[0].published is None and not bench.score_events
    (task,) = bench.label_tasks
    assert task.gold["case2021-2"] == NO_EVENT
    clash = event("case2021-1", "Battles", "Armed clash")
    report = run_benchmark("case2021", path, answers({"case2021-1": [clash]}))
    assert report.events is None
    (scores,) = report.labels
    assert (scores.correct, scores.n) == (2, 3)
    assert report.metrics()["labels.case2021.macro_f1"] == pytest.approx((1 + 2 / 3 + 0) / 3)
    assert "Grenade" in report.to_table()


def test_case2021_errors_name_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"case\.tsv:3: SubType 'EARTHQUAKE'"):
        ADAPTERS["case2021"](write_case(tmp_path, ["1\tx\tARREST", "2\ty\tEARTHQUAKE"]))
    (tmp_path / "bad.tsv").write_text("id\ttext\n1\tx\n", encoding="utf-8")
    with pytest.raises(EvalError, match="lacks column"):
        ADAPTERS["case2021"](tmp_path / "bad.tsv")


# --- runner and mappings ------------------------------------------------------------------------


def test_limit_samples_documents_spread_over_the_file(tmp_path: Path) -> None:
    rows = [f"{i}\tsnippet {i}\tARREST" for i in range(10)]
    path = write_case(tmp_path, rows)
    seen: list[str] = []

    def extract(doc: Document) -> list[Event]:
        seen.append(doc.doc_id)
        return []

    report = run_benchmark("case2021", path, extract, limit=3)
    assert seen == ["case2021-0", "case2021-3", "case2021-6"]
    assert report.labels[0].n == 3 and "sample of 3 of 10 documents" in report.notes


def test_unknown_benchmark_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="unknown benchmark 'muc'"):
        run_benchmark("muc", tmp_path, answers({}))
    with pytest.raises(EvalError, match="cannot read"):
        run_benchmark("gtd", tmp_path / "absent.jsonl", answers({}))


def test_mappings_name_only_known_sub_event_types() -> None:
    maps = load_mappings()
    known = set(maps.sub_event_types)
    targets = {label for label in maps.case2021.values() if label}
    targets |= set(maps.gtd.to_attack_type)
    for rule in maps.gtd.attack_types.values():
        targets |= {rule.default, *rule.by_weapon_subtype.values(), *rule.by_target_type.values()}
        targets |= {rule.suicide} if rule.suicide else set()
    assert targets <= known
    assert set(maps.gtd.to_attack_type.values()) <= set(maps.gtd.attack_types)
