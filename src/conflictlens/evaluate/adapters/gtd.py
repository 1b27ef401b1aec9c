"""Global Terrorism Database incidents: each ``summary`` one document, its row one gold event.

Like ACLED notes, a summary reports one incident: events are scored in ``best`` mode. The gold
event takes the sub-event type that ``mappings.yaml`` gives the GTD attack type, the
perpetrator (``gname``; an unnamed one becomes ``Unidentified Armed Group (<country>)``), the
city, the date, ``nkill``/``nwound`` and the claim (``claimed`` 1 -> claimed, 0 -> reported;
GTD tells only whether a group claimed the attack, so a predicted "confirmed" or "denied" is read
as "reported").
Not stated, so not scored: an ``Unknown`` attack type, an ``Unknown`` city, a claim marked
-9, and a casualty figure GTD spread over several incidents (a fraction).

"gtd_attack_type" scores the attack type on GTD's own classes by mapping the predicted
sub-event type back (``gtd.to_attack_type``): the number comparable with published GTD
attack-type classifiers. Its ceiling, given in the notes, is the share of rows the round trip
GTD class -> sub-event type -> GTD class gets right. Rows are grouped by their source file; a
row repeating an ``eventid`` already read is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from conflictlens.evaluate.adapters.rows import Row, read_jsonl_rows
from conflictlens.evaluate.benchmark import Benchmark
from conflictlens.evaluate.compare import MatchRules
from conflictlens.evaluate.gold import GoldEvent
from conflictlens.evaluate.labels import LabelTask
from conflictlens.evaluate.mappings import GtdMap, Mappings, load_mappings
from conflictlens.model import Document, PartialDate, Precision

__all__ = ["load_gtd"]

_CLAIM_READINGS = (("confirmed", "reported"), ("denied", "reported"))

GTD_FIELDS = (
    "event_type",
    "sub_event_type",
    "actor1",
    "location",
    "date",
    "fatalities",
    "injuries",
    "claim_status",
)
ATTACK_TASK = "gtd_attack_type"
_UNKNOWN = "Unknown"


@dataclass(frozen=True, slots=True)
class _Incident:
    document: Document
    gold: GoldEvent
    attack_type: str | None
    fractional: bool


def _date(row: Row) -> PartialDate | None:
    year, month, day = (row.required(key) for key in ("iyear", "imonth", "iday"))
    if month == "0":
        return None
    if day == "0":
        return PartialDate.of(row.date(year, month, "1"), Precision.MONTH)
    return PartialDate.of(row.date(year, month, day))


def _count(row: Row, key: str) -> tuple[int | None, bool]:
    """(whole count or None, whether GTD gave a fraction)."""
    value = row.number(key)
    if value is None or value < 0:
        return None, False
    return (int(value), False) if value.is_integer() else (None, True)


def _perpetrator(row: Row, gtd: GtdMap) -> str | None:
    name = row.text("gname")
    if name is None or name in gtd.unidentified_perpetrators:
        country = row.text("country_txt")
        return gtd.unidentified_actor.format(country=country) if country else None
    return name


def _sub_event_type(row: Row, gtd: GtdMap) -> str | None:
    rule = gtd.attack_types.get(row.text("attacktype1_txt") or _UNKNOWN)
    if rule is None:
        return None
    return rule.sub_event_type(
        suicide=row.text("suicide") == "1",
        weapon_subtype=row.text("weapsubtype1_txt") or "",
        target_type=row.text("targtype1_txt") or "",
    )


def _stated(row: Row, sub: str | None, counts: dict[str, int | None], date: bool) -> frozenset[str]:
    stated = {"actor1"} | {key for key, value in counts.items() if value is not None}
    stated |= {"event_type", "sub_event_type"} if sub else set()
    stated |= {"event_date"} if date else set()
    stated |= {"location"} if row.text("city") not in (None, _UNKNOWN) else set()
    stated |= {"claim_status"} if row.text("claimed") in ("0", "1") else set()
    return frozenset(stated)


def _gold(row: Row, maps: Mappings, date: PartialDate | None) -> tuple[GoldEvent, bool]:
    sub = _sub_event_type(row, maps.gtd)
    (fatalities, split_kill), (injuries, split_wound) = _count(row, "nkill"), _count(row, "nwound")
    latitude, longitude = row.number("latitude"), row.number("longitude")
    city = row.text("city")
    gold = GoldEvent(
        doc_id=row.required("eventid"),
        event_date=date,
        event_type=maps.sub_event_types.get(sub) if sub else None,
        sub_event_type=sub,
        actor1=_perpetrator(row, maps.gtd),
        country=row.text("country_txt"),
        admin1=row.text("provstate"),
        location=None if city == _UNKNOWN else city,
        latitude=latitude if longitude is not None else None,
        longitude=longitude if latitude is not None else None,
        fatalities=fatalities,
        injuries=injuries,
        claim_status={"1": "claimed", "0": "reported"}.get(row.text("claimed") or ""),
        stated=_stated(row, sub, {"fatalities": fatalities, "injuries": injuries}, bool(date)),
        origin=row.origin,
    )
    return gold, split_kill or split_wound


def _incident(row: Row, maps: Mappings) -> _Incident:
    date = _date(row)
    gold, fractional = _gold(row, maps, date)
    document = Document(
        doc_id=gold.doc_id, text=row.required("text"), published=date, lang="en", origin=row.origin
    )
    attack = row.text("attacktype1_txt")
    return _Incident(
        document, gold, attack if attack in maps.gtd.attack_types else None, fractional
    )


def _ceiling(attacks: dict[str, str], subs: dict[str, str | None], gtd: GtdMap) -> float:
    right = sum(
        1 for doc, attack in attacks.items() if gtd.to_attack_type.get(subs[doc] or "") == attack
    )
    return right / len(attacks) if attacks else 0.0


def load_gtd(path: Path) -> Benchmark:
    """A GTD summaries file (``gtd_summary_*.jsonl``)."""
    maps = load_mappings()
    incidents: dict[str, _Incident] = {}
    groups: dict[str, str] = {}
    repeated = 0
    for row in read_jsonl_rows(path):
        incident = _incident(row, maps)
        if incident.document.doc_id in incidents:
            repeated += 1
            continue
        incidents[incident.document.doc_id] = incident
        groups[incident.document.doc_id] = row.text("source_file") or path.name
    attacks = {doc: i.attack_type for doc, i in incidents.items() if i.attack_type}
    subs = {doc: i.gold.sub_event_type for doc, i in incidents.items()}
    notes = (
        "each summary is compared with the one predicted event that agrees with it best; "
        "a summary's publication date is its incident date, so date accuracy is an upper bound",
        f"{repeated} rows repeating an eventid skipped",
        f"{len(incidents) - len(attacks)} rows of an unknown attack type: sub-event not scored",
        f"{sum(i.fractional for i in incidents.values())} rows with fractional nkill/nwound: "
        "those counts not scored",
        f"{ATTACK_TASK} ceiling of the back-mapping: {_ceiling(attacks, subs, maps.gtd):.3f}",
    )
    return Benchmark(
        name="gtd",
        documents=tuple(i.document for i in incidents.values()),
        gold=tuple(i.gold for i in incidents.values()),
        mode="best",
        rules=MatchRules(unstated_count=0, claim_readings=_CLAIM_READINGS),
        fields=GTD_FIELDS,
        label_tasks=(LabelTask(ATTACK_TASK, attacks, maps.gtd.to_attack_type),),
        groups=groups,
        group_by="file",
        notes=notes,
        own_actor_names=True,
    )
