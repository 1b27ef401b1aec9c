"""Stage 5: turn the mentions of each sentence into event records, one document at a time.

A sentence with an event word yields a candidate event unless a cue says it is not a new event (a
threat, a conditional, a statistic, a summary of past attacks, a negation) or its own date shows
that the article only recalls it; which of its event words tells the event is coder/choice.py's
call, and which sub-type that word makes with its weapon and target coder/subtypes.py's.
Candidates that tell of the same happening merge into one event (coder/grouping.py), whose claims
then come from every sentence that reports it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from conflictlens.coder.attribution import claim_of, statement_claim
from conflictlens.coder.choice import primary_trigger
from conflictlens.coder.crowds import ARRESTS, crowd_deed, named_grievance
from conflictlens.coder.followups import (
    attach_casualties,
    attach_statements,
    casualty_followup,
    told_toll,
)
from conflictlens.coder.grouping import Candidate, group_candidates
from conflictlens.coder.intercepts import drop_intercepted
from conflictlens.coder.lexicon import ActorNamer, Taxonomy
from conflictlens.coder.news import before_context, is_headline, is_reference
from conflictlens.coder.places import choose_place
from conflictlens.coder.roles import Roles, assign_roles
from conflictlens.coder.setting import (
    WIDE_PLACES,
    event_places,
    fill_dates,
    main_country,
    most_specific,
    new_scene,
    own_date,
    recalled_or_planned,
    set_place,
)
from conflictlens.coder.speakers import STATE_KINDS, is_state_force
from conflictlens.coder.subtypes import (
    CIVILIAN_INTER,
    REMOTE_SUB_TYPES,
    UNIDENTIFIED,
    sub_type_of,
    territory_by_taker,
)
from conflictlens.coder.tolls import set_tolls
from conflictlens.model import (
    ActorMention,
    Claim,
    CueKind,
    Document,
    Event,
    Evidence,
    PlaceMention,
    SentenceMentions,
    TriggerMention,
    WeaponMention,
)

__all__ = ["REMOTE_SUB_TYPES", "EventBuilder"]

NOT_NEW_EVENT_CUES: tuple[CueKind, ...] = (
    "future",
    "conditional",
    "past_summary",
    "statistic",
    "negation",
)
CROWD_TYPES = frozenset({"Protests", "Riots"})
INTERVENTION_SUB_TYPES = frozenset(
    {"Protest with intervention", "Excessive force against protesters"}
)
OF_WORDS = 2
"""A preposition and an article: "of the", "de la"."""
OF_WORD_CHARS = 3
"""Prepositions and articles of the six languages are short ("of", "du", "del", "de la"); a
longer word between ("troops deployed to Mali") makes the country something other than the
forces' own."""
CIVILIAN_HARM_TYPES = frozenset({"Explosions/Remote violence", "Violence against civilians"})


