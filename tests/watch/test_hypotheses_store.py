"""Indicators and hypotheses through the store and the CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitroom.cli import main
from sitroom.errors import AnalysisError
from sitroom.model import Claim, Report
from sitroom.pipeline.analysis import (
    add_note,
    case_assessment,
    case_indicators,
    decide,
    list_evidence,
)
from sitroom.store import open_store
from sitroom.watch.context import CaseContext
from sitroom.watch.hypotheses import CaseEvidence, assess

from .analysis_samples import CASE, TEXTS, sample_events

MOB = "indicator:mobilisation_ratio"


def fill(store) -> None:
    """The sample case, one report and claim per outlet figure, and the merged events."""
    store.save_case(CASE)
    events = sample_events()
    reports, claims = [], []
    for e in events:
        for f in e.figures:
            text = f"{TEXTS.get(e.id, 'Sample report.')} ({f.report_id}, sample text)"
            reports.append(Report(id=f.report_id, kind="article", text=text, outlet=f.outlet,
                                  case=CASE.name))
            claims.append(Claim(doc_id=f.report_id, id=f.claim_id, event_date=e.event_date,
                                time_precision=1, event_type=e.event_type,
                                sub_event_type=e.sub_event_type, evidence=TEXTS.get(e.id, "")))
    store.add_reports(reports)
    store.add_claims(claims)
    store.save_events(events)


@pytest.fixture
def url(store_url):
    with open_store(store_url) as store:
        fill(store)
    return store_url


def test_the_store_gives_the_same_assessment_as_the_events_themselves(url):
    with open_store(url) as store:
        stored = case_assessment(store, CASE.name)
        indicators = case_indicators(store)  # the only case: no --case needed
    direct = assess(CaseEvidence(CaseContext(CASE), tuple(sample_events()), texts=TEXTS))
    assert stored.to_dict() == direct.to_dict()
    assert indicators.total.seizures == ("e2",)  # the coded sentences were loaded
    assert indicators.total.peak_crowd.ratio_low == 0.003


def test_notes_and_decisions_are_kept_and_counted(url):
    with open_store(url) as store:
        note = add_note(store, None, "coup", "II", "No foreign money found (sample note).",
                        credibility="high", relevance="0.5", evidence_date=date(2020, 10, 7),
                        author="ana")
        rid = next(r.id for i in list_evidence(store) if i.id == MOB for r in i.ratings
                   if r.hypothesis == "elite")
        decide(store, rid, "confirmed", rating="N", author="ana", reason="crowd figure doubtful")
    with open_store(url) as store:  # reopened: everything was stored
        result = {h.key: h for h in case_assessment(store).hypotheses}
        assert store.list_evidence_notes(CASE.name) == [note]
    assert result["coup"].score == 1.0 and result["coup"].evidence[0].by == "ana"
    elite = next(r for r in result["elite"].evidence if r.item == MOB)
    assert (elite.rating, elite.status, elite.proposed) == ("N", "confirmed", "I")
    with open_store(url) as store:
        decide(store, rid, "rejected", author="bo")
        elite = next(r for h in case_assessment(store).hypotheses if h.key == "elite"
                     for r in h.evidence if r.item == MOB)
    assert elite.status == "rejected" and elite.by == "bo"


BAD_NOTES = [
    ({"hypothesis": "nope"}, "unknown hypothesis 'nope' in case 'sample-case'; known: "
                             "uprising, elite, coup"),
    ({"rating": "VC"}, "unknown rating 'VC'"),
    ({"event_id": "no-such-event"}, "no event 'no-such-event'"),
    ({"credibility": "very"}, "bad credibility 'very'"),
    ({"relevance": "2"}, "between 0 and 1"),
    ({"text": "  "}, "needs its text"),
]


def test_bad_notes_are_refused_and_nothing_is_stored(url):
    with open_store(url) as store:
        for kwargs, words in BAD_NOTES:
            args = {"hypothesis": "coup", "rating": "I", "text": "sample"} | kwargs
            with pytest.raises(AnalysisError) as raised:
                add_note(store, CASE.name, args.pop("hypothesis"), args.pop("rating"),
                         args.pop("text"), **args)
            assert words in str(raised.value)
        assert store.list_evidence_notes() == []


def test_unknown_case_and_rating_id_are_clear_errors(url):
    with open_store(url) as store:
        with pytest.raises(AnalysisError, match=r"unknown case 'atlantis'.*: sample-case"):
            case_assessment(store, "atlantis")
        with pytest.raises(AnalysisError, match="no proposed rating 'r-0000'"):
            decide(store, "r-0000", "confirmed")


def _run(capsys, url, *argv) -> tuple[int, str, str]:
    code = main(["--db", url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_hypotheses_json_is_a_list_with_key_score_evidence_history(url, capsys):
    code, out, _ = _run(capsys, url, "hypotheses", "--format", "json")
    data = json.loads(out)
    assert code == 0 and [h["key"] for h in data] == ["uprising", "elite", "coup"]
    for h in data:
        assert {"key", "score", "evidence", "history"} <= set(h)
    elite = data[1]
    assert elite["score"] == 0.8 and len(elite["history"]) == 5
    row = next(r for r in elite["evidence"] if r["item"] == MOB)
    assert row["status"] == "proposed" and row["weight"] == 0.8 and row["credibility"] == 0.8
    assert data[2]["score"] is None and data[2]["status"] == "no evidence"


def test_cli_before_the_case_starts_shows_an_empty_picture(url, capsys):
    code, out, _ = _run(capsys, url, "hypotheses", "--as-of", "2020-09-01", "--format", "json")
    assert code == 0
    assert [(h["status"], h["score"], h["evidence"]) for h in json.loads(out)] == [
        ("no evidence", None, [])] * 3
    code, out, _ = _run(capsys, url, "hypotheses", "--as-of", "2020-09-01")
    assert code == 0 and out.count("no evidence yet") == 3
    code, out, _ = _run(capsys, url, "indicators", "--until", "2020-09-01")
    assert code == 0 and "no events" in out


def test_cli_unknown_hypothesis_lists_the_known_ones(url, capsys):
    for argv in (("hypotheses", "--hypothesis", "nope"),
                 ("evidence", "add", "--hypothesis", "nope", "--rating", "I", "--text", "x")):
        code, _, err = _run(capsys, url, *argv)
        assert code == 1
        assert "unknown hypothesis 'nope'" in err and "known: uprising, elite, coup" in err


def test_cli_evidence_add_list_confirm_reject(url, capsys):
    code, out, _ = _run(capsys, url, "evidence", "add", "--hypothesis", "coup", "--rating",
                        "CC", "--text", "Sample note", "--event", "e4", "--by", "ana")
    assert code == 0 and "rated CC for coup" in out
    code, out, _ = _run(capsys, url, "evidence", "list", "--proposed")
    assert code == 0 and "note:" not in out and MOB in out
    rid = next(line.split()[0] for line in out.splitlines() if "elite: I proposed" in line)
    code, out, _ = _run(capsys, url, "evidence", "confirm", rid, "--rating", "II")
    assert code == 0 and "confirmed as II" in out
    code, out, _ = _run(capsys, url, "hypotheses", "--hypothesis", "elite")
    assert "II confirmed" in out and "uprising: A popular uprising" not in out
    code, out, _ = _run(capsys, url, "evidence", "reject", rid)
    assert code == 0 and "rejected" in out
    code, _, err = _run(capsys, url, "evidence", "confirm", "r-nothing")
    assert code == 1 and "no proposed rating 'r-nothing'" in err


def test_cli_indicators_in_three_formats(url, capsys):
    code, out, _ = _run(capsys, url, "indicators", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["total"]["peak_crowd"]["event_id"] == "e8"
    assert [d["start"] for d in data["days"]][:2] == ["2020-10-05", "2020-10-06"]
    code, out, _ = _run(capsys, url, "indicators", "--format", "csv", "--since", "2020-10-05",
                        "--until", "2020-10-05")
    lines = out.splitlines()
    assert lines[0] == "period,indicator,key,value,low,high,event_ids"
    assert "case,killed,,,1,3,e2" in lines and "2020-10-05,seizures_of_state_buildings,,1,,,e2" \
        in lines
    code, out, _ = _run(capsys, url, "indicators")
    assert code == 0 and "mobilisation ratio 0.3000%" in out
    code, _, err = _run(capsys, url, "indicators", "--since", "October")
    assert code == 1 and "bad --since 'October'" in err
