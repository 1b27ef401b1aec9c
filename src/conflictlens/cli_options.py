"""Reading option values shared by the command modules."""

from __future__ import annotations

import click

from conflictlens.model import PartialDate

__all__ = ["partial_date"]


def partial_date(value: str | None, option: str) -> PartialDate | None:
    """``YYYY-MM-DD`` or ``YYYY-MM`` from ``option``, or a clean usage error naming it."""
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from exc
