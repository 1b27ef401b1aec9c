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

_CHAR_MAP = {
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
# A text has few of these characters: replacing each one found costs far less than a
# character-by-character ``str.translate`` over the whole text.
_MAPPED = re.compile("[" + "".join(_CHAR_MAP) + "]")
# Arabic harakat, tanwin, shadda, sukun, superscript alef.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
# Runs of spaces and tabs become one space; a lone space is already one, so only longer runs and
# tabs are replaced (and only in texts that have any).
_SPACES = re.compile(r"[ \t]{2,}|\t")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# A line break inside a sentence (hard-wrapped text): the line does not end a sentence and the
# next one goes on in lower case. It becomes a space, one character for one. The pattern starts
# with the line break so that the regex engine jumps from one to the next.
_WRAPPED = re.compile(r"\n(?<=[^\s.!?؟…:\"»]\n)(?=[^\W\d_A-ZÀ-ÞА-ЯЁІЇЄҐ])")


def _mapped(match: re.Match[str]) -> str:
    return _CHAR_MAP[match.group()]


def normalise_text(text: str) -> str:
    text = _MAPPED.sub(_mapped, unicodedata.normalize("NFC", text))
    text = _ARABIC_MARKS.sub("", text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _WRAPPED.sub(" ", text)
    return _MANY_BLANK_LINES.sub("\n\n", text).strip()


def normalise_document(doc: Document) -> Document:
    text = normalise_text(doc.text)
    # Most texts are already uniform: the (immutable) document itself is then the result.
    return doc if text == doc.text else replace(doc, text=text)
