"""Where an outlet writes from, learned from its own articles, reads the names they leave bare."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictlens import Pipeline
from conflictlens.cli import cli
from conflictlens.evaluate.geoparse import run_geoparse_benchmark
from conflictlens.geo.homes import OutletHomes, outlet_of
from conflictlens.model import Document
from conflictlens.run import extract_documents, geoparse_documents
from conflictlens.text.fold import fold

# A Kentucky paper: three articles place Richmond; the fourth leaves it bare.
_COURIER = [
    "The Madison County fiscal court met in Richmond, Ky., on Tuesday to approve the budget "
    "for Berea and Richmond schools.",
    "Kentucky state police said a crash closed Interstate 75 near Berea in Madison County.",
    "Eastern Kentucky University in Richmond, Ky., will host the regional science fair.",
]
_BARE_NEWS = "A Richmond man was arrested on Sunday after a fight outside a bar."
_BARE_EVENT = "Gunmen shot dead two men outside a bar in Richmond on Sunday, police said."


def _corpus(tmp_path: Path, last: str, source: str = "Lakeside Courier") -> Path:
    path = tmp_path / "news.jsonl"
    texts = [*_COURIER, last]
    rows = [
        {"id": f"c{n}", "source": source, "published": "2024-03-04", "text": text}
        for n, text in enumerate(texts, 1)
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _richmond(records: list[dict[str, object]]) -> object:
    return next(r["admin1"] for r in records if r["doc_id"] == "c4" and r["name"] == "Richmond")


def test_a_bare_name_is_read_where_the_outlet_writes_from(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    corpus = [str(_corpus(tmp_path, _BARE_NEWS))]
    assert _richmond(list(geoparse_documents(pipeline, corpus))) == "Kentucky"
    alone = list(geoparse_documents(pipeline, corpus, outlet_homes=False))
    assert _richmond(alone) == "Virginia"  # the largest Richmond of the US, read alone


def test_other_outlets_articles_say_nothing_of_its_home(pipeline: Pipeline, tmp_path: Path) -> None:
    path = _corpus(tmp_path, _BARE_NEWS)
    rows = path.read_text(encoding="utf-8").splitlines()
    last = json.loads(rows[-1]) | {"source": "Capital Gazette"}
    path.write_text("\n".join([*rows[:-1], json.dumps(last)]) + "\n", encoding="utf-8")
    assert _richmond(list(geoparse_documents(pipeline, [str(path)]))) == "Virginia"


def test_events_are_placed_at_the_outlets_home_when_asked(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    corpus = [str(_corpus(tmp_path, _BARE_EVENT))]
    events = {
        doc.doc_id: events for doc, events in extract_documents(pipeline, corpus, outlet_homes=True)
    }
    assert [(e.location, e.admin1) for e in events["c4"]] == [("Richmond", "Kentucky")]
    plain = {doc.doc_id: events for doc, events in extract_documents(pipeline, corpus)}
    assert [(e.location, e.admin1) for e in plain["c4"]] == [("Richmond", "Virginia")]


def test_geoparse_learns_homes_from_standard_input_too(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, _BARE_NEWS).read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["geoparse", "-"], input=corpus)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert _richmond(records) == "Kentucky"
    off = CliRunner().invoke(cli, ["geoparse", "--no-outlet-homes", "-"], input=corpus)
    assert _richmond([json.loads(line) for line in off.output.splitlines()]) == "Virginia"


def test_an_article_is_judged_by_its_outlets_other_articles() -> None:
    homes = OutletHomes()
    homes.add("paper", "a", [("US", "US.KY")])
    homes.add("paper", "b", [("US", "US.KY"), ("US", "US.OH")])
    # Two other articles are needed before they say anything.
    assert homes.home("paper", "a") is None
    homes.add("paper", "c", [("IE", "IE.L")])
    home = homes.home("paper", "c")
    assert home is not None
    assert home.provinces == {"US.KY": 1.0, "US.OH": 0.5}
    assert home.countries == {"US": 1.0}
    # Its own first reading (Ireland) is no evidence for "c", but is for the others.
    first = homes.home("paper", "a")
    assert first is not None and first.provinces.get("IE.L") == pytest.approx(0.5)
    assert homes.home("other paper", "a") is None


def test_the_outlet_is_the_source_else_the_host_of_the_address() -> None:
    assert outlet_of(Document("x", "t", source=" Lakeside Courier ")) == "lakeside courier"
    assert outlet_of(Document("x", "t", url="https://www.courier.example/a/1")) == "courier.example"
    assert outlet_of(Document("x", "t")) is None


def _lgl_article(number: int, text: str, domain: str) -> str:
    start = text.index("Richmond")
    toponym = (
        f"<toponym><start>{start}</start><end>{start + 8}</end><phrase>Richmond</phrase>"
        "<gaztag><lat>37.7479</lat><lon>-84.2947</lon></gaztag></toponym>"
    )
    return (
        f'<article docid="{number}"><domain>{domain}</domain><text><![CDATA[{text}]]></text>'
        f"<toponyms>{toponym}</toponyms></article>"
    )


def test_geoparsing_sets_that_name_outlets_are_read_with_their_homes(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    texts = [*_COURIER[:1], _COURIER[2], _BARE_NEWS]
    articles = "".join(_lgl_article(n, t, "courier.example") for n, t in enumerate(texts))
    (tmp_path / "lgl.xml").write_text(f"<articles>{articles}</articles>", encoding="utf-8")
    report = run_geoparse_benchmark("lgl", tmp_path, pipeline.geocoder)
    assert report.accuracy_161 == 1.0
    assert any("outlets write from (1)" in note for note in report.notes)
    alone = run_geoparse_benchmark("lgl", tmp_path, pipeline.geocoder, outlet_homes=False)
    assert alone.accuracy_161 is not None and alone.accuracy_161 < 1.0


def test_only_names_that_lie_in_one_province_say_where_an_outlet_is(
    pipeline: Pipeline,
) -> None:
    # A bare "Richmond" lies in many states whatever its reading: counting its first reading
    # would teach a paper that never qualifies its home town the wrong home.
    areas = pipeline.geocoder.areas
    assert areas(_BARE_NEWS, fold(_BARE_NEWS)) == []
    qualified = "A Richmond, Ky., man was arrested."
    assert areas(qualified, fold(qualified)) == [("US", "US.KY")]


def test_eval_reads_each_document_with_its_outlets_home_when_asked(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, _BARE_EVENT)
    gold = tmp_path / "gold.jsonl"
    event = {
        "doc_id": "c4",
        "event_date": "2024-03-03",
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (United States)",
        "actor2": "Civilians (United States)",
        "country": "United States",
        "admin1": "Kentucky",
        "location": "Richmond",
        "latitude": 37.748,
        "longitude": -84.295,
        "geo_precision": 1,
        "fatalities": 2,
    }
    gold.write_text(json.dumps(event) + "\n", encoding="utf-8")
    runner = CliRunner()
    args = ["eval", "--gold", str(gold), "--articles", str(corpus), "--format", "json"]
    homed = json.loads(runner.invoke(cli, [*args, "--outlet-homes"]).output)
    alone = json.loads(runner.invoke(cli, args).output)
    assert homed["events"]["fields"]["location"]["accuracy"] == 1.0
    assert any("--outlet-homes" in note for note in homed["notes"])
    assert alone["events"]["fields"]["location"]["accuracy"] == 0.0  # Richmond, Virginia


def test_actors_known_by_kind_take_the_outlets_country_when_the_text_names_none(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    texts = [
        "Police in Nakuru, Kenya, arrested two suspects after a robbery on Monday.",
        "Residents of Eldoret in Kenya protested over water shortages on Tuesday.",
        "Floods displaced hundreds of families in Kisumu, Kenya, on Wednesday.",
        "Gunmen shot dead two herders on Sunday night.",
    ]
    path = tmp_path / "star.jsonl"
    rows = [{"id": f"k{n}", "source": "Rift Valley Star", "text": t} for n, t in enumerate(texts)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    homed = dict(extract_documents(pipeline, [str(path)], outlet_homes=True))
    [event] = next(events for doc, events in homed.items() if doc.doc_id == "k3")
    assert (event.actor1, event.actor2) == (
        "Unidentified Armed Group (Kenya)",
        "Civilians (Kenya)",
    )
    assert event.country is None  # where it happened is still unknown
    plain = dict(extract_documents(pipeline, [str(path)]))
    [alone] = next(events for doc, events in plain.items() if doc.doc_id == "k3")
    assert alone.actor1 is None


# A Burkinabe outlet: its articles name towns of Burkina Faso; its last note names no country.
_SAHEL_DESK = [
    "Traders in Ouagadougou closed their shops on Monday over a rise in fuel prices.",
    "The governor of the Sahel region visited Djibo and Dori to meet displaced families.",
    "Schools reopened in Kaya and Ouahigouya after the holidays.",
]
_BARE_VILLAGE = "Gunmen killed two herders of Tin-Akoff on Sunday."


def test_a_text_naming_no_country_is_about_its_outlets_country(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    path = tmp_path / "sahel.jsonl"
    rows = [
        {"id": f"s{n}", "source": "Sahel Desk", "text": text}
        for n, text in enumerate([*_SAHEL_DESK, _BARE_VILLAGE], 1)
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    places = [r for r in geoparse_documents(pipeline, [str(path)]) if r["doc_id"] == "s4"]
    assert [(r["text"], r["country"]) for r in places] == [("Tin-Akoff", "Burkina Faso")]
    # Read alone, a village of a few hundred people is too small to stand for a place, unless
    # a preposition of place says it is one ("in Tin-Akoff": tests/test_geo_provinces.py).
    alone = geoparse_documents(pipeline, [str(path)], outlet_homes=False)
    assert not [r for r in alone if r["doc_id"] == "s4"]


def test_no_town_abroad_by_a_look_alike_or_a_small_namesake_in_a_home_outlets_note(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    notes = [
        "The imam led the evening prayer at the Grand Mosque.",  # not Moscow
        "A supply convoy was ambushed near Inata on Tuesday.",  # not Inada, Japan
    ]
    path = tmp_path / "sahel.jsonl"
    rows = [
        {"id": f"s{n}", "source": "Sahel Desk", "text": text}
        for n, text in enumerate([*_SAHEL_DESK, *notes], 1)
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    records = list(geoparse_documents(pipeline, [str(path)]))
    assert not [r["name"] for r in records if r["doc_id"] in ("s4", "s5")]


def test_a_small_town_of_the_outlets_home_province_is_a_place_when_the_text_names_none(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    corpus = [str(_corpus(tmp_path, "Firefighters put out a barn fire in Burgin on Sunday."))]
    homed = [r for r in geoparse_documents(pipeline, corpus) if r["doc_id"] == "c4"]
    assert [(r["text"], r["admin1"]) for r in homed] == [("Burgin", "Kentucky")]
    alone = geoparse_documents(pipeline, corpus, outlet_homes=False)
    assert not [r for r in alone if r["doc_id"] == "c4"]  # a village of 900 people, read alone
