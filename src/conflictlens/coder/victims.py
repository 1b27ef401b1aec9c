"""Who a sentence's counts of victims count: the items of one list of victims, and the side of
a fight each count fell on.

- "three soldiers, two policemen and a civilian were killed" is one count of six: counts joined
  by "and", or by commas in a list that "and" closes, add up (:meth:`VictimLists.total`);
- "militants killed five soldiers; the army said it killed twelve militants" tells the deaths
  of both sides of one fight, seventeen in all, where two counts of the same people would be two
  reports of the same deaths (:meth:`Sides.merge`). The words that name each side are data,
  under ``casualties.sides`` of ``<lang>/numbers.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from conflictlens.coder.casualty_words import BARRIERS, GAP_TOKEN, Vocabulary, Word, word_list
from conflictlens.errors import CodebookError
from conflictlens.model import CasualtyMention, Span

__all__ = ["Count", "Hit", "Sides", "VictimLists"]

MAX_UNKNOWN_LISTED = 3
"""Unknown words allowed in one item of a list of victims ("2 pro-government militia members and
1 soldier"); set on the ACLED notes' development half."""
_PHRASE_ADJECTIVES = 2
"""Words between an article and its people noun: two adjectives ("a male civilian", "an elderly
blind man"); chosen by hand and checked on the ACLED development notes (fatalities +5 notes)."""
_SIDE_REACH = 4
"""Words after a count in which the people it counts are looked for ("killed five soldiers and",
"killed twenty-one militants in"): room for adjectives before the noun ("killed five young
Burkinabe soldiers"); chosen by hand, and checked on the ACLED development notes (fatalities
0.885 -> 0.887 with the lists and sides rules together)."""


# Records made per sentence are plain slotted dataclasses: a frozen one costs three times as
# much to build, which shows on the per-sentence budget.
@dataclass(slots=True)
class Hit:
    start: int
    end: int
    word: Word


@dataclass(slots=True)
class Count:
    """A number that may count victims."""

    start: int
    end: int
    value: int | None
    weak: bool = False
    """An indefinite article ("a man was killed"): one, but only right next to its words."""
    noun: bool = False
    """A people noun that counts itself ("a soldier", "man"): a number as near wins over it
    ("the man killed two herders")."""
    aux: bool = False
    """A singular passive auxiliary ("X was shot dead"): one victim, right before its verb."""


def at(count: Count) -> int:
    return count.start


@dataclass(frozen=True)
class VictimLists:
    """Counts listed together as one group of victims."""

    vocabulary: Vocabulary
    adds: frozenset[str]
    determiners: frozenset[str]

    def total(
        self,
        folded: str,
        hits: Sequence[Hit],
        word: int,
        counts: Sequence[Count],
        index: int,
        used: set[int],
    ) -> tuple[int, int, int | None]:
        """The span and the total of a count and of the counts listed with it by "and" (or by
        commas, in a list that "and" closes); a list does not reach across another casualty
        word ("one died and four were hurt")."""
        hit = hits[word]
        step = -1 if counts[index].end <= hit.start else 1
        total = counts[index].value
        first, last = min(hit.start, counts[index].start), max(hit.end, counts[index].end)
        current, following = index, index + step
        joined = False  # an item already joined by "and": a comma may join the next one
        while total is not None and 0 <= following < len(counts) and following not in used:
            left, right = sorted((counts[current], counts[following]), key=at)
            value = counts[following].value
            # a passive auxiliary is its subject's verb, never another item: "a ranger went
            # missing and was found murdered" is one victim
            if value is None or left.aux or right.aux:
                break
            if any(left.end <= h.start and h.end <= right.start for h in hits):
                break
            if (
                left.weak
                and right.noun
                and not right.weak
                and self._one_phrase(folded, left, right)
            ):
                used.add(following)  # "a male civilian": the article's own noun, one person
                current, following = following, following + step
                continue
            # a bare noun after "and" is another word for the same people: "scholar and teacher"
            bare = right.noun and not right.weak and " " not in folded[right.start : right.end]
            gap = folded[left.end : right.start]
            if self.listed(gap, left.noun, strict=bare):
                joined = True
            elif not self._comma_item(gap) or not (
                joined or self._and_follows(folded, counts, following, step, used)
            ):
                break
            used.add(following)
            total += value
            first, last = min(first, left.start), max(last, right.end)
            current, following = following, following + step
        return first, last, total

    def listed(self, gap: str, noun: bool = False, strict: bool = False) -> bool:
        """Whether a gap reads "<people> and": the end of one item of a list of victims. After
        a people noun that counts itself, "and" alone will do ("a man and a woman")."""
        tokens = [t for t in GAP_TOKEN.findall(gap) if t.isalnum() or "'" in t]
        while len(tokens) > 1 and tokens[-1] in self.determiners and tokens[-2] in self.adds:
            tokens.pop()  # "a farmer and his brother"
            strict = False  # "his son" is someone else, not another word for the farmer
        if noun and len(tokens) == 1 and tokens[0] in self.adds:
            return True
        if len(tokens) < 2 or tokens[-1] not in self.adds:
            return False
        classes = [self.vocabulary.classify(t) for t in tokens[:-1]]
        # Names the codebook does not know count people when nothing else stands with them:
        # "three Dogon and one Bozo died", "4 ISGS and 3 JNIM militants"
        return (
            ("people" in classes or (not strict and all(c == "unknown" for c in classes)))
            and classes.count("unknown") <= MAX_UNKNOWN_LISTED
            and all(c in ("people", "unknown", "filler") for c in classes)
        )

    def _one_phrase(self, folded: str, article: Count, noun: Count) -> bool:
        """Whether a people noun is the head of the noun phrase an article opens: "a male
        civilian", "an elderly man" (adjectives between, no "and", no punctuation)."""
        gap = folded[min(article.end, noun.end) : max(article.start, noun.start)]
        if article.start > noun.start or BARRIERS.intersection(gap):
            return False
        tokens = [t for t in GAP_TOKEN.findall(gap) if t.isalnum() or "'" in t]
        return len(tokens) <= _PHRASE_ADJECTIVES and not self.adds.intersection(tokens)

    def _comma_item(self, gap: str) -> bool:
        """Whether a gap reads "<people>,": an item of a list closed by "and" ("three
        militants, five volunteers and two civilians"). The people word is required: a comma
        alone ends a clause as often as an item."""
        words = gap.rstrip()
        if not words.endswith(","):
            return False
        tokens = [t for t in GAP_TOKEN.findall(words[:-1]) if t.isalnum() or "'" in t]
        if BARRIERS.intersection(words[:-1]) or not tokens:
            return False
        classes = [self.vocabulary.classify(t) for t in tokens]
        return (
            "people" in classes
            and classes.count("unknown") <= MAX_UNKNOWN_LISTED
            and all(c in ("people", "unknown", "filler") for c in classes)
        )

    def _and_follows(
        self, folded: str, counts: Sequence[Count], index: int, step: int, used: set[int]
    ) -> bool:
        """Whether the list goes on from count ``index`` to one joined by "and" (or by more
        commas, then "and"): the commas before it join items of that list."""
        current, following = index, index + step
        while 0 <= following < len(counts) and following not in used:
            left, right = sorted((counts[current], counts[following]), key=at)
            gap = folded[left.end : right.start]
            if self.listed(gap, left.noun):
                return True
            if not self._comma_item(gap):
                return False
            current, following = following, following + step
        return False


@dataclass(frozen=True)
class Sides:
    """The words that name the two sides of a fight: the attackers ("militants", "assailants")
    and those they attack ("soldiers", "civilians")."""

    words: Vocabulary

    @classmethod
    def load(cls, section: Mapping[str, Any], origin: str, clitics: str) -> Sides:
        sides = section.get("sides") or {}
        if not isinstance(sides, Mapping):
            raise CodebookError(f"{origin}: casualties.sides must be a mapping")
        return cls(
            Vocabulary.of(
                [
                    ("attackers", word_list(sides, "attackers", origin)),
                    ("attacked", word_list(sides, "attacked", origin)),
                ],
                clitics=clitics,
            )
        )

    def merge(self, text: str, folded: str, end: int, found: list[CasualtyMention]) -> None:
        """Counts of the dead of both sides of a fight in one sentence are all its deaths:
        replace them in ``found`` by their sum (the lowest count of each side, for two reports
        of one side's deaths are reports of the same deaths). Only when every count of the
        killed names its side: a count of "people" may hold either."""
        killed = [m for m in found if m.kind == "killed" and m.count > 0]
        if len(killed) < 2:
            return
        lowest: dict[str, int] = {}
        for mention in killed:
            side = self._side(folded, mention.span, end)
            if side is None:
                return
            lowest[side] = min(lowest.get(side, mention.count), mention.count)
        if len(lowest) < 2:
            return
        start, last = killed[0].span.start, max(m.span.end for m in killed)
        for mention in killed:
            found.remove(mention)
        span = Span(start, last, text[start:last])
        found.append(CasualtyMention(span, "killed", sum(lowest.values())))
        found.sort(key=lambda m: (m.span.start, m.kind != "killed"))

    def _side(self, folded: str, span: Span, end: int) -> str | None:
        """The side of the people a count counts: the first side word in its span, or in the
        few words after it before any punctuation ("killed five soldiers")."""
        after = folded[span.end : end]
        cut = min((after.find(b) for b in BARRIERS if b in after), default=len(after))
        tokens = GAP_TOKEN.findall(folded[span.start : span.end])
        tokens += GAP_TOKEN.findall(after[:cut])[:_SIDE_REACH]
        for token in tokens:
            side = self.words.classify(token)
            if side != "unknown":
                return side
        return None
