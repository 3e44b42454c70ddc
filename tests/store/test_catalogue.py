"""Cases, outlets, actors, ties, hypotheses and watches on both backends."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.errors import NotFound
from sitroom.model import Actor, Case, Hypothesis, Outlet, Tie, Watch

# Sample outlets (invented, labelled sample) and real actors of the public record.
STATE = Outlet(
    key="sample-state", name="Sample State Wire", homepage="https://state.sample.example/",
    feeds=("https://state.sample.example/rss", "https://state.sample.example/ky/rss"),
    country="KGZ", languages=("ru", "ky"), ownership="state", bloc="domestic",
    reliability="C", group="sample-state-holding", feeds_verified=True, sample=True,
    interval_minutes=15, notes="sample outlet for tests",
)
FOREIGN = Outlet(key="sample-foreign", name="Sample Foreign Service", country="USA",
                 languages=("en",), ownership="foreign-state-funded", bloc="western",
                 reliability="B", sample=True)
JAPAROV = Actor(key="japarov", name="Sadyr Japarov", kind="person",
                aliases=("Sadyr Zhaparov", "Садыр Жапаров", "Жапаров", "Japarov"),
                country="KGZ", inter=1, description="Freed from prison on 6 October 2020.")
JEENBEKOV = Actor(key="jeenbekov", name="Sooronbay Jeenbekov", kind="person",
                  aliases=("Jeyenbekov", "Жээнбеков"), country="KGZ")
KUMTOR = Actor(key="kumtor", name="Kumtor gold mine", kind="asset", country="KGZ")
CENTERRA = Actor(key="centerra", name="Centerra Gold", kind="company", country="CAN")
TIES = (
    Tie("japarov", "prime_minister", "", start=date(2020, 10, 14), note="confirmed by parliament"),
    Tie("japarov", "acting_president", "", start=date(2020, 10, 15), end=date(2020, 11, 14)),
    Tie("centerra", "owns", "kumtor", start=date(2009, 1, 1), evidence=("https://x.example/a",)),
    Tie("jeenbekov", "leads", "", start=date(2017, 11, 24), end=date(2020, 10, 15)),
)
H1 = Hypothesis(key="h1", title="Elite contest over spoils",
                description="Regional clans compete for control.", indicators=("a", "b"))
W1 = Watch(key="w1", title="Fatalities in Osh",
           query=(("event_type", "Violence against civilians"), ("min_fatalities", 1),
                  ("admin1", ("Osh", "Osh City"))))


def sample_case(**changes) -> Case:
    values = {
        "name": "kyrgyzstan-2020", "title": "Kyrgyzstan post-election crisis",
        "countries": ("KGZ",), "start": date(2020, 10, 4), "end": date(2020, 11, 30),
        "languages": ("ru", "ky", "en"), "population": 6_600_000,
        "keywords": ("Bishkek", "Бишкек"), "outlets": (STATE, FOREIGN),
        "actors": (CENTERRA, JAPAROV, JEENBEKOV, KUMTOR), "ties": TIES, "hypotheses": (H1,),
        "watches": (W1,), "description": "sample case", "path": "cases/kyrgyzstan-2020",
    }
    values.update(changes)
    return Case(**values)


def test_case_round_trips_whole(store):
    case = sample_case()
    store.save_case(case)
    got = store.get_case(case.name)
    assert got == case
    assert store.list_cases() == [case]


def test_saving_a_case_again_replaces_its_lists(store):
    store.save_case(sample_case())
    smaller = sample_case(outlets=(FOREIGN,), ties=TIES[:1], hypotheses=(), watches=(),
                          title="renamed")
    store.save_case(smaller)
    got = store.get_case("kyrgyzstan-2020")
    assert got == smaller
    assert [o.key for o in store.list_outlets()] == ["sample-foreign", "sample-state"]
    assert [o.key for o in store.list_outlets("kyrgyzstan-2020")] == ["sample-foreign"]


def test_missing_things_raise_not_found(store):
    with pytest.raises(NotFound):
        store.get_case("nowhere")
    with pytest.raises(NotFound):
        store.get_outlet("nobody")
    with pytest.raises(NotFound):
        store.save_outlet(STATE, case="nowhere")


def test_outlet_added_by_hand_joins_a_case(store):
    store.save_case(sample_case(outlets=()))
    extra = Outlet(key="user-added", name="User Added", feeds=("https://u.example/feed",),
                   country="KGZ", bloc="domestic")
    store.save_outlet(extra)
    assert store.get_outlet("user-added") == extra
    assert store.list_outlets("kyrgyzstan-2020") == []
    store.save_outlet(extra, case="kyrgyzstan-2020")
    store.save_outlet(extra, case="kyrgyzstan-2020")  # idempotent
    assert store.list_outlets("kyrgyzstan-2020") == [extra]
    changed = Outlet(key="user-added", name="Renamed", bloc="other")
    store.save_outlet(changed)
    assert store.get_outlet("user-added") == changed


def test_actors_found_by_any_alias_in_any_script(store):
    store.save_case(sample_case())
    for alias in ("Жапаров", "sadyr  zhaparov", "JAPAROV", "Sadyr Japarov"):
        assert [a.key for a in store.find_actors(alias)] == ["japarov"], alias
    assert [a.key for a in store.find_actors("жээнбеков")] == ["jeenbekov"]
    assert store.find_actors("Atambayev") == []
    # Aliases follow the actor when it is saved again.
    store.save_actor(Actor(key="japarov", name="Sadyr Japarov", kind="person",
                           aliases=("Zhaparov",)))
    assert store.find_actors("Жапаров") == []
    assert [a.key for a in store.find_actors("zhaparov")] == ["japarov"]


def test_actor_and_tie_outside_any_case(store):
    store.save_actor(CENTERRA)
    store.save_actor(KUMTOR)
    store.save_tie(TIES[2])
    store.save_tie(TIES[2])  # same identity: one row
    assert store.list_actors() == [CENTERRA, KUMTOR]
    assert store.list_ties() == [TIES[2]]
    assert store.list_ties("kyrgyzstan-2020") == []
    later = Tie("centerra", "owns", "kumtor", start=date(2009, 1, 1), end=date(2021, 5, 17))
    store.save_tie(later)
    assert store.list_ties() == [later]


def test_lists_by_case(store):
    store.save_case(sample_case())
    store.save_case(sample_case(name="other", outlets=(STATE,), actors=(KUMTOR,), ties=(),
                                hypotheses=(Hypothesis(key="h1", title="Other h1"),),
                                watches=()))
    assert store.list_actors("other") == [KUMTOR]
    assert [a.key for a in store.list_actors("kyrgyzstan-2020")] == [
        "centerra", "japarov", "jeenbekov", "kumtor"]
    assert store.list_ties("kyrgyzstan-2020") == list(TIES)
    assert store.list_hypotheses("kyrgyzstan-2020") == [H1]
    assert [h.title for h in store.list_hypotheses("other")] == ["Other h1"]
    assert len(store.list_hypotheses()) == 2
    assert store.list_watches("kyrgyzstan-2020") == [W1] and store.list_watches("other") == []
    assert [c.name for c in store.list_cases()] == ["kyrgyzstan-2020", "other"]
