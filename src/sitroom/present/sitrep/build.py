"""Build a situation report from events and case data: pure, no store, no files.

The pipeline gathers the inputs (events, outlets, alerts, the last report's snapshot, sections
written by the watch stage) and hands them here; renderers lay out the result.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

from sitroom.model import Alert, Case, Event, FigureRange, Outlet
from sitroom.watch.context import CaseContext
from sitroom.watch.indicators import IndicatorSet, in_period, indicator_set

from .model import BlocCoverage, Changes, DayCount, Headline, Section, SituationReport

KEY_EVENTS = 12


def kind_of(event: Event) -> str:
    """The most telling label: a political event, else the ACLED sub-type, else PLOVER's type."""
    if event.political_event and (event.sub_event_type in (None, "Other") or event.plover_type):
        return event.political_event.replace("_", " ")
    return event.sub_event_type or event.event_type or event.plover_type or "unclassified"


def family_of(event: Event) -> str:
    """The timeline's stacking key: ACLED event type, or "Political" for the extension."""
    strategic = event.event_type == "Strategic developments"
    if event.event_type and not (event.political_event and strategic):
        return event.event_type
    if event.political_event or event.plover_type:
        return "Political"
    return "Other"


def in_window(events: Iterable[Event], since: date, until: date) -> list[Event]:
    """Dated, not rejected or unmerged events of the period, by date then id."""
    return in_period(events, since, until)


def fingerprint(event: Event) -> str:
    """What an analyst would call a change: type, date, place, figures, sources, status."""
    figures = {k: _fig(getattr(event, k)) for k in ("fatalities", "injuries", "arrests",
                                                     "crowd_size")}
    body = [event.event_date and event.event_date.isoformat(), kind_of(event), event.location,
            event.admin1, figures, sorted(event.claim_ids), event.status]
    return hashlib.sha1(json.dumps(body, default=str).encode()).hexdigest()[:16]


def snapshot(events: Iterable[Event]) -> dict[str, str]:
    """Event id -> fingerprint, kept with each published report for the next one's diff."""
    return {e.id: fingerprint(e) for e in events}


def changes(previous: Mapping[str, str] | None, current: Mapping[str, str],
            previous_time: datetime | None) -> Changes:
    if previous is None:
        return Changes(previous=None)
    return Changes(
        previous=previous_time,
        new=tuple(sorted(k for k in current if k not in previous)),
        updated=tuple(sorted(k for k in current if k in previous and previous[k] != current[k])),
        removed=tuple(sorted(k for k in previous if k not in current)),
    )


def build_report(case: Case, events: Sequence[Event], *, since: date, until: date,
                 generated: datetime, outlets: Sequence[Outlet] = (),
                 reports_by_outlet: Mapping[str, int] | None = None,
                 alerts: Sequence[Alert] = (), previous: Mapping[str, str] | None = None,
                 previous_time: datetime | None = None, sections: Sequence[Section] = (),
                 texts: Mapping[str, str] | None = None, key_events: int = KEY_EVENTS
                 ) -> SituationReport:
    """The report of ``case`` from ``since`` to ``until`` (inclusive) over these events.

    ``texts`` (event id -> coded sentences) lets the indicators find seizures of buildings."""
    chosen = in_window(events, since, until)
    reports_by_outlet = dict(reports_by_outlet or {})
    return SituationReport(
        case=case.name, title=case.title or case.name, since=since, until=until,
        generated=generated, countries=case.countries,
        headline=headline(chosen, indicator_set(chosen, CaseContext(case), since, until, texts)),
        timeline=timeline(chosen),
        regions=tuple(Counter(e.admin1 for e in chosen if e.admin1).most_common()),
        places=places(chosen),
        key_events=pick_key_events(chosen, key_events),
        contested=tuple(e for e in chosen if _disputed(e)),
        coverage=coverage(chosen, outlets, reports_by_outlet),
        alerts=tuple(a for a in alerts if _alert_in(a, chosen)),
        changes=changes(previous, snapshot(chosen), previous_time),
        sections=tuple(sections),
        events_total=len(chosen),
        reports_total=sum(reports_by_outlet.values()),
        outlet_names=tuple((o.key, o.name) for o in outlets),
        watch_titles=tuple((w.key, w.title) for w in case.watches),
    )


