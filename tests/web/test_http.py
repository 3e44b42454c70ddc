"""Every page and API route over real HTTP against the live room on the demo store: roles,
CSRF, 404s, hostile input in query strings and form bodies, security headers."""

from __future__ import annotations

import pytest

from .conftest import CASE, PASSWORDS, csrf_of, login

pytestmark = pytest.mark.slow

PAGES = ["/", f"/cases/{CASE}", f"/cases/{CASE}/events", f"/cases/{CASE}/outlets"]


def _first_event(c, **params) -> dict:
    r = c.get(f"/api/cases/{CASE}/events", params=params)
    assert r.status_code == 200, r.text
    events = r.json()["events"]
    assert events, f"no event for {params}"
    return events[0]


def test_pages_and_their_json_twins_for_a_viewer(signed_in):
    c = signed_in("viewer")
    event = _first_event(c)
    report_id = c.get(f"/api/events/{event['id']}").json()["sides"][0]["report_id"]
    for path in [*PAGES, f"/events/{event['id']}", f"/reports/{report_id}", "/tip"]:
        page = c.get(path)
        assert page.status_code == 200, (path, page.text[:300])
        assert page.headers["content-type"].startswith("text/html")
        twin = c.get("/api" + path if path != "/" else "/api/")
        assert twin.status_code == 200, (path, twin.text[:300])
        assert twin.headers["content-type"] == "application/json"


def test_security_headers_on_pages_api_and_errors(client):
    for path in ["/login", "/tip", "/api/tip", "/nowhere", "/static/room.css"]:
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_reading_needs_an_account_unless_public(client):
    r = client.get(f"/cases/{CASE}")
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    r = client.get(f"/api/cases/{CASE}/events")
    assert r.status_code == 401 and r.json()["status"] == 401
    assert client.get("/api/", headers={"authorization": "Bearer " + "x" * 43}).status_code == 401
    assert client.get("/tip").status_code == 200  # the tip form is for anyone


def test_a_bearer_token_reads_the_api(client, room):
    r = client.get(f"/api/cases/{CASE}", headers={"authorization":
                                                    f"Bearer {room.tokens['viewer']}"})
    assert r.status_code == 200
    assert r.json()["totals"]["events"] > 0


def test_overview_counts_the_case_events(signed_in, room):
    from sitroom.store import open_store

    data = signed_in("viewer").get(f"/api/cases/{CASE}").json()
    with open_store(room.db_url) as store:
        case = store.get_case(CASE)
        expected = {e.id for e in store.list_events(case=CASE)}
        expected |= {e.id for e in store.list_events() if e.iso3 in case.countries}
        killed = sum(e.fatalities.value for e in store.get_events(sorted(expected))
                     if e.fatalities)
    assert data["totals"]["events"] == len(expected) > 30
    assert data["totals"]["fatalities"][0] == killed
    assert sum(b["h"] > 0 for b in data["timeline"]["bars"]) > 5
    regions = data["map"]["regions"]
    assert regions.get("Bishkek", 0) > 0 and regions.get("Osh", 0) >= 1


def test_map_points_fall_in_their_regions(signed_in):
    points = signed_in("viewer").get(f"/api/cases/{CASE}/map").json()["points"]
    by_place = {p["location"]: p["region"] for p in points}
    assert by_place["Bishkek"] == "Bishkek"
    assert by_place["Osh"] == "Osh"
    assert by_place.get("Moscow") is None  # outside the case's country: no region


def test_event_filters(signed_in):
    c = signed_in("viewer")
    api = f"/api/cases/{CASE}/events"
    everything = c.get(api, params={"per": 200}).json()
    assert everything["total"] == len(everything["events"])
    contested = c.get(api, params={"contested": "1"}).json()["events"]
    assert contested and all(e["disputed"] for e in contested)
    single = c.get(api, params={"single_source": "true", "per": 200}).json()["events"]
    assert single and all(e["single_source"] for e in single)
    russian = c.get(api, params={"bloc": "russian", "per": 200}).json()["events"]
    assert russian and all("russian" in e["blocs"] for e in russian)
    osh = c.get(api, params={"place": "osh"}).json()["events"]
    assert osh and all("Osh" in (e["location"], e["admin1"]) for e in osh)
    day = c.get(api, params={"since": "2020-10-06", "until": "2020-10-06"}).json()["events"]
    assert day and {e["event_date"] for e in day} == {"2020-10-06"}
    protests = c.get(api, params={"type": "Protests"}).json()["events"]
    assert protests and {e["event_type"] for e in protests} == {"Protests"}
    actor = c.get(api, params={"actor": "japarov", "per": 200}).json()["events"]
    names = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
    assert actor and all("japarov" in " ".join(str(e[n]) for n in names).lower() for e in actor)
    found = c.get(api, params={"q": "White House"}).json()
    assert 0 < found["total"] < everything["total"]
    page2 = c.get(api, params={"per": 10, "page": 2}).json()
    assert [e["id"] for e in page2["events"]] == [e["id"] for e in everything["events"][10:20]]


