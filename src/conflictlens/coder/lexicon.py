"""The codebook of one language, compiled into matchers once and reused for every document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from conflictlens.codebook import CodebookFiles
from conflictlens.errors import CodebookError
from conflictlens.model import WEAPONS, EventType
from conflictlens.text.fold import fold
from conflictlens.text.match import PhraseMatcher

__all__ = [
    "NEEDS_COMMUNITY",
    "ActorLexeme",
    "ActorNamer",
    "LanguageLexicon",
    "Taxonomy",
    "TriggerLexeme",
    "group_of",
    "kind_of",
    "of_group",
]


NEEDS_NATIONALITY = "military_with_demonym"
FACILITY = "facility"
"""The kind of <lang>/actors.yaml naming a site held by a force: it marks a target."""
MILITARY = "military"
POLICE = "police"
NEEDS_COMMUNITY = "militia_with_community"
GROUP_MARK = ":"
"""Joins a generic kind to the community its people belong to ("civilians:Fulani",
"ethnic_militia:Pokot"): the kind decides what the actor is, the community how ACLED names its
armed men (taxonomy.yaml, ``of_group``)."""


def of_group(kind: str, group: str) -> str:
    """The generic kind ``kind`` of people of the community ``group``."""
    return f"{kind_of(kind)}{GROUP_MARK}{group}"


def kind_of(kind: str) -> str:
    """The generic kind alone: "ethnic_militia" of "ethnic_militia:Pokot"."""
    return kind.split(GROUP_MARK, 1)[0]


def group_of(kind: str | None) -> str | None:
    """The community a generic kind is joined to, if any: "Pokot" of "ethnic_militia:Pokot"."""
    if not kind or GROUP_MARK not in kind:
        return None
    return kind.split(GROUP_MARK, 1)[1]


@dataclass(frozen=True, slots=True)
class TriggerLexeme:
    sub_event_type: str
    """An ACLED sub-event type, or a generic kind: ``@attack``, ``@explosion``, ``@fall``."""
    weak: bool = False


@dataclass(frozen=True, slots=True)
class ActorLexeme:
    kind: Literal["named", "generic", "facility", "demonym", "ethnic", "reporter"]
    value: str
    """Canonical name (named), generic kind, the kind of force holding a site (facility), ISO
    alpha-2 (demonym), community's name as ACLED writes it (ethnic) or reporter name."""
    inter: int | None = None
    country: str | None = None
    authority: bool = False
    speaks_for: str | None = None


