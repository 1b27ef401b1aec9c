"""The actor knowledge of the codebook: actors.yaml, countries.yaml and <lang>/actors.yaml."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest

from conflictlens.codebook import CODEBOOK_LANGUAGES, CodebookFiles
from conflictlens.coder.lexicon import ActorNamer
from conflictlens.text.fold import fold
from conflictlens.text.match import PhraseMatcher

FILES = CodebookFiles()
GENERIC_KINDS = {
    "military",
    "police",
    "civilians",
    "protesters",
    "rioters",
    "unidentified",
    "ethnic_militia",
    "communal_militia",
    "gang",
    "private_security",
    "facility",
}
TRAILING_YEARS = re.compile(r"\(\d{4}-\d{0,4}\)\s*$")
# Forms the matcher would find in ordinary text, since it ignores case (see actors.yaml).
RISKY_FORMS = [
    "is",
    "us",
    "let",
    "pdf",
    "aa",
    "kia",
    "ola",
    "fama",
    "sna",
    "cma",
    "ans",
    "ana",
    "amal",
    "afc",
    "القاعدة",
    "الشباب",
    "أمل",
    "الحشد",
    "النصرة",
    "СБП",
]

# ACLED names used below.
KH = "Kataib Hezbollah"
IRI = "Islamic Resistance in Iraq"
PMF = "Military Forces of Iraq (2018-) Popular Mobilization Forces"
SDF = "QSD: Syrian Democratic Forces"
IS = "IS: Islamic State"
HTS = "HTS: Hayat Tahrir al Sham"
HOUTHIS = "Military Forces of Yemen (2016-) Supreme Political Council"
ISRAEL = "Military Forces of Israel"
HAMAS = "Hamas Movement"
HEZBOLLAH = "Hezbollah"
RUSSIA = "Military Forces of Russia"
UKRAINE = "Military Forces of Ukraine"
RSF = "RSF: Rapid Support Forces"
SAF = "Military Forces of Sudan"
JNIM = "JNIM: Group for Support of Islam and Muslims"
MALI = "Military Forces of Mali"
SHABAAB = "Al Shabaab"
M23 = "M23: March 23 Movement"
MYANMAR = "Military Forces of Myanmar"
USA = "Military Forces of the United States"
JNIM_OR_ISGS = f"{JNIM} and/or Islamic State (Greater Sahara)"
ISWAP_OR_BOKO_HARAM = (
    "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"
)
NAF = "NAF: United Armed Forces of Novorossiya"


@cache
def actors() -> list[dict[str, Any]]:
    return list(FILES.read("actors.yaml")["actors"])


@cache
def countries() -> list[dict[str, Any]]:
    return list(FILES.read("countries.yaml")["countries"])


@cache
def language(lang: str) -> dict[str, Any]:
    return FILES.read(f"{lang}/actors.yaml")


@cache
def alias_matcher() -> PhraseMatcher[str]:
    return PhraseMatcher((alias, actor["name"]) for actor in actors() for alias in actor["aliases"])


def key(pattern: str) -> tuple[str, bool]:
    return fold(pattern.rstrip("*").strip()), pattern.endswith("*")


def found(matcher: PhraseMatcher[str], text: str) -> list[str]:
    return [match.payload for match in matcher.find(text)]


# ------------------------------------------------------------------------------------ structure


@pytest.mark.parametrize(
    "relative",
    ["actors.yaml", "countries.yaml", *(f"{lang}/actors.yaml" for lang in CODEBOOK_LANGUAGES)],
)
def test_files_parse_with_a_version(relative: str) -> None:
    content = FILES.read(relative)
    assert content.get("version") == 1, relative


def test_countries_are_unique_acled_names() -> None:
    codes = [c["iso2"] for c in countries()]
    names = [c["name"] for c in countries()]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes)
    assert all(c.get("article", "the") == "the" for c in countries())
    assert len(countries()) >= 200
    for acled in ["Palestine", "Russia", "Iran", "Syria", "Ivory Coast", "Turkey", "eSwatini"]:
        assert acled in names, acled
    for acled in ["Democratic Republic of Congo", "Republic of Congo", "Czech Republic", "Kosovo"]:
        assert acled in names, acled
    by_name = {c["name"]: c for c in countries()}
    assert by_name["United States"].get("article") == "the"
    assert by_name["Democratic Republic of Congo"].get("article") == "the"
    assert "article" not in by_name["Syria"]


def test_every_generic_kind_has_an_actor_name() -> None:
    # "facility" reads as the military of the place's country; the others need a template.
    templates = FILES.read("taxonomy.yaml")["generic_actors"]
    assert GENERIC_KINDS - {"facility"} <= set(templates)
    namer = ActorNamer.load(FILES)
    assert namer.name("military", "United States") == "Military Forces of the United States"
    assert namer.name("police", "Democratic Republic of Congo") == (
        "Police Forces of the Democratic Republic of Congo"
    )
    assert namer.name("military", "Syria") == "Military Forces of Syria"
    assert namer.country("NO") == "Norway"


def test_actors_are_well_formed() -> None:
    country_names = {c["name"] for c in countries()}
    names = [actor["name"] for actor in actors()]
    assert len(names) == len(set(names))
    assert len(names) >= 100
    for actor in actors():
        name = actor["name"]
        assert isinstance(name, str) and name.strip() == name and name, actor
        assert not TRAILING_YEARS.search(name), name
        assert isinstance(actor["inter"], int) and 1 <= actor["inter"] <= 8, name
        assert actor["country"] in country_names, name
        assert actor["aliases"], name
        for alias in actor["aliases"]:
            assert isinstance(alias, str) and alias.strip() == alias, (name, alias)
            assert key(alias)[0], (name, alias)
        for other in actor.get("other_names", []):
            assert isinstance(other, str) and other, name
        for country, branch in actor.get("branches", {}).items():
            assert country in country_names, (name, country)
            assert isinstance(branch, str) and branch, name


def test_no_alias_is_claimed_by_two_actors() -> None:
    # The lexicon matches an actor's name as well as its aliases.
    owner: dict[tuple[str, bool], str] = {}
    clashes = []
    for actor in actors():
        for alias in [actor["name"], *actor["aliases"]]:
            previous = owner.setdefault(key(alias), actor["name"])
            if previous != actor["name"]:
                clashes.append(f"{alias!r}: {previous} / {actor['name']}")
    assert not clashes, "\n".join(clashes)


def test_risky_common_words_are_not_aliases() -> None:
    aliases = {key(alias)[0] for actor in actors() for alias in actor["aliases"]}
    assert not [form for form in RISKY_FORMS if fold(form) in aliases]


@pytest.mark.parametrize("lang", CODEBOOK_LANGUAGES)
def test_language_files_name_known_countries_and_kinds(lang: str) -> None:
    content = language(lang)
    codes = {c["iso2"] for c in countries()}
    assert set(content["generic"]) == GENERIC_KINDS
    kind_of: dict[tuple[str, bool], str] = {}
    for kind, words in content["generic"].items():
        assert words and all(isinstance(w, str) and key(w)[0] for w in words), (lang, kind)
        for word in words:
            assert kind_of.setdefault(key(word), kind) == kind, (lang, word)
    qualified = content["military_with_demonym"]
    assert qualified and all(isinstance(w, str) and key(w)[0] for w in qualified), lang
    demonyms = content["demonyms"]
    assert len(set(demonyms.values())) >= 60, lang
    assert set(demonyms.values()) <= codes, set(demonyms.values()) - codes
    reporters = content["reporters"]
    assert len(reporters) >= 15, lang
    assert all(isinstance(v, str) and v for v in reporters.values()), lang


# ------------------------------------------------------------------------------------ behaviour

SENTENCES = [
    # fr
    ("Kataeb Hezbollah a revendiqué l'attaque contre la base.", KH),
    ("La Résistance islamique en Irak a revendiqué une attaque de drone.", IRI),
    ("Les Houthis ont tiré un missile vers Eilat.", HOUTHIS),
    ("L'armée israélienne a frappé Rafah.", ISRAEL),
    ("Daech a revendiqué l'attentat, selon l'agence Amaq.", IS),
    ("L'EI a revendiqué l'attaque.", IS),
    ("Les FDS kurdes ont repoussé l'assaut.", SDF),
    ("Des jihadistes du GSIM ont attaqué la ville.", JNIM),
    ("Un poste des FAMa a été attaqué à Boulkessi.", MALI),
    ("Les Forces de soutien rapide ont pris El-Fasher.", RSF),
    ("Le M23 s'est emparé de Goma.", M23),
    ("Les shebab ont attaqué une base à Mogadiscio.", SHABAAB),
    # en
    ("Kata'ib Hizbullah claimed the drone strike on Tower 22.", KH),
    ("ISIS militants ambushed an army patrol near Palmyra.", IS),
    ("The IDF said it struck a Hezbollah position.", ISRAEL),
    ("The IDF said it struck a Hezbollah position.", HEZBOLLAH),
    ("Hay'at Tahrir al-Sham fighters seized the town.", HTS),
    ("Hayat Tahrir al Sham fighters seized the town.", HTS),
    ("Al-Shabaab militants stormed the hotel.", SHABAAB),
    ("Tatmadaw airstrikes hit the village.", MYANMAR),
    ("The Rapid Support Forces shelled Omdurman.", RSF),
    ("U.S. forces struck targets in Yemen.", USA),
    ("Russian forces struck Kharkiv overnight.", RUSSIA),
    ("Harakat al-Nujaba threatened US troops.", "Harakat Hezbollah al Nujaba"),
    # ar
    ("أعلنت المقاومة الإسلامية في العراق استهداف قاعدة عين الأسد", IRI),
    ("قصفت قوات الاحتلال مخيم جباليا", ISRAEL),
    ("وقالت حركة حماس في بيان", HAMAS),
    ("هاجمت قوات الدعم السريع مدينة الفاشر", RSF),
    ("وأعلن الحوثيون استهداف سفينة", HOUTHIS),
    ("وقال قائد في الجيش السوداني", SAF),
    ("بيان صادر عن هيئة الحشد الشعبي", PMF),
    ("وللحشد الشعبي مواقع في المنطقة", PMF),
    ("كمين لحركة الشباب في شبيلي السفلى", SHABAAB),
    ("هاجم تنظيم داعش نقطة للجيش", IS),
    ("قصفت قسد مواقع الفصائل", SDF),
    ("تبنت كتائب حزب الله الهجوم", KH),
    # es
    ("Los hutíes atacaron un buque en el mar Rojo.", HOUTHIS),
    ("El Ejército de Liberación Nacional (ELN) atacó una base.", "ELN: National Liberation Army"),
    (
        "El Cártel de Jalisco Nueva Generación emboscó a policías.",
        "CJNG: Jalisco New Generation Cartel",
    ),
    (
        "Las disidencias de las FARC atacaron una estación.",
        "FARC Dissident: Revolutionary Armed Forces of Colombia Dissident Faction",
    ),
    ("Hamás lanzó cohetes contra Tel Aviv.", HAMAS),
    ("El Estado Islámico reivindicó el atentado.", IS),
    ("El Clan del Golfo asesinó a un líder social.", "Gulf Clan"),
    ("El ejército israelí bombardeó Jan Yunis.", ISRAEL),
    # ru
    ("ВСУ атаковали Белгород беспилотниками.", UKRAINE),
    ("Хуситы обстреляли судно в Красном море.", HOUTHIS),
    ("ЦАХАЛ нанес удар по Газе.", ISRAEL),
    ("Боевики ИГИЛ напали на блокпост.", IS),
    ("Российские войска заняли село.", RUSSIA),
    ("Группировка войск «Север» отразила атаку.", RUSSIA),
    ("Хезболла выпустила ракеты по северу Израиля.", HEZBOLLAH),
    ("ХАМАС заявил о захвате заложников.", HAMAS),
    # uk
    ("ЗСУ відбили атаку під Покровськом.", UKRAINE),
    ("Окупанти обстріляли Херсон.", RUSSIA),
    ("Рашисти вдарили по Харкову.", RUSSIA),
    ("Сили оборони знищили склад.", UKRAINE),
    ("Сили оборони Ізраїлю завдали удару по Бейруту.", ISRAEL),
    ("Хусити атакували судно.", HOUTHIS),
    ("Сили швидкої підтримки захопили місто.", RSF),
    # combined names, ethnic and pro-government militias
    ("Presumed JNIM or ISGS militants burned a school.", JNIM_OR_ISGS),
    ("Des éléments du JNIM ou EIGS ont attaqué le marché.", JNIM_OR_ISGS),
    ("ISWAP or Boko Haram fighters raided the village.", ISWAP_OR_BOKO_HARAM),
    ("NAF rebels fired mortars at the positions.", NAF),
    ("Pokot raiders drove away 300 goats.", "Pokot Ethnic Militia (Kenya)"),
    ("Turkana warriors crossed the river at dawn.", "Turkana Ethnic Militia (Kenya)"),
    ("Two Arbakis were wounded at the checkpoint.", "Militia (Pro-Government)"),
    ("Dozo hunters set up a roadblock.", "Dozo Communal Militia (Burkina Faso)"),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_aliases_find_the_actor(text: str, expected: str) -> None:
    assert expected in found(alias_matcher(), text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Kataeb Hezbollah a revendiqué l'attaque.", HEZBOLLAH),
        ("تبنت كتائب حزب الله الهجوم", HEZBOLLAH),
        ("Сили оборони Ізраїлю завдали удару.", UKRAINE),
        ("Las disidencias de las FARC atacaron.", "FARC: Revolutionary Armed Forces of Colombia"),
        ("Les talibans pakistanais ont attaqué.", "Taliban"),
        ("Presumed JNIM or ISGS militants burned a school.", JNIM),
        ("Presumed ISGS or JNIM militants burned a school.", "Islamic State (Greater Sahara)"),
    ],
)
def test_longer_names_win(text: str, absent: str) -> None:
    assert absent not in found(alias_matcher(), text)


@pytest.mark.parametrize(
    "text",
    [
        "Let us download the PDF: it is a good idea.",
        "Il y a deux ans, la fama du groupe était grande.",
        "الحشد العسكري قرب القاعدة العسكرية",
        "خرج الشباب في مسيرات نصرة غزة",
        "Оплата через СБП.",
        "Floods hit Turkana county and the shores of Lake Turkana.",
        "The NAF jets returned to base.",
    ],
)
def test_common_words_are_not_actors(text: str) -> None:
    assert found(alias_matcher(), text) == []


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("fr", "des soldats américains", "US"),
        ("fr", "l'armée sud-soudanaise", "SS"),
        ("fr", "les forces burkinabè", "BF"),
        ("en", "Russian troops", "RU"),
        ("en", "U.S. warplanes", "US"),
        ("ar", "القوات الأمريكية", "US"),
        ("ar", "الجيش الإسرائيلي", "IL"),
        ("ar", "للقوات السورية", "SY"),
        ("es", "tropas ucranianas", "UA"),
        ("es", "soldados israelíes", "IL"),
        ("ru", "российские войска", "RU"),
        ("ru", "армия Израиля", "IL"),
        ("uk", "українські військові", "UA"),
        ("uk", "армія Росії", "RU"),
    ],
)
def test_demonyms_find_the_country(lang: str, text: str, code: str) -> None:
    matcher = PhraseMatcher(language(lang)["demonyms"].items())
    assert code in found(matcher, text)


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("fr", "des hommes armés non identifiés ont ouvert le feu", "unidentified"),
        ("fr", "la base américaine", "facility"),
        ("en", "gunmen opened fire on worshippers", "unidentified"),
        ("ar", "استهدف مسلحون مجهولون دورية للجيش", "military"),
        ("ar", "قتل ثلاثة مدنيين", "civilians"),
        ("es", "sicarios atacaron a pobladores", "unidentified"),
        ("es", "sicarios atacaron a pobladores", "civilians"),
        ("ru", "погибли мирные жители", "civilians"),
        ("uk", "загинули двоє цивільних", "civilians"),
    ],
)
def test_generic_words_find_the_kind(lang: str, text: str, kind: str) -> None:
    matcher = PhraseMatcher(
        (word, name) for name, words in language(lang)["generic"].items() for word in words
    )
    assert kind in found(matcher, text)


@pytest.mark.parametrize(
    ("lang", "text", "reporter"),
    [
        (
            "fr",
            "selon l'OSDH, douze combattants ont été tués",
            "Syrian Observatory for Human Rights",
        ),
        ("fr", "a indiqué une source sur le terrain", "field source"),
        ("en", "the Pentagon said on Tuesday", "Pentagon"),
        ("ar", "أفاد المرصد السوري لحقوق الإنسان", "Syrian Observatory for Human Rights"),
        ("ar", "قالت مصادر محلية", "local sources"),
        ("es", "según testigos", "witnesses"),
        ("ru", "Минобороны России сообщило", "Russian Ministry of Defence"),
        ("uk", "Повітряні сили повідомили про збиття", "Ukrainian Air Force"),
        ("uk", "голова ОВА повідомив", "regional military administration"),
    ],
)
def test_reporters_find_the_source(lang: str, text: str, reporter: str) -> None:
    matcher = PhraseMatcher(language(lang)["reporters"].items())
    assert reporter in found(matcher, text)
