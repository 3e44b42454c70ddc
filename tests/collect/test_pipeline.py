"""collect_once against a local server that misbehaves: every fault recorded, the run goes on."""

from __future__ import annotations

import json
import threading
import time
import zlib

from tests.support.corpus import article_html, rss, sample_paragraphs, wire_copy

from sitroom.collect.urls import canonical_url, report_id_for_url
from sitroom.model import Outlet
from sitroom.pipeline.collect import collect_once, due_feeds, watch
from sitroom.settings import Settings
from sitroom.store.api import ReportQuery

FAST = Settings(host_delay=0.0, http_timeout=3.0, retries=0, max_response_bytes=300_000,
                concurrency=16, host_concurrency=8)
NO_SUMMARY = ""


def serve_story(server, path, seed, title, *, paras=None, charset="utf-8"):
    paras = paras or sample_paragraphs(seed)
    body = article_html(title, paras, charset=charset)
    server.page(path, body.encode(charset), content_type="text/html")
    return paras


def build_site(server):
    """Two well-behaved outlets, one broken feed and one outlet whose pages all misbehave."""
    originals = {}
    for i in range(3):
        originals[i] = serve_story(server, f"/a/{i}", seed=i, title=f"Sample story {i}")
    serve_story(server, "/b/wire", 0, "Sample wire copy of story 0",
                paras=wire_copy(originals[0]))
    serve_story(server, "/b/exact", 0, "Sample story 1", paras=originals[1])  # same page
    serve_story(server, "/b/own", 10, "Sample own story")
    server.feed("/a/feed.xml", rss("Sample A", [
        {"link": server.url("/a/0"), "title": "Story 0"},
        {"link": server.url("/a/1?utm_source=rss"), "title": "Story 1"},
        {"link": server.url("/a/1"), "title": "Story 1 again (duplicate item)"},
        {"link": server.url("/a/2"), "title": "Story 2"},
    ]), etag='"a1"')
    server.feed("/b/feed.xml", rss("Sample B", [
        {"link": server.url("/a/2#top"), "title": "Story 2 in another feed"},
        {"link": server.url("/b/wire"), "title": "Wire copy"},
        {"link": server.url("/b/exact"), "title": "Exact copy"},
        {"link": server.url("/b/own"), "title": "Own story"},
    ]), last_modified="Mon, 05 Oct 2020 10:00:00 GMT")
    # A feed that is not well-formed XML but still has one readable item.
    serve_story(server, "/c/1", 20, "Sample story in a broken feed")
    server.feed("/c/feed.xml", rss("Sample C", [{"link": server.url("/c/1"), "title": "C1"}])
                .replace("</channel></rss>", "<item><title>cut & broken"))
    # Pages that misbehave, each in its own way.
    server.page("/robots.txt", "User-agent: *\nDisallow: /d/private\n", content_type="text/plain")
    server.page("/d/empty", "<html><body><nav>menu</nav></body></html>")
    server.page("/d/empty2", "<html><body></body></html>")
    server.endless("/d/huge")
    server.drip("/d/drip", b"<p>" + b"x" * 200 + b"</p>", interval=0.05)
    server.redirect("/d/loop1", "/d/loop2")
    server.redirect("/d/loop2", "/d/loop1")
    server.status("/d/gone", 404)
    server.status("/d/broken", 500)
    ru = ["Образец: тысячи сторонников оппозиции собрались на площади Ала-Тоо в Бишкеке "
          "вечером пятого октября, сообщает этот образец.",
          "Милиция применила водомёты, пострадали несколько человек, говорится в образце."]
    serve_story(server, "/d/cp1251", 0, "Образец", paras=ru, charset="windows-1251")
    serve_story(server, "/d/koi8", 0, "Образец", paras=[p + " КОИ-8." for p in ru],
                charset="koi8-r")
    items = [
        {"link": server.url("/d/empty"), "title": "Empty page, summary kept",
         "summary": "Sample summary: crowds in Osh demanded the results be annulled today."},
        {"link": server.url("/d/empty2"), "title": "Empty page, no summary"},
        {"link": server.url("/d/huge"), "title": "Huge"},
        {"link": server.url("/d/drip"), "title": "Drip"},
        {"link": server.url("/d/loop1"), "title": "Loop"},
        {"link": server.url("/d/gone"), "title": "Gone"},
        {"link": server.url("/d/broken"), "title": "Broken"},
        {"link": server.url("/d/private/x"), "title": "Private"},
        {"link": server.url("/d/cp1251"), "title": "Windows-1251 page"},
        {"link": server.url("/d/koi8"), "title": "KOI8-R page"},
    ]
    server.feed("/d/feed.xml", rss("Образец D", items, encoding="windows-1251")
                .encode("windows-1251"), etag='"d1"')
    server.status("/e/feed.xml", 503)
    return [
        Outlet(key="sample-a", name="Sample A", feeds=(server.url("/a/feed.xml"),),
               country="KGZ", bloc="domestic", languages=("en",), sample=True),
        Outlet(key="sample-b", name="Sample B", feeds=(server.url("/b/feed.xml"),),
               country="RUS", bloc="russian", languages=("en",), sample=True),
        Outlet(key="sample-c", name="Sample C", feeds=(server.url("/c/feed.xml"),),
               country="KGZ", bloc="domestic", sample=True),
        Outlet(key="sample-d", name="Sample D", feeds=(server.url("/d/feed.xml"),),
               country="KGZ", bloc="domestic", languages=("ru",), sample=True),
        Outlet(key="sample-e", name="Sample E", feeds=(server.url("/e/feed.xml"),),
               country="KAZ", bloc="regional", sample=True),
    ]


