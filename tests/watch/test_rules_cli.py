"""`sitroom watches` as a user runs it: add, list, test (no alert fired), remove, and refusals."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitroom.cli import main
from sitroom.model import Case, Event, FigureRange, Watch
from sitroom.store import open_store


def cli(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(store_url):
    with open_store(store_url) as store:
        store.save_case(Case(name="sample", title="Sample", countries=("KGZ",), watches=(
            Watch("osh-deaths", "Fatalities in Osh", (("location", "Osh"),
                                                      ("min_fatalities", 1))),)))
        store.save_events([
            Event(id=f"e{i}", claim_ids=(f"c{i}",), event_date=date(2020, 10, 5 + i),
                  time_precision=1, event_type="Riots", sub_event_type="Violent demonstration",
                  country="Kyrgyzstan", iso3="KGZ", location=place,
                  fatalities=FigureRange(n, n, n))
            for i, (place, n) in enumerate([("Osh", 1), ("Bishkek", 2), ("Osh", 0)])])
    return store_url


def test_add_list_test_and_remove_a_watch(db, capsys):
    code, out, _ = cli(capsys, "--db", db, "watches", "add", "deaths",
                       "--title", "Any deaths", "--query", "{min_fatalities: 1}")
    assert code == 0 and "watch deaths added" in out
    code, out, _ = cli(capsys, "--db", db, "watches", "list", "--format", "json")
    [w] = json.loads(out)
    assert w["key"] == "deaths" and w["query"] == {"min_fatalities": 1} and w["origin"] == "added"
    code, out, _ = cli(capsys, "--db", db, "watches", "test", "deaths")
    assert code == 0 and "2 stored event(s) match; no alert fired" in out
    assert "  e0  " in out and "  e1  " in out and "  e2  " not in out
    with open_store(db) as store:
        assert store.list_alerts() == []  # testing fires nothing
    code, out, _ = cli(capsys, "--db", db, "watches", "remove", "deaths")
    assert code == 0 and "removed" in out
    code, out, _ = cli(capsys, "--db", db, "watches", "list")
    assert "no watches of no case" in out


def test_a_case_file_watch_is_listed_and_tested(db, capsys):
    code, out, _ = cli(capsys, "--db", db, "watches", "list", "--case", "sample")
    assert "osh-deaths: Fatalities in Osh\n    location=Osh min_fatalities=1" in out
    code, out, _ = cli(capsys, "--db", db, "watches", "test", "osh-deaths", "--case", "sample",
                       "--format", "json")
    assert code == 0 and [e["id"] for e in json.loads(out)["events"]] == []  # no case reports
    code, _, err = cli(capsys, "--db", db, "watches", "add", "osh-deaths", "--case", "sample",
                       "--query", "{location: Osh}")
    assert code == 1 and "exists already in case sample" in err


def test_unknown_keys_and_bad_queries_are_clear_errors(db, capsys):
    code, _, err = cli(capsys, "--db", db, "watches", "test", "nope", "--case", "sample")
    assert code == 1 and "unknown watch 'nope'; known watches: osh-deaths" in err
    code, _, err = cli(capsys, "--db", db, "watches", "add", "w", "--query", "{locaton: Osh}")
    assert code == 1 and "unknown query field 'locaton' (did you mean 'location'?)" in err
    code, _, err = cli(capsys, "--db", db, "watches", "add", "w", "--query", "{min_fatalities")
    assert code == 1 and "--query is not valid YAML" in err
    code, _, err = cli(capsys, "--db", db, "watches", "add", "w", "--query", "Osh")
    assert code == 1 and "--query must be a mapping" in err
    code, _, err = cli(capsys, "--db", db, "watches", "add", "w", "--case", "nope",
                       "--query", "{location: Osh}")
    assert code == 1 and "nope" in err
    code, _, err = cli(capsys, "--db", db, "watches", "remove", "osh-deaths", "--case", "sample")
    assert code == 1 and "case files are edited in place" in err
