"""One event, many reports: mentions of different documents merged into events, as a user
finds them in the store, in ``show`` and in the scores."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conflictlens import Document, Event, PartialDate, Pipeline, read_documents
from conflictlens.cli_merge import COMMANDS
from conflictlens.errors import EvalError, StoreError
from conflictlens.evaluate import load_gold
from conflictlens.evaluate.merge import (
    GoldCluster,
    GoldMention,
    PredictedMention,
    load_clusters,
    predicted_from_store,
    score_merge,
)
from conflictlens.merge import (
    MemoryIndex,
    MentionFacts,
    assess,
    explain_event,
    find_links,
    link_document,
    link_pending,
    merge_events,
    merged_events,
    relink_all,
    split_mention,
)
from conflictlens.model import Evidence, Precision, Span
from conflictlens.run import demo_corpus, extract_documents, run_corpus
from conflictlens.store import EventFilter, Store

GOLD = Path(__file__).resolve().parent / "gold"
MERGE_GOLD = GOLD / "merge"

Analysed = list[tuple[Document, list[Event]]]


# -- helpers ----------------------------------------------------------------------------------


def mention(doc_id: str, n: int = 0, **fields: object) -> Event:
    """A drone strike on Harir Air Base on 2024-02-03, unless ``fields`` say otherwise."""
    values: dict[str, object] = {
        "event_id": f"ev-{doc_id}-{n}",
        "doc_id": doc_id,
        "event_date": PartialDate(2024, 2, 3),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Islamic Resistance in Iraq",
        "actor2": "Military Forces of the United States",
        "country": "Iraq",
        "admin1": "Erbil",
        "location": "Harir Air Base",
        "latitude": 36.537,
        "longitude": 44.348,
        "geo_precision": 1,
        "weapon": "drone",
        "evidence": Evidence(f"Report {doc_id} {n}.", 0, 10),
    }
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]


def store_all(store: Store, events: Iterable[Event], sources: dict[str, str] | None = None) -> None:
    """Store each document with its events, linking after each one as run.py does."""
    by_doc: dict[str, list[Event]] = {}
    for event in events:
        by_doc.setdefault(event.doc_id, []).append(event)
    for doc_id, found in by_doc.items():
        source = (sources or {}).get(doc_id, f"Outlet of {doc_id}")
        store.add_document(Document(doc_id, f"Text of {doc_id}.", source=source), found, "test")
        link_document(store, doc_id)


def clusters(store: Store) -> set[frozenset[str]]:
    members: dict[str, set[str]] = {}
    for item in predicted_from_store(store):
        members.setdefault(item.event_id, set()).add(item.mention_id)
    return {frozenset(group) for group in members.values()}


def snapshot(store: Store) -> list[tuple[object, ...]]:
    """Everything a user reads of the merged events: ids, fields, members and why."""
    conn = sqlite3.connect(store.path)
    try:
        events = conn.execute("SELECT * FROM merged_events ORDER BY event_id").fetchall()
        links = conn.execute("SELECT * FROM event_mentions ORDER BY mention_id").fetchall()
    finally:
        conn.close()
    return [*events, *links]


def gold_events(path: Path) -> dict[str, list[Event]]:
    """The gold coding of each article as stored mentions, evidence words as their sentence."""
    found: dict[str, list[Event]] = {}
    for n, gold in enumerate(load_gold(path)):
        found.setdefault(gold.doc_id, []).append(
            Event(
                event_id=f"ev-{gold.doc_id}-{n}",
                doc_id=gold.doc_id,
                event_date=gold.event_date,
                event_type=gold.event_type or "",
                sub_event_type=gold.sub_event_type or "",
                actor1=gold.actor1,
                actor2=gold.actor2,
                country=gold.country,
                admin1=gold.admin1,
                location=gold.location,
                latitude=gold.latitude,
                longitude=gold.longitude,
                geo_precision=gold.geo_precision,
                weapon=gold.weapon,
                fatalities=gold.fatalities,
                injuries=gold.injuries,
                claim_status="reported",
                evidence=Evidence(gold.evidence or "", 0, 0),
            )
        )
    return found


def store_documents(store: Store, analysed: Analysed) -> None:
    for doc, events in analysed:
        store.add_document(doc, events, "test")
        link_document(store, doc.doc_id)


@pytest.fixture(scope="module")
def demo(pipeline: Pipeline) -> Analysed:
    return list(extract_documents(pipeline, [demo_corpus()]))


@pytest.fixture(scope="module")
def merge_set(pipeline: Pipeline) -> Analysed:
    return list(extract_documents(pipeline, [MERGE_GOLD / "articles"]))


# -- the gold sets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("articles", "coded", "gold"),
    [
        (demo_corpus(), GOLD / "demo_gold.jsonl", GOLD / "demo_clusters.jsonl"),
        (MERGE_GOLD / "articles", MERGE_GOLD / "mentions.jsonl", MERGE_GOLD / "clusters.jsonl"),
    ],
    ids=["demo", "merge-set"],
)
def test_gold_coded_mentions_come_out_as_the_gold_clusters(
    tmp_path: Path, articles: Path, coded: Path, gold: Path
) -> None:
    coding = gold_events(coded)
    with Store.open(tmp_path / "gold.db") as store:
        for doc in read_documents([articles]):
            assert isinstance(doc, Document)
            store.add_document(doc, coding.get(doc.doc_id, []), "gold")
            link_document(store, doc.doc_id)
        scores = score_merge(load_clusters(gold), predicted_from_store(store))
    assert scores.found == scores.gold_mentions
    assert scores.pairs.fp == scores.pairs.fn == 0
    assert scores.bcubed_f1 == 1.0
    assert scores.different_day_merges == 0


def test_merge_set_through_the_pipeline(tmp_path: Path, merge_set: Analysed) -> None:
    with Store.open(tmp_path / "run.db") as store:
        store_documents(store, merge_set)
        scores = score_merge(
            load_clusters(MERGE_GOLD / "clusters.jsonl"), predicted_from_store(store)
        )
    # Merging adds no wrong pair; what is lost comes from extraction (an article with no
    # event, a target coded from "selon la police"): see the report's missing mentions.
    assert scores.pairs.precision == 1.0, scores.to_table()
    assert scores.pairs.f1 >= 0.9, scores.to_table()
    assert scores.bcubed_f1 >= 0.95, scores.to_table()
    assert scores.different_day_merges == 0


def test_look_alikes_of_the_merge_set_stay_apart(tmp_path: Path, merge_set: Analysed) -> None:
    with Store.open(tmp_path / "run.db") as store:
        store_documents(store, merge_set)
        events = merged_events(store)
    harir = {e.event_date.iso() for e in events if e.location == "Harir Air Base" and e.event_date}
    assert {"2024-02-03", "2024-02-04"} <= harir, "the same base hit on two days: two events"
    fasher = {e.actor1 for e in events if e.location == "El Fasher"}
    assert {"RSF: Rapid Support Forces", "Military Forces of Sudan"} <= fasher
    kharkiv_day = [e for e in events if e.event_date and e.event_date.iso() == "2024-04-06"]
    assert len({e.location for e in kharkiv_day}) >= 2, "Kharkiv and Chuhuiv, 35 km apart"


# -- order, re-runs, decisions ------------------------------------------------------------------


def test_any_order_gives_the_same_events(
    tmp_path: Path, demo: Analysed, merge_set: Analysed
) -> None:
    corpus = demo + merge_set
    snapshots = []
    for seed in (1, 2):
        shuffled = list(corpus)
        random.Random(seed).shuffle(shuffled)
        with Store.open(tmp_path / f"order-{seed}.db") as store:
            store_documents(store, shuffled)
            snapshots.append(snapshot(store))
            relink_all(store)
            assert snapshot(store) == snapshots[-1], "linking as documents come = from scratch"
            assert any(len(group) > 2 for group in clusters(store))
    assert snapshots[0] == snapshots[1]


def crowded_month(seed: int) -> list[Event]:
    """Reports of happenings crowded into one province and one month: the same places hit on
    several days, week- and month-precise reports, province-level places, unnamed actors."""
    rng = random.Random(seed)
    events = []
    for n in range(40):
        day = rng.randint(1, 28)
        spot = rng.choice(((36.19, 44.01), (36.54, 44.35), (36.40, 44.20)))
        actor = rng.choice(("Islamic Resistance in Iraq", "Kataib Hezbollah"))
        for report in range(rng.randint(1, 3)):
            precision = rng.choices((Precision.DAY, Precision.WEEK, Precision.MONTH), (8, 1, 2))[0]
            geo = rng.choices((1, 2, 3), (6, 2, 2))[0]
            events.append(
                mention(
                    f"r{report}-{n // 4}",
                    n,
                    event_date=PartialDate.of(PartialDate(2024, 2, day).date, precision),
                    latitude=spot[0] + rng.uniform(-0.03, 0.03),
                    longitude=spot[1] + rng.uniform(-0.03, 0.03),
                    geo_precision=geo,
                    actor1=actor if rng.random() < 0.6 else None,
                    actor2=rng.choice((None, "Military Forces of the United States")),
                )
            )
    return events


def test_linking_document_by_document_equals_recomputing_everything(tmp_path: Path) -> None:
    events = crowded_month(3)
    results = []
    for seed in (1, 2):
        order = list(events)
        random.Random(seed).shuffle(order)
        with Store.open(tmp_path / f"crowded-{seed}.db") as store:
            store_all(store, order)
            # The same decisions and the same correction, whatever the order.
            first = min(merged_events(store), key=lambda e: (-e.mentions, e.event_id))
            members = [m.mention.event_id for m in explain_event(store, first.event_id).mentions]
            split_mention(store, first.event_id, members[-1])
            merge_events(store, members[0], min(e.event_id for e in events))
            doc_id = min(e.doc_id for e in events)
            kept = sorted((e for e in events if e.doc_id == doc_id), key=lambda e: e.event_id)[1:]
            store.add_document(Document(doc_id, "A corrected text."), kept, "test")
            link_document(store, doc_id)
            results.append(snapshot(store))
            relink_all(store)
            assert snapshot(store) == results[-1]
            assert any(m > 3 for m in (e.mentions for e in merged_events(store)))
    assert results[0] == results[1]


def test_rerunning_a_corpus_adds_nothing(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "rerun.db"
    run_corpus([demo_corpus()], db, pipeline)
    with Store.open(db) as store:
        link_pending(store)
        before = snapshot(store)
    run_corpus([demo_corpus()], db, pipeline)
    with Store.open(db) as store:
        assert link_pending(store).mentions == 0, "nothing waits to be linked"
        link_document(store, "07_en_green-village-tanf")
        assert snapshot(store) == before


def test_analyst_merge_and_split_survive_reruns(tmp_path: Path, merge_set: Analysed) -> None:
    with Store.open(tmp_path / "analyst.db") as store:
        store_documents(store, merge_set)
        events = {
            e.event_date.iso(): e
            for e in merged_events(store)
            if e.location == "Harir Air Base" and e.event_date
        }
        saturday, sunday = events["2024-02-03"], events["2024-02-04"]
        merged = merge_events(store, saturday.event_id, sunday.event_id)
        assert merged.mentions == saturday.mentions + sunday.mentions
        odesa = next(e for e in merged_events(store) if e.location == "Odesa")
        members = [m.mention.event_id for m in explain_event(store, odesa.event_id).mentions]
        outcome = split_mention(store, odesa.event_id, members[-1])
        assert outcome.detached.mentions == 1
        assert [e.mentions for e in outcome.remaining] == [len(members) - 1]
        after_decisions = clusters(store)
        # A re-run stores nothing new; a full recomputation and a replaced document both
        # honour the decisions.
        store_documents(store, merge_set)
        relink_all(store)
        assert clusters(store) == after_decisions
        doc, found = merge_set[0]
        store.add_document(Document(doc.doc_id, doc.text + " ", source=doc.source), found, "t")
        link_document(store, doc.doc_id)
        assert clusters(store) == after_decisions
        explanation = explain_event(store, merged.event_id)
    assert [d.action for d in explanation.decisions] == ["merge"]
    assert any(m.link.rule == "analyst" for m in explanation.mentions)


def test_a_split_mention_takes_no_new_report(tmp_path: Path) -> None:
    with Store.open(tmp_path / "split.db") as store:
        store_all(store, [mention("a"), mention("b")])
        (event,) = merged_events(store)
        split_mention(store, event.event_id, "ev-b-0")
        store_all(store, [mention("c")])
        assert clusters(store) == {frozenset({"ev-a-0", "ev-c-0"}), frozenset({"ev-b-0"})}
        with pytest.raises(StoreError, match="not part of event"):
            split_mention(store, event.event_id, "ev-b-0")
        with pytest.raises(StoreError, match="no merged event or event mention"):
            merge_events(store, "me-nothing", event.event_id)


# -- the rules --------------------------------------------------------------------------------


def test_rules_keep_look_alikes_apart(tmp_path: Path) -> None:
    events = [
        mention("saturday-1"),
        mention("saturday-2", actor2=None, weapon=None),
        mention("sunday-1", event_date=PartialDate(2024, 2, 4)),
        mention(
            "sunday-2",
            event_date=PartialDate(2024, 2, 4),
            location="Harir",
            latitude=36.551,
            longitude=44.353,
        ),
        # the same town, the same day, another perpetrator
        mention("other-1", actor1="Kataib Hezbollah"),
        # 35 km away: another place
        mention("far-1", latitude=36.237, longitude=43.963, location="Erbil Air Base"),
    ]
    with Store.open(tmp_path / "rules.db") as store:
        store_all(store, events)
        assert clusters(store) == {
            frozenset({"ev-saturday-1-0", "ev-saturday-2-0"}),
            frozenset({"ev-sunday-1-0", "ev-sunday-2-0"}),
            frozenset({"ev-other-1-0"}),
            frozenset({"ev-far-1-0"}),
        }


def test_an_unidentified_report_joins_one_named_event_only(tmp_path: Path) -> None:
    events = [
        mention("named-a", actor1="Kataib Hezbollah"),
        mention("named-b"),
        mention("vague", actor1="Unidentified Armed Group (Iraq)", weapon=None),
    ]
    with Store.open(tmp_path / "chain.db") as store:
        store_all(store, events)
        groups = clusters(store)
    assert len(groups) == 2
    assert not any({"ev-named-a-0", "ev-named-b-0"} <= group for group in groups)


def test_month_precision_attaches_to_a_dated_event_but_not_to_another_month(
    tmp_path: Path,
) -> None:
    month = PartialDate(2024, 2, 1, Precision.MONTH)
    with Store.open(tmp_path / "month.db") as store:
        store_all(
            store, [mention("month-1", event_date=month), mention("month-2", event_date=month)]
        )
        assert len(clusters(store)) == 2, "two month-only reports make no event by themselves"
        store_all(store, [mention("dated")])
        assert clusters(store) == {frozenset({"ev-month-1-0", "ev-month-2-0", "ev-dated-0"})}
        (event,) = merged_events(store)
        assert event.event_date == PartialDate(2024, 2, 3), "the most precise date"
        store_all(store, [mention("march", event_date=PartialDate(2024, 3, 1, Precision.MONTH))])
        assert len(clusters(store)) == 2


def test_battle_sides_are_compared_in_either_order() -> None:
    army, eln = "Military Forces of Colombia", "ELN: National Liberation Army"
    a = MentionFacts.of(mention("a", event_type="Battles", actor1=army, actor2=eln))
    b = MentionFacts.of(mention("b", event_type="Battles", actor1=eln, actor2=army))
    c = MentionFacts.of(mention("c", event_type="Battles", actor1=eln, actor2="FARC"))
    assert assess(a, b).linking
    assert assess(a, c).conflict == "more than two named sides"


def test_civilians_no_words_name_are_no_evidence_against_a_merge() -> None:
    """One report infers civilians as the target of an abduction; another names the victim a
    local official's guard: the inferred target neither links nor divides them."""
    kidnap = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    inferred = mention("a", actor2="Civilians (Iraq)", **kidnap)
    named = mention("b", actor2="Police Forces of Iraq", **kidnap)
    assert assess(MentionFacts.of(inferred), MentionFacts.of(named)).conflict is None
    told = replace(inferred, support={"actor2": Span(0, 9, "civilians")})
    assert assess(MentionFacts.of(told), MentionFacts.of(named)).conflict is not None


