"""The words around a place name: relation cues (near / region), town cues, demonyms.

Cue phrases come from ``cues.yaml`` and demonyms from ``countries.yaml``; every language's cues are
used on every document (a mislabelled language costs nothing, and the phrases do not collide).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal, NamedTuple

from conflictlens.geo.datafiles import CountryEntry
from conflictlens.text.fold import fold
from conflictlens.text.match import Match, PhraseMatcher

__all__ = ["Cues", "Surroundings", "word_after"]

Relation = Literal["at", "near", "region"]

_SEPARATORS = re.compile(r"[\s'\-,«»\"()\[\]]+")
_IRREGULAR = re.compile(r"[^\S ]|  |['\-,«»\"()\[\]]")
"""A separator ``_SEPARATORS`` would change: any but a single space."""
_LAST_BOUNDARY = re.compile(r".*[.!?;:\n؟؛]", re.DOTALL)
"""Everything up to the last sentence boundary (the expression is greedy)."""
_WINDOW = 56
_HINT_BEFORE = 45
_HINT_AFTER = 12
_SEAT_WINDOW = 24
"""Characters before a name read for a government word ("правительства ", "gouvernement de ")."""
_NAME = r"[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){0,3}"
"""A capitalised name of up to four words, in a list."""
_LIST_SEPARATOR = r"(?:,? (?:and|or|&) |, )"
_CLITIC_LETTERS = frozenset("وفبل")
"""Arabic one-letter clitics that may stick to a cue word (وريف دير الزور)."""
_CLITICS = f"[{''.join(sorted(_CLITIC_LETTERS))}]{{0,2}}"


def _normal(phrase: str) -> str:
    return _squash(fold(phrase))


def _squash(folded: str) -> str:
    """Folded text with its separators made single spaces (as cue phrases are stored)."""
    if _IRREGULAR.search(folded) is None:
        return folded.strip(" ")  # most windows: words and single spaces only
    return _SEPARATORS.sub(" ", folded).strip()


def _phrases(raw: Any) -> list[str]:
    """Phrases of a cue list given per language ({lang: [...]}) or as one list."""
    if isinstance(raw, Mapping):
        return [p for values in raw.values() for p in _phrases(values)]
    if isinstance(raw, list):
        return [_normal(str(p)) for p in raw if str(p).strip()]
    return []


def _alternation(phrases: Iterable[str]) -> str:
    unique = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p) for p in unique if p) or "(?!x)x"


class Surroundings(NamedTuple):
    """What the words next to one name say about it (a named tuple: made for every name, and
    five times faster to make than a frozen dataclass)."""

    relation: Relation
    end: int
    """The name's end, moved past a trailing province word ("Anbar province")."""
    province: bool
    """A province word stands before or after the name."""
    town: bool
    """A town word stands before the name ("la ville de", "مدينة")."""


