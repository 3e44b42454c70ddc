"""Clustering: deterministic, incremental, clusters not chains, unmerged singletons."""

import random

from tests.support.claims import claim, info

from sitroom.merge.cluster import MemoryEventIndex, anchor, merge_claims, merge_incremental
from sitroom.merge.encoder import EvidenceSimilarity
from sitroom.merge.types import Constraints

INFOS = {f"r{i}": info(f"r{i}", f"outlet{i}") for i in range(1, 20)}


def _clusters(result):
    return sorted(tuple(e.claim_ids) for e in result.events_changed)


def _week_of_protests():
    return [claim(f"c{d}{k}", f"r{k}", f"2020-10-0{d}") for d in range(5, 9) for k in (1, 2)]


def test_successive_days_in_one_square_stay_separate():
    result = merge_claims(_week_of_protests(), INFOS)
    assert _clusters(result) == [("c51", "c52"), ("c61", "c62"), ("c71", "c72"), ("c81", "c82")]


def test_same_claims_same_events_same_ids_in_any_order():
    claims = _week_of_protests()
    first = merge_claims(claims, INFOS)
    shuffled = claims[:]
    random.Random(7).shuffle(shuffled)
    second = merge_claims(shuffled, INFOS)
    assert [e.to_dict() for e in first.events_changed] == [
        e.to_dict() for e in second.events_changed
    ]


def test_no_chain_through_a_week_claim():
    # a week-precision digest may match Monday or Tuesday but cannot glue them together
    claims = [claim("a", "r1", "2020-10-05"), claim("b", "r2", "2020-10-06"),
              claim("w", "r3", "2020-10-06", time_precision=2)]
    events = merge_claims(claims, INFOS).events_changed
    assert all(not {"a", "b"} <= set(e.claim_ids) for e in events)


def test_unmerged_singletons_stay_visible():
    claims = [claim("a", "r1"), claim("b", "r2", None), claim("c", "r3", iso3=None, country=None)]
    result = merge_claims(claims, INFOS)
    by_claim = {e.claim_ids: e for e in result.events_changed}
    assert by_claim[("b",)].status == "unmerged"
    assert by_claim[("c",)].status == "unmerged"
    assert by_claim[("a",)].status == "auto"
    reasons = {a.claim_ids: a.reason for a in result.actions}
    assert "no date" in reasons[("b",)] and "no place" in reasons[("c",)]


def test_incremental_join_touches_only_the_event_joined():
    first = merge_claims(_week_of_protests(), INFOS)
    claims = {c.id: c for c in _week_of_protests()}
    index = MemoryEventIndex(first.events_changed, claims)
    late = claim("late", "r9", "2020-10-06")
    result = merge_incremental(index, [late], INFOS)
    assert len(result.events_changed) == 1
    ev = result.events_changed[0]
    assert set(ev.claim_ids) == {"c61", "c62", "late"}
    assert ev.id == next(e.id for e in first.events_changed if "c61" in e.claim_ids)
    assert [a.action for a in result.actions] == ["join"]
    assert merge_claims([*claims.values(), late], INFOS).events_changed[1].claim_ids == ev.claim_ids


def test_pins_and_apart_constraints_are_honoured():
    a, b, c = claim("a", "r1"), claim("b", "r2"), claim("c", "r3")
    cons = Constraints(pins={anchor(c): "ev-pinned"},
                       apart=frozenset({frozenset((anchor(a), anchor(b)))}))
    result = merge_claims([a, b, c], INFOS, constraints=cons)
    clusters = _clusters(result)
    assert ("c",) in clusters and ("a", "b") not in clusters
    assert any(e.id == "ev-pinned" for e in result.events_changed)


def test_event_keeps_every_outlets_figures():
    a = claim("a", "r1", crowd_size=(2000, 2000))
    b = claim("b", "r2", crowd_size=(5000, None))
    (ev,) = merge_claims([a, b], INFOS).events_changed
    assert [f.outlet for f in ev.figures] == ["outlet1", "outlet2"]
    assert ev.crowd_size.disputed and ev.crowd_size.value == 2000
    assert ev.corroboration.independent_outlets == 2


def test_cross_language_evidence_decides_a_doubtful_pair():
    base = dict(actor1="Supporters of Party X")
    en = claim("en", "r1", evidence="Police detained thirty people at a rally in Bishkek.", **base)
    ru = claim("ru", "r2", evidence="Полиция задержала тридцать человек на митинге в Бишкеке.",
               actor1="Supporters of Party Y")
    other = claim("x", "r3", evidence="A car bomb destroyed a shop in the market.",
                  actor1="Supporters of Party Z")
    sim = EvidenceSimilarity()
    assert _clusters(merge_claims([en, ru], INFOS, similarity=sim)) == [("en", "ru")]
    assert _clusters(merge_claims([en, other], INFOS, similarity=sim)) == [("en",), ("x",)]
