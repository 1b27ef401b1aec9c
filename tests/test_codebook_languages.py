"""The event words, weapons and cues of every language, read from sentences written like news copy.

For each language: sentences that report an event (the sub-type, or generic kind, that their main
event word gives, and the weapon they name), sentences that report none, and sentences whose cues
change how they are read (a threat, a statistic, a claim, background after "in response to").
The main event word and the weapon are chosen as coder/events.py chooses them; what the target
decides for a generic word without a weapon is left to the coder tests ("@attack" stays "@attack").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import get_args

import pytest

from conflictlens.codebook import CODEBOOK_LANGUAGES, CodebookFiles
from conflictlens.coder.events import NOT_NEW_EVENT_CUES, REMOTE_SUB_TYPES
from conflictlens.coder.lexicon import LanguageLexicon, Taxonomy
from conflictlens.coder.speakers import PASSIVE_WINDOW_CHARS
from conflictlens.model import WEAPONS, CueKind
from conflictlens.text.normalise import normalise_text

FILES = CodebookFiles()
TAXONOMY = Taxonomy.load(FILES)
GENERIC_KINDS = {"@attack", "@explosion", "@fall"}
# Summary cues of fr and en written with a word wildcard, which PhraseMatcher does not support (a
# "*" inside a phrase is read as such): they never match.
LITERAL_STARS = {"plus de * attaques", "more than * attacks", "at least * attacks"}
CUE_KINDS = set(get_args(CueKind))

AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
IED = "Remote explosive/landmine/IED"
SUICIDE = "Suicide bomb"
CLASH = "Armed clash"
OVERTAKES = "Non-state actor overtakes territory"
REGAINS = "Government regains territory"
ABDUCTION = "Abduction/forced disappearance"
ATTACK = "Attack"
PEACEFUL = "Peaceful protest"
INTERVENTION = "Protest with intervention"
VIOLENT = "Violent demonstration"
MOB = "Mob violence"
ARRESTS = "Arrests"
DISRUPTED = "Disrupted weapons use"


@cache
def lexicon(lang: str) -> LanguageLexicon:
    return LanguageLexicon.load(FILES, lang, named_actors=[])


@dataclass(frozen=True)
class Reading:
    kind: str | None
    """The sub-event type (or generic kind) of the event the sentence makes; None when none."""
    weapon: str | None
    cues: frozenset[str]
    passive: bool
    """A passive cue stands right before the main event word, or is part of it."""


def _resolved(declared: str, weapon: str | None) -> str:
    by_weapon = TAXONOMY.by_weapon.get(weapon) if weapon else None
    if declared.startswith("@"):
        return by_weapon or declared
    if declared in REMOTE_SUB_TYPES and by_weapon in REMOTE_SUB_TYPES:
        return by_weapon
    return declared


def read(lang: str, sentence: str) -> Reading:
    text = normalise_text(sentence)
    lex = lexicon(lang)
    cues = lex.cues.find(text)
    context = next((c for c in cues if c.payload == "context"), None)
    triggers = [t for t in lex.triggers.find(text) if context is None or t.start < context.start]
    weapons = [w.payload for w in lex.weapons.find(text)]
    weapon = min(weapons, key=TAXONOMY.weapon_priority.index) if weapons else None
    kind, passive = None, False
    if triggers:
        main = min(
            triggers,
            key=lambda t: (t.payload.sub_event_type.startswith("@"), t.payload.weak, t.start),
        )
        if not (main.payload.weak and weapon is None):
            kind = _resolved(main.payload.sub_event_type, weapon)
        passive = any(
            c.payload == "passive"
            and (
                main.start <= c.start < main.end or 0 <= main.start - c.end <= PASSIVE_WINDOW_CHARS
            )
            for c in cues
        )
    return Reading(kind, weapon, frozenset(c.payload for c in cues), passive)


# (language, sentence, sub-type or generic kind, weapon)
EVENTS = [
    # Arabic
    ("ar", "استهدفت فصائل المقاومة قاعدة حرير الجوية بطائرتين مسيرتين فجر اليوم.", AIR, "drone"),
    (
        "ar",
        "قصفت المدفعية الإسرائيلية أطراف بلدة الخيام جنوبي لبنان بعشرات القذائف.",
        SHELLING,
        "artillery",
    ),
    ("ar", "شنت طائرات حربية روسية غارات جوية على ريف إدلب الجنوبي.", AIR, "airstrike"),
    ("ar", "انفجرت عبوة ناسفة بدورية للجيش على طريق بغداد - كركوك.", IED, "ied"),
    ("ar", "قتل سبعة أشخاص في تفجير انتحاري استهدف سوقاً شعبياً في مقديشو.", SUICIDE, "suicide_bomb"),
    ("ar", "سقطت ثلاث قذائف هاون قرب مطار المدينة دون وقوع إصابات.", SHELLING, "mortar"),
    ("ar", "اندلعت اشتباكات عنيفة بين الجيش وقوات الدعم السريع في محيط الفاشر.", CLASH, None),
    ("ar", "اختطف مسلحون مجهولون خمسة عمال على الطريق الدولي.", ABDUCTION, "small_arms"),
    ("ar", "اعتقلت قوات الأمن 12 شخصاً خلال حملة مداهمات في حي الصدرية.", ARRESTS, None),
    ("ar", "تظاهر آلاف الطلاب أمام مبنى الوزارة للمطالبة بتحسين أوضاعهم.", PEACEFUL, None),
    ("ar", "فرقت الشرطة بالغاز المسيل للدموع مئات المحتجين وسط المدينة.", INTERVENTION, None),
    (
        "ar",
        "أضرم محتجون غاضبون النار في مبنى البلدية ورشقوا قوات الأمن بالحجارة.",
        VIOLENT,
        "other",
    ),
    ("ar", "اعترضت الدفاعات الجوية صاروخاً باليستياً أطلق من اليمن.", DISRUPTED, "missile"),
    ("ar", "أعلن الجيش استعادة السيطرة على مدينة ود مدني بعد معارك ضارية.", REGAINS, None),
    ("ar", "سيطرت قوات الدعم السريع على مدينة الفاشر بعد حصار طويل.", OVERTAKES, None),
    ("ar", "أسقطت الدفاعات الجوية طائرة مسيرة مفخخة فوق قاعدة عين الأسد.", DISRUPTED, "drone"),
    ("ar", "قصفت قوات الاحتلال بقذائف صاروخية منزلاً في بيت لاهيا.", SHELLING, "rocket"),
    ("ar", "فتح مسلحون النار على حاجز للشرطة في العريش.", CLASH, "small_arms"),
    ("ar", "استهدفت مسيرة انتحارية مستودعاً للوقود في ميناء الحديدة.", AIR, "drone"),
    ("ar", "قتل عشرة أشخاص في غارة على سوق شعبي، ومن المتوقع ارتفاع عدد الضحايا.", AIR, None),
    (
        "ar",
        "دعت الأمم المتحدة إلى وقف إطلاق النار بعد غارة جوية على مخيم النصيرات.",
        AIR,
        "airstrike",
    ),
    # Spanish
    (
        "es",
        "Un ataque con drones contra la estación de Policía dejó dos uniformados heridos.",
        AIR,
        "drone",
    ),
    (
        "es",
        "El Ejército ruso bombardeó con artillería pesada el centro de Jersón.",
        SHELLING,
        "artillery",
    ),
    (
        "es",
        "Un bombardeo israelí contra una vivienda en Rafah dejó al menos seis muertos.",
        AIR,
        None,
    ),
    (
        "es",
        "Un artefacto explosivo estalló al paso de una patrulla militar en zona rural de Tame.",
        IED,
        "ied",
    ),
    (
        "es",
        "Al menos doce personas murieron en un atentado suicida contra una mezquita.",
        SUICIDE,
        "suicide_bomb",
    ),
    (
        "es",
        "Tropas del Ejército sostuvieron intensos combates con disidentes en el Cauca.",
        CLASH,
        None,
    ),
    (
        "es",
        "Hombres armados secuestraron a un comerciante en las afueras de Cúcuta.",
        ABDUCTION,
        "small_arms",
    ),
    ("es", "La Policía detuvo a cinco presuntos integrantes de la banda en Lima.", ARRESTS, None),
    (
        "es",
        "Miles de personas marcharon por el centro de Bogotá para exigir la reforma.",
        PEACEFUL,
        None,
    ),
    (
        "es",
        "Los antidisturbios dispersaron con gases lacrimógenos a los manifestantes.",
        INTERVENTION,
        None,
    ),
    (
        "es",
        "Graves disturbios en Santiago: encapuchados quemaron contenedores y lanzaron piedras.",
        VIOLENT,
        "other",
    ),
    (
        "es",
        "La defensa antiaérea ucraniana derribó 18 de los 20 drones lanzados por Rusia.",
        DISRUPTED,
        "drone",
    ),
    (
        "es",
        "Sicarios asesinaron a un líder social en el municipio de Tumaco.",
        ATTACK,
        "small_arms",
    ),
    (
        "es",
        "Las Brigadas al Qasam dispararon una andanada de cohetes contra Ashkelon.",
        SHELLING,
        "rocket",
    ),
    ("es", "Un dron impactó contra un edificio residencial en Odesa.", AIR, "drone"),
    (
        "es",
        "Ocho muertos dejó un bombardeo contra un mercado; la cifra podría aumentar.",
        AIR,
        None,
    ),
    ("es", "El Ejército retomó el control del municipio tras dos días de combates.", REGAINS, None),
    (
        "es",
        "Dos hombres fueron linchados por vecinos acusados de robar una motocicleta.",
        MOB,
        None,
    ),
    (
        "es",
        "Las dos facciones del cártel se enfrentaron entre sí en las afueras de Culiacán.",
        CLASH,
        None,
    ),
    (
        "es",
        "Tres soldados murieron al pisar una mina antipersonal, sin que se reportaran más bajas.",
        IED,
        "ied",
    ),
    # Russian
    (
        "ru",
        "ВСУ обстреляли Горловку из реактивных систем залпового огня, ранены трое мирных жителей.",
        SHELLING,
        "rocket",
    ),
    ("ru", "Украинский беспилотник атаковал автомобиль в Белгородском районе.", AIR, "drone"),
    ("ru", "Российские войска нанесли ракетный удар по Харькову.", SHELLING, "missile"),
    (
        "ru",
        "Дежурными средствами ПВО уничтожены 15 беспилотников самолетного типа.",
        DISRUPTED,
        "drone",
    ),
    ("ru", "В Донецке на самодельном взрывном устройстве подорвался автомобиль.", IED, "ied"),
    (
        "ru",
        "Смертник привел в действие взрывное устройство у входа в полицейский участок.",
        SUICIDE,
        "suicide_bomb",
    ),
    ("ru", "На Покровском направлении продолжаются ожесточенные бои.", CLASH, None),
    (
        "ru",
        "Минобороны России заявило об освобождении населенного пункта Курахово.",
        OVERTAKES,
        None,
    ),
    ("ru", "В Москве задержаны двое подозреваемых в подготовке теракта.", ARRESTS, None),
    ("ru", "Участники митинга потребовали отставки главы района.", PEACEFUL, None),
    ("ru", "Полиция разогнала акцию протеста у здания администрации.", INTERVENTION, None),
    (
        "ru",
        "В Махачкале начались массовые беспорядки, толпа прорвалась на летное поле.",
        VIOLENT,
        None,
    ),
    ("ru", "Российская авиация сбросила управляемые авиабомбы на Купянск.", AIR, "airstrike"),
    ("ru", "Неизвестные похитили предпринимателя в Херсонской области.", ABDUCTION, None),
    ("ru", "Снаряд попал в жилой дом в Донецке.", SHELLING, "artillery"),
    ("ru", "ВВС Израиля нанесли авиаудар по южному пригороду Бейрута.", AIR, "airstrike"),
    ("ru", "В результате обстрела Горловки пострадавших нет.", SHELLING, None),
    ("ru", "В результате атаки дрона ранен мужчина, угрозы для жизни нет.", AIR, "drone"),
    ("ru", "Во время штурма позиций противника ранены двое военнослужащих.", CLASH, None),
    (
        "ru",
        "При ракетном ударе по Одессе погибли пять человек, число жертв может возрасти.",
        SHELLING,
        "missile",
    ),
    # Ukrainian
    (
        "uk",
        "Окупанти обстріляли Нікополь з важкої артилерії, поранено двох людей.",
        SHELLING,
        "artillery",
    ),
    ("uk", "Російський дрон скинув вибухівку на цивільний автомобіль у Херсоні.", AIR, "drone"),
    (
        "uk",
        "Ворог завдав ракетного удару по Одесі балістичними ракетами «Іскандер-М».",
        SHELLING,
        "missile",
    ),
    (
        "uk",
        "Цієї ночі сили ППО збили 30 із 35 ударних безпілотників типу «Шахед».",
        DISRUPTED,
        "drone",
    ),
    (
        "uk",
        "Російська авіація завдала удару керованими авіабомбами по Куп'янську.",
        AIR,
        "airstrike",
    ),
    ("uk", "Українські військові звільнили село на Запорізькому напрямку.", REGAINS, None),
    ("uk", "На Покровському напрямку тривають запеклі бої.", CLASH, None),
    ("uk", "Окупанти викрали двох мешканців Мелітополя.", ABDUCTION, None),
    ("uk", "Поліція затримала чоловіка, який підпалив автомобіль військового.", ARRESTS, None),
    ("uk", "Сотні людей вийшли на мирну акцію на Майдані Незалежності.", PEACEFUL, None),
    ("uk", "У Мелітополі вибухнув автомобіль російського офіцера.", IED, "ied"),
    ("uk", "Російська ракета влучила в цивільне судно в порту Чорноморська.", SHELLING, "missile"),
    ("uk", "Снаряд влучив у багатоповерхівку в центрі Херсона.", SHELLING, "artillery"),
    ("uk", "Сили оборони відбили вісім атак противника біля Часового Яру.", CLASH, None),
    ("uk", "Російські військові розстріляли полонених українських бійців.", ATTACK, None),
    ("uk", "Російський FPV-дрон атакував евакуаційний автомобіль на Херсонщині.", AIR, "drone"),
    ("uk", "Два дрони влучили у складські приміщення, люди не постраждали.", AIR, "drone"),
    ("uk", "Внаслідок обстрілу поранено жінку, її життю нічого не загрожує.", SHELLING, None),
    (
        "uk",
        "Внаслідок ракетного удару загинули четверо людей, кількість жертв може зрости.",
        SHELLING,
        "missile",
    ),
    ("uk", "Поліцейські затримали двох учасників акції проти забудови скверу.", INTERVENTION, None),
    # French
    ("fr", "Un drone a ciblé jeudi la base américaine d'Al-Shaddadi.", AIR, "drone"),
    (
        "fr",
        "Des frappes aériennes ont visé des positions du Hezbollah au Sud-Liban.",
        AIR,
        "airstrike",
    ),
    (
        "fr",
        "Des tirs de roquettes ont visé la base aérienne d'Erbil dans la nuit.",
        SHELLING,
        "rocket",
    ),
    (
        "fr",
        "Un engin explosif improvisé a explosé au passage d'un convoi près de Douentza.",
        IED,
        "ied",
    ),
    (
        "fr",
        "De violents combats opposent l'armée aux Forces de soutien rapide à El-Fasher.",
        CLASH,
        None,
    ),
    (
        "fr",
        "Des hommes armés ont enlevé une vingtaine de passagers sur l'axe Djibo-Ouagadougou.",
        ABDUCTION,
        None,
    ),
    (
        "fr",
        "Des milliers de personnes ont manifesté à Paris contre la réforme des retraites.",
        PEACEFUL,
        None,
    ),
    ("fr", "La police a procédé à l'arrestation de trois suspects à Niamey.", ARRESTS, None),
    (
        "fr",
        "La défense aérienne a intercepté deux missiles au-dessus de Kiev.",
        DISRUPTED,
        "missile",
    ),
    ("fr", "Des émeutes ont éclaté dans plusieurs quartiers de Nouméa.", VIOLENT, None),
    ("fr", "Des obus sont tombés sur le marché central de Kherson.", SHELLING, "artillery"),
    ("fr", "Les forces armées ont repris le contrôle de la ville de Sake.", REGAINS, None),
    # English
    (
        "en",
        "Two one-way attack drones struck a U.S. base in eastern Syria on Thursday.",
        AIR,
        "drone",
    ),
    (
        "en",
        "Russian forces shelled the center of Kherson, killing two civilians.",
        SHELLING,
        "artillery",
    ),
    ("en", "A roadside bomb exploded next to a police patrol in Kandahar.", IED, "ied"),
    (
        "en",
        "A suicide bomber blew himself up at a checkpoint in Mogadishu.",
        SUICIDE,
        "suicide_bomb",
    ),
    ("en", "Government troops clashed with al-Shabaab fighters in Hiraan region.", CLASH, None),
    (
        "en",
        "Gunmen abducted at least 20 students from a school in Kaduna state.",
        ABDUCTION,
        "small_arms",
    ),
    ("en", "Police arrested 15 people in the capital overnight.", ARRESTS, None),
    ("en", "Thousands of protesters marched through central Nairobi on Tuesday.", PEACEFUL, None),
    (
        "en",
        "Ukrainian air defenses shot down 20 of 25 Shahed drones overnight.",
        DISRUPTED,
        "drone",
    ),
    ("en", "Israeli airstrikes hit a residential building in Deir al-Balah.", AIR, "airstrike"),
    ("en", "Rioters set fire to government buildings in the capital.", VIOLENT, None),
    ("en", "Rockets were fired at a U.S. base in western Iraq.", SHELLING, "rocket"),
]

# (language, sentence): no event word, or only one that needs a weapon the sentence lacks.
NO_EVENT = [
    ("ar", "استقبل رئيس الوزراء وفداً اقتصادياً لبحث تعزيز التعاون التجاري بين البلدين."),
    ("ar", "أطلق المهرجان الثقافي فعالياته في ساحة المدينة بمشاركة فرق فنية."),
    ("ar", "تمت السيطرة على الحريق الذي اندلع في أحد المستودعات."),
    ("ar", "واستعادت البورصة عافيتها بعد أسبوع من التراجع."),
    ("ar", "نحرص على تعزيز العلاقات مع جميع الدول الشقيقة."),
    ("ar", "دعت الأمم المتحدة إلى وقف إطلاق النار وإدخال المساعدات الإنسانية."),
    ("ar", "وصل الوفد الحكومي إلى العاصمة صباح اليوم في زيارة رسمية."),
    ("ar", "التقى الزعماء العرب في القمة لبحث الأوضاع في المنطقة."),
    ("ar", "افتتح المحافظ مدرسة جديدة في ساحة التحرير بحضور الأهالي."),
    ("ar", "أكد الطبيب أن حالة المريض مستقرة بعد العملية الجراحية."),
    ("es", "El Ejecutivo presentó el presupuesto para el próximo año ante el Congreso."),
    ("es", "La explotación minera genera miles de empleos en la región."),
    ("es", "El ministro manifestó su preocupación por la inflación."),
    ("es", "El equipo de Granada ganó el partido del domingo."),
    ("es", "El Gobierno lanzó una campaña de vacunación contra la gripe."),
    ("es", "Los bomberos combatieron el incendio forestal durante toda la noche."),
    ("es", "Los precios de la vivienda se dispararon en la capital."),
    ("es", "El combate a la corrupción es una prioridad del nuevo gabinete."),
    ("es", "La selección retomó los entrenamientos tras las vacaciones."),
    ("es", "El alcalde puso en marcha un plan de movilidad urbana."),
    ("es", "Miles de turistas visitan cada año la antigua mina de oro."),
    ("ru", "Делегация прилетела в Москву для переговоров."),
    ("ru", "Грузовик столкнулся с автобусом на трассе."),
    ("ru", "Рост цен отразился на доходах населения."),
    ("ru", "Задержка рейсов в аэропорту составила два часа."),
    ("ru", "Акции компании подешевели на бирже."),
    ("ru", "МИД выразил протест в связи с высылкой дипломатов."),
    ("ru", "Более половины опрошенных поддержали реформу."),
    ("ru", "Губернатор поручил ускорить ремонт больницы."),
    ("ru", "Лидер боевиков выступил с видеообращением."),
    ("ru", "Ракетная опасность объявлена в Белгородской области."),
    ("ru", "Пациент упал в больнице, его жизни ничего не угрожает."),
    ("uk", "Кабмін ухвалив рішення про підвищення пенсій."),
    ("uk", "Маршрутка курсує містом щогодини."),
    ("uk", "Фабрика відновила роботу після ремонту."),
    ("uk", "Потяги затримуються через негоду."),
    ("uk", "Збитки від повені оцінили в мільйони гривень."),
    ("uk", "Чиновника звільнили з посади за порушення."),
    ("uk", "Ціни на пальне зросли більше, ніж торік."),
    ("uk", "Більшість учнів повернулися до шкіл."),
    ("uk", "Лютий видався холодним і сніжним."),
    ("uk", "Боєприпаси доставили на склад бригади."),
    ("fr", "Le ministre a présenté le budget de l'État devant l'Assemblée nationale."),
    ("fr", "Le festival de musique a attiré des milliers de visiteurs."),
    ("fr", "La météo annonce des pluies abondantes pour le week-end."),
    ("fr", "Les négociations reprendront la semaine prochaine à Genève."),
    ("fr", "Le musée a rouvert ses portes après des travaux."),
    ("fr", "Le cours du pétrole est reparti à la hausse mardi."),
    ("en", "The finance minister presented the annual budget to parliament."),
    ("en", "The museum reopened after two years of renovation."),
    ("en", "Heavy rain is expected across the region this weekend."),
    ("en", "The delegation arrived in Geneva for talks."),
    ("en", "Oil prices edged higher on Tuesday."),
]

# (language, sentence, a cue kind the sentence must hold)
CUES = [
    (
        "ar",
        "توعد قيادي في الفصائل بمواصلة استهداف القواعد الأمريكية حتى خروج القوات الأجنبية.",
        "future",
    ),
    (
        "ar",
        "ارتفع عدد الهجمات على القواعد الأمريكية بنسبة 40 بالمئة خلال الشهر الماضي.",
        "statistic",
    ),
    ("ar", "تبنت حركة الشباب الهجوم على القاعدة العسكرية في بيان نشرته وكالتها.", "claim"),
    ("ar", "أعلنت المقاومة الإسلامية مسؤوليتها عن الهجوم على قاعدة التنف.", "claim"),
    ("ar", "نفت وزارة الدفاع تعرض القاعدة لأي هجوم.", "deny"),
    ("ar", "سنرد بقوة إذا تعرضت مواقعنا لأي اعتداء.", "conditional"),
    ("ar", "تعرضت القاعدة لهجمات عشرات المرات منذ بداية الحرب.", "past_summary"),
    ("ar", "أفاد المرصد السوري بسقوط قذائف على القاعدة.", "statement"),
    (
        "es",
        "La guerrilla amenazó con nuevos ataques contra la infraestructura petrolera.",
        "future",
    ),
    ("es", "Los ataques con drones aumentaron un 40 % en el primer semestre.", "statistic"),
    ("es", "El ELN reivindicó el atentado contra el oleoducto Caño Limón-Coveñas.", "claim"),
    ("es", "El Ejército negó haber bombardeado la zona humanitaria.", "deny"),
    (
        "es",
        "Los transportistas volverán a parar si el Gobierno no atiende sus demandas.",
        "conditional",
    ),
    (
        "es",
        "En lo que va del año se han registrado más de 30 ataques con explosivos en Arauca.",
        "past_summary",
    ),
    (
        "es",
        "El Ministerio de Defensa aseguró que no hubo ningún ataque contra la central.",
        "negation",
    ),
    ("es", "Según la Policía, dos agentes resultaron heridos en el ataque.", "statement"),
    (
        "ru",
        "Мы продолжим наносить удары по военным объектам, пригрозил представитель ведомства.",
        "future",
    ),
    (
        "ru",
        "Число атак беспилотников на НПЗ выросло на 30% по сравнению с прошлым кварталом.",
        "statistic",
    ),
    ("ru", "Группировка взяла на себя ответственность за нападение на военную колонну.", "claim"),
    ("ru", "В Минобороны опровергли сообщения об ударе по больнице.", "deny"),
    ("ru", "Если удары продолжатся, мы ответим, заявил губернатор.", "conditional"),
    (
        "ru",
        "С начала года Белгородская область подверглась обстрелам более тысячи раз.",
        "past_summary",
    ),
    ("ru", "Губернатор подтвердил гибель двух мирных жителей при обстреле.", "confirm"),
    ("ru", "«Мы не наносим ударов по жилым кварталам», — заявил представитель армии.", "negation"),
    (
        "uk",
        "Росія може завдати нових ударів по енергетиці, попереджають у Повітряних силах.",
        "future",
    ),
    ("uk", "Кількість атак шахедів у жовтні зросла на 40%.", "statistic"),
    ("uk", "Угруповання взяло на себе відповідальність за вибух на залізниці.", "claim"),
    ("uk", "У Міноборони спростували інформацію про удар по лікарні.", "deny"),
    ("uk", "Якщо обстріли продовжаться, евакуацію оголосять примусовою.", "conditional"),
    ("uk", "Минулої доби ворог 40 разів обстріляв прикордонні громади Сумщини.", "past_summary"),
    ("uk", "Начальник ОВА підтвердив загибель трьох людей внаслідок удару.", "confirm"),
    ("fr", "Le groupe a menacé de poursuivre ses attaques contre les bases américaines.", "future"),
    ("fr", "Les attaques ont augmenté de 45 % depuis janvier.", "statistic"),
    (
        "fr",
        "La Résistance islamique en Irak a revendiqué une attaque de drones contre la base.",
        "claim",
    ),
    ("en", "The group vowed to continue its attacks until U.S. troops leave Iraq.", "future"),
    ("en", "Drone attacks rose by 40 percent in October.", "statistic"),
    ("en", "Hezbollah claimed responsibility for the attack on the Israeli barracks.", "claim"),
]

# (language, sentence, cue kind that must not be read): words that look like a cue but are not.
NOT_CUES = [
    ("ar", "ولم تتبن أي جهة الهجوم حتى الآن.", "claim"),
    ("ar", "ولم تعلن أي جهة مسؤوليتها عن القصف، كما لم ترد معلومات عن إصابات.", "conditional"),
    ("ar", "أعلنت المقاومة استهداف القاعدة بطائرة مسيرة، مؤكدة أن الإصابة كانت مباشرة.", "confirm"),
    ("ar", "التقى الزعماء العرب في القمة.", "claim"),
    ("es", "Las dos facciones se enfrentaron entre sí durante la madrugada.", "conditional"),
    ("es", "El Ejército atribuyó el ataque al ELN, que no se ha pronunciado.", "claim"),
    (
        "es",
        "El ELN aseguró que cayeron siete militares, una cifra que el Ejército no ha confirmado.",
        "confirm",
    ),
    ("ru", "Ранен мужчина, его состояние не угрожает жизни.", "future"),
    ("ru", "Независимых подтверждений этому нет, Киев удар не подтвердил.", "confirm"),
    ("ru", "Ответственность за нападение никто на себя не взял.", "claim"),
    ("uk", "Офіційно цю цифру не підтвердили.", "confirm"),
    ("uk", "Поранено жінку, її життю нічого не загрожує.", "future"),
]

# (language, sentence, the event the sentence makes): what follows "in response to" is background.
CONTEXT = [
    ("ar", "استهدفت قوات الجيش مواقع التنظيم ردا على مجزرة ارتكبها في القرية.", "@attack"),
    (
        "es",
        "Hombres armados atacaron una patrulla en represalia por la masacre de tres campesinos.",
        CLASH,
    ),
    (
        "ru",
        "Армия нанесла удары по позициям боевиков в ответ на расстрел мирных жителей.",
        "@attack",
    ),
    (
        "uk",
        "Сили оборони уразили склад противника у відповідь на масований обстріл Харкова.",
        "@attack",
    ),
    (
        "fr",
        "L'armée a ciblé des positions rebelles en représailles au massacre de civils.",
        "@attack",
    ),
    (
        "en",
        "The army attacked rebel positions in retaliation for the massacre of villagers.",
        "@attack",
    ),
]

# (language, sentence): the main event word is passive, so its target comes first.
PASSIVE = [
    ("ar", "وكانت القاعدة قد تعرضت لهجوم بطائرة مسيرة."),
    ("es", "La base fue atacada por drones durante la madrugada."),
    ("ru", "Автомобиль был атакован дроном на трассе."),
    ("uk", "Автомобіль зазнав атаки дрона на трасі."),
    ("fr", "La base a été ciblée par des drones."),
    ("en", "The convoy came under attack near Gao."),
]


def _id(case: tuple[str, ...]) -> str:
    return f"{case[0]}: {case[1][:40]}"


@pytest.mark.parametrize(("lang", "sentence", "kind", "weapon"), EVENTS, ids=map(_id, EVENTS))
def test_event_sentences_give_their_sub_type_and_weapon(
    lang: str, sentence: str, kind: str, weapon: str | None
) -> None:
    reading = read(lang, sentence)
    assert (reading.kind, reading.weapon) == (kind, weapon)
    assert not reading.cues & set(NOT_NEW_EVENT_CUES), "an event sentence must stay an event"


@pytest.mark.parametrize(("lang", "sentence"), NO_EVENT, ids=map(_id, NO_EVENT))
def test_sentences_without_event_give_none(lang: str, sentence: str) -> None:
    assert read(lang, sentence).kind is None


@pytest.mark.parametrize(("lang", "sentence", "cue"), CUES, ids=map(_id, CUES))
def test_cue_sentences_hold_their_cue(lang: str, sentence: str, cue: str) -> None:
    assert cue in read(lang, sentence).cues


@pytest.mark.parametrize(("lang", "sentence", "cue"), NOT_CUES, ids=map(_id, NOT_CUES))
def test_look_alikes_are_not_cues(lang: str, sentence: str, cue: str) -> None:
    assert cue not in read(lang, sentence).cues


@pytest.mark.parametrize(("lang", "sentence", "kind"), CONTEXT, ids=map(_id, CONTEXT))
def test_event_words_after_a_context_cue_are_background(
    lang: str, sentence: str, kind: str
) -> None:
    reading = read(lang, sentence)
    assert "context" in reading.cues
    assert reading.kind == kind


@pytest.mark.parametrize(("lang", "sentence"), PASSIVE, ids=map(_id, PASSIVE))
def test_passive_event_words_are_seen(lang: str, sentence: str) -> None:
    assert read(lang, sentence).passive


@pytest.mark.parametrize("lang", CODEBOOK_LANGUAGES)
def test_every_language_is_tested(lang: str) -> None:
    assert sum(case[0] == lang for case in EVENTS) >= 10
    assert sum(case[0] == lang for case in NO_EVENT) >= 5
    assert {"future", "statistic", "claim"} <= {cue for lg, _, cue in CUES if lg == lang}


@pytest.mark.parametrize("lang", CODEBOOK_LANGUAGES)
@pytest.mark.parametrize("part", ["triggers", "weapons", "cues"])
def test_codebook_files_are_well_formed(lang: str, part: str) -> None:
    path = FILES.shipped_root() / lang / f"{part}.yaml"
    assert path.read_text(encoding="utf-8").startswith("#"), "a header comment comes first"
    data = FILES.read(f"{lang}/{part}.yaml")
    assert data["version"] == 1
    if part == "triggers":
        groups = [(g["sub_event_type"], g["patterns"]) for g in data["triggers"]]
        for sub_type, _ in groups:
            assert sub_type in TAXONOMY or sub_type in GENERIC_KINDS, sub_type
    elif part == "weapons":
        groups = list(data["weapons"].items())
        assert set(data["weapons"]) <= set(WEAPONS)
    else:
        groups = list(data["cues"].items())
        assert set(data["cues"]) == CUE_KINDS
    for name, patterns in groups:
        for pattern in patterns:
            assert isinstance(pattern, str), (name, pattern)
            if pattern not in LITERAL_STARS:
                assert "*" not in pattern.rstrip("*"), f"only a last word may run on: {pattern!r}"
            assert pattern.strip("* "), (name, pattern)
