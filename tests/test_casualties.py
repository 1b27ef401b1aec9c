"""Killed and injured counts in six languages, and the number words they are read with."""

from __future__ import annotations

import pytest

from conflictlens.codebook import CODEBOOK_LANGUAGES, CodebookFiles
from conflictlens.coder.casualties import CasualtyRules
from conflictlens.text.fold import fold
from conflictlens.text.numbers import NumberWords

LEAD = "Intro sentence. "


@pytest.fixture(scope="module")
def rules() -> dict[str, CasualtyRules]:
    files = CodebookFiles()
    return {lang: CasualtyRules.load(files, lang) for lang in CODEBOOK_LANGUAGES}


def counts(rules: dict[str, CasualtyRules], lang: str, sentence: str) -> list[str]:
    """ "killed 3", "injured 0", ... in the order the sentence states them."""
    text = LEAD + sentence + " Outro 5 killed."
    start, end = len(LEAD), len(LEAD) + len(sentence)
    found = rules[lang].find(text, fold(text), start, end)
    for mention in found:
        assert mention.span.text == text[mention.span.start : mention.span.end]
        assert start <= mention.span.start < mention.span.end <= end
    return [f"{m.kind} {m.count}" for m in found]


CASES: list[tuple[str, str, list[str]]] = [
    # French
    ("fr", "Trois civils ont été tués dans la frappe.", ["killed 3"]),
    ("fr", "Le bilan fait état de deux morts et sept blessés.", ["killed 2", "injured 7"]),
    ("fr", "La frappe a tué au moins cinq personnes et blessé 12 autres.",
     ["killed 5", "injured 12"]),
    ("fr", "Trois civils palestiniens ont été tués et cinq autres blessés.",
     ["killed 3", "injured 5"]),
    ("fr", "Des dizaines de civils ont été tués.", ["killed 10"]),
    ("fr", "Une douzaine de blessés ont été évacués.", ["injured 12"]),
    ("fr", "Des centaines de personnes ont été blessées.", ["injured 100"]),
    ("fr", "Un soldat a été tué.", ["killed 1"]),
    ("fr", "Quatre-vingt-dix-sept morts ont été recensés.", ["killed 97"]),
    ("fr", "Vingt et un civils ont été tués.", ["killed 21"]),
    ("fr", "L'attaque n'a fait aucune victime.", ["killed 0", "injured 0"]),
    ("fr", "Plusieurs morts et 3 blessés.", ["injured 3"]),
    ("fr", "Le 7 octobre, 12 soldats ont été blessés.", ["injured 12"]),
    ("fr", "Les 12 attaques ont tué 3 soldats.", ["killed 3"]),
    ("fr", "Trois drones ont été abattus et deux missiles ont été tirés.", []),
    ("fr", "Les 12 attaques ont blessé des civils.", []),
    ("fr", "En 2023, des civils ont été tués à 30 km de la ville.", []),
    ("fr", "Le rythme des attaques a augmenté de 45 %, selon le Pentagone.", []),
    ("fr", "Plus de 1 200 personnes ont été tuées le 7 octobre dernier.", ["killed 1200"]),
    ("fr", "La mort de deux soldats a été confirmée.", ["killed 2"]),
    # English
    ("en", "3 killed in the strike on the market.", ["killed 3"]),
    ("en", "The strike killed at least five people and wounded 12 others.",
     ["killed 5", "injured 12"]),
    ("en", "A dozen wounded were taken to hospital.", ["injured 12"]),
    ("en", "Dozens killed as shells hit the market.", ["killed 12"]),
    ("en", "Five Palestinian civilians were killed and seven injured.", ["killed 5", "injured 7"]),
    ("en", "Two US service members were wounded.", ["injured 2"]),
    ("en", "The militia launched 3 drones at the base, killing two.", ["killed 2"]),
    ("en", "Hundreds of people were injured.", ["injured 100"]),
    ("en", "The death toll rose to 1,200.", ["killed 1200"]),
    ("en", "The attack on October 7 killed 1,200 people.", ["killed 1200"]),
    ("en", "Twenty-one soldiers died.", ["killed 21"]),
    ("en", "No casualties were reported.", ["killed 0", "injured 0"]),
    ("en", "Several people were killed.", []),
    ("en", "In 2023, 12 attacks killed civilians 30 km from the border.", []),
    ("en", "Three drones were shot down and two missiles were intercepted.", []),
    ("en", "A civilian was killed in the strike.", ["killed 1"]),
    ("en", "A soldier said 3 people were killed.", ["killed 3"]),
    ("en", "Angry crowd lynches man accused of theft in market town.", ["killed 1"]),
    ("en", "Police informant shot dead outside his home.", ["killed 1"]),
    ("en", "The man killed two herders before fleeing.", ["killed 2"]),
    ("en", "Gunmen killed villagers and burned their homes.", []),
    # A people noun counting itself, apart from its casualty word or listed with another.
    ("en", "A shepherd's widow was found dead near the well.", ["killed 1"]),
    ("en", "A man and a woman were found dead in the field.", ["killed 2"]),
    ("en", "Gunmen shot dead a lawyer outside the court.", ["killed 1"]),
    ("en", "Militants kill official in the camp.", ["killed 1"]),
    # The longest stem says what a word is: "villagers" are people, "villages" a unit.
    ("en", "Militants killed two villagers and burned three villages.", ["killed 2"]),
    ("en", "Troops killed three attackers after 2 attacks on the post.", ["killed 3"]),
    ("en", "Gunmen killed between 11 and 20 people at the market.", ["killed 11"]),
    ("en", "Two siblings were shot to death at the farm.", ["killed 2"]),
    # Victims of two joined verbs ("were kidnapped and later killed").
    ("en", "4 farmers were attacked and killed near the river.", ["killed 4"]),
    ("en", "2 soldiers were kidnapped and later killed.", ["killed 2"]),
    ("fr", "Trois soldats ont été enlevés et tués.", ["killed 3"]),
    ("es", "Tres soldados fueron secuestrados y asesinados.", ["killed 3"]),
    ("ru", "Трое военных были атакованы и убиты.", ["killed 3"]),
    ("uk", "Троє військових були атаковані та вбиті.", ["killed 3"]),
    # Injuries as a noun phrase after its verb; statements that nobody was hurt.
    ("uk", "Загинули п'ятеро людей, ще 23 дістали поранення.", ["killed 5", "injured 23"]),
    ("ru", "Погибли пять человек, ещё 23 получили ранения.", ["killed 5", "injured 23"]),
    ("uk", "Пошкоджено склади, люди не постраждали.", ["killed 0", "injured 0"]),
    ("es", "El dron cayó sin causar daños ni víctimas.", ["killed 0", "injured 0"]),
    # A date or a time after the casualty word is no count.
    ("en", "The trader was found dead on 23/03/2017 in his shop.", ["killed 1"]),
    ("en", "The convoy was hit and 4 were killed at 10:30 on the road.", ["killed 4"]),
    # Arabic
    ("ar", "قتل ثلاثة مدنيين وأصيب خمسة آخرون في القصف", ["killed 3", "injured 5"]),
    ("ar", "أسفر القصف عن مقتل 4 جنود", ["killed 4"]),
    ("ar", "أدى الهجوم إلى سقوط عشرات القتلى", ["killed 10"]),
    ("ar", "قتيلان وجريحان في الهجوم", ["killed 2", "injured 2"]),
    ("ar", "مقتل جنديين وإصابة ثلاثة آخرين", ["killed 2", "injured 3"]),
    ("ar", "استشهد ثلاثة وعشرون فلسطينيا", ["killed 23"]),
    ("ar", "ارتفع عدد القتلى إلى ٢٣", ["killed 23"]),
    ("ar", "نقل مئات الجرحى إلى المستشفيات", ["injured 100"]),
    ("ar", "قتلت ثلاث نساء في القصف", ["killed 3"]),
    ("ar", "قتل جندي إسرائيلي وأصيب اثنان آخران", ["killed 1", "injured 2"]),
    ("ar", "قتل 21 جنديا", ["killed 21"]),
    ("ar", "قتل 3 وجرح 5 في القصف", ["killed 3", "injured 5"]),
    ("ar", "لا إصابات في صفوف القوات", ["killed 0", "injured 0"]),
    ("ar", "أصيبت 3 طائرات مسيرة بنيران الدفاعات", []),
    ("ar", "قتل عدة أشخاص في الهجوم", []),
    ("ar", "شنت المقاومة 12 هجوما على القواعد", []),
    # Spanish
    ("es", "Dos muertos y tres heridos dejó el ataque.", ["killed 2", "injured 3"]),
    ("es", "Hubo un muerto en el tiroteo.", ["killed 1"]),
    ("es", "Al menos cinco civiles murieron en el ataque.", ["killed 5"]),
    ("es", "El bombardeo mató a tres soldados e hirió a otros doce.",
     ["killed 3", "injured 12"]),
    ("es", "Decenas de muertos tras el bombardeo.", ["killed 10"]),
    ("es", "Una docena de heridos fueron atendidos.", ["injured 12"]),
    ("es", "Treinta y dos muertos en la ofensiva.", ["killed 32"]),
    ("es", "No hubo víctimas.", ["killed 0", "injured 0"]),
    ("es", "Lanzaron 12 cohetes que mataron a 2 personas.", ["killed 2"]),
    ("es", "El 7 de octubre murieron 30 personas.", ["killed 30"]),
    ("es", "Varios heridos fueron trasladados.", []),
    ("es", "Lanzaron 12 drones y dos misiles contra la base.", []),
    # Russian
    ("ru", "Погибли двое.", ["killed 2"]),
    ("ru", "В результате удара погибли три мирных жителя, еще пятеро ранены.",
     ["killed 3", "injured 5"]),
    ("ru", "Двое погибших и семеро раненых.", ["killed 2", "injured 7"]),
    ("ru", "По меньшей мере 12 человек погибли.", ["killed 12"]),
    ("ru", "Погиб один человек.", ["killed 1"]),
    ("ru", "Десятки раненых доставлены в больницу.", ["injured 10"]),
    ("ru", "Ранены трое военнослужащих.", ["injured 3"]),
    ("ru", "Погибли двадцать три человека.", ["killed 23"]),
    ("ru", "Погиб мирный житель.", ["killed 1"]),
    ("ru", "21 военнослужащий погиб.", ["killed 21"]),
    ("ru", "Обошлось без жертв.", ["killed 0", "injured 0"]),
    ("ru", "Несколько человек погибли.", []),
    ("ru", "Россия запустила 30 беспилотников, погибли 2 человека.", ["killed 2"]),
    ("ru", "15 марта ранены 4 человека.", ["injured 4"]),
    ("ru", "Сбиты 12 беспилотников и три ракеты.", []),
    # Ukrainian
    ("uk", "Троє загиблих.", ["killed 3"]),
    ("uk", "Поранено семеро.", ["injured 7"]),
    ("uk", "Загинули двоє людей, ще п'ятеро поранені.", ["killed 2", "injured 5"]),
    ("uk", "Щонайменше 12 людей загинули.", ["killed 12"]),
    ("uk", "Двох людей поранено.", ["injured 2"]),
    ("uk", "Внаслідок удару загинули трьох цивільних.", ["killed 3"]),
    ("uk", "Десятки загиблих.", ["killed 10"]),
    ("uk", "Обійшлося без жертв.", ["killed 0", "injured 0"]),
    ("uk", "Внаслідок атаки загинула сім'я.", []),
    ("uk", "Кілька людей поранені.", []),
    ("uk", "Ворог запустив 40 шахедів, поранено трьох цивільних.", ["injured 3"]),
    ("uk", "Збито 12 безпілотників і дві ракети.", []),
    # One person named in the accusative after an impersonal verb, an age between
    ("uk", "Ворог обстріляв місто: поранено 67-річну жінку.", ["injured 1"]),
    ("uk", "Вбито 45-річного чоловіка.", ["killed 1"]),
    ("ru", "Противник обстрелял город, ранена 67-летняя женщина.", ["injured 1"]),
    ("ru", "Ранили мужчину.", ["injured 1"]),
    # One person named after the casualty word, even behind a noun that names what they are.
    ("en", "Gunmen killed a cattle trader near the market.", ["killed 1"]),
    ("en", "Militants assassinated the village chief at dawn.", ["killed 1"]),
    ("en", "Bandits robbed the shop and killed the watchman.", ["killed 1"]),
    ("en", "Police returned fire and killed the gunman.", ["killed 1"]),
    ("en", "Gunmen killed a farmer and his brother.", ["killed 2"]),
    # The subject of a passive is its victim, whatever the words that name it.
    ("en", "1 commando was killed and 1 was wounded.", ["killed 1", "injured 1"]),
    ("en", "Two Mayi Mayi fighters' aides were killed in the raid.", ["killed 2"]),
    ("en", "One gendarme killed, the post ransacked.", ["killed 1"]),
    # A singular pronoun is one person.
    ("en", "He was later executed by his captors.", ["killed 1"]),
    ("fr", "Il a été tué par balle.", ["killed 1"]),
    ("ru", "Он был убит при обстреле.", ["killed 1"]),
    # A number inside an article's noun phrase counts; a count "including" is part of another.
    ("en", "The blast killed a total of 5 people.", ["killed 5"]),
    ("en", "Four militants including a commander were killed.", ["killed 4"]),
    # Names the codebook does not know, listed with "and", add up.
    ("en", "Two Lobi and three Dagara were killed in the clash.", ["killed 5"]),
    # A casualty word that did not happen, or a deed recalled about someone.
    ("en", "The mob nearly lynched the suspect.", []),
    ("en", "A man accused of killing a goat herder was arrested.", []),
    # A singular passive auxiliary right before its verb is one victim, whatever names them.
    ("en", "Omar Haji was shot dead outside his office.", ["killed 1"]),
    ("fr", "Le maire a été assassiné devant la mairie.", ["killed 1"]),
    ("es", "El alcalde fue asesinado a tiros.", ["killed 1"]),
    ("ru", "Глава села был убит.", ["killed 1"]),
    ("fr", "Un drone s'est abattu près d'un hangar.", []),
    # A person named right after the casualty word is one victim; a group or a day is not.
    ("en", "Gunmen shot and killed Omar Dahir, a local official, outside his home.",
     ["killed 1"]),
    # Bodies found are the dead.
    ("en", "The bodies of 2 herders were found near the well.", ["killed 2"]),
    # A toll left unknown, a date, a deed that is no one's death.
    ("en", "Two guards were killed or wounded in the ambush.", []),
    ("en", "Journalists killed in 12/98 were honoured.", []),
    ("en", "The officers executed a coup at dawn.", []),
    # A passive auxiliary after "and" is its subject's verb, not another victim.
    ("en", "A park warden disappeared on Sunday and was later found murdered.", ["killed 1"]),
    # The deed itself after "after", and a killing an act resulted in, stay counts.
    ("en", "After killing two guards, the gunmen fled.", ["killed 2"]),
    ("en", "The raid resulted in the killing of 4 militants.", ["killed 4"]),
    ("en", "A guard was arrested after shooting dead a trader.", ["killed 1"]),
    ("en", "Two farmers were killed following a dispute over cattle.", ["killed 2"]),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "sentence", "expected"), CASES)