def errors_by_kind(store):
    return {(e.outlet, e.kind) for e in store.list_errors("collect", limit=1000)}


def test_faults_are_recorded_and_the_run_goes_on(server, sqlite_store):
    store = sqlite_store
    outlets = build_site(server)
    summary = collect_once(store, outlets, FAST, case="sample")
    per = {c.outlet: c for c in summary.per_outlet}

    # A and B (fetched concurrently, so which of a pair comes first varies): 8 items, of which
    # one link repeated in A (tracking parameter stripped), one link of A repeated in B, one
    # exact copy and one wire copy (stored, linked to its original).
    ab = [per["sample-a"], per["sample-b"]]
    assert sum(c.items_seen for c in ab) == 8
    assert sum(c.new_reports for c in ab) == 5
    assert sum(c.exact_duplicates for c in ab) == 3
    assert sum(c.near_duplicates for c in ab) == 1
    pair = {report_id_for_url(server.url("/b/wire")), report_id_for_url(server.url("/a/0"))}
    linked = [store.get_report(i) for i in pair]
    assert sorted(r.near_duplicate_of is None for r in linked) == [False, True]
    assert {r.near_duplicate_of for r in linked} - {None} < pair
    # C: the broken feed's readable item is collected and the breakage recorded.
    assert per["sample-c"].new_reports == 1
    # D: two Cyrillic pages and the summary of the empty page are stored; the rest are errors.
    assert per["sample-d"].new_reports == 3 and per["sample-d"].skipped == 1
    ru = store.get_report(report_id_for_url(server.url("/d/cp1251")))
    assert "площади Ала-Тоо" in ru.text and ru.lang == "ru" and ru.outlet == "sample-d"
    koi = store.get_report(report_id_for_url(server.url("/d/koi8")))
    assert "КОИ-8" in koi.text
    empty = store.get_report(report_id_for_url(server.url("/d/empty")))
    assert empty.text.startswith("Sample summary")
    kinds = errors_by_kind(store)
    for expected in [("sample-c", "feed-malformed"), ("sample-d", "no-text"),
                     ("sample-d", "too-large"), ("sample-d", "timeout"),
                     ("sample-d", "redirect-loop"), ("sample-d", "http-404"),
                     ("sample-d", "http-500"), ("sample-d", "robots-disallowed"),
                     ("sample-e", "http-503")]:
        assert expected in kinds, expected
    assert server.hits["/d/private/x"] == 0
    messages = [e.message for e in store.list_errors("collect", limit=1000)]
    assert any("exceeds the cap" in m for m in messages)
    assert summary.errors == sum(c.errors for c in summary.per_outlet) >= 10
    assert summary.new_reports == 9

    # The stored report keeps its page, compressed, and its metadata.
    report = store.get_report(report_id_for_url(server.url("/a/0")))
    assert report.canonical_url == canonical_url(server.url("/a/0")) and report.case == "sample"
    assert report.title == "Sample story 0" and report.outlet == "sample-a"
    raw = store.get_raw(report.id)
    assert raw is not None and b"Sample story 0" in (
        raw if raw.startswith(b"<!doctype") else zlib.decompress(raw))


