"""Evaluating watch rules over a store's events: what fired, and the events behind it.

Rules are evaluated as of one day (by default the Sunday ending the week of the latest event
known to the day or week): each rule's window is the ``window_days`` days ending that day, and
events after it are ignored, so re-running an old day gives what would have fired then.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from conflictlens.analysis.fields import (
    Record,
    date_range,
    event_id,
    evidence_sentence,
    point,
    text,
)
from conflictlens.analysis.filters import ACTOR_COLUMNS
from conflictlens.analysis.periods import Period, window_ending
from conflictlens.analysis.rules import Rule, load_rules
from conflictlens.analysis.source import load_records
from conflictlens.analysis.trends import compare_windows, default_until

__all__ = [
    "Alert",
    "AlertReport",
    "distance_km",
    "evaluate_rule",
    "evaluate_rules",
    "run_alerts",
]

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), for great-circle distances."""
SUMMARY_FIELDS = (
    "event_id",
    "event_date",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "country",
    "fatalities",
    "claim_status",
    "source",
)


@dataclass(frozen=True, slots=True)
class Alert:
    """A rule that fired: why, over which window, and the events behind it."""

    rule: Rule
    message: str
    window: Period
    events: tuple[Record, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule.name,
            "kind": self.rule.kind,
            "message": self.message,
            "window": self.window.to_json(),
            "event_ids": [event_id(record) for record in self.events],
            "events": [_summary(record) for record in self.events],
        }


@dataclass(frozen=True, slots=True)
class AlertReport:
    as_of: dt.date | None
    fired: tuple[Alert, ...]
    quiet: tuple[str, ...]
    """Names of the rules that did not fire."""

    def to_json(self) -> dict[str, object]:
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "fired": [alert.to_json() for alert in self.fired],
            "quiet": list(self.quiet),
        }

    def lines(self) -> list[str]:
        lines = [f"as of {self.as_of or '(no dated event)'}: {len(self.fired)} alert(s)"]
        for alert in self.fired:
            lines += ["", f"[{alert.rule.kind}] {alert.rule.name}", f"  {alert.message}"]
            lines += [f"  - {_summary_line(record)}" for record in alert.events]
        if self.quiet:
            lines += ["", f"quiet: {'; '.join(self.quiet)}"]
        return lines


def run_alerts(
    db: str | Path, rules_path: str | Path, until: dt.date | None = None, merged: bool = False
) -> AlertReport:
    """Evaluate the rules of ``rules_path`` over the events of ``db`` (with ``merged``, one per
    real-world event rather than one per report)."""
    rules = load_rules(rules_path)
    return evaluate_rules(rules, load_records(db, merged=merged), until)


def evaluate_rules(
    rules: Sequence[Rule], records: Sequence[Record], as_of: dt.date | None = None
) -> AlertReport:
    as_of = as_of or default_until(records)
    if as_of is None:
        return AlertReport(None, (), tuple(rule.name for rule in rules))
    fired, quiet = [], []
    for rule in rules:
        alert = evaluate_rule(rule, records, as_of)
        if alert is None:
            quiet.append(rule.name)
        else:
            fired.append(alert)
    return AlertReport(as_of, tuple(fired), tuple(quiet))


def evaluate_rule(rule: Rule, records: Sequence[Record], as_of: dt.date) -> Alert | None:
    chosen = rule.record_filter.select(records)
    window = window_ending(as_of, rule.window_days)
    if rule.kind == "rise":
        return _rise(rule, chosen, as_of)
    if rule.kind == "new_actor":
        return _new_actor(rule, chosen, window)
    held = [record for record in chosen if _held(record, window)]
    if rule.kind == "near":
        held = [record for record in held if _within(record, rule)]
    if len(held) < rule.min_events:
        return None
    where = f" within {rule.radius_km:g} km of {_place(rule)}" if rule.kind == "near" else ""
    message = f"{len(held)} event(s){where} from {window.start} to {window.end}"
    return Alert(rule, message, window, tuple(held))


def _rise(rule: Rule, chosen: Sequence[Record], as_of: dt.date) -> Alert | None:
    comparison = compare_windows(chosen, as_of, rule.window_days)
    change = comparison.total
    if change.current.events < rule.min_events:
        return None
    percent = change.percent
    if percent is not None and (change.change <= 0 or percent < rule.min_percent):
        return None
    shown = "from none" if percent is None else f"{percent:+.1f}%"
    message = (
        f"{change.current.events} event(s) from {comparison.current.start} to "
        f"{comparison.current.end} against {change.previous.events} in the {rule.window_days} "
        f"days before ({shown})"
    )
    ids = set(change.current.event_ids)
    events = tuple(record for record in chosen if event_id(record) in ids)
    return Alert(rule, message, comparison.current, events)


def _new_actor(rule: Rule, chosen: Sequence[Record], window: Period) -> Alert | None:
    first_seen: dict[str, dt.date] = {}
    in_window: dict[str, list[Record]] = defaultdict(list)
    for record in chosen:
        span = date_range(record)
        if span is None or span[0] > window.end:
            continue
        for actor in _actors(record, rule.actor_field):
            first_seen[actor] = min(first_seen.get(actor, span[0]), span[0])
            if window.holds(*span):
                in_window[actor].append(record)
    new = sorted(actor for actor, day in first_seen.items() if window.holds(day, day))
    new = [actor for actor in new if in_window[actor]]
    if not new:
        return None
    events = {event_id(record): record for actor in new for record in in_window[actor]}
    message = f"first event(s) from {window.start} to {window.end} by: {'; '.join(new)}"
    return Alert(rule, message, window, tuple(events.values()))


def _actors(record: Record, field: str) -> list[str]:
    columns = ACTOR_COLUMNS if field == "actor" else (field,)
    return [name for column in columns if (name := text(record, column))]


def _held(record: Record, window: Period) -> bool:
    span = date_range(record)
    return span is not None and window.holds(*span)


def _within(record: Record, rule: Rule) -> bool:
    located = point(record)
    if located is None:
        return False
    return distance_km(located, (rule.latitude, rule.longitude)) <= rule.radius_km


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _place(rule: Rule) -> str:
    return rule.place or f"({rule.latitude:g}, {rule.longitude:g})"


def _summary(record: Record) -> dict[str, object]:
    summary = {name: record.get(name) for name in SUMMARY_FIELDS}
    summary["evidence"] = evidence_sentence(record)
    return summary


def _summary_line(record: Record) -> str:
    who = " -> ".join(name for name in (text(record, "actor1"), text(record, "actor2")) if name)
    where = ", ".join(name for name in (text(record, "location"), text(record, "country")) if name)
    return (
        f"{text(record, 'event_date') or '?'}  {text(record, 'sub_event_type') or '?'}  "
        f"{who or '?'}  @ {where or '?'}  [{event_id(record)}]"
    )
