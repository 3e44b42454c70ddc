"""Resignations, releases and appointments in en/ru/ky, and the demo's typing traps.

Every sentence here is a sample written for these tests, not a news text.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.coding import Coder
from sitroom.coding.typing.lemma_cues import lemma_cues
from sitroom.model import Actor, Document

ACTORS = (
    Actor("japarov", "Sadyr Japarov", "person", country="KGZ", aliases=("Japarov", "Жапаров")),
    Actor("atambayev", "Almazbek Atambayev", "person", country="KGZ",
          aliases=("Atambayev", "Атамбаев")),
    Actor("boronov", "Kubatbek Boronov", "person", country="KGZ", aliases=("Боронов",)),
    Actor("jeenbekov", "Sooronbay Jeenbekov", "person", country="KGZ",
          aliases=("Jeenbekov", "Жээнбеков")),
    Actor("reforma", "Reforma", "party", country="KGZ", aliases=("Реформа",)),
)
DAY = date(2020, 10, 15)


def coded(text: str, lang: str) -> list[tuple]:
    doc = Document("t", text, DAY, lang=lang, country="KGZ")
    return [(c.sub_event_type, c.political_event, c.actor1, c.actor2)
            for c in Coder(ACTORS).code(doc)]


@pytest.mark.parametrize(("text", "lang", "turn", "person", "side"), [
    ("Атамбаева освободили из изолятора ГКНБ в ночь на вторник.", "ru",
     "release_from_custody", "Almazbek Atambayev", 2),
    ("Садыр Жапаров вышел из СИЗО в среду.", "ru", "release_from_custody", "Sadyr Japarov", 2),
    ("Президент Жээнбеков заявил об отставке в четверг.", "ru", "resignation",
     "Sooronbay Jeenbekov", 1),
    ("Премьер-министр Боронов подал в отставку во вторник.", "ru", "resignation",
     "Kubatbek Boronov", 1),
    ("Садыр Жапаров назначен премьер-министром в среду.", "ru", "appointment",
     "Sadyr Japarov", 2),
    ("Президент Жээнбеков кызматтан кетти.", "ky", "resignation", "Sooronbay Jeenbekov", 1),
    ("Атамбаев абактан чыгарылды.", "ky", "release_from_custody", "Almazbek Atambayev", 2),
    ("Жапаров камактан бошотулду.", "ky", "release_from_custody", "Sadyr Japarov", 2),
    ("Жапаров премьер-министр болуп дайындалды.", "ky", "appointment", "Sadyr Japarov", 2),
    ("Japarov was released from custody on Tuesday.", "en", "release_from_custody",
     "Sadyr Japarov", 2),
])
def test_political_turn_typed_with_its_person(text: str, lang: str, turn: str, person: str,
                                              side: int) -> None:
    found = coded(text, lang)
    assert len(found) == 1, found  # "камактан бошотулду" is a release, not also an arrest
    sub, pe, a1, a2 = found[0]
    assert (sub, pe) == ("Other", turn)
    assert (a1, a2)[side - 1] == person


def test_parliament_appoints() -> None:
    assert coded("Парламент утвердил Жапарова на пост премьер-министра в среду.", "ru") == [
        ("Other", "appointment", "Parliament of Kyrgyzstan", "Sadyr Japarov")]


@pytest.mark.parametrize(("text", "cue"), [
    ("Он вышел из следственного изолятора утром.", "release"),
    ("Бывшего мэра отпустили под домашний арест.", "release"),
    ("Министр покинул свой пост.", "resign"),
    ("Президент освободил его от должности.", "resign"),
    ("Жапаров вступил в должность президента.", "appoint"),
])
def test_russian_turns_by_lemma(text: str, cue: str) -> None:
    assert cue in {name for name, _, _ in lemma_cues(text)}


@pytest.mark.parametrize(("text", "lang"), [
    ("Милиция нааразы болгон жарандарга үн гранаталарын колдонду.", "ky"),
    ("Полиция разогнала митингующих светошумовыми гранатами.", "ru"),
    ("Police fired stun grenades and tear gas at protesters on Monday.", "en"),
])
def test_stun_grenades_are_crowd_control_not_grenade_attacks(text: str, lang: str) -> None:
    found = coded(text, lang)
    assert [f[0] for f in found] == ["Protest with intervention"]
    assert found[0][3].startswith("Police Forces of Kyrgyzstan")


def test_common_word_at_sentence_start_is_no_place() -> None:
    doc = Document("t", "Полиция применила против митингующих светошумовые гранаты.", DAY,
                   lang="ru")
    assert all(c.iso3 != "POL" for c in Coder().code(doc))


def test_party_name_is_no_place() -> None:
    doc = Document("t", "Supporters of Reforma marched on Monday.", DAY, lang="en",
                   country="KGZ")
    claims = Coder(ACTORS).code(doc)
    assert claims and all(c.iso3 == "KGZ" and c.assoc_actor_1 == "Reforma" for c in claims)


@pytest.mark.parametrize(("text", "lang"), [
    ("Выборы прошли под охраной военных и полиции.", "ru"),
    ("Voting in the parliamentary election took place on Sunday under heavy security.", "en"),
])
def test_election_day_has_no_forces_as_actors(text: str, lang: str) -> None:
    found = coded(text, lang)
    assert [f[1] for f in found] == ["election_held"]
    assert not any(a and "Forces" in a for f in found for a in f[2:])


def test_national_turn_without_a_town_is_placed_in_the_capital() -> None:
    doc = Document("t", "Lebanese Prime Minister Hassan Diab announced the resignation of his "
                   "government on Monday evening.", date(2020, 8, 11), lang="en")
    claims = Coder().code(doc)
    assert [(c.political_event, c.location, c.iso3) for c in claims] == [
        ("resignation", "Beirut", "LBN")]
