"""Stage 4: find the mentions of each sentence — triggers, actors, weapons, cues.

Each matcher scans the whole document once (one Aho-Corasick pass per lexicon); matches are then
dealt out to the sentences they fall in. Places, dates and casualties come from their own stages
and are dealt out the same way (see pipeline.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from conflictlens.coder.lexicon import (
    NEEDS_COMMUNITY,
    NEEDS_NATIONALITY,
    ActorLexeme,
    ActorNamer,
    LanguageLexicon,
    group_of,
    of_group,
)
from conflictlens.model import (
    ActorMention,
    CueMention,
    Sentence,
    SentenceMentions,
    Span,
    TriggerMention,
    WeaponMention,
)
from conflictlens.text.match import Match, PhraseScan

__all__ = ["distribute", "find_mentions", "is_adjacent"]

T = TypeVar("T")

ADJACENT_MAX_WORDS = 1
"""How many words may stand between a noun and its nationality adjective: "la base d'occupation
américaine" has one ("d'occupation"); calibrated on the seed and the project's gold articles."""
_GAP_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_GAP_ALLOWED = re.compile(r"[\s\w'-]*")
_SPACE = frozenset(" \n\t")
ARMED_KINDS = frozenset({"unidentified", "ethnic_militia", "communal_militia", "gang"})
"""Armed men of no name: beside a community's name ("Pokot raiders", "Tiv militias", "Fulani
gunmen") they are that community's militia, which ACLED names "<Community> Ethnic Militia"."""
PEOPLE_KINDS = frozenset({"civilians"})
"""People named by what they do ("Fulani herders", "Bariba farmers"): of their community, and its
militia only when they do violence (coder/roles.py)."""
IDENTITY_MILITIA_INTER = 4
"""ACLED's inter code of ethnic and communal militias."""
CONJUNCTION_CHARS = 3
"""A coordinating conjunction is one short word in the six languages ("and", "et", "y", "и",
"і", "و" written apart): "Borana and Gabra militias" names two communities' militias."""


def is_adjacent(
    folded: str, left_end: int, right_start: int, max_words: int = ADJACENT_MAX_WORDS
) -> bool:
    """True when at most ``max_words`` words, and no punctuation, separate two matches."""
    if right_start <= left_end:
        return right_start == left_end and max_words >= 0
    # Read in place (no copy of the gap): this runs for many pairs of matches per document.
    allowed = _GAP_ALLOWED.match(folded, left_end, right_start)
    if allowed is None or allowed.end() != right_start:
        return False
    return len(_GAP_WORD.findall(folded, left_end, right_start)) <= max_words


class _Gaps:
    """:func:`is_adjacent` for the many pairs of matches of one document: how far the text runs
    without punctuation from a position is read once per position, and a pair beyond it is
    rejected without reading the gap."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self._reach: dict[int, int] = {}

    def adjacent(
        self, left_end: int, right_start: int, max_words: int = ADJACENT_MAX_WORDS
    ) -> bool:
        if right_start <= left_end:
            return right_start == left_end and max_words >= 0
        if right_start - left_end == 1 and max_words >= 0 and self.folded[left_end] in _SPACE:
            return True  # the usual case: one space between
        reach = self._reach.get(left_end)
        if reach is None:
            allowed = _GAP_ALLOWED.match(self.folded, left_end)
            reach = self._reach[left_end] = allowed.end() if allowed else left_end
        if right_start > reach:
            return False
        return len(_GAP_WORD.findall(self.folded, left_end, right_start)) <= max_words


def distribute(sentences: Sequence[Sentence], items: Iterable[T]) -> list[list[T]]:
    """Deal items with a ``span.start`` out to the sentences that contain them."""
    starts = [s.start for s in sentences]
    buckets: list[list[T]] = [[] for _ in sentences]
    for item in items:
        position = item.span.start  # type: ignore[attr-defined]
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < sentences[index].end:
            buckets[index].append(item)
    return buckets


def find_mentions(
    text: str,
    folded: str,
    sentences: Sequence[Sentence],
    lexicon: LanguageLexicon,
    namer: ActorNamer,
    scan: PhraseScan | None = None,
) -> list[SentenceMentions]:
    """Triggers, actors, weapons and cues of every sentence; ``scan``, when given, holds the
    occurrences of the lexicon's words in ``folded`` (see :meth:`LanguageLexicon.matchers`)."""
    gaps = _Gaps(folded)
    actor_matches = lexicon.actors.find(text, folded, scan)
    qualifiers = lexicon.demonyms.find(text, folded, scan)
    demonyms = [m for m in qualifiers if m.payload.kind == "demonym"]
    communities = [m for m in qualifiers if m.payload.kind == "ethnic"]
    triggers = [
        TriggerMention(
            span=Span(m.start, m.end, text[m.start : m.end]),
            key=m.key,
            sub_event_type=m.payload.sub_event_type,
            needs_weapon=m.payload.weak,
        )
        for m in lexicon.triggers.find(text, folded, scan)
    ]
    weapons = [
        WeaponMention(
            Span(m.start, m.end, text[m.start : m.end]),
            m.payload,
            owner_marked=_next_to_demonym(gaps, m, demonyms),
        )
        for m in lexicon.weapons.find(text, folded, scan)
    ]
    cues = [
        CueMention(Span(m.start, m.end, text[m.start : m.end]), m.payload, m.key)  # type: ignore[arg-type]
        for m in lexicon.cues.find(text, folded, scan)
    ]
    actors = _resolve_actors(text, gaps, actor_matches, demonyms, communities, namer)
    actors += _paired_communities(text, gaps, actors, communities)
    actors += _nationalities_on_events(
        text, gaps, actor_matches, demonyms, triggers, weapons, namer
    )
    actors.sort(key=lambda a: a.span.start)
    per_sentence = [SentenceMentions(sentence) for sentence in sentences]
    for bucket, found in zip(per_sentence, distribute(sentences, triggers), strict=True):
        bucket.triggers = found
    for bucket, found_w in zip(per_sentence, distribute(sentences, weapons), strict=True):
        bucket.weapons = found_w
    for bucket, found_c in zip(per_sentence, distribute(sentences, cues), strict=True):
        bucket.cues = found_c
    for bucket, found_a in zip(per_sentence, distribute(sentences, actors), strict=True):
        bucket.actors = found_a
    return per_sentence


