"""The shipped Kyrgyzstan case validates and holds what the issue asks of it."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom import model
from sitroom.cases import find_cases, load_case, packaged_cases_dir, validate_case


@pytest.fixture(scope="module")
def case() -> model.Case:
    return load_case("kyrgyzstan-2020")


def test_every_shipped_case_validates():
    folders = find_cases(packaged_cases_dir())
    assert folders, "no shipped cases found"
    for folder in folders:
        assert validate_case(folder) == [], folder


def test_case_head(case):
    assert case.countries == ("KGZ",)
    assert set(case.languages) == {"ky", "ru", "en"}
    assert 6_000_000 < (case.population or 0) < 7_000_000
    assert case.start <= date(2020, 10, 4) and case.end >= date(2020, 10, 16)


def test_outlets_cover_every_bloc(case):
    assert len(case.outlets) >= 30
    assert {o.bloc for o in case.outlets} >= {"domestic", "russian", "chinese", "western",
                                              "regional"}
    owners = {(o.bloc, o.ownership) for o in case.outlets}
    for needed in [("domestic", "state"), ("domestic", "independent"), ("russian", "state"),
                   ("russian", "independent"), ("chinese", "state"),
                   ("western", "foreign-state-funded")]:
        assert needed in owners, needed
    for outlet in case.outlets:
        assert outlet.homepage.startswith("http"), outlet.key
        assert not outlet.feeds_verified and not outlet.sample, outlet.key
        assert outlet.country and outlet.languages, outlet.key
    rferl = {o.key for o in case.outlets if o.group == "rferl"}
    assert {"azattyk", "rferl"} <= rferl


def test_actors_aliases_across_scripts(case):
    by_key = {a.key: a for a in case.actors}
    assert {"Zhaparov", "Жапаров", "Садыр Жапаров"} <= set(by_key["japarov"].aliases)
    assert {"Jeyenbekov", "Zheenbekov", "Жээнбеков"} <= set(by_key["jeenbekov"].aliases)
    kinds = {a.kind for a in case.actors}
    assert kinds >= {"person", "party", "coalition", "state-body", "foreign-state", "company",
                     "asset", "organisation"}


def test_dated_ties_from_the_public_record(case):
    def has(source: str, relation: str, target: str = "", **dates: date) -> bool:
        return any(t.source == source and t.relation == relation and t.target == target
                   and all(getattr(t, k) == v for k, v in dates.items()) for t in case.ties)

    assert has("japarov", "imprisoned", end=date(2020, 10, 6))
    assert has("japarov", "prime_minister", "kgz-government", start=date(2020, 10, 6))
    assert has("japarov", "acting_president", "president-office", start=date(2020, 10, 16))
    assert has("jeenbekov", "president", "president-office", end=date(2020, 10, 15))
    assert has("atambayev", "imprisoned", "gknb", start=date(2020, 10, 10))
    assert has("boronov", "prime_minister", "kgz-government", end=date(2020, 10, 6))
    assert has("centerra-gold", "owns", "kumtor-gold-company")
    assert has("russia", "owns", "kant-air-base")
    for tie in case.ties:
        assert tie.evidence and all(e.startswith("https://") for e in tie.evidence), tie


def test_hypotheses_and_watches(case):
    assert {h.key for h in case.hypotheses} >= {"popular-uprising", "intra-elite-struggle",
                                                "foreign-backed-coup", "organised-crime-grab"}
    assert all(h.indicators for h in case.hypotheses)
    queries = {w.key: dict(w.query) for w in case.watches}
    assert queries["osh-fatalities"] == {"location": "Osh", "min_fatalities": 1}
    assert queries["foreign-statement"] == {"political_event": "foreign_government_statement"}