@dataclass
class EventBuilder:
    taxonomy: Taxonomy
    namer: ActorNamer
    codebook_version: str

    def build(
        self,
        doc: Document,
        sentences: Sequence[SentenceMentions],
        home_country: str | None = None,
    ) -> list[Event]:
        """The events ``sentences`` tell; ``home_country``: where the document's outlet writes
        from, when known, names the actors known by kind when the text names no country."""
        candidates: list[Candidate] = []
        statements: list[tuple[SentenceMentions, Claim]] = []
        followups: list[SentenceMentions] = []
        tolls: dict[int, Event] = {}
        last_place: PlaceMention | None = None
        event_place: PlaceMention | None = None
        scene = False
        country = main_country(sentences, home_country)
        for mentions in sentences:
            # A sentence that names no place goes on at the place of the last event told, else
            # at the last place named: background between ("les FDS, alliées de Washington")
            # is not where the story is.
            candidate = self._candidate(doc, mentions, event_place or last_place, country, scene)
            last = candidates[-1] if candidates else None
            toll = candidate is not None and told_toll(candidate, mentions, last)
            if candidate is not None and not toll:
                candidates.append(candidate)
            elif not mentions.triggers and (claim := statement_claim(mentions)) is not None:
                statements.append((mentions, claim))
            if candidate is not None and toll:
                tolls[mentions.sentence.index] = candidate.event
            if toll or (candidate is None and casualty_followup(mentions)):
                followups.append(mentions)
            last_place = most_specific(mentions.places) or last_place
            if candidate is not None and not candidate.reference:
                event_place = most_specific(event_places(mentions)) or event_place
                scene = False
            elif new_scene(mentions):
                event_place, scene = most_specific(event_places(mentions)) or event_place, True
        unnamed = {id(c.event): c.event.actor1 for c in candidates if c.unnamed_doer}
        events = group_candidates(candidates, is_headline(sentences), self.taxonomy.added_toll)
        for event in events:
            self._recode(event)
        attach_statements(
            events, statements, lambda e: id(e) in unnamed and e.actor1 == unnamed[id(e)]
        )
        starts = {m.sentence.start: m.sentence.index for m in sentences}
        attach_casualties(events, followups, starts, self.taxonomy.added_toll, tolls)
        fill_dates(events, sentences, doc.published)
        return drop_intercepted(events, self.taxonomy.by_weapon)

    def _candidate(
        self,
        doc: Document,
        mentions: SentenceMentions,
        last_place: PlaceMention | None,
        main_country: str | None,
        scene: bool = False,
    ) -> Candidate | None:
        """``scene``: ``last_place`` is a new scene's (``new_scene``), where an event told without a
        place of its own happened, not the event before it."""
        mentions = _without_negated_words(mentions)
        if any(mentions.cue(kind) for kind in NOT_NEW_EVENT_CUES):
            return None
        mentions = before_context(mentions)
        weapon = self._weapon(mentions)
        trigger = primary_trigger(mentions, weapon)
        if trigger is None:
            return None
        date = own_date(mentions)
        if date is not None and recalled_or_planned(date.date, doc.published):
            return None
        mentions = self._forces_of_country(mentions)
        provisional = sub_type_of(self.taxonomy, trigger, weapon, None)
        roles = assign_roles(mentions, trigger, provisional)
        sub_type = sub_type_of(self.taxonomy, trigger, weapon, roles, mentions)
        anchor = min(t.span.start for t in mentions.triggers)
        places = event_places(mentions)
        place, precision = choose_place(places, last_place, anchor)
        country_of_place = place.place.country if place else None
        sub_type = territory_by_taker(sub_type, roles, country_of_place, trigger, mentions)
        event = self._event(doc, mentions, trigger, sub_type, weapon)
        country = place.place.country if place else main_country
        self._set_actors(event, roles, country)
        if event.event_type in CROWD_TYPES and country:
            self._crowd_actors(event, roles, country, mentions)
        self._civilian_target(event, country)
        if place is not None:
            set_place(event, place, precision)
        if date is not None:
            event.event_date = date.date
            event.support["event_date"] = date.span
        event.claims.append(claim_of(mentions, roles, sub_type, trigger.span))
        own_place = any(p.place.feature not in WIDE_PLACES for p in places)
        named = roles.actor1 is not None and "actor1" in event.support
        # A sentence with no place and no date of its own goes on telling the event before it
        # ("The assailants arrived on motorbikes ..."), unless it names another perpetrator;
        # so does a back-reference with no weapon or perpetrator ("ce ciblage", "the attack").
        bare = not (own_place or scene) and (
            date is None or (weapon is None and roles.actor1 is None)
        )
        reference = is_reference(trigger, event, own_place, mentions, roles)
        unnamed = roles.actor1 is None or roles.actor1.generic_kind == UNIDENTIFIED
        claimant = named and mentions.cue("claim") is not None
        grievance = event.event_type in CROWD_TYPES and named_grievance(mentions)
        return Candidate(
            event,
            mentions.sentence.index,
            bare or reference,
            named,
            reference,
            unnamed,
            claimant,
            grievance,
            trigger.sub_event_type == sub_type == "Armed clash",
            crowd_deed(trigger, mentions, roles.actor1),
        )

    def _recode(self, event: Event) -> None:
        """The PLOVER and CAMEO codes of the sub-type an event ended with: a protest that turned
        violent in a later sentence is coded as a riot."""
        kind = self.taxonomy.get(event.sub_event_type)
        event.event_type, event.plover, event.cameo = kind.event_type, kind.plover, kind.cameo

    def _weapon(self, mentions: SentenceMentions) -> WeaponMention | None:
        """The sentence's weapon: the first of taxonomy.yaml's ``weapon_priority`` it names."""
        order = self.taxonomy.weapon_priority
        if not mentions.weapons:
            return None
        return min(
            mentions.weapons,
            key=lambda w: order.index(w.weapon) if w.weapon in order else len(order),
        )

    def _event(
        self,
        doc: Document,
        mentions: SentenceMentions,
        trigger: TriggerMention,
        sub_type: str,
        weapon: WeaponMention | None,
    ) -> Event:
        kind = self.taxonomy.get(sub_type)
        sentence = mentions.sentence
        event = Event(
            event_id=_event_id(doc.doc_id, sentence.start, sub_type),
            doc_id=doc.doc_id,
            event_date=None,
            event_type=kind.event_type,
            sub_event_type=sub_type,
            weapon=weapon.weapon if weapon else None,
            source=doc.source,
            plover=kind.plover,
            cameo=kind.cameo,
            codebook_version=self.codebook_version,
            evidence=Evidence(sentence.text, sentence.start, sentence.end),
            support={"event_type": trigger.span, "sub_event_type": trigger.span},
        )
        if weapon is not None:
            event.support["weapon"] = weapon.span
        set_tolls(event, mentions.casualties, sentence, self.taxonomy.added_toll)
        return event

    def _set_actors(self, event: Event, roles: Roles, country: str | None) -> None:
        actor1 = self._named(roles.actor1, country)
        if actor1 is None and country is not None:
            defaults = self.taxonomy.default_perpetrator
            generic = defaults.get(
                event.sub_event_type, defaults.get(event.event_type, "unidentified")
            )
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

    def _crowd_actors(
        self, event: Event, roles: Roles, country: str, mentions: SentenceMentions
    ) -> None:
        """ACLED names protesters and rioters after their country; the other side is the force
        that intervened, if any, or for mob violence its victims. In a riot, the police or troops
        the sentence names are that force even when they are not the subject of the riot word
        ("students burned tyres ... as police fired tear gas")."""
        crowd = "protesters" if event.event_type == "Protests" else "rioters"
        event.actor1, event.inter1 = self.namer.name(crowd, country), self.namer.inter(crowd)
        event.support["actor1"] = event.support["sub_event_type"]  # the protest word itself
        others = [a for a in (roles.actor1, roles.actor2) if a is not None]
        force = next((a for a in others if a.inter == 1 or a.generic_kind == "police"), None)
        if event.sub_event_type in INTERVENTION_SUB_TYPES:
            named = self._named(force, country) if force else None
            event.actor2, event.inter2 = named or (
                self.namer.name("police", country),
                self.namer.inter("police"),
            )
        elif event.sub_event_type == "Mob violence":
            victim = next((a for a in others if a.inter == CIVILIAN_INTER), None)
            named = self._named(victim, country) if victim else None
            event.actor2, event.inter2 = named or (
                self.namer.name("civilians", country),
                self.namer.inter("civilians"),
            )
        elif event.sub_event_type == "Violent demonstration":
            force = force or next((a for a in mentions.actors if _is_force(a)), None)
            event.actor2, event.inter2 = self._named(force, country) or (None, None)
        else:
            event.actor2, event.inter2 = None, None

    def _civilian_target(self, event: Event, country: str | None) -> None:
        """Remote violence that kills or wounds people and names no target hit civilians: ACLED
        codes strikes on homes and streets as against "Civilians (<country>)". Violence against
        civilians is against them by definition, whether or not anyone was hurt (an abduction, a
        looted village)."""
        hurt = bool(event.fatalities) or bool(event.injuries)
        hurt = hurt or event.event_type == "Violence against civilians"
        if event.actor2 is None and hurt and country and event.event_type in CIVILIAN_HARM_TYPES:
            event.actor2 = self.namer.name("civilians", country)
            event.inter2 = self.namer.inter("civilians")

    def _forces_of_country(self, mentions: SentenceMentions) -> SentenceMentions:
        """State forces followed by the country they serve ("military forces of Armenia fired
        on ... Gadabay", "les soldats du Mali") are that country's, wherever the event is."""
        countries = [p for p in mentions.places if p.place.feature in WIDE_PLACES]
        if not countries:
            return mentions
        actors = []
        for actor in mentions.actors:
            owner = None
            if actor.generic_kind in STATE_KINDS and actor.country is None:
                owner = next((p for p in countries if _of_phrase(actor, p, mentions)), None)
            if owner is not None and owner.place.country:
                kind = actor.generic_kind or ""
                name = self.namer.name(kind, owner.place.country)
                actor = replace(actor, name=name, country=owner.place.country)
            actors.append(actor)
        return replace(mentions, actors=actors)

    def _named(
        self, actor: ActorMention | None, country: str | None
    ) -> tuple[str, int | None] | None:
        if actor is None:
            return None
        if actor.name:
            return self.namer.branch(actor.name, country), actor.inter
        if actor.generic_kind and country:
            return self.namer.name(actor.generic_kind, country), actor.inter
        return None


