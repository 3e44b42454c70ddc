"""ACLED's actor names: state bodies, persons in any case and script, regime years, sides.

Every sentence here is a sample written for these tests, not a news text.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.coding import Coder
from sitroom.coding.actors.names import RegimeYears, institution, person_name, with_years
from sitroom.coding.actors.resolver import ActorResolver, ky_case_stems
from sitroom.evaluation.matching import actor_match
from sitroom.model import Actor, Document, Tie

ACTORS = (
    Actor("jeenbekov", "Sooronbay Jeenbekov", "person", country="KGZ",
          aliases=("Jeenbekov", "Jeyenbekov", "Zheenbekov", "Жээнбеков")),
    Actor("japarov", "Sadyr Japarov", "person", country="KGZ",
          aliases=("Japarov", "Zhaparov", "Dzhaparov", "Жапаров")),
    Actor("atambayev", "Almazbek Atambayev", "person", country="KGZ",
          aliases=("Atambayev", "Атамбаев")),
    Actor("mamytov", "Talant Mamytov", "person", country="KGZ", aliases=("Мамытов",)),
    Actor("mekenchil", "Mekenchil", "party", country="KGZ", aliases=("Мекенчил",)),
    Actor("reforma", "Reforma", "party", country="KGZ", aliases=("Реформа",)),
)
TIES = (
    Tie("jeenbekov", "president", "", date(2017, 11, 24), date(2020, 10, 15)),
    Tie("japarov", "acting_president", "", date(2020, 10, 16), date(2020, 11, 14)),
    Tie("mamytov", "acting_president", "", date(2020, 11, 14), date(2021, 1, 28)),
    Tie("japarov", "president", "", date(2021, 1, 28)),
    Tie("japarov", "prime_minister", "", date(2020, 10, 6), date(2020, 11, 14)),
)


def code(text: str, lang: str, published: date, country: str | None = "KGZ"):
    coder = Coder(ACTORS, ties=TIES, countries_hint=("KGZ",))
    return coder.code(Document("t", text, published, lang=lang, country=country))


@pytest.mark.parametrize(("day", "years"), [
    (date(2020, 10, 5), "2017-2020"),   # Jeenbekov in office
    (date(2020, 10, 20), "2020-"),      # Japarov acting, then president: one open regime
    (date(2020, 12, 1), "2020-2021"),   # the speaker acting between Japarov's two terms
    (date(2016, 1, 1), None),           # before any role the case knows: no guess
])
def test_regime_years_from_dated_roles(day: date, years: str | None) -> None:
    assert RegimeYears(ACTORS, TIES).years("KGZ", day) == years


def test_years_fallback_is_no_qualifier() -> None:
    regimes = RegimeYears(ACTORS, TIES)
    assert with_years("Police Forces of Nigeria", "NGA", date(2021, 1, 1), regimes) == \
        "Police Forces of Nigeria"
    assert with_years("Protesters (Kyrgyzstan)", "KGZ", date(2020, 10, 5), regimes) == \
        "Protesters (Kyrgyzstan)"
    assert with_years("Police Forces of Kyrgyzstan", "KGZ", date(2020, 10, 5), regimes) == \
        "Police Forces of Kyrgyzstan (2017-2020)"


def test_coded_state_forces_carry_the_regime_years() -> None:
    claims = code("Police fired tear gas at protesters in Bishkek on Monday.", "en",
                  date(2020, 10, 6))
    assert [(c.actor1, c.actor2) for c in claims] == [
        ("Protesters (Kyrgyzstan)", "Police Forces of Kyrgyzstan (2017-2020)")]


@pytest.mark.parametrize(("phrase", "pattern"), [
    ("Sri Lanka's parliament", "Parliament of {c}"),
    ("ЦИК Белоруссии", "Central Election Commission of {c}"),
    ("Национальное собрание Армении", "National Assembly of {c}"),
    ("Pakistan's Supreme Court", "Supreme Court of {c}"),
    ("Басманный суд Москвы", "Judiciary of {c}"),
    ("Жогорку Кеңеш", "Parliament of {c}"),
])
def test_state_bodies(phrase: str, pattern: str) -> None:
    found = institution(phrase)
    assert found is not None and found.pattern == pattern


def test_state_body_named_for_its_country() -> None:
    claims = Coder().code(Document("t", "Sri Lanka's parliament elected Ranil Wickremesinghe as "
                                   "president on Wednesday.", date(2022, 7, 21), lang="en"))
    assert [(c.actor1, c.actor2) for c in claims] == [
        ("Parliament of Sri Lanka", "Ranil Wickremesinghe")]


@pytest.mark.parametrize(("name", "latin"), [
    ("Алмазбека Атамбаева", "Almazbek Atambaev"),
    ("Никола Пашиняна", "Nikola Pashinyan"),
    ("Улукбека Марипова", "Ulukbek Maripov"),
    ("Jeenbekov", "Jeenbekov"),
])
def test_person_names_in_the_nominative_and_latin(name: str, latin: str) -> None:
    assert person_name(name) == latin


@pytest.mark.parametrize("word", [
    "Жапаровду", "Атамбаевдин", "Жээнбековго", "Жээнбековдун", "Жапаровдон", "Мекенчилдин",
    "Жээнбековым", "Атамбаева", "Dzhaparov", "Jeyenbekov", "Zheenbekov"])
def test_case_actors_in_any_case_and_transliteration(word: str) -> None:
    found = ActorResolver(ACTORS).case_actors_in(f"{word} айтты.")
    assert len(found) == 1


def test_kyrgyz_endings_only_cut_long_cyrillic_words() -> None:
    assert "Атамбаев" in ky_case_stems("Атамбаевдин")
    assert ky_case_stems("Japarovdin") == [] and ky_case_stems("Ошто") == []


def test_supporters_give_the_associated_actor() -> None:
    for text, lang in (("В Бишкеке сторонники партии Мекенчил вышли на митинг.", "ru"),
                       ("Бишкекте Мекенчил партиясынын тарапкерлери митингге чыгышты.", "ky")):
        claims = code(text, lang, date(2020, 10, 6))
        assert [(c.actor1, c.assoc_actor_1, c.location) for c in claims] == [
            ("Protesters (Kyrgyzstan)", "Mekenchil", "Bishkek")]


def test_security_forces_are_police() -> None:
    claims = code("Security forces detained dozens of protesters near the White House.", "en",
                  date(2020, 10, 10))
    assert claims and claims[0].actor2.startswith("Police Forces of Kyrgyzstan")


def test_weapons_and_country_names_give_the_forces() -> None:
    claims = Coder().code(Document("t", "Russian missiles struck central Kyiv on Monday; at least "
                                   "8 people were killed.", date(2023, 4, 20), lang="en"))
    assert [(c.actor1, c.actor2) for c in claims] == [
        ("Military Forces of Russia", "Civilians (Ukraine)")]


def test_sides_named_after_between() -> None:
    claims = Coder().code(Document("t", "Fighting between the Sudanese army and the Rapid "
                                   "Support Forces continued in Nyala on Tuesday.",
                                   date(2023, 4, 20), lang="en"))
    assert [(c.actor1, c.actor2) for c in claims] == [
        ("Military Forces of Sudan", "Rapid Support Forces")]


@pytest.mark.parametrize(("gold", "pred", "same"), [
    ("Shavkat Mirziyoyev", "Shavkat Mirziyoev", True),
    ("Macky Sall", "Makki Sal", True),
    ("Sadyr Japarov", "Жапаров", True),
    ("Sadyr Japarov", "Akylbek Japarov", False),
    ("Military Forces of Niger", "Military Forces of Nigeria", False),
    ("Civilians (Guinea)", "Civilians (Guyana)", False),
])
def test_scoring_tolerates_transliterated_person_names(gold: str, pred: str, same: bool) -> None:
    assert actor_match(gold, pred) is same
