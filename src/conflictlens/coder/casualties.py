"""Killed and injured counts stated in a sentence.

A casualty word ("tués", "wounded", "قتلى", "погибли") takes the count next to it: before it
("trois civils ont été tués", "троє загиблих", "سقوط عشرات القتلى") or after it ("killing at least
five", "поранено семеро", "قتل ثلاثة مدنيين"). Between them may stand only small words (auxiliaries,
"at least", articles) and the people counted ("civils", "soldiers", "человек"), with at most a
couple of unknown words ("Palestinian") when a people word shows what was counted. A number
followed by another noun ("3 drones", "12 attaques", "30 km", "45 %", "7 octobre") or a year is not
a count. Each word and each number is used once, closest pairs first.

The words are data, under the ``casualties`` key of ``<lang>/numbers.yaml``; the number words come
from :class:`conflictlens.text.numbers.NumberWords`. ACLED's readings of vague quantities apply
("dozens" = 12, "des dizaines" = 10, "several" = no count).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from conflictlens.codebook.files import CodebookFiles
from conflictlens.errors import CodebookError
from conflictlens.model import CasualtyMention, Span
from conflictlens.text.fold import fold
from conflictlens.text.match import PhraseMatcher, PhraseScan
from conflictlens.text.numbers import NumberWords

__all__ = ["CasualtyRules"]

Kind = Literal["killed", "injured"]

MAX_WORDS_BEFORE = 6
"""Words allowed between a count and the casualty word after it ("trois civils palestiniens
ont été tués" has four)."""
MAX_WORDS_AFTER = 4
"""Words allowed between a casualty word and the count after it ("ما لا يقل عن" has three)."""
MAX_UNKNOWN_BEFORE = 2
MAX_UNKNOWN_AFTER = 1
MAX_GAP_CHARS = 80
"""Beyond this many characters apart, a count and a casualty word are not read together."""
_MAX_KNOWN = 50_000
_ARTICLE_WINDOW = 48
"""How far before or after a casualty word an indefinite article is looked for."""

_GAP_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|[^\w\s]")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+(?:'[^\W\d_]+)*|[%٪])")
_AGE = re.compile(r"\d+(?:-[^\W\d_]+)+")
"""An age or a size written as one word ("67-річну", "70-year-old", "67-летняя"): it describes
the person counted, so it stands between a casualty word and its count like an adjective."""
_BARRIERS = frozenset(',;:()[].!?«»"،؛')
_PERCENT = frozenset("%٪")
_NUMBER_JOINTS = frozenset("/.:")


@dataclass(frozen=True, slots=True)
class _Word:
    kind: Kind | None
    """None for a statement that nobody was hurt ("aucune victime")."""
    count: int | None = None
    """A count the word carries itself: Arabic duals (قتيلان = two killed)."""
    none: tuple[Kind, ...] = ()
    """What a statement of no casualties is about."""
    people: bool = False
    """A people noun that carries its count ("قتل جندي" = one killed); no casualty word."""


# Records made per sentence are plain slotted dataclasses: a frozen one costs three times as
# much to build, which shows on the per-sentence budget.
@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    word: _Word


@dataclass(slots=True)
class _Pair:
    cost: tuple[int, int, int, int]
    word: int
    count: int


@dataclass(slots=True)
class _Count:
    """A number that may count victims."""

    start: int
    end: int
    value: int | None
    weak: bool = False
    """An indefinite article ("a man was killed"): one, but only right next to its words."""
    noun: bool = False
    """A people noun that counts itself ("a soldier", "man"): a number as near wins over it
    ("the man killed two herders")."""


@dataclass(frozen=True, eq=False)
class _Vocabulary:
    """What each word of a gap is: barrier, unit, people or filler (else unknown).

    Exact words are one dict lookup; stems ("civil*") are tried in the same order of precedence.
    Answers are kept per word, so a language's common words are classified once.
    """

    exact: dict[str, str]
    stems: tuple[tuple[str, tuple[str, ...]], ...]
    clitics: str
    known: dict[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, classes: Sequence[tuple[str, Iterable[object]]], clitics: str) -> _Vocabulary:
        exact: dict[str, str] = {}
        stems: list[tuple[str, tuple[str, ...]]] = []
        for name, words in classes:
            folded = [fold(str(w)).strip() for w in words]
            for word in folded:
                if not word.endswith("*"):
                    exact.setdefault(word, name)
            stems.append((name, tuple(w[:-1] for w in folded if w.endswith("*"))))
        return cls(exact, tuple(stems), clitics)

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