def test_casualty_counts(
    rules: dict[str, CasualtyRules], lang: str, sentence: str, expected: list[str]
) -> None:
    assert counts(rules, lang, sentence) == expected


def test_a_count_and_its_words_make_the_span(rules: dict[str, CasualtyRules]) -> None:
    text = "La frappe a tué au moins cinq personnes."
    found = rules["fr"].find(text, fold(text), 0, len(text))
    assert [m.span.text for m in found] == ["tué au moins cinq"]


def test_only_the_given_sentence_is_read(rules: dict[str, CasualtyRules]) -> None:
    text = "Trois soldats. Ont été tués hier."
    second = text.index("Ont")
    assert rules["fr"].find(text, fold(text), second, len(text)) == []


NUMBER_CASES = [
    ("fr", "quatre-vingt-dix-sept", 97),
    ("fr", "soixante et onze", 71),
    ("fr", "deux mille trois cents", 2300),
    ("fr", "3 000", 3000),
    ("en", "one hundred and twenty", 120),
    ("en", "1,200", 1200),
    ("ar", "ثلاثة عشر", 13),
    ("ar", "خمسة وعشرون", 25),
    ("ar", "3 آلاف", 3000),
    ("ar", "٢٠", 20),
    ("es", "veintiún", 21),
    ("es", "ciento veinte", 120),
    ("ru", "двадцати трех", 23),
    ("ru", "троих", 3),
    ("uk", "п'ятеро", 5),
    ("uk", "сто двадцять", 120),
]


