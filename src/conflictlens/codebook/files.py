"""Finding, reading and merging codebook files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from conflictlens.errors import CodebookError

__all__ = ["CODEBOOK_LANGUAGES", "CodebookFiles"]

CODEBOOK_LANGUAGES = ("fr", "en", "ar", "es", "ru", "uk")


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    if isinstance(base, Mapping) and isinstance(extra, Mapping):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(merged[key], value) if key in merged else value
        return merged
    return extra


@dataclass(frozen=True)
class CodebookFiles:
    """Where codebook files are read from: the shipped folder, then any user folders over it."""

    overrides: tuple[Path, ...] = ()

    @staticmethod
    def shipped_root() -> Path:
        return Path(str(resources.files("conflictlens.codebook")))

    def roots(self) -> Sequence[Path]:
        return (self.shipped_root(), *self.overrides)

    def read(self, relative: str) -> dict[str, Any]:
        """The merged content of ``relative`` (e.g. ``"fr/triggers.yaml"``) over every root.

        A file missing from every root reads as an empty mapping, so a language may lack a part.
        """
        merged: dict[str, Any] = {}
        for root in self.roots():
            path = root / relative
            if path.is_file():
                merged = _merge(merged, self._load(path))
        return merged

    def version(self) -> str:
        """The codebook version stored with every event: the shipped one, plus ``+user``."""
        taxonomy = self._load(self.shipped_root() / "taxonomy.yaml")
        version = str(taxonomy.get("version", "0"))
        return f"{version}+user" if self.overrides else version

    @staticmethod
    def _load(path: Path) -> dict[str, Any]:
        try:
            with path.open(encoding="utf-8") as handle:
                content = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (OSError, yaml.YAMLError) as exc:
            raise CodebookError(
                f"{path}: cannot read codebook file ({exc}); fix or remove it"
            ) from exc
        if content is None:
            return {}
        if not isinstance(content, dict):
            raise CodebookError(f"{path}: a codebook file must hold a mapping at its top level")
        return content
