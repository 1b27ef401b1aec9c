"""Throughput, memory and cold start of extraction.

Builds a corpus of at least 5,000 articles at run time from the demo corpus, the project's gold
articles and, when present, the shared gold texts next to the repository (read in place, never
copied), then prints articles/s, MB/s, peak RSS and the cold-start time to the first event.

    python bench/throughput.py [--min-articles 5000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from conflictlens import Document, Pipeline, read_documents
from conflictlens.run import demo_corpus

ROOT = Path(__file__).resolve().parent.parent


def _shared_texts(shared: Path) -> list[Document]:
    docs: list[Document] = []
    for name, field in (
        ("data/acled/acled_notes_dev.jsonl", "text"),
        ("data/gtd/gtd_summary_dev.jsonl", "summary"),
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
    started = time.perf_counter()
    events = sum(len(pipeline.extract(doc)) for doc in corpus)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(corpus)}  ({megabytes:.1f} MB)  events: {events}")
    print(f"throughput: {len(corpus) / elapsed:.0f} articles/s, {megabytes / elapsed:.2f} MB/s")
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
