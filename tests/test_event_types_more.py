"""Event types a careful coder tells apart: who was attacked (soldiers or civilians), who fought
(organised armed groups or a crowd), ground taken with a date or an adjective between the verb
and the place, what a protest is held against, and the developments ACLED calls "Other"."""

from __future__ import annotations

import pytest

from conflictlens import Pipeline
from conflictlens.model import Document, Event, PartialDate

CLASH = "Armed clash"


def _sub_types(pipeline: Pipeline, text: str, lang: str = "en") -> list[str]:
    doc = Document(doc_id="t", text=text, lang=lang, published=PartialDate.parse("2025-03-12"))
    return [event.sub_event_type for event in pipeline.extract(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Killing soldiers or police is a battle, whatever the verb.
        (
            "On 11 March, a sniper shot and killed two soldiers at a checkpoint in Kandahar.",
            "Armed clash",
        ),
        # Fights between communities are fights between their militias.
        (
            "On 11 March, two people died in ethnic clashes near Wajir.",
            "Armed clash",
        ),
        # Small arms beside mortars: the two sides fought at close range.
        (
            "On 11 March, rebel forces fired 82mm mortars and small arms at army positions near "
            "Avdiivka.",
            "Armed clash",
        ),
    ],
)
def test_battles(pipeline: Pipeline, text: str, expected: str) -> None:
    assert _sub_types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # Residents who beat a man to death are a mob, not an armed group.
        "On 11 March, residents of Kibera beat to death a man accused of stealing a phone.",
        # Political rivals who come to blows riot; they do not fight a battle.
        "On 11 March, clashes erupted between political rivals in Kisumu.",
    ],
)
def test_violence_by_a_crowd_is_mob_violence(pipeline: Pipeline, text: str) -> None:
    assert _sub_types(pipeline, text) == ["Mob violence"]


def test_a_date_between_the_taking_and_the_place(pipeline: Pipeline) -> None:
    text = "Yemeni government forces captured on Monday the port of Mokha from Huthi rebels."
    assert _sub_types(pipeline, text) == ["Government regains territory"]
    # People captured are no ground taken.
    text = "On 11 March, rebels captured two soldiers near Mokha."
    assert "Non-state actor overtakes territory" not in _sub_types(pipeline, text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les rebelles ont capturé lundi la ville de Goma, selon des sources locales.", "fr"),
        ("Los rebeldes capturaron el lunes la ciudad de Goma, según fuentes locales.", "es"),
    ],
)
def test_taking_a_town_in_french_and_spanish(pipeline: Pipeline, text: str, lang: str) -> None:
    assert _sub_types(pipeline, text, lang) == ["Non-state actor overtakes territory"]


