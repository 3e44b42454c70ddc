"""Merge benchmarks: 100,000 claims from scratch; 1,000 new claims against a million stored events.

Run: ``python -m benchmarks.merge [--claims N] [--events N] [--new N] [--keep FILE]``. Claims are
synthetic (countries, towns, days, event types, 1-4 reports per true event, short evidence texts);
the million-event store is built once in a temporary SQLite file with bulk inserts. Prints wall
time and peak resident memory of each step.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sitroom.merge.build import build_event, event_id_for
from sitroom.merge.cluster import merge_claims
from sitroom.merge.encoder import use_embed
from sitroom.merge.types import ReportInfo
from sitroom.model import Claim, Event

TYPES = [("Protests", "Peaceful protest", "Protesters", 6),
         ("Riots", "Violent demonstration", "Rioters", 5),
         ("Battles", "Armed clash", "Military Forces", 1),
         ("Strategic developments", "Arrests", "Police Forces", 1),
         ("Violence against civilians", "Attack", "Unidentified Armed Group", 7)]
VERBS = ["rallied", "gathered", "clashed", "were detained", "marched", "attacked a convoy"]
START = date(2019, 1, 1)


def _countries(n: int) -> list[str]:
    return [f"C{i:02d}" for i in range(n)]


def synthetic_claims(n: int, *, seed: int = 1, countries: int = 40, towns: int = 25,
                     days: int = 730, first: date = START
                     ) -> tuple[list[Claim], dict[str, ReportInfo]]:
    """About n claims: true events each told by 1-4 reports, some with coarser precision."""
    rnd = random.Random(seed)
    claims: list[Claim] = []
    infos: dict[str, ReportInfo] = {}
    ev = 0
    while len(claims) < n:
        ev += 1
        iso = rnd.choice(_countries(countries))
        town = rnd.randrange(towns)
        day = first + timedelta(days=rnd.randrange(days))
        etype, sub, actor, inter = rnd.choice(TYPES)
        verb = rnd.choice(VERBS)
        for k in range(rnd.choice((1, 1, 2, 2, 3, 4))):
            rid = f"rep{ev}-{k}"
            infos[rid] = ReportInfo(report_id=rid, outlet=f"outlet{rnd.randrange(60)}",
                                    bloc=rnd.choice(("domestic", "russian", "western")))
            coarse = rnd.random() < 0.1
            claims.append(Claim(
                doc_id=rid, event_date=day, time_precision=2 if coarse else 1,
                event_type=etype, sub_event_type=sub, actor1=f"{actor} ({iso})", inter1=inter,
                country=iso, iso3=iso, admin1=f"{iso}-A{town % 8}",
                location=None if coarse else f"{iso}-T{town}",
                latitude=None if coarse else 40 + town * 0.3,
                longitude=None if coarse else 60 + town * 0.3, geo_precision=3 if coarse else 1,
                fatalities=rnd.choice((0, 0, 0, 1, 2, 5)),
                evidence=f"In town {town} people {verb} on day {day.isoformat()} (event {ev}).",
                confidence=0.7, id=f"{rid}-c0",
            ))
    return claims[:n], infos


def peak_mb() -> float:
    """Peak resident set size of this process, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_batch(n: int) -> dict[str, float]:
    """Merge n claims from scratch."""
    claims, infos = synthetic_claims(n)
    t, cpu = time.perf_counter(), time.process_time()
    result = merge_claims(claims, infos)
    secs, cpu = time.perf_counter() - t, time.process_time() - cpu
    return {"claims": n, "events": len(result.events_changed), "seconds": round(secs, 2),
            "cpu_seconds": round(cpu, 2), "peak_mb": round(peak_mb())}


def _stored_event(i: int, rnd: random.Random, countries: list[str], days: int) -> Event:
    iso = countries[i % len(countries)]
    town = rnd.randrange(25)
    etype, sub, actor, inter = TYPES[i % len(TYPES)]
    c = Claim(doc_id=f"old{i}", event_date=START + timedelta(days=rnd.randrange(days)),
              time_precision=1, event_type=etype, sub_event_type=sub,
              actor1=f"{actor} ({iso})", inter1=inter, country=iso, iso3=iso,
              admin1=f"{iso}-A{town % 8}", location=f"{iso}-T{town}",
              latitude=40 + town * 0.3, longitude=60 + town * 0.3, geo_precision=1,
              id=f"old{i}-c0", confidence=0.7)
    return build_event(event_id_for(c.id), [c], {})


