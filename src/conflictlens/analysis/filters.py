"""Which events to count: a filter on the fields analysts slice by.

Within one field the values given are alternatives (``country: [Iraq, Syria]``); across fields
every criterion must hold. Names compare without regard to case; actor criteria match a part of
the name ("United States" matches "Military Forces of the United States"), every other field
matches whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

from conflictlens.analysis.fields import Record, date_range, text
from conflictlens.model import PartialDate

__all__ = ["FILTER_FIELDS", "RecordFilter"]

FILTER_FIELDS = (
    "country",
    "admin1",
    "location",
    "actor",
    "actor1",
    "actor2",
    "event_type",
    "weapon",
    "claim_status",
)
"""The criteria a filter may hold besides its dates, as written in rule files."""

ACTOR_COLUMNS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")


@dataclass(frozen=True, slots=True)
class RecordFilter:
    """Every criterion given must hold; an empty filter keeps every event."""

    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    """A part of the name of actor1, actor2 or an associated actor."""
    actor1: tuple[str, ...] = ()
    """A part of the name of the actor who did it."""
    actor2: tuple[str, ...] = ()
    """A part of the name of the actor it was done to."""
    event_type: tuple[str, ...] = ()
    """An ACLED event type or sub-event type, whole."""
    weapon: tuple[str, ...] = ()
    claim_status: tuple[str, ...] = ()
    since: PartialDate | None = None
    """Events that may have happened on or after this day (or month), as ``events --since``."""
    until: PartialDate | None = None
    """Events that may have happened on or before this day (or month)."""

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], where: str = "filter") -> RecordFilter:
        """Read a filter as written in a rule file; a single value stands for a list of one.

        Raises ValueError naming ``where`` and the offending key or value.
        """
        unknown = sorted(set(data) - {*FILTER_FIELDS, "since", "until"})
        if unknown:
            raise ValueError(
                f"{where}: unknown key {unknown[0]!r}; use {', '.join(FILTER_FIELDS)}, since, until"
            )

        def names(key: str) -> tuple[str, ...]:
            return _strings(data[key], f"{where}.{key}") if key in data else ()

        return cls(
            country=names("country"),
            admin1=names("admin1"),
            location=names("location"),
            actor=names("actor"),
            actor1=names("actor1"),
            actor2=names("actor2"),
            event_type=names("event_type"),
            weapon=names("weapon"),
            claim_status=names("claim_status"),
            since=_date(data.get("since"), f"{where}.since"),
            until=_date(data.get("until"), f"{where}.until"),
        )

    def matches(self, record: Record) -> bool:
        return self._dates_match(record) and all(
            self._field_matches(record, name) for name in FILTER_FIELDS
        )

    def select(self, records: Iterable[Record]) -> list[Record]:
        return [record for record in records if self.matches(record)]

    def to_json(self) -> dict[str, object]:
        """The criteria given, as a rule file would write them."""
        given: dict[str, object] = {
            f.name: list(getattr(self, f.name)) for f in fields(self) if f.name in FILTER_FIELDS
        }
        given = {name: value for name, value in given.items() if value}
        given.update(
            {name: str(value) for name in ("since", "until") if (value := getattr(self, name))}
        )
        return given

    def describe(self) -> str:
        """One line for a heading: ``country = Iraq | Syria; actor2 ~ Military Forces of ...``."""
        parts = []
        for name, value in self.to_json().items():
            shown = " | ".join(value) if isinstance(value, list) else str(value)
            operator = "~" if name.startswith("actor") else "="
            parts.append(f"{name} {operator} {shown}")
        return "; ".join(parts) or "all events"

    def _field_matches(self, record: Record, name: str) -> bool:
        wanted: tuple[str, ...] = getattr(self, name)
        if not wanted:
            return True
        folded = [value.casefold() for value in wanted]
        if name == "actor":
            return any(_contains(text(record, column), folded) for column in ACTOR_COLUMNS)
        if name in ("actor1", "actor2"):
            return _contains(text(record, name), folded)
        if name == "event_type":
            return _equals(text(record, "event_type"), folded) or _equals(
                text(record, "sub_event_type"), folded
            )
        return _equals(text(record, name), folded)

    def _dates_match(self, record: Record) -> bool:
        if self.since is None and self.until is None:
            return True
        span = date_range(record)
        if span is None:
            return False
        first, last = span
        return (self.since is None or last >= self.since.first_day()) and (
            self.until is None or first <= self.until.last_day()
        )


def _contains(value: str | None, folded: list[str]) -> bool:
    return value is not None and any(part in value.casefold() for part in folded)


def _equals(value: str | None, folded: list[str]) -> bool:
    return value is not None and value.casefold() in folded


def _strings(value: object, where: str) -> tuple[str, ...]:
    items = value if isinstance(value, list | tuple) else [value]
    if not items or not all(isinstance(item, str) and item.strip() for item in items):
        raise ValueError(f"{where}: give a name or a list of names, not {value!r}")
    return tuple(str(item).strip() for item in items)


def _date(value: object, where: str) -> PartialDate | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return PartialDate.of(value)
    try:
        return PartialDate.parse(str(value))
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from exc
