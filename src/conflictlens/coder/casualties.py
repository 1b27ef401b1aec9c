"""Killed and injured counts stated in a sentence.

A casualty word ("tués", "wounded", "قتلى", "погибли") takes the count next to it, before or after
it (:mod:`conflictlens.coder.casualty_pairs` pairs them). This module decides what a number
counts: a number followed by another noun ("3 drones", "12 attaques", "30 km", "45 %", "7
octobre") or a year is not a count; an indefinite article or a singular pronoun is one person; a
count after "including" is part of the one before; "nearly", "tried to", "accused of" undo the
casualty word after them. A death told as the cause of what the sentence tells is no toll of it:
in a clause opened by "after" or "following" ("riots broke out after a student was killed"), or
named as "the killing of". Counts listed together add up, and the dead of both sides of a fight
told in one sentence are all its dead (:mod:`conflictlens.coder.victims`).

The words are data, under the ``casualties`` key of ``<lang>/numbers.yaml``; the number words come
from :class:`conflictlens.text.numbers.NumberWords`. ACLED's readings of vague quantities apply
("dozens" = 12, "des dizaines" = 10, "several" = no count, but a killing of "several" = 10: a
phrase with a count of its own, unless a unit follows it, "killed several sheep").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from conflictlens.codebook.files import CodebookFiles
from conflictlens.coder.casualty_pairs import Pairing
from conflictlens.coder.casualty_words import (
    BARRIERS,
    GAP_TOKEN,
    NEXT_WORD,
    Kind,
    Vocabulary,
    Word,
    casualty_lexicon,
    month_words,
    named_victims,
    whole_words,
    word_list,
)
from conflictlens.coder.victims import Count as _Count
from conflictlens.coder.victims import Hit as _Hit
from conflictlens.coder.victims import Sides, VictimLists
from conflictlens.coder.victims import at as _at
from conflictlens.errors import CodebookError
from conflictlens.model import CasualtyMention, Span
from conflictlens.text.fold import fold
from conflictlens.text.match import PhraseMatcher, PhraseScan
from conflictlens.text.numbers import NumberWords

__all__ = ["CasualtyRules"]

_ARTICLE_WINDOW = 48
"""How far before or after a casualty word an indefinite article is looked for."""
_UNDONE_REACH = 40
"""How far before a casualty word the words that undo it are looked for ("attempted to")."""
_PHRASE_WORDS = 3
"""Words between the first word of a noun phrase and a count in it: "a total of 5", "5 suspected
Pokot herdsman"."""
RECALL_WORDS = 3
"""Words allowed between a word that opens an earlier death's clause and the count of that
death ("after a resident was killed", "after unknown people killed a guard"): a subject and
its article. On the ACLED notes' development half, 3 and 4 score the same (759 fatality errors
left), 1 and 2 miss clauses with a subject (762, 761), and 5 to 8 right one or two notes more
while matching fewer events."""
_RECALL_CHARS = 60
"""How far before a count the word that opens its clause is looked for."""

_PERCENT = frozenset("%٪")
_NUMBER_JOINTS = frozenset("/.:")


