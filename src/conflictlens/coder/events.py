"""Stage 5: turn the mentions of each sentence into event records, one document at a time.

A sentence with an event word yields a candidate event unless a cue says it is not a new event (a
threat, a conditional, a statistic, a summary of past attacks, a negation) or its own date shows
that the article only recalls it; which of its event words tells the event is coder/choice.py's
call. Candidates that tell of the same happening merge into one event
(coder/grouping.py), whose claims then come from every sentence that reports it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from conflictlens.coder.attribution import claim_of, statement_claim
from conflictlens.coder.choice import HAND_WEAPONS, primary_trigger
from conflictlens.coder.crowds import named_grievance
from conflictlens.coder.followups import (
    attach_casualties,
    attach_statements,
    casualty_followup,
    told_toll,
)
from conflictlens.coder.grouping import Candidate, drop_intercepted, group_candidates
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

__all__ = ["EventBuilder"]

NOT_NEW_EVENT_CUES: tuple[CueKind, ...] = (
    "future",
    "conditional",
    "past_summary",
    "statistic",
    "negation",
)
REMOTE_SUB_TYPES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
CROWD_TYPES = frozenset({"Protests", "Riots"})
TERRITORY_SUB_TYPES = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory"}
)
INTERVENTION_SUB_TYPES = frozenset(
    {"Protest with intervention", "Excessive force against protesters"}
)
CIVILIAN_INTER = 7
RIOTER_INTER = 5
TARGET_WORDS = 3
"""Words between an event word and its target: an article, a number and an adjective ("shot
and killed two Afghan soldiers"); calibrated on the ACLED development notes."""
CROWD_VIOLENCE = frozenset({"Attack", "Armed clash"})
"""Violence that, done by civilians or a crowd rather than an armed group, is mob violence."""
UNIDENTIFIED = "unidentified"
"""The generic kind (taxonomy.yaml) of an armed group the text does not name."""
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
        provisional = self._sub_type(trigger, weapon, None)
        roles = assign_roles(mentions, trigger, provisional)
        sub_type = self._sub_type(trigger, weapon, roles, mentions)
        anchor = min(t.span.start for t in mentions.triggers)
        places = event_places(mentions)
        place, precision = choose_place(places, last_place, anchor)
        country_of_place = place.place.country if place else None
        sub_type = _territory_by_taker(sub_type, roles, country_of_place, trigger, mentions)
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
        )

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

    def _sub_type(
        self,
        trigger: TriggerMention,
        weapon: WeaponMention | None,
        roles: Roles | None,
        mentions: SentenceMentions | None = None,
    ) -> str:
        declared = trigger.sub_event_type
        by_weapon = self.taxonomy.by_weapon.get(weapon.weapon) if weapon else None
        if not declared.startswith("@"):
            # The weapon decides between the two remote-violence sub-types ("bombardements" by
            # aircraft are air strikes), never across event types.
            if declared in REMOTE_SUB_TYPES and by_weapon in REMOTE_SUB_TYPES:
                return by_weapon
            target = roles.actor2 if roles else None
            if (
                declared == "Attack"
                and _armed_target(target)
                and _beside(target, trigger, mentions)
            ):
                # Violence against civilians needs civilians: a sniper who "shot and killed" a
                # soldier fought a battle, and so did gunmen who executed a militiaman (ACLED
                # codes attacks on state forces and on armed groups as clashes).
                return "Armed clash"
            if declared in CROWD_VIOLENCE and _crowd(roles.actor1 if roles else None):
                # Residents or a mob who beat or kill someone are rioters, not an armed group:
                # ACLED's mob violence.
                return "Mob violence"
            return declared
        target = roles.actor2 if roles else None
        hand_held = weapon is not None and weapon.weapon in HAND_WEAPONS
        crowd = _crowd(roles.actor1 if roles else None)
        if declared == "@attack" and (weapon is None or hand_held) and crowd:
            return "Mob violence"  # "angry youths attacked UN vehicles": a crowd, not a unit
        if hand_held and target is not None and target.inter == CIVILIAN_INTER:
            return "Attack"  # gunmen killing villagers is violence against civilians, not a clash
        if by_weapon is not None:
            return by_weapon
        if target is None and mentions is not None and _armed_site_after(trigger, mentions):
            target_kind = "armed_target"  # "set upon an army base": whose, the text does not say
        elif target is None:
            target_kind = "unknown_target"
        elif target.inter in ARMED_INTER or target.holds_facility:
            target_kind = "armed_target"
        else:
            target_kind = "civilian_target"
        table = self.taxonomy.without_weapon.get(declared.lstrip("@"), {})
        return table.get(target_kind) or table.get("unknown_target") or "Attack"

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
        codes strikes on homes and streets as against "Civilians (<country>)"."""
        hurt = bool(event.fatalities) or bool(event.injuries)
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


def _armed_site_after(trigger: TriggerMention, mentions: SentenceMentions) -> bool:
    """A site of armed forces named after the event word, its holder unnamed ("an army base", "a
    military checkpoint"): the attack was on an armed force."""
    return any(
        a.holds_facility and a.generic_kind in STATE_KINDS and a.span.start >= trigger.span.end
        for a in mentions.actors
    )


def _beside(
    actor: ActorMention | None, trigger: TriggerMention, mentions: SentenceMentions | None
) -> bool:
    """The actor is the object or the subject of the event word: at most TARGET_WORDS words
    after it ("shot and killed a soldier") or before it ("two soldiers were shot and killed"),
    not a party named further on ("killed a man accused of helping the army")."""
    if actor is None or mentions is None:
        return False
    base = mentions.sentence.start
    if actor.span.start >= trigger.span.end:
        between = mentions.sentence.text[trigger.span.end - base : actor.span.start - base]
    else:
        between = mentions.sentence.text[actor.span.end - base : trigger.span.start - base]
    return len(between.split()) <= TARGET_WORDS and not any(p in between for p in ",;:")


def _armed_target(actor: ActorMention | None) -> bool:
    """State forces, or an armed group or guards the text names: not men it only suspects of
    being militants, whom ACLED counts among civilians ("killed three men suspected of being
    militants")."""
    if actor is None:
        return False
    named_armed = actor.inter in ARMED_INTER and actor.generic_kind != UNIDENTIFIED
    return is_state_force(actor) or named_armed


def _crowd(actor: ActorMention | None) -> bool:
    """Civilians or a crowd, as the doer of an act."""
    return actor is not None and (
        actor.inter in (CIVILIAN_INTER, RIOTER_INTER) or actor.generic_kind == "rioters"
    )


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


def _territory_by_taker(
    sub_type: str,
    roles: Roles,
    country: str | None,
    trigger: TriggerMention,
    mentions: SentenceMentions,
) -> str:
    """Who takes the ground decides the sub-type: a state's forces on its own soil regain
    territory; anyone else, foreign state forces included, overtakes it (ACLED)."""
    taker = roles.actor1
    if sub_type not in TERRITORY_SUB_TYPES:
        return sub_type
    if taker is None:
        # With no taker named, state forces named after the word are the side that lost the
        # ground ("retook the town from government forces"): someone else took it.
        lost_by_state = is_state_force(roles.actor2) or any(
            is_state_force(a) and a.span.start >= trigger.span.end for a in mentions.actors
        )
        return "Non-state actor overtakes territory" if lost_by_state else sub_type
    state = taker.inter == 1 or taker.generic_kind in ("military", "police")
    at_home = taker.country is None or country is None or taker.country == country
    if state and at_home:
        return "Government regains territory"
    return "Non-state actor overtakes territory"


def _event_id(doc_id: str, start: int, sub_type: str) -> str:
    digest = hashlib.sha1(f"{doc_id}|{start}|{sub_type}".encode()).hexdigest()
    return f"ev-{digest[:16]}"
