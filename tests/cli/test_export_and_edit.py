"""ACLED export counts what it leaves out; `events edit` refuses values outside the vocabularies."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.support.claims import claim

from sitroom.cli import main
from sitroom.model import Outlet, Report
from sitroom.store import open_store

AT = datetime(2020, 10, 5, tzinfo=UTC)


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    store = open_store(url)
    store.save_outlet(Outlet(key="wire", name="Sample wire", bloc="western", sample=True))
    for rid in ("r1", "r2"):
        store.add_report(Report(id=rid, kind="article", text=f"Sample text {rid}.",
                                outlet="wire", published=AT, url=f"https://example.org/{rid}",
                                canonical_url=f"https://example.org/{rid}"))
    store.add_claims([
        claim("c1", "r1"),
        claim("c2", "r2", event_type=None, sub_event_type=None, political_event="resignation",
              plover_type="CONCEDE", actor1="Sample President", inter1=1),
    ])
    store.close()
    assert main(["--db", url, "merge"]) == 0
    return url


def run(capsys, *argv):
    code = main([*argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_acled_export_says_what_it_left_out_and_can_include_political_turns(db, capsys):
    code, out, err = run(capsys, "--db", db, "export", "--format", "acled-csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 1
    assert "left out 1 event(s): no ACLED type" in err and "--include-political" in err
    code, out, err = run(capsys, "--db", db, "export", "--format", "acled-csv",
                         "--include-political")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 2 and "left out" not in err
    political = next(r for r in rows if r["event_type"] != "Protests")
    assert (political["event_type"], political["sub_event_type"]) == (
        "Strategic developments", "Other")
    assert political["notes"].startswith("[resignation]")
    assert political["disorder_type"] == "Strategic developments"


def _event_id(db, capsys) -> str:
    _, out, _ = run(capsys, "--db", db, "events", "list", "--json")
    return next(json.loads(x)["id"] for x in out.splitlines()
                if json.loads(x)["event_type"] == "Protests")


@pytest.mark.parametrize(("edit", "message"), [
    ("event_type=Banana", "not an ACLED event type; allowed: Battles"),
    ("sub_event_type=Banana", "Protests: Peaceful protest"),
    ("sub_event_type=Armed clash", "belongs to 'Battles', not 'Protests'"),
    ("inter1=99", "allowed: 1 (State forces)"),
    ("inter2=0", "not an ACLED inter code"),
    ("iso3=XXX", "ISO 3166-1 alpha-3"),
    ("target_owner_iso3=ZZZ", "ISO 3166-1 alpha-3"),
    ("geo_precision=4", "allowed: 1 (exact)"),
    ("time_precision=0", "allowed: 1 (exact)"),
    ("political_event=coup", "allowed: election_held"),
    ("plover_type=HUG", "not a PLOVER type"),
    ("latitude=123", "between -90 and 90"),
])
def test_events_edit_refuses_values_outside_the_vocabularies(db, capsys, edit, message):
    event_id = _event_id(db, capsys)
    code, _, err = run(capsys, "--db", db, "events", "edit", event_id, edit)
    assert code == 1 and message in err
    _, out, _ = run(capsys, "--db", db, "events", "history", event_id)
    assert "edit" not in out.split()  # nothing was recorded


def test_events_edit_accepts_good_values(db, capsys):
    event_id = _event_id(db, capsys)
    code, _, err = run(capsys, "--db", db, "events", "edit", event_id,
                       "sub_event_type=Protest with intervention", "inter2=1", "iso3=kaz",
                       "geo_precision=2")
    assert code == 0, err
    code, _, _ = run(capsys, "--db", db, "events", "edit", event_id,
                       "event_type=Riots", "sub_event_type=Mob violence")
    assert code == 0
