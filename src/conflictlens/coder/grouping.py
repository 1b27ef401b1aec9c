"""Candidate events of one document that tell the same happening become one event.

Rules:
- a bare back-reference ("ce ciblage", "the attack": no place, weapon or perpetrator of its own)
  joins the event just before it, and a reference that cannot join one is dropped; it does not
  reach back past an event told at its place to one told elsewhere; one dated well before that
  event is background to it (coder/setting.py) and is dropped too;
- two candidates are one happening when their types agree, their places are the same (by name or
  within a few km: coder/nearby.py), their weapons and days do not differ and no two different
  perpetrators are named; deaths told with no weapon or doer of their own agree with a strike or
  a blast (its toll, told again);
- a headline repeats the article's main event: it joins the first event of its sub-type (at its
  place, if any), else of its type, rather than making one of its own, and adds no place to an
  event that has one;
- a perpetrator known by kind only ("militants") is not named apart from the group another
  sentence names; state forces told after a battle whose other side is not named are that side;
- a riot told right after an arrest whose maker is not named, with no place of its own, is one
  event with it: the riot;
- a claimed launch that hurt nobody, told with an interception of its kind at its place and
  day, is that interception (coder/intercepts.py, once casualties told apart are attached);
- arrests or an intervention at a protest make it a protest with intervention, and a riot told
  after a protest that has no place of its own is that protest turning violent; so is a riot or
  violence the crowd is named doing in a sentence told after it with no place of its own;
- a merged event takes the sub-type that outranks the other (coder/choice.py): a clash in which
  the town was taken is the taking of the town; an attack whose victims fight back in a sentence
  told after it ("They exchanged fire with the police") is a battle.
The merged event keeps every claim; fatalities keep the lowest figure (ACLED's conservative rule),
unless the later figure is told as more deaths ("also killed"), which adds. A protest still
peaceful or with intervention counts no deaths: those are what it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from conflictlens.coder.attribution import strongest
from conflictlens.coder.choice import OUTRANKS, SEIZABLE_WEAPONS
from conflictlens.coder.crowds import (
    CROWD_ESCALATION,
    CROWD_INTERS,
    MOB_AT_PROTEST,
    PROTEST_WORDS,
)
from conflictlens.coder.nearby import same_place
from conflictlens.coder.setting import background
from conflictlens.coder.speakers import STATE_INTER
from conflictlens.coder.tolls import adds_to_toll
from conflictlens.model import Event

__all__ = ["Candidate", "group_candidates", "no_deaths"]

VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
PROTEST_ESCALATION = tuple(t for t in reversed(CROWD_ESCALATION) if t != MOB_AT_PROTEST)
"""A protest's sub-type rises to the strongest intervention any sentence reports (weakest first;
a riot told in another sentence is an event of its own)."""
JOINS_PROTEST = frozenset({"Arrests", *PROTEST_ESCALATION})
CROWD = frozenset({"Protests", "Riots"})
BLASTS = "Explosions/Remote violence"
ATTACK = "Attack"
FOUGHT_BACK = frozenset({ATTACK, "Grenade"})
"""Acts at close range that a fight told next makes a battle: a grenade is thrown from where
the side attacked can shoot back; a shell or a mine is not."""
CROWD_VIOLENCE = frozenset({ATTACK, "Mob violence", "Armed clash"})
"""Violence against people that a crowd does at its protest: a beating, a fight, an attack."""
PLACE_FIELDS = ("country", "admin1", "location", "latitude", "longitude", "geo_precision")


@dataclass(frozen=True, slots=True)
class Candidate:
    event: Event
    sentence_index: int
    bare: bool
    """No place and no date of its own: it goes on telling the event before it."""
    named: bool = False
    """It names its perpetrator."""
    reference: bool = False
    """It only refers to an event told elsewhere: it joins one, or is dropped."""
    unnamed_doer: bool = False
    """Its perpetrator is known by kind only ("gunmen": an unidentified armed group) or not at
    all: a later claim of responsibility names it."""
    claimant: bool = False
    """It names the group that claims responsibility ("JNIM claimed the attack"): the
    perpetrator of an event whose own is unnamed."""
    grievance: bool = False
    """Its sentence names an arrest as what the crowd protests against ("against the unjust
    arrest of their editor"): an arrest told next with nothing of its own is that grievance."""
    fight: bool = False
    """Its event word names a fight ("exchanged fire", "clashes"), not an act read as one for
    want of a named target: told after an attack, the side attacked fought back."""
    crowd_deed: bool = False
    """Its event word tells what protesters or rioters did, they being its subject or agent
    ("the protesters beat a journalist"): told after a protest, the protest turned violent."""


def group_candidates(
    candidates: list[Candidate], headline: bool, added: frozenset[str]
) -> list[Event]:
    """The document's events from its candidates, in order: each candidate goes on telling an
    event told before it, or is one of its own. ``added``: the words that tell a toll as more
    deaths of an event (:func:`conflictlens.coder.tolls.adds_to_toll`)."""
    events: list[Event] = []
    unnamed = {id(c.event) for c in candidates if c.unnamed_doer}
    aggrieved = {id(c.event) for c in candidates if c.grievance}
    titles = [c for c in candidates if headline and c.sentence_index == 0]
    for candidate in candidates:
        if candidate in titles:
            continue
        event = candidate.event
        if candidate.bare:
            # It goes on telling the last event of its kind ("The junta denies targeting
            # civilians" after an arrest told in between).
            told = _told(events, candidate, unnamed)
            if told is not None and background(event.event_date, told.event_date):
                continue  # what led to the event ("after riots the previous week"), not news
            if told is not None:
                if id(told) in aggrieved and event.sub_event_type == "Arrests":
                    continue  # the arrest the crowd protests against, told again
                if candidate.claimant and id(told) in unnamed:
                    _name_doer(told, event)
                    unnamed.discard(id(told))
                elif _defender(told, event):
                    _join_defender(told, event)
                _absorb(told, event, added)
                if _fought_back(told, candidate):
                    _retype(told, event)
                continue
        if candidate.reference:
            continue
        match = next((e for e in reversed(events) if _same_happening(e, event, unnamed)), None)
        if match is None:
            events.append(event)
        else:
            _absorb(match, event, added)
    for title in titles:
        match = _titled(events, title.event)
        if match is None:
            events.insert(0, title.event)
        else:
            _absorb_title(match, title.event, added)
    for event in events:
        apply_claims(event)
        if event.actor2 is not None and event.actor2 == event.actor1:
            event.actor2, event.inter2 = None, None
        if event.sub_event_type in PROTEST_WORDS:
            no_deaths(event)
    return events


def no_deaths(event: Event) -> None:
    """A protest whose sub-type is still peaceful or with intervention counts no deaths: deaths
    at a protest make it excessive force or a riot (ACLED), so the deaths its sentence names are
    what it is about ("protest over the killing of two students")."""
    event.fatalities = None
    event.support.pop("fatalities", None)


def _titled(events: list[Event], title: Event) -> Event | None:
    """The event a headline repeats: the first of its own sub-type at its place, else of its
    sub-type, else of its type, else of its kind. A headline that sums up two events
    ("students marched in Lviv, in Kharkiv a crowd blocked a road") tells each in the words of
    its own sub-type."""
    ranks = [
        [e for e in events if e.sub_event_type == title.sub_event_type and same_place(e, title)],
        [e for e in events if e.sub_event_type == title.sub_event_type],
        [e for e in events if e.event_type == title.event_type],
        [e for e in events if _same_kind(e, title)],
    ]
    return next((rank[0] for rank in ranks if rank), None)


def _absorb_title(event: Event, title: Event, added: frozenset[str]) -> None:
    """A headline adds what the body leaves out, not a place where the body gives one: the place
    a headline names may be who speaks ("Ankara says it shot down a drone over Idlib")."""
    if event.location is not None:
        title = replace(title, location=None, latitude=None, longitude=None, geo_precision=None)
    _absorb(event, title, added)


def _same_kind(a: Event, b: Event) -> bool:
    if a.event_type == b.event_type:
        return True
    return {a.event_type, b.event_type} <= VIOLENT_TYPES or {a.event_type, b.event_type} <= CROWD


def _continues(event: Event, candidate: Candidate, unnamed: bool = False) -> bool:
    """Whether a bare or back-referring candidate goes on telling ``event``; ``unnamed``: the
    event's perpetrator is not named yet, so a group claiming responsibility may be it."""
    if _seized_there(event, candidate.event) or _arrests_at(event, candidate.event):
        return True
    if _riot_at_arrest(event, candidate.event):
        return True
    if _damage_at(event, candidate) or _violence_at(event, candidate):
        return True
    if not _same_kind(event, candidate.event):
        return False
    other = candidate.event
    named_apart = candidate.named and "actor1" in event.support and other.actor1 != event.actor1
    return not named_apart or (unnamed and candidate.claimant) or _defender(event, other)


def _defender(event: Event, other: Event) -> bool:
    """A state's forces told right after a non-state party's attack on that state's forces ("The
    army said it repelled the attack"), or its battle with a side not yet named, are the side
    attacked, not the perpetrator of a new event."""
    # A battle whose other side is not named yet ("three police officers died in fighting with
    # the rebels") was fought against them too.
    side_open = event.inter2 is None and event.event_type == "Battles" and "actor1" in event.support
    return (
        other.inter1 == STATE_INTER
        and (event.inter2 == STATE_INTER or side_open)
        and event.inter1 is not None
        and event.inter1 != STATE_INTER
    )


def _join_defender(event: Event, other: Event) -> None:
    """The defending forces join the side attacked (ACLED's associated actor of actor2), and
    their word on the fight confirms it: it claims no operation of theirs."""
    if event.actor2 is None:
        event.actor2, event.inter2 = other.actor1, other.inter1  # the side not named yet
        if "actor1" in other.support:
            event.support["actor2"] = other.support["actor1"]
    elif other.actor1 and other.actor1 != event.actor2 and not event.assoc_actor_2:
        event.assoc_actor_2 = other.actor1
    other.actor1, other.inter1 = event.actor1, event.inter1  # not a perpetrator to take over
    other.support.pop("actor1", None)
    other.claims = [
        replace(c, status="confirmed") if c.status == "claimed" else c for c in other.claims
    ]


def _fought_back(event: Event, fight: Candidate) -> bool:
    """A fight that goes on telling an attack ("They later exchanged fire with the police",
    "After an exchange of fire, one person died"): the side attacked fought back, and ACLED codes
    an attack whose target fights back as an armed clash, a grenade thrown at soldiers who
    return fire too. A fight word, not an act read as a fight for want of a named target ("the
    attack" told again)."""
    return fight.fight and event.sub_event_type in FOUGHT_BACK


def _name_doer(event: Event, other: Event) -> None:
    """The perpetrator a later sentence names ("JNIM claimed responsibility for the attack")
    replaces the unidentified one of the event it goes on telling."""
    event.actor1, event.inter1 = other.actor1, other.inter1
    event.support["actor1"] = other.support["actor1"]


def _arrests_at(event: Event, arrests: Event) -> bool:
    """Arrests told right after a protest or a riot, with no place of their own ("eleven
    officers were hurt and seven people detained") are part of it, as ACLED codes them."""
    return arrests.sub_event_type == "Arrests" and event.event_type in CROWD


def _riot_at_arrest(event: Event, riot: Event) -> bool:
    """A crowd rioting right after an arrest told without who made it, with no place of its own
    ("dozens surrounded the police car holding the detained men. Some of them broke its
    windows"), riots over that arrest: one event, the riot (ACLED codes arrests at a riot as part
    of it). Police named making the arrest ("police detained two men") made an event of their
    own."""
    return (
        event.sub_event_type == "Arrests"
        and riot.event_type == "Riots"
        and "actor1" not in event.support
    )


def _damage_at(event: Event, damage: Candidate) -> bool:
    """Burning or looting told right after a protest or a riot, with no place and no doer of
    its own ("Students protested in Pouytenga. They burned police offices") is the crowd's: the
    protest turned violent."""
    return (
        damage.event.sub_event_type == "Looting/property destruction"
        and event.event_type in CROWD
        and not damage.named
    )


def _violence_at(event: Event, violence: Candidate) -> bool:
    """Violence or a riot told right after a protest, with no place of its own, done by the
    crowd ("Traders protested in Kisumu over fees. Two journalists were beaten up by the
    protesters", "... The protesters burned tyres"): the protest turned violent (ACLED's violent
    demonstration). Violence whose doer is not named may be done to the crowd ("marchers were
    shot and beaten"), and police, troops or armed men named as its doers made an event of
    their own."""
    riot = violence.event.event_type == "Riots"
    return (
        event.event_type == "Protests"
        and (violence.event.sub_event_type in CROWD_VIOLENCE or riot)
        and violence.crowd_deed
    )


def _seized_there(event: Event, seizure: Event) -> bool:
    """Guns seized where a fight or an attack was just told ("six rifles were seized at the
    scene") are its spoils, not an event of their own."""
    return (
        seizure.sub_event_type == "Disrupted weapons use"
        and seizure.weapon in SEIZABLE_WEAPONS
        and event.event_type in VIOLENT_TYPES
    )


def _compatible_types(a: Event, b: Event) -> bool:
    if a.event_type == b.event_type:
        return True
    return {a.sub_event_type, b.sub_event_type} <= JOINS_PROTEST or _victims_of(a, b)


def _victims_of(a: Event, b: Event) -> bool:
    """One is a strike or a blast and the other deaths told with no weapon and no doer of their
    own ("a guided bomb hit Saltivka ... the governor confirmed: three people died as a result of
    the strike"): the strike's toll, told again, not an attack of its own."""
    blast, other = (a, b) if a.event_type == BLASTS else (b, a)
    return (
        blast.event_type == BLASTS
        and other.sub_event_type == ATTACK
        and other.weapon is None
        and "actor1" not in other.support
    )


def _told(events: list[Event], candidate: Candidate, unnamed: set[int]) -> Event | None:
    """The event a bare candidate goes on telling: the last of its kind, unless a later event
    was told at the candidate's place and that one is elsewhere ("In Kyiv, a peaceful rally ...
    In Odesa, a crowd surrounded a bus. Part of the crowd smashed its windows": the smashing is
    Odesa's, not the rally's)."""
    moved_on = False
    for event in reversed(events):
        if _continues(event, candidate, id(event) in unnamed):
            return None if moved_on and _elsewhere(event, candidate.event) else event
        moved_on = moved_on or _at(event, candidate.event)
    return None


def _at(event: Event, bare: Event) -> bool:
    return event.location is not None and bare.location is not None and same_place(event, bare)


def _elsewhere(event: Event, bare: Event) -> bool:
    return event.location is not None and bare.location is not None and not same_place(event, bare)


def _same_happening(a: Event, b: Event, unnamed: set[int]) -> bool:
    """``unnamed``: the events whose perpetrator is known by kind only ("militants"), who may be
    the group another report names."""
    if _turns_violent(a, b):
        return True
    if not _compatible_types(a, b) or not same_place(a, b):
        return False
    if a.weapon and b.weapon and a.weapon != b.weapon:
        return False
    if a.event_date and b.event_date and not a.event_date.overlaps(b.event_date):
        return False
    named = [("actor1" in e.support and id(e) not in unnamed) for e in (a, b)]
    return not (all(named) and a.actor1 != b.actor1)


def _turns_violent(protest: Event, riot: Event) -> bool:
    """A riot told after a protest that names no place of its own ("Thousands marched on
    Saturday. There were scuffles in Paris") is that protest turning violent."""
    return (
        protest.event_type == "Protests"
        and riot.event_type == "Riots"
        and protest.location is None
        and not (
            protest.event_date
            and riot.event_date
            and not protest.event_date.overlaps(riot.event_date)
        )
    )


def _absorb(event: Event, other: Event, added: frozenset[str]) -> None:
    """Fold what ``other`` adds into ``event``."""
    if "actor1" not in event.support and "actor1" in other.support:
        event.actor1, event.inter1 = other.actor1, other.inter1
        event.support["actor1"] = other.support["actor1"]
    for name in ("actor2", "weapon", "event_date", "fatalities", "injuries"):
        if getattr(event, name) is None and getattr(other, name) is not None:
            setattr(event, name, getattr(other, name))
            if name in other.support:
                event.support[name] = other.support[name]
            if name == "actor2":
                event.inter2 = other.inter2  # the target's type comes with it
    if other.actor2 and event.actor2 and other.actor2 != event.actor2 and not event.assoc_actor_2:
        event.assoc_actor_2 = other.actor2
    _keep_lowest(event, other, added)
    _keep_most_precise_place(event, other)
    if event.sub_event_type == "Arrests" and other.event_type == "Riots":
        _retype(event, other)
        event.actor1, event.inter1 = other.actor1, other.inter1
    _escalate_protest(event, other)
    if event.sub_event_type in OUTRANKS.get(other.sub_event_type, ()):
        _retype(event, other)
    event.claims.extend(other.claims)
    apply_claims(event)


def _keep_lowest(event: Event, other: Event, words: frozenset[str]) -> None:
    """Two figures are two reports of one toll, of which ACLED keeps the lowest, unless the
    later one tells more deaths ("Three attackers were also killed"): those add up."""
    toll, told = other.support.get("fatalities"), other.evidence
    added = (
        toll is not None
        and told is not None
        and adds_to_toll(told.sentence, told.start, toll, words)
    )
    for name in ("fatalities", "injuries"):
        mine, theirs = getattr(event, name), getattr(other, name)
        if added and name == "fatalities" and other.evidence != event.evidence and mine and theirs:
            setattr(event, name, mine + theirs)
        elif mine is not None and theirs is not None and theirs < mine:
            setattr(event, name, theirs)
            event.support[name] = other.support[name]


def _keep_most_precise_place(event: Event, other: Event) -> None:
    if other.location is None:
        return
    if event.location is None or (other.geo_precision or 3) < (event.geo_precision or 3):
        for name in PLACE_FIELDS:
            setattr(event, name, getattr(other, name))
        event.support["location"] = other.support["location"]


def _escalate_protest(event: Event, other: Event) -> None:
    if event.sub_event_type not in PROTEST_ESCALATION:
        return
    if other.event_type == "Riots":
        # A protest that turns violent is a violent demonstration (ACLED), a fight at it too.
        if other.sub_event_type == MOB_AT_PROTEST:
            _retype(event, other)
        else:
            event.event_type, event.sub_event_type = other.event_type, MOB_AT_PROTEST
        event.actor1, event.inter1 = other.actor1, other.inter1
        return
    if other.sub_event_type in CROWD_VIOLENCE and other.inter1 in CROWD_INTERS:
        # The crowd beating or attacking people at its protest riots.
        event.event_type, event.sub_event_type = "Riots", MOB_AT_PROTEST
        return
    if other.sub_event_type == "Looting/property destruction":
        # A crowd burning or looting at its protest riots (ACLED's violent demonstration).
        event.event_type, event.sub_event_type = "Riots", MOB_AT_PROTEST
        return
    theirs = "Protest with intervention" if other.sub_event_type == "Arrests" else None
    theirs = other.sub_event_type if other.sub_event_type in PROTEST_ESCALATION else theirs
    if theirs and PROTEST_ESCALATION.index(theirs) > PROTEST_ESCALATION.index(event.sub_event_type):
        event.sub_event_type = theirs
        if event.actor2 is None and other.sub_event_type == "Arrests" and other.actor1:
            event.actor2 = other.actor1


def _retype(event: Event, other: Event) -> None:
    """``event`` takes the type of ``other``, with its codes and the words that tell it."""
    event.event_type, event.sub_event_type = other.event_type, other.sub_event_type
    event.plover, event.cameo = other.plover, other.cameo
    for name in ("event_type", "sub_event_type"):
        if name in other.support:
            event.support[name] = other.support[name]


def apply_claims(event: Event) -> None:
    event.claim_status = strongest(event.claims)
    claimed = next((c for c in event.claims if c.status == "claimed" and c.by), None)
    event.claimed_by = claimed.by if claimed else None
    reported = next((c for c in event.claims if c.status != "claimed" and c.by), None)
    event.reported_by = reported.by if reported else None
