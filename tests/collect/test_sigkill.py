"""SIGKILL at any moment loses no report and duplicates none: a re-run completes the work."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.support.corpus import article_html, rss, sample_paragraphs, wire_copy

from sitroom.model import Outlet
from sitroom.store import open_store
from sitroom.store.api import ReportQuery

ROOT = Path(__file__).resolve().parents[2]
FEEDS, ITEMS = 4, 25


def build(server) -> list[Outlet]:
    outlets = []
    for f in range(FEEDS):
        items = []
        for i in range(ITEMS):
            path = f"/k/{f}/{i}"
            seed = 1000 * f + i
            paras = sample_paragraphs(seed, count=6)
            if f == 1 and i < 8:  # wire copies of feed 0's stories
                paras = wire_copy(sample_paragraphs(i, count=6))
            if f == 2 and i < 4:  # exact copies of feed 0's stories, same page
                paras = sample_paragraphs(i, count=6)
            title = f"Sample story {i}" if f == 2 and i < 4 else f"Sample story {seed}"
            server.page(path, article_html(title, paras), delay=0.03)
            items.append({"link": server.url(path) + "?utm_source=feed", "title": title})
        server.feed(f"/k/{f}/feed.xml", rss(f"Sample K{f}", items), etag=f'"k{f}"')
        outlets.append(Outlet(key=f"k{f}", name=f"Sample K{f}", country="KGZ",
                              feeds=(server.url(f"/k/{f}/feed.xml"),), sample=True))
    return outlets


def collect(db: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [sys.executable, "-m", "sitroom", "--db", db, "--set", "host_delay=0",
         "--set", "concurrency=6", "--set", "host_concurrency=6", "--set", "retries=0",
         "collect", "--once", "--format", "jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )


def stored_count(path: Path) -> int:
    """Reports stored so far, read while the collector writes (WAL lets readers in)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    except sqlite3.Error:
        return 0


def reports(db: str):
    store = open_store(db)
    try:
        return list(store.iter_reports(ReportQuery(limit=None)))
    finally:
        store.close()


@pytest.mark.slow
def test_sigkill_at_several_moments_then_rerun(server, tmp_path):
    outlets = build(server)
    clean_db = f"sqlite:///{tmp_path / 'clean.sqlite'}"
    killed_db = f"sqlite:///{tmp_path / 'killed.sqlite'}"
    for db in (clean_db, killed_db):
        store = open_store(db)
        for outlet in outlets:
            store.save_outlet(outlet)
        store.close()

    started = time.monotonic()
    proc = collect(clean_db)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    full_run = time.monotonic() - started
    expected = reports(clean_db)
    assert len(expected) == FEEDS * ITEMS - 4  # the exact copies are not stored twice

    # Kill once early (starting up or reading feeds), then each time the stored count passes
    # another mark, so the kills land while reports are being written.
    kills = 0
    path = tmp_path / "killed.sqlite"
    for mark in (None, 10, 30, 50, 70):
        proc = collect(killed_db)
        deadline = time.monotonic() + (min(1.0, full_run / 3) if mark is None else 60)
        while proc.poll() is None and time.monotonic() < deadline:
            if mark is not None and stored_count(path) >= mark:
                break
            time.sleep(0.01)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=60)
    assert kills >= 3
    partial = len(reports(killed_db))
    assert partial < len(expected)  # the kills did cut runs short

    proc = collect(killed_db)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    got = reports(killed_db)
    urls = [r.canonical_url for r in got]
    hashes = [r.content_hash for r in got]
    assert len(urls) == len(set(urls)) and len(hashes) == len(set(hashes))  # none duplicated
    # None lost: every story is stored once. (Of two identical pages, whichever was fetched
    # first is kept, so compare contents, not URLs.)
    assert set(hashes) == {r.content_hash for r in expected} and len(got) == len(expected)
    assert partial <= len(got)
