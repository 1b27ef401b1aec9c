"""Dates in six languages, resolved against the publication date the way an ACLED coder would."""

from __future__ import annotations

import pytest

from conflictlens.codebook import CODEBOOK_LANGUAGES, CodebookFiles
from conflictlens.coder.time import DateRules
from conflictlens.model import PartialDate, Precision
from conflictlens.text.fold import fold

MONDAY = PartialDate(2023, 11, 20)
"""Publication date of most cases: Monday 20 November 2023."""
DECEMBER = PartialDate(2023, 12, 1, Precision.MONTH)
"""A publication date known only to the month, like the seed article's."""
LEAD = "Intro sentence. "
"""Text before the sentence, so that offsets are checked against the document, not the sentence."""


@pytest.fixture(scope="module")
def rules() -> dict[str, DateRules]:
    files = CodebookFiles()
    return {lang: DateRules.load(files, lang) for lang in CODEBOOK_LANGUAGES}


def dates(
    rules: dict[str, DateRules], lang: str, sentence: str, published: PartialDate | None = MONDAY
) -> list[tuple[str, str]]:
    """(words, date) of each mention; a week date ends in W, a month date is YYYY-MM."""
    text = LEAD + sentence + " Outro."
    start, end = len(LEAD), len(LEAD) + len(sentence)
    found = rules[lang].find(text, fold(text), start, end, published)
    for mention in found:
        assert mention.span.text == text[mention.span.start : mention.span.end]
        assert start <= mention.span.start < mention.span.end <= end
    week = {Precision.WEEK: "W"}
    return [(m.span.text, m.date.iso() + week.get(m.date.precision, "")) for m in found]


CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # French
    ("fr", "La Résistance a annoncé aujourd'hui lundi que la base a été ciblée.",
     [("aujourd'hui lundi", "2023-11-20")]),
    ("fr", "Hier soir, un drone a visé la base.", [("Hier soir", "2023-11-19")]),
    ("fr", "L'attaque a eu lieu avant-hier.", [("avant-hier", "2023-11-18")]),
    ("fr", "Plus tôt dans la journée, la résistance a ciblé la base.",
     [("Plus tôt dans la journée", "2023-11-20")]),
    ("fr", "Les tirs ont repris mardi.", [("mardi", "2023-11-14")]),
    ("fr", "Mardi dernier, deux roquettes sont tombées.", [("Mardi dernier", "2023-11-14")]),
    ("fr", "Lundi dernier, la base a été visée.", [("Lundi dernier", "2023-11-13")]),
    ("fr", "Lundi soir, la base a été visée.", [("Lundi soir", "2023-11-20")]),
    ("fr", "Ce matin, des explosions ont été entendues.", [("Ce matin", "2023-11-20")]),
    ("fr", "Le 7 octobre, 12 attaques ont été menées.", [("7 octobre", "2023-10-07")]),
    ("fr", "Le 28 novembre 2022, la base a été visée.", [("28 novembre 2022", "2022-11-28")]),
    ("fr", "Le 7 décembre, une frappe a eu lieu.", [("7 décembre", "2022-12-07")]),
    ("fr", "Le 25 novembre, une frappe a eu lieu.", [("25 novembre", "2023-11-25")]),
    ("fr", "Le 1er novembre, une frappe a eu lieu.", [("1er novembre", "2023-11-01")]),
    ("fr", "Le lundi 6 novembre, une frappe a eu lieu.", [("lundi 6 novembre", "2023-11-06")]),
    ("fr", "La semaine dernière, trois frappes ont visé la ville.",
     [("La semaine dernière", "2023-11-13W")]),
    ("fr", "En octobre, la ville a été bombardée.", [("En octobre", "2023-10")]),
    ("fr", "Le mois dernier, la ville a été bombardée.", [("Le mois dernier", "2023-10")]),
    ("fr", "Il y a trois jours, un drone est tombé.", [("Il y a trois jours", "2023-11-17")]),
    ("fr", "Dans la nuit de dimanche à lundi, des explosions ont retenti.",
     [("Dans la nuit de dimanche à lundi", "2023-11-20")]),
    ("fr", "Le communiqué du 07/10/2023 a été publié.", [("07/10/2023", "2023-10-07")]),
    ("fr", "Les attaques ont augmenté de 45 % au cours des trois dernières semaines.", []),
    ("fr", "La résistance cible ces bases depuis deux ans.", []),
    ("fr", "Les frappes se poursuivent depuis lundi.", []),
    ("fr", "Les frappes se poursuivent depuis le 7 octobre.", []),
    ("fr", "Une réunion est prévue lundi prochain.", []),
    ("fr", "Mars est une planète.", []),
    # English
    ("en", "The Resistance said today, Monday, that the base was targeted.",
     [("today, Monday", "2023-11-20")]),
    ("en", "Yesterday, a drone struck the base.", [("Yesterday", "2023-11-19")]),
    ("en", "Earlier today, rockets hit the airport.", [("Earlier today", "2023-11-20")]),
    ("en", "It happened the day before yesterday.", [("the day before yesterday", "2023-11-18")]),
    ("en", "Militants attacked the base on Monday.", [("Monday", "2023-11-20")]),
    ("en", "Last Tuesday, two rockets fell near the embassy.", [("Last Tuesday", "2023-11-14")]),
    ("en", "Explosions were heard late last night.", [("late last night", "2023-11-19")]),
    ("en", "On Sunday night, a convoy was hit.", [("Sunday night", "2023-11-19")]),
    ("en", "On October 7, 12 attacks were recorded.", [("October 7", "2023-10-07")]),
    ("en", "Hamas attacked on 7 October 2023.", [("7 October 2023", "2023-10-07")]),
    ("en", "Fighting resumed on October 7, 2023, in the south.",
     [("October 7, 2023", "2023-10-07")]),
    ("en", "Three strikes hit the city last week.", [("last week", "2023-11-13W")]),
    ("en", "In October, the city was shelled.", [("In October", "2023-10")]),
    ("en", "Three days ago, a drone fell.", [("Three days ago", "2023-11-17")]),
    ("en", "The report dated 10/25/2023 was released.", [("10/25/2023", "2023-10-25")]),
    ("en", "The report dated 03/04/2023 was released.", [("03/04/2023", "2023-03-04")]),
    ("en", "Talks may resume soon, officials said.", []),
    ("en", "Attacks rose 45% over the past three weeks.", []),
    ("en", "Clashes have continued since Monday.", []),
    ("en", "A meeting is planned for next Monday.", []),
    # Arabic
    ("ar", "أعلنت المقاومة الإسلامية اليوم الاثنين استهداف القاعدة",
     [("اليوم الاثنين", "2023-11-20")]),
    ("ar", "قصفت طائرة مسيرة القاعدة أمس", [("أمس", "2023-11-19")]),
    ("ar", "وقع الهجوم ليلة أمس", [("ليلة أمس", "2023-11-19")]),
    ("ar", "وفي وقت سابق اليوم استهدفت المقاومة قاعدة الشدادي",
     [("في وقت سابق اليوم", "2023-11-20")]),
    ("ar", "استهدفت المقاومة القاعدة يوم الاثنين", [("الاثنين", "2023-11-20")]),
    ("ar", "سقطت صواريخ على القاعدة الثلاثاء الماضي", [("الثلاثاء الماضي", "2023-11-14")]),
    ("ar", "قصفت القاعدة في 20 تشرين الثاني 2023", [("20 تشرين الثاني 2023", "2023-11-20")]),
    ("ar", "قصفت القاعدة في 20 نوفمبر 2023", [("20 نوفمبر 2023", "2023-11-20")]),
    ("ar", "قصفت القاعدة في ٢٠ نوفمبر ٢٠٢٣", [("٢٠ نوفمبر ٢٠٢٣", "2023-11-20")]),
    ("ar", "في 7 أكتوبر، 12 هجوما على القواعد", [("7 أكتوبر", "2023-10-07")]),
    ("ar", "شنت المقاومة ثلاث هجمات الأسبوع الماضي", [("الأسبوع الماضي", "2023-11-13W")]),
    ("ar", "قصفت المدينة في أكتوبر", [("في أكتوبر", "2023-10")]),
    ("ar", "سقطت طائرة مسيرة قبل ثلاثة أيام", [("قبل ثلاثة أيام", "2023-11-17")]),
    ("ar", "تستهدف المقاومة القواعد منذ عامين", []),
    ("ar", "وفي اليوم التالي انسحبت القوات", []),
    ("ar", "يعقد الاجتماع الاثنين المقبل", []),
    # Spanish
    ("es", "Hoy lunes, la resistencia atacó la base.", [("Hoy lunes", "2023-11-20")]),
    ("es", "Ayer por la tarde, un dron impactó en la base.",
     [("Ayer por la tarde", "2023-11-19")]),
    ("es", "Más temprano, se registraron explosiones.", [("Más temprano", "2023-11-20")]),
    ("es", "El ataque ocurrió anteayer.", [("anteayer", "2023-11-18")]),
    ("es", "El lunes, los rebeldes atacaron la ciudad.", [("lunes", "2023-11-20")]),
    ("es", "El martes pasado cayeron dos cohetes.", [("martes pasado", "2023-11-14")]),
    ("es", "El pasado martes cayeron dos cohetes.", [("pasado martes", "2023-11-14")]),
    ("es", "El 15 de marzo, 12 ataques sacudieron la región.", [("15 de marzo", "2023-03-15")]),
    ("es", "El 15 de marzo de 2022 hubo combates.", [("15 de marzo de 2022", "2022-03-15")]),
    ("es", "La semana pasada hubo tres bombardeos.", [("La semana pasada", "2023-11-13W")]),
    ("es", "En octubre, la ciudad fue bombardeada.", [("En octubre", "2023-10")]),
    ("es", "Hace tres días cayó un dron.", [("Hace tres días", "2023-11-17")]),
    ("es", "Los ataques aumentaron en las últimas tres semanas.", []),
    ("es", "La milicia ataca la base desde hace dos años.", []),
    ("es", "La delegación llegó a Santo Domingo.", []),
    ("es", "La reunión será el próximo lunes.", []),
    # Russian
    ("ru", "Сегодня, в понедельник, беспилотник атаковал базу.",
     [("Сегодня, в понедельник", "2023-11-20")]),
    ("ru", "Вчера вечером беспилотник атаковал базу.", [("Вчера вечером", "2023-11-19")]),
    ("ru", "Позавчера был обстрел.", [("Позавчера", "2023-11-18")]),
    ("ru", "Ранее сегодня прогремели взрывы.", [("Ранее сегодня", "2023-11-20")]),
    ("ru", "Удар был нанесен в понедельник.", [("понедельник", "2023-11-20")]),
    ("ru", "В прошлый вторник упали две ракеты.", [("прошлый вторник", "2023-11-14")]),
    ("ru", "В ночь на понедельник был обстрел.", [("В ночь на понедельник", "2023-11-20")]),
    ("ru", "15 марта 2022 года начались бои.", [("15 марта 2022 года", "2022-03-15")]),
    ("ru", "Обстрел произошел 15 марта.", [("15 марта", "2023-03-15")]),
    ("ru", "На прошлой неделе было три удара.", [("На прошлой неделе", "2023-11-13W")]),
    ("ru", "В октябре город обстреливали.", [("В октябре", "2023-10")]),
    ("ru", "Три дня назад упал беспилотник.", [("Три дня назад", "2023-11-17")]),
    ("ru", "За последние три недели число атак выросло.", []),
    ("ru", "Обстрелы продолжаются с понедельника.", []),
    ("ru", "Встреча пройдет в следующий вторник.", []),
    ("ru", "Это угрожает окружающей среды региона.", []),
    # Ukrainian
    ("uk", "Сьогодні, у понеділок, дрон атакував базу.",
     [("Сьогодні, у понеділок", "2023-11-20")]),
    ("uk", "Вчора ввечері дрон атакував базу.", [("Вчора ввечері", "2023-11-19")]),
    ("uk", "Позавчора був обстріл.", [("Позавчора", "2023-11-18")]),
    ("uk", "Удар було завдано у понеділок.", [("понеділок", "2023-11-20")]),
    ("uk", "Минулого вівторка впали дві ракети.", [("Минулого вівторка", "2023-11-14")]),
    ("uk", "В ніч на понеділок був обстріл.", [("В ніч на понеділок", "2023-11-20")]),
    ("uk", "Обстріл стався 15 березня.", [("15 березня", "2023-03-15")]),
    ("uk", "15 березня 2022 року почалися бої.", [("15 березня 2022 року", "2022-03-15")]),
    ("uk", "Минулого тижня було три удари.", [("Минулого тижня", "2023-11-13W")]),
    ("uk", "У жовтні місто обстрілювали.", [("У жовтні", "2023-10")]),
    ("uk", "Три дні тому впав дрон.", [("Три дні тому", "2023-11-17")]),
    ("uk", "Протягом останніх трьох тижнів кількість атак зросла.", []),
    ("uk", "Обстріли тривають з понеділка.", []),
    ("uk", "Зустріч відбудеться наступного вівторка.", []),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "sentence", "expected"), CASES)
