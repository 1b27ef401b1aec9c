"""JSON Lines: one article object a line. Read line by line, so a file of any size streams and
a bad line costs only its own article."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from conflictlens.errors import InputError
from conflictlens.ingest._common import BINARY_SNIFF, binary_reason, decode, document_from_fields
from conflictlens.model import Document


def read_jsonl(lines: Iterable[bytes], path: str) -> Iterator[Document | InputError]:
    offset = 0
    seen_content = False
    for number, raw in enumerate(lines, start=1):
        origin = f"{path}:{number}"
        if offset < BINARY_SNIFF:
            reason = binary_reason(raw[: BINARY_SNIFF - offset], at_start=number == 1)
            if reason:
                # A binary file would give one error a "line": say it once for the file.
                yield InputError(path, reason)
                return
        start, offset = offset, offset + len(raw)
        line = decode(raw, origin, base=start)
        if isinstance(line, str) and not line.strip():
            continue
        seen_content = True
        yield line if isinstance(line, InputError) else _parse_line(line, origin)
    if not seen_content:
        yield InputError(path, "empty file: no JSON lines to read; remove it from the sources")


def _parse_line(line: str, origin: str) -> Document | InputError:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(
            origin,
            f"not valid JSON ({exc.msg} at column {exc.colno}); fix the line or remove it",
        )
    except RecursionError:
        return InputError(origin, "not valid JSON (nested too deeply); fix the line or remove it")
    if not isinstance(value, dict):
        kind = type(value).__name__ if value is not None else "null"
        return InputError(
            origin, f"a JSON {_json_kind(kind)}, not an object; write one article object a line"
        )
    return document_from_fields(value, origin)


def _json_kind(python_name: str) -> str:
    names = {
        "list": "array",
        "str": "string",
        "int": "number",
        "float": "number",
        "bool": "boolean",
    }
    return names.get(python_name, python_name)
