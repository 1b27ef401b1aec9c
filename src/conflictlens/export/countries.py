"""Country codes and ACLED regions for the ACLED country names the records carry.

Names map to ISO 3166-1 alpha-2 codes through the codebook (codebook/countries.yaml), codes to
alpha-3 and numeric codes through pycountry, and codes to ACLED regions through
``data/regions.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import pycountry
import yaml

from conflictlens.codebook import CodebookFiles

__all__ = ["CountryInfo", "CountryTable"]


@dataclass(frozen=True, slots=True)
class CountryInfo:
    name: str
    iso2: str
    iso3: str | None
    numeric: int | None
    region: str | None


@dataclass(frozen=True, slots=True)
class CountryTable:
    by_name: Mapping[str, CountryInfo] = field(default_factory=dict)
    """Keyed by the casefolded ACLED country name."""

    @classmethod
    def load(cls, codebook: CodebookFiles | None = None) -> CountryTable:
        entries = (codebook or CodebookFiles()).read("countries.yaml").get("countries", [])
        data = _regions_file()
        regions = {
            code: region for region, codes in data.get("regions", {}).items() for code in codes
        }
        codes: Mapping[str, Mapping[str, Any]] = data.get("codes", {})
        table = {}
        for entry in entries:
            iso2, name = str(entry["iso2"]), str(entry["name"])
            table[name.casefold()] = _info(name, iso2, regions.get(iso2), codes.get(iso2, {}))
        return cls(table)

    def get(self, name: str | None) -> CountryInfo | None:
        return self.by_name.get(name.casefold()) if name else None


def _info(name: str, iso2: str, region: str | None, extra: Mapping[str, Any]) -> CountryInfo:
    known = pycountry.countries.get(alpha_2=iso2)
    iso3 = known.alpha_3 if known else extra.get("iso3")
    numeric = int(known.numeric) if known else extra.get("numeric")
    return CountryInfo(name, iso2, iso3, numeric, region)


def _regions_file() -> dict[str, Any]:
    path = resources.files("conflictlens.export") / "data" / "regions.yaml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    return content if isinstance(content, dict) else {}
