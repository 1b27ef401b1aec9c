"""The ``notes`` column of the ACLED export: a short description of the event in ACLED's manner.

The wording is data (``data/notes.yaml``): date phrases, how actor names read in a sentence,
one template per sub-event type, weapon phrases, and the claim and fatality sentences.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from conflictlens.analysis.fields import Record, event_date, integer, text
from conflictlens.errors import ConflictlensError

__all__ = ["NoteWriter"]


@dataclass(frozen=True, slots=True)
class NoteWriter:
    templates: Mapping[str, Any]
    actor_forms: tuple[tuple[re.Pattern[str], str], ...]

    @classmethod
    def load(cls) -> NoteWriter:
        path = resources.files("conflictlens.export") / "data" / "notes.yaml"
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(content, dict):
            raise ConflictlensError(f"{path}: the notes templates must be a mapping")
        forms = tuple((re.compile(f["pattern"]), str(f["phrase"])) for f in content["actors"])
        return cls(content, forms)

    def note(self, record: Record) -> str:
        """``On 24 October 2023, the Islamic Resistance in Iraq targeted ... 2 fatalities ...``."""
        sentence = f"{self._date(record)}, {self._clause(record)}."
        extras = [self._claim(record), self._fatalities(record)]
        return " ".join([sentence[0].upper() + sentence[1:], *[e for e in extras if e]])

    def actor(self, name: str) -> str:
        for pattern, phrase in self.actor_forms:
            found = pattern.fullmatch(name)
            if found:
                return phrase.format(found.group(0), *found.groups())
        return name

    def _date(self, record: Record) -> str:
        date = event_date(record)
        if date is None:
            return "On an unknown date"
        month = self.templates["months"][date.month - 1]
        template = str(self.templates["dates"][int(date.precision)])
        return template.format(day=date.day, month=month, year=date.year)

    def _clause(self, record: Record) -> str:
        sub_types: Mapping[str, Mapping[str, str]] = self.templates["sub_event_types"]
        sub_type = text(record, "sub_event_type") or ""
        template = sub_types.get(sub_type, sub_types["default"])
        actor1, actor2 = text(record, "actor1"), text(record, "actor2")
        weapon = text(record, "weapon")
        return template["with_target" if actor2 else "alone"].format(
            actor1=self.actor(actor1) if actor1 else self.templates["unknown_actor"],
            actor2=self.actor(actor2) if actor2 else "",
            place=self._place(record),
            at=self._at(record),
            weapon=self.templates["weapons"].get(weapon) if weapon else template.get("weapon", ""),
        )

    def _place(self, record: Record) -> str:
        location, admin1, country = (text(record, n) for n in ("location", "admin1", "country"))
        around = [part for part in (admin1, country) if part and part != location]
        head = location or (around.pop(0) if around else None)
        if head is None:
            return str(self.templates["place"]["nowhere"])
        return f"{head} ({', '.join(around)})" if around else head

    @staticmethod
    def _at(record: Record) -> str:
        location = text(record, "location")
        exact = integer(record, "geo_precision") == 1
        broad = location in (text(record, "country"), text(record, "admin1"))
        return "at" if exact and location and not broad else "in"

    def _claim(self, record: Record) -> str | None:
        status = text(record, "claim_status")
        by = text(record, "claimed_by" if status == "claimed" else "reported_by")
        if status not in ("claimed", "confirmed", "denied") or by is None:
            return None
        phrase = self.actor(by)
        return str(self.templates[status]).format(by=phrase[0].upper() + phrase[1:])

    def _fatalities(self, record: Record) -> str:
        count = integer(record, "fatalities")
        sentences: Mapping[str, str] = self.templates["fatalities"]
        if count is None:
            return sentences["unknown"]
        key = "none" if count == 0 else "one" if count == 1 else "some"
        return sentences[key].format(n=count)
