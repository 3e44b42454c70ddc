"""`sitroom alerts` as a user runs it: check, list (text and JSON), send to a failing webhook,
digest on request."""

from __future__ import annotations

import json
from datetime import date

import pytest
from tests.support.receivers import WebhookReceiver

from sitroom.cli import main
from sitroom.model import Event, FigureRange, Watch
from sitroom.store import open_store


def cli(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(store_url):
    with open_store(store_url) as store:
        store.add_watch(Watch("foreign-property", "Foreign property",
                              (("foreign_owner", True),)))
        store.save_events([
            Event(id=f"e{i}", claim_ids=(f"c{i}",), event_date=date(2020, 10, 5 + i),
                  time_precision=1, event_type="Riots", sub_event_type="Mob violence",
                  country="Kyrgyzstan", iso3="KGZ", location="Naryn",
                  fatalities=FigureRange(0, 0, 0), target_owner_iso3=owner)
            for i, owner in enumerate(["CHN", None, "CAN"])])
    return store_url


def test_check_list_and_a_digest(db, capsys):
    code, out, _ = cli(capsys, "--db", db, "--set", "alert_rate_limit=1", "alerts", "check")
    assert code == 0 and "3 new or changed event(s) checked, 2 new alert(s) (1 suppressed)" in out
    code, out, _ = cli(capsys, "--db", db, "alerts", "check")
    assert "0 new or changed event(s) checked, 0 new alert(s)" in out
    code, out, _ = cli(capsys, "--db", db, "alerts", "list")
    assert out.startswith("2 alert(s), 1 suppressed by the rate limit (foreign-property: 1)")
    assert "property owned from CHN" in out and "property owned from CAN" in out
    code, out, _ = cli(capsys, "--db", db, "alerts", "list", "--format", "json")
    rows = json.loads(out)
    assert sorted(r["event_id"] for r in rows) == ["e0", "e2"]
    assert {r["payload"]["target_owner_iso3"] for r in rows} == {"CHN", "CAN"}
    code, out, _ = cli(capsys, "--db", db, "alerts", "digest", "--since", "2000-01-01")
    assert "Foreign property [foreign-property]: 2 alert(s), 1 suppressed" in out
    code, out, _ = cli(capsys, "--db", db, "alerts", "digest", "--since", "2000-01-01",
                       "--until", "2000-01-02", "--format", "json")
    assert json.loads(out)["total"] == 0
    code, _, err = cli(capsys, "--db", db, "alerts", "digest", "--since", "yesterday")
    assert code == 1 and "is not a date" in err


def test_send_to_a_webhook_answering_500_records_the_failure(db, capsys):
    with WebhookReceiver(status=500) as hook:
        opts = ["--db", db, "--set", f"alert_webhook_url={hook.url}",
                "--set", "alert_retries=0"]
        cli(capsys, *opts, "alerts", "check")
        code, out, _ = cli(capsys, *opts, "alerts", "send")
        assert code == 0 and "0 sent, 0 to retry, 2 failed" in out
        assert len(hook.attempts) == 2
    code, out, _ = cli(capsys, "--db", db, "alerts", "list")
    assert out.count("webhook failed after 1 attempt(s): webhook answered HTTP 500") == 2
    with WebhookReceiver() as hook:
        code, _, err = cli(capsys, "--db", db, "--set", f"alert_webhook_url={hook.url}",
                           "alerts", "digest", "--since", "2000-01-01", "--send")
        assert code == 0 and "digest sent by webhook" in err
        assert hook.received[0]["kind"] == "digest" and hook.received[0]["total"] == 2
    code, _, err = cli(capsys, "--db", db, "alerts", "digest", "--since", "2000-01-01",
                       "--send")
    assert code == 1 and "no channel to send on" in err
