"""Reports on both backends: round trips, duplicates, filters, search, signatures, feeds, errors."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime, timedelta, timezone

import pytest

from sitroom.errors import NotFound, StoreError
from sitroom.model import ErrorRecord, Report, content_hash
from sitroom.store import FeedState, ReportQuery

BISHKEK = timezone(timedelta(hours=6))


def article(n: int, text: str | None = None, **kw) -> Report:
    """A sample report (text written for the tests, attributed to no real outlet)."""
    body = text if text is not None else f"Sample report number {n} about a rally in Bishkek."
    values = {
        "id": f"r{n}", "kind": "article", "text": body, "title": f"Sample {n}",
        "url": f"https://sample.example/{n}?utm_source=x", "canonical_url": f"https://sample.example/{n}",
        "outlet": "sample-domestic", "lang": "en", "content_hash": content_hash(body),
    }
    values.update(kw)
    return Report(**values)


def test_full_report_round_trips(store):
    raw = zlib.compress("<html><p>Ак үй</p></html>".encode())
    r = article(
        1, text="Протестующие заняли Белый дом.\nВторой абзац.", title="Белый дом",
        lang="ru", published=datetime(2020, 10, 6, 3, 30, tzinfo=BISHKEK),
        fetched=datetime(2020, 10, 6, 0, 0, tzinfo=UTC), author="Sample Author", raw=raw,
        raw_type="text/html; charset=utf-8", country_hint="KGZ", place_hint="Bishkek",
        case="kyrgyzstan-2020",
    )
    assert store.add_report(r).status == "new"
    got = store.get_report("r1")
    assert got == r
    assert got.published == datetime(2020, 10, 5, 21, 30, tzinfo=UTC)
    assert got.published.tzinfo is not None and got.published.utcoffset() == timedelta(0)
    assert store.get_raw("r1") == "<html><p>Ак үй</p></html>".encode()


def test_naive_times_are_taken_as_utc_and_uncompressed_raw_is_compressed(store):
    store.add_report(article(1, published=datetime(2020, 10, 6, 12, 0), raw=b"plain bytes"))
    got = store.get_report("r1")
    assert got.published == datetime(2020, 10, 6, 12, 0, tzinfo=UTC)
    assert zlib.decompress(got.raw) == b"plain bytes"
    assert store.get_raw("r1") == b"plain bytes"


def test_a_tip_keeps_submitter_and_review_status(store):
    tip = Report(id="t1", kind="tip", text="Sample tip: crowd near the square.",
                 submitter="+996 555 000 000", review_status="unreviewed", place_hint="Osh")
    store.add_report(tip)
    assert store.get_report("t1").submitter == "+996 555 000 000"
    store.set_review_status("t1", "accepted")
    assert store.get_report("t1").review_status == "accepted"
    with pytest.raises(StoreError):
        store.set_review_status("t1", "maybe")
    with pytest.raises(NotFound):
        store.set_review_status("nope", "accepted")


def test_missing_content_hash_is_computed():
    from sitroom.store.rows import report_row

    assert report_row(article(1, content_hash=""))["content_hash"] == content_hash(
        article(1).text
    )


def test_same_url_or_same_content_is_one_row(store):
    first = store.add_report(article(1))
    assert first.is_new and first.report_id == "r1"
    again = store.add_report(article(1))
    assert (again.status, again.report_id, again.existing_id) == ("duplicate-url", "r1", "r1")
    same_url = store.add_report(
        article(2, text="Changed text", canonical_url=article(1).canonical_url)
    )
    assert same_url.status == "duplicate-url" and same_url.report_id == "r1"
    respaced = "  sample REPORT number 1 about a rally in   Bishkek. "
    wire_copy = store.add_report(article(3, text=respaced, content_hash=""))
    assert wire_copy.status == "duplicate-content" and wire_copy.existing_id == "r1"
    assert store.count_reports() == 1


def test_add_reports_in_one_batch_reports_each(store):
    results = store.add_reports([article(1), article(2), article(1), article(3)])
    assert [r.status for r in results] == ["new", "new", "duplicate-url", "new"]
    assert store.count_reports() == 3
    assert store.known_urls(["https://sample.example/2", "https://other.example/"]) == {
        "https://sample.example/2"
    }
    assert store.has_url("https://sample.example/3") and not store.has_url("https://x.example/")


def test_bad_reports_are_refused_clearly(store):
    with pytest.raises(StoreError, match="kind"):
        store.add_report(article(1, kind="rumour"))
    with pytest.raises(StoreError, match="review status"):
        store.add_report(article(1, review_status="later"))
    assert store.count_reports() == 0


def test_nul_characters_do_not_break_either_backend(store):
    store.add_report(article(1, text="before\x00after", content_hash=""))
    assert store.get_report("r1").text == "beforeafter"


def test_list_filters(store):
    base = datetime(2020, 10, 4, tzinfo=UTC)
    for n in range(6):
        store.add_report(article(
            n, outlet="a" if n % 2 else "b", lang="ru" if n < 3 else "en",
            published=base + timedelta(days=n), case="c1" if n < 4 else "c2",
        ))
    store.add_report(Report(id="t", kind="tip", text="Sample tip", review_status="unreviewed",
                            fetched=base + timedelta(days=10)))
    store.set_near_duplicate("r5", "r1")

    def ids(**kw) -> list[str]:
        return [r.id for r in store.list_reports(ReportQuery(**kw))]

    assert ids() == ["r0", "r1", "r2", "r3", "r4", "r5", "t"]
    assert ids(outlet="a") == ["r1", "r3", "r5"]
    assert ids(lang="ru", outlet="b") == ["r0", "r2"]
    assert ids(case="c2") == ["r4", "r5"]
    assert ids(kind="tip") == ["t"] and ids(review_status="unreviewed") == ["t"]
    assert ids(since=base + timedelta(days=2), until=base + timedelta(days=4)) == ["r2", "r3"]
    assert ids(include_duplicates=False, case="c2") == ["r4"]
    assert ids(limit=2, offset=1) == ["r1", "r2"]
    assert ids(newest_first=True, limit=3) == ["t", "r5", "r4"]
    assert store.count_reports(ReportQuery(outlet="a")) == 3
    assert store.count_reports(ReportQuery(since=base + timedelta(days=9))) == 1
    assert all(r.raw is None for r in store.list_reports())
    assert store.get_report("r5").near_duplicate_of == "r1"


def test_listing_leaves_raw_out_unless_asked(store):
    store.add_report(article(1, raw=zlib.compress(b"page")))
    assert store.list_reports()[0].raw is None
    assert zlib.decompress(store.list_reports(ReportQuery(with_raw=True))[0].raw) == b"page"


def test_iter_reports_is_stable_and_ignores_limit(store):
    store.add_reports([article(n) for n in range(23)])
    got = [r.id for r in store.iter_reports(ReportQuery(limit=5), batch=4)]
    assert got == [f"r{n}" for n in range(23)]
    # Writing while iterating is allowed (no transaction is held between batches).
    for r in store.iter_reports(ReportQuery(outlet="sample-domestic"), batch=10):
        if r.id != "r0":
            store.set_near_duplicate(r.id, "r0")
    assert store.count_reports(ReportQuery(include_duplicates=False)) == 1


def test_near_duplicate_needs_both_reports(store):
    store.add_report(article(1))
    with pytest.raises(NotFound):
        store.set_near_duplicate("r1", "missing")
    with pytest.raises(NotFound):
        store.set_near_duplicate("missing", "r1")
    with pytest.raises(StoreError):
        store.set_near_duplicate("r1", "r1")
    with pytest.raises(NotFound):
        store.get_report("missing")
    with pytest.raises(NotFound):
        store.get_raw("missing")
    assert store.get_raw("r1") is None


def test_signatures_round_trip(store):
    store.add_reports([article(n) for n in range(3)])
    store.save_signature("r1", b"\x00\x01\xff" * 10)
    store.save_signatures([("r0", b"abc"), ("r2", b"def")])
    store.save_signature("r1", b"new")
    assert list(store.iter_signatures(batch=2)) == [("r0", b"abc"), ("r1", b"new"), ("r2", b"def")]


def test_feed_state_round_trips_and_updates(store):
    assert store.get_feed_state("https://sample.example/feed") is None
    state = FeedState(
        url="https://sample.example/feed", outlet="sample-domestic", etag='W/"abc"',
        last_modified="Tue, 06 Oct 2020 10:00:00 GMT",
        last_checked=datetime(2020, 10, 6, 10, 0, tzinfo=UTC),
        next_due=datetime(2020, 10, 6, 10, 30, tzinfo=UTC), failures=0, last_status=200,
    )
    store.save_feed_state(state)
    assert store.get_feed_state(state.url) == state
    worse = FeedState(url=state.url, outlet="sample-domestic", failures=3, last_status=503,
                      last_error="server error")
    store.save_feed_state(worse)
    assert store.get_feed_state(state.url) == worse
    assert store.list_feed_states() == [worse]


def test_errors_are_recorded_and_listed(store):
    at = datetime(2020, 10, 6, tzinfo=UTC)
    store.record_error(ErrorRecord("collect", "https://sample.example/feed", "malformed XML",
                                   at=at, outlet="o", kind="ParseError"))
    store.record_errors(
        [ErrorRecord("import", f"file.csv:{n}", "bad line", at=at) for n in range(5)]
    )
    assert store.count_errors() == 6 and store.count_errors("import") == 5
    latest = store.list_errors("import", limit=2)
    assert [e.source for e in latest] == ["file.csv:3", "file.csv:4"]
    assert store.list_errors("collect")[0] == ErrorRecord(
        "collect", "https://sample.example/feed", "malformed XML", at=at, outlet="o",
        kind="ParseError",
    )


def test_long_urls_and_free_length_fields_behave_alike_on_both(store):
    long_url = "https://sample.example/" + "segment/" * 700  # ~5,600 characters
    r = article(1, canonical_url=long_url, url=long_url, lang="ru-Cyrl-KG-x-sample",
                country_hint="Kyrgyzstan", outlet="o" * 300, raw_type="t" * 300)
    assert store.add_report(r).is_new
    assert store.add_report(article(2, canonical_url=long_url)).status == "duplicate-url"
    assert store.has_url(long_url) and store.known_urls([long_url]) == {long_url}
    assert store.get_report("r1") == r


def test_undecodable_text_is_kept_readable(store):
    broken = b"caf\xe9 in Bishkek".decode("utf-8", "surrogateescape")
    store.add_report(Report(id="r1", kind="article", text=broken, title=broken))
    assert store.get_report("r1").text == "caf? in Bishkek"


def test_threads_racing_on_the_same_reports_store_each_once(store):
    import threading
    from collections import Counter

    tally: Counter[str] = Counter()
    lock = threading.Lock()

    def work(order: list[int]) -> None:
        for n in order:
            status = store.add_report(article(n)).status
            with lock:
                tally[status] += 1

    orders = [list(range(40)), list(reversed(range(40))), list(range(40)), list(range(20, 40))]
    threads = [threading.Thread(target=work, args=(o,)) for o in orders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert tally["new"] == 40 and sum(tally.values()) == 140
    assert store.count_reports() == 40