def test_dates_resolve_against_the_publication_date(
    rules: dict[str, DateRules], lang: str, sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert dates(rules, lang, sentence) == expected


MONTH_ONLY_CASES = [
    ("fr", "La Résistance a annoncé aujourd'hui lundi que la base a été ciblée.", ["2023-12"]),
    ("fr", "Le 7 décembre, une frappe a eu lieu.", ["2023-12-07"]),
    ("fr", "Le 28 décembre, une frappe a eu lieu.", ["2023-12-28"]),
    ("fr", "Le mois dernier, la ville a été bombardée.", ["2023-11"]),
    ("en", "Yesterday, a drone struck the base.", ["2023-12"]),
    ("en", "Last week, a drone struck the base.", ["2023-12"]),
    ("ar", "قصفت طائرة مسيرة القاعدة أمس", ["2023-12"]),
    ("es", "El martes pasado cayeron dos cohetes.", ["2023-12"]),
    ("ru", "Вчера вечером беспилотник атаковал базу.", ["2023-12"]),
    ("uk", "Обстріл стався 15 грудня.", ["2023-12-15"]),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), MONTH_ONLY_CASES)
def test_month_only_publication_keeps_only_what_can_be_known(
    rules: dict[str, DateRules], lang: str, sentence: str, expected: list[str]
) -> None:
    """Relative words give the month (the day is unknown); explicit days keep their day."""
    assert [iso for _, iso in dates(rules, lang, sentence, DECEMBER)] == expected


