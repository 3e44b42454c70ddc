"""The collection commands as a user runs them: outlets add|list|check, collect --once, run."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.support.corpus import article_html, rss, sample_paragraphs

from sitroom.cli import main
from sitroom.store import open_store

ROOT = Path(__file__).resolve().parents[2]
FAST = ["--set", "host_delay=0", "--set", "retries=0", "--set", "http_timeout=2"]


def run_cli(capsys, *argv):
    code = main([*argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


def site(server, n=3):
    for i in range(n):
        server.page(f"/s/{i}", article_html(f"Sample CLI story {i}", sample_paragraphs(100 + i)))
    server.feed("/s/feed.xml", rss("Sample S", [
        {"link": server.url(f"/s/{i}"), "title": f"S{i}"} for i in range(n)
    ]), etag='"s"')
    server.status("/bad/feed.xml", 404)


def test_outlets_add_list_check_and_collect(server, db, capsys):
    site(server)
    code, out, _ = run_cli(capsys, "--db", db, "outlets", "add", "--name", "Sample Радио S",
                           "--feed", server.url("/s/feed.xml"), "--country", "kgz",
                           "--bloc", "domestic", "--language", "ru", "--reliability", "C")
    assert code == 0 and "sample-s" in out
    run_cli(capsys, "--db", db, "outlets", "add", "--name", "Broken", "--key", "broken",
            "--feed", server.url("/bad/feed.xml"), "--country", "RUS", "--bloc", "russian")
    code, out, _ = run_cli(capsys, "--db", db, "outlets", "list", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["key"] for r in rows} == {"sample-s", "broken"}
    s = next(r for r in rows if r["key"] == "sample-s")
    assert s["country"] == "KGZ" and s["languages"] == ["ru"] and s["reliability"] == "C"

    code, out, _ = run_cli(capsys, "--db", db, *FAST, "outlets", "check")
    assert code == 1  # one feed fails
    assert "ok   sample-s" in out and "3 item(s)" in out and "FAIL broken" in out
    assert "HTTP 404" in out

    code, out, _ = run_cli(capsys, "--db", db, *FAST, "collect", "--once", "--format", "jsonl")
    summary = json.loads(out)
    assert code == 0 and summary["new_reports"] == 3 and summary["errors"] == 1
    code, out, _ = run_cli(capsys, "--db", db, *FAST, "collect", "--once", "--outlet", "sample-s")
    assert code == 0 and "0 new report(s)" in out and "1 not modified" in out

    code, out, _ = run_cli(capsys, "--db", db, *FAST, "collect", "--once")
    assert "http-404" in out and "[broken]" in out


def test_outlets_add_rejects_bad_input(db, capsys):
    code, _, err = run_cli(capsys, "--db", db, "outlets", "add", "--name", "X", "--feed",
                           "ftp://x", "--country", "KGZ", "--bloc", "domestic")
    assert code == 1 and "not an http(s) URL" in err
    code, _, err = run_cli(capsys, "--db", db, "outlets", "add", "--name", "X", "--feed",
                           "http://x.example/f", "--country", "XX1", "--bloc", "domestic")
    assert code == 1 and "ISO 3166" in err
    code, _, err = run_cli(capsys, "--db", db, "collect", "--once", "--outlet", "nope")
    assert code == 1


def _sitroom(db, *args, **kw):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [sys.executable, "-m", "sitroom", "--db", db, *FAST, *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT, **kw,
    )


@pytest.mark.slow
def test_run_stops_cleanly_on_sigterm_and_resumes_its_schedule(server, db, capsys):
    site(server)
    run_cli(capsys, "--db", db, "outlets", "add", "--name", "Sample S", "--interval", "60",
            "--feed", server.url("/s/feed.xml"), "--country", "KGZ", "--bloc", "domestic")
    proc = _sitroom(db, "run", "--format", "jsonl")
    ready, _, _ = select.select([proc.stdout], [], [], 90)  # never hang the suite
    if not ready:
        proc.kill()
        pytest.fail("run printed no summary within 90 s")
    first = proc.stdout.readline()  # the first pass's summary
    assert json.loads(first)["new_reports"] == 3
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "run: stopped" in err
    store = open_store(db)
    try:
        state = store.get_feed_state(server.url("/s/feed.xml"))
        assert state.next_due is not None and state.etag == '"s"'
    finally:
        store.close()
    # A restarted run finds nothing due (the interval is an hour) and fetches nothing.
    hits = server.hits["/s/feed.xml"]
    proc = _sitroom(db, "run", "--format", "jsonl")
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and out == "" and server.hits["/s/feed.xml"] == hits


