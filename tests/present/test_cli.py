"""`sitroom merge`, `sitroom events ...` and `sitroom export` end to end on a SQLite file."""

import csv
import io
import json
from datetime import UTC, datetime

import pytest
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
    store.save_outlet(Outlet(key="tv", name="Sample TV", bloc="domestic", sample=True))
    for rid, outlet in (("r1", "wire"), ("r2", "tv"), ("r3", "tv")):
        store.add_report(Report(id=rid, kind="article", text=f"Sample text {rid}.",
                                outlet=outlet, published=AT, url=f"https://example.org/{rid}",
                                canonical_url=f"https://example.org/{rid}"))
    store.add_claims([claim("c1", "r1"), claim("c2", "r2", fatalities=2),
                      claim("c3", "r3", None)])
    store.close()
    return url


def run(capsys, *argv):
    code = main(["--db", argv[0], *argv[1:]])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_merge_list_show_and_edit_commands(db, capsys):
    code, out, _ = run(capsys, db, "merge")
    assert code == 0 and "placed 3" in out and "unmerged 1" in out
    code, out, _ = run(capsys, db, "events", "list", "--json")
    events = [json.loads(x) for x in out.splitlines()]
    merged = next(e for e in events if len(e["claim_ids"]) == 2)
    assert merged["fatalities"]["value"] == 2
    assert any(e["status"] == "unmerged" for e in events)
    code, out, _ = run(capsys, db, "events", "show", merged["id"])
    assert json.loads(out)["history"][0]["action"] == "create"
    code, out, _ = run(capsys, db, "events", "confirm", merged["id"], "--reason", "checked")
    assert code == 0 and out.startswith("confirm act-")
    action = out.split()[1].rstrip(":")
    assert run(capsys, db, "events", "undo", action)[0] == 0
    code, _, err = run(capsys, db, "events", "undo", action)
    assert code == 1 and "already been undone" in err
    code, _, err = run(capsys, db, "events", "split", merged["id"], "c9")
    assert code == 1 and "not in event" in err
    code, out, _ = run(capsys, db, "events", "edit", merged["id"], "location=Ala-Too square")
    assert code == 0
    code, _, err = run(capsys, db, "events", "edit", merged["id"], "fatalities=9")
    assert code == 1 and "cannot edit" in err
    code, out, _ = run(capsys, db, "events", "history", merged["id"])
    assert [line.split()[2] for line in out.splitlines()] == ["create", "join", "confirm",
                                                              "undo", "edit"]


def test_export_formats(db, capsys, tmp_path):
    run(capsys, db, "merge")
    target = tmp_path / "out.csv"
    code, _, err = run(capsys, db, "export", "--format", "acled-csv", "-o", str(target))
    assert code == 0 and "wrote 1 events" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 1 and rows[0]["source"] == "tv; wire"
    code, out, _ = run(capsys, db, "export", "--format", "geojson", "--bloc", "western")
    assert len(json.loads(out)["features"]) == 1
    code, out, _ = run(capsys, db, "export", "--format", "jsonl")
    lines = [json.loads(x) for x in out.splitlines()]
    assert {len(x["claims"]) for x in lines} == {1, 2}
    assert all(x["history"] for x in lines)
    code, out, _ = run(capsys, db, "export", "--format", "acled-csv", "--country", "Narnia")
    assert code == 0 and out.startswith("event_id_cnty,") and len(out.splitlines()) == 1
    code, out, _ = run(capsys, db, "export", "--format", "graphml")
    assert code == 0 and "<graphml" in out


def test_events_list_until_takes_the_whole_day(db, capsys):
    """`--until DAY` keeps the events of that day, as `export --until` does."""
    run(capsys, db, "merge")
    code, out, _ = run(capsys, db, "events", "list", "--json", "--since", "2020-10-05",
                       "--until", "2020-10-05")
    days = [json.loads(x)["event_date"] for x in out.splitlines()]
    assert code == 0 and days == ["2020-10-05"]
    code, out, _ = run(capsys, db, "events", "list", "--json", "--until", "2020-10-04")
    assert code == 0 and out == ""
