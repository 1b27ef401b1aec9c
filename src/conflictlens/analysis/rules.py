"""Watch rules: named filters with a window and a threshold, read from a YAML file.

A rule file holds ``version: 1`` and a list ``rules``; each rule has a ``name``, a ``kind``, an
optional ``filter`` (see :class:`RecordFilter`) and ``window_days`` (7 by default). Kinds:

``count``      at least ``min_events`` events in the window
``rise``       the window against the one before: at least ``min_percent`` more events (and at
               least ``min_events`` in the window; from none before, reaching ``min_events`` is
               enough)
``near``       at least ``min_events`` events within ``radius_km`` of ``point`` (latitude,
               longitude, optional name) in the window
``new_actor``  an actor (``field``: actor1, actor2 or actor) whose first event is in the window

``example_rules.yaml`` beside this module is a commented example.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Literal, cast, get_args

import yaml

from conflictlens.analysis.filters import RecordFilter
from conflictlens.errors import ConflictlensError

__all__ = ["RULE_KINDS", "Rule", "RuleError", "RuleKind", "example_rules_path", "load_rules"]

RuleKind = Literal["count", "rise", "near", "new_actor"]
RULE_KINDS: tuple[RuleKind, ...] = get_args(RuleKind)
ACTOR_FIELDS = ("actor1", "actor2", "actor")
_KEYS = {
    "count": {"min_events"},
    "rise": {"min_events", "min_percent"},
    "near": {"min_events", "point", "radius_km"},
    "new_actor": {"field"},
}
_COMMON = {"name", "kind", "filter", "window_days"}


class RuleError(ConflictlensError):
    """A rule file that cannot be read or holds a rule that cannot be evaluated."""


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: RuleKind
    record_filter: RecordFilter = field(default_factory=RecordFilter)
    window_days: int = 7
    min_events: int = 1
    min_percent: float = 0.0
    latitude: float = 0.0
    longitude: float = 0.0
    radius_km: float = 0.0
    place: str | None = None
    actor_field: str = "actor1"

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "name": self.name,
            "kind": self.kind,
            "filter": self.record_filter.to_json(),
            "window_days": self.window_days,
        }
        if self.kind in ("count", "rise", "near"):
            data["min_events"] = self.min_events
        if self.kind == "rise":
            data["min_percent"] = self.min_percent
        if self.kind == "near":
            data["point"] = {"latitude": self.latitude, "longitude": self.longitude}
            data["radius_km"] = self.radius_km
        if self.kind == "new_actor":
            data["field"] = self.actor_field
        return data


def example_rules_path() -> Path:
    """The example rule file shipped with the package."""
    return Path(str(resources.files("conflictlens.analysis") / "example_rules.yaml"))


def load_rules(path: str | Path) -> list[Rule]:
    """Read and check every rule of ``path``; raises RuleError naming the file and the rule."""
    path = Path(path)
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: cannot read the rule file ({exc})") from exc
    if not isinstance(content, Mapping) or not isinstance(content.get("rules"), list):
        raise RuleError(f"{path}: a rule file holds a mapping with a list `rules`")
    rules = []
    for index, item in enumerate(content["rules"], start=1):
        try:
            rules.append(_rule(item, f"rule {index}"))
        except ValueError as exc:
            raise RuleError(f"{path}: {exc}") from exc
    names = [rule.name for rule in rules]
    doubled = sorted({name for name in names if names.count(name) > 1})
    if doubled:
        raise RuleError(f"{path}: two rules are named {doubled[0]!r}; give each its own name")
    return rules


def _rule(item: object, where: str) -> Rule:
    if not isinstance(item, Mapping):
        raise ValueError(f"{where}: a rule is a mapping with a name and a kind")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: give the rule a `name`")
    where = f"rule {name!r}"
    kind = item.get("kind")
    if kind not in RULE_KINDS:
        raise ValueError(f"{where}: `kind` is one of {', '.join(RULE_KINDS)}, not {kind!r}")
    unknown = sorted(set(item) - _COMMON - _KEYS[str(kind)])
    if unknown:
        raise ValueError(f"{where}: unknown key {unknown[0]!r} for a {kind} rule")
    raw_filter = item.get("filter") or {}
    if not isinstance(raw_filter, Mapping):
        raise ValueError(f"{where}: `filter` is a mapping of field -> value(s)")
    rule = Rule(
        name=name.strip(),
        kind=cast(RuleKind, kind),
        record_filter=RecordFilter.from_mapping(raw_filter, f"{where} filter"),
        window_days=_whole(item, "window_days", where, 7),
        min_events=_whole(item, "min_events", where, 1),
    )
    return _with_kind_values(rule, item, where)


def _with_kind_values(rule: Rule, item: Mapping[str, object], where: str) -> Rule:
    if rule.kind == "rise":
        return replace(rule, min_percent=_number(item, "min_percent", where, None))
    if rule.kind == "near":
        point = item.get("point")
        if not isinstance(point, Mapping):
            raise ValueError(f"{where}: give `point: {{latitude: .., longitude: ..}}`")
        place = point.get("name")
        return replace(
            rule,
            latitude=_number(point, "latitude", where, None, least=-90, most=90),
            longitude=_number(point, "longitude", where, None, least=-180, most=180),
            radius_km=_number(item, "radius_km", where, None, least=0),
            place=place if isinstance(place, str) else None,
        )
    if rule.kind == "new_actor":
        chosen = item.get("field", "actor1")
        if not isinstance(chosen, str) or chosen not in ACTOR_FIELDS:
            raise ValueError(f"{where}: `field` is one of {', '.join(ACTOR_FIELDS)}")
        return replace(rule, actor_field=chosen)
    return rule


def _number(
    item: Mapping[str, object],
    key: str,
    where: str,
    default: float | None,
    *,
    least: float | None = None,
    most: float | None = None,
) -> float:
    value = item.get(key, default)
    if value is None:
        raise ValueError(f"{where}: give `{key}`")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{where}: `{key}` is a number, not {value!r}")
    if (least is not None and value < least) or (most is not None and value > most):
        raise ValueError(f"{where}: `{key}` is out of range ({value})")
    return float(value)


def _whole(item: Mapping[str, object], key: str, where: str, default: int) -> int:
    value = item.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{where}: `{key}` is a whole number of 1 or more, not {value!r}")
    return value
