"""Stage 4: find the mentions of each sentence — triggers, actors, weapons, cues.

Each matcher scans the whole document once (one Aho-Corasick pass per lexicon); matches are then
dealt out to the sentences they fall in. Places, dates and casualties come from their own stages
and are dealt out the same way (see pipeline.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import TypeVar

from conflictlens.coder.lexicon import NEEDS_NATIONALITY, ActorLexeme, ActorNamer, LanguageLexicon
from conflictlens.model import (
    ActorMention,
    CueMention,
    Sentence,
    SentenceMentions,
    Span,
    TriggerMention,
    WeaponMention,
)
from conflictlens.text.match import Match

__all__ = ["distribute", "find_mentions", "is_adjacent"]

T = TypeVar("T")

ADJACENT_MAX_WORDS = 1
"""How many words may stand between a noun and its nationality adjective: "la base d'occupation
américaine" has one ("d'occupation"); calibrated on the seed and the project's gold articles."""
_GAP_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_GAP_ALLOWED = re.compile(r"^[\s\w'-]*$")


def is_adjacent(
    folded: str, left_end: int, right_start: int, max_words: int = ADJACENT_MAX_WORDS
) -> bool:
    """True when at most ``max_words`` words, and no punctuation, separate two matches."""
    if right_start < left_end:
        return False
    gap = folded[left_end:right_start]
    return bool(_GAP_ALLOWED.match(gap)) and len(_GAP_WORD.findall(gap)) <= max_words


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
) -> list[SentenceMentions]:
    """Triggers, actors, weapons and cues of every sentence."""
    actor_matches = lexicon.actors.find(text, folded)
    demonyms = lexicon.demonyms.find(text, folded)
    triggers = [
        TriggerMention(
            span=Span(m.start, m.end, text[m.start : m.end]),
            key=m.key,
            sub_event_type=m.payload.sub_event_type,
            needs_weapon=m.payload.weak,
        )
        for m in lexicon.triggers.find(text, folded)
    ]
    weapons = [
        WeaponMention(
            Span(m.start, m.end, text[m.start : m.end]),
            m.payload,
            owner_marked=_next_to_demonym(folded, m, demonyms),
        )
        for m in lexicon.weapons.find(text, folded)
    ]
    cues = [
        CueMention(Span(m.start, m.end, text[m.start : m.end]), m.payload, m.key)  # type: ignore[arg-type]
        for m in lexicon.cues.find(text, folded)
    ]
    actors = _resolve_actors(text, folded, actor_matches, demonyms, namer)
    actors += _nationalities_on_events(
        text, folded, actor_matches, demonyms, triggers, weapons, namer
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


def _next_to_demonym(folded: str, match: Match[str], demonyms: list[Match[ActorLexeme]]) -> bool:
    return any(
        is_adjacent(folded, match.end, d.start) or is_adjacent(folded, d.end, match.start)
        for d in demonyms
    )


def _nationalities_on_events(
    text: str,
    folded: str,
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
        if any(_adjacent(folded, match, other) for other in matches):
            continue  # it qualifies an actor word ("forces russes", "résistance irakienne")
        country = namer.country(match.payload.value)
        if country is None or not any(_touches(folded, match, span) for span in spans):
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


def _adjacent(folded: str, a: Match[ActorLexeme], b: Match[ActorLexeme] | Span) -> bool:
    """Side by side, or one inside the other ("base américaine" holds "américaine")."""
    if b.start <= a.start and a.end <= b.end:
        return True
    return is_adjacent(folded, a.end, b.start) or is_adjacent(folded, b.end, a.start)


def _touching(folded: str, a: Match[ActorLexeme], b: Match[ActorLexeme]) -> bool:
    return is_adjacent(folded, a.end, b.start, 0) or is_adjacent(folded, b.end, a.start, 0)


def _touches(folded: str, a: Match[ActorLexeme], b: Span) -> bool:
    """A nationality on an event word stands right by it: "frappes israéliennes", "Russian
    missiles"; "targeted the Liberian-flagged ship" does not make Liberia the attacker."""
    return is_adjacent(folded, a.end, b.start, 0) or is_adjacent(folded, b.end, a.start, 0)


def _resolve_actors(
    text: str,
    folded: str,
    matches: list[Match[ActorLexeme]],
    demonyms: list[Match[ActorLexeme]],
    namer: ActorNamer,
) -> list[ActorMention]:
    """Turn actor words into actors, joining kinds to nationalities: "forces" + "américaines"."""
    resolved: list[ActorMention] = []
    named = [m for m in matches if m.payload.kind == "named"]
    for match in matches:
        lexeme = match.payload
        if lexeme.kind == "generic" and any(_touching(folded, match, n) for n in named):
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
            actor = _generic(text, folded, match, span, demonyms, namer)
            if actor.name or lexeme.value != NEEDS_NATIONALITY:
                resolved.append(actor)
    return resolved


def _generic(
    text: str,
    folded: str,
    match: Match[ActorLexeme],
    span: Span,
    demonyms: list[Match[ActorLexeme]],
    namer: ActorNamer,
) -> ActorMention:
    facility = match.payload.kind == "facility"
    kind = match.payload.value
    if facility or kind == NEEDS_NATIONALITY:
        kind = "military"
    nationality = next((d for d in demonyms if _adjacent(folded, d, match)), None)
    country = namer.country(nationality.payload.value) if nationality else None
    if nationality is not None:
        start, end = min(span.start, nationality.start), max(span.end, nationality.end)
        span = Span(start, end, text[start:end])
    name = namer.name(kind, country) if country else ""
    return ActorMention(
        span, name, namer.inter(kind), country, holds_facility=facility, generic_kind=kind
    )
