"""The command line: parses arguments, calls one library function, prints the result."""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from conflictlens.cli_analysis import COMMANDS as ANALYSIS_COMMANDS
from conflictlens.cli_merge import COMMANDS as MERGE_COMMANDS
from conflictlens.cli_options import partial_date
from conflictlens.codebook.files import CodebookFiles
from conflictlens.errors import ConflictlensError
from conflictlens.evaluate import check_floors, evaluate_gold_paths, run_benchmark
from conflictlens.evaluate.actor_names import codebook_actor_names
from conflictlens.evaluate.errors import ErrorCase, check_errors_path, write_errors
from conflictlens.evaluate.geoparse import GEOPARSE_SETS, run_geoparse_benchmark
from conflictlens.merge import merged_events
from conflictlens.model import Document
from conflictlens.outlets import HomedExtractor
from conflictlens.output import FORMATS, format_records
from conflictlens.pipeline import Pipeline
from conflictlens.run import (
    Skipped,
    demo_corpus,
    evaluate_merging,
    extract_documents,
    geoparse_documents,
    run_corpus,
)
from conflictlens.store import EventFilter, Store

__all__ = ["main"]

DEFAULT_DB = "conflictlens.db"
codebook_option = click.option(
    "--codebook",
    "codebook",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder of codebook files merged over the shipped codebook (repeatable).",
)


_HOMES_HELP = (
    "First learn where each outlet writes from (its articles' places), to read the names its "
    "articles leave unqualified; costs a second reading of the places."
)


_F = TypeVar("_F", bound=Callable[..., Any])


def homes_option(default: bool) -> Callable[[_F], _F]:
    option: Callable[[_F], _F] = click.option(
        "--outlet-homes/--no-outlet-homes", default=default, show_default=True, help=_HOMES_HELP
    )
    return option


class _Group(click.Group):
    """Turns the library's own errors into one clean line and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConflictlensError as exc:
            raise click.ClickException(str(exc)) from exc


def _echo(chunks: Iterable[str]) -> None:
    for chunk in chunks:
        click.echo(chunk, nl=False)


def _warn(skipped: Skipped) -> None:
    click.echo(f"skipped {skipped.origin}: {skipped.reason}", err=True)


def _sources(paths: Sequence[str], demo: bool) -> list[str | Path]:
    sources: list[str | Path] = list(paths)
    if demo:
        sources.append(demo_corpus())
    if not sources:
        raise click.UsageError(
            "give at least one PATH (a file, a folder or - for stdin), or --demo"
        )
    return sources


@click.group(cls=_Group)
@click.version_option(package_name="conflictlens")
def cli() -> None:
    """conflictlens: news about armed conflict, in six languages, to a traceable event dataset."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--demo", is_flag=True, help="Also read the demo corpus shipped with the package.")
@codebook_option
@homes_option(default=False)
def extract(
    paths: tuple[str, ...], fmt: str, demo: bool, codebook: tuple[Path, ...], outlet_homes: bool
) -> None:
    """Print the events of each document (no store, no merging across documents)."""
    pipeline = Pipeline.load(codebook)
    sources = _sources(paths, demo)
    found = extract_documents(pipeline, sources, sys.stdin, _warn, outlet_homes)
    records = (event.to_record() for _doc, events in found for event in events)
    _echo(format_records(records, fmt))


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@homes_option(default=True)
def geoparse(paths: tuple[str, ...], fmt: str, outlet_homes: bool) -> None:
    """Print one line per place named in each document, resolved offline."""
    pipeline = Pipeline.load()
    sources = _sources(paths, False)
    for record in geoparse_documents(pipeline, sources, sys.stdin, _warn, outlet_homes):
        click.echo(json.dumps(record, ensure_ascii=False))


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="The SQLite store to fill.")
@click.option("--demo", is_flag=True, help="Also read the demo corpus shipped with the package.")
@codebook_option
@homes_option(default=False)
def run(
    paths: tuple[str, ...], db: str, demo: bool, codebook: tuple[Path, ...], outlet_homes: bool
) -> None:
    """Extract the events of a corpus and store them (re-running adds nothing)."""
    pipeline = Pipeline.load(codebook)
    progress = _Progress()
    sources = _sources(paths, demo)
    summary = run_corpus(sources, db, pipeline, sys.stdin, progress, outlet_homes)
    progress.close()
    for line in summary.lines():
        click.echo(line, err=True)


class _Progress:
    """A running count of documents on the terminal (nothing when stderr is not a terminal)."""

    EVERY = 25

    def __init__(self) -> None:
        self.count = 0
        self.live = sys.stderr.isatty()

    def __call__(self, item: Document | ConflictlensError) -> None:
        self.count += 1
        if isinstance(item, ConflictlensError):
            click.echo(f"\rskipped {item}", err=True)
        if self.live and self.count % self.EVERY == 0:
            click.echo(f"\rdocuments: {self.count}", err=True, nl=False)

    def close(self) -> None:
        if self.live:
            click.echo(f"\rdocuments: {self.count}", err=True)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--since", help="First day, YYYY-MM-DD or YYYY-MM.")
