"""Situation reports from the store: gather events, outlets, alerts and the last report's
snapshot, build (pure), write, and record the new snapshot for the next report's diff."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sitroom.pipeline.analysis import load_evidence, resolve_case
from sitroom.pipeline.factions import faction_picture_of, propose
from sitroom.present.factions import summary_lines
from sitroom.present.sitrep import Section, SituationReport, build_report, snapshot, write_report
from sitroom.present.sitrep.build import in_window
from sitroom.store.api import ReportQuery, Store
from sitroom.watch.hypotheses import CaseEvidence, assess
from sitroom.watch.standing import standing, standing_lines


@dataclass(frozen=True)
class ReportRun:
    report: SituationReport
    files: tuple[Path, ...]


def publish_report(store: Store, case_name: str, *, since: date | None = None,
                   until: date | None = None, fmt: str = "html",
                   output: str | os.PathLike[str], now: datetime | None = None) -> ReportRun:
    """Write the situation report of ``case_name`` for [since, until] and remember it."""
    case = resolve_case(store, case_name)
    now = now or datetime.now(UTC)
    since = since or case.start or date.min
    until = until or case.end or now.date()
    data = load_evidence(store, case)
    events = data.events
    outlets = store.list_outlets(case=case_name)
    reports_by_outlet = {o.key: store.count_reports(ReportQuery(case=case_name, outlet=o.key))
                         for o in outlets}
    last = store.last_sitrep(case_name)
    report = build_report(
        case, events, since=since, until=until, generated=now, outlets=outlets,
        reports_by_outlet=reports_by_outlet, alerts=store.list_alerts(),
        previous=last.snapshot if last else None, previous_time=last.generated if last else None,
        sections=[*faction_sections(store, case.name, until),
                  *analysis_sections(data, since, until)], texts=data.texts,
    )
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    files = write_report(report, path, fmt)
    store.save_sitrep(case_name, now, since, until, fmt, str(path.resolve()),
                      snapshot(in_window(events, since, until)))
    return ReportRun(report=report, files=tuple(files))


def analysis_sections(data: CaseEvidence, since: date, until: date) -> list[Section]:
    """The watch stage's reading of the period: the competing hypotheses and what moved them."""
    ranked = standing(assess(data, until), since, until)
    return [Section(
        "Competing hypotheses", tuple(standing_lines(ranked)),
        note="Heuer's analysis of competing hypotheses: the lower the weighted inconsistency, "
             "the better the evidence fits. Ratings marked proposed come from the hypotheses' "
             "indicators and wait for an analyst (sitroom hypotheses, sitroom evidence).")]


def faction_sections(store: Store, case: str, until: date) -> list[Section]:
    """The camps, their leaders and foreign involvement on the last day of the period.

    Proposes ties from the events first (idempotent; decisions already taken are kept), so the
    picture includes what the events show, each proposed tie labelled as such."""
    propose(store, case)
    picture = faction_picture_of(store, case, as_of=until, with_proposed=True)
    return [Section(f"Factions and their backers on {until}", tuple(summary_lines(picture)),
                    note="From the case's dated ties and the ties read in the events; those "
                         "not yet accepted by an analyst are marked proposed "
                         "(sitroom ties proposed|accept|reject).")]
