"""Analysis benchmark: indicators and competing hypotheses over synthetic events of a long crisis.

Run: ``python -m benchmarks analysis [--events N] [--days N]``. Events are synthetic (protests
with crowds, riots, appointments, releases, foreign statements, attacks on foreign-owned
property, 1-3 sample outlets each) in the shipped Kyrgyzstan case, whose hypotheses carry
indicator rules; prints wall time of the indicators (per day and overall) and of a full
assessment with its day-by-day history and sensitivity.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import replace
from datetime import date, timedelta

from sitroom.cases import load_case
from sitroom.model import Corroboration, Event, FigureRange, Outlet, OutletFigures
from sitroom.watch.context import CaseContext
from sitroom.watch.hypotheses import CaseEvidence, assess
from sitroom.watch.indicators import compute_indicators

OUTLETS = tuple(Outlet(key=f"bench-{bloc}-{i}", name=f"Bench {bloc} {i}", bloc=bloc,
                       reliability="ABCDEF"[i % 6], sample=True)
                for bloc in ("domestic", "russian", "western", "chinese", "regional")
                for i in range(3))
KINDS = [("Protests", "Peaceful protest", None), ("Riots", "Violent demonstration", None),
         ("Strategic developments", "Other", "appointment"),
         ("Strategic developments", "Other", "resignation"),
         ("Strategic developments", "Other", "release_from_custody"),
         (None, None, "foreign_government_statement"), ("Battles", "Armed clash", None)]


def synthetic_events(n: int, days: int, seed: int = 1) -> tuple[list[Event], dict[str, str]]:
    """n events spread over ``days`` days, with the sentences a few of them were coded from."""
    rnd = random.Random(seed)
    events, texts = [], {}
    for i in range(n):
        etype, sub, political = rnd.choice(KINDS)
        outlets = rnd.sample(OUTLETS, rnd.randint(1, 3))
        crowd = rnd.randint(100, 20000)
        eid = f"bench-{i}"
        events.append(Event(
            id=eid, claim_ids=(), event_date=date(2020, 10, 1) + timedelta(rnd.randrange(days)),
            time_precision=1, event_type=etype, sub_event_type=sub, political_event=political,
            plover_type=rnd.choice(["REQUEST", "SUPPORT", None]), iso3="KGZ",
            admin1=rnd.choice(["Bishkek", "Osh", "Chuy", "Naryn", "Talas"]),
            actor1=rnd.choice(["Russia", "Jogorku Kenesh", "Protesters", None]),
            crowd_size=FigureRange(crowd, crowd, crowd) if etype == "Protests" else None,
            target_owner_iso3=rnd.choice([None] * 8 + ["CHN", "RUS"]),
            figures=tuple(OutletFigures(f"{eid}-{o.key}", f"r-{eid}-{o.key}", o.key, o.bloc)
                          for o in outlets),
            corroboration=Corroboration(len(outlets), tuple(o.key for o in outlets))))
        if rnd.random() < 0.05:
            texts[eid] = "Protesters stormed the White House."
    return events, texts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks analysis")
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--days", type=int, default=60)
    args = parser.parse_args(argv)
    case = load_case("kyrgyzstan-2020")
    case = replace(case, outlets=case.outlets + OUTLETS)
    events, texts = synthetic_events(args.events, args.days)
    started = time.perf_counter()
    indicators = compute_indicators(events, CaseContext(case), texts=texts)
    took_indicators = time.perf_counter() - started
    started = time.perf_counter()
    result = assess(CaseEvidence(CaseContext(case), tuple(events), texts=texts))
    took_assess = time.perf_counter() - started
    print(f"{args.events} events over {args.days} days: indicators ({len(indicators.days)} days "
          f"and overall) {took_indicators:.2f}s; hypotheses ({result.items} evidence items, "
          f"history and sensitivity) {took_assess:.2f}s")
    return 0
