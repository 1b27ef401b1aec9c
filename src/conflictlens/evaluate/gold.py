"""Gold events: what a careful coder records for an article, one JSON object a line.

A gold line uses the field names of :meth:`conflictlens.model.Event.to_record` plus ``required``
(default true). Only ``doc_id`` is mandatory. A field is scored only when the line states it
(``null`` included: ``"fatalities": null`` says no figure is reported, and a prediction of ``None``
is then right); a field left out is not scored. Keys that are not record fields are kept aside in
:attr:`GoldEvent.extra`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from conflictlens.errors import EvalError
from conflictlens.model import PartialDate, Precision

__all__ = [
    "GOLD_KEYS",
    "GoldEvent",
    "gold_from_record",
    "json_lines",
    "json_object",
    "load_gold",
    "parse_gold_line",
]

CLAIM_STATUSES = ("claimed", "confirmed", "denied", "reported")
"""The values of :data:`conflictlens.model.ClaimStatus`."""

GOLD_KEYS = frozenset(
    (
        "doc_id",
        "required",
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "assoc_actor_1",
        "actor2",
        "assoc_actor_2",
        "country",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "weapon",
        "fatalities",
        "injuries",
        "claim_status",
        "claimed_by",
        "reported_by",
        "evidence",
    )
)
"""The keys a gold line may carry; any other key goes to :attr:`GoldEvent.extra`."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event a gold file says an article reports."""

    doc_id: str
    required: bool = True
    event_date: PartialDate | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    weapon: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    claim_status: str | None = None
    claimed_by: str | None = None
    reported_by: str | None = None
    evidence: str | None = None
    stated: frozenset[str] | None = None
    """The record keys the gold states; ``None`` (the default in code) means all of them."""
    extra: Mapping[str, object] = field(default_factory=dict, compare=False)
    origin: str = "<gold>"
    """``file:line`` the event was read from, for messages."""
    named_points: tuple[tuple[float, float], ...] = field(default=(), compare=False)
    """Where the places named like ``location`` lie, when the gold gives no coordinates
    (:func:`conflictlens.evaluate.runner.place_gold_names`): a point near one of them is at
    the gold's place whatever its spelling ("Galkayo", "Gaalkacyo")."""

    def states(self, *keys: str) -> bool:
        """True when the gold states any of ``keys``."""
        return self.stated is None or any(key in self.stated for key in keys)

    @property
    def coordinates(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


def load_gold(path: Path | str) -> list[GoldEvent]:
    """Read a gold JSONL file; blank lines are skipped.

    Raises EvalError naming ``file:line`` and the reason for the first malformed line.
    """
    return [gold_from_record(data, origin) for origin, data in json_lines(path, "gold file")]


def parse_gold_line(line: str, origin: str) -> GoldEvent:
    return gold_from_record(json_object(line, origin), origin)


def json_lines(path: Path | str, what: str) -> list[tuple[str, dict[str, object]]]:
    """The JSON objects of a JSONL file with their ``file:line``; blank lines are skipped."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{source}: cannot read the {what} ({exc})") from exc
    return [
        (origin, json_object(line, origin))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
        for origin in [f"{source}:{number}"]
    ]


def json_object(line: str, origin: str) -> dict[str, object]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{origin}: not a JSON object ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise EvalError(f"{origin}: a gold line must be a JSON object, not {type(data).__name__}")
    return data


def gold_from_record(data: Mapping[str, object], origin: str) -> GoldEvent:
    """Check and type one gold record (the parsed JSON object of a line)."""
    read = _Reader(data, origin)
    doc_id = read.text("doc_id")
    if not doc_id:
        raise EvalError(f"{origin}: doc_id is missing or empty")
    latitude, longitude = _coordinates(read)
    return GoldEvent(
        doc_id=doc_id,
        required=read.flag("required", default=True),
        event_date=_event_date(read),
        event_type=read.text("event_type"),
        sub_event_type=read.text("sub_event_type"),
        actor1=read.text("actor1"),
        assoc_actor_1=read.text("assoc_actor_1"),
        actor2=read.text("actor2"),
        assoc_actor_2=read.text("assoc_actor_2"),
        country=read.text("country"),
        admin1=read.text("admin1"),
        location=read.text("location"),
        latitude=latitude,
        longitude=longitude,
        geo_precision=read.count("geo_precision"),
        weapon=read.text("weapon"),
        fatalities=read.count("fatalities"),
        injuries=read.count("injuries"),
        claim_status=_claim_status(read),
        claimed_by=read.text("claimed_by"),
        reported_by=read.text("reported_by"),
        evidence=read.text("evidence"),
        stated=_stated(data),
        extra={key: value for key, value in data.items() if key not in GOLD_KEYS},
        origin=origin,
    )


def _stated(data: Mapping[str, object]) -> frozenset[str]:
    """The keys the line states. A null claim_status states nothing: every event has a status."""
    return frozenset(
        key
        for key, value in data.items()
        if key in GOLD_KEYS and not (key == "claim_status" and value is None)
    )


@dataclass(frozen=True, slots=True)
class _Reader:
    data: Mapping[str, object]
    origin: str

    def fail(self, key: str, expected: str) -> EvalError:
        return EvalError(f"{self.origin}: {key} must be {expected}, not {self.data[key]!r}")

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(key, "a string or null")
        return value.strip() or None

    def flag(self, key: str, *, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "true or false")
        return value

    def count(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(key, "a whole number >= 0 or null")
        return value

    def number(self, key: str, limit: float) -> float | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > limit:
            raise self.fail(key, f"a number between -{limit:g} and {limit:g} or null")
        return float(value)


def _coordinates(reader: _Reader) -> tuple[float | None, float | None]:
    latitude = reader.number("latitude", 90.0)
    longitude = reader.number("longitude", 180.0)
    if (latitude is None) != (longitude is None):
        raise EvalError(f"{reader.origin}: latitude and longitude must be given together")
    return latitude, longitude


def _claim_status(reader: _Reader) -> str | None:
    status = reader.text("claim_status")
    if status is not None and status not in CLAIM_STATUSES:
        expected = ", ".join(CLAIM_STATUSES)
        raise EvalError(f"{reader.origin}: claim_status must be one of {expected}, not {status!r}")
    return status


def _event_date(reader: _Reader) -> PartialDate | None:
    text = reader.text("event_date")
    precision = reader.count("time_precision")
    if precision is not None and precision not in {int(p) for p in Precision}:
        raise reader.fail("time_precision", "1 (day), 2 (week) or 3 (month)")
    if text is None:
        return None
    try:
        date = PartialDate.parse(text)
    except ValueError as exc:
        raise EvalError(f"{reader.origin}: event_date: {exc}") from exc
    return _with_precision(date, precision, reader.origin)


def _with_precision(date: PartialDate, precision: int | None, origin: str) -> PartialDate:
    if precision is None or precision == date.precision:
        return date
    if date.precision == Precision.MONTH:
        raise EvalError(
            f"{origin}: event_date {date.iso()} gives only the month but time_precision is "
            f"{precision}; write the day or set time_precision to 3"
        )
    return PartialDate.of(date.date, Precision(precision))
