"""The label maps of ``mappings.yaml``, read into typed records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from conflictlens.errors import EvalError

__all__ = ["AcledMap", "AttackRule", "GtdMap", "Mappings", "load_mappings"]


@dataclass(frozen=True, slots=True)
class AttackRule:
    """How one GTD attack type becomes an ACLED sub-event type."""

    default: str
    suicide: str | None = None
    by_weapon_subtype: Mapping[str, str] = field(default_factory=dict)
    by_target_type: Mapping[str, str] = field(default_factory=dict)

    def sub_event_type(self, *, suicide: bool, weapon_subtype: str, target_type: str) -> str:
        if suicide and self.suicide:
            return self.suicide
        if weapon_subtype in self.by_weapon_subtype:
            return self.by_weapon_subtype[weapon_subtype]
        return self.by_target_type.get(target_type, self.default)


@dataclass(frozen=True, slots=True)
class GtdMap:
    attack_types: Mapping[str, AttackRule]
    to_attack_type: Mapping[str, str]
    unidentified_perpetrators: frozenset[str]
    unidentified_actor: str


@dataclass(frozen=True, slots=True)
class AcledMap:
    legacy_schema_prefix: str
    date_formats: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mappings:
    sub_event_types: Mapping[str, str]
    """ACLED sub_event_type -> event_type."""
    acled: AcledMap
    gtd: GtdMap
    case2021: Mapping[str, str | None]
    """CASE 2021 code -> ACLED sub_event_type, or None for a type outside ACLED's taxonomy."""


def _shipped_path() -> Path:
    return Path(str(resources.files("conflictlens.evaluate").joinpath("mappings.yaml")))


def load_mappings(path: Path | None = None) -> Mappings:
    """Read ``mappings.yaml`` (the shipped one unless ``path`` is given)."""
    source = path or _shipped_path()
    try:
        with source.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        return _mappings(data)
    except (OSError, yaml.YAMLError) as exc:
        raise EvalError(f"{source}: cannot read the evaluation mappings ({exc})") from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise EvalError(f"{source}: malformed evaluation mappings ({exc!r})") from exc


def _strings(data: Any) -> dict[str, str]:
    return {str(key): str(value) for key, value in (data or {}).items()}


def _mappings(data: Any) -> Mappings:
    return Mappings(
        sub_event_types=_strings(data["sub_event_types"]),
        acled=AcledMap(
            legacy_schema_prefix=str(data["acled"]["legacy_schema_prefix"]),
            date_formats=tuple(str(fmt) for fmt in data["acled"]["date_formats"]),
        ),
        gtd=_gtd(data["gtd"]),
        case2021={
            str(code): None if label is None else str(label)
            for code, label in data["case2021"]["labels"].items()
        },
    )


def _gtd(data: Any) -> GtdMap:
    rules = {
        str(name): AttackRule(
            default=str(rule["default"]),
            suicide=None if rule.get("suicide") is None else str(rule["suicide"]),
            by_weapon_subtype=_strings(rule.get("by_weapon_subtype")),
            by_target_type=_strings(rule.get("by_target_type")),
        )
        for name, rule in data["attack_types"].items()
    }
    return GtdMap(
        attack_types=rules,
        to_attack_type=_strings(data["to_attack_type"]),
        unidentified_perpetrators=frozenset(str(n) for n in data["unidentified_perpetrators"]),
        unidentified_actor=str(data["unidentified_actor"]),
    )
