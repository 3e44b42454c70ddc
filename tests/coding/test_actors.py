"""Actors: case aliases across scripts and spellings, ACLED generic names and inter codes."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.coding import Coder
from sitroom.coding.actors.resolver import ActorResolver, normalise
from sitroom.model import Actor, Document

ACTORS = (
    Actor("jeenbekov", "Sooronbay Jeenbekov", "person", aliases=("Jeenbekov", "Жээнбеков")),
    Actor("japarov", "Sadyr Japarov", "person", aliases=("Japarov", "Жапаров")),
    Actor("russia", "Russia", "foreign-state", aliases=("Россия", "Kremlin"), country="RUS",
          inter=8),
)


@pytest.mark.parametrize(("a", "b"), [
    ("Jeenbekov", "Jeyenbekov"), ("Jeenbekov", "Жээнбеков"), ("Japarov", "Zhaparov"),
    ("Japarov", "Жапаров"), ("Жапаров", "Жапарова"), ("Atambayev", "Атамбаева"),
])
def test_spellings_share_a_key(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize("mention", [
    "Jeyenbekov", "Zheenbekov", "Жээнбеков", "Жээнбекова", "Sooronbay Jeenbekov"])
def test_alias_index_finds_case_actor(mention: str) -> None:
    found = ActorResolver(ACTORS).case_actors_in(f"Yesterday {mention} spoke.")
    assert [a.key for a, _, _ in found] == ["jeenbekov"]


def test_unrelated_names_do_not_match() -> None:
    assert ActorResolver(ACTORS).case_actors_in("Jenkins and Japan met Rustam.") == []


@pytest.mark.parametrize(("phrase", "name", "inter"), [
    ("police", "Police Forces of Kyrgyzstan", 1),
    ("riot police", "Police Forces of Kyrgyzstan", 1),
    ("soldiers", "Military Forces of Kyrgyzstan", 1),
    ("protesters", "Protesters (Kyrgyzstan)", 6),
    ("rioters", "Rioters (Kyrgyzstan)", 5),
    ("unidentified gunmen", "Unidentified Armed Group (Kyrgyzstan)", 3),
    ("villagers", "Civilians (Kyrgyzstan)", 7),
    ("полиция", "Police Forces of Kyrgyzstan", 1),
    ("митингующие", "Protesters (Kyrgyzstan)", 6),
])
def test_generic_roles(phrase: str, name: str, inter: int) -> None:
    ref = ActorResolver().resolve(phrase, "Kyrgyzstan")
    assert ref is not None and (ref.name, ref.inter) == (name, inter)


def test_named_armed_group_and_students_assoc() -> None:
    ref = ActorResolver().resolve("al-Shabaab fighters", "Somalia")
    assert ref is not None and (ref.name, ref.inter) == ("Al Shabaab", 2)
    ref = ActorResolver().resolve("students", "Kenya")
    assert ref is not None and ref.assoc == "Students (Kenya)" and ref.inter == 6


def test_case_actor_in_a_coded_russian_sentence() -> None:
    coder = Coder(ACTORS, countries_hint=("KGZ",))
    claims = coder.code(Document("r", "Жапарова освободили из СИЗО в Бишкеке.", date(2020, 10, 6),
                                 lang="ru", country="KGZ"))
    assert any(c.political_event == "release_from_custody" for c in claims)
    assert any("Sadyr Japarov" in (c.actor1, c.actor2) for c in claims)
