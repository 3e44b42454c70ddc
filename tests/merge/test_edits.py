"""Analyst operations: each reversible, contradictions refused, decisions survive a re-merge."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from tests.support.claims import claim, info

from sitroom.errors import MergeError
from sitroom.merge import edits
from sitroom.merge.cluster import merge_claims
from sitroom.merge.edits import Book, constraints_from

INFOS = {f"r{i}": info(f"r{i}", f"outlet{i}") for i in range(1, 9)}
AT = datetime(2020, 10, 10, tzinfo=UTC)


class Ledger:
    """Applies edit results in memory, as the pipeline does on a store."""

    def __init__(self, claims):
        self.claims = {c.id: c for c in claims}
        result = merge_claims(claims, INFOS, at=AT)
        self.events = {e.id: e for e in result.events_changed}
        self.actions = list(result.actions)

    def book(self):
        return Book(self.events, self.claims, INFOS, tuple(self.actions))

    def apply(self, result):
        for eid in result.deleted:
            del self.events[eid]
        self.events.update({e.id: e for e in result.saved})
        self.actions.append(result.action)
        return result

    def of(self, cid):
        return next(e for e in self.events.values() if cid in e.claim_ids)


@pytest.fixture
def ledger():
    return Ledger([claim("a", "r1"), claim("b", "r2"), claim("c", "r3"),
                   claim("d", "r4", "2020-10-06")])


def test_confirm_reject_and_undo(ledger):
    ev = ledger.of("a")
    act = ledger.apply(edits.confirm(ledger.book(), ev.id, at=AT)).action
    assert ledger.events[ev.id].status == "confirmed"
    with pytest.raises(MergeError, match="already confirmed"):
        edits.confirm(ledger.book(), ev.id)
    ledger.apply(edits.undo(ledger.book(), act.id, at=AT))
    assert ledger.events[ev.id].status == "auto"
    with pytest.raises(MergeError, match="already been undone"):
        edits.undo(ledger.book(), act.id)
    rej = ledger.apply(edits.reject(ledger.book(), ev.id, reason="satire")).action
    assert rej.reason == "satire" and ledger.events[ev.id].status == "rejected"


def test_merging_a_rejected_event_is_refused(ledger):
    a, d = ledger.of("a"), ledger.of("d")
    ledger.apply(edits.reject(ledger.book(), d.id))
    with pytest.raises(MergeError, match="rejected"):
        edits.merge(ledger.book(), [a.id, d.id])
    with pytest.raises(MergeError, match="at least two"):
        edits.merge(ledger.book(), [a.id, a.id])


def test_edit_fields_and_undo(ledger):
    ev = ledger.of("d")
    ledger.apply(edits.edit(ledger.book(), ev.id, {"location": "Osh", "event_date": "2020-10-07",
                                                   "geo_precision": "2"}))
    edited = ledger.events[ev.id]
    assert (edited.location, edited.event_date, edited.geo_precision, edited.status) == (
        "Osh", date(2020, 10, 7), 2, "edited")
    with pytest.raises(MergeError, match="cannot edit"):
        edits.edit(ledger.book(), ev.id, {"fatalities": 3})
    with pytest.raises(MergeError, match="bad value"):
        edits.edit(ledger.book(), ev.id, {"event_date": "yesterday"})
    ledger.apply(edits.undo(ledger.book(), ledger.actions[-1].id))
    assert ledger.events[ev.id].location == "Bishkek"
    assert ledger.events[ev.id].event_date == date(2020, 10, 6)


def test_split_merge_and_their_undo(ledger):
    ev = ledger.of("a")
    assert set(ev.claim_ids) == {"a", "b", "c"}
    with pytest.raises(MergeError, match="not in event"):
        edits.split(ledger.book(), ev.id, ["d"])
    with pytest.raises(MergeError, match="every claim"):
        edits.split(ledger.book(), ev.id, ["a", "b", "c"])
    split = ledger.apply(edits.split(ledger.book(), ev.id, ["c"]))
    assert ledger.of("c").id != ledger.of("a").id
    assert ledger.of("c").corroboration.single_source
    with pytest.raises(MergeError, match="split apart"):
        edits.merge(ledger.book(), [ev.id, ledger.of("c").id])
    ledger.apply(edits.undo(ledger.book(), split.action.id))
    assert set(ledger.events[ev.id].claim_ids) == {"a", "b", "c"}
    d = ledger.of("d")
    merged = ledger.apply(edits.merge(ledger.book(), [ev.id, d.id]))
    assert set(ledger.of("d").claim_ids) == {"a", "b", "c", "d"}
    ledger.apply(edits.undo(ledger.book(), merged.action.id))
    assert set(ledger.of("d").claim_ids) == {"d"} and ledger.of("d").id == d.id


def test_undo_of_automatic_join_splits_the_claim_off(ledger):
    join = next(a for a in ledger.actions if a.action == "join")
    ledger.apply(edits.undo(ledger.book(), join.id))
    (cid,) = join.claim_ids
    assert ledger.of(cid).claim_ids == (cid,)
    create = next(a for a in ledger.actions if a.action == "create")
    with pytest.raises(MergeError, match="cannot be undone"):
        edits.undo(ledger.book(), create.id)
    with pytest.raises(MergeError, match="no action"):
        edits.undo(ledger.book(), "act-nope")


def test_decisions_survive_a_rebuild_and_recoding(ledger):
    ev = ledger.of("a")
    ledger.apply(edits.split(ledger.book(), ev.id, ["c"]))
    ledger.apply(edits.edit(ledger.book(), ev.id, {"location": "Ala-Too square"}))
    cons = constraints_from(list(ledger.events.values()), ledger.claims, ledger.actions)
    # re-coding: new claim ids, same reports and evidence
    recoded = [replace(c, id=c.id + "-v2", coder_version="2") for c in ledger.claims.values()]
    result = merge_claims(recoded, INFOS, constraints=cons)
    clusters = {e.id: set(e.claim_ids) for e in result.events_changed}
    assert clusters[ev.id] == {"a-v2", "b-v2"}
    assert {"c-v2"} in clusters.values()
    rebuilt = next(e for e in result.events_changed if e.id == ev.id)
    assert rebuilt.location == "Ala-Too square" and rebuilt.status == "edited"
