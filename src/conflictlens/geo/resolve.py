"""Reading the document's context, and choosing one place for each name found within it.

The document votes for countries and provinces: country names, demonyms ("syrienne", "Iraqi"),
provinces, curated sites and towns give the country they name or lie in (a country 2, a curated
place 1.5, any other 1), and a province or town its province (a province named outright
``PROVINCE_VOTE``, a town 1, a town whose name several provinces share ``SHARED_VOTE``); a county
name in a list ("Jackson and Barrow counties") votes for the US and, when few states share it,
for its state. Towns the document places are the anchors its other names are measured against.
How a name's candidates are weighed against these is :mod:`conflictlens.geo.scoring`'s job.

The words around a name hint at its place: a demonym qualifying it ("la ville syrienne
d'Al-Hasakah") narrows it; a province word ("Anbar province", "ريف") favours the province, a town
word ("la ville de") the town, and a word after it ("a Lebanon woman", "Lebanon police") a town
over a country. The names listed or paired with it narrow it too ("Paris, Texas", "Ohio, Oregon,
Washington and Utah"; :mod:`conflictlens.geo.neighbours`).

A name's own votes are left out of the context it is judged by, and so are those of another
name of a town it may be ("Dublin City Council" is no vote for Ireland's Dublin).

The document's ambiguous names also say, all together, where it may be: "Columbus", "New Castle"
and "Hagerstown" each have towns in several states, but all three in Indiana. Each such name (its
plausible places towns of several provinces) gives each of these provinces an equal part of one
vote; what the other names give ranks a name's candidates (see
:func:`conflictlens.geo.scoring.share_provinces`).

The document's context is read first from the names that are safe on their priors alone, then
again from every name as last resolved, until the choices settle (at most ``_REREADS`` times), so
that a village is placed by the towns around it.

A name keeps one sense per document: every mention of it resolves to the place its best mention
supports (a mention with a province word is read apart). A small place's name is taken for a
person's in the whole document when one of its mentions looks like part of a person's name
("Bob Jones", "Mr. Paris", "Jones said"); so is any name, a large town's too, that one mention
shows after a given name and another before a speaking verb ("Geoff Chester ... Chester said").

A demonym is no place ("Canadian winters"), nor a town name in a list of counties ("Jackson
and Barrow counties", read as "Jackson County" is: a clue to the state, no point; see
:mod:`conflictlens.geo.neighbours`).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

from conflictlens.geo.cues import Cues
from conflictlens.geo.evidence import (
    ACCEPT,
    GIVEN_NAME,
    HINT_WEIGHT,
    NO_VOTE,
    SPEAKS,
    WIDE,
    Context,
    Mention,
    Verdict,
    Vote,
    senses,
    word_after,
)
from conflictlens.geo.gazetteer import TRUSTED, Gazetteer
from conflictlens.geo.homes import Home
from conflictlens.geo.mentions import MentionReader
from conflictlens.geo.neighbours import Neighbours
from conflictlens.geo.scan import Found
from conflictlens.geo.scoring import Name, Scorer, share_provinces
from conflictlens.model import Place, PlaceMention, Span
from conflictlens.text.match import Match

__all__ = ["Resolver"]

_MAX_ANCHORS = 40
_COUNTY_STATES = 3
"""A county name shared by more states than this is no vote for any one of them."""
_PLACES = 20_000
"""Place records kept made (Place is immutable, so they are shared between documents)."""
_REREADS = 3
"""Times the document's context is read again from the places last chosen, until the choices
settle (a village placed by its neighbours can place another). Calibrated on LGL (accuracy
within 161 km): one reread 0.864, two 0.867, three 0.868, more change nothing."""
PROVINCE_VOTE = 3.0
"""Votes of a province named outright ("Ohio", "W.Va.") for the document's province (a town
gives 1). Calibrated on LGL: 1 gives 0.866, 2 to 3 0.869, 4 0.867."""
SHARED_VOTE = 0.25
"""Votes for its province of a town whose name towns of several provinces of its country carry
("Springfield"): its province is a guess. Calibrated on LGL: 0 gives 0.864 (such towns then
lose the support of their own kind), 0.1 to 0.25 0.868-0.869, 0.5 0.868, 1 0.866."""


class Resolver:
    def __init__(self, gazetteer: Gazetteer, cues: Cues) -> None:
        self._gaz = gazetteer
        self._cues = cues
        self._reader = MentionReader(gazetteer, cues)
        self._scorer = Scorer(gazetteer)
        self._neighbours = Neighbours(gazetteer, cues)
        self._places: dict[int, Place] = {}
        self._known: dict[int, tuple[str, str, bool]] = {}
        self._country = gazetteer.features.index("country")
        self._admin1 = gazetteer.features.index("admin1")

    def resolve(
        self, text: str, folded: str, found: Sequence[Found], home: Home | None = None
    ) -> list[PlaceMention]:
        out = [
            (m.found.start, self._place_mention(text, folded, m, verdict.place))
            for name, verdict in self._choose(text, folded, found, home)
            for m in name.mentions
        ]
        return [mention for _, mention in sorted(out, key=lambda item: item[0])]

    def areas(self, text: str, folded: str, found: Sequence[Found]) -> list[tuple[str, str]]:
        """(country ISO code, admin1 key or "") of the names whose every reading lies in that
        country or province: what the document says of where it is, whatever the choice (an
        outlet's home is learned from these, so that a first wrong reading of its home town is
        not learned as its home)."""
        areas = []
        for name, verdict in self._choose(text, folded, found, None):
            readings = {self._facts(p)[:2] for p in name.places} or {self._facts(verdict.place)[:2]}
            countries = {iso for iso, _ in readings}
            provinces = {key for _, key in readings}
            if len(countries) == 1:
                areas.append((countries.pop(), provinces.pop() if len(provinces) == 1 else ""))
        return areas

    def _choose(
        self, text: str, folded: str, found: Sequence[Found], home: Home | None
    ) -> list[tuple[Name, Verdict]]:
        """Each name of the document that is a place here, with its verdict."""
        if not found:
            return []
        demonyms = self._cues.demonyms(text, folded)
        counties = self._reader.counties(text)
        mentions = self._mentions(text, folded, found, demonyms, counties)
        if not mentions:
            return []
        # What the choice reads of each name is the same in every round: read it once.
        names = [self._name(group) for group in senses(mentions).values()]
        votes: dict[tuple[int, int], Vote] = {}
        guesses = {m.number: self._first_guess(m) for m in mentions}
        share_provinces(names)
        context = self._context(demonyms, counties, mentions, guesses, votes, home)
        verdicts = [self._scorer.choose(name, context) for name in names]
        for _ in range(_REREADS):
            choices = _choices(names, verdicts)
            if choices == guesses:
                break  # the last round changed nothing: the reading has settled
            guesses = choices
            context = self._context(demonyms, counties, mentions, choices, votes, home)
            verdicts = [
                first if self._settled(name, first) else self._scorer.choose(name, context)
                for name, first in zip(names, verdicts, strict=True)
            ]
        return [
            (name, verdict)
            for name, verdict in zip(names, verdicts, strict=True)
            if verdict is not None
        ]

    def _name(self, group: list[Mention]) -> Name:
        """A name's mentions with what every round of the choice reads of them."""
        first = group[0].candidates
        if len(first) == 1 and all(m.candidates == first for m in group):
            place, prior = first[0]
            if self._strong(place, group[0]):  # one curated or country place: nothing to weigh
                fixed = Verdict(place, prior, 0.0)
                return Name(group, set(), set(), set(), prior, [], True, False, fixed=fixed)
        known, facts = self._known, self._facts
        pairs = []
        for mention in group:
            country = mention.hint if mention.hint != "+" else None
            for place, prior in mention.candidates:
                iso, key, wide = known.get(place) or facts(place)
                hint = 0.0
                if country is not None:
                    hint = HINT_WEIGHT if country == iso else -1.0
                pairs.append((place, prior, hint, iso, key, wide))
        places = {pair[0] for pair in pairs}
        key = group[0].found.key  # the same for every mention of a name
        flags = self._gaz.flags
        return Name(
            mentions=group,
            numbers={m.number for m in group},
            places=places,
            keys={key},
            top=max([pair[1] for pair in pairs]) if pairs else None,
            pairs=pairs,
            trusted=not self._reader.ambiguous(key) and any([flags[p] & TRUSTED for p in places]),
            person=any([m.person for m in group]) or _person_by_cues(group),
        )

    def _facts(self, place: int) -> tuple[str, str, bool]:
        """(country ISO code, province key or "", stands for an area), remembered."""
        known = self._known.get(place)
        if known is None:
            if len(self._known) > _PLACES:
                self._known.clear()
            gaz = self._gaz
            known = (gaz.iso(place), self._key(place), gaz.feature_of(place) in WIDE)
            self._known[place] = known
        return known

    def _mentions(
        self,
        text: str,
        folded: str,
        found: Sequence[Found],
        demonyms: list[Match[str]],
        counties: list[tuple[str, ...]],
    ) -> list[Mention]:
        """The names that may be places, with their candidates narrowed by the words around."""
        adjectives = {(d.start, d.end) for d in demonyms}
        mentions = [
            m
            for n, f in enumerate(found)
            if (m := self._reader.mention(text, folded, f, n, demonyms))
            and not ((f.start, f.end) in adjectives and self._only_towns(m))
        ]
        towns = {
            m.found.key
            for m in mentions
            if word_after(folded, m.around.end) in self._cues.town_after
        }
        for mention in mentions:
            if mention.found.key in towns:  # one sense per document
                self._town_reading(mention)
        mentions = self._neighbours.without_county_lists(text, folded, mentions, counties)
        self._neighbours.narrow(folded, mentions)
        return mentions

    def _town_reading(self, mention: Mention) -> None:
        """A name a town word follows ("a Lebanon woman") is read as a town when one carries it."""
        gaz = self._gaz
        towns = [c for c in mention.candidates if gaz.feature[c[0]] != self._country]
        if towns:
            mention.candidates = towns

    def _only_towns(self, mention: Mention) -> bool:
        """No curated or country place carries the name: a demonym with that spelling is then
        no place ("Canadian winters" are not the town of Canadian, Texas), while "Afghanistan"
        (which an "Afghan*" demonym also covers) stays a country."""
        return not any(self._gaz.flags[p] & TRUSTED for p, _ in mention.candidates)

    @staticmethod
    def _settled(name: Name, first: Verdict | None) -> bool:
        """A name with one place, kept whatever the context, is settled in the first round."""
        return first is not None and len(name.mentions[0].candidates) == 1

    # --- document context ---------------------------------------------------------------------

    def _first_guess(self, mention: Mention) -> int | None:
        """The mention's place on priors alone, when it is safe enough to vote."""
        if not mention.candidates:
            return None
        place, score = max(mention.candidates, key=itemgetter(1))
        if self._strong(place, mention):
            return place
        return None if mention.person or score < ACCEPT + 1.0 else place

    def _context(
        self,
        demonyms: list[Match[str]],
        counties: list[tuple[str, ...]],
        mentions: list[Mention],
        choices: dict[int, int | None],
        votes: dict[tuple[int, int], Vote],
        home: Home | None,
    ) -> Context:
        """What the document is about: votes of its demonyms, counties and places so far
        (``votes`` remembers each mention's vote for a place from one round to the next), and
        where its outlet writes from (``home``)."""
        context = Context(home=home)
        for demonym in demonyms:
            context.countries[demonym.payload] += 1.0
        for states in counties:
            context.countries["US"] += 1.0  # even a name many states share says "the US"
            context.counties.update(states)
            for state in states if len(states) <= _COUNTY_STATES else ():
                context.admin1[state] += 1.0
        gaz = self._gaz
        for mention in mentions:
            place = choices[mention.number]
            if place is None or mention.site:  # a site's name says nothing of the document
                mention.vote = NO_VOTE
                continue
            vote = votes.get((mention.number, place))
            if vote is None:
                vote = votes[(mention.number, place)] = self._vote(place, mention)
            mention.vote = vote
            context.voters.append(mention)
            context.countries[vote.country] += vote.weight
            context.admin1[vote.province] += vote.province_weight
            if vote.town >= 0 and len(context.anchors) < _MAX_ANCHORS:
                context.anchors.append((gaz.latitude[place], gaz.longitude[place], mention.number))
        context.countries.pop("", None)
        return context

    def _vote(self, place: int, mention: Mention) -> Vote:
        iso, key, wide = self._facts(place)
        return Vote(
            iso,
            self._vote_weight(place),
            key,
            self._province_vote(place, mention) if key else 0.0,
            place if not wide else -1,
        )

    def _strong(self, place: int, mention: Mention) -> bool:
        """Kept whatever the context: a curated, country or curated-province name."""
        return bool(self._gaz.flags[place] & TRUSTED) and not self._reader.ambiguous(
            mention.found.key
        )

    def _vote_weight(self, place: int) -> float:
        if self._gaz.feature[place] == self._country:
            return 2.0
        if self._gaz.flags[place] & TRUSTED:
            return 1.5
        return 1.0

    def _province_vote(self, place: int, mention: Mention) -> float:
        """A province named outright says more about the document than a town whose name
        several provinces share ("Springfield"); a town whose name one province holds says
        as much as any town."""
        gaz = self._gaz
        if gaz.feature[place] == self._admin1:
            return PROVINCE_VOTE
        key = self._key(place)
        if all(self._key(p) == key for p, _ in mention.candidates if gaz.iso(p) == gaz.iso(place)):
            return 1.0
        return SHARED_VOTE

    def _key(self, place: int) -> str:
        return self._gaz.admin1_key(place) if self._gaz.admin1[place] else ""

    # --- output -------------------------------------------------------------------------------

    def _place(self, place_id: int) -> Place:
        """The public record of a row, made once (countries and big towns come back often)."""
        place = self._places.get(place_id)
        if place is None:
            if len(self._places) > _PLACES:
                self._places.clear()
            place = self._places[place_id] = self._gaz.place(place_id)
        return place

    def _place_mention(
        self, text: str, folded: str, mention: Mention, place_id: int
    ) -> PlaceMention:
        place = self._place(place_id)
        relation = mention.around.relation
        if relation == "near" and place.feature in ("country", "admin1", "region"):
            relation = "region"
        if mention.found.how == "adjective" or (
            place.feature == "admin1" and mention.around.province
        ):
            relation = "region"
        start, end = mention.found.start, mention.found.end
        if place.feature == "admin1":
            end = max(end, mention.around.end)  # "Anbar province", "Херсонської області"
        if "." in text[start:end] and text[end : end + 1] == ".":
            end += 1  # "U.S.", "N.Y.": the abbreviation's last dot
        seat = place.feature == "city" and self._cues.seat(folded, start, end)
        span = Span(start, end, text[start:end])
        return PlaceMention(span, place, relation, seat, in_name=mention.site)


def _choices(names: list[Name], verdicts: list[Verdict | None]) -> dict[int, int | None]:
    """The place each mention resolved to (None: no place)."""
    return {
        m.number: verdict.place if verdict is not None else None
        for name, verdict in zip(names, verdicts, strict=True)
        for m in name.mentions
    }


def _person_by_cues(group: list[Mention]) -> bool:
    """One mention of the name follows a given name and another a speaking verb follows
    ("Geoff Chester, an astronomer, ... Chester said"): a person's name, whatever the place."""
    cues = 0
    for mention in group:
        cues |= mention.person_cues
    return cues == GIVEN_NAME | SPEAKS
