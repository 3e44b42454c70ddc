"""merge_store over a real store: first merge, incremental join, re-coding, analyst decisions."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from tests.support.claims import claim

from sitroom.errors import MergeError
from sitroom.merge import edits
from sitroom.model import Outlet, Report
from sitroom.pipeline.merge import apply_edit, load_book, merge_store

AT = datetime(2020, 10, 10, tzinfo=UTC)
OUTLETS = [Outlet(key="wire", name="Sample wire", bloc="western", sample=True),
           Outlet(key="daily", name="Sample daily", bloc="russian", sample=True),
           Outlet(key="tv", name="Sample TV", bloc="domestic", sample=True)]


def _report(rid: str, outlet: str) -> Report:
    text = f"Sample report {rid} (written for sitroom tests)."
    return Report(id=rid, kind="article", text=text, outlet=outlet, url=f"https://example.org/{rid}",
                  canonical_url=f"https://example.org/{rid}", published=AT, lang="en")


@pytest.fixture
def filled(store):
    for o in OUTLETS:
        store.save_outlet(o)
    for rid, outlet in (("r1", "wire"), ("r2", "daily"), ("r3", "tv")):
        store.add_report(_report(rid, outlet))
    store.add_claims([
        claim("r1-v1-0", "r1", evidence="Protesters rallied in Bishkek.", coder_version="1"),
        claim("r2-v1-0", "r2", evidence="Митинг в Бишкеке.", coder_version="1"),
        claim("r3-v1-0", "r3", "2020-10-06", evidence="A second rally.", coder_version="1"),
    ])
    return store


def test_merge_then_incremental_then_recoding(filled):
    s = merge_store(filled, at=AT)
    assert (s.claims_current, s.claims_placed, s.events_saved) == (3, 3, 2)
    events = {e.claim_ids: e for e in filled.list_events()}
    ev = events[("r1-v1-0", "r2-v1-0")]
    assert ev.corroboration.blocs == ("russian", "western")
    assert ev.corroboration.silent_blocs == ("domestic",)
    assert len(filled.list_merge_actions(ev.id)) == 2

    # nothing new: nothing changes
    assert merge_store(filled, at=AT).events_saved == 0

    # a new report joins the stored event; only that event is saved
    filled.add_report(_report("r4", "tv"))
    filled.add_claims([claim("r4-v1-0", "r4", evidence="Rally in the capital.", coder_version="1")])
    s = merge_store(filled, at=AT)
    assert (s.claims_placed, s.events_saved) == (1, 1)
    assert set(filled.get_event(ev.id).claim_ids) == {"r1-v1-0", "r2-v1-0", "r4-v1-0"}

    # re-coding r1: the new claim takes the old one's place in the same event
    filled.add_claims([replace(filled.list_claims(report_id="r1")[0], id="r1-v2-0",
                               coder_version="2")])
    merge_store(filled, at=AT)
    assert set(filled.get_event(ev.id).claim_ids) == {"r1-v2-0", "r2-v1-0", "r4-v1-0"}


def test_analyst_split_survives_rebuild_and_double_undo_is_refused(filled):
    merge_store(filled, at=AT)
    ev = next(e for e in filled.list_events() if len(e.claim_ids) == 2)
    book = load_book(filled, [ev.id])
    result = edits.split(book, ev.id, ["r2-v1-0"], at=AT)
    apply_edit(filled, result)
    merge_store(filled, rebuild=True, at=AT)
    clusters = sorted(e.claim_ids for e in filled.list_events())
    assert ("r2-v1-0",) in clusters and ("r1-v1-0",) in clusters
    undo = edits.undo(load_book(filled, [ev.id]), result.action.id, at=AT)
    apply_edit(filled, undo)
    assert set(filled.get_event(ev.id).claim_ids) == {"r1-v1-0", "r2-v1-0"}
    with pytest.raises(MergeError, match="already been undone"):
        edits.undo(load_book(filled, [ev.id]), result.action.id, at=AT)
