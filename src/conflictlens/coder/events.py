"""Stage 5: turn the mentions of each sentence into event records, one document at a time.

A sentence with an event word yields a candidate event unless a cue says it is not a new event (a
threat, a conditional, a statistic, a summary of past attacks, a negation). Candidates that tell of
the same happening (the same place, or a bare back-reference like "ce ciblage") merge into one
event, whose claims then come from every sentence that reports it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from conflictlens.coder.attribution import claim_of, strongest
from conflictlens.coder.lexicon import ActorNamer, Taxonomy
from conflictlens.coder.places import choose_place
from conflictlens.coder.roles import Roles, assign_roles
from conflictlens.model import (
    ActorMention,
    CueKind,
    Document,
    Event,
    Evidence,
    PartialDate,
    PlaceMention,
    SentenceMentions,
    TriggerMention,
    WeaponMention,
)

__all__ = ["EventBuilder"]

NOT_NEW_EVENT_CUES: tuple[CueKind, ...] = (
    "future",
    "conditional",
    "past_summary",
    "statistic",
    "negation",
)
WEAPON_PRIORITY = (
    "suicide_bomb",
    "airstrike",
    "drone",
    "missile",
    "rocket",
    "mortar",
    "artillery",
    "ied",
    "grenade",
    "small_arms",
    "other",
)
"""When a sentence names several weapons, the first here is the event's: the most specific and the
one ACLED's sub-type follows (a suicide car bomb is a suicide bomb, an air raid with guns is an
air strike)."""
REMOTE_SUB_TYPES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
DEFAULT_PERPETRATOR = {
    "Protests": "protesters",
    "Riots": "rioters",
}


@dataclass
class EventBuilder:
    taxonomy: Taxonomy
    namer: ActorNamer
    codebook_version: str

    def build(self, doc: Document, sentences: Sequence[SentenceMentions]) -> list[Event]:
        events: list[Event] = []
        last_place: PlaceMention | None = None
        last_date: PartialDate | None = None
        for mentions in sentences:
            if mentions.dates:
                last_date = mentions.dates[0].date
            candidate = self._candidate(doc, mentions, last_place, last_date)
            if candidate is not None:
                event, bare = candidate
                if bare and events and _same_kind(events[-1], event):
                    # A back-reference ("ce ciblage", "the attack") adds its claim to the event
                    # before it instead of making a new one.
                    _absorb(events[-1], event)
                else:
                    _merge_into(events, event)
            last_place = _most_specific(mentions.places) or last_place
        return events

    def _candidate(
        self,
        doc: Document,
        mentions: SentenceMentions,
        last_place: PlaceMention | None,
        last_date: PartialDate | None,
    ) -> tuple[Event, bool] | None:
        """The sentence's event, and whether it is bare: no place, weapon or actor of its own."""
        if any(mentions.cue(kind) for kind in NOT_NEW_EVENT_CUES):
            return None
        mentions = _before_context(mentions)
        trigger = _primary_trigger(mentions)
        if trigger is None:
            return None
        weapon = _weapon(mentions)
        if trigger.needs_weapon and (weapon is None or weapon.owner_marked):
            return None
        roles = assign_roles(mentions, trigger)
        sub_type = self._sub_type(trigger, weapon, roles)
        kind = self.taxonomy.get(sub_type)
        place, precision = choose_place(mentions.places, last_place)
        country = place.place.country if place else None
        sentence = mentions.sentence
        evidence = Evidence(sentence.text, sentence.start, sentence.end)
        claim = claim_of(mentions, roles, trigger.span)
        event = Event(
            event_id=_event_id(doc.doc_id, sentence.start, sub_type),
            doc_id=doc.doc_id,
            event_date=mentions.dates[0].date if mentions.dates else last_date or doc.published,
            event_type=kind.event_type,
            sub_event_type=sub_type,
            weapon=weapon.weapon if weapon else None,
            source=doc.source,
            plover=kind.plover,
            cameo=kind.cameo,
            codebook_version=self.codebook_version,
            evidence=evidence,
            claims=[claim],
            support={"event_type": trigger.span, "sub_event_type": trigger.span},
        )
        self._set_actors(event, roles, country, kind.event_type)
        if place is not None:
            _set_place(event, place, precision)
        self._set_casualties(event, mentions)
        if weapon is not None:
            event.support["weapon"] = weapon.span
        if mentions.dates:
            event.support["event_date"] = mentions.dates[0].span
        _apply_claims(event)
        bare = not mentions.places and weapon is None and roles.actor1 is None
        return event, bare

    def _sub_type(self, trigger: TriggerMention, weapon: WeaponMention | None, roles: Roles) -> str:
        declared = trigger.sub_event_type
        by_weapon = self.taxonomy.by_weapon.get(weapon.weapon) if weapon else None
        if not declared.startswith("@"):
            # The weapon decides between the two remote-violence sub-types ("bombardements" by
            # aircraft are air strikes), never across event types.
            if declared in REMOTE_SUB_TYPES and by_weapon in REMOTE_SUB_TYPES:
                return by_weapon
            return declared
        if by_weapon is not None:
            return by_weapon
        target = roles.actor2
        if target is None:
            target_kind = "unknown_target"
        elif target.inter in ARMED_INTER or target.holds_facility:
            target_kind = "armed_target"
        else:
            target_kind = "civilian_target"
        table = self.taxonomy.without_weapon.get(declared.lstrip("@"), {})
        return table.get(target_kind) or table.get("unknown_target") or "Attack"

    def _set_actors(self, event: Event, roles: Roles, country: str | None, kind: str) -> None:
        actor1 = self._named(roles.actor1, country)
        if actor1 is None and country is not None:
            generic = DEFAULT_PERPETRATOR.get(kind, "unidentified")
            event.actor1 = self.namer.name(generic, country)
            event.inter1 = self.namer.inter(generic)
        elif actor1 is not None:
            event.actor1, event.inter1 = actor1
            assert roles.actor1 is not None
            event.support["actor1"] = roles.actor1.span
        actor2 = self._named(roles.actor2, country)
        if actor2 is not None and actor2[0] != event.actor1:
            event.actor2, event.inter2 = actor2
            assert roles.actor2 is not None
            event.support["actor2"] = roles.actor2.span

    def _named(
        self, actor: ActorMention | None, country: str | None
    ) -> tuple[str, int | None] | None:
        if actor is None:
            return None
        if actor.name:
            return actor.name, actor.inter
        if actor.generic_kind and country:
            return self.namer.name(actor.generic_kind, country), actor.inter
        return None

    @staticmethod
    def _set_casualties(event: Event, mentions: SentenceMentions) -> None:
        for kind in ("killed", "injured"):
            found = [c for c in mentions.casualties if c.kind == kind]
            if not found:
                continue
            # ACLED takes the most conservative figure when reports disagree.
            lowest = min(found, key=lambda c: c.count)
            if kind == "killed":
                event.fatalities = lowest.count
                event.support["fatalities"] = lowest.span
            else:
                event.injuries = lowest.count
                event.support["injuries"] = lowest.span