@pytest.mark.parametrize("params", [
    {"since": "yesterday"}, {"until": "2020-13-45"}, {"bloc": "martian"},
    {"status": "<script>"}, {"page": "0"}, {"per": "100000"}, {"page": "abc"},
    {"q": "x" * 201}, {"contested": "maybe"},
])
def test_bad_filters_are_a_clear_400(signed_in, params):
    c = signed_in("viewer")
    r = c.get(f"/api/cases/{CASE}/events", params=params)
    assert r.status_code == 400, r.text
    assert r.json()["error"]
    page = c.get(f"/cases/{CASE}/events", params=params)
    assert page.status_code == 400 and "<script>" not in page.text


@pytest.mark.parametrize("q", ["' OR 1=1 --", "%", "_", "\\", "\"unbalanced", "NEAR(",
                               "<script>alert(1)</script>", "\u0000", "Бишкек", "AND OR NOT"])
def test_hostile_search_text_is_just_text(signed_in, q):
    c = signed_in("viewer")
    r = c.get(f"/api/cases/{CASE}/events", params={"q": q, "actor": q, "place": q})
    # plain text is searched; a query the search syntax cannot parse gets a clear 400, never a 500
    assert r.status_code == 200 or (r.status_code == 400
                                    and r.json()["error"].startswith("search:")), r.text
    page = c.get(f"/cases/{CASE}/events", params={"q": q})
    assert page.status_code == r.status_code
    assert "<script>alert(1)</script>" not in page.text


def test_unknown_things_are_404(signed_in):
    c = signed_in("viewer")
    for path in ["/events/ev-nope", "/reports/nope", "/cases/nope", "/cases/nope/events",
                 "/cases/nope/outlets", "/no/such/page"]:
        r = c.get(path)
        assert r.status_code == 404, path
        assert "text/html" in r.headers["content-type"]
        r = c.get("/api" + path)
        assert r.status_code == 404 and r.json()["status"] == 404, path


def test_event_page_shows_each_outlets_figures(signed_in):
    c = signed_in("viewer")
    event = _first_event(c, contested="1")
    data = c.get(f"/api/events/{event['id']}").json()
    outlets = {s["outlet"] for s in data["sides"]}
    assert len(outlets) >= 2
    injured = {s["injuries"] for s in data["sides"] if s["injuries"] is not None}
    assert len(injured) >= 2 and "injuries" in data["differs"]
    assert all(s["evidence"] for s in data["sides"])
    page = c.get(f"/events/{event['id']}").text
    for s in data["sides"]:
        assert f'href="/reports/{s["report_id"]}"' in page


def _post_action(c, event_id: str, **fields):
    page = c.get(f"/events/{event_id}").text
    return c.post(f"/events/{event_id}/actions", data={"csrf": csrf_of(page), **fields})


def test_analyst_confirms_and_undoes_through_the_page(signed_in):
    c = signed_in("analyst")
    event = _first_event(c, status="auto", single_source="1")
    r = _post_action(c, event["id"], op="confirm", reason="checked against two sources")
    assert r.status_code == 303 and "done=confirm" in r.headers["location"]
    data = c.get(f"/api/events/{event['id']}").json()
    assert data["event"]["status"] == "confirmed"
    confirm = [a for a in data["history"] if a["action"] == "confirm"][-1]
    assert confirm["actor"] == "analyst" and confirm["reason"] == "checked against two sources"
    r = _post_action(c, event["id"], op="undo", action_id=confirm["id"])
    assert r.status_code == 303
    assert c.get(f"/api/events/{event['id']}").json()["event"]["status"] == "auto"
    r = _post_action(c, event["id"], op="undo", action_id=confirm["id"])  # twice: refused
    assert "error=" in r.headers["location"]


