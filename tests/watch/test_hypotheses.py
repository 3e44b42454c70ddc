"""Competing hypotheses over hand-made evidence: proposals, Heuer's scores, history, sensitivity."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sitroom.model import AnalystNote, RatingDecision
from sitroom.watch.context import CaseContext
from sitroom.watch.evidence import event_matches, proposal_id
from sitroom.watch.hypotheses import CaseEvidence, assess, evidence_as_of

from .analysis_samples import CASE, TEXTS, sample_events

CTX = CaseContext(CASE)
MOB = "indicator:mobilisation_ratio"


def _data(**kw) -> CaseEvidence:
    return CaseEvidence(ctx=CTX, events=tuple(sample_events()), texts=TEXTS, **kw)


def _by_key(result):
    return {h.key: h for h in result.hypotheses}


def test_rules_propose_ratings_for_events_and_indicators():
    items = {i.id: i for i in evidence_as_of(_data(), None)}
    assert set(items) == {MOB, "event:e3", "event:e9"}
    mob = items[MOB]
    assert mob.value == 0.003 and mob.event_ids == ("e8",)
    assert {r.hypothesis: r.rating for r in mob.ratings} == {"uprising": "C", "elite": "I"}
    assert all(r.status == "proposed" for i in items.values() for r in i.ratings)
    assert items["event:e9"].ratings[0].rating == "CC"
    assert items["event:e9"].ratings[0].id == proposal_id("sample-case", "event:e9", "elite")


def test_weighted_inconsistency_ranks_and_a_hypothesis_without_evidence_has_no_score():
    result = assess(_data())
    h = _by_key(result)
    assert result.ranking == ("uprising", "elite")
    assert h["uprising"].score == 0.0 and h["uprising"].consistency == 1.6
    assert h["elite"].score == 0.8 and h["elite"].consistency == 1.6
    assert h["coup"].score is None and h["coup"].status == "no evidence" and h["coup"].rank is None
    diag = {r.item: r.diagnosticity for r in h["elite"].evidence}
    assert diag == {MOB: 2, "event:e9": 2}


def test_history_replays_the_evidence_day_by_day():
    h = _by_key(assess(_data()))
    elite = [(p.date.day, p.score) for p in h["elite"].history]
    # 5 Oct: the 2,000 riot (three outlets, credibility 0.993) already makes the ratio high;
    # 8 Oct: a bigger crowd reported by one outlet (0.8) becomes the peak.
    assert elite == [(5, 0.993), (6, 0.993), (7, 0.993), (8, 0.8), (9, 0.8)]
    assert [p.score for p in h["coup"].history] == [None] * 5


def test_as_of_before_the_case_gives_an_empty_picture():
    result = assess(_data(), as_of=date(2020, 9, 1))
    assert result.items == 0 and result.ranking == () and result.sensitivity == ()
    assert all(h.status == "no evidence" and h.history == () for h in result.hypotheses)


def test_sensitivity_names_the_items_that_would_change_the_ranking():
    result = assess(_data())
    sens = result.sensitivity
    elite = _by_key(result)["elite"]
    assert (MOB, "flipped") in {(s.item, s.change) for s in elite.sensitivity}
    assert _by_key(result)["coup"].sensitivity == ()  # unranked before and after
    found = {(s.item, s.change): s for s in sens}
    assert found[(MOB, "flipped")].leader_changes
    assert found[(MOB, "flipped")].ranking == ("elite", "uprising")
    assert found[("event:e3", "flipped")].leader_changes
    assert (("event:e9", "flipped")) not in found  # elite only falls further behind
    assert sens[0].leader_changes


def test_analyst_decisions_confirm_change_or_reject_proposals():
    rid = proposal_id("sample-case", MOB, "elite")
    now = datetime(2020, 10, 10, tzinfo=UTC)
    changed = RatingDecision(id=rid, case="sample-case", item=MOB, hypothesis="elite",
                             status="confirmed", rating="N", proposed="I", author="ana",
                             decided_at=now)
    h = _by_key(assess(_data(decisions=(changed,))))
    row = next(r for r in h["elite"].evidence if r.item == MOB)
    assert (row.rating, row.status, row.proposed, row.by) == ("N", "confirmed", "I", "ana")
    assert h["elite"].score == 0.0
    rejected = RatingDecision(id=rid, case="sample-case", item=MOB, hypothesis="elite",
                              status="rejected", decided_at=now)
    h = _by_key(assess(_data(decisions=(rejected,))))
    row = next(r for r in h["elite"].evidence if r.item == MOB)
    assert row.status == "rejected" and row.weight == 0.0 and h["elite"].score == 0.0


def test_confirmed_only_counts_what_an_analyst_confirmed():
    rid = proposal_id("sample-case", "event:e3", "uprising")
    ok = RatingDecision(id=rid, case="sample-case", item="event:e3", hypothesis="uprising",
                        status="confirmed", rating="C")
    h = _by_key(assess(_data(decisions=(ok,)), confirmed_only=True))
    assert h["uprising"].consistency == 0.8 and h["elite"].status == "no evidence"


def test_an_analyst_note_is_evidence_with_its_own_weights():
    note = AnalystNote(id="n-1", case="sample-case", hypothesis="coup", rating="II",
                       text="No foreign money found behind the organisers (sample note).",
                       evidence_date=date(2020, 10, 7), credibility=0.9, relevance=0.5)
    result = assess(_data(notes=(note,)))
    coup = _by_key(result)["coup"]
    assert coup.status == "scored" and coup.score == pytest.approx(2 * 0.45)
    assert coup.evidence[0].status == "confirmed" and coup.evidence[0].basis == "analyst"
    assert [p.score for p in coup.history] == [None, None, 0.9, 0.9, 0.9]
    linked = AnalystNote(id="n-2", case="sample-case", hypothesis="coup", rating="I",
                         text="sample", event_id="e2")
    item = next(i for i in evidence_as_of(_data(notes=(linked,)), None) if i.kind == "note")
    assert item.credibility == 0.993 and item.evidence_date == date(2020, 10, 5)


def _ev(eid):
    return next(e for e in sample_events() if e.id == eid)


@pytest.mark.parametrize(("test", "eid", "expected"), [
    ((("statement_bloc", ("russian",)),), "e4", True),
    ((("statement_bloc", ("western",)),), "e4", False),
    ((("statement_bloc", ("western",)),), "e5", True),
    ((("foreign_owner", True),), "e7", True),
    ((("foreign_owner", True),), "e2", False),
    ((("seizure", True),), "e2", True),
    ((("seizure", True),), "e1", False),
    ((("min_crowd", 2000), ("event_type", ("Riots",))), "e2", True),
    ((("min_crowd", 2001),), "e2", False),
    ((("min_fatalities", 1),), "e2", True),
    ((("min_outlets", 3),), "e2", True),
    ((("min_outlets", 4),), "e2", False),
    ((("actor", ("parliament",)),), "e9", True),
    ((("actor", ("russia",)),), "e4", True),
    ((("admin1", ("osh",)),), "e7", True),
])
def test_event_rules(test, eid, expected):
    assert event_matches(test, _ev(eid), CTX, TEXTS.get(eid, "")) is expected


def test_standing_over_a_period_says_what_moved_each_hypothesis():
    from sitroom.watch.standing import standing, standing_lines

    result = assess(_data(), as_of=date(2020, 10, 9))
    got = {s.key: s for s in standing(result, date(2020, 10, 8), date(2020, 10, 9))}
    elite = got["elite"]
    assert (elite.score_before, elite.score, elite.change) == (0.993, 0.8, -0.193)
    assert [r.item for r in elite.movers] == ["event:e9", MOB]  # both dated 8-9 Oct
    assert got["coup"].score is None and got["coup"].movers == ()
    lines = standing_lines(tuple(got.values()))
    assert lines[0].startswith("#1 uprising: weighted inconsistency 0.00 (+0.00 in the period)")
    elite_line = "#2 elite: weighted inconsistency 0.80 (-0.19 in the period) — An elite struggle"
    assert elite_line in lines
    assert lines[-1] == "coup: no evidence yet"
