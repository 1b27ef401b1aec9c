"""Dates in a sentence, resolved against the article's publication date.

The words are data (``<lang>/dates.yaml``); this module only knows the shapes a date takes:

- a day number, a month name and maybe a year ("le 7 octobre", "15 de marzo de 2023",
  "October 7, 2023", "20 تشرين الثاني 2023"), or a month with a prefix or a year ("en octobre",
  "March 2023"): explicit, they need the publication date only to supply a missing year;
- numeric dates (2023-10-07, 07/10/2023);
- runs of relative words ("aujourd'hui lundi", "hier soir", "el martes pasado", "в ночь на
  понедельник", "الأسبوع الماضي"), and "il y a trois jours": they need the publication date.

A publication date known only to the month makes every relative date that month (the day cannot
be known); explicit day dates keep their day. Expressions right after a period word ("depuis",
"since", "منذ") are starting points or spans of time, not event dates, and are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from conflictlens.codebook.files import CodebookFiles
from conflictlens.errors import CodebookError
from conflictlens.model import DateMention, PartialDate, Precision, Span
from conflictlens.text.fold import fold
from conflictlens.text.match import PhraseMatcher, PhraseScan
from conflictlens.text.numbers import NumberWords

__all__ = ["DateRules"]

YEARLESS_MAX_AHEAD = dt.timedelta(days=7)
"""A date without a year is read in the publication year unless that puts it more than a week
after publication: then it is last year's ("le 28 décembre" in an article of 3 January)."""
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_WINDOW = 32
"""How many characters before an expression are searched for a period word or a number."""
_DAY_WINDOW = 12
"""How many characters before a month name may hold its day ("15 de ", "7th of ", "1er ")."""
_MAX_GAP = 24
"""No connector is longer: a longer gap between two date words ends an expression."""

# Token kinds. Relative kinds make up runs; the others are read on their own.
_RELATIVE = frozenset({"day", "weekday", "week", "month_offset", "last", "next", "part", "skip"})
# Digits as a character class: Python's re scans a class far faster than \d with a lookbehind,
# so the sentences without a numeric date (nearly all) are passed over cheaply.
_D = "0-9\u0660-\u0669\u06f0-\u06f9"
_NUMERIC_HINT = re.compile(rf"[{_D}][/.-][{_D}]")
_ISO = re.compile(rf"(?<![{_D}])([{_D}]{{4}})-([{_D}]{{1,2}})-([{_D}]{{1,2}})(?![{_D}]|-[{_D}])")
_NUMERIC = re.compile(
    rf"(?<![{_D}/.-])([{_D}]{{1,2}})([/.-])([{_D}]{{1,2}})\2([{_D}]{{4}}|[{_D}]{{2}})"
    rf"(?![{_D}]|[/.-][{_D}])"
)
_COMMAS = re.compile(r"[,\u060c\s]+")


@dataclass(frozen=True, slots=True)
class _Word:
    kind: str
    value: int = 0


