"""Indicators of a crisis, per day and for the whole case, each value carrying its event ids.

Pure functions of merged events and a ``CaseContext``. How each figure is counted:

- killed / injured: the sum over events of each event's reconciled range (the outlets' figures
  side by side: ``low`` is the lowest any outlet gave, ``high`` the highest); an event without
  the figure adds nothing.
- peak crowd: the event in the case countries with the largest crowd (by the low end of its
  range); the mobilisation ratio is that crowd over the case population (``population`` in
  case.yaml), as a range. A diaspora rally abroad is not part of it.
- spread: admin1 regions of the case countries with unrest events (any ACLED type except
  Strategic developments).
- elite moves: resignations, releases from custody, appointments and impeachments (the crisis
  extension vocabulary), and ACLED's "Change to group/activity", where ACLED files defections,
  splits and mergers (counted as ``change_of_group``: the coder has no separate defection value).
- seizures of state buildings: unrest events whose coded sentences say a state building
  (parliament, government house, administration...) was stormed or seized (``seizures.py``).
- attacks on foreign-owned property: events with a ``target_owner_iso3`` outside the case
  countries, by owner country.
- foreign government statements: ``political_event = foreign_government_statement``, by the
  speaker's bloc (see ``context.py``).
- coverage: events each outlet bloc reported, with its share of all events; silent blocs are the
  case's blocs that reported none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sitroom.model import Event, _Plain
from sitroom.watch.context import CaseContext
from sitroom.watch.seizures import is_seizure

ELITE_MOVES = ("resignation", "release_from_custody", "appointment", "impeachment")
CHANGE_OF_GROUP = "Change to group/activity"  # ACLED's home for defections and splits
STATEMENT = "foreign_government_statement"
NOT_UNREST = "Strategic developments"
NOT_EVENTS = ("rejected", "unmerged")  # statuses of stored events that are not events


@dataclass(frozen=True)
class Count(_Plain):
    """How many events share a key (a type, a region, a bloc, an owner country), and which."""

    key: str
    count: int
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class Span(_Plain):
    """A figure summed over events as a range, with the events that gave it."""

    low: int
    high: int
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class Crowd(_Plain):
    """The largest crowd and the mobilisation ratio (crowd over population) as ranges."""

    low: int | None = None
    high: int | None = None
    event_id: str | None = None
    event_date: date | None = None
    population: int | None = None
    ratio_low: float | None = None
    ratio_high: float | None = None


@dataclass(frozen=True)
class Coverage(_Plain):
    """Events one outlet bloc reported, and their share of all events of the period."""

    bloc: str
    events: int
    share: float
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class IndicatorSet(_Plain):
    """The indicators of one period (a day, or the whole span asked)."""

    start: date | None
    end: date | None
    events: int
    event_ids: tuple[str, ...]
    by_type: tuple[Count, ...]
    killed: Span
    injured: Span
    peak_crowd: Crowd
    spread_admin1: tuple[Count, ...]
    elite_moves: tuple[Count, ...]
    seizures: tuple[str, ...]  # event ids
    foreign_property: tuple[Count, ...]  # by owner country
    foreign_statements: tuple[Count, ...]  # by the speaking state's bloc
    coverage: tuple[Coverage, ...]
    silent_blocs: tuple[str, ...]


@dataclass(frozen=True)
class Indicators(_Plain):
    """The case's indicators: the whole period and each day with events, in date order."""

    case: str
    since: date | None
    until: date | None
    total: IndicatorSet
    days: tuple[IndicatorSet, ...]


def type_label(event: Event) -> str:
    """An event's type for counting: ACLED's, else the crisis extension's, else PLOVER's."""
    return event.event_type or event.political_event or event.plover_type or "unknown"


def _counts(pairs: Iterable[tuple[str, str]]) -> tuple[Count, ...]:
    """(key, event id) pairs as counts, largest first then by key."""
    groups: dict[str, dict[str, None]] = defaultdict(dict)  # insertion-ordered sets
    for key, eid in pairs:
        groups[key][eid] = None
    return tuple(sorted((Count(k, len(v), tuple(v)) for k, v in groups.items()),
                        key=lambda c: (-c.count, c.key)))


def _span(events: Sequence[Event], figure: str) -> Span:
    low = high = 0
    ids = []
    for e in events:
        rng = getattr(e, figure)
        if rng is None or not (rng.high or rng.low or rng.value):
            continue
        low += rng.low if rng.low is not None else (rng.value or 0)
        high += rng.high if rng.high is not None else (rng.value or 0)
        ids.append(e.id)
    return Span(low, high, tuple(ids))


def _peak_crowd(events: Sequence[Event], population: int | None) -> Crowd:
    best = None
    for e in events:
        c = e.crowd_size
        low = None if c is None else (c.low if c.low is not None else c.value)
        if low is None:
            continue
        if best is None or low > best[0]:
            high = c.high if c.high is not None else low
            best = (low, high, e)
    if best is None:
        return Crowd(population=population)
    low, high, e = best
    ratio = (lambda n: round(n / population, 6)) if population else (lambda n: None)
    return Crowd(low=low, high=high, event_id=e.id, event_date=e.event_date,
                 population=population, ratio_low=ratio(low), ratio_high=ratio(high))