def _is_force(actor: ActorMention) -> bool:
    """State forces named as a party of the sentence, not as a source or a nationality."""
    return not (actor.reporter or actor.qualifies_event) and is_state_force(actor)


def _of_phrase(actor: ActorMention, place: PlaceMention, mentions: SentenceMentions) -> bool:
    """The country follows the actor word with only a preposition, and perhaps an article,
    between them: at most OF_WORDS words of at most OF_WORD_CHARS letters each."""
    if place.span.start < actor.span.end:
        return False
    offset = mentions.sentence.start
    words = mentions.sentence.text[actor.span.end - offset : place.span.start - offset].split()
    return 0 < len(words) <= OF_WORDS and all(
        len(w) <= OF_WORD_CHARS and w.isalpha() for w in words
    )


def _without_negated_words(mentions: SentenceMentions) -> SentenceMentions:
    """The sentence without the arrest words a negation holds: "no arrests have been made after
    shops were looted" tells the aftermath of the event the sentence reports, not that nothing
    happened. Any other negation ("denies targeting", "an earthquake") stops the sentence."""
    held = [
        (c, [t for t in mentions.triggers if c.span.start <= t.span.start < c.span.end])
        for c in mentions.cues
        if c.kind == "negation"
    ]
    arrests = [
        (c, words) for c, words in held if words and all(t.sub_event_type == ARRESTS for t in words)
    ]
    if not arrests:
        return mentions
    dropped = {id(t) for _, words in arrests for t in words}
    cues = {id(c) for c, _ in arrests}
    return replace(
        mentions,
        triggers=[t for t in mentions.triggers if id(t) not in dropped],
        cues=[c for c in mentions.cues if id(c) not in cues],
    )


def _event_id(doc_id: str, start: int, sub_type: str) -> str:
    digest = hashlib.sha1(f"{doc_id}|{start}|{sub_type}".encode()).hexdigest()
    return f"ev-{digest[:16]}"
