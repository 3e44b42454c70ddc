"""The owner country of attacked property (en, ru, ky). Sample sentences written for the tests."""

from __future__ import annotations

import pytest

from sitroom.coding.typing.targets import target_owner

CASES = [
    ("Protesters attacked Chinese-owned gold mines.", "en", "CHN"),
    ("They left the Canadian owned gold mine untouched.", "en", "CAN"),
    ("A Canadian company's mine was looted.", "en", "CAN"),
    ("The mine, owned by a Canadian company, was set on fire.", "en", "CAN"),
    ("Rioters burned a mine owned by a firm from Canada.", "en", "CAN"),
    ("Some protesters attacked Russian and Chinese owned companies.", "en", "RUS"),
    ("Kumtor, operated by Canada's Centerra Gold, was stormed.", "en", "CAN"),
    ("A Turkish-run school was vandalised.", "en", "TUR"),
    ("Villagers blocked a road to a Kazakh company's quarry.", "en", "KAZ"),
    ("Толпа разгромила офис, принадлежащий китайской компании.", "ru", "CHN"),
    ("Нападение на китайское предприятие в Нарыне.", "ru", "CHN"),
    ("Протестующие захватили рудник канадской компании.", "ru", "CAN"),
    ("Погромы российских магазинов.", "ru", "RUS"),
    ("Кытайлык компаниянын кенине кол салышты.", "ky", "CHN"),
    ("Кытай компаниясынын кени талкаланды.", "ky", "CHN"),
    ("Канадалык компаниянын кени.", "ky", "CAN"),
    ("Protesters in Karbala hurled petrol bombs at the Iranian consulate.", "en", "IRN"),
    ("Some attacked the French embassy, setting a door on fire.", "en", "FRA"),
    ("Протестующие забросали камнями посольство США.", "ru", "USA"),
    ("Нарын облусунда белгисиз адамдар кытай компаниясына таандык кенге кол салышты.", "ky",
     "CHN"),
    ("Таласта орус компаниясынын кенине жергиликтүү тургундар басып кирди.", "ky", "RUS"),
    ("In Dakar, young people ransacked supermarkets of a French-owned chain.", "en", "FRA"),
]


@pytest.mark.parametrize(("text", "lang", "iso3"), CASES)
def test_target_owner(text, lang, iso3):
    assert target_owner(text, lang) == iso3


@pytest.mark.parametrize(("text", "lang"), [
    ("The Chinese embassy condemned the violence.", "en"),
    ("Russian troops arrived at the airport.", "en"),
    ("Police detained 5 people.", "en"),
    ("The Kyrgyz president resigned.", "en"),
    ("Российский МИД выступил с заявлением.", "ru"),
    ("", "en"),
])
def test_no_owner(text, lang):
    assert target_owner(text, lang) is None


@pytest.mark.parametrize("text,lang,owners", [
    ("Protesters attacked Russian and Chinese owned gold mines.", "en", ("RUS", "CHN")),
    ("Rioters looted Chinese, Turkish and Russian-owned shops.", "en", ("CHN", "TUR", "RUS")),
    ("Толпа разгромила офисы китайских и турецких компаний.", "ru", ("CHN", "TUR")),
    ("Crowds stormed Chinese-owned mines.", "en", ("CHN",)),
    ("Russian and Chinese diplomats condemned the attack on a Canadian-owned mine.", "en",
     ("CAN",)),
    ("Protesters burned tyres on the road.", "en", ()),
])
def test_target_owners_every_owner_in_order(text, lang, owners):
    from sitroom.coding.typing.targets import target_owners

    assert target_owners(text, lang) == owners