@dataclass(frozen=True)
class CasualtyRules:
    """One language's casualty rules, compiled once by :meth:`load`."""

    lexicon: PhraseMatcher[Word]
    numbers: NumberWords
    vocabulary: Vocabulary
    months: frozenset[str]
    days: frozenset[str]
    """Month and weekday names: capitalised, but no one's name."""
    names: bool
    name_particles: frozenset[str]
    """Lower-case words a person's name may hold ("al", "bin", "de")."""
    adds: frozenset[str]
    articles: re.Pattern[str] | None
    pronouns: re.Pattern[str] | None
    subsets: re.Pattern[str] | None
    singular: re.Pattern[str] | None
    undone: re.Pattern[str] | None
    recalling: re.Pattern[str] | None
    """Words that open a clause telling an earlier death ("after", "following")."""
    lists: VictimLists
    sides: Sides
    pairing: Pairing

    @classmethod
    def load(cls, files: CodebookFiles, lang: str) -> CasualtyRules:
        origin = f"{lang}/numbers.yaml"
        section = files.read(origin).get("casualties") or {}
        if not isinstance(section, Mapping):
            raise CodebookError(f"{origin}: 'casualties' must be a mapping")
        months = month_words(files, lang)
        implied = section.get("implied_people") or {}
        # A singular people noun that counts itself is a people word too ("1 gendarme killed").
        nouns = [w for count, words in implied.items() if int(count) == 1 for w in words or []]
        adds = frozenset(fold(str(w)).strip() for w in word_list(section, "adds", origin))
        clitics = fold(str(section.get("clitics") or ""))
        # Order matters: a word in two lists takes the first class.
        vocabulary = Vocabulary.of(
            [
                ("barrier", word_list(section, "barriers", origin)),
                ("unit", word_list(section, "units", origin) + months),
                ("people", word_list(section, "people", origin) + nouns),
                ("filler", word_list(section, "filler", origin)),
            ],
            clitics=clitics,
            adds=adds,
        )
        determiners = frozenset(
            fold(str(w)).strip() for w in word_list(section, "determiners", origin)
        )
        numbers = NumberWords.load(files, lang)
        passive = frozenset(fold(str(w)).strip() for w in word_list(section, "passive", origin))
        return cls(
            lexicon=casualty_lexicon(section, origin),
            numbers=numbers,
            vocabulary=vocabulary,
            months=frozenset(fold(str(m)).strip() for m in months),
            days=frozenset(
                fold(str(m)).strip().rstrip(".")
                for m in months + month_words(files, lang, "weekdays")
            ),
            names=bool(section.get("names")),
            name_particles=frozenset(
                str(w).casefold() for w in word_list(section, "name_particles", origin)
            ),
            adds=adds,
            articles=whole_words(word_list(section, "articles", origin)),
            pronouns=whole_words(word_list(section, "pronouns", origin)),
            subsets=whole_words(word_list(section, "subsets", origin)),
            singular=whole_words(word_list(section, "singular", origin)),
            undone=whole_words(word_list(section, "undone", origin), r"\s+$"),
            recalling=whole_words(word_list(section, "recalling", origin)),
            lists=VictimLists(vocabulary, adds, determiners),
            sides=Sides.load(section, origin, clitics),
            pairing=Pairing(vocabulary, numbers, passive, determiners),
        )

    def find(
        self, text: str, folded: str, start: int, end: int, scan: PhraseScan | None = None
    ) -> list[CasualtyMention]:
        """Killed and injured counts stated in text[start:end]; ``scan``, when given, holds the
        occurrences of the casualty and number words in ``folded``, read once for the text."""
        hits: list[_Hit] = []
        implied: list[_Count] = []
        for m in self.lexicon.find_in(folded, start, end, scan):
            if m.payload.people:
                implied.append(_Count(m.start, m.end, m.payload.count, noun=True))
            elif hits and (hits[-1].start, hits[-1].end) == (m.start, m.end):
                continue  # one word listed twice ("tué", "tue"): one casualty word
            elif not self._undone(folded, start, m.start):
                word = m.payload
                if self._counts_things(folded, m.end, word, end):
                    word = Word(word.kind)  # "killed several weeks ago": a plain casualty word
                hits.append(_Hit(m.start, m.end, word))
        if not hits:
            return []  # the common case, kept cheap
        if self.names:
            ends = [h.end for h in hits]
            names = named_victims(text, end, ends, self.days, self.vocabulary, self.name_particles)
            implied += [_Count(first, last, 1, weak=True, noun=True) for first, last in names]
        counts = self._counts(folded, start, end, hits, implied, scan)
        pairs = self.pairing.pairs(folded, hits, counts)
        used = {pair.count for pair in pairs}
        mentions: list[CasualtyMention] = []
        for pair in pairs:
            hit = hits[pair.word]
            first, last, total = self.lists.total(folded, hits, pair.word, counts, pair.count, used)
            if total is not None and hit.word.kind is not None:
                mentions.append(_mention(text, first, last, hit.word.kind, total))
        paired = {pair.word for pair in pairs}
        for index, hit in enumerate(hits):
            if index not in paired:
                mentions += _unpaired(text, hit)
        starts = {h.start for h in hits}
        mentions = [m for m in mentions if not self._recalled(folded, start, m.span, starts)]
        mentions.sort(key=lambda m: (m.span.start, m.kind != "killed"))
        self.sides.merge(text, folded, end, mentions)
        return mentions

    # --- counts -----------------------------------------------------------------------------

    def _counts(
        self,
        folded: str,
        start: int,
        end: int,
        hits: Sequence[_Hit],
        implied: list[_Count],
        scan: PhraseScan | None,
    ) -> list[_Count]:
        """The numbers of the sentence that may count people, in order."""
        numbers = self.numbers.find(folded, start, end, scan)
        found = [_Count(n.start, n.end, n.value) for n in numbers]
        counts: list[_Count] = []
        whole: _Count | None = None  # the last count that is not part of another
        for count in sorted(found + implied + self._articles(folded, start, end, hits), key=_at):
            if any(h.start < count.end and count.start < h.end for h in hits):
                continue  # a number word inside a casualty phrase
            if counts and counts[-1].end > count.start:
                continue  # an article or implied count inside a number phrase ("a dozen")
            if count in implied and counts and self._in_phrase(folded, counts[-1], count):
                # "21 военнослужащий", "5 Pokot herdsman": the noun of a number, not a count
                continue
            if self._counts_something_else(folded, start, end, count):
                continue
            if counts and counts[-1].weak and self._in_phrase(folded, counts[-1], count):
                counts.pop()  # "killed a total of 5", "a further 3": the number counts
            if whole is not None and self._subset(folded, whole, count, hits):
                continue  # "3 militants including a commander": counted already
            whole = count
            counts.append(count)
        return counts

    def _undone(self, folded: str, start: int, at: int) -> bool:
        """Whether the words just before a casualty word say it did not happen, or happened
        in another story: "nearly lynched", "tried to kill", "accused of killing"."""
        if self.undone is None:
            return False
        return self.undone.search(folded, max(start, at - _UNDONE_REACH), at) is not None

    def _counts_things(self, folded: str, at: int, word: Word, end: int) -> bool:
        """Whether a casualty phrase that carries its own count, ending at ``at``, counts things,
        not people: the word after it is a unit ("killed several sheep", "was killed several
        weeks ago")."""
        if word.count is None or word.kind is None:
            return False
        follower = NEXT_WORD.match(folded, at, end)
        return follower is not None and self.vocabulary.classify(follower.group(1)) == "unit"

    def _recalled(self, folded: str, start: int, span: Span, words: set[int]) -> bool:
        """Whether a count stands in a clause that tells an earlier death, the cause of what the
        sentence tells: "riots broke out after a student was killed", "after unknown people
        killed a guard". Not a participle of the sentence's own deed ("after killing the guards,
        the gunmen fled": the casualty word ``words`` right after the opening word)."""
        if self.recalling is None:
            return False
        reach = max(start, span.start - _RECALL_CHARS)
        opening = max(self.recalling.finditer(folded, reach, span.start), key=_end, default=None)
        if opening is None:
            return False
        between = folded[opening.end() : span.start]
        if BARRIERS.intersection(between):
            return False
        tokens = GAP_TOKEN.findall(between)
        if not tokens and span.start in words:
            return False
        return len(tokens) <= RECALL_WORDS

    def _subset(self, folded: str, whole: _Count, count: _Count, hits: Sequence[_Hit]) -> bool:
        """Whether a count names part of the one before it ("including", "among them"), with
        no casualty word between them and no punctuation after the word that says so ("three
        killed, among them a girl, 17 injured": the 17 is a count of its own)."""
        if self.subsets is None or any(whole.end <= h.start < count.start for h in hits):
            return False
        found = list(self.subsets.finditer(folded, whole.end, count.start))
        return bool(found) and not BARRIERS.intersection(folded[found[-1].end() : count.start])

    def _in_phrase(self, folded: str, first: _Count, then: _Count) -> bool:
        """Whether ``then`` stands in the noun phrase ``first`` opens: a number after an
        article ("a total of 5"), a people noun after a number ("1 police commando")."""
        if then.weak or first.noun or (first.weak and then.noun):
            return False
        words = self.vocabulary.gap(folded[first.end : then.start])
        if words is None or len(words) > _PHRASE_WORDS or "barrier" in words:
            return False
        return "people" not in words if first.weak else "unit" not in words

    def _articles(self, folded: str, start: int, end: int, hits: Sequence[_Hit]) -> list[_Count]:
        """Indefinite articles near casualty words: "a pastor was killed" is one killed; and
        singular personal pronouns, a person of their own: "he was killed", "shot him dead"."""
        first = max(start, min(h.start for h in hits) - _ARTICLE_WINDOW)
        last = min(end, max(h.end for h in hits) + _ARTICLE_WINDOW)
        found: list[_Count] = []
        if self.articles is not None:
            found += [
                _Count(m.start(), m.end(), 1, weak=True)
                for m in self.articles.finditer(folded, first, last)
            ]
        if self.pronouns is not None:
            found += [
                _Count(m.start(), m.end(), 1, weak=True, noun=True)
                for m in self.pronouns.finditer(folded, first, last)
            ]
        if self.singular is not None:
            found += [
                _Count(m.start(), m.end(), 1, weak=True, noun=True, aux=True)
                for m in self.singular.finditer(folded, first, last)
            ]
        return found

    def _counts_something_else(self, folded: str, start: int, end: int, count: _Count) -> bool:
        before = folded[max(start, count.start - 16) : count.start].split()
        if before and (before[-1] in self.months or before[-1].rstrip(".") in self.months):
            return True  # "October 7", "Oct. 7"
        joint, after = folded[count.end : count.end + 1], folded[count.end + 1 : count.end + 2]
        ahead = folded[max(0, count.start - 2) : count.start]
        if len(ahead) == 2 and ahead[1] in _NUMBER_JOINTS and ahead[0].isdigit():
            return True  # the end of a date or a time: "killed in 12/98"
        if joint == "-" and after.isalpha():
            return True  # an age or a size: "a 70-year-old woman", "70-річна", "5-storey"
        if joint in _NUMBER_JOINTS and after.isdigit():
            return True  # a date, a time or a decimal: "23/03/2017", "10:30", "2.5"
        follower = NEXT_WORD.match(folded, count.end, end)
        word = follower.group(1) if follower else ""
        kind = self.vocabulary.classify(word) if word else ""
        if (
            kind == "unit"
            and follower is not None
            and self.vocabulary.people_at(folded, follower.end())
        ):
            kind = "people"  # a noun before a noun: "a cattle trader", "two village chiefs"
        if word in _PERCENT or kind == "unit":
            return True
        raw = folded[count.start : count.end]
        looks_like_year = raw.isdigit() and len(raw) == 4 and 1900 <= (count.value or 0) <= 2100
        return looks_like_year and kind != "people"


def _end(match: re.Match[str]) -> int:
    return match.end()


def _mention(text: str, start: int, end: int, kind: Kind, count: int) -> CasualtyMention:
    return CasualtyMention(Span(start, end, text[start:end]), kind, count)


def _unpaired(text: str, hit: _Hit) -> list[CasualtyMention]:
    """Mentions a casualty word makes on its own: an implied count or a statement of none."""
    word = hit.word
    if word.kind is not None and word.count is not None:
        return [_mention(text, hit.start, hit.end, word.kind, word.count)]
    return [_mention(text, hit.start, hit.end, kind, 0) for kind in word.none]
