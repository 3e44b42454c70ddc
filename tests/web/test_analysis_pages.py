"""The factions, actor, hypotheses and alerts pages (and their JSON twins) over the demo store,
with the watches checked once so alerts exist."""

from __future__ import annotations

import pytest

from .conftest import CASE, csrf_of

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def fired(room):
    """Check the case's watches once, as `sitroom run` does, so alerts exist."""
    from sitroom.pipeline.watch import check_watches
    from sitroom.settings import Settings

    return check_watches(room.store, Settings(), case=CASE)


def test_factions_by_day(signed_in):
    c = signed_in("viewer")
    late = c.get(f"/api/cases/{CASE}/factions", params={"as_of": "2020-10-16"}).json()
    assert late["picture"]["as_of"] == "2020-10-16" and late["picture"]["camps"]
    assert late["graph"]["nodes"] and late["graph"]["edges"]
    early = c.get(f"/api/cases/{CASE}/factions", params={"as_of": "2020-10-04"}).json()
    assert early["picture"]["ties"] != late["picture"]["ties"]
    before = c.get(f"/api/cases/{CASE}/factions", params={"as_of": "2019-01-01"}).json()
    assert before["picture"]["before_start"] is True
    page = c.get(f"/cases/{CASE}/factions", params={"as_of": "2020-10-16"})
    assert page.status_code == 200 and 'id="faction-graph"' in page.text
    assert c.get(f"/api/cases/{CASE}/factions", params={"as_of": "10/16/2020"}).status_code \
        == 400


def test_actor_page(signed_in):
    c = signed_in("viewer")
    picture = c.get(f"/api/cases/{CASE}/factions").json()["picture"]
    leader = picture["camps"][0]["leader"]
    data = c.get(f"/api/cases/{CASE}/actors/{leader}").json()
    assert data["profile"]["actor"]["key"] == leader
    assert data["profile"]["camps"]
    assert c.get(f"/cases/{CASE}/actors/{leader}").status_code == 200
    r = c.get(f"/api/cases/{CASE}/actors/nobody-at-all")
    assert r.status_code in (400, 404) and r.json()["error"]


def test_hypotheses_matrix_and_a_decision(signed_in):
    viewer = signed_in("viewer")
    data = viewer.get(f"/api/cases/{CASE}/hypotheses").json()
    assert data["assessment"]["hypotheses"] and data["matrix"]
    assert data["assessment"]["ranking"]
    page = viewer.get(f"/cases/{CASE}/hypotheses")
    assert page.status_code == 200 and 'id="acd"' in page.text
    proposed = [(r, k, c) for r in data["matrix"] for k, c in r["cells"].items()
                if c["status"] == "proposed"]
    assert proposed
    cell = proposed[0][2]
    path = f"/cases/{CASE}/hypotheses/ratings"
    r = viewer.post(path, data={"csrf": csrf_of(page.text), "rating_id": cell["rating_id"],
                                "status": "confirmed"})
    assert r.status_code == 403
    analyst = signed_in("analyst")
    token = csrf_of(analyst.get(f"/cases/{CASE}/hypotheses").text)
    r = analyst.post(path, data={"csrf": token, "rating_id": cell["rating_id"],
                                 "status": "confirmed"})
    assert r.status_code == 303
    after = analyst.get(f"/api/cases/{CASE}/hypotheses").json()
    cells = [c for r in after["matrix"] for k, c in r["cells"].items()
             if c["rating_id"] == cell["rating_id"]]
    assert cells and cells[0]["status"] == "confirmed"


def test_alerts_and_watches(signed_in, fired):
    c = signed_in("viewer")
    data = c.get(f"/api/cases/{CASE}/alerts").json()
    assert data["watches"] and all(w["rule"] for w in data["watches"])
    assert len(data["alerts"]) == len(fired.alerts) > 0
    one = data["alerts"][0]
    only = c.get(f"/api/cases/{CASE}/alerts", params={"watch": one["watch"]}).json()
    assert {a["watch"] for a in only["alerts"]} == {one["watch"]}
    page = c.get(f"/cases/{CASE}/alerts")
    assert page.status_code == 200 and f'href="/events/{one["event_id"]}"' in page.text
    overview = c.get(f"/api/cases/{CASE}").json()
    assert overview["alerts"]