class Taxonomy:
    """ACLED types and sub-types with their PLOVER and CAMEO codes (taxonomy.yaml)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.version = str(data.get("version", "0"))
        self._types: dict[str, EventType] = {}
        for sub_type, spec in data.get("sub_event_types", {}).items():
            self._types[sub_type] = EventType(
                event_type=spec["event_type"],
                sub_event_type=sub_type,
                plover=spec.get("plover"),
                plover_mode=spec.get("plover_mode"),
                cameo=spec.get("cameo"),
            )
        self.by_weapon: dict[str, str] = dict(data.get("by_weapon", {}))
        self.without_weapon: dict[str, dict[str, str]] = dict(data.get("without_weapon", {}))
        self.weapon_priority: list[str] = [str(w) for w in data.get("weapon_priority", [])]
        self.default_perpetrator: dict[str, str] = dict(data.get("default_perpetrator", {}))
        self.added_toll: frozenset[str] = frozenset(
            str(word).casefold()
            for words in (data.get("added_toll_words") or {}).values()
            for word in words
        )
        """Words that tell a toll as more deaths of an event (``added_toll_words``)."""

    @classmethod
    def load(cls, files: CodebookFiles) -> Taxonomy:
        return cls(files.read("taxonomy.yaml"))

    def __contains__(self, sub_event_type: object) -> bool:
        return sub_event_type in self._types

    def get(self, sub_event_type: str) -> EventType:
        try:
            return self._types[sub_event_type]
        except KeyError:
            raise CodebookError(
                f"unknown sub-event type {sub_event_type!r}: use one of ACLED's 25 sub-types "
                "spelled as in taxonomy.yaml"
            ) from None


class ActorNamer:
    """ACLED country names by ISO alpha-2 (countries.yaml), the names ACLED gives actors known
    only by their kind (taxonomy.yaml, ``generic_actors``): "Military Forces of Israel", and the
    branches of actors named after the country they act in (actors.yaml, ``branches``)."""

    def __init__(
        self,
        countries: dict[str, Any],
        taxonomy: dict[str, Any],
        actors: dict[str, Any] | None = None,
    ) -> None:
        self._branches: dict[str, dict[str, str]] = {
            str(actor["name"]): {str(k): str(v) for k, v in actor["branches"].items()}
            for actor in (actors or {}).get("actors", [])
            if actor.get("branches")
        }
        self._by_code: dict[str, tuple[str, str | None]] = {}
        for row in countries.get("countries", []):
            self._by_code[str(row["iso2"]).upper()] = (str(row["name"]), row.get("article"))
        self._by_name = {name: code for code, (name, _) in self._by_code.items()}
        self._templates: dict[str, tuple[str, int | None]] = {
            kind: (str(spec["name"]), spec.get("inter"))
            for kind, spec in taxonomy.get("generic_actors", {}).items()
        }
        self._group_templates: dict[str, str] = {
            kind: str(spec["of_group"])
            for kind, spec in taxonomy.get("generic_actors", {}).items()
            if spec.get("of_group")
        }

    @classmethod
    def load(cls, files: CodebookFiles) -> ActorNamer:
        return cls(
            files.read("countries.yaml"), files.read("taxonomy.yaml"), files.read("actors.yaml")
        )

    def branch(self, name: str, country: str | None) -> str:
        """The name ACLED gives the branch of actor ``name`` in ``country`` ("Islamic State
        (Syria)"), or ``name`` itself when it has none there (actors.yaml, ``branches``)."""
        return self._branches.get(name, {}).get(country or "", name)

    def country(self, iso2: str) -> str | None:
        entry = self._by_code.get(iso2.upper())
        return entry[0] if entry else None

    def inter(self, kind: str) -> int | None:
        return self._templates.get(kind_of(kind), ("", None))[1]

    def name(self, kind: str, country: str) -> str:
        """ACLED's name for an actor of generic ``kind`` in ``country``; a kind joined to a
        community (:func:`of_group`) is named after it when its template says how."""
        code = self._by_name.get(country)
        article = self._by_code[code][1] if code else None
        the_country = f"{article} {country}" if article else country
        group = group_of(kind)
        template = self._templates.get(kind_of(kind), ("{country}", None))[0]
        if group is not None:
            template = self._group_templates.get(kind_of(kind), template)
        return template.format(country=country, the_country=the_country, group=group)


@dataclass
class LanguageLexicon:
    """Triggers, weapons, cues and actor words of one language, ready to match."""

    lang: str
    triggers: PhraseMatcher[TriggerLexeme]
    weapons: PhraseMatcher[str]
    cues: PhraseMatcher[str]
    actors: PhraseMatcher[ActorLexeme]
    demonyms: PhraseMatcher[ActorLexeme]
    """Nationalities and communities, matched on their own so that one inside an actor phrase is
    seen too."""

    def matchers(self) -> list[PhraseMatcher[Any]]:
        """Every matcher of the lexicon, for a :class:`PhraseScanner` that reads them at once."""
        return [self.triggers, self.weapons, self.cues, self.actors, self.demonyms]

    @classmethod
    def load(cls, files: CodebookFiles, lang: str, named_actors: list[Any]) -> LanguageLexicon:
        actor_words = files.read(f"{lang}/actors.yaml")
        return cls(
            lang=lang,
            triggers=PhraseMatcher(_trigger_entries(files.read(f"{lang}/triggers.yaml"))),
            weapons=PhraseMatcher(_weapon_entries(files.read(f"{lang}/weapons.yaml"))),
            cues=PhraseMatcher(
                (pattern, kind)
                for kind, patterns in files.read(f"{lang}/cues.yaml").get("cues", {}).items()
                for pattern in patterns
            ),
            actors=PhraseMatcher(
                _actor_entries(actor_words, named_actors, files.read("sources.yaml"))
            ),
            demonyms=PhraseMatcher(_qualifier_entries(actor_words)),
        )


def _qualifier_entries(data: dict[str, Any]) -> list[tuple[str, ActorLexeme]]:
    """Nationalities, and the communities people are named after ("Pokot", "Peuls")."""
    entries = [
        (str(pattern), ActorLexeme("demonym", str(code).upper()))
        for pattern, code in (data.get("demonyms") or {}).items()
    ]
    entries += [
        (str(pattern), ActorLexeme("ethnic", str(group)))
        for pattern, group in (data.get("communities") or {}).items()
    ]
    return entries


def _trigger_entries(data: dict[str, Any]) -> list[tuple[str, TriggerLexeme]]:
    entries: list[tuple[str, TriggerLexeme]] = []
    for group in data.get("triggers", []):
        lexeme = TriggerLexeme(str(group["sub_event_type"]), bool(group.get("weak", False)))
        entries.extend((str(pattern), lexeme) for pattern in group.get("patterns", []))
    return entries


def _weapon_entries(data: dict[str, Any]) -> list[tuple[str, str]]:
    entries: list[tuple[str, str]] = []
    for weapon, patterns in data.get("weapons", {}).items():
        if weapon not in WEAPONS:
            raise CodebookError(f"unknown weapon code {weapon!r}: use one of {', '.join(WEAPONS)}")
        entries.extend((str(pattern), str(weapon)) for pattern in patterns)
    return entries


def _actor_entries(
    data: dict[str, Any], named: list[Any], sources: dict[str, Any]
) -> list[tuple[str, ActorLexeme]]:
    entries: list[tuple[str, ActorLexeme]] = []
    for actor in named:
        lexeme = ActorLexeme("named", str(actor["name"]), actor.get("inter"), actor.get("country"))
        entries.extend((str(alias), lexeme) for alias in [actor["name"], *actor.get("aliases", [])])
    generic: dict[str, list[str]] = {
        str(kind): [str(p) for p in patterns or []]
        for kind, patterns in (data.get("generic") or {}).items()
    }
    police = PhraseMatcher((p, True) for p in generic.get(POLICE, []))
    for kind, patterns in generic.items():
        if kind != FACILITY:
            entries.extend((p, ActorLexeme("generic", kind)) for p in patterns)
            continue
        for pattern in patterns:
            # A site whose name says it is the police's ("police station", "poste de police",
            # "مركز الشرطة") is held by the police; any other by the armed forces ("army base").
            text = pattern.rstrip("*")
            holder = POLICE if police.find(text, fold(text)) else MILITARY
            entries.append((pattern, ActorLexeme("facility", holder)))
    # Words that name a state's forces only with a nationality beside them ("forces russes").
    for pattern in data.get("military_with_demonym", []) or []:
        entries.append((str(pattern), ActorLexeme("generic", NEEDS_NATIONALITY)))
    # Words that name a community's militia only with the community beside them ("Tiv militias").
    for pattern in data.get(NEEDS_COMMUNITY, []) or []:
        entries.append((str(pattern), ActorLexeme("generic", NEEDS_COMMUNITY)))
    known = sources.get("sources", {})
    for pattern, name in data.get("reporters", {}).items():
        about = known.get(str(name)) or {}
        lexeme = ActorLexeme(
            "reporter",
            str(name),
            authority=bool(about.get("authority", False)),
            speaks_for=about.get("speaks_for") or None,
        )
        entries.append((str(pattern), lexeme))
    return entries