def test_the_index_finds_every_link_an_all_pairs_scan_finds() -> None:
    rng = random.Random(7)
    events = []
    for n in range(400):
        precision = rng.choice((Precision.DAY, Precision.DAY, Precision.WEEK, Precision.MONTH))
        day = PartialDate(2024, rng.choice((1, 2)), rng.randint(1, 28), Precision.DAY)
        events.append(
            mention(
                f"d{n}",
                event_date=PartialDate.of(day.date, precision),
                latitude=rng.uniform(59.0, 60.5),  # high latitude: narrow cells
                longitude=rng.choice((-179.9, 179.9, 0.0)) + rng.uniform(-0.3, 0.3),
                geo_precision=rng.choice((1, 2, 3)),
                admin1=rng.choice(("North", "South")),
                actor1=rng.choice((None, "Kataib Hezbollah", "Islamic Resistance in Iraq")),
            )
        )
    facts = {e.event_id: MentionFacts.of(e) for e in events}
    indexed = {
        (link.a, link.b) for link in find_links(facts, MemoryIndex(facts.values()).candidates)
    }
    every = {(a, b) for a in facts for b in facts if a < b and assess(facts[a], facts[b]).linking}
    assert indexed == every
    assert len(every) > 100


# -- ledger, explanation, queries ---------------------------------------------------------------