NO_PUBLICATION_CASES = [
    ("fr", "Hier soir, un drone a visé la base.", []),
    ("fr", "Le 7 octobre, une frappe a eu lieu.", []),
    ("fr", "Le 7 octobre 2023, une frappe a eu lieu.", ["2023-10-07"]),
    ("en", "Last Tuesday, two rockets fell.", []),
    ("ar", "قصفت القاعدة في 20 تشرين الثاني 2023", ["2023-11-20"]),
    ("ru", "Удар 2023-10-07 и 08.10.2023.", ["2023-10-07", "2023-10-08"]),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), NO_PUBLICATION_CASES)
def test_without_a_publication_date_only_full_dates_resolve(
    rules: dict[str, DateRules], lang: str, sentence: str, expected: list[str]
) -> None:
    assert [iso for _, iso in dates(rules, lang, sentence, None)] == expected


def test_lundi_dernier_said_on_a_monday_is_a_week_before(rules: dict[str, DateRules]) -> None:
    assert dates(rules, "fr", "Lundi, la base a été visée.") == [("Lundi", "2023-11-20")]
    assert dates(rules, "fr", "Lundi dernier, la base a été visée.") == [
        ("Lundi dernier", "2023-11-13")
    ]


def test_several_dates_come_in_order(rules: dict[str, DateRules]) -> None:
    sentence = (
        "Hier, après les frappes du 7 octobre et de la semaine dernière, le calme est revenu."
    )
    assert dates(rules, "fr", sentence) == [
        ("Hier", "2023-11-19"),
        ("7 octobre", "2023-10-07"),
        ("la semaine dernière", "2023-11-13W"),
    ]


def test_a_year_late_in_december_goes_back_a_year(rules: dict[str, DateRules]) -> None:
    january = PartialDate(2024, 1, 3)
    assert dates(rules, "en", "On December 28, a drone hit the base.", january) == [
        ("December 28", "2023-12-28")
    ]


def test_only_the_given_sentence_is_read(rules: dict[str, DateRules]) -> None:
    text = "Hier, rien. Lundi dernier, une frappe."
    second = text.index("Lundi")
    found = rules["fr"].find(text, fold(text), second, len(text), MONDAY)
    assert [(m.span.start, m.span.text) for m in found] == [(second, "Lundi dernier")]


def test_invalid_dates_are_left_out(rules: dict[str, DateRules]) -> None:
    assert dates(rules, "fr", "Le 31 novembre et le 45/13/2023.") == []