def _coverage(events: Sequence[Event], ctx: CaseContext) -> tuple[tuple[Coverage, ...],
                                                                   tuple[str, ...]]:
    pairs = []
    for e in events:
        blocs = set(e.corroboration.blocs) if e.corroboration else set()
        blocs |= {f.bloc for f in e.figures if f.bloc}
        pairs += [(b, e.id) for b in sorted(blocs)]
    total = len(events)
    found = {c.key: c for c in _counts(pairs)}
    rows = [Coverage(b, c.count, round(c.count / total, 4) if total else 0.0, c.event_ids)
            for b, c in found.items()]
    rows.sort(key=lambda c: (-c.events, c.bloc))
    silent = tuple(b for b in ctx.blocs if b not in found)
    return tuple(rows), silent


def _elite_moves(events: Sequence[Event]) -> Iterable[tuple[str, str]]:
    for e in events:
        if e.political_event in ELITE_MOVES:
            yield e.political_event, e.id
        elif e.sub_event_type == CHANGE_OF_GROUP:
            yield "change_of_group", e.id


def at_home(e: Event, ctx: CaseContext) -> bool:
    """An event in one of the case's countries (or with no country coded)."""
    return not ctx.countries or not e.iso3 or e.iso3 in ctx.countries


def _unrest_at_home(e: Event, ctx: CaseContext) -> bool:
    """An unrest event placed in an admin1 region of one of the case's countries."""
    unrest = bool(e.event_type) and e.event_type != NOT_UNREST
    return unrest and bool(e.admin1) and bool(e.iso3) and at_home(e, ctx)


def indicator_set(events: Sequence[Event], ctx: CaseContext, start: date | None = None,
                  end: date | None = None, texts: Mapping[str, str] | None = None
                  ) -> IndicatorSet:
    """Every indicator over these events; ``texts`` (event id -> coded sentences) finds seizures."""
    texts = texts or {}
    foreign = [(e.target_owner_iso3, e.id) for e in events
               if e.target_owner_iso3 and e.target_owner_iso3 not in ctx.countries]
    statements = [(ctx.bloc_of_actor(e.actor1) or "other", e.id) for e in events
                  if e.political_event == STATEMENT]
    coverage, silent = _coverage(events, ctx)
    return IndicatorSet(
        start=start, end=end, events=len(events), event_ids=tuple(e.id for e in events),
        by_type=_counts((type_label(e), e.id) for e in events),
        killed=_span(events, "fatalities"), injured=_span(events, "injuries"),
        peak_crowd=_peak_crowd([e for e in events if at_home(e, ctx)], ctx.population),
        spread_admin1=_counts((e.admin1, e.id) for e in events if _unrest_at_home(e, ctx)),
        elite_moves=_counts(_elite_moves(events)),
        seizures=tuple(e.id for e in events if is_seizure(e, texts.get(e.id, ""))),
        foreign_property=_counts(foreign), foreign_statements=_counts(statements),
        coverage=coverage, silent_blocs=silent,
    )


def in_period(events: Iterable[Event], since: date | None = None,
              until: date | None = None) -> list[Event]:
    """Dated events with since <= date <= until (both inclusive), by date then id; events an
    analyst rejected and claims left unmerged are not counted."""
    kept = [e for e in events if e.event_date is not None and e.status not in NOT_EVENTS
            and (since is None or e.event_date >= since)
            and (until is None or e.event_date <= until)]
    return sorted(kept, key=lambda e: (e.event_date, e.id))


def compute_indicators(events: Iterable[Event], ctx: CaseContext, since: date | None = None,
                       until: date | None = None, texts: Mapping[str, str] | None = None
                       ) -> Indicators:
    """The case's indicators for the whole period and for each day that has events."""
    kept = in_period(events, since, until)
    by_day: dict[date, list[Event]] = defaultdict(list)
    for e in kept:
        assert e.event_date is not None
        by_day[e.event_date].append(e)
    days = tuple(indicator_set(evs, ctx, d, d, texts) for d, evs in sorted(by_day.items()))
    first = since or (kept[0].event_date if kept else None)
    last = until or (kept[-1].event_date if kept else None)
    return Indicators(case=ctx.name, since=since, until=until,
                      total=indicator_set(kept, ctx, first, last, texts), days=days)


def _total(counts: Sequence[Count]) -> tuple[float, tuple[str, ...]]:
    return float(sum(c.count for c in counts)), tuple(i for c in counts for i in c.event_ids)


# name -> (value, event ids) of an IndicatorSet; the names of ``cases.rules.CASE_INDICATORS``.
VALUES: dict[str, Callable[[IndicatorSet], tuple[float | None, tuple[str, ...]]]] = {
    "events": lambda s: (float(s.events), s.event_ids),
    "killed": lambda s: (float(s.killed.low), s.killed.event_ids),
    "injured": lambda s: (float(s.injured.low), s.injured.event_ids),
    "peak_crowd": lambda s: (None if s.peak_crowd.low is None else float(s.peak_crowd.low),
                             tuple(filter(None, [s.peak_crowd.event_id]))),
    "mobilisation_ratio": lambda s: (s.peak_crowd.ratio_low,
                                     tuple(filter(None, [s.peak_crowd.event_id]))),
    "spread_admin1": lambda s: (float(len(s.spread_admin1)),
                                tuple(i for c in s.spread_admin1 for i in c.event_ids)),
    "elite_moves": lambda s: _total(s.elite_moves),
    "seizures": lambda s: (float(len(s.seizures)), s.seizures),
    "foreign_property_attacks": lambda s: _total(s.foreign_property),
    "foreign_statements": lambda s: _total(s.foreign_statements),
    "silent_blocs": lambda s: (float(len(s.silent_blocs)), ()),
}


def indicator_value(s: IndicatorSet, name: str) -> tuple[float | None, tuple[str, ...]]:
    """One named indicator of a set: its value (None when unknown) and the events behind it."""
    return VALUES[name](s)