@pytest.mark.parametrize(("lang", "words", "value"), NUMBER_CASES)
def test_number_words(lang: str, words: str, value: int) -> None:
    numbers = NumberWords.load(CodebookFiles(), lang).find(fold(words))
    assert [(n.start, n.end, n.value) for n in numbers] == [(0, len(words), value)]


def test_numbers_that_are_no_whole_count() -> None:
    reader = NumberWords.load(CodebookFiles(), "en")
    text = fold("several, 3.5, 2.5 million, dozens, two three")
    assert [(n.value, n.vague) for n in reader.find(text)] == [
        (None, False),
        (None, False),
        (None, False),
        (12, True),
        (2, False),
        (3, False),
    ]


# Lists of victims joined by commas, and the dead of both sides of one fight.
VICTIM_CASES: list[tuple[str, str, list[str]]] = [
    (
        "en",
        "Three soldiers, two policemen and one civilian were killed in the ambush.",
        ["killed 6"],
    ),
    ("en", "The gunmen killed four farmers, two herders and a child near the well.", ["killed 7"]),
    (
        "fr",
        "Trois soldats, deux policiers et un civil ont été tués dans l'embuscade.",
        ["killed 6"],
    ),
    ("es", "Tres soldados, dos policías y un civil murieron en la emboscada.", ["killed 6"]),
    (
        "ru",
        "Трое военных, двое полицейских и один мирный житель погибли при нападении.",
        ["killed 6"],
    ),
    # both sides: all the deaths of the fight
    (
        "en",
        "Gunmen killed six soldiers on the road, and the army said it killed eleven "
        "attackers in its response.",
        ["killed 17"],
    ),
    ("en", "Two soldiers were killed and the patrol killed three assailants.", ["killed 5"]),
    (
        "fr",
        "Cinq soldats ont été tués et l'armée a tué douze assaillants lors de la riposte.",
        ["killed 17"],
    ),
    ("es", "Cinco soldados murieron y el ejército mató a doce atacantes.", ["killed 17"]),
    ("ru", "Погибли пятеро военнослужащих, убиты двенадцать боевиков.", ["killed 17"]),
    ("uk", "Загинули п'ятеро військових, вбито дванадцять бойовиків.", ["killed 17"]),
    ("ar", "قتل خمسة جنود وقتل اثنا عشر مسلحا في الهجوم.", ["killed 17"]),
    # a parenthesis that says more of the people counted
    ("en", "Five civilians (including two children) were killed by the shell.", ["killed 5"]),
    ("fr", "Cinq civils (dont deux enfants) ont été tués par l'obus.", ["killed 5"]),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), VICTIM_CASES)
