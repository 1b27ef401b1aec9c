"""Throughput, memory and cold start of extraction.

Builds a corpus of at least 5,000 articles at run time from the demo corpus, the project's gold
articles and, when present, the shared gold texts next to the repository (read in place, never
copied), then prints articles/s, MB/s, peak RSS, the cold-start time to the first event and the
time to load the gazetteer index. Then the time of each pipeline component (ms per article and
share), on the project's own ~1 KB articles and on the whole corpus, with the share of geocoding
(the ``places`` component), which should stay at or under ``GEOCODING_BUDGET``. Then the cost
of learning the outlets' homes (``--outlet-homes``: a first reading of every article's places).
Last, the geocoding share of the main job end to end (``run_corpus``: read the files, extract,
store in a fresh SQLite file, link the events across documents) on the project's own articles.

    python bench/throughput.py [--min-articles 5000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from conflictlens import Document, Pipeline, read_documents
from conflictlens.outlets import learn_homes
from conflictlens.pipeline import Analysis
from conflictlens.run import demo_corpus, run_corpus

ROOT = Path(__file__).resolve().parent.parent
GEOCODING_BUDGET = 0.20
"""The share of extraction time geocoding may take (the project's performance goal)."""
_GEOCODING = "places"


def _shared_texts(shared: Path) -> list[Document]:
    docs: list[Document] = []
    for name, field in (
        ("data/acled/acled_notes_dev.jsonl", "text"),
        ("data/gtd/gtd_summary_dev.jsonl", "text"),
    ):
        path = shared / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                text = json.loads(line).get(field) or ""
                if text:
                    docs.append(Document(f"{path.stem}-{number}", text, lang="en"))
    return docs


def own_articles() -> list[Document]:
    """The project's own articles (demo and gold, about 1 KB each)."""
    sources = [demo_corpus(), ROOT / "tests" / "gold" / "articles"]
    return [d for d in read_documents(sources) if isinstance(d, Document)]


def build_corpus(min_articles: int, shared: Path) -> list[Document]:
    sources = [demo_corpus(), ROOT / "tests" / "gold" / "articles", shared / "seed"]
    base = [
        d for d in read_documents([s for s in sources if s.exists()]) if isinstance(d, Document)
    ]
    base += _shared_texts(shared)
    corpus = list(base)
    while len(corpus) < min_articles:
        corpus += base
    return corpus


def cold_start(article: Path) -> float:
    """Seconds from a fresh process to the first event printed by the CLI."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "conflictlens", "extract", str(article)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait()
    return elapsed


def index_load() -> float:
    """Seconds to load the cached gazetteer index in a fresh process (built first if need be)."""
    code = (
        "import time; from conflictlens.geo import Geocoder; Geocoder.load(); "
        "t = time.perf_counter(); Geocoder.load(); print(time.perf_counter() - t)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return float(result.stdout.strip() or "nan")


class StageClock:
    """Times each component of a pipeline (CPU time, so that other work on the machine does not
    count) by a clock reading added after every component (through the pipeline's public
    ``add``; the pipeline keeps them)."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.names = pipeline.component_names
        self.readings: list[float] = []
        for name in self.names:
            pipeline.add(f"clock:{name}", self._read, after=name)

    def _read(self, analysis: Analysis) -> Analysis:
        self.readings.append(time.process_time())
        return analysis

    def spent(self, docs: Sequence[Document]) -> dict[str, float]:
        """Seconds spent in each component over ``docs``."""
        spent = dict.fromkeys(self.names, 0.0)
        for doc in docs:
            self.readings.clear()
            started = time.process_time()
            self.pipeline.analyse(doc)
            readings = self.readings
            starts = [started, *readings[:-1]]
            for name, before, after in zip(self.names, starts, readings, strict=True):
                spent[name] += after - before
        return spent

    def stage_seconds(self, name: str) -> float:
        """Seconds spent in component ``name`` (not the first) over the documents analysed since
        ``readings`` was last emptied, however the pipeline was called."""
        index, size = self.names.index(name), len(self.names)
        readings = self.readings
        return sum(
            readings[block + index] - readings[block + index - 1]
            for block in range(0, len(readings), size)
        )


def print_stages(title: str, spent: dict[str, float], articles: int) -> None:
    total = sum(spent.values())
    print(
        f"\n{title}: {articles} articles, {total / articles * 1000:.3f} ms/article"
        f" of CPU time ({articles / total:.0f} articles/s per core)"
    )
    print(f"  {'component':<12} {'ms/article':>10} {'share':>7}")
    for name, seconds in spent.items():
        print(f"  {name:<12} {seconds / articles * 1000:>10.3f} {seconds / total:>7.1%}")
    geocoding = spent.get(_GEOCODING, 0.0)
    share = geocoding / total
    verdict = "within" if share <= GEOCODING_BUDGET else "OVER"
    added = geocoding / (total - geocoding) if total > geocoding else float("inf")
    print(
        f"  geocoding share: {share:.1%} of the total ({verdict} the {GEOCODING_BUDGET:.0%}"
        f" budget); it adds {added:.1%} to the other components' time"
    )


def end_to_end(clock: StageClock, rounds: int) -> tuple[float, float, int]:
    """CPU seconds of ``run_corpus`` over the project's own articles into a fresh store, the
    share of it spent in the ``places`` stage, and the articles read (``rounds`` runs)."""
    sources = [demo_corpus(), ROOT / "tests" / "gold" / "articles"]
    total = geocoding = 0.0
    articles = 0
    with tempfile.TemporaryDirectory() as folder:
        for number in range(rounds):
            clock.readings.clear()
            started = time.process_time()
            summary = run_corpus(sources, Path(folder) / f"run-{number}.db", clock.pipeline)
            total += time.process_time() - started
            geocoding += clock.stage_seconds(_GEOCODING)
            articles += summary.documents_read
    return total, geocoding, articles


def outlet_homes_ms(pipeline: Pipeline, docs: list[Document]) -> float:
    """CPU milliseconds per article of the first reading that learns the outlets' homes."""
    started = time.process_time()
    learn_homes(pipeline.geocoder, docs)
    return (time.process_time() - started) / len(docs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--min-articles", type=int, default=5000)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()

    seed = args.shared / "seed" / "000_94040082d2bc69bd.txt"
    article = seed if seed.exists() else next(demo_corpus().glob("*.txt"))
    print(f"cold start to first event: {cold_start(article):.2f} s")

    started = time.perf_counter()
    pipeline = Pipeline.load()
    print(f"pipeline load: {time.perf_counter() - started:.2f} s")
    corpus = build_corpus(args.min_articles, args.shared)
    megabytes = sum(len(d.text.encode("utf-8")) for d in corpus) / 1e6
    for lang_doc in corpus[:50]:
        pipeline.extract(lang_doc)  # warm every language's lexicon before timing
    started, cpu = time.perf_counter(), time.process_time()
    events = sum(len(pipeline.extract(doc)) for doc in corpus)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(corpus)}  ({megabytes:.1f} MB)  events: {events}")
    print(f"throughput: {len(corpus) / elapsed:.0f} articles/s, {megabytes / elapsed:.2f} MB/s")
    # A busy machine slows the clock on the wall, not the work done: per core is CPU time.
    print(f"per core (CPU time): {len(corpus) / cpu:.0f} articles/s")
    print(f"peak RSS: {peak_mb:.0f} MB")
    print(f"gazetteer index load (cached): {index_load():.2f} s")

    clock = StageClock(pipeline)
    own = own_articles() * 10
    print_stages("per component, the project's own ~1 KB articles", clock.spent(own), len(own))
    print_stages("per component, the whole corpus", clock.spent(corpus), len(corpus))
    homes_ms = outlet_homes_ms(pipeline, own)
    print(
        f"\noutlet homes (--outlet-homes), the first reading of the own articles' places:"
        f" {homes_ms:.3f} ms/article"
    )
    total, geocoding, articles = end_to_end(clock, rounds=5)
    print(
        f"\nend to end (run: read, extract, store, link; own articles, {articles} in all):"
        f" {total / articles * 1000:.3f} ms/article of CPU time; geocoding {geocoding / total:.1%},"
        f" which adds {geocoding / (total - geocoding):.1%} to the rest of the run"
    )


if __name__ == "__main__":
    main()
