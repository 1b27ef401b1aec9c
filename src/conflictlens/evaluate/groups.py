"""Which group (language, source file, ...) each document belongs to, for per-group rows."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from conflictlens.codebook import CODEBOOK_LANGUAGES
from conflictlens.model import Document

__all__ = ["languages_from_documents", "languages_from_ids"]

_PREFIX = re.compile(r"^([a-z]{2})[_-]")


def languages_from_ids(doc_ids: Iterable[str]) -> dict[str, str]:
    """Languages read from doc id prefixes (``fr_...``, ``en-...``) naming a supported language."""
    groups: dict[str, str] = {}
    for doc_id in doc_ids:
        found = _PREFIX.match(doc_id)
        if found and found.group(1) in CODEBOOK_LANGUAGES:
            groups[doc_id] = found.group(1)
    return groups


def languages_from_documents(documents: Collection[Document]) -> dict[str, str]:
    """Each document's ``lang`` when it has one, else the language its doc id starts with."""
    guessed = languages_from_ids(doc.doc_id for doc in documents if not doc.lang)
    return {doc.doc_id: doc.lang for doc in documents if doc.lang} | guessed
