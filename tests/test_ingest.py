"""Readers: what a user gets from the files, folders and pipes they point conflictlens at."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from conflictlens.errors import InputError
from conflictlens.ingest import read_documents
from conflictlens.model import Document, PartialDate, Precision

ARTICLE = (
    "Un drone a visé une base près de Deir ez-Zor mardi, selon une source locale.\n\n"
    "Aucune victime n'a été signalée."
)


def read(*sources: str | Path, stdin: io.StringIO | None = None) -> list[Document | InputError]:
    return list(read_documents(list(sources), stdin=stdin))


def docs(items: list[Document | InputError]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def errors(items: list[Document | InputError]) -> list[str]:
    return [str(item) for item in items if isinstance(item, InputError)]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# Plain text


def test_text_header_on_the_body_line_and_source_footer(tmp_path: Path) -> None:
    path = write(tmp_path / "001_attack.txt", f" date 2023-12 {ARTICLE}\n\nSource: Médias")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.doc_id == "001_attack"
    assert doc.published == PartialDate(2023, 12, 1, Precision.MONTH)
    assert doc.source == "Médias"
    assert doc.text == ARTICLE
    assert doc.origin == str(path)


def test_text_with_bom_day_date_and_spaced_source_colon(tmp_path: Path) -> None:
    path = write(tmp_path / "a.text", f"\ufeffdate 2024-03-05\n{ARTICLE}\nSource : Agence X\n")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.published == PartialDate(2024, 3, 5, Precision.DAY)
    assert doc.source == "Agence X"
    assert doc.text == ARTICLE


def test_text_without_header_or_footer_is_kept_whole_and_unnormalised(tmp_path: Path) -> None:
    body = "Date palms   burned after the strike.\nThe source said: “three drones”."
    [doc] = read(write(tmp_path / "b.md", body))
    assert isinstance(doc, Document)
    assert (doc.text, doc.published, doc.source) == (body, None, None)


def test_text_with_a_bad_date_header_is_reported_not_read(tmp_path: Path) -> None:
    path = write(tmp_path / "c.txt", f"\ndate 2023-13-02\n{ARTICLE}")
    assert errors(read(path)) == [
        f"{path}:2: bad date '2023-13-02' in 'date'; write it as YYYY-MM-DD, YYYY-MM or an "
        "ISO date-time, or leave it empty"
    ]


def test_text_with_only_a_date_line_is_an_error(tmp_path: Path) -> None:
    [message] = errors(read(write(tmp_path / "d.txt", "date 2024-01-01\nSource: X\n")))
    assert "no article text" in message


# JSON Lines


def test_jsonl_fields_precision_and_content_hash_ids(tmp_path: Path) -> None:
    lines = [
        {"doc_id": "a1", "text": ARTICLE, "published": "2024-02-10", "title": "T", "lang": "fr"},
        {"id": 42, "text": "Second article.", "date": "2024-02", "url": "https://x.test/2"},
        {"text": "Third article.", "published": "2024-02-11T23:30:00+03:00", "source": "S"},
    ]
    path = write(
        tmp_path / "corpus.jsonl",
        json.dumps(lines[0]) + "\n\n" + "\n".join(json.dumps(line) for line in lines[1:]) + "\n",
    )
    first, second, third = read(path)
    assert isinstance(first, Document)
    assert isinstance(second, Document)
    assert isinstance(third, Document)
    assert (first.doc_id, first.published, first.title, first.lang) == (
        "a1",
        PartialDate(2024, 2, 10),
        "T",
        "fr",
    )
    assert first.origin == f"{path}:1"
    assert (second.doc_id, second.published, second.url) == (
        "42",
        PartialDate(2024, 2, 1, Precision.MONTH),
        "https://x.test/2",
    )
    assert second.origin == f"{path}:3"
    # The day on the article's own clock, not in UTC.
    assert third.published == PartialDate(2024, 2, 11)
    assert third.doc_id.startswith("sha1:") and len(third.doc_id) == 5 + 16
    assert read(path)[2] == third, "the same text gets the same id on every run"


def test_jsonl_bad_lines_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "mixed.ndjson",
        "\n".join(
            [
                '{"doc_id": "ok1", "text": "First."}',
                '{"doc_id": "x" "text": "no comma"}',
                '["an", "array"]',
                '{"doc_id": "no-text"}',
                '{"doc_id": "blank", "text": "   "}',
                '{"doc_id": "d", "text": "Dated.", "published": "last Tuesday"}',
                '{"doc_id": "ok2", "text": "Last."}',
            ]
        ),
    )
    items = read(path)
    assert [d.doc_id for d in docs(items)] == ["ok1", "ok2"]
    assert errors(items) == [
        f"{path}:2: not valid JSON (Expecting ',' delimiter at column 16); "
        "fix the line or remove it",
        f"{path}:3: a JSON array, not an object; write one article object a line",
        f"{path}:4: no non-empty 'text' field; add the article text or remove it",
        f"{path}:5: no non-empty 'text' field; add the article text or remove it",
        f"{path}:6: bad date 'last Tuesday' in 'published'; write it as YYYY-MM-DD, YYYY-MM "
        "or an ISO date-time, or leave it empty",
    ]


def test_jsonl_invalid_utf8_costs_one_line_and_names_the_byte(tmp_path: Path) -> None:
    first = b'{"text": "Fine."}\n'
    path = write(tmp_path / "enc.jsonl", first + b'{"text": "caf\xe9"}\n{"text": "Also fine."}\n')
    items = read(path)
    assert [d.text for d in docs(items)] == ["Fine.", "Also fine."]
    assert errors(items) == [
        f"{path}:2: not valid UTF-8 at byte {len(first) + 13}; re-save the file as UTF-8"
    ]


def test_jsonl_with_only_blank_lines_is_an_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.jsonl", "\n  \n\n")
    assert errors(read(path)) == [
        f"{path}: empty file: no JSON lines to read; remove it from the sources"
    ]


# CSV and TSV


def test_csv_rows_with_multiline_text_name_the_line_they_start_on(tmp_path: Path) -> None:
    path = write(
        tmp_path / "articles.csv",
        'ID,Text,published\nr1,"Line one,\nline two",2024-05\n\nr2,Plain text.,2024-05-02\n',
    )
    first, second = read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.doc_id, first.text, first.origin) == ("r1", "Line one,\nline two", f"{path}:2")
    assert first.published == PartialDate(2024, 5, 1, Precision.MONTH)
    assert (second.doc_id, second.origin) == ("r2", f"{path}:5")


def test_tsv_and_a_bad_row_among_good_ones(tmp_path: Path) -> None:
    path = write(tmp_path / "a.tsv", "text\tdate\nGood one.\t2024-01-01\nBad.\t2024-99\nAlso.\t\n")
    items = read(path)
    assert [d.text for d in docs(items)] == ["Good one.", "Also."]
    assert errors(items) == [
        f"{path}:3: bad date '2024-99' in 'date'; write it as YYYY-MM-DD, YYYY-MM or an "
        "ISO date-time, or leave it empty"
    ]


def test_csv_without_a_text_column_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "no_text.csv", "id,body\n1,Something happened.\n")
    assert errors(read(path)) == [
        f"{path}:1: no 'text' column in the header row (found: id, body); the first row must "
        "name the columns, one of them 'text'"
    ]


def test_csv_row_with_too_many_fields(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.csv", "id,text\n1,Fine.\n2,Shelling, then silence.\n")
    items = read(path)
    assert [d.doc_id for d in docs(items)] == ["1"]
    assert errors(items) == [
        f"{path}:3: 3 fields but the header names 2; quote fields that contain the delimiter"
    ]


# HTML

PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Drone strike hits depot - The Frontline Courier</title>
<meta property="og:site_name" content="The Frontline Courier">
<meta property="og:title" content="Drone strike hits depot">
<meta property="article:published_time" content="2024-03-05T08:15:00+02:00">
<link rel="canonical" href="https://courier.test/2024/03/depot">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Drone strike hits depot</h1>
<p>A drone struck a fuel depot on the outskirts of the city early on Tuesday, the regional
governor said, adding that firefighters put out the blaze within two hours.</p>
<p>On 2 February 2024 a similar attack had damaged the same depot, officials recalled.</p>
</article>
<footer>Copyright The Frontline Courier</footer>
</body></html>
"""


