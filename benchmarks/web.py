"""The web room under load: a store of N synthetic events (sample data), served by
``sitroom serve`` in its own process, hit by C concurrent API clients on loopback for S seconds.

    python -m benchmarks web [--events 1000000] [--clients 50] [--seconds 60]
                             [--db URL] [--keep] [--port P]

Reports p50/p95/p99 of the server time (the ``Server-Timing`` header) and of the client's wall
time, per route, and the error count. Targets (issue 10): events API p95 < 150 ms, overview
p95 < 500 ms server time, no errors. ``--keep`` reuses a store that already holds the events.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

CASE = "bench-case"
TYPES = [("Protests", "Peaceful protest"), ("Protests", "Protest with intervention"),
         ("Riots", "Violent demonstration"), ("Riots", "Mob violence"),
         ("Strategic developments", "Arrests"), ("Battles", "Armed clash"),
         ("Violence against civilians", "Attack"), ("Strategic developments", "Other")]
PLACES = [("Bishkek", "Bishkek", 42.87, 74.59), ("Osh", "Osh", 40.53, 72.80),
          ("Jalal-Abad", "Jalal-Abad", 40.93, 73.0), ("Karakol", "Ysyk-Köl", 42.49, 78.39),
          ("Naryn", "Naryn", 41.43, 75.99), ("Talas", "Talas", 42.52, 72.24),
          ("Batken", "Batken", 40.06, 70.82), ("Tokmok", "Chuy", 42.84, 75.29)]
OUTLETS = [(f"bench-outlet-{i}", b) for i, b in enumerate(
    ["domestic", "domestic", "russian", "western", "regional", "chinese", "other", "western"])]
TARGETS = {"events": 150.0, "overview": 500.0}


def _events(n: int, seed: int = 7):
    """N sample events over 120 days in one country, 1-3 outlets each, some disputed."""
    from sitroom.model import Corroboration, Event, FigureRange, OutletFigures

    rnd = random.Random(seed)
    start = date(2030, 1, 1)
    for i in range(n):
        kind, sub = TYPES[i % len(TYPES)]
        loc, admin1, lat, lon = PLACES[rnd.randrange(len(PLACES))]
        k = 1 + rnd.randrange(3)
        outlets = rnd.sample(OUTLETS, k)
        fat = rnd.choice([0, 0, 0, 0, 1, 2])
        high = fat + rnd.choice([0, 0, 1, 3])
        eid = f"ev-bench-{i:08d}"
        figures = tuple(OutletFigures(f"cl-{i}-{j}", f"rp-{i}-{j}", o, b, fat + j, None, None)
                        for j, (o, b) in enumerate(outlets))
        blocs = tuple(sorted({b for _, b in outlets}))
        yield Event(
            id=eid, claim_ids=tuple(f.claim_id for f in figures),
            event_date=start + timedelta(days=i * 120 // n), time_precision=1,
            event_type=kind, sub_event_type=sub, actor1="Protesters (Sample)", inter1=6,
            country="Kyrgyzstan", iso3="KGZ", admin1=admin1, location=loc, latitude=lat,
            longitude=lon, geo_precision=1,
            fatalities=FigureRange(fat, fat, high, disputed=high != fat),
            crowd_size=FigureRange(100 * (i % 50), 100 * (i % 50), 150 * (i % 50))
            if kind == "Protests" else None,
            figures=figures,
            corroboration=Corroboration(k, tuple(o for o, _ in outlets), blocs,
                                        single_source=k == 1))


def fill(db_url: str, n: int) -> str:
    """Write the case, N events and an analyst token; return the token."""
    from sitroom.model import Case
    from sitroom.store import open_store, rows
    from sitroom.store.schema import event_claims, event_figures, events
    from sitroom.web.auth import hash_password, new_secret

    token = new_secret()
    now = datetime.now(UTC)
    with open_store(db_url) as store:
        store.save_case(Case(name=CASE, title="Benchmark case (sample data)", countries=("KGZ",),
                             population=6_600_000))
        if store.count_events() < n:
            t0 = time.perf_counter()
            batch: list = []

            def flush() -> None:
                with store._write() as conn:
                    conn.execute(events.insert(), [rows.event_row(e) for e in batch])
                    conn.execute(event_claims.insert(),
                                 [r for e in batch for r in rows.event_claim_rows(e)])
                    conn.execute(event_figures.insert(),
                                 [r for e in batch for r in rows.figure_rows(e)])
                batch.clear()

            for e in _events(n):
                batch.append(e)
                if len(batch) == 20_000:
                    flush()
            if batch:
                flush()
            print(f"wrote {n:,} events in {time.perf_counter() - t0:.0f} s", flush=True)
        store.add_user("bench", "analyst", hash_password("bench-password"), now, replace=True)
        store.add_api_token(token, "bench", "benchmark", now)
    return token


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _load(base: str, token: str, clients: int, seconds: float) -> dict:
    import httpx

    stats: dict[str, dict[str, list]] = {r: {"server": [], "wall": [], "errors": []}
                                         for r in TARGETS}
    headers = {"authorization": f"Bearer {token}"}
    end = time.monotonic() + seconds
    days = [date(2030, 1, 1) + timedelta(days=d) for d in range(120)]

    async def one(client: httpx.AsyncClient, rnd: random.Random) -> None:
        while time.monotonic() < end:
            if rnd.random() < 0.2:
                route, url, params = "overview", f"/api/cases/{CASE}", {}
            else:
                route, url = "events", f"/api/cases/{CASE}/events"
                params = {"page": rnd.randint(1, 20)}
                pick = rnd.random()
                if pick < 0.3:
                    params["type"] = rnd.choice(TYPES)[0]
                elif pick < 0.6:
                    d = rnd.choice(days)
                    params.update(since=d.isoformat(), until=(d + timedelta(days=6)).isoformat())
            t0 = time.perf_counter()
            try:
                r = await client.get(url, params=params)
                wall = (time.perf_counter() - t0) * 1e3
                if r.status_code != 200:
                    stats[route]["errors"].append(f"{r.status_code} {url}")
                    continue
                timing = r.headers.get("server-timing", "app;dur=nan").split("dur=")[-1]
                stats[route]["server"].append(float(timing))
                stats[route]["wall"].append(wall)
            except httpx.HTTPError as exc:
                stats[route]["errors"].append(f"{type(exc).__name__} {url}")

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60,
                                 limits=limits) as client:
        await asyncio.gather(*(one(client, random.Random(i)) for i in range(clients)))
    return stats


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks web", description=__doc__)
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--db", help="store URL (default: a SQLite file in var/bench/)")
    p.add_argument("--port", type=int, default=0)
    args = p.parse_args(argv)
    db_url = args.db or f"sqlite:///{Path('var/bench').resolve()}/web-{args.events}.sqlite"
    if db_url.startswith("sqlite:///"):
        Path(db_url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    token = fill(db_url, args.events)
    port = args.port
    if not port:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed with the process below)
    server = subprocess.Popen([sys.executable, "-m", "sitroom", "--db", db_url, "serve",
                               "--port", str(port)], stdout=log, stderr=log,
                              env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/me", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    log.seek(0)
                    print(log.read().decode()[-3000:], file=sys.stderr)
                    return 1
                time.sleep(0.3)
        warm = httpx.get(f"{base}/api/cases/{CASE}", headers={"authorization":
                                                              f"Bearer {token}"}, timeout=120)
        print(f"first overview (cold, computes the aggregates): "
              f"{warm.headers.get('server-timing')} status {warm.status_code}", flush=True)
        stats = asyncio.run(_load(base, token, args.clients, args.seconds))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    load = os.getloadavg()
    print(f"\n{args.events:,} events, {args.clients} clients, {args.seconds:.0f} s, "
          f"{db_url.split(':')[0]}; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    worst = 0
    for route, s in stats.items():
        server_ms, wall = s["server"], s["wall"]
        p95 = _pct(server_ms, 0.95)
        ok = p95 < TARGETS[route] and not s["errors"]
        worst = worst if ok else 1
        print(f"{route:<9} requests {len(server_ms):>6}  errors {len(s['errors'])}  server ms "
              f"p50 {_pct(server_ms, .5):.1f} p95 {p95:.1f} p99 {_pct(server_ms, .99):.1f}  "
              f"wall ms p50 {_pct(wall, .5):.1f} p95 {_pct(wall, .95):.1f} "
              f"p99 {_pct(wall, .99):.1f}  target p95 < {TARGETS[route]:.0f}: "
              f"{'met' if ok else 'NOT met'}")
        if s["errors"]:
            print("   first errors:", ", ".join(s["errors"][:5]))
        if server_ms:
            print(f"   mean {statistics.fmean(server_ms):.1f} ms")
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