def _next_to_demonym(gaps: _Gaps, match: Match[str], demonyms: list[Match[ActorLexeme]]) -> bool:
    return any(_either_side(gaps, match, d, ADJACENT_MAX_WORDS) for d in demonyms)


def _nationalities_on_events(
    text: str,
    gaps: _Gaps,
    matches: list[Match[ActorLexeme]],
    demonyms: list[Match[ActorLexeme]],
    triggers: list[TriggerMention],
    weapons: list[WeaponMention],
    namer: ActorNamer,
) -> list[ActorMention]:
    """A nationality standing on an event word or a weapon names the perpetrator's forces."""
    spans = [t.span for t in triggers if not t.needs_weapon] + [w.span for w in weapons]
    found = []
    for match in demonyms:
        if any(_adjacent(gaps, match, other) for other in matches):
            continue  # it qualifies an actor word ("forces russes", "résistance irakienne")
        country = namer.country(match.payload.value)
        if country is None or not any(_touches(gaps, match, span) for span in spans):
            continue
        found.append(
            ActorMention(
                Span(match.start, match.end, text[match.start : match.end]),
                namer.name("military", country),
                namer.inter("military"),
                country,
                qualifies_event=True,
                generic_kind="military",
            )
        )
    return found


def _adjacent(gaps: _Gaps, a: Match[ActorLexeme], b: Match[ActorLexeme] | Span) -> bool:
    """Side by side, or one inside the other ("base américaine" holds "américaine")."""
    if b.start <= a.start and a.end <= b.end:
        return True
    return _either_side(gaps, a, b, ADJACENT_MAX_WORDS)


def _either_side(gaps: _Gaps, a: Match[Any] | Span, b: Match[Any] | Span, max_words: int) -> bool:
    """``b`` right after ``a`` or right before it. Only the order the two stand in is read: the
    other one cannot be adjacent."""
    if a.end <= b.start:
        return gaps.adjacent(a.end, b.start, max_words)
    return b.end <= a.start and gaps.adjacent(b.end, a.start, max_words)


def _touching(gaps: _Gaps, a: Match[ActorLexeme], b: Match[ActorLexeme]) -> bool:
    return _either_side(gaps, a, b, 0)


def _touches(gaps: _Gaps, a: Match[ActorLexeme], b: Span) -> bool:
    """A nationality on an event word stands right by it: "frappes israéliennes", "Russian
    missiles"; "targeted the Liberian-flagged ship" does not make Liberia the attacker."""
    return _either_side(gaps, a, b, 0)