def test_lists_and_sides_of_victims(
    rules: dict[str, CasualtyRules], lang: str, sentence: str, expected: list[str]
) -> None:
    assert counts(rules, lang, sentence) == expected


# One victim named by a bare noun after its adjective, by a title, or stoned to death.
NAMED_CASES: list[tuple[str, str, list[str]]] = [
    ("en", "Gunmen kill Italian missionary", ["killed 1"]),
    ("en", "Gunmen assassinated the secretary general of the party at his home.", ["killed 1"]),
    ("en", "A vigilante mob stone to death two drivers.", ["killed 2"]),
    ("en", "Forty warriors killed in a failed cattle raid.", ["killed 40"]),
    # the victims of one fate after another: "abducted and then killed"
    ("en", "Two men were abducted and then killed near the river.", ["killed 2"]),
    ("fr", "Deux hommes ont été enlevés et ensuite tués près du fleuve.", ["killed 2"]),
    ("es", "Dos hombres fueron secuestrados y luego asesinados.", ["killed 2"]),
    ("ru", "Двое мужчин были похищены и затем убиты.", ["killed 2"]),
    ("uk", "Двоє чоловіків були викрадені і потім вбиті.", ["killed 2"]),
    # an age is no count
    ("en", "Gunmen shot a 7 yr old girl dead at a checkpoint.", ["killed 1"]),
    # a person and their kin, or another person: two victims, however each is described
    ("en", "Raiders shot dead a male farmer and his two daughters near the well.", ["killed 3"]),
    ("en", "Militants killed a preacher and his son on the road.", ["killed 2"]),
    ("en", "Troops killed an old shepherd and his son near the river.", ["killed 2"]),
    ("en", "A village teacher and another civilian died in the ambush.", ["killed 2"]),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), NAMED_CASES)