@click.option("--until", help="Last day, YYYY-MM-DD or YYYY-MM.")
@click.option("--country")
@click.option("--actor", help="Part of an actor name (actor1, actor2 or associated actors).")
@click.option("--type", "event_type", help="An event type or sub-event type.")
@click.option("--limit", type=int)
@click.option("--merged", is_flag=True, help="One row per real-world event, its reports merged.")
def events(
    db: str,
    fmt: str,
    since: str | None,
    until: str | None,
    country: str | None,
    actor: str | None,
    event_type: str | None,
    limit: int | None,
    merged: bool,
) -> None:
    """List the stored events (one per report, or --merged: one per real-world event)."""
    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such store; create it with `conflictlens run`")
    filters = EventFilter(
        since=partial_date(since, "--since"),
        until=partial_date(until, "--until"),
        country=country,
        actor=actor,
        event_type=event_type,
        limit=limit,
    )
    with Store.open(db) as store:
        if merged:
            records = [event.to_record() for event in merged_events(store, filters)]
        else:
            records = store.events(filters)
        _echo(format_records(records, fmt))


@cli.command("eval")
@click.argument("benchmark", required=False)
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--gold", "gold_files", multiple=True, type=click.Path(exists=True, path_type=Path))
@click.option("--articles", multiple=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--limit", type=int, help="Score only this many documents of a shared set.")
@click.option("--floors", type=click.Path(exists=True, path_type=Path), help="Fail below these.")
@click.option(
    "--merge",
    "clusters",
    type=click.Path(exists=True, path_type=Path),
    help="Score cross-document merging of --articles against these gold clusters.",
)
@click.option(
    "--errors",
    "errors_file",
    type=click.Path(path_type=Path),
    help="Also write the cases behind the scores to this file, one JSON line per error.",
)
@codebook_option
@click.option(
    "--outlet-homes/--no-outlet-homes",
    default=None,
    help=_HOMES_HELP + " Default: as the command the set measures (geoparse: on; extract: off).",
)
def evaluate(
    benchmark: str | None,
    path: Path | None,
    gold_files: tuple[Path, ...],
    articles: tuple[Path, ...],
    fmt: str,
    limit: int | None,
    floors: Path | None,
    clusters: Path | None,
    errors_file: Path | None,
    codebook: tuple[Path, ...],
    outlet_homes: bool | None,
) -> None:
    """Score extraction on gold events: --gold FILE --articles PATH, or a shared set
    (BENCHMARK PATH: acled, acled-legacy, gtd, case2021; geoparsing: lgl, geovirus, newsfane,
    hipe). --errors FILE lists what was missed, spurious or wrong, one JSON line each."""
    if errors_file is not None:
        if clusters is not None:
            raise click.UsageError("--errors is not available with --merge")
        check_errors_path(errors_file)
    pipeline = Pipeline.load(codebook)
    if clusters is not None:
        with tempfile.TemporaryDirectory() as folder:
            scores = evaluate_merging(pipeline, clusters, articles, Path(folder) / "merge.db")
        click.echo(json.dumps(scores.to_json(), indent=2) if fmt == "json" else scores.to_table())
        return
    wanted = errors_file is not None
    if benchmark in GEOPARSE_SETS:
        if path is None:
            raise click.UsageError(f"give the path of the {benchmark} file after its name")
        geo = run_geoparse_benchmark(
            benchmark,
            path,
            pipeline.geocoder,
            limit,
            errors=wanted,
            outlet_homes=outlet_homes is not False,
        )
        click.echo(json.dumps(geo.to_json(), indent=2) if fmt == "json" else geo.to_table())
        _write_errors(errors_file, geo.errors, geo.error_kinds)
        return
    extract = HomedExtractor(pipeline) if outlet_homes else pipeline.extract
    if benchmark is not None:
        if path is None:
            raise click.UsageError(f"give the path of the {benchmark} file after its name")
        report = run_benchmark(
            benchmark,
            path,
            extract,
            limit=limit,
            errors=wanted,
            places=pipeline.geocoder.points_named,
            actors=codebook_actor_names(CodebookFiles(codebook)),
        )
    elif gold_files and articles:
        report = evaluate_gold_paths(extract, gold_files, articles, errors=wanted)
    else:
        raise click.UsageError("give --gold FILE and --articles PATH, or BENCHMARK PATH")
    if outlet_homes:
        told = "each document was read with where its outlet writes from (--outlet-homes)"
        report = dataclasses.replace(report, notes=(*report.notes, told))
    click.echo(json.dumps(report.to_json(), indent=2) if fmt == "json" else report.to_table())
    _write_errors(errors_file, report.errors, report.error_kinds)
    failures = check_floors(report, floors) if floors else []
    for failure in failures:
        click.echo(f"below floor: {failure}", err=True)
    if failures:
        sys.exit(1)


def _write_errors(path: Path | None, cases: Sequence[ErrorCase], kinds: Sequence[str]) -> None:
    """Write the error file when one was asked for, and say on stderr what went into it (stdout
    keeps only the scores, so that ``--format json`` stays one JSON document)."""
    if path is not None:
        click.echo(write_errors(path, cases, kinds).line(), err=True)


for command in (*ANALYSIS_COMMANDS, *MERGE_COMMANDS):
    cli.add_command(command)


def main() -> None:
    cli()