def test_ground_taken_from_government_forces(pipeline: Pipeline) -> None:
    text = (
        "On 11 March, opposition fighters retook a strategic town from government forces, "
        "activists said."
    )
    assert _sub_types(pipeline, text) == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Journalists protested in Multan on Monday against the unjust arrest of their "
            "editor. He was arrested last month in an old case.",
            "en",
        ),
        (
            "Traders protested against the demolition of their stalls in Kwale on Monday.",
            "en",
        ),
        (
            "Сотни людей вышли на акцию протеста в Москве против незаконного ареста журналиста.",
            "ru",
        ),
        ("Журналісти вийшли на акцію протесту в Києві проти незаконного арешту колеги.", "uk"),
        (
            "تظاهر مئات الصحفيين في بغداد يوم الاثنين احتجاجا على الاعتقال التعسفي لزميلهم.",
            "ar",
        ),
    ],
)
def test_what_a_protest_is_against_is_not_what_happened_at_it(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert _sub_types(pipeline, text, lang) == ["Peaceful protest"]


def test_a_crowd_burning_after_its_protest_riots(pipeline: Pipeline) -> None:
    text = (
        "Students protested in Pouytenga on Monday over the results of their exams. They burned "
        "the town hall."
    )
    assert _sub_types(pipeline, text) == ["Violent demonstration"]


@pytest.mark.parametrize(
    "text",
    [
        "On 11 March, troops found a network of tunnels near Rafah.",
        "On 11 March, North Korea test-fired two ballistic missiles into the sea.",
    ],
)
def test_tunnels_and_weapons_tests_are_other_developments(pipeline: Pipeline, text: str) -> None:
    assert _sub_types(pipeline, text) == ["Other"]


@pytest.mark.parametrize(
    "text",
    [
        # Police dispersing a crowd that riots: the riot is the event.
        "On 11 March, police fired teargas to disperse rioting voters in Embakasi.",
        # Stones thrown by marchers make the march violent, whatever the police did.
        "On 11 March, hundreds of opposition supporters marched in Nairobi, throwing stones at "
        "the police who used tear gas against them.",
    ],
)
def test_a_crowd_that_riots_is_a_violent_demonstration(pipeline: Pipeline, text: str) -> None:
    assert _sub_types(pipeline, text) == ["Violent demonstration"]


def test_men_arrested_and_then_executed_were_killed(pipeline: Pipeline) -> None:
    text = "On 11 March, soldiers arrested six men at the market of Djibo, who were later executed."
    assert _sub_types(pipeline, text) == ["Attack"]


def test_what_burned_when_a_police_post_was_attacked_is_the_fights_damage(
    pipeline: Pipeline,
) -> None:
    text = (
        "On 11 March, gunmen attacked the police station in Bouroum, no casualties were "
        "reported, although the gunmen torched a shed."
    )
    assert _sub_types(pipeline, text) == ["Armed clash"]


def test_a_crowd_attacking_or_lynching_is_mob_violence(pipeline: Pipeline) -> None:
    told = [
        "À Butembo, des dizaines de jeunes en colère ont attaqué samedi deux camions de la police.",
        "À Bunia, un voleur présumé a été lynché lundi par des habitants.",
    ]
    for text in told:
        found = pipeline.extract(Document("crowd", text, lang="fr"))
        assert [e.sub_event_type for e in found] == ["Mob violence"], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # With no protest told, villagers throwing stones at a patrol are a mob.
        (
            "On 11 March, villagers pelted stones at a police patrol enforcing the curfew in "
            "Kisumu.",
            "Mob violence",
        ),
        (
            "On 11 March, a group of youths threw stones at officers who asked them to disperse "
            "in Mombasa.",
            "Mob violence",
        ),
        # Thrown by protesters, or beside a riot, the stones make a violent demonstration.
        (
            "On 11 March, protesters threw stones at the police outside parliament in Nairobi.",
            "Violent demonstration",
        ),
        (
            "On 11 March, traders rioted in Eldoret, threw stones and lit bonfires.",
            "Violent demonstration",
        ),
        ("On 11 March, rioters pelted stones at the police in Kisumu.", "Violent demonstration"),
    ],
)
def test_stones_thrown_riot_only_where_a_protest_or_riot_is_told(
    pipeline: Pipeline, text: str, expected: str
) -> None:
    assert _sub_types(pipeline, text) == [expected]


def test_stones_thrown_in_russian_without_a_protest_are_a_mob(pipeline: Pipeline) -> None:
    text = "11 марта жители посёлка забросали камнями полицейский патруль в Хасавюрте."
    assert _sub_types(pipeline, text, lang="ru") == ["Mob violence"]


