"""Claims, events, merge history and alerts on both backends."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from sitroom.errors import NotFound, StoreError
from sitroom.model import (
    Alert,
    Claim,
    Corroboration,
    CrowdSize,
    Event,
    FigureRange,
    MergeAction,
    OutletFigures,
    Report,
)
from sitroom.store.rows import claim_id


def claim(doc: str, index: int = 0, version: str = "v1", **kw) -> Claim:
    values = {
        "doc_id": doc, "event_date": date(2020, 10, 6), "time_precision": 1,
        "event_type": "Protests", "sub_event_type": "Protest with intervention",
        "actor1": "Protesters (Kyrgyzstan)", "inter1": 6, "country": "Kyrgyzstan",
        "iso3": "KGZ", "admin1": "Bishkek", "location": "Bishkek", "latitude": 42.87,
        "longitude": 74.59, "geo_precision": 1, "fatalities": 1, "injuries": 590,
        "arrests": None, "crowd_size": CrowdSize(5000, 10000, "thousands"),
        "evidence": "Sample sentence: thousands rallied on Ala-Too square.",
        "confidence": 0.8, "coder_version": version, "index": index,
        "id": claim_id(doc, version, index),
    }
    values.update(kw)
    return Claim(**values)


def event(eid: str, claims: tuple[Claim, ...], **kw) -> Event:
    values = {
        "id": eid, "claim_ids": tuple(c.id for c in claims), "event_date": date(2020, 10, 6),
        "time_precision": 1, "event_type": "Protests", "sub_event_type": "Peaceful protest",
        "political_event": None, "plover_type": "PROTEST", "actor1": "Protesters (Kyrgyzstan)",
        "inter1": 6, "country": "Kyrgyzstan", "iso3": "KGZ", "admin1": "Bishkek",
        "location": "Bishkek", "latitude": 42.87, "longitude": 74.59, "geo_precision": 1,
        "fatalities": FigureRange(1, 1, 2, disputed=True), "injuries": FigureRange(590, 590, 686),
        "arrests": None, "crowd_size": FigureRange(5000, 5000, 10000),
        "target_owner_iso3": None,
        "figures": tuple(
            OutletFigures(c.id, c.doc_id, f"outlet-{i}", "domestic", c.fatalities, c.injuries,
                          c.arrests, c.crowd_size)
            for i, c in enumerate(claims)
        ),
        "corroboration": Corroboration(len(claims), ("outlet-0", "outlet-1"), ("domestic",),
                                       ("russian", "western"), single_source=len(claims) == 1),
        "notes": "sample", "status": "auto",
    }
    values.update(kw)
    return Event(**values)


def test_claims_round_trip_and_never_change(store):
    a = claim("r1")
    b = claim("r1", 1, crowd_size=None, arrests=3, fatalities=0, latitude=None)
    c = claim("r1", 2, crowd_size=CrowdSize(None, None, ""), event_date=None)
    assert store.add_claims([a, b, c]) == 3
    assert store.list_claims("r1") == [a, b, c]
    changed = replace(a, fatalities=99, evidence="rewritten")
    assert store.add_claims([changed, a]) == 0
    assert store.list_claims("r1")[0] == a
    assert store.get_claims([c.id, "nope", a.id]) == [c, a]
    assert store.count_claims() == 3


def test_claims_by_coder_version_and_missing_ids(store):
    store.add_claims([claim("r1"), claim("r1", version="v2"), claim("r2")])
    assert [c.coder_version for c in store.list_claims("r1", "v2")] == ["v2"]
    assert len(store.list_claims(coder_version="v1")) == 2
    no_id = replace(claim("r3"), id="")
    assert store.add_claims([no_id, no_id]) == 1
    assert store.list_claims("r3")[0].id == claim_id("r3", "v1", 0)


def test_iter_claims_in_batches(store):
    made = [claim(f"r{n}", n % 3) for n in range(25)]
    assert store.add_claims(made) == 25
    got = list(store.iter_claims(batch=7))
    assert sorted(got, key=lambda c: c.id) == got and {c.id for c in got} == {c.id for c in made}


def test_events_round_trip_and_upsert(store):
    cs = (claim("r1"), claim("r2"))
    store.add_claims(cs)
    e = event("e1", cs)
    store.save_events([e])
    assert store.get_event("e1") == e
    smaller = event("e1", cs[:1], fatalities=None, corroboration=None, status="confirmed")
    store.save_events([smaller])
    assert store.get_event("e1") == smaller
    assert store.events_of_claims([cs[0].id, cs[1].id]) == {cs[0].id: "e1"}
    assert store.get_events(["x", "e1"]) == [smaller] and store.count_events() == 1


def test_event_with_no_figures_and_unknowns(store):
    bare = Event(id="bare", claim_ids=(), event_date=None, time_precision=None, event_type=None,
                 sub_event_type=None)
    store.save_events([bare])
    assert store.get_event("bare") == bare


def test_delete_events(store):
    store.save_events([event("e1", (claim("r1"),)), event("e2", (claim("r2"),))])
    store.delete_events(["e1", "missing"])
    with pytest.raises(NotFound):
        store.get_event("e1")
    assert [e.id for e in store.list_events()] == ["e2"]
    assert store.events_of_claims([claim("r1").id]) == {}


def test_list_events_filters(store):
    reports = [Report(id=f"r{n}", kind="article", text=f"Sample text {n}",
                      case="c1" if n < 2 else "c2") for n in range(4)]
    store.add_reports(reports)
    cs = [claim(f"r{n}") for n in range(4)]
    store.add_claims(cs)
    store.save_events([
        event("e0", (cs[0],), event_date=date(2020, 10, 5)),
        event("e1", (cs[1],), event_date=date(2020, 10, 6), event_type="Riots"),
        event("e2", (cs[2],), event_date=date(2020, 10, 9), iso3="KAZ", country="Kazakhstan"),
        event("e3", (cs[3],), event_date=None),
    ])

    def ids(**kw) -> list[str]:
        return [e.id for e in store.list_events(**kw)]

    assert ids() == ["e0", "e1", "e2", "e3"]
    assert ids(case="c1") == ["e0", "e1"]
    assert ids(since=datetime(2020, 10, 6, tzinfo=UTC)) == ["e1", "e2"]
    assert ids(until=datetime(2020, 10, 6, tzinfo=UTC)) == ["e0"]
    assert ids(event_type="Riots") == ["e1"]
    assert ids(country="KAZ") == ["e2"] and ids(country="Kazakhstan") == ["e2"]
    assert ids(limit=2) == ["e0", "e1"]


def test_merge_history_in_order_and_by_event(store):
    at = datetime(2020, 10, 6, 12, tzinfo=UTC)
    a1 = MergeAction("m1", "create", ("e1",), ("c1",), at=at, reason="new cluster",
                     payload=(("score", 0.91), ("previous", ("e0", "e9")),
                              ("snapshot", {"fatalities": [1, 2]})))
    a2 = MergeAction("m2", "merge", ("e1", "e2"), ("c1", "c2"), actor="analyst", at=at)
    a3 = MergeAction("m3", "undo", ("e2",), undoes="m2", at=at)
    for a in (a1, a2, a3):
        store.add_merge_action(a)
    store.add_merge_action(replace(a1, reason="changed"))  # an id already written stays
    assert store.list_merge_actions() == [a1, a2, a3]
    assert store.list_merge_actions("e1") == [a1, a2]
    assert store.list_merge_actions("e2") == [a2, a3]
    assert store.list_merge_actions("nothing") == []


def test_alerts_fire_once_per_watch_and_event(store):
    t1 = datetime(2020, 10, 6, 1, tzinfo=UTC)
    t2 = datetime(2020, 10, 6, 2, tzinfo=UTC)
    assert store.add_alert(Alert("w1", "e1", t1, "fatalities in Osh")) is True
    assert store.add_alert(Alert("w1", "e1", t2, "again")) is False
    assert store.add_alert(Alert("w2", "e1", t2)) is True
    assert store.list_alerts() == [Alert("w1", "e1", t1, "fatalities in Osh"),
                                   Alert("w2", "e1", t2)]
    assert [a.watch for a in store.list_alerts("w2")] == ["w2"]


def test_apply_merge_is_one_transaction(store):
    store.save_events([event("e1", (claim("r1"),)), event("e2", (claim("r2"),))])
    merged = event("e3", (claim("r1"), claim("r2")))
    action = MergeAction("m1", "merge", ("e1", "e2", "e3"), (claim("r1").id, claim("r2").id))
    store.apply_merge(save=[merged], delete=["e1", "e2"], actions=[action])
    assert [e.id for e in store.list_events()] == ["e3"]
    assert store.list_merge_actions("e1") == [action]
    # A step that fails part-way (an action without an id breaks NOT NULL) changes nothing.
    bad = MergeAction(None, "split", ("e3",))  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.apply_merge(save=[event("e4", (claim("r1"),))], delete=["e3"], actions=[bad])
    assert [e.id for e in store.list_events()] == ["e3"]
    assert store.list_merge_actions() == [action]
