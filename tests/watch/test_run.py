"""`sitroom run` as a library loop: a report appearing in a local feed becomes an event and an
alert delivered to a (slow) webhook, without the webhook holding up the loop."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from tests.support.corpus import article_html, rss
from tests.support.receivers import WebhookReceiver
from tests.support.server import LocalServer

from sitroom.model import Case, Outlet, Watch
from sitroom.settings import Settings

STORIES = [
    ("Sample: rally in Bishkek", [
        "Sample report written for tests. Thousands of protesters rallied in Bishkek on "
        "Tuesday against the results of the parliamentary election, police said.",
        "Sample filler paragraph: the square was calm by the evening and traffic resumed."]),
    ("Sample: mine attacked", [
        "Sample report written for tests. Villagers attacked and set fire to a Chinese-owned "
        "gold mine in Naryn region on Monday, police said. Nobody was hurt.",
        "Sample filler paragraph: the company said work would resume after an inquiry."]),
]


def _publish(server: LocalServer, count: int) -> None:
    """The feed with the first ``count`` stories (a new ETag each time it grows)."""
    for i, (title, paras) in enumerate(STORIES[:count]):
        server.page(f"/r/{i}", article_html(title, paras))
    server.feed("/r/feed.xml", rss("Sample R", [
        {"link": server.url(f"/r/{i}"), "title": STORIES[i][0]} for i in range(count)
    ]), etag=f'"r{count}"')


def _wait(what, timeout: float = 120.0, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := what():
            return value
        time.sleep(step)
    pytest.fail(f"waited {timeout:.0f} s in vain")


@pytest.mark.slow
def test_a_feed_item_becomes_an_alert_and_a_slow_webhook_never_stalls_the_loop(store):
    from sitroom.pipeline.run import run
    from sitroom.watch.notify import senders_from

    with LocalServer() as server, WebhookReceiver(delay=3.0) as hook:
        _publish(server, 1)
        outlet = Outlet("sample-r", "Sample R", feeds=(server.url("/r/feed.xml"),),
                        country="KGZ", languages=("en",), bloc="domestic", sample=True,
                        interval_minutes=60)
        store.save_case(Case(name="sample-run", title="Sample", countries=("KGZ",), watches=(
            Watch("protests", "Protests", (("event_type", "Protests"),)),
            Watch("foreign-property", "Foreign property", (("foreign_owner", True),)),
        )))
        store.save_outlet(outlet, case="sample-run")
        settings = Settings().replace(host_delay=0.0, retries=0, http_timeout=5.0,
                                      alert_webhook_url=hook.url)
        stop = threading.Event()
        passes: list = []

        def loop() -> None:
            for p in run(store, [outlet], settings, stop=stop, case="sample-run",
                         senders=senders_from(settings), max_sleep=0.2, deliver_every=0.2):
                passes.append((time.monotonic(), p, len(hook.received)))

        worker = threading.Thread(target=loop, daemon=True)
        worker.start()
        try:
            _wait(lambda: passes, timeout=240)
            _, first, received = passes[0]
            assert first.collected.new_reports == 1 and first.coded_reports == 1
            assert [a.watch for a in first.watched.alerts] == ["protests"]
            assert received == 0  # the pass was done before the webhook answered
            _wait(lambda: hook.received, timeout=30)
            assert hook.received[0]["watch"] == "protests"

            # a new item appears; the feed is made due now rather than in an hour
            _publish(server, 2)
            state = store.get_feed_state(outlet.feeds[0])
            store.save_feed_state(replace(state, next_due=datetime.now(UTC)))
            _wait(lambda: len(passes) > 1, timeout=60)
            second = passes[1][1]
            assert second.collected.new_reports == 1 and second.coded_reports == 1
            assert [a.watch for a in second.watched.alerts] == ["foreign-property"]
            _wait(lambda: len(hook.received) > 1, timeout=30)
            assert hook.received[1]["event"]["target_owner_iso3"] == "CHN"
        finally:
            stop.set()
            worker.join(30)
        assert not worker.is_alive()
    assert [d.status for d in store.list_deliveries()] == ["sent", "sent"]
    assert len(store.list_alerts(case="sample-run")) == 2