class Cues:
    def __init__(self, cues: Mapping[str, Any], countries: Mapping[str, CountryEntry]) -> None:
        connectors = _alternation(_phrases(cues.get("connectors")))
        modifiers = _alternation(_phrases(cues.get("modifiers")))
        towns = _alternation(_phrases(cues.get("city")))
        heads = [
            *_phrases(cues.get("near")),
            *_phrases(cues.get("region")),
            *_phrases(cues.get("city")),
        ]
        self._heads = frozenset(phrase.split(" ")[0] for phrase in heads)
        """First words of the relation and town cues: one must be among a window's last words."""
        self._cue_words = frozenset(
            word
            for kind in ("near", "region", "city", "modifiers", "connectors")
            for phrase in _phrases(cues.get(kind))
            for word in phrase.split(" ")
        )
        """Every word of the cues the expressions read before a name."""
        town = f"(?: (?:{towns})(?: \\w+)?(?: (?:{connectors}))*)?"
        tail = f"(?: (?:{modifiers}))?(?: (?:{connectors}))*{town}$"
        head = f"(?:^| ){_CLITICS}"
        near = _alternation(_phrases(cues.get("near")))
        region = _alternation(_phrases(cues.get("region")))
        self._relation = re.compile(f"{head}(?:(?P<near>{near})|(?P<region>{region})){tail}")
        self._town = re.compile(f"{head}(?:{towns})(?: \\w+)?(?: (?:{connectors}))*$")
        after = _alternation(_phrases(cues.get("region_after")))
        self._after = re.compile(f"[ \\-]+(?:{after})(?!\\w)")
        kinds = _alternation([*_phrases(cues.get("city")), *_phrases(cues.get("region"))])
        self._gap = re.compile(f"^(?:(?:{kinds}) ?)?(?:(?:{connectors}) ?)*$")
        self.not_after = frozenset(_phrases(cues.get("not_after")))
        """Words after a name that make it part of something else ("County", "Street")."""
        self.site_after = frozenset(_phrases(cues.get("site_after")))
        """Words after a town's name that make it name a site there ("Garissa University")."""
        self.city_district = _city_district(cues.get("city_district") or {})
        """A district of a city right after a province adjective ("Київському районі міста")."""
        self.town_after = frozenset(_phrases(cues.get("town_after")))
        """Words after a name that make it a town, not a country ("a Lebanon woman")."""
        self.goes_on_with = frozenset(_phrases(cues.get("goes_on_with")))
        """Capitalised words after a name that leave it a name of its own ("Nyeri Town")."""
        units = cues.get("not_after_list") or {}
        self._singular = {_normal(str(k)): str(v) for k, v in units.items()}
        """The singular that names one unit of a list of US counties, to find its states."""
        plurals = list(self._singular)
        self._plurals = tuple(sorted(plurals))
        self._list = re.compile(
            f"(?:{_NAME}{_LIST_SEPARATOR})*{_NAME} (?i:{_alternation(plurals)})(?!\\w)"
        )
        self.list_words = frozenset(_phrases(cues.get("list_words")))
        """Words joining the names of a list besides commas ("and", "ou", "و")."""
        self.not_before = frozenset(_phrases(cues.get("not_before")))
        """Words before a name that make it part of something else ("rue", "улица")."""
        self.person_after = frozenset(_phrases(cues.get("person_after")))
        """Words after a GeoNames name that make it a person's or body's ("said", "Police")."""
        self.person_before = frozenset(_phrases(cues.get("person_before")))
        """Words before a GeoNames name that make it a person's ("Mr.", "Sheriff")."""
        self.ambiguous_after = frozenset(_phrases(cues.get("ambiguous_after")))
        """Prepositions after which a name that is also a word is the place ("in Chad")."""
        self.place_before = frozenset(_phrases(cues.get("place_before")))
        """Prepositions after which a name is a place, whatever follows it ("to Djibo said")."""
        self._seat_after = frozenset(_phrases(cues.get("seat_after")))
        seats = _alternation(_phrases(cues.get("seat_before")))
        self._seat_before = re.compile(f"(?:^| ){_CLITICS}(?:{seats}) ?$")
        self._demonyms = PhraseMatcher(
            (pattern, iso) for iso, entry in countries.items() for pattern in entry.demonyms
        )

    def lists(self, text: str, folded: str) -> list[tuple[int, int, str]]:
        """Lists of names a plural word closes, which makes each name part of something else:
        "Jackson and Barrow counties", "Clay, Douglas and Grant counties". Each is (start, end,
        the word that names one unit, "county", or "" when the units are no US counties)."""
        if not any(plural in folded for plural in self._plurals):
            return []
        out = []
        for match in self._list.finditer(text):
            plural = match.group().rsplit(" ", 1)[1].lower()
            out.append((match.start(), match.end(), self._singular.get(plural, "")))
        return out

    def demonyms(self, text: str, folded: str) -> list[Match[str]]:
        """Every demonym ("syrienne", "Iraqi", "السوري") with its country's ISO code."""
        return self._demonyms.find(text, folded)

    def around(self, folded: str, start: int, end: int) -> Surroundings:
        window = _squash(_clause_before(folded, start))
        after = self._after.match(folded, end)
        # Both expressions are tried only where a cue may open (most windows have none): the
        # first place one matches is where a search would have found it.
        opens = self._openings(window) if window else []
        cue = town = None
        if opens:
            cue = next((m for at in opens if (m := self._relation.match(window, at))), None)
            town = next((m for at in opens if (m := self._town.match(window, at))), None)
        near = cue is not None and cue.group("near") is not None
        province = after is not None or (cue is not None and not near)
        relation: Relation = "near" if near else "region" if province else "at"
        return Surroundings(
            relation, after.end() if after is not None else end, province, town is not None
        )

    def _openings(self, window: str) -> list[int]:
        """Where in ``window`` a relation or town cue may open (its space, or 0), first first.

        Both expressions read, back from the window's end, only cue words and at most one other
        word (the one a town word may take, "la ville frontalière de"), and open at the first
        word of a cue (clitics aside): only such words, in that stretch, are tried."""
        heads, words = self._heads, self._cue_words
        out: list[int] = []
        other = False
        end = len(window)
        while end > 0:
            space = window.rfind(" ", 0, end)
            word = window[space + 1 : end]
            end = space
            if word[:1] in _CLITIC_LETTERS:
                forms = _without_clitics(word)
                head, cue = not heads.isdisjoint(forms), not words.isdisjoint(forms)
            else:
                head, cue = word in heads, word in words
            if head:
                out.append(space if space > 0 else 0)
            elif not cue:
                if other:
                    break
                other = True
        out.reverse()
        return out

    def seat(self, folded: str, start: int, end: int) -> bool:
        """The name stands for the government seated there ("the Kabul government", "le régime
        de Damas", "حكومة بغداد"): ``seat_after`` / ``seat_before`` of cues.yaml."""
        if word_after(folded, end) in self._seat_after:
            return True
        window = _squash(folded[max(0, start - _SEAT_WINDOW) : start])
        return bool(window) and self._seat_before.search(window) is not None

    def hint(self, demonyms: list[Match[str]], folded: str, start: int, end: int) -> str | None:
        """The country of a demonym qualifying a name: "la ville syrienne d'Al-Hasakah", "the
        Syrian city of Hasakah", "مدينة الحسكة السورية" (not "a Russian strike on Kherson")."""
        for found in demonyms:
            if start - _HINT_BEFORE <= found.start and found.end <= start:
                gap = folded[found.end : start]
            elif end <= found.start <= end + _HINT_AFTER and _is_arabic(folded[found.start]):
                gap = folded[end : found.start]
            else:
                continue
            if self._gap.match(_squash(gap)):
                return found.payload
        return None