@pytest.mark.parametrize(
    "text",
    [
        # A person set on fire was attacked; no property was destroyed.
        "On 11 March, gunmen seized a trader at the market of Garissa and set him on fire.",
        # A burned body found is what is left of an attack.
        "On 11 March, the charred body of a herder was found near Marsabit.",
    ],
)
def test_a_person_burned_is_an_attack(pipeline: Pipeline, text: str) -> None:
    assert _sub_types(pipeline, text)[:1] == ["Attack"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Killing a member of an armed group is a battle, as killing a soldier is.
        ("On 11 March, unknown gunmen shot and killed an Al Shabaab militant near Afgooye.", CLASH),
        (
            "On 11 March, soldiers executed two Al Shabaab fighters at a checkpoint near Afgooye.",
            CLASH,
        ),
        # Men the text only suspects of being militants are civilians.
        (
            "On 11 March, soldiers executed three herders suspected of being militants near Djibo.",
            "Attack",
        ),
    ],
)
def test_killing_a_named_armed_groups_member_is_a_clash(
    pipeline: Pipeline, text: str, expected: str
) -> None:
    assert _sub_types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A crowd the text calls violent or rowdy riots, even as the police disperse it.
        (
            "On 11 March, police fired into the air to disperse a rowdy crowd in Kiambu.",
            "Violent demonstration",
        ),
        (
            "On 11 March, a march against fuel prices in Nakuru turned chaotic.",
            "Violent demonstration",
        ),
        # A march broken up by the police is a protest with intervention.
        (
            "On 11 March, a demonstration of teachers was forcibly dispersed by police in Nairobi.",
            "Protest with intervention",
        ),
    ],
)
def test_a_crowds_turn_told_in_other_words(pipeline: Pipeline, text: str, expected: str) -> None:
    assert _sub_types(pipeline, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An arrest the crowd protests or demands is its grievance.
        (
            "On 11 March, hundreds of residents took to the streets in Voi in a protest for the "
            "arrest of a ward official accused of fraud.",
            "Peaceful protest",
        ),
        # An arrest told before the protest is the police breaking it up.
        (
            "On 11 March, police arrested 12 students during a protest in Nakuru.",
            "Protest with intervention",
        ),
    ],
)
def test_an_arrest_the_crowd_protests_is_no_intervention(
    pipeline: Pipeline, text: str, expected: str
) -> None:
    assert _sub_types(pipeline, text) == [expected]


def _events(pipeline: Pipeline, text: str, lang: str) -> list[Event]:
    doc = Document(doc_id="t", text=text, lang=lang, published=PartialDate.parse("2025-03-12"))
    return pipeline.extract(doc)


def test_a_headline_joins_the_event_of_its_own_kind_and_place(pipeline: Pipeline) -> None:
    # The headline sums up two events: the peaceful one keeps its sub-type.
    text = (
        "Мирна акція у Львові, у Харкові натовп заблокував дорогу\n\n"
        "У неділю у Львові кілька сотень студентів вийшли на мирну акцію проти підвищення плати "
        "за навчання.\n\n"
        "У суботу в Харкові натовп заблокував дорогу, частина натовпу розбила вікна автобуса."
    )
    events = _events(pipeline, text, "uk")
    assert [(e.location, e.sub_event_type) for e in events] == [
        ("Lviv", "Peaceful protest"),
        ("Kharkiv", "Violent demonstration"),
    ]


def test_a_headlines_speaker_is_not_the_events_place(pipeline: Pipeline) -> None:
    text = (
        "Ankara says it shot down a drone over Idlib\n\n"
        "The Turkish military said on Tuesday it had shot down an armed drone over Idlib province."
    )
    assert [e.location for e in _events(pipeline, text, "en")] == ["Idleb"]


def test_a_place_right_before_a_speaking_word_is_the_speakers(pipeline: Pipeline) -> None:
    text = (
        "Ukrainian air defences destroyed six Russian drones over the Kharkiv region on Sunday, "
        "officials in Kyiv said."
    )
    events = _events(pipeline, text, "en")
    assert [(e.sub_event_type, e.location) for e in events] == [
        ("Disrupted weapons use", "Kharkiv")
    ]


def test_a_capitalised_weekday_inside_a_name_is_no_date(pipeline: Pipeline) -> None:
    # "Domingo" is the commander's name; the 12th (a Wednesday) is the only date to go by.
    text = "Hombres del comandante Domingo Pérez atacaron con fusiles una patrulla en Tame."
    events = _events(pipeline, text, "es")
    assert [str(e.event_date) for e in events] == ["2025-03-12"]


