"""The situation report: its numbers on hand-written events, a self-contained page, and the page
as headless Chromium renders it with no network: map points and timeline bars."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conflictlens import Pipeline
from conflictlens.analysis.fields import Record
from conflictlens.cli_analysis import COMMANDS
from conflictlens.model import Event, Evidence, PartialDate, Precision, Span
from conflictlens.report import Basemap, ReportRequest, build_sitrep, render_report, write_report
from conflictlens.run import demo_corpus, run_corpus
from conflictlens.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SINCE, UNTIL = dt.date(2023, 11, 13), dt.date(2023, 12, 3)


def record(n: int, date: str, **fields: object) -> Record:
    sentence = f"Rockets hit the base at dawn, event {n}."
    values: dict[str, object] = {
        "event_id": f"ev-{n}",
        "doc_id": f"doc-{n}",
        "event_date": PartialDate.parse(date),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Islamic Resistance in Iraq",
        "actor2": "Military Forces of the United States",
        "country": "Syria",
        "location": "Al-Shaddadi",
        "latitude": 36.06,
        "longitude": 40.73,
        "source": "Wire <Levant>",
        "evidence": Evidence(sentence, 100, 100 + len(sentence)),
        "support": {"weapon": Span(100, 107, "Rockets")},
    }
    values.update(fields)
    return Event(**values).to_record()  # type: ignore[arg-type]


EVENTS = [
    record(1, "2023-11-01", fatalities=1),
    record(2, "2023-11-14", fatalities=2, location="Harir", country="Iraq"),
    record(3, "2023-11-20"),
    record(4, "2023-11-22", latitude=None, longitude=None),
    record(5, "2023-11-13", event_date=PartialDate(2023, 11, 13, Precision.WEEK)),
    record(6, "2023-12-01", event_date=PartialDate(2023, 12, 1, Precision.MONTH)),
]


def test_sitrep_counts_the_period_against_the_one_before() -> None:
    report = build_sitrep(EVENTS, ReportRequest(SINCE, UNTIL))
    assert (report.previous.start, report.previous.end) == (
        dt.date(2023, 10, 23),
        SINCE - dt.timedelta(1),
    )
    assert [r["event_id"] for r in report.events] == ["ev-5", "ev-2", "ev-3", "ev-4"]
    headlines = {h.label: (h.current, h.previous) for h in report.headlines}
    assert headlines["Events"] == (4, 1)
    assert headlines["Fatalities reported"] == (2, 1)
    assert headlines["Countries"] == (2, 1)
    assert report.outside == ("ev-6",)  # December reaches beyond 3 December
    assert report.interval == "day" and len(report.bars) == 42
    assert (
        sum(bar.tally.events for bar in report.bars if bar.current) == 3
    )  # the week-long one spans bars
    assert report.actors[0].name == "Islamic Resistance in Iraq" and report.actors[0].events == 4
    assert report.places[0].name == "Al-Shaddadi" and report.places[0].events == 3


def test_html_is_self_contained_and_draws_every_located_event() -> None:
    report = build_sitrep(EVENTS, ReportRequest(SINCE, UNTIL, title="Test <report>"))
    page = render_report(report, "html", "events.db")
    assert page.count('<circle class="event') == 3  # ev-4 has no coordinates
    assert page.count('<rect class="bar') == 42
    assert "Test &lt;report&gt;" in page and "Wire &lt;Levant&gt;" in page
    assert "<mark>Rockets</mark>" in page
    urls = set(re.findall(r"https?://[^\"' )]+", page))
    assert urls <= {"http://www.w3.org/2000/svg"}
    assert "<script" not in page and "<link" not in page and "@import" not in page


def test_markdown_report_for_a_brief() -> None:
    report = build_sitrep(EVENTS, ReportRequest(SINCE, UNTIL))
    text = render_report(report, "md")
    assert text.startswith("# Situation report, 13 November 2023 to 3 December 2023\n")
    assert "| Events | 4 | 1 | +3 (+300%) |" in text
    assert "  > **Rockets** hit the base at dawn, event 2." in text


def test_basemap_ships_natural_earth_countries() -> None:
    basemap = Basemap.load()
    names = {country.name for country in basemap.countries}
    assert {"Iraq", "Syria", "Ukraine", "Colombia"} <= names and len(names) > 150


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    db = tmp_path_factory.mktemp("report") / "demo.db"
    run_corpus([demo_corpus()], db, pipeline)
    return db


def test_report_command_writes_html_and_markdown(demo_db: Path, tmp_path: Path) -> None:
    group = click.Group(commands=COMMANDS)
    for fmt in ("html", "md"):
        out = tmp_path / f"report.{fmt}"
        args = ["report", "--db", str(demo_db), "--since", "2023-11-13", "--until", "2023-12-03"]
        result = CliRunner().invoke(group, [*args, "--out", str(out), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000


def test_report_renders_in_chromium_without_network(demo_db: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package to render reports")
    from playwright.sync_api import Request, Route, sync_playwright

    out = tmp_path / "report.html"
    summary = write_report(demo_db, ReportRequest(SINCE, UNTIL), out)
    with Store.open(demo_db) as store:
        in_period = [
            r
            for r in store.events()
            if r["time_precision"] == 1 and "2023-11-13" <= str(r["event_date"]) <= "2023-12-03"
        ]
    located = [r for r in in_period if r["latitude"] is not None]
    assert summary.located == len(located)
    outside: list[str] = []

    def refuse(route: Route, request: Request) -> None:
        outside.append(request.url)
        route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(offline=True, viewport={"width": 1100, "height": 1400})
            context.route(re.compile(r"^(?!file:).*"), refuse)
            page = context.new_page()
            page.goto(out.as_uri())
            assert page.locator("svg#map path.country").count() > 10
            assert page.locator("svg#map circle.event").count() == len(located)
            bars = page.locator("svg#timeline rect.bar")
            assert bars.count() == 42
            heights = [float(bars.nth(i).get_attribute("height") or 0) for i in range(42)]
            assert sum(1 for h in heights if h > 0) > 5
            box = page.locator("svg#map").bounding_box()
            assert box is not None and box["width"] > 600 and box["height"] > 250
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        finally:
            browser.close()
    assert outside == []
    assert (tmp_path / "report.png").stat().st_size > 10_000