def _resolve_actors(
    text: str,
    gaps: _Gaps,
    matches: list[Match[ActorLexeme]],
    demonyms: list[Match[ActorLexeme]],
    communities: list[Match[ActorLexeme]],
    namer: ActorNamer,
) -> list[ActorMention]:
    """Turn actor words into actors, joining kinds to nationalities ("forces" + "américaines")
    and to communities ("Pokot" + "raiders")."""
    resolved: list[ActorMention] = []
    named = [m for m in matches if m.payload.kind == "named"]
    for match in matches:
        lexeme = match.payload
        if lexeme.kind == "generic" and any(_touching(gaps, match, n) for n in named):
            continue  # "ISGS militants", "Taliban fighters": the name says who they are
        span = Span(match.start, match.end, text[match.start : match.end])
        if lexeme.kind == "named":
            resolved.append(ActorMention(span, lexeme.value, lexeme.inter, lexeme.country))
        elif lexeme.kind == "reporter":
            resolved.append(
                ActorMention(
                    span,
                    lexeme.value,
                    reporter=True,
                    authority=lexeme.authority,
                    speaks_for=lexeme.speaks_for,
                )
            )
        else:
            actor = _generic(text, gaps, match, span, demonyms, namer)
            actor = _of_community(text, gaps, match, actor, communities, namer)
            if lexeme.value == NEEDS_COMMUNITY and group_of(actor.generic_kind) is None:
                continue  # "the militia": whose, the text does not say here
            if actor.name or lexeme.value != NEEDS_NATIONALITY:
                resolved.append(actor)
    return resolved


def _generic(
    text: str,
    gaps: _Gaps,
    match: Match[ActorLexeme],
    span: Span,
    demonyms: list[Match[ActorLexeme]],
    namer: ActorNamer,
) -> ActorMention:
    facility = match.payload.kind == "facility"
    kind = match.payload.value
    if kind == NEEDS_NATIONALITY:
        kind = "military"
    elif kind == NEEDS_COMMUNITY:
        kind = "ethnic_militia"
    nationality = next((d for d in demonyms if _adjacent(gaps, d, match)), None)
    country = namer.country(nationality.payload.value) if nationality else None
    if nationality is not None:
        start, end = min(span.start, nationality.start), max(span.end, nationality.end)
        span = Span(start, end, text[start:end])
    name = namer.name(kind, country) if country else ""
    return ActorMention(
        span, name, namer.inter(kind), country, holds_facility=facility, generic_kind=kind
    )


def _of_community(
    text: str,
    gaps: _Gaps,
    match: Match[ActorLexeme],
    actor: ActorMention,
    communities: list[Match[ActorLexeme]],
    namer: ActorNamer,
) -> ActorMention:
    """Armed men or people named with their community ("Pokot raiders", "Fulani herders") are of
    that community: its ethnic militia, or its people (see ARMED_KINDS, PEOPLE_KINDS)."""
    kind = actor.generic_kind or ""
    if match.payload.kind != "generic" or kind not in ARMED_KINDS | PEOPLE_KINDS:
        return actor
    # The community's name stands right by the word ("Pokot raiders", "éleveurs peuls"): one
    # word farther, it may be the object of a verb ("farmers attacked Fulani").
    community = next((c for c in communities if _touching(gaps, c, match)), None)
    if community is None:
        return actor
    kind = of_group("ethnic_militia" if kind in ARMED_KINDS else kind, community.payload.value)
    start, end = min(actor.span.start, community.start), max(actor.span.end, community.end)
    name = namer.name(kind, actor.country) if actor.country else ""
    return replace(
        actor,
        span=Span(start, end, text[start:end]),
        name=name,
        inter=namer.inter(kind),
        generic_kind=kind,
    )


def _paired_communities(
    text: str, gaps: _Gaps, actors: list[ActorMention], communities: list[Match[ActorLexeme]]
) -> list[ActorMention]:
    """A community joined by "and" to another community's armed men or people ("clashes between
    Borana and Gabra militias", "the Garre and Degodia clans") names its own of the same kind."""
    found = []
    for community in communities:
        if any(a.span.start <= community.start < a.span.end for a in actors):
            continue
        partner = next(
            (
                a
                for a in actors
                if (group_of(a.generic_kind) is not None or a.inter == IDENTITY_MILITIA_INTER)
                and a.span.start > community.end
                and _conjunction_between(text, gaps, community.end, a.span.start)
            ),
            None,
        )
        if partner is None:
            continue
        # A named community's militia ("Gabra militias") makes its partner one too.
        kind = of_group(partner.generic_kind or "ethnic_militia", community.payload.value)
        span = Span(community.start, community.end, text[community.start : community.end])
        found.append(replace(partner, span=span, name="", country=None, generic_kind=kind))
    return found


def _conjunction_between(text: str, gaps: _Gaps, end: int, start: int) -> bool:
    """One short word, and no punctuation, between two positions."""
    if not gaps.adjacent(end, start, 1):
        return False
    words = text[end:start].split()
    return len(words) == 1 and len(words[0]) <= CONJUNCTION_CHARS and words[0].isalpha()
