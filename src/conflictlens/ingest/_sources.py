"""From the sources a user names (files, folders, ``-``) to the reader of each format."""

from __future__ import annotations

import io
import itertools
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, Literal, TextIO

from conflictlens.errors import InputError
from conflictlens.ingest._common import BOM, binary_reason, decode
from conflictlens.ingest._csv import read_csv
from conflictlens.ingest._html import decode_html, read_html
from conflictlens.ingest._jsonl import read_jsonl
from conflictlens.ingest._text import read_text
from conflictlens.model import Document

Format = Literal["text", "jsonl", "csv", "tsv", "html"]
Item = Document | InputError

STDIN = "<stdin>"
_SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json-lines": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
}


def read_documents(
    sources: Sequence[str | Path], stdin: TextIO | None = None
) -> Iterator[Document | InputError]:
    """Every document in ``sources``, in order, and an InputError for each thing unreadable.

    Errors are yielded, not raised, so that one bad article never stops a run of thousands.
    ``"-"`` reads ``stdin`` (the process's standard input when None). Folders are read
    recursively in name order, hidden files and folders skipped. The format follows the file
    extension; standard input and unknown extensions are judged by their first character.
    Texts are returned as read, less a leading byte-order mark: normalising is the pipeline's.
    """
    for source in sources:
        if isinstance(source, str) and source == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin)
        else:
            yield from _read_path(Path(source))


def _read_stdin(stdin: TextIO) -> Iterator[Item]:
    buffer = getattr(stdin, "buffer", None)
    # The bytes, when there are any, so that bad UTF-8 is reported where it is.
    stream: BinaryIO = (
        buffer
        if buffer is not None
        else io.BytesIO(stdin.read().encode("utf-8", errors="surrogatepass"))
    )
    fmt, lines = _sniff(stream)
    # Text from standard input has no file name: its content names it.
    yield from _read_format(fmt, lines, STDIN, doc_id=None)


def _read_path(path: Path) -> Iterator[Item]:
    if not path.is_dir():
        yield from _read_file(path)
        return
    files, errors = _walk(path)
    yield from errors
    for file in files:
        yield from _read_file(file)


def _walk(root: Path) -> tuple[list[Path], list[InputError]]:
    errors: list[InputError] = []

    def report(exc: OSError) -> None:
        where = exc.filename or str(root)
        errors.append(InputError(str(where), f"cannot list this folder ({exc.strerror})"))

    files: list[Path] = []
    for folder, dirs, names in os.walk(root, onerror=report):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(folder, n) for n in names if not n.startswith("."))
    # Name order within each folder, a folder's contents where its name sorts.
    files.sort(key=lambda p: p.relative_to(root).parts)
    return files, errors


def _read_file(path: Path) -> Iterator[Item]:
    origin = str(path)
    try:
        with path.open("rb") as stream:
            known = _SUFFIXES.get(path.suffix.lower())
            fmt, lines = (known, stream) if known else _sniff(stream)
            yield from _read_format(fmt, lines, origin, doc_id=path.stem)
    except FileNotFoundError:
        yield InputError(origin, "no such file or folder; check the path")
    except OSError as exc:
        yield InputError(origin, f"cannot read it ({exc.strerror or exc}); check its permissions")


def _sniff(stream: BinaryIO) -> tuple[Format, Iterator[bytes]]:
    """Judge the format by the first non-blank character; the lines read are given back."""
    seen: list[bytes] = []
    first = b""
    for line in stream:
        seen.append(line)
        first = (line.removeprefix(BOM.encode()) if len(seen) == 1 else line).lstrip()
        if first:
            break
    fmt: Format = "jsonl" if first[:1] == b"{" else "html" if first[:1] == b"<" else "text"
    return fmt, itertools.chain(seen, stream)


def _read_format(
    fmt: Format, lines: Iterable[bytes], origin: str, doc_id: str | None
) -> Iterator[Item]:
    if fmt == "jsonl":
        yield from read_jsonl(lines, origin)
        return
    text = _whole_text(b"".join(lines), origin, html=fmt == "html")
    if isinstance(text, InputError):
        yield text
    elif fmt in ("csv", "tsv"):
        yield from read_csv(text, origin, delimiter="\t" if fmt == "tsv" else ",")
    elif fmt == "html":
        yield read_html(text, origin, doc_id)
    else:
        yield read_text(text, origin, doc_id)


def _whole_text(data: bytes, origin: str, html: bool) -> str | InputError:
    reason = binary_reason(data)
    if reason:
        return InputError(origin, reason)
    text = decode_html(data, origin) if html else decode(data, origin)
    if isinstance(text, str) and not text.strip():
        return InputError(origin, "empty file: no text to read; remove it from the sources")
    return text