def test_victims_named_by_their_noun(
    rules: dict[str, CasualtyRules], lang: str, sentence: str, expected: list[str]
) -> None:
    assert counts(rules, lang, sentence) == expected


RECALLED_CASES: list[tuple[str, str]] = [
    ("en", "Riots broke out in the market after a vendor was killed by a guard."),
    ("en", "Students blocked the road after unknown men killed a classmate."),
    ("en", "Villagers marched, demanding justice over the killing of a herder."),
    ("fr", "Des jeunes ont brûlé des pneus après que deux élèves ont été tués par la police."),
    ("es", "Los vecinos quemaron la comisaría después de que dos jóvenes fueran asesinados."),
    ("ru", "Жители перекрыли дорогу после того как двое мужчин были убиты."),
    ("uk", "Мешканці перекрили дорогу після того як двоє чоловіків були вбиті."),
    ("en", "Pupils protested over the death of a classmate who was killed by a speeding bus."),
]


@pytest.mark.parametrize(("lang", "sentence"), RECALLED_CASES)
def test_a_death_told_as_the_cause_is_no_toll(
    rules: dict[str, CasualtyRules], lang: str, sentence: str
) -> None:
    """A death the sentence gives as the cause of what it tells ("after a vendor was killed",
    "the killing of a herder") is an earlier event's, not a toll of this one."""
    assert counts(rules, lang, sentence) == []