def test_a_toll_at_a_new_place_and_day_sets_the_scene(pipeline: Pipeline) -> None:
    text = (
        "La policía dispersó ayer con gases lacrimógenos a cientos de manifestantes en Valencia. "
        "En Barquisimeto, la jornada del lunes terminó con dos muertos. Tres personas murieron "
        "por disparos de militares durante una marcha."
    )
    events = _events(pipeline, text, "es")
    assert [e.location for e in events] == ["Valencia", "Barquisimeto"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Le Jihad islamique a revendiqué mercredi un tir de roquettes sur Ashdod. L'armée a "
            "précisé que les roquettes avaient été interceptées au-dessus d'Ashdod.",
            "fr",
        ),
        (
            "La Yihad Islámica reivindicó el miércoles el lanzamiento de cohetes contra Ashdod. "
            "Los cohetes fueron interceptados sobre Ashdod, según el Ejército.",
            "es",
        ),
    ],
)
def test_a_claimed_launch_stopped_before_it_struck_is_the_interception(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    events = _events(pipeline, text, lang)
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]
    assert events[0].actor2 is not None  # the side whose weapon was stopped


def test_a_crowd_rioting_over_detained_men_is_one_riot(pipeline: Pipeline) -> None:
    text = (
        "У п'ятницю у Львові кілька десятків людей оточили автобус, в якому сиділи затримані "
        "чоловіки. Частина натовпу розбила вікна автобуса."
    )
    assert [e.sub_event_type for e in _events(pipeline, text, "uk")] == ["Violent demonstration"]


def test_a_jet_that_bombed_a_market_made_an_air_strike(pipeline: Pipeline) -> None:
    text = "Four farmers died when an army jet bombed a market in Darfur on Monday."
    assert _sub_types(pipeline, text) == ["Air/drone strike"]


def test_a_region_in_a_groups_name_is_not_the_events_place(pipeline: Pipeline) -> None:
    text = (
        "Un convoi de l'armée malienne est tombé jeudi dans une embuscade près de Tombouctou. "
        "Le gouvernement a confirmé l'attaque, revendiquée par l'État islamique au Sahel, et "
        "annoncé quatre soldats tués."
    )
    events = _events(pipeline, text, "fr")
    assert [e.location for e in events] == ["Timbuktu"]


def test_militants_claiming_a_groups_attack_are_that_group(pipeline: Pipeline) -> None:
    text = (
        "Боевики JNIM напали на военный лагерь у города Тимбукту, заявила группировка. "
        "Боевики утверждают, что убили двенадцать солдат."
    )
    events = _events(pipeline, text, "ru")
    assert [e.sub_event_type for e in events] == [CLASH]


PLAIN_KILLINGS = [
    ("en", "Gunmen killed three soldiers in Kidal, Mali, on Monday."),
    ("fr", "Des hommes armés ont tué trois soldats à Kidal, au Mali, lundi."),
    ("es", "Hombres armados mataron a tres soldados en Kidal, Malí, el lunes."),
    ("ru", "Боевики убили трёх солдат в Кидале, Мали, в понедельник."),
    ("uk", "Бойовики вбили трьох солдатів у Кідалі, Малі, у понеділок."),
    ("ar", "قتل مسلحون ثلاثة جنود في كيدال بمالي يوم الاثنين."),
]


@pytest.mark.parametrize(("lang", "text"), PLAIN_KILLINGS)
def test_a_plain_killing_is_an_event_in_every_language(
    pipeline: Pipeline, lang: str, text: str
) -> None:
    """ "ont tué" and "قتل" tell a killing with no attack word, as "killed" does."""
    doc = Document("killing", text, lang=lang, published=PartialDate(2024, 5, 22))
    assert [(e.event_type, e.fatalities) for e in pipeline.extract(doc)] == [("Battles", 3)]
