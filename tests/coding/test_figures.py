"""Figures: killed, injured, arrested and crowd size attached to the right words (en, ru, ky).

Sentences are samples written for these tests, not quotes from any outlet.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.coding.figures.extract import Figures, extract_figures
from sitroom.model import CrowdSize

# (text, lang, fatalities, injuries, arrests)
CASUALTIES = [
    ("So far, at least one person is dead, 1000+ are injured, the white house is burned.",
     "en", 1, 1000, None),
    ("5 people were killed and 20 injured in clashes.", "en", 5, 20, None),
    ("Clashes kill 5, injure 20 in Osh.", "en", 5, 20, None),
    ("A protester was killed and two police officers were wounded.", "en", 1, 2, None),
    ("At least 12 people, including 2 police officers, were killed.", "en", 12, None, None),
    ("The death toll rose to 14 on Wednesday.", "en", 14, None, None),
    ("Dozens were injured when police fired tear gas.", "en", None, 12, None),
    ("Security forces killed three protesters in Mandalay.", "en", 3, None, None),
    ("Gunmen abducted 20 students and killed a teacher.", "en", 1, None, None),
    ("In 2019, 300 people were arrested.", "en", None, None, 300),
    ("An explosion killed 8 soldiers and wounded 11 others near Aleppo.", "en", 8, 11, None),
    ("Nobody was killed but 4 were hurt.", "en", 0, 4, None),
    ("No one was injured.", "en", None, 0, None),
    ("Police detained 50 of the 3,000 protesters.", "en", None, None, 50),
    ("Police arrested more than 100 demonstrators on Saturday.", "en", None, None, 100),
    ("Three police officers and two protesters died.", "en", 5, None, None),
    ("The Health Ministry said 590 people sought medical help.", "en", None, 590, None),
    ("Several people were wounded by rubber bullets.", "en", None, 10, None),
    ("Hundreds were detained across the country.", "en", None, None, 100),
    ("Militants attacked the village, killing 2 and injuring 5.", "en", 2, 5, None),
    ("The blast left 4 dead.", "en", 4, None, None),
    ("Two soldiers were killed and another three wounded.", "en", 2, 3, None),
    ("A 35-year-old man was killed.", "en", 1, None, None),
    ("Unidentified gunmen shot and killed a village chief.", "en", 1, None, None),
    ("A gunman killed 3 people.", "en", 3, None, None),
    ("A suicide bomber killed 15 worshippers at a mosque.", "en", 15, None, None),
    ("Over 20 people were injured and 6 killed.", "en", 6, 20, None),
    ("The strike killed eleven civilians, among them four children.", "en", 11, None, None),
    ("1 fatality.", "en", 1, None, None),
    # agents are not victims; "killed or wounded" is neither figure
    ("Two Palestinian suicide bombers killed 23 people as well as themselves.", "en", 23, None,
     None),
    ("Two gunmen killed a policeman and wounded three civilians.", "en", 1, 3, None),
    ("Police killed two gunmen.", "en", 2, None, None),
    ("Lebanon said 20 people were killed or wounded.", "en", None, None, None),
    ("A Palestinian prisoner died as a result of torture.", "en", 1, None, None),
    ("A prominent anti-Syria journalist has been killed in a car bomb explosion.", "en", 1, None,
     None),
    ("Hezbollah guerrillas killed the deputy chief of the militia.", "en", 1, None, None),
    ("Egyptian police opened fire on demonstrators, killing one person and arresting 12.", "en",
     1, None, 12),
    ("No fatalities reported.", "en", 0, None, None),
    ("10 vehicles were torched.", "en", None, None, None),
    # one victim without a number
    ("Police in Tehran arrested a well-known rapper on Friday.", "en", None, None, 1),
    ("Gendarmes arrested opposition leader Ousmane Sonko on Wednesday.", "en", None, None, 1),
    ("Alexei Navalny was detained at the airport.", "en", None, None, 1),
    ("Police officers beat a street vendor to death on Sunday.", "en", 1, None, None),
    ("Бывший президент Алмазбек Атамбаев снова задержан в субботу.", "ru", None, None, 1),
    ("Взорвался автомобиль журналистки; она погибла на месте.", "ru", 1, None, None),
    ("No one was arrested.", "en", None, None, 0),
    # lists and asides
    ("A bomb exploded near Quetta, killing a policeman and two civilians and injuring 23.", "en",
     3, 23, None),
    ("At least 72 people, many of them children, were killed in the attack.", "en", 72, None,
     None),
    ("Five soldiers and an unknown number of militants were killed.", "en", 5, None, None),
    ("Силовики ликвидировали двух боевиков.", "ru", 2, None, None),
    ("Авиаудар унёс жизни по меньшей мере девяти человек.", "ru", 9, None, None),
    ("Полиция задержала несколько десятков человек.", "ru", None, None, 12),
    ("Погибли двое, пострадали 590 человек.", "ru", 2, 590, None),
    ("Погибли 3 человека, еще 5 получили ранения.", "ru", 3, 5, None),
    ("Убиты двое военнослужащих.", "ru", 2, None, None),
    ("Госпитализированы 12 человек.", "ru", None, 12, None),
    ("Число погибших возросло до 14.", "ru", 14, None, None),
    ("Один человек погиб, еще 1200 пострадали.", "ru", 1, 1200, None),
    ("Задержаны 15 человек.", "ru", None, None, 15),
    ("В результате столкновений погиб один человек.", "ru", 1, None, None),
    ("Статья 5 закона о выборах; в 2020 году погибли 3 человека.", "ru", 3, None, None),
    ("Более 100 человек были задержаны полицией.", "ru", None, None, 100),
    ("Ранены десятки человек.", "ru", None, 12, None),
    ("Никто не пострадал.", "ru", None, 0, None),
    ("Бир адам каза болду, 600дөн ашык адам жаракат алды.", "ky", 1, 600, None),
    ("Милиция 20 адамды кармады.", "ky", None, None, 20),
    ("Кагылышууда эки адам каза болду.", "ky", 2, None, None),
    ("Үч киши ооруканага жеткирилди.", "ky", None, 3, None),
    ("Экөө өлтүрүлдү.", "ky", 2, None, None),
    ("Жүздөгөн адам жарадар болду.", "ky", None, 100, None),
    ("Бир адам мерт болду, 20 адам камакка алынды.", "ky", 1, None, 20),
    ("Маалымат боюнча, 1200дөн ашык адам медициналык жардамга кайрылды.", "ky", None, 1200,
     None),
]


@pytest.mark.parametrize(("text", "lang", "dead", "hurt", "held"), CASUALTIES)
def test_casualties(text, lang, dead, hurt, held):
    f = extract_figures(text, lang)
    assert (f.fatalities, f.injuries, f.arrests) == (dead, hurt, held)


CROWDS = [
    ("According to reports, no more than 10,000 people (from a population of 6 million) "
     "took part in the protests.", "en", (None, 10000)),
    ("Some 5,000 protesters gathered on Ala-Too Square.", "en", (5000, 5000)),
    ("Thousands gathered in central Bishkek on Monday.", "en", (1000, None)),
    ("Hundreds of thousands of people marched in Minsk.", "en", (100000, None)),
    ("Between 2,000 and 5,000 demonstrators rallied outside parliament.", "en", (2000, 5000)),
    ("A crowd of about 300 blocked the road.", "en", (300, 300)),
    ("Около двух тысяч человек вышли на площадь Ала-Тоо.", "ru", (2000, 2000)),
    ("В митинге приняли участие от 2 до 5 тысяч человек.", "ru", (2000, 5000)),
    ("На акцию протеста собрались несколько сотен человек.", "ru", (200, None)),
    ("A few thousand people rallied in Osh.", "en", (2000, None)),
    ("Hundreds of thousands of people blocked streets in Hong Kong.", "en", (100000, None)),
    ("Thousands of Nigerians were converging for a rally in Lagos.", "en", (1000, None)),
    ("Ала-Тоо аянтына миңдеген адам чогулду.", "ky", (1000, None)),
    ("Токмокто жүздөн ашык адам нааразылык акциясын өткөрүштү.", "ky", (100, None)),
    ("У здания парламента прошла многотысячная акция.", "ru", (1000, None)),
    ("Police fired tear gas to disperse several hundred royalist protesters in Kathmandu on "
     "Sunday and detained 20.", "en", (200, None)),
    ("Ала-Тоо аянтына болжол менен 5 миң адам чогулду.", "ky", (5000, 5000)),
]


@pytest.mark.parametrize(("text", "lang", "crowd"), CROWDS)
def test_crowd_size_is_a_range_with_its_text(text, lang, crowd):
    f = extract_figures(text, lang)
    assert f.crowd_size is not None
    assert (f.crowd_size.min, f.crowd_size.max) == crowd
    assert f.crowd_size.text and f.crowd_size.text in text
    assert f.fatalities is None and f.injuries is None
    assert f.arrests in (None, 20)


TRAPS = [
    "The 25-year-old man was arrested on October 6.",
    "Turnout was 56 percent and 1,500 votes were annulled.",
    "Kyrgyzstan has a population of 6 million.",
    "Elections were held on 5 October 2020.",
    "Under Article 35 of the constitution, the president may resign.",
    "The mine produced 18 tonnes of gold and paid $200 million in taxes.",
    "Parliament has 120 seats; the party won 46 of them.",
    "He was released after 10 years in prison.",
    "The rally began at 10 am.",
    "Согласно статье 87, депутаты вправе собраться.",
    "Явка составила 59 процентов.",
    "Ему 45 лет, он был задержан 6 октября.",
    "Seven opposition parties in Nepal have organized a general strike.",
    "Atambayev was freed by the protesters, but was re arrested in 10 of October.",
    "Three years after the 2010 revolution, 2 thousand dollars were paid.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_numbers_that_are_not_figures(text):
    f = extract_figures(text, "ru" if any("а" <= c <= "я" for c in text.lower()) else "en")
    assert (f.fatalities, f.injuries, f.arrests, f.crowd_size) == (None, None, None, None)


def test_spans_name_the_words_used():
    f = extract_figures("5 people were killed and 20 injured.", "en")
    assert ("fatalities", "5 people") in f.spans
    assert ("injuries", "20") in f.spans


def test_max_across_sentences_sum_within():
    text = "Two people died in Osh. Officials later said five people had died."
    assert extract_figures(text, "en").fatalities == 5


def test_empty_and_hostile_input():
    assert extract_figures("", "en") == Figures()
    assert extract_figures("\x00\xff" * 100, "xx") == Figures()
    extract_figures("9" * 10000 + " killed", "en")
    extract_figures("<html><body>5 killed</body></html>", "en")


def test_crowd_type():
    f = extract_figures("Some 5,000 protesters gathered.", "en")
    assert isinstance(f.crowd_size, CrowdSize)


_WORDS = st.sampled_from([
    "killed", "5", "1,000", "at least", "dozens", "погибли", "двух", "тысяч", "адам", "каза",
    "protesters", "-", "+", ",", ".", "and", "or", "no one", "2020", "October", "%", "a", "the",
    "injured", "detained", "около", "миң", "from", "to", "between", "people", "A", "of",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.sampled_from(["en", "ru", "ky", "xx"]))
def test_never_raises_and_stays_sane(parts, lang):
    f = extract_figures(" ".join(parts), lang)
    for v in (f.fatalities, f.injuries, f.arrests):
        assert v is None or (isinstance(v, int) and v >= 0)
    if f.crowd_size is not None:
        lo, hi = f.crowd_size.min, f.crowd_size.max
        assert lo is not None or hi is not None
        assert lo is None or hi is None or lo <= hi


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_random_text(text):
    for lang in ("en", "ru"):
        figures = extract_figures(text, lang)
        for value in (figures.fatalities, figures.injuries, figures.arrests):
            assert value is None or value >= 0


# two sources giving their own count: the lower, both kept as evidence (samples)
@pytest.mark.parametrize("text,fatal", [
    ("Police said 3 people were killed, while hospital sources said 10 died.", 3),
    ("Three protesters were killed, according to police; witnesses put the toll at 12.", 3),
    ("Two soldiers and three civilians were killed, officials said.", 5),
])
def test_two_sources_keep_the_lower(text, fatal):
    got = extract_figures(text, "en")
    assert got.fatalities == fatal
    if fatal == 3:
        assert len([s for s in got.spans if s[0] == "fatalities"]) == 2


@pytest.mark.parametrize("text,arrests", [
    ("Мурунку президент Атамбаев кармалды.", 1),
    ("Нааразылар кармалды.", None),
    ("Милиция 10 кишини кармады.", 10),
])
def test_kyrgyz_detained_without_a_number(text, arrests):
    assert extract_figures(text, "ky").arrests == arrests
