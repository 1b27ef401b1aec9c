"""PLOVER records for POLECAT users: event category, mode, actors, location, date, evidence.

Field names follow the PLOVER specification's JSON data fields (``id``, ``date``, ``source``,
``recipient``, ``event``, ``mode``, ``quad_code``, ``event_loc``, ``event_text``, ``text_info``,
``cite_info``, ``coder``); ``evidence`` links back to the words in the stored document
(document id, character offsets, claims) and ``acled`` keeps the ACLED types. As the
specification suggests, one JSON record per line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from conflictlens.analysis.fields import (
    Record,
    event_date,
    event_id,
    evidence_sentence,
    integer,
    real,
    text,
)
from conflictlens.codebook import CodebookFiles
from conflictlens.export.acled import ExportContext
from conflictlens.model import Precision

__all__ = ["PloverMapping", "plover_record", "write_plover"]

_COUNTRY_IN_NAME = re.compile(r"^.+ of (?:the )?(?P<of>[^()]+)$|^.+\((?P<paren>[^()]+)\)$")


@dataclass(frozen=True, slots=True)
class PloverMapping:
    coder: str
    quad_codes: Mapping[str, int]
    sectors: Mapping[int, str]
    sector_names: tuple[tuple[re.Pattern[str], str], ...]
    modes: Mapping[str, str | None]
    """ACLED sub-event type -> PLOVER mode (codebook/taxonomy.yaml)."""

    @classmethod
    def load(cls) -> PloverMapping:
        path = resources.files("conflictlens.export") / "data" / "plover.yaml"
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        taxonomy = CodebookFiles().read("taxonomy.yaml").get("sub_event_types", {})
        return cls(
            coder=str(data["coder"]),
            quad_codes={str(k): int(v) for k, v in data["quad_codes"].items()},
            sectors={int(k): str(v) for k, v in data["sectors"].items()},
            sector_names=tuple(
                (re.compile(item["pattern"]), str(item["sector"])) for item in data["sector_names"]
            ),
            modes={name: entry.get("plover_mode") for name, entry in taxonomy.items()},
        )

    def sector(self, name: str, inter: int | None) -> str | None:
        for pattern, sector in self.sector_names:
            if pattern.search(name):
                return sector
        return self.sectors.get(inter) if inter is not None else None


def write_plover(records: Sequence[Record], out: Path, context: ExportContext) -> int:
    mapping = PloverMapping.load()
    with out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(plover_record(record, context, mapping), ensure_ascii=False))
            handle.write("\n")
    return len(records)


def plover_record(
    record: Record, context: ExportContext, mapping: PloverMapping
) -> dict[str, object]:
    category = text(record, "plover")
    date = event_date(record)
    plover: dict[str, object] = {
        "id": event_id(record),
        "date": date.first_day().isoformat() if date else None,
        "source": _actors(record, ("actor1", "assoc_actor_1"), "inter1", context, mapping),
        "recipient": _actors(record, ("actor2", "assoc_actor_2"), "inter2", context, mapping),
        "event": [category] if category else [],
        "mode": mapping.modes.get(text(record, "sub_event_type") or ""),
        "quad_code": mapping.quad_codes.get(category or ""),
        "event_loc": _location(record, context),
        "event_text": _sentences(record),
        "text_info": _offsets(record),
        "cite_info": {
            "publication": text(record, "source"),
            "corpus": text(record, "doc_id"),
            "coder": mapping.coder,
            "codebook": f"{mapping.coder}-{text(record, 'codebook_version') or 'unknown'}",
        },
        "coder": mapping.coder,
        "size_info": {
            "dead": integer(record, "fatalities"),
            "injured": integer(record, "injuries"),
        },
        "cameo": text(record, "cameo"),
        "acled": {
            "event_type": text(record, "event_type"),
            "sub_event_type": text(record, "sub_event_type"),
        },
        "evidence": _evidence(record),
    }
    if date is not None and date.precision != Precision.DAY:
        plover["enddate"] = date.last_day().isoformat()
    return plover


def _actors(
    record: Record,
    columns: tuple[str, str],
    inter_column: str,
    context: ExportContext,
    mapping: PloverMapping,
) -> list[dict[str, object]]:
    actors = []
    for index, column in enumerate(columns):
        name = text(record, column)
        if name is None:
            continue
        inter = integer(record, inter_column) if index == 0 else None
        actor: dict[str, object] = {"actor_text": name, "sector": mapping.sector(name, inter)}
        country = context.countries.get(_country_in_name(name))
        if country and country.iso3:
            actor["code"] = country.iso3
        actors.append(actor)
    return actors


def _country_in_name(name: str) -> str | None:
    """The country an actor's name carries: "Military Forces of the United States" -> "United
    States", "Civilians (Ukraine)" -> "Ukraine"."""
    found = _COUNTRY_IN_NAME.match(name)
    if found is None:
        return None
    return found.group("of") or found.group("paren")


def _location(record: Record, context: ExportContext) -> dict[str, object] | None:
    name, country_name = text(record, "location"), text(record, "country")
    if name is None and country_name is None:
        return None
    country = context.countries.get(country_name)
    return {
        "name": name,
        "latitude": real(record, "latitude"),
        "longitude": real(record, "longitude"),
        "country code": country.iso2 if country else None,
        "cc3": country.iso3 if country else None,
        "admin1": text(record, "admin1"),
        "country": country_name,
        "geo_precision": integer(record, "geo_precision"),
    }


def _sentences(record: Record) -> list[str]:
    sentence = evidence_sentence(record)
    return [sentence] if sentence else []


def _offsets(record: Record) -> dict[str, object] | None:
    evidence = record.get("evidence")
    if not isinstance(evidence, Mapping):
        return None
    return {"start": evidence.get("start"), "end": evidence.get("end")}


def _evidence(record: Record) -> dict[str, object]:
    evidence = record.get("evidence")
    offsets = evidence if isinstance(evidence, Mapping) else {}
    return {
        "event_id": event_id(record),
        "doc_id": text(record, "doc_id"),
        "sentence": evidence_sentence(record),
        "start": offsets.get("start"),
        "end": offsets.get("end"),
        "claim_status": text(record, "claim_status"),
        "claims": record.get("claims", []),
        "support": record.get("support", {}),
    }
