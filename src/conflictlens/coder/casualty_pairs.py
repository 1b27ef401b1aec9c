"""Which count a casualty word takes: the pairing of a sentence's casualty words with its counts.

A casualty word takes the count next to it: before it ("trois civils ont été tués", "троє
загиблих", "سقوط عشرات القتلى") or after it ("killing at least five", "поранено семеро", "قتل ثلاثة
مدنيين"). Between them may stand only small words (auxiliaries, "at least", articles) and the
people counted ("civils", "soldiers", "человек"), with at most a couple of unknown words
("Palestinian") when a people word shows what was counted. Each word and each number is used
once, closest pairs first. The subject of a passive is its victim whatever names it ("One Mayi
Mayi was killed"); a singular pronoun is one person; a parenthesis between a count and its word
says more of the people counted ("four civilians (including a woman) were killed").

Which numbers may count people at all is decided before, by
:class:`conflictlens.coder.casualties.CasualtyRules`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from conflictlens.coder.casualty_words import GAP_TOKEN, NEXT_WORD, Vocabulary
from conflictlens.coder.victims import Count, Hit
from conflictlens.text.numbers import NumberWords

__all__ = ["Pair", "Pairing"]

MAX_WORDS_BEFORE = 6
"""Words allowed between a count and the casualty word after it ("trois civils palestiniens
ont été tués" has four)."""
MAX_WORDS_AFTER = 4
"""Words allowed between a casualty word and the count after it ("ما لا يقل عن" has three)."""
MAX_UNKNOWN_BEFORE = 2
MAX_UNKNOWN_PASSIVE = 3
"""Unknown words allowed before a passive verb, whose subject is its victim ("2 pro-army village
volunteers were killed" has three); set on the ACLED notes' development half."""
MAX_UNKNOWN_AFTER = 1
MAX_GAP_CHARS = 80
"""Beyond this many characters apart, a count and a casualty word are not read together."""

_NEXT_TOKEN = re.compile(r"\s+(\S+)")
"""The word after a casualty word."""
_ASIDE = re.compile(r"\([^()]*\)")
"""A parenthesis within a gap, skipped like an adjective."""


@dataclass(slots=True)
class Pair:
    """A casualty word (its index among the sentence's words) and the count it takes."""

    cost: tuple[int, int, int, int]
    word: int
    count: int


@dataclass(frozen=True)
class Pairing:
    """One language's pairing rules, built by
    :meth:`conflictlens.coder.casualties.CasualtyRules.load`."""

    vocabulary: Vocabulary
    numbers: NumberWords
    passive: frozenset[str]
    """Passive auxiliaries and participles: the subject before them is the victim."""
    determiners: frozenset[str]

    def pairs(self, folded: str, hits: Sequence[Hit], counts: Sequence[Count]) -> list[Pair]:
        """Casualty words and counts, paired closest first, each used once."""
        candidates: list[Pair] = []
        # Articles are everywhere: a count may pair across one ("Five policemen escorting a
        # bus were killed" is no count of one).
        spans = [(h.start, h.end) for h in hits] + [(c.start, c.end) for c in counts if not c.weak]
        words_at = frozenset(h.start for h in hits)
        for w, hit in enumerate(hits):
            if hit.word.kind is None or hit.word.count is not None:
                continue
            for n, count in enumerate(counts):
                cost = self._cost(folded, spans, hit, count, words_at)
                if cost is not None:
                    candidates.append(Pair(cost, w, n))
        chosen: list[Pair] = []
        used_words: set[int] = set()
        used_counts: set[int] = set()
        for pair in sorted(candidates, key=lambda p: p.cost):
            if pair.word in used_words or pair.count in used_counts:
                continue
            used_words.add(pair.word)
            used_counts.add(pair.count)
            chosen.append(pair)
        return chosen

    def _cost(
        self,
        folded: str,
        spans: Sequence[tuple[int, int]],
        hit: Hit,
        count: Count,
        words_at: frozenset[int] = frozenset(),
    ) -> tuple[int, int, int, int] | None:
        """How far apart a casualty word and a count are, or None when they cannot pair;
        ``words_at``: where the sentence's casualty words start."""
        before = count.end <= hit.start
        if not before and count.start < hit.end:
            return None
        left, right = (count.end, hit.start) if before else (hit.end, count.start)
        if right - left > MAX_GAP_CHARS:
            return None
        if any(left <= first and last <= right for first, last in spans):
            return None  # another count or casualty word stands between
        # a parenthesis says more of the people counted: "five villagers (four men and a
        # boy) were killed"
        gap = folded[left:right]
        if "(" in gap:
            gap = _ASIDE.sub(" ", gap)
        if before:
            gap = self.vocabulary.before_joined_verb(gap)
        elif count.noun or not count.weak:  # an article alone may be any verb's object
            gap = self.vocabulary.after_joined_verb(gap)
        words = self.vocabulary.gap(gap, then_people=count.noun and not before)
        if words is None or "unit" in words or "barrier" in words:
            return None
        unknown = words.count("unknown")
        if count.aux and (not before or any(w != "filler" for w in words)):
            return None  # "Faisal was later found dead"; not "was arrested, then 3 killed"
        if before:
            # "1 commando was killed": the subject of a passive is its victim, whatever it is
            tokens = GAP_TOKEN.findall(gap)
            passive = bool(self.passive) and any(t in self.passive for t in tokens)
            limit = MAX_UNKNOWN_PASSIVE if passive else MAX_UNKNOWN_BEFORE
            if len(words) > MAX_WORDS_BEFORE or unknown > limit:
                return None
            if count.weak and count.noun and not count.aux and words and not passive:
                return None  # a pronoun is the victim of "he died", "he was killed" only
            if (
                (unknown or count.weak)
                and not (count.noun or passive)
                and "people" not in words
                and words
            ):
                # "12 attaques ont tué": the number counts something else (a people noun that
                # counts itself says who: "a woman was found dead")
                return None
            if count.weak and len(words) > MAX_WORDS_AFTER:
                return None  # an article reaches only its own noun phrase
            if not passive and self._counted_object(folded, hit.end, words_at):
                return None  # "a ranger shot and killed two hyenas": the subject did it
        else:
            if (
                len(words) > MAX_WORDS_AFTER
                or unknown > MAX_UNKNOWN_AFTER
                or (count.weak and words)
            ):
                return None
            # "killed in 3 attacks" counts no one; "killed the Koglweogo chief" counts one
            # a people noun counts itself after its adjectives alone: "kill Italian missionary"
            # (not "the killing of fellow student", a prepositional phrase)
            bare = count.noun and not count.weak and unknown == len(words)
            named = bare or (count.noun and self._determined(gap))
            if unknown and not named and not self.vocabulary.people_at(folded, count.end):
                return None
        return (
            len(words) + unknown + (MAX_GAP_CHARS if count.aux else 0),  # the last resort
            int(count.weak or count.noun),
            0 if before else 1,
            right - left,
        )

    def _counted_object(self, folded: str, at: int, words_at: frozenset[int]) -> bool:
        """Whether a number stands right after a casualty word, at ``at``: the verb's object,
        counted ("shot and killed two hyenas"), so that the words before it are its subject. Not
        a count of another casualty word (``words_at``): "1 killed 3 injured"."""
        follower = _NEXT_TOKEN.match(folded, at)
        if follower is None:
            return False
        found = self.numbers.find(folded, follower.start(1), follower.end(1))
        if not any(n.start == follower.start(1) for n in found):
            return False
        then = _NEXT_TOKEN.match(folded, follower.end(1))
        return then is None or then.start(1) not in words_at

    def _determined(self, gap: str) -> bool:
        """Whether a gap opens with a determiner ("the", "his"): the noun phrase of the
        person named after it, rather than a prepositional phrase ("the killing of ...")."""
        first = NEXT_WORD.match(gap)
        return first is not None and first.group(1) in self.determiners
