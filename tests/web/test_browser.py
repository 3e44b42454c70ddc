"""The pages in a real browser (Debian's chromium through Playwright) against the demo case:
counts on the overview, markers in the right regions, two outlets' differing figures, a tip from
the form to the moderation queue, an XSS payload shown as text. Screenshots are kept as test
artefacts (see ``artifacts`` in conftest) for a person to look at."""

from __future__ import annotations

import pytest

from .conftest import CASE, PASSWORDS

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture
def page_as(browser, room):
    """A factory of browser pages signed in with a role (or anonymous with None)."""
    contexts = []

    def make(role: str | None):
        ctx = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=room.url)
        contexts.append(ctx)
        page = ctx.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        if role:
            page.goto("/login")
            page.fill("input[name=name]", role)
            page.fill("input[name=password]", PASSWORDS[role])
            page.click("button[type=submit]")
            page.wait_for_url(lambda url: "/login" not in url)
        return page

    yield make
    for ctx in contexts:
        ctx.close()


def test_overview_shows_the_counts_and_the_map(page_as, room, artifacts):
    page = page_as("viewer")
    page.goto(f"/cases/{CASE}")
    page.wait_for_selector("#map[data-ready]")
    data = page.request.get(f"/api/cases/{CASE}").json()
    shown = page.inner_text("[data-figure=events]").replace(",", "")
    assert int(shown) == data["totals"]["events"] > 30
    assert page.inner_text("[data-figure=killed]") != ""
    assert page.locator("svg.timeline rect").count() > 10
    markers = page.locator("path.event-marker")
    assert markers.count() == len(data["map"]["points"]) >= 3
    regions = {markers.nth(i).get_attribute("data-place"): markers.nth(i).get_attribute(
        "data-region") for i in range(markers.count())}
    assert regions["Bishkek"] == "Bishkek" and regions["Osh"] == "Osh"
    # the region polygons are drawn from the room's own API: no tile, nothing off-site
    assert page.locator("path:not(.event-marker)[data-region=Osh]").count() == 1
    assert not page.errors, page.errors
    page.screenshot(path=str(artifacts / "overview.png"), full_page=True)


def test_no_request_leaves_the_machine(page_as, room):
    page = page_as("viewer")
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(f"/cases/{CASE}")
    page.wait_for_selector("#map[data-ready]")
    assert seen and all(u.startswith(room.url) for u in seen), seen


def test_event_page_shows_two_outlets_differing_figures(page_as, room, artifacts):
    page = page_as("viewer")
    page.goto(f"/cases/{CASE}/events?contested=1")
    page.click("#events tbody tr a")
    page.wait_for_selector("#sides")
    rows = page.locator("#sides tbody tr")
    assert rows.count() >= 2
    outlets = {rows.nth(i).get_attribute("data-outlet") for i in range(rows.count())}
    injured = {rows.nth(i).locator("td.fig-injuries").inner_text() for i in range(rows.count())}
    assert len(outlets) >= 2 and len(injured - {"–"}) >= 2
    assert page.locator("#sides td.differs").count() >= 1
    assert page.locator("#corroboration").inner_text().count("Silent") == 1
    page.screenshot(path=str(artifacts / "event.png"), full_page=True)


def test_filters_and_search_in_the_page(page_as, artifacts):
    page = page_as("viewer")
    page.goto(f"/cases/{CASE}/events")
    total = int(page.inner_text("#total").split()[0].replace(",", ""))
    page.fill("input[name=q]", "White House")
    page.check("input[name=single_source]")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**q=White+House**")
    narrowed = int(page.inner_text("#total").split()[0].replace(",", ""))
    assert 0 < narrowed < total
    page.screenshot(path=str(artifacts / "events.png"), full_page=True)


def test_analyst_confirms_an_event_in_the_page(page_as):
    page = page_as("analyst")
    page.goto(f"/cases/{CASE}/events?status=auto&type=Protests")
    page.click("#events tbody tr a")
    page.fill("form:has(input[value=confirm]) input[name=reason]", "seen on video")
    page.click("form:has(input[value=confirm]) button")
    page.wait_for_selector("p.flash")
    assert page.inner_text("#status") == "confirmed"
    assert "seen on video" in page.inner_text("#history")
    page.click("#history form button")  # undo the confirmation
    page.wait_for_selector("p.flash")
    assert page.inner_text("#status") == "auto"


def test_a_tip_reaches_the_queue_and_a_payload_stays_text(page_as, artifacts):
    payload = 'Sample tip (browser test): crowd <img src=x onerror=window.__xss=1 at the square'
    anon = page_as(None)
    anon.goto("/tip")
    anon.fill("textarea[name=text]", payload)
    anon.fill("input[name=place]", "Ala-Too Square")
    anon.click("#tip-form button[type=submit]")
    anon.wait_for_selector("#tip-sent")
    anon.screenshot(path=str(artifacts / "tip-sent.png"), full_page=True)
    analyst = page_as("analyst")
    analyst.goto("/tips")
    row = analyst.locator("#tips tr", has_text="browser test")
    assert row.count() == 1
    assert "<img src=x onerror=window.__xss=1" in row.locator("td.tip-text").inner_text()
    assert row.locator("img").count() == 0
    assert analyst.evaluate("window.__xss") is None
    analyst.screenshot(path=str(artifacts / "tips-queue.png"), full_page=True)
    row.locator("button", has_text="Accept").click()
    analyst.wait_for_selector("p.flash")
    assert analyst.locator("#tips tr", has_text="browser test").count() == 0
    analyst.goto("/tips?status=accepted")
    tip_link = analyst.locator("#tips tr", has_text="browser test").locator("a").first
    tip_link.click()
    analyst.wait_for_selector("article.report-text")
    assert "<img src=x" in analyst.inner_text("article.report-text")
    assert analyst.evaluate("window.__xss") is None
    assert not analyst.errors, analyst.errors


def test_outlets_page(page_as, artifacts):
    page = page_as("viewer")
    page.goto(f"/cases/{CASE}/outlets")
    assert page.locator("#matrix td.hit").count() > 10
    assert page.locator("#matrix td.silent").count() > 10
    page.screenshot(path=str(artifacts / "outlets.png"), full_page=True)


def test_hypotheses_page(page_as, artifacts):
    page = page_as("viewer")
    page.goto(f"/cases/{CASE}/hypotheses")
    assert page.locator("#ranking .figure").count() >= 2
    assert page.locator("#acd tbody tr").count() > 5
    page.screenshot(path=str(artifacts / "hypotheses.png"), full_page=True)


def test_factions_page_with_its_date_control(page_as, artifacts):
    page = page_as("viewer")
    page.goto(f"/cases/{CASE}/factions?as_of=2020-10-16")
    assert page.locator("#faction-graph rect.g-node").count() > 5
    assert page.locator("#faction-graph path.g-edge").count() > 3
    page.screenshot(path=str(artifacts / "factions.png"), full_page=True)
    page.click("form.datebar a:has-text('2020-10-15')")
    page.wait_for_url("**as_of=2020-10-15")
    assert "2020-10-15" in page.inner_text("h1")
    page.locator(".camp a").first.click()
    page.wait_for_selector("#spells")
    assert page.locator("#roles").count() == 1


def test_anonymous_visitor_is_sent_to_sign_in(page_as):
    page = page_as(None)
    page.goto(f"/cases/{CASE}/events")
    assert "/login" in page.url
    page.fill("input[name=name]", "viewer")
    page.fill("input[name=password]", PASSWORDS["viewer"])
    page.click("button[type=submit]")
    page.wait_for_url(f"**/cases/{CASE}/events")
