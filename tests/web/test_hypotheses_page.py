"""The competing-hypotheses page and its JSON twin over the demo store: the evidence matrix,
the ranking, and an analyst's decision on a proposed rating (viewers may not decide)."""

from __future__ import annotations

import pytest

from .conftest import CASE, csrf_of

pytestmark = pytest.mark.slow


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