def _list(section: Mapping[str, Any], key: str, origin: str) -> list[object]:
    value = section.get(key) or []
    if not isinstance(value, list):
        raise CodebookError(f"{origin}: casualties.{key} must be a list of words")
    return value


def _lexicon(section: Mapping[str, Any], origin: str) -> PhraseMatcher[_Word]:
    entries: list[tuple[str, _Word]] = []
    kinds: tuple[Kind, ...] = ("killed", "injured")
    none = section.get("none") or {}
    implied = section.get("implied") or {}
    for kind in kinds:
        entries += [(str(w), _Word(kind)) for w in _list(section, kind, origin)]
        entries += [(str(w), _Word(None, none=(kind,))) for w in none.get(kind) or []]
        for count, words in (implied.get(kind) or {}).items():
            entries += [(str(w), _Word(kind, int(count))) for w in words]
    entries += [(str(w), _Word(None, none=kinds)) for w in none.get("both") or []]
    # People nouns with their own count share the scan: one pass over the sentence.
    for count, words in (section.get("implied_people") or {}).items():
        entries += [(str(w), _Word(None, int(count), people=True)) for w in words]
    return PhraseMatcher(entries)


def _month_words(files: CodebookFiles, lang: str) -> list[object]:
    """Month names, so that "7 octobre" is a date rather than seven of something."""
    months = files.read(f"{lang}/dates.yaml").get("months") or {}
    return [w for words in months.values() for w in words or []]