def headline(events: Sequence[Event], totals: IndicatorSet) -> tuple[Headline, ...]:
    """The watch stage's indicators of the period, as the figures a reader looks at first."""
    single = sum(1 for e in events if e.corroboration and e.corroboration.single_source)
    rows = [Headline("Events", str(len(events)),
                     f"{single} rest on a single source" if events else "none in the period")]
    for span, label in ((totals.killed, "Killed"), (totals.injured, "Injured")):
        if span.high:
            rows.append(Headline(label, _range(span.low, span.high),
                                 f"sum over {len(span.event_ids)} events of the lowest and the "
                                 "highest figure any outlet gave"))
    crowd = totals.peak_crowd
    if crowd.low is not None:
        value = _range(crowd.low, crowd.high or crowd.low)
        note = f"{crowd.event_date}"
        if crowd.ratio_low is not None:
            shares = sorted({_share(crowd.ratio_low), _share(crowd.ratio_high or crowd.ratio_low)})
            value += f" ({'–'.join(shares)} of the population)"
            note += f"; population {crowd.population:,}"
        rows.append(Headline("Peak crowd", value, note))
    if totals.spread_admin1:
        rows.append(Headline("Regions with unrest", str(len(totals.spread_admin1)),
                             ", ".join(c.key for c in totals.spread_admin1)))
    for counts, label in ((totals.elite_moves, "Elite moves"),
                          (totals.foreign_property, "Attacks on foreign-owned property"),
                          (totals.foreign_statements, "Foreign government statements")):
        if counts:
            rows.append(Headline(label, str(sum(c.count for c in counts)),
                                 ", ".join(f"{c.key.replace('_', ' ')} {c.count}" for c in counts)))
    if totals.seizures:
        rows.append(Headline("Seizures of state buildings", str(len(totals.seizures)), ""))
    contested = sum(1 for e in events if _disputed(e))
    rows.append(Headline("Contested figures", str(contested),
                         "events whose outlets' figures disagree"))
    return tuple(rows)


def places(events: Sequence[Event]) -> tuple[tuple[str, float, float, int], ...]:
    """Each located place with its events, most first (the map's dots)."""
    counts = Counter((e.location or e.admin1 or "", round(e.latitude, 3), round(e.longitude, 3))
                     for e in events if e.latitude is not None and e.longitude is not None)
    return tuple((name, lat, lon, n) for (name, lat, lon), n in
                 sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def timeline(events: Sequence[Event]) -> tuple[DayCount, ...]:
    days: dict[date, Counter] = {}
    for e in events:
        days.setdefault(e.event_date, Counter())[family_of(e)] += 1
    return tuple(DayCount(day, tuple(sorted(c.items()))) for day, c in sorted(days.items()))


def pick_key_events(events: Sequence[Event], most: int) -> tuple[Event, ...]:
    """The events that matter most (deaths, breadth of sourcing, political turns), by date."""
    def weight(e: Event) -> tuple:
        sources = e.corroboration.independent_outlets if e.corroboration else 0
        dead = (e.fatalities.value or e.fatalities.high or 0) if e.fatalities else 0
        return (-(sources + 3 * (dead > 0) + 2 * bool(e.political_event) + _disputed(e)),
                e.event_date, e.id)

    return tuple(sorted(sorted(events, key=weight)[:most], key=lambda e: (e.event_date, e.id)))


def coverage(events: Sequence[Event], outlets: Sequence[Outlet],
             reports_by_outlet: Mapping[str, int]) -> tuple[BlocCoverage, ...]:
    """Per bloc: reports collected, events it reported, events it stayed silent on."""
    bloc_of = {o.key: o.bloc for o in outlets}
    reports = Counter()
    for outlet, n in reports_by_outlet.items():
        reports[bloc_of.get(outlet, "other")] += n
    reported, silent = Counter(), Counter()
    for e in events:
        if e.corroboration:
            reported.update(set(e.corroboration.blocs))
            silent.update(set(e.corroboration.silent_blocs))
    blocs = sorted(set(reports) | set(reported) | set(silent), key=lambda b: (-reports[b], b))
    return tuple(BlocCoverage(b, reports[b], reported[b], silent[b]) for b in blocs)


def _alert_in(alert: Alert, events: Sequence[Event]) -> bool:
    """Alerts belong to the period of the event that fired them, not to when they fired."""
    return any(e.id == alert.event_id for e in events)


def _disputed(e: Event) -> bool:
    return any(getattr(e, k) is not None and getattr(e, k).disputed
               for k in ("fatalities", "injuries", "arrests", "crowd_size"))


def _fig(f: FigureRange | None) -> tuple[int | None, int | None, int | None]:
    if f is None:
        return (None, None, None)
    return (f.value, f.low, f.high)


def _range(low: int, high: int) -> str:
    """The conservative figure first, then the spread the outlets gave."""
    if high and high != low:
        return f"{low:,} (reports {low:,}–{high:,})"
    return f"{low:,}"


def _share(ratio: float) -> str:
    pct = 100 * ratio
    return f"{pct:.2f}%" if pct >= 0.01 else f"{pct:.4f}%"
