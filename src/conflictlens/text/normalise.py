"""Stage 1: make a document's text uniform before anything reads it.

The normalised text is the text conflictlens stores and quotes, so evidence offsets always point
into it. What changes: Unicode NFC; curly quotes and apostrophes to straight ones; exotic spaces to
plain spaces; runs of spaces collapsed; hard-wrapped lines rejoined; Arabic tatweel and short-vowel
marks (harakat) removed, since news copy uses them inconsistently and they break matching
("الولايات" with a shadda).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from conflictlens.model import Document

__all__ = ["normalise_document", "normalise_text"]

_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u200b": "",
        "\u200e": "",
        "\u200f": "",
        "\ufeff": "",
        "\u0640": "",  # Arabic tatweel
        "\r": "",
    }
)
# Arabic harakat, tanwin, shadda, sukun, superscript alef.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
_SPACES = re.compile(r"[ \t]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# A line break inside a sentence (hard-wrapped text): the line does not end a sentence and the
# next one goes on in lower case. It becomes a space, one character for one.
_WRAPPED = re.compile(r"(?<=[^\s.!?؟…:\"»])\n(?=[^\W\d_A-ZÀ-ÞА-ЯЁІЇЄҐ])")


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_CHAR_MAP)
    text = _ARABIC_MARKS.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _WRAPPED.sub(" ", text)
    return _MANY_BLANK_LINES.sub("\n\n", text).strip()


def normalise_document(doc: Document) -> Document:
    return replace(doc, text=normalise_text(doc.text))
