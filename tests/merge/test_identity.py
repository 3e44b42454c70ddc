"""Merging on what an event is: one person across scripts, one family of clashes, one report."""

import pytest
from tests.support.claims import claim, info

from sitroom.merge.cluster import merge_claims
from sitroom.merge.identity import names_match, skeleton
from sitroom.merge.kinds import reconcile_kind

INFOS = {f"r{i}": info(f"r{i}", f"outlet{i}") for i in range(1, 10)}
TURN = dict(event_type="Strategic developments", sub_event_type="Other", actor1=None,
            inter1=None)


def _clusters(result):
    return sorted(tuple(e.claim_ids) for e in result.events_changed)


@pytest.mark.parametrize("a, b", [
    ("Sadyr Japarov", "Жапаровду"), ("Sadyr Japarov", "Zhaparov"),
    ("Садыра Жапарова", "Sadyr Japarov"), ("Sooronbay Jeenbekov", "Жээнбековдун"),
    ("Jeyenbekov", "Жээнбеков"), ("Almazbek Atambayev", "Атамбаева"),
])
def test_one_person_in_many_scripts_and_cases(a, b):
    assert names_match(a, b)


@pytest.mark.parametrize("a, b", [
    ("Kubatbek Boronov", "Жумабеков"), ("Sadyr Japarov", "Almazbek Atambayev"),
    ("Government of Russia", "Government of United States"),
    ("Supporters of Party X", "Supporters of Party Z"),
    ("Protesters (Kyrgyzstan)", "Protesters (Kyrgyzstan)"),  # generic: identifies nobody
])
def test_different_people_and_generic_actors_do_not_match(a, b):
    assert not names_match(a, b)


def test_skeleton_folds_transliteration_systems():
    assert skeleton("Жапаров") == skeleton("Zhaparov") == skeleton("Japarov")


def test_a_release_told_in_two_scripts_a_day_apart_is_one_event():
    en = claim("en", "r1", "2020-10-06", political_event="release_from_custody",
               **{**TURN, "actor2": "Sadyr Japarov"})
    ru = claim("ru", "r2", "2020-10-05", political_event="release_from_custody",
               **{**TURN, "actor2": "Жапарова"})
    other = claim("x", "r3", "2020-10-06", political_event="release_from_custody",
                  **{**TURN, "actor2": "Almazbek Atambayev"})
    assert _clusters(merge_claims([en, ru, other], INFOS)) == [("en", "ru"), ("x",)]


def test_statements_of_one_government_on_two_days_stay_two_events():
    kw = dict(event_type=None, sub_event_type=None, political_event="foreign_government_statement",
              actor1="Government of Russia")
    a, b = claim("a", "r1", "2020-10-08", **kw), claim("b", "r2", "2020-10-09", **kw)
    assert _clusters(merge_claims([a, b], INFOS)) == [("a",), ("b",)]


def test_clashes_typed_differently_by_outlets_are_one_event_with_a_disputed_toll():
    riot = dict(event_type="Riots", sub_event_type="Violent demonstration",
                actor1="Rioters (Kyrgyzstan)")
    a = claim("a", "r1", injuries=590, fatalities=1, **riot)
    b = claim("b", "r2", injuries=1200, fatalities=1, **riot)
    c = claim("c", "r3", sub_event_type="Protest with intervention",
              actor2="Police Forces of Kyrgyzstan", injuries=600)
    (event,) = merge_claims([a, b, c], INFOS).events_changed
    assert event.injuries.disputed and event.injuries.value == 590
    assert event.injuries.high == 1200
    assert event.event_type == "Riots"  # two independent outlets of three


def test_one_reports_two_sentences_of_one_clash_back_one_event():
    a = claim("a", "r1", sub_event_type="Protest with intervention")
    b = claim("b", "r1", event_type="Riots", sub_event_type="Violent demonstration",
              actor1="Rioters (Kyrgyzstan)")
    c = claim("c", "r2")
    result = merge_claims([a, b, c], INFOS)
    assert _clusters(result) == [("a", "b", "c")]
    assert result.events_changed[0].corroboration.independent_outlets == 2