# Records made per sentence are plain slotted dataclasses: a frozen one costs three times as
# much to build, which shows on the per-sentence budget.
@dataclass(slots=True)
class _Token:
    start: int
    end: int
    kind: str
    value: int


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    date: PartialDate | None


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of folded phrases, longest first, inner spaces matching any spacing."""
    folded = sorted(
        {fold(str(p)).strip() for p in phrases if str(p).strip()}, key=len, reverse=True
    )
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in folded) or r"(?!)"


def _section(data: Mapping[str, Any], key: str, kind: str, origin: str) -> list[tuple[str, _Word]]:
    section = data.get(key) or {}
    if not isinstance(section, Mapping):
        raise CodebookError(f"{origin}: '{key}' maps a number to a list of words")
    return [(str(w), _Word(kind, int(v))) for v, words in section.items() for w in words or []]


def _words(data: Mapping[str, Any], key: str, kind: str) -> list[tuple[str, _Word]]:
    return [(str(w), _Word(kind)) for w in data.get(key) or []]


def _lexicon(data: Mapping[str, Any], origin: str) -> PhraseMatcher[_Word]:
    ago = data.get("ago") or {}
    entries = (
        _section(data, "months", "month", origin)
        + _section(data, "weekdays", "weekday", origin)
        + _section(data, "days", "day", origin)
        + _section(data, "weeks", "week", origin)
        + _section(data, "month_offsets", "month_offset", origin)
        + _section(ago, "units", "unit", origin)
        + _words(data, "last", "last")
        + _words(data, "next", "next")
        + _words(data, "times_of_day", "part")
        + _words(data, "not_dates", "skip")
        + _words(ago, "before", "ago_before")
        + _words(ago, "after", "ago_after")
    )
    return PhraseMatcher(entries)


@dataclass(frozen=True)
class DateRules:
    """One language's date rules, compiled once by :meth:`load`."""

    lexicon: PhraseMatcher[_Word]
    numbers: NumberWords
    connectors: frozenset[str]
    day_before: re.Pattern[str]
    day_after: re.Pattern[str] | None
    year_after: re.Pattern[str]
    month_prefix: re.Pattern[str]
    period: re.Pattern[str]
    month_first: bool
    capitalised: bool
    lowercase_weekdays: bool
    """The language writes weekday names in lower case: one capitalised after a word in lower
    case is a name ("el comandante Domingo Pérez"), not a day."""

    @classmethod
    def load(cls, files: CodebookFiles, lang: str) -> DateRules:
        origin = f"{lang}/dates.yaml"
        data = files.read(origin)
        joiners = _alternation(data.get("day_joiners") or [])
        ordinals = _alternation(data.get("ordinals") or [])
        year_words = _alternation(data.get("year_words") or [])
        order = str(data.get("numeric_order", "DMY")).upper()
        if order not in ("DMY", "MDY"):
            raise CodebookError(f"{origin}: numeric_order is DMY or MDY, not {order!r}")
        day_after = (
            re.compile(
                rf"\s*([{_D}]{{1,2}})(?:{ordinals})?(?!\w)(?:\s*,?\s*([{_D}]{{4}})(?![{_D}]))?"
            )
            if data.get("day_after_month")
            else None
        )
        return cls(
            lexicon=_lexicon(data, origin),
            numbers=NumberWords.load(files, lang),
            connectors=frozenset(fold(str(c)).strip() for c in data.get("connectors") or []),
            day_before=re.compile(rf"([{_D}]{{1,2}})(?:{ordinals})?\s*(?:(?:{joiners})\s*)?$"),
            day_after=day_after,
            year_after=re.compile(
                rf"\s*,?\s*(?:(?:{joiners})\s+)?([{_D}]{{4}})(?![{_D}])"
                rf"(?:\s*(?:{year_words})(?!\w))?"
            ),
            month_prefix=re.compile(
                rf"(?<!\w)(?:{_alternation(data.get('month_prefixes') or [])})\s*-?\s*$"
            ),
            # "depuis le 7 octobre", "since the 7th": one short word may follow the period word.
            period=re.compile(
                rf"(?<!\w)(?:{_alternation(data.get('periods') or [])})(?:\s+\w{{1,3}})?\s*$"
            ),
            month_first=order == "MDY",
            capitalised=bool(data.get("capitalised", False)),
            lowercase_weekdays=bool(data.get("lowercase_weekdays", False)),
        )

    def find(
        self,
        text: str,
        folded: str,
        start: int,
        end: int,
        published: PartialDate | None,
        scan: PhraseScan | None = None,
    ) -> list[DateMention]:
        """Date expressions in text[start:end] (a sentence; text is the whole document, folded =
        fold(text)), resolved against the publication date, spans in document offsets, in order.
        ``scan``, when given, holds the occurrences of the date and number words in ``folded``
        (a :class:`PhraseScanner` over this rules' matchers), read once for the whole text."""
        tokens = self._tokens(text, folded, start, end, scan)
        found = self._numeric(folded, start, end, published)
        if tokens:
            found += self._explicit(folded, start, end, tokens, published)
            found = self._relative(folded, tokens, found, published)
            found += self._ago(folded, start, tokens, published, scan)
        mentions: list[DateMention] = []
        last_end = -1
        for item in sorted(found, key=lambda f: (f.start, -f.end)):
            if (
                item.date is None
                or item.start < last_end
                or self._after_period(folded, start, item)
            ):
                continue
            last_end = item.end
            mentions.append(
                DateMention(Span(item.start, item.end, text[item.start : item.end]), item.date)
            )
        return mentions

    # --- tokens -----------------------------------------------------------------------------

    def _tokens(
        self, text: str, folded: str, start: int, end: int, scan: PhraseScan | None
    ) -> list[_Token]:
        tokens: list[_Token] = []
        for match in self.lexicon.find_in(folded, start, end, scan):
            word = match.payload
            first = match.start
            if self.capitalised and word.kind in ("month", "weekday") and text[first].islower():
                continue  # "may", "march" as verbs
            if self.lowercase_weekdays and word.kind == "weekday" and _named(text, start, first):
                continue
            tokens.append(_Token(first, match.end, word.kind, word.value))
        return tokens

    def _joined(self, folded: str, left_end: int, right_start: int) -> bool:
        """Whether only commas, spaces and connector words stand between two parts."""
        if right_start < left_end or right_start - left_end > _MAX_GAP:
            return False
        gap = folded[left_end:right_start].strip(" ,\u060c")
        return not gap or _COMMAS.sub(" ", gap) in self.connectors

    def _after_period(self, folded: str, start: int, item: _Found) -> bool:
        return self.period.search(folded, max(start, item.start - _WINDOW), item.start) is not None

    # --- explicit dates ---------------------------------------------------------------------

    def _explicit(
        self,
        folded: str,
        start: int,
        end: int,
        tokens: Sequence[_Token],
        published: PartialDate | None,
    ) -> list[_Found]:
        found: list[_Found] = []
        for token in tokens:
            if token.kind == "month":
                item = self._month_date(folded, start, end, token, published)
                if item is not None:
                    found.append(item)
        return found

    def _month_date(
        self, folded: str, start: int, end: int, month: _Token, published: PartialDate | None
    ) -> _Found | None:
        """The date a month name heads: with its day, its year, or a prefix ("en octobre")."""
        day = self.day_before.search(folded, max(start, month.start - _DAY_WINDOW), month.start)
        if day is not None and day.start() > 0 and folded[day.start() - 1].isdigit():
            day = None  # "123 octobre"
        year = self.year_after.match(folded, month.end, end)
        found_year = int(year.group(1)) if year else None
        if day is not None:
            last = year.end() if year else month.end
            return self._dated(
                day.start(), last, found_year, month.value, int(day.group(1)), published
            )
        after = self.day_after.match(folded, month.end, end) if self.day_after else None
        if after is not None:
            found_year = int(after.group(2)) if after.group(2) else None
            return self._dated(
                month.start, after.end(), found_year, month.value, int(after.group(1)), published
            )
        if year is not None:
            return self._dated(month.start, year.end(), found_year, month.value, None, published)
        prefix = self.month_prefix.search(folded, max(start, month.start - _WINDOW), month.start)
        if prefix is None:
            return None  # a bare month name: "Mars", "May", "مارس" are often no month
        return self._dated(prefix.start(), month.end, None, month.value, None, published)

    def _dated(
        self,
        first: int,
        last: int,
        year: int | None,
        month: int,
        day: int | None,
        published: PartialDate | None,
    ) -> _Found | None:
        precision = Precision.DAY if day is not None else Precision.MONTH
        if year is not None and not _MIN_YEAR <= year <= _MAX_YEAR:
            return None
        if year is None:
            year = _yearless(month, day or 1, published)
            if year is None:
                return None
        try:
            dt.date(year, month, day or 1)
        except ValueError:
            return None
        return _Found(first, last, PartialDate(year, month, day or 1, precision))

    def _numeric(
        self, folded: str, start: int, end: int, published: PartialDate | None
    ) -> list[_Found]:
        found: list[_Found] = []
        if _NUMERIC_HINT.search(folded, start, end) is None:
            return found
        for match in _ISO.finditer(folded, start, end):
            year, month, day = (int(g) for g in match.groups())
            found.append(self._checked(match, year, month, day))
        for match in _NUMERIC.finditer(folded, start, end):
            first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
            year = year + 2000 if year < 100 else year
            month, day = (first, second) if self.month_first else (second, first)
            if month > 12 >= day:
                month, day = day, month  # only the other reading is a date
            found.append(self._checked(match, year, month, day))
        return found

    @staticmethod
    def _checked(match: re.Match[str], year: int, month: int, day: int) -> _Found:
        try:
            dt.date(year, month, day)
        except ValueError:
            return _Found(match.start(), match.end(), None)
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            return _Found(match.start(), match.end(), None)
        return _Found(match.start(), match.end(), PartialDate(year, month, day))

    # --- relative dates ---------------------------------------------------------------------

    def _relative(
        self,
        folded: str,
        tokens: Sequence[_Token],
        explicit: list[_Found],
        published: PartialDate | None,
    ) -> list[_Found]:
        """Explicit dates, widened by the relative words next to them, then relative runs."""
        result = list(explicit)
        for run in self._runs(folded, tokens):
            kinds = {t.kind for t in run}
            if "skip" in kinds:
                continue
            first, last = run[0].start, run[-1].end
            host = next(
                (i for i, f in enumerate(result) if self._touches(folded, f, first, last)), None
            )
            if host is not None:
                # "lundi 7 octobre", "le 7 octobre dernier": the explicit date stands, a coming
                # one ("le 7 octobre prochain") is no event date.
                old = result[host]
                date = None if "next" in kinds else old.date
                result[host] = _Found(min(old.start, first), max(old.end, last), date)
            elif "next" not in kinds:
                result.append(_Found(first, last, _resolve(run, published)))
        return result

    def _runs(self, folded: str, tokens: Sequence[_Token]) -> list[list[_Token]]:
        runs: list[list[_Token]] = []
        for token in tokens:
            if token.kind not in _RELATIVE:
                continue
            # Spellings that fold alike ("الاثنين", "الإثنين") match twice at one place.
            if runs and (
                token.start < runs[-1][-1].end
                or self._joined(folded, runs[-1][-1].end, token.start)
            ):
                runs[-1].append(token)
            else:
                runs.append([token])
        return runs

    def _touches(self, folded: str, found: _Found, first: int, last: int) -> bool:
        return self._joined(folded, last, found.start) or self._joined(folded, found.end, first)

    # --- "il y a trois jours" ---------------------------------------------------------------

    def _ago(
        self,
        folded: str,
        start: int,
        tokens: Sequence[_Token],
        published: PartialDate | None,
        scan: PhraseScan | None,
    ) -> list[_Found]:
        found: list[_Found] = []
        for index, unit in enumerate(tokens):
            if unit.kind != "unit":
                continue
            numbers = self.numbers.find(folded, max(start, unit.start - _WINDOW), unit.start, scan)
            number = numbers[-1] if numbers else None
            if number is None or number.value is None or number.vague:
                continue
            if folded[number.end : unit.start].strip():
                continue
            before = tokens[index - 1] if index > 0 else None
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            first, last = number.start, unit.end
            if before and before.kind == "ago_before" and self._joined(folded, before.end, first):
                first = before.start
            elif after and after.kind == "ago_after" and self._joined(folded, last, after.start):
                last = after.end
            else:
                continue  # "au cours des trois derniers jours": a span of time
            found.append(_Found(first, last, _ago_date(number.value * unit.value, published)))
        return found


