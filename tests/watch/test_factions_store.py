"""Proposed ties in the store (SQLite and PostgreSQL), and the commands over them."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from tests.watch.test_ties import CASE, _event

from sitroom.cli import main
from sitroom.errors import AnalysisError
from sitroom.model import Claim, Event, ProposedTie, Report, content_hash
from sitroom.pipeline.factions import decide, faction_picture_of, propose

D = date.fromisoformat


def _proposal(n: int, **kw) -> ProposedTie:
    base = dict(id=f"tie-{n:03}", case="aland", source="crowd", relation="supports",
                target="rival", start=D("2020-02-03"), event_ids=("ev-1",), report_ids=("r1",),
                evidence=("Protesters freed Bakyt Rival.",), confidence=0.6, rule="freed")
    return ProposedTie(**{**base, **kw})


def test_save_decide_and_propose_again(store):
    first = store.save_proposals("aland", [_proposal(1), _proposal(2, target="head")])
    assert (first.new, first.refreshed, first.dropped) == (2, 0, 0)
    assert [p.id for p in store.list_proposals("aland")] == ["tie-001", "tie-002"]
    rejected = store.decide_proposal("tie-002", "rejected", by="ana", reason="not so")
    assert (rejected.status, rejected.decided_by, rejected.reason) == ("rejected", "ana", "not so")
    assert rejected.decided_at is not None
    # a rerun proposes the rejected one again: it stays rejected; an undecided one not read
    # again is dropped; a new one is added
    again = store.save_proposals("aland", [_proposal(2, target="head", confidence=0.9),
                                           _proposal(3, target="third")])
    assert (again.new, again.refreshed, again.decided, again.dropped) == (1, 0, 1, 1)
    stored = {p.id: p for p in store.list_proposals("aland")}
    assert set(stored) == {"tie-002", "tie-003"}
    assert stored["tie-002"].status == "rejected" and stored["tie-002"].confidence == 0.6
    assert stored["tie-003"].evidence == ("Protesters freed Bakyt Rival.",)
    assert store.list_proposals("aland", status="proposed")[0].id == "tie-003"


def test_ids_by_prefix_and_unknown_ids(store):
    store.save_proposals("aland", [_proposal(1), _proposal(22)])
    assert store.get_proposal("tie-001").id == "tie-001"
    assert store.get_proposal("tie-02").id == "tie-022"
    with pytest.raises(AnalysisError, match="ambiguous"):
        store.get_proposal("tie-0")
    with pytest.raises(AnalysisError, match=r"unknown tie id 'nope'; known ones include tie-"):
        store.decide_proposal("nope", "accepted")
    with pytest.raises(AnalysisError, match="status must be one of"):
        store.decide_proposal("tie-001", "maybe")


def _load(store) -> list[Event]:
    store.save_case(CASE)
    pairs = [_event(1, "2020-02-03", "Protesters freed Bakyt Rival from prison.",
                    political_event="release_from_custody", actor1="Protesters (Aland)",
                    inter1=6),
             _event(2, "2020-02-05", "Bigland said it held talks with all sides.",
                    plover_type="CONSULT", actor1="Bigland", inter1=8)]
    claims: list[Claim] = [c for _, c in pairs]
    for c in claims:  # events belong to a case through their claims' reports
        store.add_report(Report(id=c.doc_id, kind="document", text=c.evidence, case="aland",
                                content_hash=content_hash(c.evidence)))
    store.add_claims(claims)
    store.save_events([e for e, _ in pairs])
    return [e for e, _ in pairs]


def test_proposed_then_accepted_ties_join_the_picture(store):
    _load(store)
    counts, items = propose(store, "aland")
    assert counts.new == len(items) >= 3
    support = next(p for p in items if (p.source, p.relation, p.target) ==
                   ("crowd", "supports", "rival"))
    before = faction_picture_of(store, "aland", D("2020-02-10"))
    assert "crowd" not in before.camp_of("rival").members
    decide(store, support.id[:8], accept=True, by="ana")
    after = faction_picture_of(store, "aland", D("2020-02-10"))
    assert "crowd" in after.camp_of("rival").supporters
    tie = next(t for t in after.ties if t.proposal_id == support.id)
    assert tie.origin == "accepted" and tie.event_ids == ("ev-1",) and tie.report_ids == ("r1",)
    counts, _ = propose(store, "aland")  # accepted: now known, neither new nor dropped
    assert counts.new == 0 and store.get_proposal(support.id).status == "accepted"


def _run(url, *argv) -> tuple[int, str, str]:
    import contextlib

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", url, *argv])
    return code, out.getvalue(), err.getvalue()


def test_commands(store_url, tmp_path):
    from sitroom.store import open_store

    with open_store(store_url) as store:
        _load(store)
    code, out, err = _run(store_url, "ties", "proposed", "--format", "json")
    assert code == 0 and "new" in err
    items = json.loads(out)
    freed = next(p for p in items if p["relation"] == "supports")
    code, out, _ = _run(store_url, "ties", "reject", freed["id"], "--why", "a rumour",
                        "--by", "ana")
    assert code == 0 and "rejected" in out
    code, out, _ = _run(store_url, "ties", "proposed")
    assert freed["id"] not in out  # not proposed again
    code, out, _ = _run(store_url, "ties", "proposed", "--status", "rejected")
    assert freed["id"] in out and "a rumour" in out
    code, out, _ = _run(store_url, "factions", "--as-of", "2020-02-06")
    assert code == 0 and "GOVERNMENT: Government (Aibek Head)" in out
    assert "OPPOSITION: Bakyt Rival camp" in out
    code, out, _ = _run(store_url, "factions", "--as-of", "2019-12-31", "--format", "json")
    assert code == 0 and json.loads(out)["before_start"] is True
    graphml = tmp_path / "factions.graphml"
    code, _, err = _run(store_url, "factions", "--format", "graphml", "-o", str(graphml))
    root = ET.parse(graphml).getroot()
    assert code == 0 and "wrote" in err and root.tag.endswith("graphml")
    assert len(list(root.iter("{http://graphml.graphdrawing.org/xmlns}edge"))) >= 4
    code, out, _ = _run(store_url, "factions", "--actor", "Rival")
    assert code == 0 and "Roles over time:" in out and "imprisoned" in out
    code, _, err = _run(store_url, "factions", "--actor", "Nobody")
    assert code == 1 and "unknown actor 'Nobody'" in err and "rival" in err
    code, _, err = _run(store_url, "ties", "accept", "tie-nope")
    assert code == 1 and "unknown tie id 'tie-nope'" in err
    code, _, err = _run(store_url, "factions", "--case", "atlantis")
    assert code == 1 and "unknown case 'atlantis'; stored cases: aland" in err
    code, _, err = _run(store_url, "factions", "--as-of", "12/10/2020")
    assert code == 1 and "bad date" in err