def test_a_bomb_and_a_rally_in_one_town_stay_apart():
    bomb = claim("b", "r1", event_type="Explosions/Remote violence",
                 sub_event_type="Remote explosive/landmine/IED",
                 actor1="Unidentified Armed Group (Kyrgyzstan)")
    assert _clusters(merge_claims([bomb, claim("p", "r2")], INFOS)) == [("b",), ("p",)]


def test_protest_sub_type_takes_what_any_outlet_saw_event_type_the_majority():
    peaceful = [claim(f"p{i}", f"r{i}") for i in (1, 2)]
    seen = claim("i", "r3", sub_event_type="Protest with intervention")
    riot = claim("v", "r4", event_type="Riots", sub_event_type="Violent demonstration")
    assert reconcile_kind([*peaceful, seen, riot], INFOS) == ("Protests",
                                                              "Protest with intervention")
    tie = [claim("a", "r1"), riot]  # one outlet each: ACLED's precedence, Riots first
    assert reconcile_kind(tie, INFOS) == ("Riots", "Violent demonstration")


def test_a_reports_turn_and_the_clash_it_mentions_stay_two_events():
    riot = claim("r", "r1", event_type="Riots", sub_event_type="Violent demonstration")
    freed = claim("f", "r1", political_event="release_from_custody",
                  **{**TURN, "event_type": "Riots", "actor2": "Sadyr Japarov"})
    assert _clusters(merge_claims([riot, freed], INFOS)) == [("f",), ("r",)]


def test_an_outlets_side_sentence_does_not_outvote_its_main_account():
    main = claim("m", "r1", sub_event_type="Protest with intervention", confidence=0.9)
    side = claim("s", "r1", event_type="Riots", sub_event_type="Violent demonstration",
                 confidence=0.7)
    other = claim("o", "r2", event_type="Riots", sub_event_type="Violent demonstration")
    third = claim("t", "r3")
    assert reconcile_kind([main, side, other, third], INFOS) == (
        "Protests", "Protest with intervention")


def test_one_report_never_backs_two_events_of_one_resignation():
    kw = dict(TURN, political_event="resignation")
    first = claim("a", "r1", "2020-10-15", **{**kw, "actor1": "Sooronbay Jeenbekov"})
    again = claim("b", "r1", "2020-10-16", **{**kw, "actor1": "Жээнбеков"})  # coded a second time
    other = claim("c", "r2", "2020-10-15", **{**kw, "actor1": "Sooronbay Jeenbekov"})
    (event,) = merge_claims([first, again, other], INFOS).events_changed
    assert sorted(event.claim_ids) == ["a", "b", "c"]


def test_case_names_spell_people_the_cases_way_and_leave_bodies_alone():
    from sitroom.merge.identity import CaseNames
    from sitroom.model import Actor

    names = CaseNames([
        Actor(key="japarov", name="Sadyr Japarov", kind="person",
              aliases=("Zhaparov", "Жапаров", "Садыр Жапаров")),
        Actor(key="russia", name="Russia", kind="foreign-state", aliases=("Россия",)),
    ])
    for spelled in ("Жапаровду", "Садыра Жапарова", "Zhaparov", "Sadyr Japarov"):
        assert names.canonical(spelled) == "Sadyr Japarov", spelled
    assert names.canonical("Government of Russia") is None  # ACLED's name for a body stays
    assert names.canonical("Protesters (Kyrgyzstan)") is None
    freed = claim("f", "r1", political_event="release_from_custody",
                  **{**TURN, "actor2": "Жапаровду"})
    assert names.resolve(freed).actor2 == "Sadyr Japarov"
    assert names.resolve(freed).id == "f"
