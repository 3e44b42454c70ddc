"""Acceptance on the demo case: the pipeline run day by day over the demo corpus, in date order.

Each day's sample reports are stored, coded by the real coder and merged; the hypotheses are
then scored as of that day. Every hypothesis's score must move as the reports arrive, and the
mobilisation ratio of the largest crowd must be computed against the case population.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from itertools import pairwise

import pytest

from sitroom.model import Report
from sitroom.pipeline.analysis import case_assessment, case_indicators
from sitroom.store import open_store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def day_by_day(tmp_path_factory):
    """(the store's URL, [(day, {hypothesis: score})]) after feeding the corpus day by day."""
    from sitroom.cases import load_case
    from sitroom.coding import Coder
    from sitroom.demo.corpus import load_corpus, load_sample_outlets
    from sitroom.pipeline.code import recode
    from sitroom.pipeline.merge import merge_store

    case = load_case("kyrgyzstan-2020")
    corpus = load_corpus()
    url = f"sqlite:///{tmp_path_factory.mktemp('demo-days') / 'demo.sqlite'}"
    seen = []
    with open_store(url) as store:
        store.save_case(case)
        for outlet in load_sample_outlets():
            store.save_outlet(outlet, case=case.name)
        coder = Coder(case.actors, countries_hint=case.countries)
        for day in sorted({r.day for r in corpus}):
            store.add_reports([
                Report(id=r.id, kind="article", text=r.text, title=r.title, outlet=r.outlet,
                       lang=r.lang, published=r.published, near_duplicate_of=r.copy_of,
                       case=case.name)
                for r in corpus if r.day == day])
            recode(store, coder, case=case.name, since=datetime.combine(day, time(), UTC))
            merge_store(store, case=case.name)
            result = case_assessment(store, case.name, as_of=day, with_history=False)
            seen.append((day, {h.key: h.score for h in result.hypotheses}))
    return url, seen


def test_each_hypothesis_score_moves_as_the_reports_arrive(day_by_day):
    _, seen = day_by_day
    assert len(seen) >= 10
    keys = seen[0][1].keys()
    for key in keys:
        scores = [s[key] for _, s in seen]
        numbers = {s for s in scores if s is not None}
        changes = sum(1 for a, b in pairwise(scores) if a != b)
        assert len(numbers) >= 3 and changes >= 3, (key, scores)
    # election day brings no evidence on most hypotheses: they say so instead of scoring 0
    assert None in seen[0][1].values()


def test_the_replayed_history_moves_too(day_by_day):
    url, _ = day_by_day
    with open_store(url) as store:
        final = case_assessment(store, "kyrgyzstan-2020")
    for h in final.hypotheses:
        assert h.status == "scored"
        values = [p.score for p in h.history]
        assert len({v for v in values if v is not None}) >= 2, (h.key, values)
        assert h.history[-1].score == h.score
    assert final.sensitivity, "some item should be able to change the ranking"


def test_mobilisation_ratio_of_the_largest_crowd_against_the_case_population(day_by_day):
    url, _ = day_by_day
    with open_store(url) as store:
        indicators = case_indicators(store, "kyrgyzstan-2020")
        events = [e for e in store.list_events(case="kyrgyzstan-2020")
                  if e.crowd_size and e.iso3 in (None, "KGZ") and e.status != "rejected"]
    peak = indicators.total.peak_crowd
    largest = max(e.crowd_size.low for e in events)
    assert peak.population == 6_600_000
    assert peak.low == largest
    assert peak.event_id in {e.id for e in events if e.crowd_size.low == largest}
    assert peak.ratio_low == round(largest / 6_600_000, 6)
    assert peak.low >= 5000  # the sample corpus reports crowds of thousands in Bishkek

