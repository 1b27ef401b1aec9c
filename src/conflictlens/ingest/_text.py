"""Plain-text articles: an optional ``date YYYY-MM[-DD]`` header, the body, an optional
``Source: NAME`` footer."""

from __future__ import annotations

import re

from conflictlens.errors import InputError
from conflictlens.ingest._common import bad_date, content_id, parse_published
from conflictlens.model import Document, PartialDate

# The value must look like a date for the header to count, so that an article opening with
# "Date palms burned..." keeps its first words. The body may follow on the same line.
_HEADER = re.compile(
    r"\A\s*date\s*:?[ \t]*(?P<value>\d{4}-\d{1,2}(?:-\d{1,2})?(?:T\S*)?)(?=\s|\Z)",
    re.IGNORECASE,
)
# A footer longer than a name is a sentence of the article that happens to start with "Source".
_FOOTER = re.compile(r"\n[ \t]*source[ \t]*:[ \t]*(?P<name>[^\n]{1,100}?)\s*\Z", re.IGNORECASE)


def read_text(text: str, origin: str, doc_id: str | None) -> Document | InputError:
    """One article; ``doc_id`` None names it by its content (text from standard input)."""
    published: PartialDate | None = None
    header = _HEADER.match(text)
    if header:
        value = header.group("value")
        try:
            published = parse_published(value)
        except ValueError:
            line = text.count("\n", 0, header.start("value")) + 1
            return bad_date(f"{origin}:{line}", "date", value)
        text = text[header.end() :]
    source: str | None = None
    footer = _FOOTER.search(text)
    if footer:
        source = footer.group("name")
        text = text[: footer.start()]
    body = text.strip()
    if not body:
        return InputError(
            origin,
            "no article text besides the date and source lines; add the text or remove the file",
        )
    return Document(
        doc_id=doc_id or content_id(body),
        text=body,
        published=published,
        source=source,
        origin=origin,
    )
