"""Alerts: each new or changed event checked once, one alert per watch and event, no storms,
and delivery to a real webhook and SMTP server on 127.0.0.1 with retries, on both stores."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from tests.support.receivers import SmtpServer, WebhookReceiver

from sitroom.model import Case, Event, FigureRange, Watch
from sitroom.pipeline.watch import check_watches, deliver_due, send_digests
from sitroom.settings import Settings
from sitroom.watch.alerts import RateLimit, decide, digest
from sitroom.watch.notify import EmailSender, WebhookSender, after_attempt, senders_from
from sitroom.watch.rules import build_context, parse_rule

NOW = datetime(2020, 10, 12, 9, tzinfo=UTC)
CTX = build_context(["KGZ"])


def ev(eid: str, day: int = 6, **kw) -> Event:
    values = {"id": eid, "claim_ids": (f"c-{eid}",), "event_date": date(2020, 10, day),
              "time_precision": 1, "event_type": "Riots",
              "sub_event_type": "Violent demonstration", "actor1": "Rioters (Kyrgyzstan)",
              "country": "Kyrgyzstan", "iso3": "KGZ", "location": "Osh",
              "fatalities": FigureRange(0, 0, 0)}
    values.update(kw)
    return Event(**values)


OSH = parse_rule("osh-deaths", "Fatalities in Osh", {"location": "Osh", "min_fatalities": 1})
FOREIGN = parse_rule("foreign-property", "Foreign property", {"foreign_owner": True})


def test_each_event_version_is_checked_once_and_fires_once():
    quiet, deadly = ev("a"), ev("b", fatalities=FigureRange(2, 2, 2))
    first = decide([OSH], [quiet, deadly], ctx=CTX, now=NOW)
    assert [(a.watch, a.event_id) for a in first.alerts] == [("osh-deaths", "b")]
    assert first.events_checked == 2
    checked = {e: fp for (_, e), fp in first.checked.items()}
    fired = {(a.watch, a.event_id) for a in first.alerts}
    again = decide([OSH], [quiet, deadly], ctx=CTX, now=NOW, checked=checked, fired=fired)
    assert again.alerts == () and again.events_checked == 0 and not again.checked
    # the quiet event changes (a death reported later): checked again, and now it fires
    grown = replace(quiet, fatalities=FigureRange(1, 1, 1))
    changed_deadly = replace(deadly, fatalities=FigureRange(3, 2, 3))
    third = decide([OSH], [grown, changed_deadly], ctx=CTX, now=NOW, checked=checked,
                   fired=fired)
    assert third.events_checked == 2
    assert [a.event_id for a in third.alerts] == ["a"]  # b fired already: never twice


def test_rejected_and_unplaced_events_fire_nothing():
    events = [ev("r", fatalities=FigureRange(1, 1, 1), status="rejected"),
              ev("u", fatalities=FigureRange(1, 1, 1), status="unmerged")]
    assert decide([OSH], events, ctx=CTX, now=NOW).alerts == ()


def test_first_report_fires_for_the_earliest_event_only_and_then_never():
    first = parse_rule("first-curfew", "First curfew",
                       {"political_event": "curfew", "first_report": True})
    later, earlier = ev("x", 9, political_event="curfew"), ev("y", 7, political_event="curfew")
    got = decide([first], [later, earlier], ctx=CTX, now=NOW)
    assert [a.event_id for a in got.alerts] == ["y"]
    more = decide([first], [ev("z", 3, political_event="curfew")], ctx=CTX, now=NOW,
                  fired={("first-curfew", "y")})
    assert more.alerts == ()


def test_a_storm_is_rate_limited_and_the_suppressed_are_counted():
    storm = [ev(f"s{i}", target_owner_iso3="CHN") for i in range(7)]
    got = decide([FOREIGN], storm, ctx=CTX, now=NOW, rate=RateLimit(3, timedelta(hours=1)),
                  recent={"foreign-property": 1})
    assert [a.suppressed for a in got.alerts] == [False, False] + [True] * 5
    d = digest(list(got.alerts))
    assert d.by_watch == (("foreign-property", "Foreign property", 7, 5),)
    assert "5 suppressed by the rate limit" in d.text()


def test_backoff_doubles_then_records_the_failure():
    from sitroom.model import Delivery

    d = Delivery("w", "e", "webhook")
    waits = []
    for _ in range(3):
        d = after_attempt(d, "webhook answered HTTP 500", now=NOW, retries=3, backoff=10)
        waits.append((d.next_attempt - NOW).total_seconds())
    assert waits == [10, 20, 40] and d.status == "pending"
    d = after_attempt(d, "webhook answered HTTP 500", now=NOW, retries=3, backoff=10)
    assert (d.status, d.attempts, d.last_error) == ("failed", 4, "webhook answered HTTP 500")
    ok = after_attempt(Delivery("w", "e", "webhook"), None, now=NOW, retries=3, backoff=10)
    assert (ok.status, ok.attempts, ok.sent_at) == ("sent", 1, NOW)


# --- on the store ---------------------------------------------------------------------------

def _seed(store, *events: Event) -> None:
    store.save_case(Case(name="sample", title="Sample case", countries=("KGZ",), watches=(
        Watch("osh-deaths", "Fatalities in Osh", (("location", "Osh"), ("min_fatalities", 1))),
        Watch("foreign-property", "Foreign property", (("foreign_owner", True),)),
    )))
    store.save_events(list(events))


def _settings(**kw) -> Settings:
    return Settings().replace(**{"alert_backoff": 0.05, "alert_retries": 2,
                                 "alert_timeout": 0.5, **kw})


def test_check_watches_stores_alerts_once_with_an_outbox(store):
    """Events of no case's reports are checked by the watches of no case: add one by hand."""
    _seed(store, ev("a"), ev("b", fatalities=FigureRange(1, 1, 1), target_owner_iso3="CAN"))
    store.add_watch(Watch("any-riot", "Any riot", (("event_type", "Riots"),)), "")
    hook = {"webhook": WebhookSender("http://127.0.0.1:9/never")}
    first = check_watches(store, _settings(), now=NOW, senders=hook)
    assert sorted((a.watch, a.event_id) for a in first.alerts) == [("any-riot", "a"),
                                                                  ("any-riot", "b")]
    assert [(d.event_id, d.status) for d in store.list_deliveries()] == [("a", "pending"),
                                                                        ("b", "pending")]
    assert check_watches(store, _settings(), now=NOW, senders=hook).alerts == ()
    store.save_events([replace(store.get_event("a"), location="Bishkek")])  # changed
    again = check_watches(store, _settings(), now=NOW, senders=hook)
    assert again.events_checked == 1 and again.alerts == ()  # checked, fired already
    # a watch added later sees every stored event once
    store.add_watch(Watch("bishkek", "Bishkek", (("location", "Bishkek"),)), "")
    later = check_watches(store, _settings(), now=NOW, senders=hook)
    assert [(a.watch, a.event_id) for a in later.alerts] == [("bishkek", "a")]
    stored = store.list_alerts()
    assert len(stored) == 3 and dict(stored[0].payload)["event_id"] in ("a", "b")


