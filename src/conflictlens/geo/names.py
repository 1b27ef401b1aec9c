"""How place names become lookup keys, the same way for gazetteer names and document words.

A key is the folded name (:func:`conflictlens.text.fold.fold`: case, accents, Arabic letter
variants) cut into word tokens joined by single spaces, so that hyphens, apostrophes and spaces all
read alike ("Al-Hasakah" ~ "Al Hasakah", "d'Al-Hasakah" holds "al hasakah"). On top of that:

- the Arabic article and its assimilated forms (al-, el-, ash-, ad-, ez-, ...) are one token
  ``al`` wherever they stand, and a leading article may be left out ("Shaddadi");
- ``'`` and ``‘`` inside a transliteration may be dropped ("Ta'izz" ~ "Taizz");
- Cyrillic words lose their case endings (Херсоні, Харкові, Одесі -> stems of Херсон, Харків,
  Одеса), see :func:`cyrillic_stem` and :func:`stem_candidates`;
- a *skeleton* merges spelling variants of transliterated names (doubled letters, ou/u, ch/sh,
  final -ah/-a/-eh/-e) for a last-chance lookup, see :func:`skeleton`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from conflictlens.text.fold import fold

__all__ = [
    "ARTICLES",
    "CANONICAL_ARTICLE",
    "CYRILLIC_ARTICLE",
    "CYRILLIC_ARTICLES",
    "canonical_word",
    "cyrillic_stem",
    "key_tokens",
    "name_keys",
    "script_of",
    "skeleton",
    "stem_candidates",
    "strip_marks",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CANONICAL_ARTICLE = "al"
ARTICLES = _words("al el il ul ash esh ech as es ad ed adh ath at et ar er az ez an en")
"""Spellings of the Arabic article in Latin transliterations (assimilated forms included)."""
CYRILLIC_ARTICLE = "аль"
CYRILLIC_ARTICLES = _words(
    "аль эль ель ал эл аш эш еш ас эс ес ад эд ед ар эр ер ат эт ет аз эз ез ан эн ен"
)
"""The same in Russian and Ukrainian transliterations (Эс-Сухне, Дейр-эз-Зор, Ель-Хасака)."""

_TOKEN = re.compile(r"\w+")
_LATIN_RANGES = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_CYRILLIC_RANGES = "\u0400-\u052f"
_ARABIC_RANGES = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
_LATIN = re.compile(f"[{_LATIN_RANGES}]")
_CYRILLIC = re.compile(f"[{_CYRILLIC_RANGES}]")
_ARABIC = re.compile(f"[{_ARABIC_RANGES}]")
_OTHER_LETTER = re.compile(
    f"[^\\W\\d_\u00aa\u00b5\u00ba{_LATIN_RANGES}{_CYRILLIC_RANGES}{_ARABIC_RANGES}]"
)
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_APOSTROPHES = re.compile("(?<=\\w)['\u2018\u2019\u02bc\u02bf\u02be`\u00b4](?=\\w)")
_CYRILLIC_VOWEL_END = "аяоеєиіїыйьуюё"
_NOUN_ENDINGS = tuple(
    sorted(
        _words("а я у ю е є і ї и ы о ом ем ою ею ой ей ям ами ями ах ях ові еві ов ев"), key=len
    )
)
"""Shortest first: the longest stem is tried first (Харкові -> харков before харк)."""
_ADJECTIVE_ENDINGS = tuple(
    sorted(
        _words("ої ій ою у а ий ого ому ім им их ими е і ая ой ую ый ое ом ые ых ым ыми ей"),
        key=len,
        reverse=True,
    )
)


def strip_marks(text: str) -> str:
    """Remove Arabic short-vowel marks, shadda and tatweel (as text normalisation does)."""
    return _MARKS.sub("", text)


def key_tokens(name: str) -> list[str]:
    """The folded word tokens of a name."""
    return _TOKEN.findall(fold(strip_marks(name)))


def script_of(name: str) -> str:
    """``latin``, ``arabic``, ``cyrillic``, ``mixed`` or ``other`` (letters only are counted)."""
    if _OTHER_LETTER.search(name):
        return "other"
    seen = [
        script
        for script, pattern in (("latin", _LATIN), ("cyrillic", _CYRILLIC), ("arabic", _ARABIC))
        if pattern.search(name)
    ]
    if len(seen) == 1:
        return seen[0]
    return "mixed" if seen else "other"


def canonical_word(word: str) -> str:
    """A word, or the canonical article if it spells the Arabic article (al, ash, эль, аш...)."""
    if word in ARTICLES:
        return CANONICAL_ARTICLE
    return CYRILLIC_ARTICLE if word in CYRILLIC_ARTICLES else word


def _canonical(tokens: list[str]) -> list[str]:
    return [canonical_word(t) for t in tokens]


def name_keys(name: str, min_stripped: int = 4) -> Iterator[tuple[str, bool]]:
    """The keys a gazetteer name is indexed under, each with ``True`` when it is the full name.

    Latin names also yield the form without a leading article ("al hasakah" -> "hasakah") when
    what remains is long enough, and the form with inner apostrophes dropped ("taizz").
    """
    folded = fold(strip_marks(name))
    tokens = _TOKEN.findall(folded)
    if not tokens:
        return
    forms = [tokens]
    joined = _APOSTROPHES.sub("", folded)
    if joined != folded:
        forms.append(_TOKEN.findall(joined))
    seen: set[str] = set()
    for form in forms:
        for key, full in _article_forms(_canonical(form), min_stripped):
            if key not in seen:
                seen.add(key)
                yield key, full


def _article_forms(tokens: list[str], min_stripped: int) -> Iterator[tuple[str, bool]]:
    yield " ".join(tokens), True
    if len(tokens) > 1 and tokens[0] in (CANONICAL_ARTICLE, CYRILLIC_ARTICLE):
        rest = tokens[1:]
        if len(rest) > 1 or len(rest[0]) >= min_stripped:
            yield " ".join(rest), False


def cyrillic_stem(key: str) -> list[str]:
    """Stems a one-word Cyrillic name is found under when inflected (Одеса -> одес).

    Ukrainian alternations are added: Харків -> харков (Харкові), Київ -> києв (Києві),
    Авдіївка -> авдіївц (Авдіївці).
    """
    if " " in key or len(key) < 4:
        return []
    stem = key[:-1] if key[-1] in _CYRILLIC_VOWEL_END else key
    stems = [stem]
    if stem.endswith("ів"):
        stems.append(stem[:-2] + "ов")
    elif stem.endswith("їв"):
        stems.append(stem[:-2] + "єв")
    elif stem.endswith("к") and key.endswith(("ка", "ки")):
        stems.append(stem[:-1] + "ц")
    elif stem.endswith("г") and key.endswith("га"):
        stems.append(stem[:-1] + "з")
    return [s for s in stems if len(s) >= 3]


def stem_candidates(token: str) -> list[str]:
    """The word, then the stems it may come from, longest first (херсоні -> херсон, ...).

    A plural name in -ки has a genitive in -ок with a vowel that comes and goes (Олешки ->
    Олешок, Гірки -> Гірок): "олешок" is also tried as the stem "олешк"."""
    out = [token]
    for ending in _NOUN_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= 3:
            out.append(token[: -len(ending)])
    if token.endswith("ок") and len(token) >= 6:
        out.append(token[:-2] + "к")
    return out


def adjective_stem(token: str) -> str | None:
    """The stem of a Cyrillic place adjective (херсонської -> херсонськ), else None."""
    for ending in _ADJECTIVE_ENDINGS:
        if token.endswith(ending):
            stem = token[: -len(ending)]
            if stem.endswith(("ськ", "ск", "цьк", "цк", "зьк", "зк")) and len(stem) >= 5:
                return stem
    return None


_SKELETON_RULES = (
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ch", "sh"),
    ("dj", "j"),
    ("dh", "d"),
    ("q", "k"),
    ("ck", "k"),
    ("ph", "f"),
    ("ey", "ai"),
    ("ay", "ai"),
    ("ei", "ai"),
    ("iy", "i"),
    ("y", "i"),
)
_DOUBLE = re.compile(r"(\w)\1+")


def _skeleton_token(token: str) -> str:
    for old, new in _SKELETON_RULES:
        token = token.replace(old, new)
    token = _DOUBLE.sub(r"\1", token)
    if len(token) > 3 and token.endswith(("ah", "eh")):
        return token[:-2] + "a"
    if len(token) > 3 and token.endswith("e"):
        return token[:-1] + "a"
    return token


def skeleton(key: str) -> str:
    """A coarse spelling of a Latin key that merges common transliteration variants.

    ``al shaddadi`` and ``ash shadadi`` -> ``al shadadi``; ``hassake`` and ``hasakah`` ->
    ``hasaka``; ``mossoul`` -> ``mosul``.
    """
    return " ".join(CANONICAL_ARTICLE if t in ARTICLES else _skeleton_token(t) for t in key.split())
