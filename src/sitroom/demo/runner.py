"""The demo: a fresh SQLite store, the Kyrgyzstan case, the corpus served locally, one real pass.

``run_demo`` is the library function behind ``sitroom demo``; it returns a ``DemoSummary``
(pure data) and prints it with ``format_summary``.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sitroom.demo.check import DemoScore, corpus_id, score_demo
from sitroom.model import ErrorRecord, Event, _Plain
from sitroom.settings import Settings

DEMO_CASE = "kyrgyzstan-2020"
# Report ids derive from URLs, so a fixed port gives the same ids, claims and events each run.
DEMO_PORT = 48620


@dataclass(frozen=True)
class DemoSummary(_Plain):
    """What the demo collected: counts by outlet, bloc and language, duplicates, errors."""

    db_path: str
    case: str
    outlets: int
    feeds: int
    items_seen: int
    new_reports: int
    already_stored: int
    reports: int
    by_outlet: tuple[tuple[str, int], ...]
    by_bloc: tuple[tuple[str, int], ...]
    by_lang: tuple[tuple[str, int], ...]
    exact_duplicates: int
    near_duplicates: tuple[tuple[str, str], ...]  # (copy outlet/title, original outlet/title)
    errors: tuple[ErrorRecord, ...]
    samples: int
    not_samples: int
    seconds: float
    claims: int = 0
    events: tuple[Event, ...] = ()
    unmerged: int = 0
    score: DemoScore | None = None
    report_files: tuple[str, ...] = ()  # the situation reports the demo ends by writing


def sqlite_url(db_path: str | os.PathLike[str], *, fresh: bool = True) -> str:
    """The SQLAlchemy URL of the demo file, deleting a previous one (and its WAL) if ``fresh``."""
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fresh:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    return f"sqlite:///{path}"


def demo_settings(base: Settings | None = None) -> Settings:
    """Settings for the local corpus: no politeness delay, short timeouts, robots.txt obeyed."""
    return (base or Settings()).replace(host_delay=0.0, http_timeout=15.0, retries=1,
                                        respect_robots=True, fetch_pages=True)


def run_demo(db_path: str | os.PathLike[str] = "var/demo.sqlite", *, out: TextIO | None = None,
             settings: Settings | None = None, fresh: bool = True) -> DemoSummary:
    """Build a fresh store, load the case and sample outlets, collect the served corpus, report.

    With ``fresh=False`` the previous database is kept, so a second pass shows that nothing
    already stored is collected twice.
    """
    from sitroom.cases import load_case
    from sitroom.demo.corpus import load_corpus, load_sample_outlets
    from sitroom.demo.server import CorpusServer
    from sitroom.pipeline.code import coder_for_case, recode
    from sitroom.pipeline.collect import collect_once
    from sitroom.pipeline.merge import merge_store
    from sitroom.pipeline.report import publish_report
    from sitroom.pipeline.watch import check_watches
    from sitroom.store import ReportQuery, open_store

    out = out or sys.stdout
    started = time.monotonic()
    case = load_case(DEMO_CASE)
    corpus = load_corpus()
    store = open_store(sqlite_url(db_path, fresh=fresh))
    try:
        store.save_case(case)
        with CorpusServer(corpus, load_sample_outlets(), port=DEMO_PORT) as server:
            outlets = server.local_outlets()
            for outlet in outlets:
                store.save_outlet(outlet, case=case.name)
            print(f"sitroom demo: case {case.name} ({len(case.outlets)} real outlets, "
                  f"{len(case.actors)} actors); serving {len(corpus)} reports of "
                  f"{len(outlets)} sample outlets at {server.base_url}", file=out)
            collected = collect_once(store, outlets, demo_settings(settings), case=case.name)
        print("coding and merging the collected reports ...", file=out)
        coded = recode(store, coder_for_case(case), case=case.name)
        merge_store(store, case=case.name)
        fired = check_watches(store, demo_settings(settings), case=case.name, senders={})
        print(f"checking the case's {len(case.watches)} watches: {len(fired.alerts)} alert(s) "
              "(`sitroom alerts list`)", file=out)
        print("writing the situation report ...", file=out)
        report_files = tuple(
            str(publish_report(store, case.name, fmt=fmt,
                               output=Path(db_path).with_name(f"demo-report.{fmt}")).files[0])
            for fmt in ("html", "pdf"))
        events = tuple(store.list_events(case=case.name))
        reports = list(store.iter_reports(ReportQuery(case=case.name)))
        claims = {c.id: c for c in store.iter_claims()}
        errors = tuple(store.list_errors(limit=1000))
    finally:
        store.close()
    bloc_of = {o.key: o.bloc for o in outlets}
    by_id = {r.id: r for r in reports}
    served = {r.id: r for r in corpus}

    def label(report_id: str) -> str:
        r = by_id[report_id]
        return f"{r.outlet}: {r.title}"

    near = tuple((label(r.id), label(r.near_duplicate_of)) for r in reports
                 if r.near_duplicate_of and r.near_duplicate_of in by_id)
    corpus_ids = {r.id: corpus_id(r.url) for r in reports}
    samples = sum(1 for cid in corpus_ids.values() if cid in served and served[cid].sample)
    return DemoSummary(
        db_path=str(db_path), case=case.name, outlets=len(outlets),
        feeds=collected.feeds_checked, items_seen=collected.items_seen,
        new_reports=collected.new_reports, already_stored=collected.already_stored,
        reports=len(reports),
        by_outlet=_counts(r.outlet or "?" for r in reports),
        by_bloc=_counts(bloc_of.get(r.outlet or "", "?") for r in reports),
        by_lang=_counts(r.lang or "?" for r in reports),
        exact_duplicates=collected.exact_duplicates, near_duplicates=near, errors=errors,
        samples=samples, not_samples=len(reports) - samples,
        seconds=round(time.monotonic() - started, 2),
        claims=coded.claims_new,
        events=tuple(e for e in events if e.status != "unmerged"),
        unmerged=sum(1 for e in events if e.status == "unmerged"),
        score=score_demo(events, claims, corpus_ids),
        report_files=report_files,
    )


def _counts(values) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0])))


def format_summary(summary: DemoSummary) -> str:
    """The summary as the demo prints it."""
    lines = [
        f"{summary.new_reports} new reports from {summary.feeds} feeds "
        f"({summary.items_seen} feed items, {summary.already_stored} already stored); "
        f"{summary.reports} reports now in {summary.db_path} (whole demo {summary.seconds}s)",
        f"  {summary.samples} sample reports, {summary.not_samples} real document(s) "
        "(the seed note)",
        "reports by bloc:     " + ", ".join(f"{k} {v}" for k, v in summary.by_bloc),
        "reports by language: " + ", ".join(f"{k} {v}" for k, v in summary.by_lang),
        "reports by outlet:",
        *(f"  {v:3d}  {k}" for k, v in summary.by_outlet),
        f"exact duplicates skipped: {summary.exact_duplicates}",
        f"near-duplicates linked to their original: {len(summary.near_duplicates)}",
        *(f"  {copy}\n    <- {original}" for copy, original in summary.near_duplicates),
        f"errors recorded: {len(summary.errors)}",
        *(f"  [{e.kind}] {e.source}: {e.message}" for e in summary.errors[:20]),
        "",
        f"{summary.claims} claims coded, merged into {len(summary.events)} events "
        f"({summary.unmerged} claims left unmerged: no date or no place)",
        *([summary.score.line()] if summary.score else []),
        *_event_lines(summary.events),
    ]
    if summary.report_files:
        lines += ["", "situation report (figures, timeline, map, key events, contested figures, "
                  "who reported what):", *(f"  {path}" for path in summary.report_files)]
    return "\n".join(lines)


def _figure(name: str, fig) -> str:
    if fig is None or not (fig.value or fig.high):
        return ""
    spread = f" ({fig.low}-{fig.high})" if fig.high is not None and fig.high != fig.low else ""
    return f" {name} {fig.value}{spread}{' DISPUTED' if fig.disputed else ''};"


def _event_lines(events: tuple[Event, ...], most: int = 15) -> list[str]:
    """The best-corroborated events first, each with its per-outlet figures."""
    def weight(e: Event) -> tuple:
        n = e.corroboration.independent_outlets if e.corroboration else 0
        return (-n, str(e.event_date), e.id)

    lines = []
    for e in sorted(events, key=weight)[:most]:
        kind = e.sub_event_type or e.plover_type or "?"
        if e.political_event and (kind in ("Other", "?") or e.plover_type):
            kind = e.political_event
        c = e.corroboration
        blocs = ", ".join(c.blocs) if c else ""
        silent = f"; silent: {', '.join(c.silent_blocs)}" if c and c.silent_blocs else ""
        n = c.independent_outlets if c else 0
        figures = "".join(_figure(k, getattr(e, k)) for k in
                          ("fatalities", "injuries", "arrests", "crowd_size"))
        lines.append(f"  {e.event_date} {kind} @ {e.location or e.country or '?'}: "
                     f"{n} independent outlet(s) [{blocs}{silent}]{figures}")
        for f in e.figures:
            said = ", ".join(f"{k} {getattr(f, k)}" for k in ("fatalities", "injuries",
                                                              "arrests") if getattr(f, k))
            if f.crowd_size and (f.crowd_size.min or f.crowd_size.max):
                said += f"{', ' if said else ''}crowd {f.crowd_size.text or f.crowd_size.min}"
            if said:
                lines.append(f"      {f.outlet} ({f.bloc}): {said}")
    if len(events) > most:
        single = sum(1 for e in events if e.corroboration and e.corroboration.single_source)
        lines.append(f"  ... and {len(events) - most} more ({single} of all {len(events)} rest on "
                     "a single source): sitroom events list")
    return lines