def test_a_webhook_answering_500_is_retried_then_recorded_as_failed(store):
    _seed(store)
    store.add_watch(Watch("any-riot", "Any riot", (("event_type", "Riots"),)), "")
    store.save_events([ev("a")])
    with WebhookReceiver(status=500) as hook:
        settings = _settings(alert_webhook_url=hook.url, alert_backoff=0.3)
        senders = senders_from(settings)
        check_watches(store, settings, now=datetime.now(UTC), senders=senders)
        rounds = 0
        while store.list_deliveries(status="pending") and rounds < 100:
            deliver_due(store, senders, settings)
            time.sleep(0.05)
            rounds += 1
        assert len(hook.attempts) == 3  # the first try and two retries
        gaps = [b[0] - a[0] for a, b in zip(hook.attempts, hook.attempts[1:], strict=False)]
        assert gaps[0] >= 0.3 and gaps[1] >= 0.6  # never sooner than the backoff, doubled
    [d] = store.list_deliveries()
    assert (d.status, d.attempts, d.last_error) == ("failed", 3, "webhook answered HTTP 500")


def test_a_webhook_that_times_out_is_retried_and_recorded(store):
    store.add_watch(Watch("any-riot", "Any riot", (("event_type", "Riots"),)), "")
    store.save_events([ev("a")])
    with WebhookReceiver(delay=2.0) as hook:
        settings = _settings(alert_webhook_url=hook.url, alert_retries=1, alert_timeout=0.3)
        senders = senders_from(settings)
        started = time.monotonic()
        check_watches(store, settings, senders=senders)
        assert time.monotonic() - started < 2  # storing alerts never waits for the webhook
        for _ in range(40):
            if not store.list_deliveries(status="pending"):
                break
            deliver_due(store, senders, settings)
            time.sleep(0.05)
    [d] = store.list_deliveries()
    assert (d.status, d.attempts) == ("failed", 2)
    assert d.last_error == "webhook timed out after 0.3 s"