def test_ledger_counts_an_outlet_once_and_keeps_every_figure(tmp_path: Path) -> None:
    events = [
        mention("wire-1", fatalities=3, claim_status="reported"),
        mention("wire-2", fatalities=5, claim_status="claimed"),
        mention("ministry", fatalities=4, claim_status="confirmed", actor1=None),
    ]
    sources = {"wire-1": "Kurdistan Wire", "wire-2": "kurdistan wire ", "ministry": "Ministry"}
    with Store.open(tmp_path / "ledger.db") as store:
        store_all(store, events, sources)
        (event,) = merged_events(store)
        explanation = explain_event(store, "ev-wire-2-0")
    assert event.mentions == 3 and event.documents == 3
    assert event.corroboration == 2 and event.sources == ("Ministry", "Kurdistan Wire")
    assert event.fatalities == 3, "the lowest figure reported"
    assert event.claim_status == "confirmed"
    assert event.actor1 == "Islamic Resistance in Iraq", "a named perpetrator wins"
    assert [f.fatalities for f in explanation.ledger.figures] == [4, 3, 5]
    assert {e.status for e in explanation.ledger.entries} == {"reported", "claimed", "confirmed"}


def test_explanation_says_why_each_mention_was_merged(tmp_path: Path) -> None:
    events = [
        mention("a"),
        mention("b", location="Harir", latitude=36.551, longitude=44.353, actor2=None),
    ]
    with Store.open(tmp_path / "explain.db") as store:
        store_all(store, events)
        explanation = explain_event(store, "ev-b-0")
    first, second = explanation.mentions
    assert first.link.rule == "first" and first.link.via is None
    assert second.link.rule == "rules" and second.link.via == "ev-a-0"
    assert second.link.date_relation == "same day"
    assert second.link.distance_km is not None and 1.0 < second.link.distance_km < 2.0
    assert "within 10 km at precision 1" in second.reason()
    assert "target named by one report only" in second.reason()
    json.dumps(explanation.to_json())
    assert "Harir Air Base" in explanation.to_text()