def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path / "depot.html", PAGE))
    assert isinstance(doc, Document)
    assert doc.doc_id == "depot"
    assert "A drone struck a fuel depot" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text
    # The page's own date, not the earlier one its text mentions.
    assert doc.published == PartialDate(2024, 3, 5)
    assert (doc.title, doc.source, doc.lang) == (
        "Drone strike hits depot",
        "The Frontline Courier",
        "en",
    )
    assert doc.url == "https://courier.test/2024/03/depot"


def test_html_in_a_declared_legacy_encoding(tmp_path: Path) -> None:
    page = PAGE.replace("utf-8", "windows-1252").replace("early on", "tôt")
    [doc] = read(write(tmp_path / "legacy.htm", page.encode("windows-1252")))
    assert isinstance(doc, Document)
    assert "tôt Tuesday" in doc.text


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.html", "<html><head><title>x</title></head><body></body></html>")
    assert errors(read(path)) == [
        f"{path}: no article text found in the page; save the article's own page"
    ]


# Folders, sniffing, standard input


def test_folders_are_read_recursively_in_name_order_skipping_hidden(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "Bravo.")
    write(root / "a" / "z.txt", "Zulu.")
    write(root / "a.txt", "Alpha.")
    write(root / ".hidden.txt", "Hidden.")
    write(root / ".git" / "c.txt", "Hidden too.")
    write(root / "c" / "feed.json", '{"doc_id": "j", "text": "From JSON."}\n')
    write(root / "d" / "page", PAGE)
    items = read(root)
    assert errors(items) == []
    assert [d.doc_id for d in docs(items)] == ["z", "a", "b", "j", "page"]
    assert "fuel depot" in docs(items)[-1].text


