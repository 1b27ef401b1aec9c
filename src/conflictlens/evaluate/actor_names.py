"""Gold actors read through the codebook's aliases.

A gold set may name a group its own way: GTD writes "Tehrik-i-Taliban Pakistan (TTP)" where the
codebook, like ACLED, writes "TTP: Tehreek-i-Taliban Pakistan". When a gold actor's name
(compared as :func:`~conflictlens.evaluate.normalise.actor_key` compares names) is an alias of
exactly one codebook actor, the gold is read as naming that actor; the report's notes say how
many were.
"""

from __future__ import annotations

from collections.abc import Callable

from conflictlens.codebook.files import CodebookFiles
from conflictlens.evaluate.normalise import actor_key

__all__ = ["ActorNames", "codebook_actor_names"]

ActorNames = Callable[[str], str | None]
"""The codebook's name of the actor a name is an alias of, or None."""


def codebook_actor_names(files: CodebookFiles) -> ActorNames:
    """:data:`ActorNames` over the named actors of ``files`` (actors.yaml)."""
    table: dict[str, str | None] = {}
    for actor in files.read("actors.yaml").get("actors", []):
        name = str(actor["name"])
        for alias in (name, *actor.get("aliases", [])):
            key = actor_key(str(alias))
            if key:
                # A key two actors share names neither.
                table[key] = name if table.get(key, name) == name else None

    def canonical(name: str) -> str | None:
        return table.get(actor_key(name))

    return canonical