def test_second_pass_uses_conditional_get_and_fetches_only_what_is_missing(server, store):
    """On SQLite and PostgreSQL alike."""
    outlets = build_site(server)
    first = collect_once(store, outlets, FAST)
    page_hits = server.hits["/a/0"]
    second = collect_once(store, outlets, FAST)
    assert second.new_reports == 0
    # A and B answered 304; D's feed had a transient failure (500, timeout) so it is re-read,
    # but its stored items are not fetched again.
    assert second.not_modified == 2
    assert server.hits["/a/0"] == page_hits and server.hits["/d/cp1251"] == 1
    assert server.hits["/d/broken"] == 2
    assert store.count_reports(ReportQuery()) == first.new_reports
    state = store.get_feed_state(server.url("/a/feed.xml"))
    assert state.etag == '"a1"' and state.last_status == 304 and state.next_due is not None


def test_due_feeds_and_watch_stop(server, sqlite_store):
    store = sqlite_store
    serve_story(server, "/w/1", 1, "Sample watched story")
    server.feed("/w/feed.xml", rss("W", [{"link": server.url("/w/1"), "title": "W1"}]))
    outlet = Outlet(key="w", name="W", feeds=(server.url("/w/feed.xml"),), interval_minutes=60)
    stop = threading.Event()
    passes = []
    for summary in watch(store, [outlet], FAST, stop=stop, max_sleep=0.1):
        passes.append(summary)
        stop.set()
    assert len(passes) == 1 and passes[0].new_reports == 1
    state = store.get_feed_state(server.url("/w/feed.xml"))
    assert not due_feeds(store, [outlet], state.last_checked)
    assert due_feeds(store, [outlet], state.next_due)


def test_stop_abandons_in_flight_requests(server, sqlite_store):
    server.drip("/slow/1", b"x" * 100, interval=0.1)
    server.feed("/slow/feed.xml", rss("S", [{"link": server.url("/slow/1"), "title": "S"}]))
    outlet = Outlet(key="s", name="S", feeds=(server.url("/slow/feed.xml"),))
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    summary = collect_once(sqlite_store, [outlet], FAST.replace(http_timeout=30.0), stop=stop)
    assert summary.interrupted and time.monotonic() - started < 3.0
    assert sqlite_store.get_feed_state(server.url("/slow/feed.xml")) is None


def test_extraction_in_worker_processes(server, sqlite_store, monkeypatch):
    from sitroom.pipeline import collect as pipeline

    monkeypatch.setattr(pipeline._Extractor, "PROCESS_AFTER", 1)
    for i in range(4):
        serve_story(server, f"/p/{i}", 500 + i, f"Sample process story {i}")
    server.page("/p/empty", "<html><body><nav>menu</nav></body></html>")
    server.feed("/p/feed.xml", rss("P", [{"link": server.url(f"/p/{i}"), "title": f"P{i}"}
                                         for i in range(4)]
                                   + [{"link": server.url("/p/empty"), "title": "empty"}]))
    outlet = Outlet(key="p", name="P", feeds=(server.url("/p/feed.xml"),))
    summary = collect_once(sqlite_store, [outlet], FAST)
    assert summary.new_reports == 4 and summary.errors == 1
    assert ("p", "no-text") in errors_by_kind(sqlite_store)


def test_json_and_atom_feeds_without_fetching_pages(server, sqlite_store):
    text = " ".join(sample_paragraphs(900, count=2))
    server.feed("/j/feed.json", json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Sample J",
        "items": [{"id": "1", "url": server.url("/j/1"), "title": "J1", "content_text": text},
                  {"id": "2", "url": server.url("/j/2"), "title": "J2 (no text)"}],
    }), content_type="application/feed+json")
    server.feed("/t/atom.xml", (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Sample T</title><entry><title>T1</title>"
        f'<link href="{server.url("/t/1")}"/><id>t1</id><updated>2020-10-06T10:00:00Z</updated>'
        f"<content type=\"html\">&lt;p&gt;{sample_paragraphs(901, 1)[0]}&lt;/p&gt;</content>"
        "</entry></feed>"), content_type="application/atom+xml")
    outlets = [Outlet(key="j", name="J", feeds=(server.url("/j/feed.json"),)),
               Outlet(key="t", name="T", feeds=(server.url("/t/atom.xml"),))]
    summary = collect_once(sqlite_store, outlets, FAST.replace(fetch_pages=False))
    assert summary.new_reports == 2 and summary.errors == 1
    assert server.hits["/j/1"] == 0  # pages were not fetched
    report = sqlite_store.get_report(report_id_for_url(server.url("/j/1")))
    assert report.text == text and report.raw is None
    atom = sqlite_store.get_report(report_id_for_url(server.url("/t/1")))
    assert atom.published is not None and atom.published.year == 2020