def test_merged_events_are_filtered_like_events(tmp_path: Path) -> None:
    sudan = mention("sudan", country="Sudan", admin1="North Darfur", latitude=13.6, longitude=25.3)
    events = [mention("a"), mention("b"), sudan]
    with Store.open(tmp_path / "filter.db") as store:
        store_all(store, events)
        assert len(merged_events(store)) == 2
        assert [e.country for e in merged_events(store, EventFilter(country="sudan"))] == ["Sudan"]
        assert [e.mentions for e in merged_events(store, EventFilter(doc_id="b"))] == [2]
        assert merged_events(store, EventFilter(since=PartialDate(2024, 3, 1))) == []
        assert merged_events(store, EventFilter(limit=1))[0].event_id == "me-a-0"


def test_the_ledger_view_is_there_for_datasette(tmp_path: Path) -> None:
    with Store.open(tmp_path / "view.db") as store:
        store_all(store, [mention("a"), mention("b")])
    conn = sqlite3.connect(tmp_path / "view.db")
    try:
        rows = conn.execute("SELECT event_id, doc_id, outlet, status FROM event_ledger").fetchall()
    finally:
        conn.close()
    assert sorted(rows) == [
        ("me-a-0", "a", "Outlet of a", "reported"),
        ("me-a-0", "b", "Outlet of b", "reported"),
    ]


