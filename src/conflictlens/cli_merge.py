"""Commands about merged events: show one, merge two, split a mention off.

Each parses its arguments, calls one library function of :mod:`conflictlens.merge` and prints;
the main group (``conflictlens.cli``) registers :data:`COMMANDS` and turns library errors into
one clean line.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from conflictlens.merge import explain_event, merge_events, split_mention
from conflictlens.store import Store

__all__ = ["COMMANDS", "merge", "show", "split"]

DEFAULT_DB = "conflictlens.db"
"""The same default store as the other commands (``conflictlens.cli.DEFAULT_DB``)."""

db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, help="The SQLite store to read and update."
)


def _open(db: str) -> Store:
    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such store; create it with `conflictlens run`")
    return Store.open(db)


@click.command()
@click.argument("event_id")
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def show(event_id: str, db: str, fmt: str) -> None:
    """Show a merged event (EVENT_ID, or the id of one of its mentions): its mentions with
    their documents and words, who said what about it, and why each mention was merged."""
    with _open(db) as store:
        explanation = explain_event(store, event_id)
    if fmt == "json":
        click.echo(json.dumps(explanation.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(explanation.to_text())


@click.command()
@click.argument("first")
@click.argument("second")
@db_option
def merge(first: str, second: str, db: str) -> None:
    """Record that events FIRST and SECOND (event or mention ids) are one; kept on re-runs."""
    with _open(db) as store:
        event = merge_events(store, first, second)
    click.echo(f"{first} and {second} are now event {event.event_id} ({event.mentions} mentions)")


@click.command()
@click.argument("event_id")
@click.argument("mention_id")
@db_option
def split(event_id: str, mention_id: str, db: str) -> None:
    """Record that mention MENTION_ID is not part of event EVENT_ID; kept on re-runs."""
    with _open(db) as store:
        outcome = split_mention(store, event_id, mention_id)
    click.echo(f"{mention_id} is now event {outcome.detached.event_id}")
    for event in outcome.remaining:
        click.echo(f"the rest of {event_id}: event {event.event_id} ({event.mentions} mentions)")


COMMANDS: list[click.Command] = [show, merge, split]