def _named(text: str, start: int, first: int) -> bool:
    """A capitalised word right after a word in lower case, within the sentence starting at
    ``start``: a name ("comandante Domingo Pérez"), in a language that writes weekdays in lower
    case."""
    if not text[first].isupper() or not text[first + 1 : first + 2].islower():
        return False
    before = text[start:first].split()
    return bool(before) and before[-1][:1].islower()


def _yearless(month: int, day: int, published: PartialDate | None) -> int | None:
    if published is None:
        return None
    reference = published.date if published.precision == Precision.DAY else published.last_day()
    try:
        ahead = dt.date(published.year, month, day) - reference
    except ValueError:
        return published.year  # 29 February: let the caller reject it
    return published.year - 1 if ahead > YEARLESS_MAX_AHEAD else published.year


def _month_only(published: PartialDate) -> PartialDate:
    return PartialDate(published.year, published.month, 1, Precision.MONTH)


def _resolve(run: Sequence[_Token], published: PartialDate | None) -> PartialDate | None:
    """The date a run of relative words means, or None without a publication date."""
    if published is None:
        return None
    kinds = {t.kind: t.value for t in run}
    if "month_offset" in kinds:
        return _shift_month(published, kinds["month_offset"])
    if published.precision != Precision.DAY:
        has_date = kinds.keys() & {"day", "weekday", "week"}
        return _month_only(published) if has_date else None
    today = published.date
    if "week" in kinds:
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=kinds["week"])
        if "weekday" in kinds:  # "lundi de la semaine dernière"
            return PartialDate.of(monday + dt.timedelta(days=kinds["weekday"]))
        return PartialDate.of(monday, Precision.WEEK)
    if "weekday" in kinds:
        back = (today.weekday() - kinds["weekday"]) % 7
        if back == 0 and "last" in kinds:
            back = 7  # "lundi dernier" said on a Monday is a week ago
        return PartialDate.of(today - dt.timedelta(days=back))
    if "day" in kinds:
        return PartialDate.of(today + dt.timedelta(days=kinds["day"]))
    return None


def _shift_month(published: PartialDate, offset: int) -> PartialDate:
    index = published.year * 12 + published.month - 1 + offset
    return PartialDate(index // 12, index % 12 + 1, 1, Precision.MONTH)


def _ago_date(days: int, published: PartialDate | None) -> PartialDate | None:
    if published is None:
        return None
    if published.precision != Precision.DAY:
        return _month_only(published)
    day = published.date - dt.timedelta(days=days)
    if days % 7 == 0 and days >= 7:
        return PartialDate.of(day - dt.timedelta(days=day.weekday()), Precision.WEEK)
    return PartialDate.of(day)
