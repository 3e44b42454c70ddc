"""Acceptance on the demo case: the camps, their leaders and the foreign states involved.

The demo store is built as ``tests/demo/conftest.py`` builds it (the real pipeline over the
served sample corpus); ties are proposed from its events, an analyst's decisions applied, and
the picture read day by day.
"""

from __future__ import annotations

import io
from datetime import date

import pytest

from sitroom.demo import run_demo
from sitroom.pipeline.factions import actor_profile_of, decide, faction_picture_of, propose
from sitroom.present.factions import picture_text
from sitroom.store import open_store

pytestmark = pytest.mark.slow
D = date.fromisoformat
CASE = "kyrgyzstan-2020"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    db = tmp_path_factory.mktemp("factions-demo") / "demo.sqlite"
    run_demo(db, out=io.StringIO())
    store = open_store(f"sqlite:///{db}")
    yield store
    store.close()


@pytest.fixture(scope="module")
def proposed(demo_store):
    # the demo's situation report proposed them already: proposing again adds nothing
    counts, items = propose(demo_store, CASE)
    assert counts.new == 0 and counts.refreshed == len(items) > 0
    return {(p.source, p.relation, p.target, p.ends): p for p in items}


def test_ties_proposed_from_the_demo_events(proposed):
    freed = proposed[("protesters", "supports", "japarov", False)]
    # freed in the night of 5 to 6 October ("overnight" in reports of the 6th dates it the 6th)
    assert "freed" in freed.rule and freed.start in (D("2020-10-05"), D("2020-10-06"))
    assert freed.report_ids and freed.event_ids and freed.confidence > 0.8
    talks = {k[2] for k in proposed if k[:2] == ("russia", "negotiates_with")}
    assert {"japarov", "jeenbekov"} <= talks
    concern = proposed[("china", "concerned_about", "full-gold-mining", False)]
    assert len(concern.report_ids) >= 2  # the statement and the attack it followed


def test_the_picture_after_the_analyst_decides(demo_store, proposed):
    for key, p in proposed.items():
        keep = key[1] in ("supports", "negotiates_with", "concerned_about")
        decide(demo_store, p.id, accept=keep, by="test",
               reason="" if keep else "not in the public record")
    p = faction_picture_of(demo_store, CASE, D("2020-10-12"))
    gov = p.government
    assert gov.name == "Government (Sooronbay Jeenbekov)" and gov.leader == "jeenbekov"
    president = next(t for t in gov.offices if t.relation == "president")
    assert president.start == D("2017-11-24") and president.sources
    leaders = {c.leader for c in p.opposition}
    assert {"japarov", "madumarov"} <= leaders
    japarov_camp = p.camp_of("japarov")
    assert "protesters" in japarov_camp.supporters
    accepted = next(t for t in japarov_camp.ties if t.origin == "accepted")
    assert accepted.event_ids and accepted.report_ids and accepted.start

    how = {i.actor: i for i in p.foreign}
    assert {"talks", "base", "statements"} <= set(how["russia"].ways)
    talks = [t for t in how["russia"].ties if t.relation == "negotiates_with"]
    assert all(t.start and t.report_ids for t in talks)
    assert {"concern", "ownership", "statements"} <= set(how["china"].ways)
    assert "kumtor-mine" in {t.target for t in how["canada"].holdings}
    assert all(s.date for i in p.foreign for s in i.statements)
    assert {"usa", "eu", "kazakhstan"} <= {k for k, i in how.items() if i.statements}

    text = picture_text(p)
    for line in ("GOVERNMENT: Government (Sooronbay Jeenbekov)", "OPPOSITION: Sadyr Japarov camp",
                 "OPPOSITION: Adakhan Madumarov camp", "Russia: base, talks",
                 "China: concern, ownership", "Canada: ownership"):
        assert line in text

    after = faction_picture_of(demo_store, CASE, D("2020-10-16"))
    assert after.government.leader == "japarov"


def test_rejected_ties_are_not_proposed_again(demo_store, proposed):
    rejected = {p.id for p in demo_store.list_proposals(CASE, status="rejected")}
    assert rejected
    counts, items = propose(demo_store, CASE)
    assert counts.new == 0
    assert rejected <= {p.id for p in items if p.status == "rejected"}
    assert not [p for p in items if p.status == "proposed"]


def test_an_actor_page(demo_store, proposed):
    page = actor_profile_of(demo_store, "Жапаров", CASE)
    assert [t.relation for t in page.roles][:3] == ["imprisoned", "prime_minister",
                                                    "acting_president"]
    assert len(page.event_ids) >= 5
    assert page.camps[-1].side == "government"