def test_writes_need_the_role_and_the_token(signed_in, client, room):
    event = _first_event(signed_in("viewer"))
    path = f"/events/{event['id']}/actions"
    anon = client.post(path, data={"csrf": csrf_of(client.get("/login").text), "op": "confirm"})
    assert anon.status_code == 401
    viewer = signed_in("viewer")
    r = viewer.post(path, data={"csrf": csrf_of(viewer.get("/tip").text), "op": "confirm"})
    assert r.status_code == 403
    analyst = signed_in("analyst")
    assert analyst.post(path, data={"op": "confirm"}).status_code == 403  # no CSRF token
    assert analyst.post(path, data={"op": "confirm", "csrf": "0" * 64}).status_code == 403
    assert analyst.post(path, json={"op": "confirm"}).status_code == 403  # not a form
    evil = analyst.post(path, data={"op": "confirm", "csrf": csrf_of(analyst.get("/tip").text)},
                        headers={"origin": "http://evil.example"})
    assert evil.status_code == 403
    api = f"/api/events/{event['id']}/actions"
    assert analyst.post(api, json={"op": "confirm"}).status_code == 403  # session, no header
    viewer_token = {"authorization": f"Bearer {room.tokens['viewer']}"}
    assert client.post(api, json={"op": "confirm"}, headers=viewer_token).status_code == 403
    assert client.post(api, json={"op": "confirm"}).status_code == 401
    assert room.store.get_event(event["id"]).status == event["status"]  # nothing changed


def test_api_actions_with_a_token(client, room):
    headers = {"authorization": f"Bearer {room.tokens['analyst']}"}
    r = client.get(f"/api/cases/{CASE}/events", params={"status": "auto", "type": "Riots"},
                   headers=headers)
    event = r.json()["events"][0]
    api = f"/api/events/{event['id']}/actions"
    r = client.post(api, json={"op": "edit", "fields": {"location": "<b>Ala-Too</b>"},
                               "reason": "place"}, headers=headers)
    assert r.status_code == 200, r.text
    action = r.json()["action"]["id"]
    page_headers = {"authorization": f"Bearer {room.tokens['viewer']}"}
    assert client.get(f"/api/events/{event['id']}", headers=page_headers).json()["event"][
        "location"] == "<b>Ala-Too</b>"
    page = client.get(f"/events/{event['id']}", headers=page_headers).text
    assert "&lt;b&gt;Ala-Too&lt;/b&gt;" in page and "<b>Ala-Too" not in page
    r = client.post(api, json={"op": "undo", "action_id": action}, headers=headers)
    assert r.status_code == 200
    r = client.post(api, json={"op": "explode"}, headers=headers)
    assert r.status_code == 400 and "unknown action" in r.json()["error"]
    r = client.post(api, json={"op": "edit", "fields": {"password": "x"}}, headers=headers)
    assert r.status_code == 400
    r = client.post(api, json={"op": "edit", "fields": ["not", "a", "dict"]}, headers=headers)
    assert r.status_code == 400


def test_a_tip_from_the_form_reaches_the_queue(client, signed_in):
    page = client.get("/tip")
    text = "Sample tip (test): a crowd of about 300 gathered at the regional office in Naryn."
    r = client.post("/tip", data={"csrf": csrf_of(page.text), "text": text, "place": "Naryn",
                                  "contact": "signal: +000", "website": ""})
    assert r.status_code == 200 and "your tip was received" in r.text
    analyst = signed_in("analyst")
    tips = analyst.get("/api/tips").json()["tips"]
    mine = [t for t in tips if t["text"] == text]
    assert mine and mine[0]["review_status"] == "unreviewed" and mine[0]["place"] == "Naryn"
    tip_id = mine[0]["id"]
    assert signed_in("viewer").get("/api/tips").status_code == 403
    r = analyst.post(f"/api/tips/{tip_id}/review", json={"status": "more_info"},
                     headers={"x-csrf-token": analyst.get("/api/me").json()["csrf_token"]})
    assert r.status_code == 200 and r.json()["review_status"] == "more_info"
    queue = analyst.get("/tips", params={"status": "more_info"}).text
    assert tip_id in queue
    # a viewer sees the tip's report but not who sent it
    assert signed_in("viewer").get(f"/api/reports/{tip_id}").json()["report"]["submitter"] == ""


def test_tip_form_guards(client):
    token = csrf_of(client.get("/tip").text)
    bot = client.post("/tip", data={"csrf": token, "text": "Sample tip (bot): buy now",
                                    "website": "http://spam.example"})
    assert bot.status_code == 200  # thanked, not stored
    assert client.post("/tip", data={"text": "Sample tip: no token"}).status_code == 403
    empty = client.post("/tip", data={"csrf": token, "text": "<b></b>"})
    assert empty.status_code == 400 and "empty" in empty.text
    long = client.post("/tip", data={"csrf": token, "text": "a" * 60_000})
    assert long.status_code == 400 and "limit" in long.text
    huge = client.post("/tip", data={"csrf": token, "text": "a" * 300_000})
    assert huge.status_code == 413
    r = client.post("/api/tips", json={"text": 42})
    assert r.status_code == 400
    r = client.post("/api/tips", content=b"text=hello", headers={"content-type":
                                                                   "application/x-www-form-urlencoded"})
    assert r.status_code in (400, 403)