def test_injected_clock_sets_times_and_schedule(server, sqlite_store):
    from datetime import UTC, datetime, timedelta

    now = datetime(2020, 10, 6, 3, 0, tzinfo=UTC)
    serve_story(server, "/c2/1", 77, "Sample clocked story")
    server.feed("/c2/feed.xml", rss("C2", [{"link": server.url("/c2/1"), "title": "C2"},
                                           {"link": server.url("/c2/gone"), "title": "gone"}]))
    outlet = Outlet(key="c2", name="C2", feeds=(server.url("/c2/feed.xml"),),
                    interval_minutes=45)
    collect_once(sqlite_store, [outlet], FAST, clock=lambda: now)
    report = sqlite_store.get_report(report_id_for_url(server.url("/c2/1")))
    assert report.fetched == now
    state = sqlite_store.get_feed_state(server.url("/c2/feed.xml"))
    assert state.last_checked == now and state.next_due == now + timedelta(minutes=45)
    assert due_feeds(sqlite_store, [outlet], now + timedelta(minutes=44)) == []
    assert due_feeds(sqlite_store, [outlet], now + timedelta(minutes=45)) == [
        (outlet, server.url("/c2/feed.xml"))]
    (error,) = sqlite_store.list_errors("collect")
    assert error.at == now and error.kind == "http-404" and error.outlet == "c2"


def test_batched_writes_isolate_a_failing_report_and_link_copies_within_a_batch(
    server, sqlite_store, monkeypatch
):
    """Reports are written in batches: a copy whose original waits in the same batch is still
    linked, and a report the store refuses with an error is recorded while the rest go in."""
    from sitroom.errors import StoreError
    from sitroom.pipeline import collect as pipeline

    original = serve_story(server, "/q/0", 300, "Sample original")
    serve_story(server, "/q/wire", 300, "Sample wire copy", paras=wire_copy(original))
    for i in range(1, 4):
        serve_story(server, f"/q/{i}", 300 + i, f"Sample story {i}")
    server.feed("/q/feed.xml", rss("Q", [
        {"link": server.url(f"/q/{i}"), "title": f"Q{i}"} for i in range(4)
    ] + [{"link": server.url("/q/wire"), "title": "Q wire"}]))
    bad = report_id_for_url(server.url("/q/2"))
    store_add, store_add_many = sqlite_store.add_report, sqlite_store.add_reports
    batches = []

    def add_reports(reports, signatures=None):
        reports = list(reports)
        batches.append(len(reports))
        if any(r.id == bad for r in reports):
            raise StoreError("sample failure of one report")
        return store_add_many(reports, signatures)

    def add_report(report, signature=None):
        if report.id == bad:
            raise StoreError("sample failure of one report")
        return store_add(report, signature)

    monkeypatch.setattr(pipeline._Pass, "FLUSH_AGE", 30.0)  # the whole feed waits together
    monkeypatch.setattr(sqlite_store, "add_reports", add_reports)
    monkeypatch.setattr(sqlite_store, "add_report", add_report)
    outlet = Outlet(key="q", name="Q", feeds=(server.url("/q/feed.xml"),))
    summary = collect_once(sqlite_store, [outlet], FAST)
    assert summary.new_reports == 4 and summary.errors == 1 and summary.near_duplicates == 1
    assert max(batches) > 1  # written in batches, not one transaction per report
    assert ("q", "StoreError") in errors_by_kind(sqlite_store)
    pair = {report_id_for_url(server.url("/q/0")), report_id_for_url(server.url("/q/wire"))}
    linked = [sqlite_store.get_report(i) for i in pair]  # which comes first varies
    assert sorted(r.near_duplicate_of is None for r in linked) == [False, True]
    assert {r.near_duplicate_of for r in linked} - {None} < pair
    assert not sqlite_store.has_url(canonical_url(server.url("/q/2")))
    assert sqlite_store.get_feed_state(server.url("/q/feed.xml")) is not None
