"""The factions page (camps and alignment on a chosen day) and an actor's page, with their JSON
twins, over the demo store."""

from __future__ import annotations

import pytest

from .conftest import CASE

pytestmark = pytest.mark.slow


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
