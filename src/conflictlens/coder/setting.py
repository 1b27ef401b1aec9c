"""Where and when: an event's place and date, from its sentence and the article around it.

- The places of a sentence are its event's, except a dateline's ("KYIV -", "BOGOTÁ, 12 mar. —":
  where the report was filed), a country or region inside an actor's name ("U.S. service
  members", "la Résistance islamique en Irak": whose the actor is) and a place right before a
  speaking word ("officials in Kyiv said": who speaks). A sentence with no event word that names
  a place, a date and a toll sets a new scene for the sentences after it.
- A sentence's date is its event's, except a date right after a speaking word, which dates the
  statement ("the Pentagon confirmed on Tuesday that a drone attack ... on Monday").
- A date more than ``RECALL_DAYS`` before publication is an event the article recalls, and one
  after it a plan; a sentence dated ``BACKGROUND_DAYS`` or more before the event told before it
  is background to that event ("after riots in the prisons the previous week"), not part of it;
  an event with no date of its own takes the last date the article gave before it, else the
  first, else the publication date.
- The country the article names most names the generic actors of an event whose own place is
  unknown; with none, the country the outlet writes from (a named armed group's home country
  counts only when that is unknown too).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from conflictlens.coder.places import choose_place
from conflictlens.coder.speakers import SPEAKING_CUES, STATE_INTER
from conflictlens.model import (
    ActorMention,
    DateMention,
    Event,
    PartialDate,
    PlaceMention,
    SentenceMentions,
)

__all__ = [
    "WIDE_PLACES",
    "background",
    "event_places",
    "fill_dates",
    "main_country",
    "most_specific",
    "new_scene",
    "own_date",
    "recalled_or_planned",
    "set_place",
]

WIDE_PLACES = frozenset({"country"})
NAMED_AREAS = frozenset({"country", "region"})
"""Areas a group takes its name from ("la Résistance islamique en Irak", "al-Qaïda au Maghreb
islamique"): inside an actor's name they say whose the actor is, not where the event was."""
RECALL_DAYS = 10
"""An event whose own date ends more than this many days before the publication date is one the
article recalls, not one it reports (news reports events of the last days; calibrated on the
project's gold articles, where the oldest reported event is 8 days old)."""
BACKGROUND_DAYS = 2
"""A sentence whose own date ends at least this many days before the date of the event told
before it tells what led to that event ("It followed riots in the prisons the previous week"),
not the event: two days leave a whole day between them, so that a night told as the day before
("overnight", "late on Saturday") stays with the event it leads into. Calibrated on the ACLED
development notes, whose background sentences are a week older than the note's event (one day
or two gives the same scores there and on the project's gold articles)."""
FUTURE_SLACK_DAYS = 1
"""An event dated after its publication date (a planned march) is not an event yet; one day of
slack absorbs time zones."""
STATEMENT_DATE_GAP = 4
"""Characters between a speaking word and the date of the statement: a space and a preposition
("said on Monday", "a déclaré mardi", "заявил в понедельник" reads its preposition as part of
the date)."""
SPEAKER_GAP = 1
"""Characters between a place and the speaking word after it when the place names the speaker:
a space ("Moscow said"); a comma or a clause between ("in Kherson, the governor said") leaves
the place to the event."""
CLAUSE_ENDS = ".,;:!?\"'»)"
DATELINE_MARKS = ("—", "–", " - ", "(")
DATELINE_REACH = 16
"""A dateline ("KYIV -", "BOGOTÁ, 12 mar. —", "CALI. —") names where the report was filed, not
where the event happened: a capitalised place opening a paragraph with a dash within this many
characters after it is left out."""


def event_places(mentions: SentenceMentions) -> list[PlaceMention]:
    """The places of a sentence that may be its event's: not a dateline's ("KYIV -"), not a
    country inside an actor's name ("U.S. service members")."""
    places = [
        p
        for p in mentions.places
        if not _in_dateline(p, mentions) and not _in_actor_name(p, mentions)
    ]
    # A place before "reportedly" may be the only one the sentence gives: it stays. So does a
    # government's seat ("the Kabul government"), unless another place is told.
    told = [p for p in places if not p.seat and not _speaker_seat(p, mentions)]
    return told or places


def new_scene(mentions: SentenceMentions) -> bool:
    """A sentence with no event word that names a place, a date and a toll of its own sets a
    new scene ("In Tema, Friday's march ended with two dead"): what the next sentences
    tell without a place of their own happened there."""
    places = [p for p in event_places(mentions) if p.place.feature not in WIDE_PLACES]
    told = bool(places) and bool(mentions.casualties) and own_date(mentions) is not None
    return told and not mentions.triggers


def own_date(mentions: SentenceMentions) -> DateMention | None:
    """The sentence's first date that is not its statement's ("confirmed on Tuesday")."""
    return next((d for d in mentions.dates if not _statement_date(d, mentions)), None)


def main_country(sentences: Sequence[SentenceMentions], home: str | None = None) -> str | None:
    """The country the article names most: it names the generic actors of an event whose own
    place the gazetteer does not know ("gunmen attacked a village ... in Kenya"). ``home``, where
    the document's outlet writes from, comes after the places the article names."""
    counts = Counter(p.place.country for m in sentences for p in m.places if p.place.country)
    if not counts:
        # No place the gazetteer knows: the nationalities the article names ("Kenyan police").
        counts = Counter(
            a.country for m in sentences for a in m.actors if a.country and _tells_country(a, home)
        )
    return counts.most_common(1)[0][0] if counts else home


def _tells_country(actor: ActorMention, home: str | None) -> bool:
    """Whether an actor's country may stand for the article's. A named armed group fights across
    borders (JNIM in Burkina Faso, Al Shabaab in Kenya): its home country is a guess that only a
    text with nothing better to go on should take, so the outlet's home, when known, comes first.
    A state's forces or a nationality the text writes ("Kenyan police") stay."""
    return home is None or actor.generic_kind is not None or actor.inter == STATE_INTER


def _in_actor_name(place: PlaceMention, mentions: SentenceMentions) -> bool:
    """A country or a region named inside an actor's name is whose the actor is, not where the
    event was: "U.S. service members", "la Résistance islamique en Irak"; and so is any place
    inside a named group's name ("Ahrar al-Sham" is not Damascus, "Liwa al-Quds" not
    Jerusalem). A town inside a generic actor's words is the event's ("Kherson police")."""
    return any(
        a.span.start <= place.span.start
        and place.span.end <= a.span.end
        and (place.place.feature in NAMED_AREAS or a.generic_kind is None)
        for a in mentions.actors
    )


def _speaker_seat(place: PlaceMention, mentions: SentenceMentions) -> bool:
    """A place right before a speaking word that closes its clause is who speaks or where the
    speaker sits, not where the event was, when the sentence names another: "..., the interior
    ministry in Bamako said", "..., Kyiv denied"."""
    sentence = mentions.sentence
    return any(
        c.kind in SPEAKING_CUES
        and 0 <= c.span.start - place.span.end <= SPEAKER_GAP
        and _ends_clause(sentence.text[c.span.end - sentence.start :])
        for c in mentions.cues
    )


def _ends_clause(after: str) -> bool:
    """The speaking word closes its clause ("..., officials in Kyiv said." / "said, adding"),
    as a speaker's does; one that goes on ("Mombasa reportedly held a protest") is the event's
    own sentence."""
    rest = after.lstrip()
    return not rest or rest[0] in CLAUSE_ENDS


def _statement_date(date: DateMention, mentions: SentenceMentions) -> bool:
    """A date right after a speaking word dates the statement, not the event: "the Pentagon
    confirmed on Tuesday that a drone attack ... on Monday"."""
    return any(
        c.kind in SPEAKING_CUES and 0 <= date.span.start - c.span.end <= STATEMENT_DATE_GAP
        for c in mentions.cues
    )


def _in_dateline(place: PlaceMention, mentions: SentenceMentions) -> bool:
    sentence = mentions.sentence
    offset = place.span.start - sentence.start
    if offset > 0 or not place.span.text.isupper():
        return False
    after = sentence.text[
        offset + len(place.span.text) : offset + len(place.span.text) + DATELINE_REACH
    ]
    return any(mark in after for mark in DATELINE_MARKS)


def recalled_or_planned(date: PartialDate, published: PartialDate | None) -> bool:
    if published is None:
        return False
    days_before = (published.first_day() - date.last_day()).days
    days_after = (date.first_day() - published.last_day()).days
    return days_before > RECALL_DAYS or days_after > FUTURE_SLACK_DAYS


def background(date: PartialDate | None, event_date: PartialDate | None) -> bool:
    """Whether a sentence dated ``date`` is background to an event dated ``event_date`` that it
    follows: it ends ``BACKGROUND_DAYS`` or more before the event begins."""
    if date is None or event_date is None:
        return False
    return (event_date.first_day() - date.last_day()).days >= BACKGROUND_DAYS


def fill_dates(
    events: list[Event], sentences: Sequence[SentenceMentions], published: PartialDate | None
) -> None:
    """An event whose sentences give no date takes the last date the article gave before it,
    else the first date the article gives, else the publication date."""
    dated = [
        (m.sentence.start, m.dates[0].date)
        for m in sentences
        if m.dates and not recalled_or_planned(m.dates[0].date, published)
    ]
    first = dated[0][1] if dated else None
    for event in events:
        if event.event_date is not None or event.evidence is None:
            continue
        before = [date for start, date in dated if start < event.evidence.start]
        event.event_date = before[-1] if before else first or published


def most_specific(places: Sequence[PlaceMention]) -> PlaceMention | None:
    chosen, _precision = choose_place(places, None)
    return chosen


def set_place(event: Event, place: PlaceMention, precision: int) -> None:
    event.country = place.place.country
    event.admin1 = place.place.admin1
    event.location = place.place.name
    event.latitude = place.place.latitude
    event.longitude = place.place.longitude
    event.geo_precision = precision
    event.support["location"] = place.span
