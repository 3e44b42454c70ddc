"""Store benchmark (not a unit test): writes into a store already holding many events.

    .venv/bin/python tests/store/bench_store.py --events 1000000 [--db URL]

Fills a fresh SQLite file (or the given database) with N events, each with one claim and one
outlet's figures, then times what the merge and collect stages do against it: adding 1,000 new
claims, saving 1,000 events, a 3-day window query, and adding 1,000 reports.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sitroom.model import Claim, CrowdSize, Event, FigureRange, OutletFigures, Report
from sitroom.store import open_store


def _claim(n: int, tag: str = "") -> Claim:
    return Claim(
        doc_id=f"doc{tag}{n}", event_date=date(2020, 1, 1) + timedelta(days=n % 1500),
        time_precision=1, event_type="Protests", sub_event_type="Peaceful protest",
        actor1="Protesters (Kyrgyzstan)", inter1=6, country="Kyrgyzstan", iso3="KGZ",
        location="Bishkek", latitude=42.87, longitude=74.59, geo_precision=1,
        crowd_size=CrowdSize(100, 500, "hundreds"), evidence="Sample sentence.",
        confidence=0.7, id=f"c{tag}{n}", coder_version="bench",
    )


def _event(n: int, c: Claim, tag: str = "") -> Event:
    return Event(
        id=f"e{tag}{n}", claim_ids=(c.id,), event_date=c.event_date, time_precision=1,
        event_type=c.event_type, sub_event_type=c.sub_event_type, country="Kyrgyzstan",
        iso3="KGZ", location="Bishkek", crowd_size=FigureRange(100, 100, 500),
        figures=(OutletFigures(c.id, c.doc_id, "sample", "domestic", 0, None, None,
                               c.crowd_size),),
    )


def _timed(label: str, fn) -> float:
    start = time.perf_counter()
    fn()
    took = time.perf_counter() - start
    print(f"{label:<44} {took:8.3f} s", flush=True)
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite'}"
    store = open_store(url)
    batch = 20_000

    def fill() -> None:
        for start in range(0, args.events, batch):
            claims = [_claim(n) for n in range(start, min(start + batch, args.events))]
            store.add_claims(claims)
            store.save_events([_event(n, c) for n, c in zip(range(start, args.events),
                                                             claims, strict=False)])

    _timed(f"fill {args.events:,} events + claims", fill)
    new_claims = [_claim(n, "new") for n in range(1000)]
    _timed("add_claims: 1,000 new claims", lambda: store.add_claims(new_claims))
    _timed("add_claims: the same 1,000 again (skipped)", lambda: store.add_claims(new_claims))
    _timed("save_events: 1,000 events (upsert)",
           lambda: store.save_events([_event(n, c, "new") for n, c in enumerate(new_claims)]))
    _timed("list_events: 3-day window, KGZ",
           lambda: store.list_events(since=date(2021, 3, 1), until=date(2021, 3, 4),
                                     country="KGZ"))
    _timed("events_of_claims: 1,000 claims",
           lambda: store.events_of_claims([c.id for c in new_claims]))
    reports = [Report(id=f"r{n}", kind="article", text=f"Sample report {n} " * 200,
                      canonical_url=f"https://sample.example/{n}") for n in range(1000)]
    _timed("add_report: 1,000 reports one by one",
           lambda: [store.add_report(r) for r in reports])
    print(f"store: {store.backend}, {store.count_events():,} events, "
          f"{store.count_claims():,} claims")
    store.close()


if __name__ == "__main__":
    main()