def build_million(path: Path, n: int, *, countries: int = 40, days: int = 3650) -> float:
    """Bulk-insert n one-claim events into a fresh SQLite store; return seconds taken."""
    from sitroom.store import open_store
    from sitroom.store import rows as store_rows
    from sitroom.store.schema import event_claims, event_figures, events

    t = time.perf_counter()
    store = open_store(f"sqlite:///{path}")
    rnd = random.Random(3)
    names = _countries(countries)
    template = _stored_event(0, rnd, names, days)  # built the real way, then varied per row
    event_row = store_rows.event_row(template)
    figure_row = store_rows.figure_rows(template)[0]
    with store._write() as conn:  # bulk load: one transaction, executemany in chunks
        for lo in range(0, n, 50000):
            ev_rows, links, figs = [], [], []
            for i in range(lo, min(n, lo + 50000)):
                iso = names[i % len(names)]
                town = rnd.randrange(25)
                etype, sub, actor, inter = TYPES[i % len(TYPES)]
                eid, cid = f"ev-old{i}", f"old{i}-c0"
                ev_rows.append({
                    **event_row, "id": eid,
                    "event_date": START + timedelta(days=rnd.randrange(days)),
                    "event_type": etype, "sub_event_type": sub, "actor1": f"{actor} ({iso})",
                    "inter1": inter, "country": iso, "iso3": iso, "admin1": f"{iso}-A{town % 8}",
                    "location": f"{iso}-T{town}", "latitude": 40 + town * 0.3,
                    "longitude": 60 + town * 0.3,
                })
                links.append({"event_id": eid, "claim_id": cid, "position": 0})
                figs.append({**figure_row, "event_id": eid, "claim_id": cid,
                             "report_id": f"old{i}"})
            conn.execute(events.insert(), ev_rows)
            conn.execute(event_claims.insert(), links)
            conn.execute(event_figures.insert(), figs)
    store.close()
    return time.perf_counter() - t


def bench_incremental(path: Path, n_new: int, *, days: int = 3650,
                      recent: int = 60) -> dict[str, float]:
    """Merge n_new claims (news of the last ``recent`` days) into the stored events."""
    from sitroom.pipeline.merge import merge_new_claims
    from sitroom.store import open_store

    store = open_store(f"sqlite:///{path}")
    first = START + timedelta(days=days - recent)
    claims, infos = synthetic_claims(n_new, seed=9, days=recent, first=first)
    claims = [c.__class__(**{**c.__dict__, "id": "new-" + c.id}) for c in claims]
    t = time.perf_counter()
    use_embed(["warm up"])  # a running sitroom has its encoder loaded; timed apart
    load = time.perf_counter() - t
    t, cpu = time.perf_counter(), time.process_time()
    result = merge_new_claims(store, claims, infos)
    secs, cpu = time.perf_counter() - t, time.process_time() - cpu
    store.close()
    joined = sum(1 for a in result.actions if a.action == "join")
    return {"new_claims": n_new, "events_changed": len(result.events_changed),
            "joined": joined, "seconds": round(secs, 2), "cpu_seconds": round(cpu, 2),
            "encoder_load_seconds": round(load, 2), "peak_mb": round(peak_mb())}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.merge", description=__doc__)
    p.add_argument("--claims", type=int, default=100_000)
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--new", type=int, default=1_000)
    p.add_argument("--keep", metavar="FILE", help="build (or reuse) the event store here")
    args = p.parse_args(argv)
    batch = bench_batch(args.claims)
    print(f"merge batch: {batch['claims']} claims -> {batch['events']} events in "
          f"{batch['seconds']} s (CPU {batch['cpu_seconds']} s), peak RSS {batch['peak_mb']} MB "
          "(budget 60 s, 2048 MB)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "million.sqlite"
        if not path.exists():
            secs = build_million(path, args.events)
            print(f"store built: {args.events} events in {secs:.1f} s ({path})")
        inc = bench_incremental(path, args.new)
        print(f"merge incremental: {inc['new_claims']} new claims against {args.events} stored "
              f"events in {inc['seconds']} s (CPU {inc['cpu_seconds']} s; {inc['joined']} joined "
              "stored or new events, "
              f"{inc['events_changed']} events saved), peak RSS {inc['peak_mb']} MB "
              f"(budget 5 s; encoder load before it {inc['encoder_load_seconds']} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
