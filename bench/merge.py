"""Time to merge 100,000 synthetic event mentions into events.

The mentions are generated at run time (fixed seed): happenings over a year in six conflict
areas, each reported by one to five documents with the noise real reports carry (an actor left
unidentified, a place given near or at province level, a date known only to the month, a
different sub-type), plus look-alikes (the same place hit again the next day). Prints the
seconds taken in memory (index, links, clustering) and, unless ``--memory-only``, through an
SQLite store (``relink_all``: read, index, cluster, derive each event and its ledger, write).

    python bench/merge.py [--mentions 100000] [--memory-only]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from conflictlens.merge import MemoryIndex, MentionFacts, find_links, plan_clusters, relink_all
from conflictlens.model import Claim, Document, Event, Evidence, PartialDate, Precision, Span
from conflictlens.store import Store

AREAS = (
    # name, country, admin1, latitude, longitude, spread in degrees
    ("Kharkiv", "Ukraine", "Kharkiv", 49.98, 36.25, 1.0),
    ("Kherson", "Ukraine", "Kherson", 46.64, 32.61, 0.8),
    ("El Fasher", "Sudan", "North Darfur", 13.63, 25.35, 1.5),
    ("Gaza", "Palestine", "Gaza Strip", 31.42, 34.37, 0.2),
    ("Mogadishu", "Somalia", "Banadir", 2.04, 45.34, 1.0),
    ("Arauca", "Colombia", "Arauca", 6.55, -71.0, 1.0),
)
TYPES = (
    ("Explosions/Remote violence", ("Shelling/artillery/missile attack", "Air/drone strike")),
    ("Battles", ("Armed clash",)),
    ("Violence against civilians", ("Attack",)),
    ("Protests", ("Peaceful protest",)),
)
ACTORS = ("Military Forces of Russia", "RSF: Rapid Support Forces", "Al Shabaab", "ELN")
OUTLETS = tuple(f"Outlet {n}" for n in range(40))
START = dt.date(2024, 1, 1)


def happenings(count: int, rng: random.Random) -> Iterator[Event]:
    """Reports of synthetic happenings until ``count`` mentions are made."""
    made = 0
    number = 0
    while made < count:
        number += 1
        area = rng.choice(AREAS)
        event_type, sub_types = rng.choice(TYPES)
        day = START + dt.timedelta(days=rng.randrange(366))
        lat = area[3] + rng.uniform(-area[5], area[5])
        lon = area[4] + rng.uniform(-area[5], area[5])
        actor = rng.choice(ACTORS)
        for report in range(min(rng.randint(1, 5), count - made)):
            made += 1
            yield _report(number, report, area, event_type, sub_types, day, lat, lon, actor, rng)


def _report(
    number: int,
    report: int,
    area: tuple[str, str, str, float, float, float],
    event_type: str,
    sub_types: tuple[str, ...],
    day: dt.date,
    lat: float,
    lon: float,
    actor: str,
    rng: random.Random,
) -> Event:
    precision = rng.choices((1, 2, 3), weights=(85, 10, 5))[0]
    if precision == 3:
        lat, lon = area[3], area[4]
    elif precision == 2:
        lat, lon = lat + rng.uniform(-0.1, 0.1), lon + rng.uniform(-0.1, 0.1)
    monthly = rng.random() < 0.05
    date = PartialDate.of(day, Precision.MONTH) if monthly else PartialDate.of(day)
    # Each document reports one mention of ten different happenings (a daily round-up), so
    # that reports of one happening always come from different documents.
    doc_id = f"doc-{number // 10}-{report}"
    evidence = f"Report {report} of happening {number}."
    return Event(
        event_id=f"ev-{number:07d}-{report}",
        doc_id=doc_id,
        event_date=date,
        event_type=event_type,
        sub_event_type=rng.choice(sub_types),
        actor1=actor if rng.random() < 0.7 else f"Unidentified Armed Group ({area[1]})",
        country=area[1],
        admin1=area[2],
        location=area[0],
        latitude=lat,
        longitude=lon,
        geo_precision=precision,
        fatalities=rng.choice((None, 0, 1, 2, 5)),
        source=rng.choice(OUTLETS),
        evidence=Evidence(evidence, 0, len(evidence)),
        claims=[Claim("reported", None, Span(0, 6, "Report"))],
    )


def in_memory(events: list[Event]) -> tuple[float, float, int, int]:
    """(seconds, CPU seconds, links, events)."""
    started, cpu = time.perf_counter(), time.process_time()
    mentions = {event.event_id: MentionFacts.of(event) for event in events}
    links = find_links(mentions, MemoryIndex(mentions.values()).candidates)
    plans = plan_clusters(mentions, links)
    return time.perf_counter() - started, time.process_time() - cpu, len(links), len(plans)


def through_store(events: list[Event], folder: Path) -> tuple[float, float, int]:
    """(seconds, CPU seconds, events written) of relink_all on a store holding ``events``."""
    documents: dict[str, list[Event]] = {}
    for event in events:
        documents.setdefault(event.doc_id, []).append(event)
    with Store.open(folder / "bench.db") as store:
        for doc_id, found in documents.items():
            doc = Document(doc_id, f"Round-up {doc_id}.", source=found[0].source)
            store.add_document(doc, found, "bench")
        started, cpu = time.perf_counter(), time.process_time()
        summary = relink_all(store)
        return time.perf_counter() - started, time.process_time() - cpu, summary.events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--memory-only", action="store_true")
    args = parser.parse_args()
    events = list(happenings(args.mentions, random.Random(20240101)))
    seconds, cpu, links, clusters = in_memory(events)
    print(f"mentions: {len(events)}")
    print(f"in memory: {seconds:.2f} s, CPU {cpu:.2f} s ({links} links, {clusters} events)")
    if not args.memory_only:
        with tempfile.TemporaryDirectory() as folder:
            seconds, cpu, written = through_store(events, Path(folder))
        print(
            f"through the store (relink_all): {seconds:.2f} s, CPU {cpu:.2f} s "
            f"({written} events written)"
        )


if __name__ == "__main__":
    main()
