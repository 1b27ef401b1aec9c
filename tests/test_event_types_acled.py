"""Attacks, battles and mobs as ACLED tells them apart: guns fired at people nobody names as armed
are an attack on civilians; an attack whose victims fight back is a battle; supporters fighting
each other are a mob, not armed groups; no arrest made after an event leaves the event; in every
language it is told in."""

from __future__ import annotations

import pytest

from conflictlens import Pipeline
from conflictlens.model import Document, PartialDate

CLASH = "Armed clash"
ATTACK = "Attack"


def _sub_types(pipeline: Pipeline, text: str, lang: str = "en") -> list[str]:
    doc = Document(doc_id="t", text=text, lang=lang, published=PartialDate.parse("2025-03-12"))
    return [event.sub_event_type for event in pipeline.extract(doc)]


@pytest.mark.parametrize(
    "text",
    [
        "On 11 March, unknown gunmen shot dead two male persons in Kisumu.",
        "On 11 March, gunmen shot dead a youth in Kisumu.",
    ],
)
def test_guns_fired_at_people_nobody_names_as_armed_are_an_attack(
    pipeline: Pipeline, text: str
) -> None:
    assert _sub_types(pipeline, text) == [ATTACK]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On 11 March, gunmen opened fire on a bus near Garissa. They later exchanged fire "
            "with the police.",
            "en",
        ),
        (
            "On 11 March, gunmen opened fire on a bus near Garissa. After an exchange of fire, "
            "one of them was killed.",
            "en",
        ),
        (
            "Le 11 mars, des hommes armés ont attaqué un car près de Garissa. Les gardes ont "
            "riposté aux tirs.",
            "fr",
        ),
        (
            "El 11 de marzo, hombres armados atacaron un autobús cerca de Garissa. Los pasajeros "
            "respondieron al fuego.",
            "es",
        ),
        (
            "11 марта вооруженные люди напали на автобус около Гариссы. Охрана открыла ответный "
            "огонь.",
            "ru",
        ),
        (
            "11 березня озброєні люди напали на автобус біля Гарісси. Охорона відкрила вогонь у "
            "відповідь.",
            "uk",
        ),
    ],
)
def test_an_attack_whose_victims_fight_back_is_a_battle(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == [CLASH]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On 11 March, fighting broke out between the supporters of a councillor and a trader "
            "in Kisumu.",
            "en",
        ),
        (
            "Le 11 mars, des affrontements ont éclaté entre partisans de deux candidats à Bouaké.",
            "fr",
        ),
        (
            "El 11 de marzo, se registraron enfrentamientos entre simpatizantes de dos candidatos "
            "en Cali.",
            "es",
        ),
        ("11 марта в Бишкеке произошли столкновения между сторонниками двух кандидатов.", "ru"),
        ("11 березня в Одесі сталися сутички між прихильниками двох кандидатів.", "uk"),
        ("اندلعت اشتباكات بين انصار مرشحين اثنين في مدينة طرابلس يوم 11 مارس.", "ar"),
    ],
)
def test_supporters_fighting_each_other_are_a_mob_not_a_battle(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == ["Mob violence"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "No arrests have been made after gunmen looted 20 shops in Kisumu on Monday night.",
            "en",
            "Looting/property destruction",
        ),
        (
            "No one was arrested after a mob burned a church in Kisumu on Monday.",
            "en",
            "Mob violence",
        ),
        (
            "Никого не задержали после того, как в понедельник неизвестные разграбили двадцать "
            "магазинов в Бишкеке.",
            "ru",
            "Looting/property destruction",
        ),
        (
            "Нікого не затримали після того, як у понеділок невідомі пограбували двадцять "
            "магазинів в Одесі.",
            "uk",
            "Looting/property destruction",
        ),
    ],
)
def test_no_arrest_after_an_event_leaves_the_event(
    pipeline: Pipeline, text: str, lang: str, expected: str
) -> None:
    assert _sub_types(pipeline, text, lang) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March, soldiers shot dead two herders suspected of being militants near Djibo.",
        "On 4 March, the army killed three farmers mistaking them for jihadists near Djibo.",
        "On 4 March, policemen at the police station in Kaya shot and killed a man who refused "
        "to stop.",
    ],
)
def test_people_killed_on_suspicion_or_by_police_at_their_post_are_attacked(
    pipeline: Pipeline, text: str
) -> None:
    assert _sub_types(pipeline, text) == [ATTACK]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On 4 March, militants threw a hand grenade at soldiers in Mogadishu. The soldiers "
            "opened fire in response.",
            "en",
        ),
        (
            "On 4 March, militants threw a hand grenade at soldiers in Mogadishu. The soldiers "
            "returned fire.",
            "en",
        ),
        (
            "Le 4 mars, des assaillants ont lancé une grenade sur une patrouille de police à "
            "Bouaké. Les policiers ont répliqué par des tirs.",
            "fr",
        ),
        (
            "El 4 de marzo, unos milicianos lanzaron una granada contra soldados en Mogadiscio. "
            "Los soldados respondieron al fuego.",
            "es",
        ),
        (
            "4 марта боевики бросили гранату в военных в Могадишо. Военные открыли ответный огонь.",
            "ru",
        ),
        (
            "4 березня бойовики кинули гранату у військових у Могадішо. Військові відкрили вогонь "
            "у відповідь.",
            "uk",
        ),
    ],
)
def test_a_grenade_thrown_at_troops_who_fire_back_is_a_battle(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == [CLASH]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On 4 March, a suspected thief was beaten to death by an angry crowd near Limuru.", "en"),
        (
            "On 4 March, a man suspected of murder was stabbed and lynched by a vigilante group "
            "in Nyeri.",
            "en",
        ),
        (
            "El 4 de marzo, un presunto ladrón fue apuñalado y linchado por vecinos en Cali.",
            "es",
        ),
    ],
)
def test_a_killing_by_a_crowd_with_no_armed_party_is_mob_violence(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == ["Mob violence"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On 4 March, traders protested in Kisumu against new market fees. Police were called "
            "in and cleared the barricades.",
            "en",
        ),
        (
            "On 4 March, traders blocked a street in Kisumu to protest new market fees, and police "
            "tried to control the crowd.",
            "en",
        ),
        (
            "Le 4 mars, des commerçants ont manifesté à Bouaké contre de nouvelles taxes. Les "
            "gendarmes ont empêché les manifestants d'atteindre la mairie.",
            "fr",
        ),
        (
            "El 4 de marzo, comerciantes protestaron en Cali contra nuevas tasas. La policía "
            "despejó la vía.",
            "es",
        ),
        (
            "4 марта торговцы вышли на акцию протеста в Бишкеке против новых сборов. Полиция "
            "оттеснила протестующих.",
            "ru",
        ),
        (
            "4 березня торговці вийшли на акцію протесту в Одесі проти нових зборів, але поліція "
            "не дала провести акцію.",
            "uk",
        ),
        (
            "تظاهر تجار في طرابلس يوم 4 مارس احتجاجا على رسوم جديدة، ومنعت الشرطة المتظاهرين من "
            "الوصول الى البلدية.",
            "ar",
        ),
    ],
)
def test_police_stopping_or_pushing_back_a_protest_is_an_intervention(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == ["Protest with intervention"]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March, observers recorded 30 explosions from mortars and artillery in both "
        "directions of the frontline near Popasna.",
        "On 4 March, observers recorded 12 projectiles involving unknown weapons in both "
        "directions of the frontline near Popasna.",
    ],
)
def test_fire_in_both_directions_is_a_battle_whatever_was_fired(
    pipeline: Pipeline, text: str
) -> None:
    assert _sub_types(pipeline, text) == [CLASH]


