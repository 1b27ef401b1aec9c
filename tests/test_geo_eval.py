"""Geoparsing benchmark readers and scores, on small files written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflictlens.errors import EvalError
from conflictlens.evaluate.geoparse import (
    GeoDoc,
    GoldToponym,
    read_geovirus,
    read_hipe,
    read_lgl,
    read_newsfane,
    run_geoparse_benchmark,
    score_geoparse,
)
from conflictlens.model import Place, PlaceMention, Span

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="7"><text><![CDATA[Fire in Paris, Texas and in Dallas.]]></text>
<toponyms>
<toponym><start>8</start><end>13</end><phrase>Paris</phrase><gaztag geonameid="1">
<lat>33.66</lat><lon>-95.55</lon></gaztag></toponym>
<toponym><start>15</start><end>20</end><phrase>Texas</phrase><gaztag geonameid="2">
<lat>31.25</lat><lon>-99.25</lon></gaztag></toponym>
<toponym><start>28</start><end>34</end><phrase>Dallas</phrase></toponym>
</toponyms></article></articles>"""

GEOVIRUS = """<articles><article><text>Cases rose in Pandi, Bulacan.</text><locations>
<location><name>Pandi</name><start>15</start><end>20</end><lat>14.87</lat><lon>120.95</lon>
<page>x</page></location></locations></article></articles>"""


class Stub:
    """Finds fixed words and places them where it is told."""

    def __init__(self, points: dict[str, tuple[float, float]]) -> None:
        self.points = points

    def find_places(self, text: str, folded: str, lang: str) -> list[PlaceMention]:
        out = []
        for word, (lat, lon) in self.points.items():
            start = text.find(word)
            if start >= 0:
                span = Span(start, start + len(word), word)
                out.append(PlaceMention(span, Place(word, None, None, lat, lon)))
        return sorted(out, key=lambda m: m.span.start)


def test_scores_recognition_and_resolution() -> None:
    doc = GeoDoc(
        "d",
        "Fire in Paris, Texas and in Dallas.",
        (
            GoldToponym(8, 13, "Paris", 33.66, -95.55),
            GoldToponym(15, 20, "Texas", 31.25, -99.25),
            GoldToponym(28, 34, "Dallas"),
        ),
    )
    stub = Stub({"Paris": (48.85, 2.35), "Texas": (31.3, -99.3), "Fire": (0.0, 0.0)})
    report = score_geoparse("toy", [doc], stub)
    assert (report.gold, report.predicted, report.matched) == (3, 3, 2)
    assert report.precision == pytest.approx(2 / 3)
    assert report.recall == pytest.approx(2 / 3)
    assert report.resolved == 2
    assert report.accuracy_161 == pytest.approx(0.5)
    assert report.median_km is not None and report.median_km > 3000
    table = report.to_table()
    assert "accuracy within 161 km" in table and "0.500" in table
    assert json.loads(json.dumps(report.to_json()))["matched"] == 2


def test_reads_lgl_and_geovirus(tmp_path: Path) -> None:
    (tmp_path / "lgl.xml").write_text(LGL, encoding="utf-8")
    (tmp_path / "GeoVirus.xml").write_text(GEOVIRUS, encoding="utf-8")
    [doc] = read_lgl(tmp_path / "lgl.xml")
    assert [doc.text[t.start : t.end] for t in doc.toponyms] == ["Paris", "Texas", "Dallas"]
    assert doc.toponyms[2].latitude is None
    [virus] = read_geovirus(tmp_path / "GeoVirus.xml")
    # The gold offsets are one character off; the reader moves them onto the name.
    assert virus.text[virus.toponyms[0].start : virus.toponyms[0].end] == "Pandi"
    report = run_geoparse_benchmark("lgl", tmp_path, Stub({"Paris": (33.6, -95.5)}))
    assert (report.documents, report.matched, report.accuracy_161) == (1, 1, 1.0)


def test_reads_newsfane_places_only(tmp_path: Path) -> None:
    path = tmp_path / "fane.txt"
    path.write_text(
        "\u200eفي\tO\n\u200eدير\tB-Population-Center\n\u200eالزور\tI-Population-Center\n"
        "\u200eقال\tO\n\u200eاحمد\tB-Politician\n\n\u200eسوريا\tB-Nation\n",
        encoding="utf-8",
    )
    [doc] = read_newsfane(path)
    assert [t.name for t in doc.toponyms] == ["دير الزور", "سوريا"]
    assert doc.lang == "ar"


def test_reads_hipe_loc_entities(tmp_path: Path) -> None:
    rows = [
        "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\t"
        "NE-NESTED\tNEL-LIT\tNEL-METO\tMISC",
        "# hipe2022:document_id = doc-1",
        "Arrivée\tO\t_\tO\t_\t_\tO\t_\t_\t_",
        "à\tO\t_\tO\t_\t_\tO\t_\t_\t_",
        "Saint\tB-loc\t_\tB-loc.adm.town\t_\t_\tO\t_\t_\tNoSpaceAfter",
        "-\tI-loc\t_\tI-loc.adm.town\t_\t_\tO\t_\t_\tNoSpaceAfter",
        "Denis\tI-loc\t_\tI-loc.adm.town\t_\t_\tO\t_\t_\tNoSpaceAfter",
        ".\tO\t_\tO\t_\t_\tO\t_\t_\t_",
    ]
    (tmp_path / "x-fr.tsv").write_text("\n".join(rows), encoding="utf-8")
    [doc] = read_hipe(tmp_path)
    assert doc.text.startswith("Arrivée à Saint-Denis.")
    assert [t.name for t in doc.toponyms] == ["Saint-Denis"]


def test_unknown_set_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="unknown geoparsing set"):
        run_geoparse_benchmark("nope", tmp_path, Stub({}))
