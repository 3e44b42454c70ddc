"""Indicator watches: a case indicator crossing a bound fires once, on the crossing event."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tests.watch.analysis_samples import CASE, sample_events

from sitroom.errors import WatchError
from sitroom.model import Watch
from sitroom.pipeline.watch import check_watches
from sitroom.settings import Settings
from sitroom.watch.alerts import decide
from sitroom.watch.rules import context_of_case, crossing, parse_rule

NOW = datetime(2020, 10, 12, 9, tzinfo=UTC)
CTX = context_of_case(CASE)


def test_mobilisation_crosses_on_the_day_of_the_big_crowd_and_fires_once():
    rule = parse_rule("mobilised", "Mobilised", {"indicator": "mobilisation_ratio",
                                                 "above": 0.001})
    assert rule.indicator == ("mobilisation_ratio", "above", 0.001)
    events = sample_events()
    assert crossing(rule, events[:1], CTX) is None  # 500 of a million is below
    first = decide([rule], events, ctx=CTX, now=NOW)
    assert [(a.watch, a.event_id) for a in first.alerts] == [("mobilised", "e1")]
    again = decide([rule], events, ctx=CTX, now=NOW, fired={("mobilised", "e1")})
    assert again.alerts == ()


def test_spread_and_killed_cross_on_their_own_days():
    spread = parse_rule("spread", "Spread", {"indicator": "spread_admin1", "at_least": 3})
    hit = crossing(spread, sample_events(), CTX)
    assert hit is not None and str(hit.event_date) == "2020-10-08"
    killed = parse_rule("killed", "Killed", {"indicator": "killed", "at_least": 2})
    assert crossing(killed, sample_events(), CTX) is None  # one killed, conservatively
    assert crossing(parse_rule("k", "K", {"indicator": "killed", "above": 0}),
                    sample_events(), CTX).id == "e1"


@pytest.mark.parametrize("query, why", [
    ({"indicator": "mobilization", "above": 1}, "unknown indicator"),
    ({"indicator": "killed", "above": "ten"}, "takes one number"),
    ({"indicator": "killed"}, "one bound"),
    ({"indicator": "killed", "above": 1, "at_least": 2}, "one bound"),
    ({"indicator": "killed", "above": 1, "location": "Osh"}, "nothing else"),
    ({"at_least": 3}, "indicator and one bound"),
])
def test_bad_indicator_watches_are_refused(query, why):
    with pytest.raises(WatchError, match=why):
        parse_rule("w", "W", query)


def test_an_indicator_watch_on_the_store_fires_once(store):
    store.save_events(sample_events())
    store.add_watch(Watch("killed", "People killed", (("indicator", "killed"),
                                                      ("at_least", 1))), "")
    first = check_watches(store, Settings(), now=NOW, senders={})
    assert [(a.watch, a.event_id) for a in first.alerts] == [("killed", "e1")]
    assert check_watches(store, Settings(), now=NOW, senders={}).alerts == ()
    assert [a.event_id for a in store.list_alerts("killed")] == ["e1"]


@pytest.mark.parametrize("query, why", [
    ("indicator: killed\n      at_least: 1\n      location: Osh\n", ":5: .*nothing else"),
    ("indicator: killed\n      above: ten\n", ":6: above takes one number"),
    ("indicator: mobilization\n      above: 0.1\n", ":5: unknown indicator"),
])
def test_a_bad_indicator_watch_in_a_case_file_names_file_and_line(tmp_path, query, why):
    from sitroom.cases.loader import load_case

    case = tmp_path / "c"
    case.mkdir()
    (case / "case.yaml").write_text("name: c\ntitle: C\ncountries: [KGZ]\n")
    (case / "watches.yaml").write_text(
        "watches:\n  - key: w\n    title: W\n    query:\n      " + query)
    with pytest.raises(Exception, match="watches.yaml" + why):
        load_case(case)
