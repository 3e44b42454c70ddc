"""The alerts page and its JSON twin over the demo store: the watches with their rules, and
the alerts they fire (the demo run checks the watches, as `sitroom run` does)."""

from __future__ import annotations

import pytest

from .conftest import CASE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def fired(room):
    """Every alert of the case (the demo's runner checked the watches once)."""
    return room.store.list_alerts(case=CASE)


def test_alerts_and_watches(signed_in, fired):
    c = signed_in("viewer")
    data = c.get(f"/api/cases/{CASE}/alerts").json()
    assert data["watches"] and all(w["rule"] for w in data["watches"])
    assert len(data["alerts"]) == len(fired) > 0
    one = data["alerts"][0]
    only = c.get(f"/api/cases/{CASE}/alerts", params={"watch": one["watch"]}).json()
    assert {a["watch"] for a in only["alerts"]} == {one["watch"]}
    page = c.get(f"/cases/{CASE}/alerts")
    assert page.status_code == 200 and f'href="/events/{one["event_id"]}"' in page.text
    overview = c.get(f"/api/cases/{CASE}").json()
    assert overview["alerts"]