def test_tips_are_rate_limited_per_address(demo_db, tmp_path):
    import shutil

    import httpx

    from .conftest import start_room

    db = tmp_path / "limit.sqlite"
    shutil.copy(demo_db, db)
    live = start_room(f"sqlite:///{db}", tip_rate_limit=2)
    try:
        with httpx.Client(base_url=live.url) as c:
            codes = [c.post("/api/tips", json={"text": f"Sample tip number {i}: a crowd"})
                     .status_code for i in range(4)]
        assert codes == [201, 201, 429, 429]
    finally:
        live.stop()


def test_login_logout_and_cookies(client, room):
    token = csrf_of(client.get("/login").text)
    bad = client.post("/login", data={"csrf": token, "name": "analyst", "password": "nope"})
    assert bad.status_code == 401 and "wrong name or password" in bad.text
    ghost = client.post("/login", data={"csrf": token, "name": "nobody", "password": "x" * 12})
    assert ghost.status_code == 401
    r = client.post("/login", data={"csrf": token, "name": "analyst",
                                    "password": PASSWORDS["analyst"],
                                    "next": "//evil.example/x"})
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert client.get("/api/me").json()["user"]["role"] == "analyst"
    token = csrf_of(client.get("/tip").text)
    assert client.post("/logout", data={"csrf": token}).status_code == 303
    client.cookies.clear()
    assert client.get(f"/cases/{CASE}").status_code == 303


def test_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for path in ["/api/", "/api/cases/{case}", "/api/cases/{case}/events",
                 "/api/cases/{case}/map", "/api/cases/{case}/outlets", "/api/events/{event_id}",
                 "/api/events/{event_id}/actions", "/api/reports/{report_id}", "/api/tips",
                 "/api/tips/{tip_id}/review", "/api/tip", "/api/me"]:
        assert path in paths, path
    assert not [p for p in paths if not p.startswith("/api/")]


def test_public_mode_reads_without_an_account_but_never_writes(demo_db, tmp_path):
    import shutil

    import httpx

    from .conftest import start_room

    db = tmp_path / "public.sqlite"
    shutil.copy(demo_db, db)
    live = start_room(f"sqlite:///{db}", web_public=True)
    try:
        with httpx.Client(base_url=live.url) as c:
            assert c.get(f"/cases/{CASE}").status_code == 200
            event = c.get(f"/api/cases/{CASE}/events").json()["events"][0]
            token = csrf_of(c.get("/tip").text)
            r = c.post(f"/events/{event['id']}/actions", data={"csrf": token, "op": "confirm"})
            assert r.status_code == 401
            assert c.get("/tips").status_code in (303, 401)
    finally:
        live.stop()


def test_outlets_matrix_shows_silences(signed_in):
    data = signed_in("viewer").get(f"/api/cases/{CASE}/outlets").json()
    assert data["rows"] and data["columns"]
    keys = [c["key"] for c in data["columns"]]
    for row in data["rows"]:
        assert set(row["cells"]) == set(keys)
    silent_cells = sum(1 for r in data["rows"] for v in r["cells"].values() if v is None)
    assert silent_cells > 0
    assert any(o["reports"] > 0 for o in data["outlets"])
    assert data["silent_outlets"]  # watched real outlets that sent nothing in the demo


def test_login_page_survives_hostile_next(client):
    r = client.get("/login", params={"next": '"><script>alert(1)</script>'})
    assert r.status_code == 200 and "<script>alert(1)" not in r.text
    login(client, "viewer")


def test_what_changed_since_the_last_look(signed_in, client):
    viewer = signed_in("admin")  # an account no other test signs in with to the overview
    first = viewer.get(f"/api/cases/{CASE}").json()
    assert first["changes"] is None  # first look: everything is new
    text = "Sample tip (test of changes): a second crowd gathered at the same square in Osh."
    r = client.post("/api/tips", json={"text": text, "case": CASE})
    assert r.status_code == 201
    second = viewer.get(f"/api/cases/{CASE}").json()
    assert second["changes"]["reports"].get("tip", 0) >= 1
    third = viewer.get(f"/api/cases/{CASE}").json()
    # looks within a minute are one visit: still counted from the first look
    assert third["changes"]["since"] == second["changes"]["since"]
