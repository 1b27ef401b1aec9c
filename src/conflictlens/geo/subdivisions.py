"""Other spellings of provinces: ISO 3166-2 subdivision names (pycountry), matched to GeoNames'.

GeoNames names a province one way ("Atakora", "Oruzgan", "Lowgar"); the news and ISO 3166-2 often
another, the official or common one ("Atacora", "Uruzgān", "Lōgar"). pycountry ships ISO 3166-2
but no GeoNames codes, so each country's top-level subdivisions are matched to its GeoNames
provinces by spelling, generic words aside ("Province", "Region"): see
:func:`subdivision_aliases`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher

from conflictlens.geo.names import key_tokens, skeleton

__all__ = ["MIN_LIKENESS", "subdivision_aliases"]

MIN_LIKENESS = 0.75
"""Likeness (difflib ratio of the folded names) a subdivision needs to be taken for a province:
"uruzgan" ~ "oruzgan" 0.86, "logar" ~ "lowgar" 0.91, "atacora" ~ "atakora" 0.86."""
_VOWELS = str.maketrans("", "", "aeiouyw")


def subdivision_aliases(
    provinces: Mapping[str, str],
    subdivisions: Iterable[str],
    generic: frozenset[str],
    directions: frozenset[str] = frozenset(),
) -> dict[str, list[str]]:
    """Province code -> the subdivision name that spells it otherwise. ``provinces``: one
    country's GeoNames province codes and names; ``generic``: words left out when comparing;
    ``directions``: words two names must share to be one ("East", "Upper").

    A province and a subdivision already named alike take no further part. Of the rest, a
    subdivision is taken for the one province whose consonants it shares, letter for letter
    ("uruzgan" ~ "oruzgan", "atacora" ~ "atakora"), if it is close enough in all and no other
    subdivision shares them: "Shaanxi" is never taken for "Shanxi" (each is named alike), nor
    "East New Britain" for "West New Britain" (their consonants differ)."""
    bare = {_bare(name, generic): name for name in subdivisions if "," not in name}
    keys = {code: _bare(name, generic) for code, name in provinces.items()}
    open_keys = {code: key for code, key in keys.items() if key not in bare}
    open_subs = [key for key in bare if key not in keys.values() and len(key) >= 4]
    shapes = Counter(_consonants(key) for key in open_subs)
    out: dict[str, list[str]] = {}
    for key in open_subs:
        shape = _consonants(key)
        pointing = directions.intersection(key.split())
        matches = [
            code
            for code, own in open_keys.items()
            if _consonants(own) == shape and directions.intersection(own.split()) == pointing
        ]
        if shapes[shape] != 1 or len(matches) != 1:
            continue
        code = matches[0]
        if SequenceMatcher(None, key, open_keys[code]).ratio() >= MIN_LIKENESS:
            out[code] = [_without(bare[key], generic)]
    return out


def _consonants(key: str) -> str:
    return skeleton(key).replace("c", "k").translate(_VOWELS)


def _bare(name: str, generic: frozenset[str]) -> str:
    return " ".join(t for t in key_tokens(name) if t not in generic)


def _without(name: str, generic: frozenset[str]) -> str:
    """The name without its generic words, as written ("Uruzgān Province" -> "Uruzgān")."""
    kept = [word for word in name.split() if word.lower() not in generic]
    return " ".join(kept) or name
