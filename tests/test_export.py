"""Exports: each file opens in the library its users would open it with, with ACLED's header,
GeoJSON points, typed Parquet columns, and records that lead back to their evidence."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conflictlens import Pipeline
from conflictlens.analysis import RecordFilter
from conflictlens.analysis.fields import Record
from conflictlens.cli_analysis import COMMANDS
from conflictlens.export import ACLED_COLUMNS, ExportContext, acled_row, export_events
from conflictlens.export.acled import interaction
from conflictlens.model import Event, Evidence, PartialDate, Precision, Span
from conflictlens.run import demo_corpus, run_corpus
from conflictlens.store import Store

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,"
    "region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
)
STAMP = 1_701_648_000  # 2023-12-04T00:00:00Z


def record(**fields: object) -> Record:
    sentence = "The Islamic Resistance in Iraq said it targeted Ain al-Asad air base with a drone."
    values: dict[str, object] = {
        "event_id": "ev-0123456789abcdef",
        "doc_id": "doc-1",
        "event_date": PartialDate(2023, 12, 4),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Islamic Resistance in Iraq",
        "inter1": 3,
        "actor2": "Military Forces of the United States",
        "inter2": 8,
        "country": "Iraq",
        "admin1": "Al Anbar",
        "location": "Ain al-Asad Air Base",
        "latitude": 33.8,
        "longitude": 42.44,
        "geo_precision": 1,
        "weapon": "drone",
        "claim_status": "claimed",
        "claimed_by": "Islamic Resistance in Iraq",
        "source": "Wire",
        "evidence": Evidence(sentence, 10, 10 + len(sentence)),
        "support": {"weapon": Span(87, 92, "drone")},
    }
    values.update(fields)
    return Event(**values).to_record()  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def context() -> ExportContext:
    return ExportContext.load(STAMP)


def test_acled_row_follows_acled_conventions(context: ExportContext) -> None:
    row = acled_row(record(), context)
    assert tuple(row) == ACLED_COLUMNS
    assert row["event_id_cnty"] == "IRQ-0123456789abcdef"
    assert (row["year"], row["time_precision"], row["iso"]) == (2023, 1, 368)
    assert (row["region"], row["disorder_type"]) == ("Middle East", "Political violence")
    assert (row["interaction"], row["civilian_targeting"]) == (38, None)
    assert (row["fatalities"], row["timestamp"]) == (0, STAMP)
    assert row["notes"] == (
        "On 4 December 2023, the Islamic Resistance in Iraq targeted military forces of the "
        "United States at Ain al-Asad Air Base (Al Anbar, Iraq) with drones. The Islamic "
        "Resistance in Iraq claimed responsibility. Fatalities were not reported."
    )
    civilians = acled_row(record(actor2="Civilians (Iraq)", inter2=7, fatalities=2), context)
    assert civilians["civilian_targeting"] == "Civilian targeting"
    assert str(civilians["notes"]).endswith("2 fatalities were reported.")
    month = acled_row(record(event_date=PartialDate(2023, 11, 1, Precision.MONTH)), context)
    assert (month["event_date"], month["time_precision"]) == ("2023-11", 3)
    assert str(month["notes"]).startswith("In November 2023, ")
    assert (interaction(1, None), interaction(None, None), interaction(7, 2)) == (10, None, 27)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    db = tmp_path_factory.mktemp("export") / "demo.db"
    run_corpus([demo_corpus()], db, pipeline)
    return db


@pytest.fixture(scope="module")
def stored(demo_db: Path) -> list[dict[str, object]]:
    with Store.open(demo_db) as store:
        return store.events()


def test_acled_csv_has_acled_header_and_one_row_per_event(
    demo_db: Path, stored: list[dict[str, object]], tmp_path: Path
) -> None:
    out = tmp_path / "events.csv"
    summary = export_events(demo_db, "acled-csv", out, timestamp=STAMP)
    assert out.read_text("utf-8").splitlines()[0] == ACLED_HEADER
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert summary.written == len(rows) == len(stored)
    assert all(row["notes"].startswith(("On ", "In ")) for row in rows)
    assert {row["timestamp"] for row in rows} == {str(STAMP)}


def test_geojson_is_a_feature_collection_of_points(
    demo_db: Path, stored: list[dict[str, object]], tmp_path: Path
) -> None:
    out = tmp_path / "events.geojson"
    summary = export_events(demo_db, "geojson", out, RecordFilter(country=("Iraq", "Syria")))
    collection = json.loads(out.read_text("utf-8"))
    assert collection["type"] == "FeatureCollection"
    located = [r for r in stored if r["country"] in ("Iraq", "Syria") and r["latitude"] is not None]
    assert len(collection["features"]) == summary.written == len(located)
    by_id = {str(r["event_id"]): r for r in located}
    for feature in collection["features"]:
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        source = by_id[feature["properties"]["event_id"]]
        assert (lat, lon) == (source["latitude"], source["longitude"])
        assert all(not isinstance(v, dict | list) for v in feature["properties"].values())


def test_parquet_columns_are_typed(
    demo_db: Path, stored: list[dict[str, object]], tmp_path: Path
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    out = tmp_path / "events.parquet"
    export_events(demo_db, "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == len(stored)
    assert table.column_names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    schema = table.schema
    assert schema.field("first_day").type == pa.date32()
    assert schema.field("fatalities").type == pa.int32()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("timestamp").type == pa.int64()
    fatalities = table.column("fatalities").to_pylist()
    assert fatalities == [r["fatalities"] for r in stored]  # unstated stays null
    first = table.column("first_day").to_pylist()
    assert all(isinstance(day, dt.date) for day in first if day is not None)


def test_parquet_opens_in_pandas(demo_db: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pandas = pytest.importorskip("pandas")
    out = tmp_path / "events.parquet"
    summary = export_events(demo_db, "parquet", out)
    frame = pandas.read_parquet(out)
    assert len(frame) == summary.written
    assert str(frame["first_day"].iloc[0]).startswith("20")


def test_jsonl_round_trips_the_stored_records(
    demo_db: Path, stored: list[dict[str, object]], tmp_path: Path
) -> None:
    out = tmp_path / "events.jsonl"
    export_events(demo_db, "jsonl", out)
    lines = out.read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == stored


def test_plover_records_carry_category_actors_place_and_evidence(
    demo_db: Path, stored: list[dict[str, object]], tmp_path: Path
) -> None:
    out = tmp_path / "events.plover.jsonl"
    export_events(demo_db, "plover-json", out)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == len(stored)
    for plover, source in zip(records, stored, strict=True):
        assert plover["id"] == source["event_id"]
        assert plover["event"] == [source["plover"]]
        assert plover["evidence"]["doc_id"] == source["doc_id"]
        evidence = source["evidence"]
        assert isinstance(evidence, dict)
        assert plover["event_text"] == [evidence["sentence"]]
        assert plover["date"].startswith(str(source["event_date"])[:7])
    strike = next(p for p in records if p["source"] and p["recipient"] and p["quad_code"] == 4)
    assert strike["source"][0]["actor_text"]
    assert strike["mode"]


def test_export_command_writes_the_file(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "syria.csv"
    args = ["export", "--db", str(demo_db), "--format", "acled-csv", "--country", "Syria"]
    result = CliRunner().invoke(click.Group(commands=COMMANDS), [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert rows and {row["country"] for row in rows} == {"Syria"}
    assert {row["iso"] for row in rows} == {"760"}
