"""Watch rules: parsing refuses mistakes clearly, matching is a pure function of the event."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date

import pytest

from sitroom.cases import load_case, packaged_cases_dir, validate_case
from sitroom.errors import CaseError, WatchError
from sitroom.model import Actor, Event, FigureRange, Outlet
from sitroom.watch.rules import (
    QUERY_FIELDS,
    bloc_of_actor,
    build_context,
    find_rule,
    matches,
    parse_rule,
    rule_of,
)

CTX = build_context(
    ["KGZ"],
    [Actor("japarov", "Sadyr Japarov", "person", ("Zhaparov", "Жапаров", "Жапаров Садыр")),
     Actor("russia", "Russia", "foreign-state", ("Россия", "Kremlin"), country="RUS"),
     Actor("usa", "United States", "foreign-state", ("США",), country="USA"),
     Actor("eu", "European Union", "organisation", ("EU",))],
    [Outlet("tass", "Sample TASS", country="RUS", bloc="russian"),
     Outlet("rfe", "Sample RFE", country="USA", bloc="western"),
     Outlet("voa", "Sample VOA", country="USA", bloc="western")],
)


def ev(**kw) -> Event:
    values = {"id": "e1", "claim_ids": ("c1",), "event_date": date(2020, 10, 6),
              "time_precision": 1, "event_type": "Riots",
              "sub_event_type": "Violent demonstration", "actor1": "Rioters (Kyrgyzstan)",
              "country": "Kyrgyzstan", "iso3": "KGZ", "admin1": "Osh", "location": "Osh",
              "fatalities": FigureRange(2, 1, 3, disputed=True)}
    values.update(kw)
    return Event(**values)


def rule(**query):
    return parse_rule("w", "a watch", query, case="k")


def test_event_fields_lists_and_places():
    assert matches(rule(event_type=["Riots", "Battles"]), ev(), CTX)
    assert not matches(rule(event_type="Protests"), ev(), CTX)
    assert matches(rule(location="osh ", event_type="Riots"), ev(), CTX)  # case and spaces
    assert matches(rule(place="Osh"), ev(location="Kara-Suu"), CTX)  # admin1 counts
    assert matches(rule(place="KGZ"), ev(location=None, admin1=None), CTX)
    assert not matches(rule(place="Bishkek"), ev(), CTX)
    assert not matches(rule(political_event="curfew"), ev(), CTX)  # absent is no match


def test_thresholds_use_the_reconciled_figure():
    assert matches(rule(min_fatalities=2), ev(), CTX)
    assert not matches(rule(min_fatalities=3), ev(), CTX)  # the high of the range is not used
    assert matches(rule(max_fatalities=2, min_fatalities=1), ev(), CTX)
    assert not matches(rule(min_injuries=0), ev(), CTX)  # no figure at all: no match
    crowd = ev(crowd_size=FigureRange(5000, 5000, 10000))
    assert matches(rule(min_crowd_size=5000), crowd, CTX)
    assert not matches(rule(max_crowd_size=4999), crowd, CTX)


def test_actors_by_key_or_alias_in_any_script():
    freed = ev(actor1="Rioters (Kyrgyzstan)", actor2="Жапаров Садыр")
    for value in ("japarov", "Zhaparov", "Жапаров", "Sadyr Japarov"):
        assert matches(rule(actor=value), freed, CTX), value
        assert matches(rule(actor2=value), freed, CTX), value
        assert not matches(rule(actor1=value), freed, CTX), value
    assert matches(rule(actor1="usa"), ev(actor1="Government of United States"), CTX)
    assert matches(rule(actor="Rioters (Kyrgyzstan)"), freed, CTX)  # no case actor: as written
    assert matches(rule(actor="japarov"), ev(assoc_actor_1="Opposition; Sadyr Japarov"), CTX)


def test_foreign_statements_by_bloc():
    q = rule(political_event="foreign_government_statement", bloc="russian")
    said = ev(event_type=None, sub_event_type=None,
              political_event="foreign_government_statement", actor1="Россия")
    assert matches(q, said, CTX)
    assert bloc_of_actor("Government of United States", CTX) == "western"
    assert not matches(q, replace(said, actor1="United States"), CTX)
    assert bloc_of_actor("European Union", CTX) == "other"  # an organisation
    assert bloc_of_actor("Rioters (Kyrgyzstan)", CTX) is None  # no case actor


def test_property_owned_from_abroad():
    q = rule(foreign_owner=True)
    assert matches(q, ev(target_owner_iso3="CAN"), CTX)
    assert not matches(q, ev(target_owner_iso3="KGZ"), CTX)  # the case's own country
    assert not matches(q, ev(target_owner_iso3=None), CTX)
    assert matches(rule(foreign_owner=False), ev(target_owner_iso3="KGZ"), CTX)
    assert matches(rule(target_owner_iso3=["CAN", "CHN"]), ev(target_owner_iso3="CHN"), CTX)


@pytest.mark.parametrize(("query", "field", "says"), [
    ({"locaton": "Osh"}, "locaton", "did you mean 'location'"),
    ({"event_type": "Riot"}, "event_type", "did you mean 'Riots'"),
    ({"min_fatalities": -1}, "min_fatalities", "whole number >= 0"),
    ({"min_fatalities": "one"}, "min_fatalities", "whole number >= 0"),
    ({"foreign_owner": "yes"}, "foreign_owner", "true or false"),
    ({"iso3": "kg"}, "iso3", "alpha-3"),
    ({"bloc": "eastern"}, "bloc", "one of: domestic"),
    ({"location": []}, "location", "empty list"),
    ({"first_report": True}, "query", "needs something"),
    ({}, "query", "empty query"),
])
def test_mistakes_are_refused_with_the_field_and_reason(query, field, says):
    with pytest.raises(WatchError) as info:
        parse_rule("w", "t", query)
    assert info.value.field == field and says in str(info.value)


def test_unknown_field_lists_the_known_ones_and_unknown_key_too():
    with pytest.raises(WatchError) as info:
        parse_rule("w", "t", {"nonsense": 1})
    assert all(f in str(info.value) for f in QUERY_FIELDS)
    rules = [rule_of(w) for w in load_case("kyrgyzstan-2020").watches]
    with pytest.raises(WatchError, match="known watches: foreign-property-attacked, "
                                         "foreign-statement, osh-fatalities"):
        find_rule(rules, "nope")


def test_shipped_watches_parse_and_round_trip():
    case = load_case("kyrgyzstan-2020")
    assert len(case.watches) == 7
    for w in case.watches:
        r = rule_of(w, case.name)
        assert r.watch() == w and r.case == case.name


def test_a_bad_watch_in_a_case_file_names_file_line_and_reason(tmp_path):
    folder = tmp_path / "sample-case"
    shutil.copytree(packaged_cases_dir() / "kyrgyzstan-2020", folder)
    (folder / "watches.yaml").write_text(
        "watches:\n"
        "  - key: ok\n"
        "    title: Fine\n"
        "    query: {political_event: curfew}\n"
        "  - key: bad-field\n"
        "    title: Misspelt\n"
        "    query:\n"
        "      locaton: Osh\n"
        "  - key: bad-value\n"
        "    title: Wrong type\n"
        "    query:\n"
        "      event_type: Riot\n"
        "      min_fatalities: many\n", encoding="utf-8")
    problems = validate_case(folder)
    where = [(p.line, p.field) for p in problems]
    assert where == [(8, "watches[1].query.locaton"), (12, "watches[2].query.event_type"),
                     (13, "watches[2].query.min_fatalities")]
    assert all(p.file.endswith("watches.yaml") for p in problems)
    assert "did you mean 'location'" in str(problems[0])
    with pytest.raises(CaseError, match=r"watches.yaml:8: unknown query field 'locaton'"):
        load_case(folder)
