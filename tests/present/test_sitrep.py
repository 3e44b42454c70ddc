"""Situation reports: figures as ranges, the mobilisation ratio, contested figures, silences,
what changed since the last report, and real Markdown, HTML and PDF files (sample data)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime

import pytest
from tests.support.claims import claim, info

from sitroom.cli import main
from sitroom.merge.cluster import merge_claims
from sitroom.model import Alert, Case, Outlet, Report, Watch
from sitroom.pipeline.report import publish_report
from sitroom.present.sitrep import build_report, write_report

NOW = datetime(2020, 10, 20, 12, tzinfo=UTC)
CASE = Case(name="sample-case", title="Sample crisis in Kyrgyzstan", countries=("KGZ",),
            start=date(2020, 10, 1), end=date(2020, 10, 31), population=6_600_000,
            watches=(Watch("deaths", "Any death"),))
OUTLETS = (Outlet("sample-wire", "Sample Wire", bloc="western"),
           Outlet("sample-tv", "Sample TV", bloc="domestic"),
           Outlet("sample-ru", "Sample Russian Wire", bloc="russian"))
INFOS = {"r1": info("r1", "sample-wire", "western"), "r2": info("r2", "sample-tv", "domestic"),
         "r3": info("r3", "sample-ru", "russian")}


def _claims():
    return [
        claim("a", "r1", event_type="Protests", sub_event_type="Excessive force against protesters",
              actor1="Police Forces of Kyrgyzstan", inter1=1, actor2="Protesters (Kyrgyzstan)",
              inter2=6, fatalities=1, injuries=590, crowd_size=(5000, 5000)),
        claim("b", "r2", event_type="Protests", sub_event_type="Excessive force against protesters",
              actor1="Police Forces of Kyrgyzstan", inter1=1, actor2="Protesters (Kyrgyzstan)",
              inter2=6, fatalities=1, injuries=1200, crowd_size=(10000, 20000)),
        claim("c", "r3", "2020-10-06", event_type="Riots", sub_event_type="Violent demonstration",
              actor1="Rioters (Kyrgyzstan)", inter1=5, location="Osh", admin1="Osh",
              latitude=40.53, longitude=72.8, evidence="Жапаров вышел на свободу"),
        claim("d", "r3", "2020-11-20", event_type="Riots", sub_event_type="Violent demonstration",
              actor1="Rioters (Kyrgyzstan)", inter1=5),  # outside the period asked for
    ]


def _events(claims=None):
    result = merge_claims(claims or _claims(), INFOS,
                          watching_blocs=["domestic", "western", "russian", "chinese"])
    return list(result.events_changed)


def _report(events, **kw):
    kw.setdefault("previous", None)
    return build_report(CASE, events, since=date(2020, 10, 1), until=date(2020, 10, 31),
                        generated=NOW, outlets=OUTLETS,
                        reports_by_outlet={"sample-wire": 1, "sample-tv": 1, "sample-ru": 2}, **kw)


def test_headline_ranges_ratio_and_contested():
    report = _report(_events())
    assert report.events_total == 2  # the November riot is outside the period
    head = {h.label: h for h in report.headline}
    assert head["Killed"].value == "1"
    assert head["Injured"].value == "590 (reports 590–1,200)"
    # the largest crowd against the case population: 5,000-20,000 of 6.6 million
    assert head["Peak crowd"].value.startswith("5,000 (reports 5,000–20,000)")
    assert "0.08%–0.30% of the population" in head["Peak crowd"].value
    assert head["Regions with unrest"].value == "2"
    assert [e.event_date for e in report.contested] == [date(2020, 10, 5)]
    assert report.regions == (("Bishkek", 1), ("Osh", 1))


def test_coverage_shows_silent_blocs_and_timeline_days():
    report = _report(_events())
    by_bloc = {c.bloc: c for c in report.coverage}
    assert by_bloc["russian"].reports == 2 and by_bloc["russian"].events_reported == 1
    assert by_bloc["chinese"].events_reported == 0 and by_bloc["chinese"].events_silent == 2
    assert [(d.day, d.by_type) for d in report.timeline] == [
        (date(2020, 10, 5), (("Protests", 1),)), (date(2020, 10, 6), (("Riots", 1),))]


def test_changes_since_the_previous_snapshot():
    from sitroom.present.sitrep import snapshot

    first = _events(_claims()[:2])
    previous = snapshot(first)
    later = _events()
    report = _report(later, previous=previous, previous_time=NOW)
    assert len(report.changes.new) == 1 and report.changes.removed == ()
    assert _report(later).changes.previous is None


def test_alerts_belong_to_the_period_of_their_event():
    events = _events()
    first = next(e for e in events if e.event_date == date(2020, 10, 5))
    inside = Alert("deaths", first.id, datetime(2026, 1, 1, tzinfo=UTC), "one killed")
    outside = Alert("deaths", "no-such-event", NOW)
    report = _report(events, alerts=[inside, outside])
    assert report.alerts == (inside,) and report.watch("deaths") == "Any death"


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_written_files(tmp_path, fmt):
    report = _report(_events())
    files = write_report(report, tmp_path / f"report.{fmt}", fmt)
    data = files[0].read_bytes()
    if fmt == "md":
        assert [f.name for f in files] == ["report.md", "report-timeline.png", "report-map.png"]
        assert all(f.read_bytes().startswith(b"\x89PNG") for f in files[1:])
        text = data.decode()
        assert "| Injured | 590 (reports 590–1,200) |" in text
        assert "![Events per day by type](report-timeline.png)" in text
    elif fmt == "html":
        text = data.decode()
        assert text.count("data:image/png;base64,") == 2
        assert "Sample Russian Wire" in text and "silent" in text
    else:
        assert data.startswith(b"%PDF-")
        if shutil.which("pdftotext"):
            words = subprocess.run(["pdftotext", str(files[0]), "-"], capture_output=True,
                                   text=True, check=True).stdout
            assert "Situation report: Sample crisis in Kyrgyzstan" in words
            assert re.search(r"Injured\s+590 \(reports 590–1,200\)", words)
        if shutil.which("pdftoppm"):  # the pages render as pictures
            subprocess.run(["pdftoppm", "-r", "30", "-png", str(files[0]),
                            str(tmp_path / "page")], check=True)
            assert (tmp_path / "page-1.png").exists()


def test_report_text_is_escaped_in_html(tmp_path):
    hostile = claim("h", "r1", event_type="Protests", sub_event_type="Peaceful protest",
                    location="<script>alert(1)</script>", actor1="<b>Protesters</b>")
    report = _report(_events([hostile]))
    (path,) = write_report(report, tmp_path / "r.html", "html")
    text = path.read_text()
    assert "<script>alert(1)" not in text and "&lt;script&gt;" in text


def test_publish_twice_reports_what_changed(store, tmp_path):
    store.save_case(CASE)
    for outlet in OUTLETS:
        store.save_outlet(outlet, case=CASE.name)
    for rid, outlet in (("r1", "sample-wire"), ("r2", "sample-tv"), ("r3", "sample-ru")):
        store.add_report(Report(id=rid, kind="article", text=f"sample report {rid}",
                                outlet=outlet, case=CASE.name, url=f"http://127.0.0.1/{rid}"))
    store.add_claims(_claims())
    events = sorted(_events(), key=lambda e: e.event_date)
    store.save_events(events[:1])
    first = publish_report(store, CASE.name, fmt="md", output=tmp_path / "one.md", now=NOW)
    assert first.report.changes.previous is None and first.report.events_total == 1
    store.save_events(events[1:])  # the 6 October riot, and one of November (not in the case)
    second = publish_report(store, CASE.name, fmt="html", output=tmp_path / "two.html",
                            now=datetime(2020, 10, 21, tzinfo=UTC))
    assert second.report.changes.previous == NOW
    assert second.report.changes.new == (events[1].id,) and second.report.events_total == 2
    assert "1 new event(s)" in (tmp_path / "two.html").read_text()


def test_cli_report_and_its_errors(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 's.sqlite'}"
    assert main(["--db", db, "case", "load", "kyrgyzstan-2020"]) == 0
    out = tmp_path / "deep" / "r.pdf"
    assert main(["--db", db, "report", "--case", "kyrgyzstan-2020", "--format", "pdf",
                 "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF") and "0 events" in capsys.readouterr().out
    assert main(["--db", db, "report", "--case", "nowhere", "-o", str(out)]) == 1
    assert "stored cases: kyrgyzstan-2020" in capsys.readouterr().err
    assert main(["--db", db, "report", "--case", "kyrgyzstan-2020", "--since", "2020-13-01",
                 "-o", str(out)]) == 1
    assert "bad --since '2020-13-01'" in capsys.readouterr().err
