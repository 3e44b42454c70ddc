"""Migrations, racing writers and a SIGKILL in the middle of inserts, on both backends."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sitroom.errors import StoreError
from sitroom.store import open_store
from sitroom.store.migrations import LATEST, MIGRATIONS
from sitroom.store.schema import report_signatures, reports, schema_version

WRITER = str(Path(__file__).with_name("_writer.py"))


def _run_writer(url: str, start: int, end: int, *flags: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, WRITER, url, str(start), str(end), *flags],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _tally(out: str) -> tuple[int, int]:
    line = next(x for x in out.splitlines() if x.startswith("TALLY"))
    _, new, dup = line.split()
    return int(new), int(dup)


def _counts(store) -> tuple[int, int]:
    with store.engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(reports)).scalar_one()
        s = conn.execute(select(func.count()).select_from(report_signatures)).scalar_one()
    return n, s


def test_migrations_are_numbered_and_idempotent(store_url):
    assert [m[0] for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    store = open_store(store_url)
    try:
        assert store.schema_version() == LATEST
        assert store.migrate() == LATEST
        assert store.migrate() == LATEST
        with store.engine.connect() as conn:
            rows = conn.execute(select(schema_version.c.version)).scalars().all()
        assert sorted(rows) == [m[0] for m in MIGRATIONS]
    finally:
        store.close()
    again = open_store(store_url)  # reopening an up-to-date database changes nothing
    try:
        assert again.schema_version() == LATEST
        assert again.check() == []
    finally:
        again.close()


def test_open_without_migrating_sees_version_zero(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'new.sqlite'}", migrate=False)
    try:
        assert store.schema_version() == 0
        assert store.migrate() == LATEST
    finally:
        store.close()


@pytest.mark.slow
def test_two_processes_migrating_at_once(store_url):
    code = ("import sys; from sitroom.store import open_store; "
            "s = open_store(sys.argv[1]); print(s.schema_version()); s.close()")
    procs = [subprocess.Popen([sys.executable, "-c", code, store_url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err for _, err in outs]
    assert [out.strip() for out, _ in outs] == [str(LATEST)] * 3
    store = open_store(store_url)
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(select(schema_version.c.version)).scalars().all()
        assert sorted(rows) == [m[0] for m in MIGRATIONS]  # each step applied exactly once
    finally:
        store.close()


@pytest.mark.slow
def test_two_writers_racing_store_each_report_once(store_url):
    open_store(store_url).close()  # migrated first, so the race is about the rows
    a = _run_writer(store_url, 0, 120)
    b = _run_writer(store_url, 0, 120, "--reverse")
    out_a, err_a = a.communicate(timeout=120)
    out_b, err_b = b.communicate(timeout=120)
    assert a.returncode == 0 and b.returncode == 0, err_a + err_b
    new_a, dup_a = _tally(out_a)
    new_b, dup_b = _tally(out_b)
    assert new_a + new_b == 120 and dup_a + dup_b == 120
    store = open_store(store_url)
    try:
        assert _counts(store) == (120, 120)
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_sigkill_mid_insert_loses_and_duplicates_nothing(store_url, seed):
    rng = random.Random(seed)
    total = 300
    open_store(store_url).close()
    proc = _run_writer(store_url, 0, total)
    wait_for = rng.randint(1, 120)  # reports confirmed before the kill is armed
    seen = 0
    assert proc.stdout is not None
    while seen < wait_for:
        line = proc.stdout.readline()
        if not line:
            break
        seen += 1
    time.sleep(rng.uniform(0, 0.02))  # and then a random moment later
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    store = open_store(store_url)
    try:
        assert store.check() == []
        stored, signed = _counts(store)
        assert seen <= stored <= total
        assert signed == stored  # report and signature were written together or not at all
    finally:
        store.close()

    again = _run_writer(store_url, 0, total)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    new, dup = _tally(out)
    assert (new, dup) == (total - stored, stored)  # exactly the missing ones were added
    store = open_store(store_url)
    try:
        assert _counts(store) == (total, total)
        assert store.check() == []
    finally:
        store.close()


def test_a_newer_schema_is_refused_and_check_reports_versions(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    with open_store(url) as store, store.engine.begin() as conn:
        conn.execute(schema_version.insert().values(
            version=LATEST + 1, description="from the future",
            applied_at=datetime(2030, 1, 1, tzinfo=UTC)))
    with pytest.raises(StoreError, match="newer than this sitroom"):
        open_store(url)
    with open_store(url, migrate=False) as store:
        assert any("expects" in p for p in store.check())