def word_after(folded: str, end: int) -> str:
    """The word after a name, without punctuation or a possessive ("County's" is "county")."""
    if folded[end : end + 1] != " ":
        return ""
    word = folded[end + 1 : end + 20].split(" ", 1)[0].strip(".,;:'\"")
    return word.removesuffix("'s")


def _city_district(raw: Mapping[str, Any]) -> re.Pattern[str] | None:
    """ " район* міста" read after a name: ``district`` and ``of_the_city`` words of cues.yaml."""
    district, city = _phrases(raw.get("district")), _phrases(raw.get("of_the_city"))
    if not district or not city:
        return None
    return re.compile(f" (?:{_alternation(district)}) (?:{_alternation(city)})(?!\\w)")


def _without_clitics(word: str) -> tuple[str, ...]:
    """The word, then without the one or two Arabic clitics a cue may carry (وريف, فبمحيط)."""
    if word[:1] not in _CLITIC_LETTERS:
        return (word,)
    if word[1:2] not in _CLITIC_LETTERS:
        return (word, word[1:])
    return (word, word[1:], word[2:])


def _is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff"


def _clause_before(folded: str, start: int) -> str:
    """Up to ``_WINDOW`` characters before ``start``, from the last sentence boundary on."""
    window = folded[start - _WINDOW if start > _WINDOW else 0 : start]
    cut = _LAST_BOUNDARY.match(window)
    return window[cut.end() :] if cut is not None else window