def test_a_webhook_receives_the_alert_as_json(store):
    _seed(store, ev("b", fatalities=FigureRange(2, 1, 2), target_owner_iso3="CAN"))
    store.add_watch(Watch("foreign-property", "Foreign property", (("foreign_owner", True),)),
                    "")
    with WebhookReceiver() as hook:
        settings = _settings(alert_webhook_url=hook.url)
        senders = senders_from(settings)
        check_watches(store, settings, senders=senders)
        done = deliver_due(store, senders, settings)
    assert done.sent == 1 and len(hook.received) == 1
    body = hook.received[0]
    assert body["watch"] == "foreign-property" and body["event_id"] == "b"
    assert body["event"]["target_owner_iso3"] == "CAN" and body["event"]["fatalities"] == 2
    assert store.list_deliveries()[0].status == "sent"


def test_email_goes_through_a_real_smtp_server():
    with SmtpServer() as smtp:
        settings = Settings().replace(smtp_host="127.0.0.1", smtp_port=smtp.port,
                                      smtp_from="sitroom@example.org",
                                      smtp_to="analyst@example.org, desk@example.org")
        senders = senders_from(settings)
        assert isinstance(senders["email"], EmailSender)
        got = decide([OSH], [ev("b", fatalities=FigureRange(2, 2, 2))], ctx=CTX, now=NOW)
        from sitroom.watch.notify import alert_message

        senders["email"].send(alert_message(got.alerts[0], suppressed=4))
    [(sender, rcpts, mail)] = smtp.messages
    assert sender == "sitroom@example.org"
    assert rcpts == ("analyst@example.org", "desk@example.org")
    assert mail["Subject"].startswith("[sitroom] Fatalities in Osh: 2020-10-06")
    body = mail.get_payload()
    assert "fatalities 2" in body and "4 more alert(s) of this watch suppressed" in body


def test_an_smtp_server_that_is_not_there_is_a_recorded_failure(store):
    store.add_watch(Watch("any-riot", "Any riot", (("event_type", "Riots"),)), "")
    store.save_events([ev("a")])
    settings = _settings(smtp_host="127.0.0.1", smtp_port=9, smtp_from="a@example.org",
                         smtp_to="b@example.org", alert_retries=0)
    senders = senders_from(settings)
    check_watches(store, settings, senders=senders)
    deliver_due(store, senders, settings)
    [d] = store.list_deliveries()
    assert d.status == "failed" and d.last_error.startswith("mail to 127.0.0.1:9 failed")


def test_digest_mode_sends_one_message_for_many_alerts(store):
    store.add_watch(Watch("any-riot", "Any riot", (("event_type", "Riots"),)), "")
    store.save_events([ev(f"e{i}") for i in range(4)])
    with WebhookReceiver() as hook:
        settings = _settings(alert_webhook_url=hook.url, alert_digest_minutes=60)
        senders = senders_from(settings)
        check_watches(store, settings, senders=senders)
        assert deliver_due(store, senders, settings).sent == 0  # they wait for the digest
        done = send_digests(store, senders, settings)
    assert done.sent == 4 and len(hook.received) == 1
    assert hook.received[0]["kind"] == "digest" and hook.received[0]["total"] == 4
    assert {d.status for d in store.list_deliveries()} == {"sent"}


def test_a_slow_webhook_is_not_waited_for_by_the_pipeline(store):
    """The pipeline only writes the outbox; sending happens apart (see test_run)."""
    store.add_watch(Watch("any-riot", "Any riot", (("event_type", "Riots"),)), "")
    store.save_events([ev(f"e{i}") for i in range(20)])
    with WebhookReceiver(delay=5.0) as hook:
        settings = _settings(alert_webhook_url=hook.url)
        started = time.monotonic()
        result = check_watches(store, settings, senders=senders_from(settings))
        assert time.monotonic() - started < 3 and len(result.alerts) == 20
        assert hook.attempts == []


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """Loopback only: a proxy set in the environment must not see the test's requests."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)
