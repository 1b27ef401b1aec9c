"""Saved web pages: the article text and its metadata, found by trafilatura."""

from __future__ import annotations

import codecs
import datetime as dt
import re

from conflictlens.errors import InputError
from conflictlens.ingest._common import bad_date, content_id, decode, parse_published
from conflictlens.model import Document, PartialDate

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_LANG = re.compile(r"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)


def decode_html(data: bytes, origin: str) -> str | InputError:
    """UTF-8 unless the page declares another encoding, as pages saved from the web often do."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii")
        try:
            codec = codecs.lookup(name)
        except LookupError:
            return InputError(origin, f"declares an unknown encoding {name!r}; re-save it as UTF-8")
        if codec.name != "utf-8":
            try:
                return data.decode(codec.name).removeprefix("\ufeff")
            except UnicodeDecodeError as exc:
                return InputError(
                    origin,
                    f"not valid {name} at byte {exc.start}, the encoding it declares; "
                    "re-save it as UTF-8",
                )
    return decode(data, origin)


def read_html(html: str, origin: str, doc_id: str | None) -> Document | InputError:
    """One page; ``doc_id`` None names it by its text (a page from standard input)."""
    # trafilatura and lxml take a moment to import: only pay it when a page is read.
    from trafilatura import bare_extraction

    page = bare_extraction(
        html,
        include_comments=False,
        with_metadata=True,
        # Dates from the page's markup only: the extensive search also reads the article
        # text, where it finds the date of the events reported, not of the report.
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": dt.date.today().isoformat(),
        },
    )
    text = getattr(page, "text", None) if page is not None else None
    if not isinstance(text, str) or not text.strip():
        return InputError(origin, "no article text found in the page; save the article's own page")
    published: PartialDate | None = None
    date = getattr(page, "date", None)
    if isinstance(date, str) and date:
        try:
            published = parse_published(date)
        except ValueError:
            return bad_date(origin, "date", date)
    lang = _LANG.search(html[:4096])
    return Document(
        doc_id=doc_id or content_id(text),
        text=text,
        published=published,
        source=_meta(page, "sitename"),
        title=_meta(page, "title"),
        url=_meta(page, "url"),
        lang=lang.group(1).lower() if lang else None,
        origin=origin,
    )


def _meta(page: object, name: str) -> str | None:
    value = getattr(page, name, None)
    return (value.strip() or None) if isinstance(value, str) else None