SEVERAL_KILLED_CASES: list[tuple[str, str, list[str]]] = [
    ("en", "The air force killed several insurgents near the dam.", ["killed 10"]),
    ("en", "Troops swept the forest, killing an unspecified number of fighters.", ["killed 10"]),
    ("fr", "Les soldats ont tué plusieurs assaillants près du barrage.", ["killed 10"]),
    ("es", "Los soldados mataron a varios pistoleros en la sierra.", ["killed 10"]),
    ("ru", "Военные убили нескольких боевиков у плотины.", ["killed 10"]),
    ("uk", "Військові вбили кількох бойовиків біля греблі.", ["killed 10"]),
    # Animals are no casualties, and "several" alone counts nothing.
    ("en", "A mine killed several goats near the well.", []),
    ("en", "A tourist was killed several weeks ago near the coast.", ["killed 1"]),
    ("en", "Several guards were wounded.", []),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), SEVERAL_KILLED_CASES)
def test_a_killing_of_several_is_ten(
    rules: dict[str, CasualtyRules], lang: str, sentence: str, expected: list[str]
) -> None:
    """ACLED codes a killing of "several" (or of "an unspecified number") as 10 deaths."""
    assert counts(rules, lang, sentence) == expected


WORDS_AROUND_CASES: list[tuple[str, str, list[str]]] = [
    # A number right after the verb is its object: the words before it did the killing.
    ("en", "A herder shot and killed four goats that strayed into his field.", []),
    # A death done to the verb's object: "beat ... to death".
    ("en", "Vigilantes beat a suspected cattle thief to death.", ["killed 1"]),
    # An "and" between people, with their adjectives, joins one group of victims.
    ("en", "Two gendarmes and local soldiers were killed.", ["killed 2"]),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), WORDS_AROUND_CASES)
def test_what_the_words_around_a_count_make_of_it(
    rules: dict[str, CasualtyRules], lang: str, sentence: str, expected: list[str]
) -> None:
    assert counts(rules, lang, sentence) == expected