def test_stdin_jsonl_and_text(tmp_path: Path) -> None:
    piped = io.StringIO('\n  {"doc_id": "p1", "text": "Piped."}\n{"text": "Two."}\n')
    first, second = read("-", stdin=piped)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.doc_id, first.origin) == ("p1", "<stdin>:2")
    assert second.origin == "<stdin>:3"

    [text] = read("-", stdin=io.StringIO("date 2024-06-01\nShelling reported overnight.\n"))
    assert isinstance(text, Document)
    assert text.published == PartialDate(2024, 6, 1)
    # No file name to go by: the content names it, so a second run finds the same document.
    assert text.doc_id.startswith("sha1:")


def test_stdin_mixed_with_files_keeps_order(tmp_path: Path) -> None:
    path = write(tmp_path / "f.txt", "From a file.")
    items = read(path, "-", stdin=io.StringIO("From a pipe."))
    assert [d.text for d in docs(items)] == ["From a file.", "From a pipe."]


# What cannot be read


def test_one_line_errors_for_files_that_cannot_be_read(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", "")
    blank = write(tmp_path / "blank.csv", " \n\n")
    binary = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    utf16 = write(tmp_path / "wide.txt", "Hello".encode("utf-16"))
    latin = write(tmp_path / "latin.txt", "Line one.\nCaf\xe9 attack.".encode("latin-1"))
    missing = tmp_path / "nowhere.jsonl"
    good = write(tmp_path / "good.txt", "Still read.")
    items = read(empty, blank, binary, utf16, latin, missing, good)
    assert [d.text for d in docs(items)] == ["Still read."]
    assert errors(items) == [
        f"{empty}: empty file: no text to read; remove it from the sources",
        f"{blank}: empty file: no text to read; remove it from the sources",
        f"{binary}: a binary file (it contains NUL bytes), not text; remove it from the sources",
        f"{utf16}: encoded as UTF-16; re-save it as UTF-8",
        f"{latin}: not valid UTF-8 at byte 13 (line 2); re-save the file as UTF-8",
        f"{missing}: no such file or folder; check the path",
    ]


def test_binary_jsonl_is_one_error_not_one_per_line(tmp_path: Path) -> None:
    path = write(tmp_path / "dump.jsonl", b"\x00\x01\n" * 50)
    assert errors(read(path)) == [
        f"{path}: a binary file (it contains NUL bytes), not text; remove it from the sources"
    ]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", "Secret.")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    # Permissions do not stop root, who may run the tests: refuse the way the OS would.
    monkeypatch.setattr(Path, "open", refuse)
    assert errors(read(path)) == [
        f"{path}: cannot read it (Permission denied); check its permissions"
    ]
