"""The casualty words of a language, and what each word between a count and them is.

A word of a gap is a barrier (it ends a count's reach), a unit ("3 drones": the number counts
something else), people ("civilians": what a count of victims counts), filler (auxiliaries, "at
least") or unknown. The lists are data, under the ``casualties`` key of ``<lang>/numbers.yaml``,
read here for :class:`conflictlens.coder.casualties.CasualtyRules`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from conflictlens.codebook.files import CodebookFiles
from conflictlens.errors import CodebookError
from conflictlens.text.fold import fold
from conflictlens.text.match import PhraseMatcher

__all__ = [
    "BARRIERS",
    "GAP_TOKEN",
    "NEXT_WORD",
    "Kind",
    "Vocabulary",
    "Word",
    "casualty_lexicon",
    "month_words",
    "named_victims",
    "whole_words",
    "word_list",
]

GAP_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|[^\w\s]")
NEXT_WORD = re.compile(r"\s*([^\W\d_]+(?:'[^\W\d_]+)*|[%٪])")
BARRIERS = frozenset(',;:()[].!?«»"،؛')
"""Punctuation that cuts a gap: a count and a casualty word on either side are not read together."""
_AGE = re.compile(r"\d+(?:-[^\W\d_]+)+")
"""An age or a size written as one word ("67-річну", "70-year-old", "67-летняя"): it describes
the person counted, so it stands between a casualty word and its count like an adjective."""
"""Small words inside a person's name ("Abd al Rahman", "Lopez de Leon")."""
PEOPLE_ADJECTIVES = 2
"""Unknown words allowed between an "and" and the people it joins to the people before it
("soldiers and pro-government militia members"): the adjectives of a people noun, a hyphenated
one reading as two words. On the ACLED notes' development half, 0 to 2 score the same; the
phrases it joins are mostly longer than a count may reach (MAX_WORDS_BEFORE)."""
_MAX_KNOWN = 50_000
"""Words whose class is remembered before the memory is emptied: a bound over very long runs."""


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """What each word of a gap is: barrier, unit, people or filler (else unknown).

    Exact words are one dict lookup; stems ("civil*") are tried in the same order of precedence.
    Answers are kept per word, so a language's common words are classified once.
    """

    exact: dict[str, str]
    stems: tuple[tuple[str, tuple[str, ...]], ...]
    clitics: str
    adds: frozenset[str]
    """Words that list victims ("and")."""
    known: dict[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def of(
        cls,
        classes: Sequence[tuple[str, Iterable[object]]],
        clitics: str,
        adds: frozenset[str] = frozenset(),
    ) -> Vocabulary:
        exact: dict[str, str] = {}
        stems: list[tuple[str, tuple[str, ...]]] = []
        for name, words in classes:
            folded = [fold(str(w)).strip() for w in words]
            for word in folded:
                if not word.endswith("*"):
                    exact.setdefault(word, name)
            stems.append((name, tuple(w[:-1] for w in folded if w.endswith("*"))))
        return cls(exact, tuple(stems), clitics, adds)

    def gap(self, gap: str, then_people: bool = False) -> list[str] | None:
        """The class of each word of a gap, or None when punctuation cuts it. A unit before a
        people word (``then_people``: the gap's last word, before a people noun) names what
        the people are, like an adjective: "the village chief", "a cattle trader"."""
        classes: list[str] = []
        tokens: list[str] = []
        for token in GAP_TOKEN.findall(_AGE.sub(" ", gap)):
            if len(token) == 1 and not token.isalnum():
                if token in BARRIERS:
                    return None
                continue
            kind = self.classify(token)
            if kind == "people" and classes and classes[-1] == "unit":
                classes[-1] = "unknown"
            if kind == "people":
                self._join_people(classes, tokens)
            classes.append(kind)
            tokens.append(token)
        if then_people and classes and classes[-1] == "unit":
            classes[-1] = "unknown"
        return classes

    def _join_people(self, classes: list[str], tokens: list[str]) -> None:
        """Before a people word, an "and" right after other people, with at most
        ``PEOPLE_ADJECTIVES`` unknown words between, joins them into one group: "two gendarmes and
        soldiers", "9 soldiers and pro-army militia fighters"."""
        at = len(classes) - 1
        while at >= 0 and classes[at] == "unknown" and len(classes) - 1 - at < PEOPLE_ADJECTIVES:
            at -= 1
        if (
            at >= 1
            and classes[at] == "barrier"
            and tokens[at] in self.adds
            and classes[at - 1] == "people"
        ):
            classes[at] = "filler"

    def before_joined_verb(self, gap: str) -> str:
        """The gap up to an "and" that joins another verb to the casualty word: the victims of
        "4 youths were attacked and killed" or "2 soldiers were kidnapped and later killed"
        are the subject of both verbs. Without a word before the "and", the gap is kept."""
        tokens = list(GAP_TOKEN.finditer(gap))
        while tokens and self.classify(tokens[-1].group()) == "filler":
            tokens.pop()
        if (
            len(tokens) > 2
            and tokens[-2].group() in self.adds
            and self.classify(tokens[-1].group()) == "barrier"
        ):
            tokens.pop()  # "were tortured and then executed": one fate after another
        if len(tokens) < 2 or tokens[-1].group() not in self.adds:
            return gap
        if self.classify(tokens[-2].group()) != "unknown":
            return gap  # "two soldiers and ... killed" lists victims; that is the job of the total
        return gap[: tokens[-1].start()]

    def after_joined_verb(self, gap: str) -> str:
        """The gap after an "and" that joins another verb to the casualty word: the victim of
        "killed and beheaded a trader" is the object of both verbs."""
        tokens = list(GAP_TOKEN.finditer(gap))
        if len(tokens) < 2 or tokens[0].group() not in self.adds:
            return gap
        if self.classify(tokens[1].group()) != "unknown":
            return gap
        return gap[tokens[1].end() :]

    def people_at(self, folded: str, at: int) -> bool:
        """Whether the word at ``at`` is a people word."""
        follower = NEXT_WORD.match(folded, at)
        return follower is not None and self.classify(follower.group(1)) == "people"

    def classify(self, word: str) -> str:
        known = self.known.get(word)
        if known is None:
            if len(self.known) >= _MAX_KNOWN:
                self.known.clear()  # a bound on memory over very long runs
            known = self.known[word] = self._classify(word)
        return known

    def _classify(self, word: str) -> str:
        for candidate in self._readings(word):
            exact = self.exact.get(candidate)
            if exact is not None:
                return exact
            # The longest stem that fits says most: "villager*" (people) over "village*" (a
            # unit), "attacker*" over "attack*"; among equals, the class listed first.
            best, longest = "", 0
            for name, stems in self.stems:
                for stem in stems:
                    if len(stem) > longest and candidate.startswith(stem):
                        best, longest = name, len(stem)
            if best:
                return best
        return "unknown"

    def _readings(self, word: str) -> Iterable[str]:
        """The word, without an elided article ("l'armée"), without Arabic clitics ("وأصيب")."""
        yield word
        if "'" in word:
            yield word.rsplit("'", 1)[1]
        stripped = word
        while len(stripped) > 2 and stripped[0] in self.clitics:
            stripped = stripped[1:]
            yield stripped


Kind = Literal["killed", "injured"]


@dataclass(frozen=True, slots=True)
class Word:
    kind: Kind | None
    """None for a statement that nobody was hurt ("aucune victime"), or that leaves the toll
    unknown ("killed or wounded")."""
    count: int | None = None
    """A count the word carries itself: Arabic duals (قتيلان = two killed)."""
    none: tuple[Kind, ...] = ()
    """What a statement of no casualties is about."""
    people: bool = False
    """A people noun that carries its count ("قتل جندي" = one killed); no casualty word."""


def word_list(section: Mapping[str, Any], key: str, origin: str) -> list[object]:
    """The list of words under ``key``, or a :class:`CodebookError` naming the file."""
    value = section.get(key) or []
    if not isinstance(value, list):
        raise CodebookError(f"{origin}: casualties.{key} must be a list of words")
    return value


def casualty_lexicon(section: Mapping[str, Any], origin: str) -> PhraseMatcher[Word]:
    """One matcher for the casualty words, the statements of none and the people nouns."""
    entries: list[tuple[str, Word]] = []
    kinds: tuple[Kind, ...] = ("killed", "injured")
    none = section.get("none") or {}
    implied = section.get("implied") or {}
    for kind in kinds:
        entries += [(str(w), Word(kind)) for w in word_list(section, kind, origin)]
        entries += [(str(w), Word(None, none=(kind,))) for w in none.get(kind) or []]
        for count, words in (implied.get(kind) or {}).items():
            entries += [(str(w), Word(kind, int(count))) for w in words]
    entries += [(str(w), Word(None, none=kinds)) for w in none.get("both") or []]
    # Phrases that leave the toll unknown ("killed or wounded"): they count nobody.
    entries += [(str(w), Word(None)) for w in word_list(section, "uncertain", origin)]
    # A death named as a known one ("protested the killing of a trader"): no toll of the event.
    entries += [(str(w), Word(None)) for w in word_list(section, "recalled", origin)]
    # People nouns with their own count share the scan: one pass over the sentence.
    for count, words in (section.get("implied_people") or {}).items():
        entries += [(str(w), Word(None, int(count), people=True)) for w in words]
    return PhraseMatcher(entries)


def month_words(files: CodebookFiles, lang: str, key: str = "months") -> list[object]:
    """Month names, so that "7 octobre" is a date rather than seven of something (or the
    names under another ``key`` of ``dates.yaml``: "weekdays")."""
    months = files.read(f"{lang}/dates.yaml").get(key) or {}
    return [w for words in months.values() for w in words or []]


def name_after(
    text: str, at: int, end: int, particles: frozenset[str]
) -> tuple[int, int, str] | None:
    """The capitalised words right after ``at`` ("killed Karim al-Hadi, the mayor"), with the
    lower-case ``particles`` a name may hold: their span and the word in lower case after them,
    or None when none starts there."""
    if text[at : at + 1] != " " or not text[at + 1 : at + 2].isupper():
        return None
    first = last = at + 1
    for word in re.finditer(r"\S+", text[at + 1 : end]):
        token = word.group().strip(',.;:!?)"»')
        if not token or not (token[0].isupper() or token in particles):
            return first, last, token.lower()
        last = at + 1 + word.start() + len(token)
        if token != word.group():
            return first, last, ""  # punctuation ends the name
    return first, last, ""


def whole_words(words: Sequence[object], then: str = "") -> re.Pattern[str] | None:
    """One pattern for whole words (articles, pronouns), followed by ``then``; None without
    any word."""
    folded = [re.escape(fold(str(w)).strip()) for w in words]
    return re.compile(rf"(?<!\w)(?:{'|'.join(folded)})(?!\w){then}") if folded else None


def named_victims(
    text: str,
    end: int,
    hit_ends: Sequence[int],
    days: frozenset[str],
    vocabulary: Vocabulary,
    particles: frozenset[str],
) -> list[tuple[int, int]]:
    """A person named right after a casualty word is one victim ("shot and killed Karim
    al-Hadi, the mayor"), unless the capitalised words qualify people or things after them
    ("killed Afghan soldiers"), are people themselves ("killing Americans") or name a day
    ("killed Monday"). The spans of those names."""
    found: list[tuple[int, int]] = []
    for at in hit_ends:
        name = name_after(text, at, end, particles)
        if name is None:
            continue
        first = fold(text[name[0] : name[1]]).split()[0]
        if first in days or vocabulary.classify(first) == "people":
            continue
        if not name[2] or vocabulary.classify(fold(name[2])) not in ("people", "unit"):
            found.append((name[0], name[1]))
    return found