# -- the command line -------------------------------------------------------------------------


def test_show_merge_and_split_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    with Store.open(db) as store:
        sunday = mention("c", event_date=PartialDate(2024, 2, 4))
        store_all(store, [mention("a"), mention("b"), sunday])
    group = click.Group(commands=COMMANDS)
    runner = CliRunner()
    shown = runner.invoke(group, ["show", "me-a-0", "--db", str(db), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert [m["mention_id"] for m in json.loads(shown.output)["mentions"]] == ["ev-a-0", "ev-b-0"]
    merged = runner.invoke(group, ["merge", "me-a-0", "ev-c-0", "--db", str(db)])
    assert merged.exit_code == 0, merged.output
    assert "now event me-a-0 (3 mentions)" in merged.output
    split = runner.invoke(group, ["split", "me-a-0", "ev-b-0", "--db", str(db)])
    assert split.exit_code == 0, split.output
    assert "ev-b-0 is now event me-b-0" in split.output
    text = runner.invoke(group, ["show", "ev-c-0", "--db", str(db)])
    assert "analyst merge (decision 1)" in text.output
    missing = runner.invoke(group, ["show", "me-a-0", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such store" in missing.output


# -- the scores -------------------------------------------------------------------------------


def test_scores_count_pairs_and_bcubed() -> None:
    gold = [
        GoldCluster("x", (GoldMention("d1", "alpha"), GoldMention("d2", "beta"))),
        GoldCluster("y", (GoldMention("d3", "gamma"),)),
    ]
    day = PartialDate(2024, 1, 1)
    predicted = [
        PredictedMention("m1", "d1", "The alpha strike.", "e1", day),
        PredictedMention("m2", "d2", "The beta strike.", "e1", day),
        PredictedMention("m3", "d3", "The gamma strike.", "e1", PartialDate(2024, 1, 2)),
    ]
    scores = score_merge(gold, predicted)
    assert (scores.pairs.tp, scores.pairs.fp, scores.pairs.fn) == (1, 2, 0)
    assert scores.bcubed_recall == 1.0
    assert scores.bcubed_precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert scores.different_day_merges == 1
    apart = score_merge(gold, [PredictedMention("m1", "d1", "alpha", "e1")])
    assert apart.found == 1 and apart.pairs.fn == 1 and apart.missing[0].doc_id == "d2"


def test_a_malformed_clusters_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "clusters.jsonl"
    path.write_text('{"cluster": "x", "mentions": [{"doc_id": "d"}]}\n', encoding="utf-8")
    with pytest.raises(EvalError, match=r"clusters.jsonl:1: each mention needs"):
        load_clusters(path)