def _before_context(mentions: SentenceMentions) -> SentenceMentions:
    """What comes after a context cue ("en réponse aux massacres ... à Gaza", "in retaliation for")
    tells the background, not the event: its words, actors and places are left out."""
    context = mentions.cue("context")
    if context is None:
        return mentions
    cut = context.span.start
    return SentenceMentions(
        mentions.sentence,
        triggers=[t for t in mentions.triggers if t.span.start < cut],
        actors=[a for a in mentions.actors if a.span.start < cut],
        places=[p for p in mentions.places if p.span.start < cut],
        dates=[d for d in mentions.dates if d.span.start < cut],
        weapons=[w for w in mentions.weapons if w.span.start < cut],
        casualties=[c for c in mentions.casualties if c.span.start < cut],
        cues=[c for c in mentions.cues if c.span.start < cut],
    )


def _primary_trigger(mentions: SentenceMentions) -> TriggerMention | None:
    """The sentence's main event word: a specific sub-type beats a generic one, then the first."""
    candidates = mentions.triggers
    if not candidates:
        return None
    return min(
        candidates, key=lambda t: (t.sub_event_type.startswith("@"), t.needs_weapon, t.span.start)
    )


def _weapon(mentions: SentenceMentions) -> WeaponMention | None:
    if not mentions.weapons:
        return None
    return min(mentions.weapons, key=lambda w: WEAPON_PRIORITY.index(w.weapon))


def _set_place(event: Event, place: PlaceMention, precision: int) -> None:
    event.country = place.place.country
    event.admin1 = place.place.admin1
    event.location = place.place.name
    event.latitude = place.place.latitude
    event.longitude = place.place.longitude
    event.geo_precision = precision
    event.support["location"] = place.span


def _apply_claims(event: Event) -> None:
    event.claim_status = strongest(event.claims)
    claimed = next((c for c in event.claims if c.status == "claimed" and c.by), None)
    event.claimed_by = claimed.by if claimed else None
    reported = next((c for c in event.claims if c.status != "claimed" and c.by), None)
    event.reported_by = reported.by if reported else None


def _event_id(doc_id: str, start: int, sub_type: str) -> str:
    digest = hashlib.sha1(f"{doc_id}|{start}|{sub_type}".encode()).hexdigest()
    return f"ev-{digest[:16]}"


def _merge_into(events: list[Event], candidate: Event) -> None:
    """Fold ``candidate`` into an earlier event of the document that tells the same happening."""
    for event in reversed(events):
        if _same_happening(event, candidate):
            _absorb(event, candidate)
            return
    events.append(candidate)


VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _same_kind(a: Event, b: Event) -> bool:
    return a.event_type == b.event_type or {a.event_type, b.event_type} <= VIOLENT_TYPES


def _most_specific(places: Sequence[PlaceMention]) -> PlaceMention | None:
    chosen, _precision = choose_place(places, None)
    return chosen


def _same_happening(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or a.location is None or a.location != b.location:
        return False
    if a.weapon and b.weapon and a.weapon != b.weapon:
        return False
    if a.event_date and b.event_date and not a.event_date.overlaps(b.event_date):
        return False
    named = ("actor1" in a.support, "actor1" in b.support)
    return not (all(named) and a.actor1 != b.actor1)


def _absorb(event: Event, other: Event) -> None:
    for name in ("actor1", "actor2", "weapon", "fatalities", "injuries", "event_date"):
        if getattr(event, name) is None and getattr(other, name) is not None:
            setattr(event, name, getattr(other, name))
            if name in other.support:
                event.support[name] = other.support[name]
    if other.actor2 and event.actor2 and other.actor2 != event.actor2 and not event.assoc_actor_2:
        event.assoc_actor_2 = other.actor2
    for name in ("fatalities", "injuries"):
        mine, theirs = getattr(event, name), getattr(other, name)
        if mine is not None and theirs is not None and theirs < mine:
            setattr(event, name, theirs)
            event.support[name] = other.support[name]
    event.claims.extend(other.claims)
    _apply_claims(event)