def test_what_a_crowd_did_after_its_grievance_turns_the_protest_violent(
    pipeline: Pipeline,
) -> None:
    text = (
        "On 4 March, residents protesting against the vote count burned tires and clashed with "
        "police in Bante."
    )
    assert _sub_types(pipeline, text) == ["Violent demonstration"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On 4 March, soldiers raided a farm near Khuzaa and fired tear gas at the farmers.", "en"),
        (
            "El 4 de marzo, unos soldados atacaron a pescadores con balas de goma cerca de Tumaco.",
            "es",
        ),
        ("4 марта боевики напали на село и применили слезоточивый газ против жителей.", "ru"),
    ],
)
def test_riot_control_means_used_where_no_crowd_is_told_leave_the_attack(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == [ATTACK]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On 11 March, residents of Mombasa marched peacefully against the rising price of "
            "bread. The march came after riots broke out in two prisons the previous week.",
            "en",
        ),
        (
            "Le 11 mars, des habitants de Mombasa ont manifesté pacifiquement contre la hausse du "
            "prix du pain. Des émeutes avaient éclaté dans deux prisons la semaine précédente.",
            "fr",
        ),
        (
            "El 11 de marzo, vecinos de Mombasa marcharon pacíficamente contra la subida del "
            "precio del pan. La semana anterior hubo disturbios en dos cárceles.",
            "es",
        ),
        (
            "11 марта жители Момбасы мирно протестовали против роста цен на хлеб. На прошлой "
            "неделе в двух тюрьмах вспыхнули беспорядки.",
            "ru",
        ),
        (
            "11 березня жителі Момбаси мирно протестували проти зростання цін на хліб. Минулого "
            "тижня у двох в'язницях спалахнули заворушення.",
            "uk",
        ),
        (
            "في 11 مارس، تظاهر سكان مومباسا سلميا احتجاجا على ارتفاع سعر الخبز. واندلعت أعمال "
            "شغب في سجنين الأسبوع الماضي.",
            "ar",
        ),
    ],
)
def test_riots_dated_well_before_a_protest_are_its_background(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == ["Peaceful protest"]


def test_a_riot_the_same_day_still_turns_the_protest_violent(pipeline: Pipeline) -> None:
    text = (
        "On 11 March, residents of Mombasa marched against the rising price of bread. Later "
        "that day, riots broke out."
    )
    assert _sub_types(pipeline, text) == ["Violent demonstration"]


def test_rioters_who_fall_upon_people_are_a_mob_not_a_riot(pipeline: Pipeline) -> None:
    mob = [
        "On 11 March, rioters attacked two journalists in Kisumu.",
        "On 11 March, rowdy youths attacked a former minister in Kisumu.",
    ]
    riot = [
        "On 11 March, rioters burned tyres and clashed with police in Kisumu.",
        "On 11 March, rioters attacked the police station in Kisumu.",
        "On 11 March, voters rioted and attacked officials in Kisumu.",
    ]
    assert [_sub_types(pipeline, text) for text in mob] == [["Mob violence"]] * len(mob)
    assert [_sub_types(pipeline, text) for text in riot] == [["Violent demonstration"]] * len(riot)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On 11 March, unknown gunmen opened fire on protesters in Kisumu, killing two.", "en"),
        ("On 11 March, gunmen attacked a march in Kisumu, killing two people.", "en"),
        (
            "Le 11 mars, des hommes armés ont attaqué des manifestants à Abidjan, tuant deux "
            "personnes.",
            "fr",
        ),
        (
            "El 11 de marzo, hombres armados atacaron a los manifestantes en Lima y mataron a dos "
            "personas.",
            "es",
        ),
        ("11 марта вооруженные люди напали на протестующих в Бишкеке, убив двух человек.", "ru"),
    ],
)
def test_armed_men_who_attack_a_crowd_attack_civilians(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == [ATTACK]


def test_only_a_state_s_force_against_protesters_is_excessive(pipeline: Pipeline) -> None:
    police = "On 11 March, police attacked protesters in Kisumu, injuring four."
    gunmen = "On 11 March, gunmen attacked protesters in Kisumu, injuring four."
    assert _sub_types(pipeline, police) == ["Excessive force against protesters"]
    assert _sub_types(pipeline, gunmen) == [ATTACK]


@pytest.mark.parametrize(
    "text",
    [
        "On 11 March, traders protested in Kisumu against new fees. Two journalists were beaten "
        "up by the protesters.",
        "On 11 March, traders protested in Kisumu against new fees. The protesters beat up two "
        "journalists.",
    ],
)
def test_a_crowd_that_beats_people_after_its_protest_turns_it_violent(
    pipeline: Pipeline, text: str
) -> None:
    assert _sub_types(pipeline, text) == ["Violent demonstration"]


def test_only_the_crowd_s_own_violence_turns_its_protest_violent(pipeline: Pipeline) -> None:
    protest = "On 11 March, traders protested in Kisumu against new fees. "
    by_crowd = _sub_types(pipeline, protest + "The protesters beat up two journalists.")
    by_police = _sub_types(pipeline, protest + "Police beat up two of them.")
    assert by_crowd == ["Violent demonstration"]
    assert "Violent demonstration" not in by_police


def test_a_protest_that_turns_violent_later_is_coded_as_a_riot(pipeline: Pipeline) -> None:
    text = "On 11 March, traders protested in Kisumu against new fees. They burned a police post."
    doc = Document(doc_id="t", text=text, lang="en", published=PartialDate.parse("2025-03-12"))
    [event] = pipeline.extract(doc)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.cameo == "145"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On 11 March, gunmen attacked a Fulani camp near Kandi.", "en"),
        ("On 11 March, gunmen attacked a cattle camp near Rumbek and drove away the herd.", "en"),
        ("Le 11 mars, des hommes armés ont attaqué un camp peul près de Kandi.", "fr"),
        (
            "El 11 de marzo, hombres armados atacaron un campamento de pastores cerca de Kandi.",
            "es",
        ),
        ("11 марта вооруженные люди напали на лагерь скотоводов около Румбека.", "ru"),
        ("11 березня озброєні люди напали на табір скотарів біля Румбека.", "uk"),
        ("في 11 مارس، هاجم مسلحون معسكر الرعاة قرب كاندي.", "ar"),
    ],
)
def test_an_attack_on_a_herders_camp_is_an_attack_on_civilians(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == [ATTACK]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On 11 March, gunmen attacked an army camp near Kandi.", "en"),
        ("On 11 March, gunmen attacked a militia camp near Kandi.", "en"),
        ("Le 11 mars, des hommes armés ont attaqué un camp militaire près de Kandi.", "fr"),
    ],
)
def test_an_attack_on_a_military_camp_stays_a_battle(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == [CLASH]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On 11 March, gunmen assassinated a member of the police in Daraa.", "en"),
        (
            "On 11 March, armed men assassinated one member of the regime's 9th Brigade in Homs.",
            "en",
        ),
        ("On 11 March, gunmen shot dead a regime fighter in Daraa.", "en"),
        ("في 11 مارس، اغتال مسلحون مجهولون أحد عناصر النظام في درعا.", "ar"),
        ("في 11 مارس، قتل مسلحون مجهولون جنديا في درعا.", "ar"),
        ("Le 11 mars, des hommes armés ont tué deux gardiens de la paix à Marseille.", "fr"),
        (
            "Le 11 mars, des hommes armés ont assassiné un membre de la police près de Kandi.",
            "fr",
        ),
    ],
)
def test_killing_a_member_of_a_force_is_a_battle(pipeline: Pipeline, text: str, lang: str) -> None:
    assert _sub_types(pipeline, text, lang) == [CLASH]


@pytest.mark.parametrize(
    "text",
    [
        "On 11 March, gunmen shot dead the governor's bodyguard in Kisumu.",
        "On 11 March, gunmen shot dead a man accused of spying for the army in Daraa.",
    ],
)
def test_a_bodyguard_or_a_suspected_informer_is_a_civilian(pipeline: Pipeline, text: str) -> None:
    assert _sub_types(pipeline, text) == [ATTACK]


def test_an_assassination_told_in_french_is_an_attack(pipeline: Pipeline) -> None:
    text = "Le 11 mars, des hommes armés ont assassiné un commerçant près de Kandi."
    assert _sub_types(pipeline, text, "fr") == [ATTACK]
