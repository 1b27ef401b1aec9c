"""What every reader shares: decoding bytes, reading a date, building a Document from fields."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping

from conflictlens.errors import InputError
from conflictlens.model import Document, PartialDate

BOM = "\ufeff"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
BINARY_SNIFF = 8192
"""A NUL byte in this many leading bytes marks a binary file, as git and grep judge it."""

_DATE_FIELDS = ("published", "date")
_ID_FIELDS = ("doc_id", "id")


def content_id(text: str) -> str:
    """A stable doc_id for an article that came without one: the same text gets the same id."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def binary_reason(head: bytes, at_start: bool = True) -> str | None:
    """Why ``head`` (a file's first bytes) cannot be text, or None when it may be."""
    if at_start and head.startswith(_UTF16_BOMS):
        return "encoded as UTF-16; re-save it as UTF-8"
    if b"\0" in head[:BINARY_SNIFF]:
        return "a binary file (it contains NUL bytes), not text; remove it from the sources"
    return None


def decode(data: bytes, origin: str, base: int | None = None) -> str | InputError:
    """Strict UTF-8 without a leading BOM.

    ``base`` is where ``data`` starts in its file when it is one line of it (the origin then
    names the line already); for a whole file the message names the line itself.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if base is None:
            line = data.count(b"\n", 0, exc.start) + 1
            where = f"byte {exc.start} (line {line})"
        else:
            where = f"byte {base + exc.start}"
        return InputError(origin, f"not valid UTF-8 at {where}; re-save the file as UTF-8")
    return text.removeprefix(BOM)


def parse_published(value: str) -> PartialDate:
    """``YYYY-MM-DD`` or ``YYYY-MM`` keep their precision; an ISO date-time gives its day.

    Raises ValueError naming the value when it is none of these.
    """
    raw = value.strip()
    if len(raw) > 10 and raw[10] in "T ":
        try:
            moment = dt.datetime.fromisoformat(raw)
        except ValueError:
            raise ValueError(f"not a date: {value!r}") from None
        # The day the article's own clock showed, not its UTC day: that is the day
        # "today" and "yesterday" in its text refer to.
        return PartialDate.of(moment.date())
    return PartialDate.parse(raw)


def bad_date(origin: str, field: str, value: object) -> InputError:
    return InputError(
        origin,
        f"bad date {value!r} in '{field}'; write it as YYYY-MM-DD, YYYY-MM or an ISO date-time, "
        "or leave it empty",
    )


def document_from_fields(fields: Mapping[str, object], origin: str) -> Document | InputError:
    """One record of a JSON Lines or CSV file as a Document, or the reason it is not one."""
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(origin, "no non-empty 'text' field; add the article text or remove it")
    text = text.removeprefix(BOM)
    doc_id = _first_present(fields, _ID_FIELDS)
    published: PartialDate | None = None
    for name in _DATE_FIELDS:
        value = fields.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            return bad_date(origin, name, value)
        try:
            published = parse_published(value)
        except ValueError:
            return bad_date(origin, name, value)
        break
    return Document(
        doc_id=doc_id or content_id(text),
        text=text,
        published=published,
        source=_first_present(fields, ("source",)),
        title=_first_present(fields, ("title",)),
        url=_first_present(fields, ("url",)),
        lang=_first_present(fields, ("lang",)),
        origin=origin,
    )


def _first_present(fields: Mapping[str, object], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` with a value, as text; numbers are accepted for ids."""
    for name in names:
        value = fields.get(name)
        if value is None or isinstance(value, bool | dict | list):
            continue
        text = str(value).strip()
        if text:
            return text
    return None