@dataclass(frozen=True)
class CasualtyRules:
    """One language's casualty rules, compiled once by :meth:`load`."""

    lexicon: PhraseMatcher[_Word]
    numbers: NumberWords
    vocabulary: _Vocabulary
    months: frozenset[str]
    adds: frozenset[str]
    articles: re.Pattern[str] | None

    @classmethod
    def load(cls, files: CodebookFiles, lang: str) -> CasualtyRules:
        origin = f"{lang}/numbers.yaml"
        section = files.read(origin).get("casualties") or {}
        if not isinstance(section, Mapping):
            raise CodebookError(f"{origin}: 'casualties' must be a mapping")
        months = _month_words(files, lang)
        articles = [re.escape(fold(str(a)).strip()) for a in _list(section, "articles", origin)]
        return cls(
            lexicon=_lexicon(section, origin),
            numbers=NumberWords.load(files, lang),
            # Order matters: a word in two lists takes the first class.
            vocabulary=_Vocabulary.of(
                [
                    ("barrier", _list(section, "barriers", origin)),
                    ("unit", _list(section, "units", origin) + months),
                    ("people", _list(section, "people", origin)),
                    ("filler", _list(section, "filler", origin)),
                ],
                clitics=fold(str(section.get("clitics") or "")),
            ),
            months=frozenset(fold(str(m)).strip() for m in months),
            adds=frozenset(fold(str(w)).strip() for w in _list(section, "adds", origin)),
            articles=re.compile(rf"(?<!\w)(?:{'|'.join(articles)})(?!\w)") if articles else None,
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
            else:
                hits.append(_Hit(m.start, m.end, m.payload))
        if not hits:
            return []  # the common case, kept cheap
        counts = self._counts(folded, start, end, hits, implied, scan)
        pairs = self._pairs(folded, hits, counts)
        used = {pair.count for pair in pairs}
        mentions: list[CasualtyMention] = []
        for pair in pairs:
            hit = hits[pair.word]
            first, last, total = self._total(folded, hit, counts, pair.count, used)
            if total is not None and hit.word.kind is not None:
                mentions.append(_mention(text, first, last, hit.word.kind, total))
        paired = {pair.word for pair in pairs}
        for index, hit in enumerate(hits):
            if index not in paired:
                mentions += _unpaired(text, hit)
        return sorted(mentions, key=lambda m: (m.span.start, m.kind != "killed"))

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
        for count in sorted(found + implied + self._articles(folded, start, end, hits), key=_at):
            if any(h.start < count.end and count.start < h.end for h in hits):
                continue  # a number word inside a casualty phrase
            if counts and counts[-1].end > count.start:
                continue  # an article or implied count inside a number phrase ("a dozen")
            if count in implied and counts and not folded[counts[-1].end : count.start].strip():
                continue  # "21 военнослужащий": the noun of a number, not a count of its own
            if not self._counts_something_else(folded, start, end, count):
                counts.append(count)
        return counts

    def _articles(self, folded: str, start: int, end: int, hits: Sequence[_Hit]) -> list[_Count]:
        """Indefinite articles near casualty words: "a pastor was killed" is one killed."""
        if self.articles is None:
            return []
        first = max(start, min(h.start for h in hits) - _ARTICLE_WINDOW)
        last = min(end, max(h.end for h in hits) + _ARTICLE_WINDOW)
        found = self.articles.finditer(folded, first, last)
        return [_Count(m.start(), m.end(), 1, weak=True) for m in found]

    def _counts_something_else(self, folded: str, start: int, end: int, count: _Count) -> bool:
        before = folded[max(start, count.start - 16) : count.start].split()
        if before and (before[-1] in self.months or before[-1].rstrip(".") in self.months):
            return True  # "October 7", "Oct. 7"
        joint, after = folded[count.end : count.end + 1], folded[count.end + 1 : count.end + 2]
        if joint == "-" and after.isalpha():
            return True  # an age or a size: "a 70-year-old woman", "70-річна", "5-storey"
        if joint in _NUMBER_JOINTS and after.isdigit():
            return True  # a date, a time or a decimal: "23/03/2017", "10:30", "2.5"
        follower = _NEXT_WORD.match(folded, count.end, end)
        word = follower.group(1) if follower else ""
        kind = self.vocabulary.classify(word) if word else ""
        if word in _PERCENT or kind == "unit":
            return True
        raw = folded[count.start : count.end]
        looks_like_year = raw.isdigit() and len(raw) == 4 and 1900 <= (count.value or 0) <= 2100
        return looks_like_year and kind != "people"

    # --- pairing ----------------------------------------------------------------------------

    def _pairs(self, folded: str, hits: Sequence[_Hit], counts: Sequence[_Count]) -> list[_Pair]:
        """Casualty words and counts, paired closest first, each used once."""
        candidates: list[_Pair] = []
        # Articles are everywhere: a count may pair across one ("Five policemen escorting a
        # bus were killed" is no count of one).
        spans = [(h.start, h.end) for h in hits] + [(c.start, c.end) for c in counts if not c.weak]
        for w, hit in enumerate(hits):
            if hit.word.kind is None or hit.word.count is not None:
                continue
            for n, count in enumerate(counts):
                cost = self._cost(folded, spans, hit, count)
                if cost is not None:
                    candidates.append(_Pair(cost, w, n))
        chosen: list[_Pair] = []
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
        self, folded: str, spans: Sequence[tuple[int, int]], hit: _Hit, count: _Count
    ) -> tuple[int, int, int, int] | None:
        """How far apart a casualty word and a count are, or None when they cannot pair."""
        before = count.end <= hit.start
        if not before and count.start < hit.end:
            return None
        left, right = (count.end, hit.start) if before else (hit.end, count.start)
        if right - left > MAX_GAP_CHARS:
            return None
        if any(left <= first and last <= right for first, last in spans):
            return None  # another count or casualty word stands between
        gap = folded[left:right]
        words = self._gap_words(self._before_joined_verb(gap) if before else gap)
        if words is None or "unit" in words or "barrier" in words:
            return None
        unknown = words.count("unknown")
        if before:
            if len(words) > MAX_WORDS_BEFORE or unknown > MAX_UNKNOWN_BEFORE:
                return None
            if (unknown or count.weak) and not count.noun and "people" not in words and words:
                # "12 attaques ont tué": the number counts something else (a people noun that
                # counts itself says who: "a woman was found dead")
                return None
            if count.weak and len(words) > MAX_WORDS_AFTER:
                return None  # an article reaches only its own noun phrase
        else:
            if (
                len(words) > MAX_WORDS_AFTER
                or unknown > MAX_UNKNOWN_AFTER
                or (count.weak and words)
            ):
                return None
            if unknown and not self._people_follow(folded, count):
                return None  # "killed in 3 attacks"
        return (
            len(words) + unknown,
            int(count.weak or count.noun),
            0 if before else 1,
            right - left,
        )

    def _before_joined_verb(self, gap: str) -> str:
        """The gap up to an "and" that joins another verb to the casualty word: the victims of
        "4 youths were attacked and killed" or "2 soldiers were kidnapped and later killed"
        are the subject of both verbs. Without a word before the "and", the gap is kept."""
        tokens = list(_GAP_TOKEN.finditer(gap))
        while tokens and self.vocabulary.classify(tokens[-1].group()) == "filler":
            tokens.pop()
        if len(tokens) < 2 or tokens[-1].group() not in self.adds:
            return gap
        if self.vocabulary.classify(tokens[-2].group()) != "unknown":
            return gap  # "two soldiers and ... killed" lists victims; that is _total's job
        return gap[: tokens[-1].start()]

    def _gap_words(self, gap: str) -> list[str] | None:
        """The class of each word of a gap, or None when punctuation cuts it."""
        classes: list[str] = []
        for token in _GAP_TOKEN.findall(_AGE.sub(" ", gap)):
            if len(token) == 1 and not token.isalnum():
                if token in _BARRIERS:
                    return None
                continue
            classes.append(self.vocabulary.classify(token))
        return classes

    def _people_follow(self, folded: str, count: _Count) -> bool:
        follower = _NEXT_WORD.match(folded, count.end)
        return follower is not None and self.vocabulary.classify(follower.group(1)) == "people"

    # --- "two women and one child were killed" ----------------------------------------------

    def _total(
        self, folded: str, hit: _Hit, counts: Sequence[_Count], index: int, used: set[int]
    ) -> tuple[int, int, int | None]:
        """The span and the total of a count and of the counts listed with it by "and"."""
        step = -1 if counts[index].end <= hit.start else 1
        total = counts[index].value
        first, last = min(hit.start, counts[index].start), max(hit.end, counts[index].end)
        current, following = index, index + step
        while total is not None and 0 <= following < len(counts) and following not in used:
            left, right = sorted((counts[current], counts[following]), key=_at)
            value = counts[following].value
            if value is None or not self._listed(folded[left.end : right.start], left.noun):
                break
            used.add(following)
            total += value
            first, last = min(first, left.start), max(last, right.end)
            current, following = following, following + step
        return first, last, total

    def _listed(self, gap: str, noun: bool = False) -> bool:
        """Whether a gap reads "<people> and": the end of one item of a list of victims. After
        a people noun that counts itself, "and" alone will do ("a man and a woman")."""
        tokens = [t for t in _GAP_TOKEN.findall(gap) if t.isalnum() or "'" in t]
        if noun and len(tokens) == 1 and tokens[0] in self.adds:
            return True
        if len(tokens) < 2 or tokens[-1] not in self.adds:
            return False
        classes = [self.vocabulary.classify(t) for t in tokens[:-1]]
        return (
            "people" in classes
            and classes.count("unknown") <= MAX_UNKNOWN_BEFORE
            and all(c in ("people", "unknown", "filler") for c in classes)
        )


def _at(count: _Count) -> int:
    return count.start


def _mention(text: str, start: int, end: int, kind: Kind, count: int) -> CasualtyMention:
    return CasualtyMention(Span(start, end, text[start:end]), kind, count)


def _unpaired(text: str, hit: _Hit) -> list[CasualtyMention]:
    """Mentions a casualty word makes on its own: an implied count or a statement of none."""
    word = hit.word
    if word.kind is not None and word.count is not None:
        return [_mention(text, hit.start, hit.end, word.kind, word.count)]
    return [_mention(text, hit.start, hit.end, kind, 0) for kind in word.none]
