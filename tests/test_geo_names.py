"""Name keys, spelling skeletons, Cyrillic stems, data files and the cache, without an index."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest

from conflictlens.codebook.files import CodebookFiles
from conflictlens.errors import GazetteerError
from conflictlens.geo.cache import cache_key, read_cached, write_cached
from conflictlens.geo.datafiles import data_digest, load_geo_data
from conflictlens.geo.names import (
    adjective_stem,
    cyrillic_stem,
    name_keys,
    script_of,
    skeleton,
    stem_candidates,
)
from conflictlens.geo.sources import City, _iter_records


def keys(name: str) -> set[str]:
    return {key for key, _ in name_keys(name)}


def test_article_forms_share_keys() -> None:
    assert keys("Al-Hasakah") == {"al hasakah", "hasakah"}
    assert keys("Ash Shaddadah") == {"al shaddadah", "shaddadah"}
    assert "deir al zor" in keys("Deir ez-Zor")
    assert keys("Al Bab") == {"al bab"}  # "bab" alone is too short to stand for the town
    assert keys("Ta‘izz") == {"ta izz", "taizz"}


def test_arabic_keys_are_folded_without_marks() -> None:
    assert keys("الولايات المتّحدة") == {"الولايات المتحده"}
    assert keys("إدلب") == keys("ادلب")


def test_skeletons_merge_transliterations() -> None:
    assert skeleton("al shaddadi") == skeleton("ash shadadi")
    assert skeleton("hassake") == skeleton("hasakah")
    assert skeleton("mossoul") == skeleton("mosul")
    assert skeleton("kirkouk") == skeleton("kirkuk")
    assert skeleton("chaddadi") == skeleton("shaddadi")


def test_cyrillic_stems() -> None:
    assert "херсон" in stem_candidates("херсоні")
    assert set(stem_candidates("харкові")) & set(cyrillic_stem("харків"))
    assert set(stem_candidates("києві")) & set(cyrillic_stem("київ"))
    assert set(stem_candidates("одесі")) & set(cyrillic_stem("одеса"))
    assert set(stem_candidates("авдіївці")) & set(cyrillic_stem("авдіївка"))
    assert stem_candidates("харкові").index("харков") < stem_candidates("харкові").index("харк")
    # A genitive plural with a fleeting vowel: "мешканців Олешок" (Олешки).
    assert set(stem_candidates("олешок")) & set(cyrillic_stem("олешки"))
    assert adjective_stem("херсонської") == "херсонськ"
    assert adjective_stem("белгородской") == "белгородск"
    assert adjective_stem("херсон") is None


def test_scripts() -> None:
    assert [script_of(n) for n in ("Ḩarir", "حرير", "Харир", "東京", "Xарир")] == [
        "latin",
        "arabic",
        "cyrillic",
        "other",
        "mixed",
    ]


def test_cities_are_read_in_slices() -> None:
    raw = (
        b'{"1": {"geonameid": 1, "name": "A", "latitude": 1.5, "longitude": 2.5, '
        b'"countrycode": "SY", "population": 10, "admin1code": "01", "alternatenames": ["B"]}, '
        b'"2": {"geonameid": 2, "name": "C}, \\"D", "latitude": 0, "longitude": 0, '
        b'"countrycode": "IQ", "population": 0, "admin1code": "", "alternatenames": []}}'
    )
    cities = list(_iter_records(io.BytesIO(raw).read, chunk=7))
    assert cities[0] == City(1, "A", 1.5, 2.5, "SY", "01", 10, ("B",))
    assert [c.name for c in cities] == ["A", 'C}, "D']


def test_user_data_is_merged_and_changes_the_digest(tmp_path: Path) -> None:
    geo = tmp_path / "geo"
    geo.mkdir()
    (geo / "places.yaml").write_text(
        "places:\n"
        "  - {name: Camp Test, feature: camp, country: IQ, lat: 33.1, lon: 44.2,"
        " source: survey, aliases: {en: [Test Camp]}}\n",
        encoding="utf-8",
    )
    (geo / "stopwords.yaml").write_text("words:\n  local: [Testville]\n", encoding="utf-8")
    files = CodebookFiles((tmp_path,))
    data = load_geo_data(files)
    assert any(p.name == "Camp Test" and p.aliases == ("Test Camp",) for p in data.places)
    assert "Testville" in data.stopwords and "lundi" in data.stopwords
    assert data_digest(files) != data_digest(None)


def test_malformed_user_data_is_reported(tmp_path: Path) -> None:
    geo = tmp_path / "geo"
    geo.mkdir()
    (geo / "places.yaml").write_text("places:\n  - {name: Nowhere, feature: camp}\n", "utf-8")
    with pytest.raises(GazetteerError, match="missing lat, lon, source"):
        load_geo_data(CodebookFiles((tmp_path,)))


def test_cache_writes_are_atomic(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "index.bin"
    assert read_cached(path) is None
    payloads = [bytes([n]) * 200_000 for n in range(8)]
    threads = [threading.Thread(target=write_cached, args=(path, p)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert read_cached(path) in payloads
    assert [p.name for p in path.parent.iterdir()] == ["index.bin"]
    assert cache_key("a") != cache_key("b")
