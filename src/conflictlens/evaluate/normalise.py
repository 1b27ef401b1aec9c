"""How names are made comparable, and how far apart two points are.

Actor names (:func:`actor_key`) compare at the level of the force or group, ACLED style:

1. a short acronym prefix is dropped: ``"JNIM: Group for Support of Islam and Muslims"`` ->
   ``"Group for Support of Islam and Muslims"`` (at most three words before ``": "``);
2. a regime period and the unit or faction label after it are dropped:
   ``"Police Forces of Burkina Faso (2015-) Gendarmerie"`` -> ``"Police Forces of Burkina Faso"``
   (``(YYYY-)`` or ``(YYYY-YYYY)``);
3. a sub-label after ``" - "`` is dropped: ``"Taliban - Red Unit"`` -> ``"Taliban"``;
4. a trailing acronym in brackets is dropped: ``"Tehrik-i-Taliban Pakistan (TTP)"``; a
   bracketed country or qualifier is kept: ``"Protesters (India)"``;
5. case, accents and punctuation are folded: ``"Al-Shabaab"`` equals ``"al shabaab"``.

There is no alias table here: ``"Maoists"`` does not equal ``"Communist Party of India (Maoist)"``.
A set that names groups its own way (GTD) is read through the codebook's aliases first
(:mod:`conflictlens.evaluate.actor_names`).

Place names (:func:`place_key`) fold case, accents and punctuation and drop a leading Arabic
article: ``"Al-Shaddadi"`` equals ``"Shaddadi"``.
"""

from __future__ import annotations

import math
import re

from conflictlens.text.fold import fold

__all__ = ["actor_key", "km_between", "label_key", "place_key"]

_PREFIX = re.compile(r"^([^:]{1,40}):\s+(?=\S)")
_REGIME = re.compile(r"\s*\(\s*(?:1[89]|20)\d\d\s*-\s*(?:(?:1[89]|20)\d\d\s*)?\).*$")
_SUBLABEL = re.compile(r"\s+[-\u2013\u2014]\s+.*$")
_ACRONYM = re.compile(r"\s*\(\s*[A-Z0-9][A-Z0-9&.\- ]*\)\s*$")
_NOT_WORD = re.compile(r"[\W_]+")
_ARTICLE = re.compile(r"^(?:al|el)\s+(?=\S)")
EARTH_RADIUS_KM = 6371.0088


def _words(text: str) -> str:
    return _NOT_WORD.sub(" ", fold(text)).strip()


def actor_key(name: str | None) -> str:
    """The comparable form of an actor name; ``""`` for none."""
    if not name:
        return ""
    text = name.strip()
    prefix = _PREFIX.match(text)
    if prefix and len(prefix.group(1).split()) <= 3:
        text = text[prefix.end() :]
    text = _ACRONYM.sub("", _SUBLABEL.sub("", _REGIME.sub("", text)))
    return _words(text)


def place_key(name: str | None) -> str:
    """The comparable form of a place name; ``""`` for none."""
    if not name:
        return ""
    return _ARTICLE.sub("", _words(name))


def label_key(label: str | None) -> str:
    """The comparable form of a category label (event type, weapon): folded, trimmed."""
    return " ".join(fold(label).split()) if label else ""


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
