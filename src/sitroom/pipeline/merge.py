"""Claims in the store into events: the merge stage's I/O edge.

``merge_store`` reads the current claims (latest coder version per report) and what is known of
their reports, merges the claims not yet in an event incrementally against the stored events
(indexed lookup by country and date window, never a scan of all events), carries analyst
decisions and event membership over re-coding, and saves events and actions in one step.
``rebuild=True`` re-merges everything from scratch, honouring analyst decisions. The merge sees
claims with the people they name spelled the case's way (``identity.CaseNames``: "Жапаровду"
is Sadyr Japarov); stored claims stay as the coder wrote them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from sitroom.errors import NotFound
from sitroom.merge.build import build_event
from sitroom.merge.cluster import (
    MemoryEventIndex,
    action_id,
    anchor,
    merge_claims,
    merge_incremental,
)
from sitroom.merge.edits import Book, EditResult, constraints_from
from sitroom.merge.identity import CaseNames
from sitroom.merge.types import NO_CONSTRAINTS, Constraints, MergeResult, ReportInfo
from sitroom.model import Claim, Event, MergeAction
from sitroom.store.api import ReportQuery, Store


@dataclass(frozen=True)
class MergeSummary:
    """What one merge run did."""

    claims_current: int
    claims_placed: int
    events_saved: int
    events_deleted: int
    unmerged: int
    actions: int


class StoreEventIndex:
    """An EventIndex over the store: candidates by indexed country and date-window queries."""

    GAP = timedelta(days=10)  # windows closer than this are fetched in one query

    def __init__(self, store: Store, claims: Mapping[str, Claim] | None = None) -> None:
        self.store, self.claims = store, claims or {}
        self._cache = MemoryEventIndex()
        self._covered: dict[str, list[tuple[date, date]]] = {}

    def _query(self, country: str, start: date, end: date) -> list[Event]:
        since = datetime.combine(start, time.min)
        until = datetime.combine(end + timedelta(days=1), time.min)  # the store's until excludes
        found = self.store.list_events(since=since, until=until, country=country)
        return [e for e in found if e.event_date is not None and start <= e.event_date <= end]

    def prefetch(self, windows: Iterable[tuple[str, date, date]]) -> None:
        """Fetch the events of many lookup windows at once: one query per run of close windows."""
        by_country: dict[str, list[tuple[date, date]]] = {}
        for country, start, end in windows:
            by_country.setdefault(country, []).append((start, end))
        for country, spans in by_country.items():
            merged: list[list[date]] = []
            for start, end in sorted(spans):
                if merged and start <= merged[-1][1] + self.GAP:
                    merged[-1][1] = max(merged[-1][1], end)
                else:
                    merged.append([start, end])
            for start, end in merged:
                for e in self._query(country, start, end):
                    self._cache.put(e)
                self._covered.setdefault(country, []).append((start, end))

    def candidates(self, country: str, start: date, end: date) -> list[Event]:
        """Stored events of a country within [start, end]: from the prefetch, else one query."""
        if any(s <= start and end <= e for s, e in self._covered.get(country, ())):
            return self._cache.candidates(country, start, end)
        return self._query(country, start, end)

    def get(self, event_id: str) -> Event | None:
        """The stored event with this id, or None."""
        try:
            return self.store.get_event(event_id)
        except NotFound:
            return None

    def members(self, event: Event) -> list[Claim]:
        """The event's member claims among the current ones."""
        return [self.claims[c] for c in event.claim_ids if c in self.claims]


class _Overlay:
    """The store index, with some events replaced by in-memory versions."""

    def __init__(self, base: StoreEventIndex, events: Mapping[str, Event]) -> None:
        self.base, self.events = base, events

    def prefetch(self, windows: Iterable[tuple[str, date, date]]) -> None:
        self.base.prefetch(windows)

    def candidates(self, country: str, start: date, end: date) -> list[Event]:
        found = [self.events.get(e.id, e) for e in self.base.candidates(country, start, end)]
        return [e for e in found if e.claim_ids]

    def get(self, event_id: str) -> Event | None:
        return self.events[event_id] if event_id in self.events else self.base.get(event_id)

    def members(self, event: Event) -> list[Claim]:
        return self.base.members(event)


def _version_key(version: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p)
                 for p in re.split(r"(\d+)", version or ""))


def current_claims(claims: Iterable[Claim]) -> dict[str, Claim]:
    """Claims of the latest coder version of each report, by claim id."""
    by_report: dict[str, list[Claim]] = {}
    for c in claims:
        by_report.setdefault(c.doc_id, []).append(c)
    out: dict[str, Claim] = {}
    for group in by_report.values():
        latest = max((c.coder_version for c in group), key=_version_key)
        out.update({c.id: c for c in group if c.coder_version == latest})
    return out


def case_view(store: Store, claims: Mapping[str, Claim],
              case: str | None = None) -> dict[str, Claim]:
    """The claims as the merge sees them: people named the case's way (ids unchanged)."""
    names = CaseNames(store.list_actors(case))
    return {cid: names.resolve(c) for cid, c in claims.items()}


def report_infos(store: Store, case: str | None = None) -> tuple[dict[str, ReportInfo], list[str]]:
    """ReportInfo of every report in scope, and the blocs of the outlets watching the case."""
    listed = store.list_outlets(case)
    outlets = {o.key: o for o in listed}
    if case is not None:  # outlets named by reports but saved without the case
        outlets = {**{o.key: o for o in store.list_outlets()}, **outlets}
    watching = sorted({o.bloc for o in listed if o.bloc})
    infos: dict[str, ReportInfo] = {}
    for r in store.iter_reports(ReportQuery(case=case, limit=None)):
        o = outlets.get(r.outlet or "")
        infos[r.id] = ReportInfo(
            report_id=r.id, outlet=r.outlet, bloc=o.bloc if o else None,
            group=o.group if o else "", kind=r.kind, near_duplicate_of=r.near_duplicate_of,
            lang=r.lang, published=r.published.date() if r.published else None,
        )
    return infos, watching


def _save(store: Store, events: Sequence[Event], deleted: Sequence[str],
          actions: Sequence[MergeAction]) -> None:
    """Write a merge step in one transaction."""
    store.apply_merge(save=list(events), delete=list(deleted), actions=list(actions))


def merge_new_claims(
    store: Store,
    new_claims: Iterable[Claim],
    infos: Mapping[str, ReportInfo],
    *,
    claims: Mapping[str, Claim] | None = None,
    constraints: Constraints = NO_CONSTRAINTS,
    watching_blocs: Collection[str] = (),
    at: datetime | None = None,
) -> MergeResult:
    """Join or open events for new claims against the stored events, and save the changes."""
    index = StoreEventIndex(store, claims)
    result = merge_incremental(index, new_claims, infos, constraints=constraints,
                               watching_blocs=watching_blocs, at=at or datetime.now(UTC))
    _save(store, result.events_changed, (), result.actions)
    return result


def merge_store(store: Store, *, case: str | None = None, rebuild: bool = False,
                at: datetime | None = None) -> MergeSummary:
    """Merge the store's current claims into events and save them with their history."""
    at = at or datetime.now(UTC)
    infos, watching = report_infos(store, case)
    everything = {c.id: c for c in store.iter_claims() if case is None or c.doc_id in infos}
    everything = case_view(store, everything, case)
    claims = current_claims(everything.values())
    actions = store.list_merge_actions()
    analyst_actions = [a for a in actions if a.actor != "auto"]
    where = store.events_of_claims(list(everything))
    decided = sorted({e for a in analyst_actions for e in a.event_ids}
                     | {where[c] for c in everything if c not in claims and c in where})
    known = store.get_events(decided)
    analyst = constraints_from(known, everything, analyst_actions)

    if rebuild:
        existing = sorted(set(where.values()))
        result = merge_claims(claims.values(), infos, constraints=analyst,
                              watching_blocs=watching, at=at)
        kept = {e.id for e in result.events_changed}
        deleted = [e for e in existing if e not in kept]
        _save(store, result.events_changed, deleted, result.actions)
        return _summary(claims, len(claims), result.events_changed, deleted, result.actions)

    # claims superseded by re-coding leave their events; successors inherit the place
    touched: dict[str, Event] = {}
    before: dict[str, tuple[str, ...]] = {}  # a touched event's members before re-coding
    inherit: dict[str, str] = {}
    for e in known:
        stale = [c for c in e.claim_ids if c in everything and c not in claims]
        if stale:
            for c in stale:
                inherit.setdefault(anchor(everything[c]), e.id)
            touched[e.id] = replace(e, claim_ids=tuple(c for c in e.claim_ids if c in claims))
            before[e.id] = e.claim_ids
    cons = replace(analyst, pins={**inherit, **analyst.pins})
    new = [c for cid, c in claims.items() if cid not in where]
    index = _Overlay(StoreEventIndex(store, claims), touched)
    result = merge_incremental(index, new, infos, constraints=cons, watching_blocs=watching,
                               at=at)
    changed = {e.id: e for e in result.events_changed}
    deleted: list[str] = []
    extra: list[MergeAction] = []
    for eid, e in sorted(touched.items()):
        if eid not in changed:
            if e.claim_ids:
                changed[eid] = build_event(
                    eid, [claims[c] for c in e.claim_ids], infos, watching_blocs=watching,
                    status=e.status, notes=e.notes, overrides=cons.overrides.get(eid))
            else:
                deleted.append(eid)
        gone = [c for c in before[eid] if c not in claims]
        extra.append(MergeAction(id=action_id("split", [eid], gone, at.isoformat()),
                                 action="split", event_ids=(eid,), claim_ids=tuple(gone),
                                 reason="claims superseded by re-coding", at=at))
    events = [changed[k] for k in sorted(changed)]
    all_actions = (*extra, *result.actions)
    _save(store, events, deleted, all_actions)
    return _summary(claims, len(new), events, deleted, all_actions)


def _summary(claims: Mapping[str, Claim], placed: int, events: Sequence[Event],
             deleted: Sequence[str], actions: Sequence[MergeAction]) -> MergeSummary:
    return MergeSummary(
        claims_current=len(claims), claims_placed=placed, events_saved=len(events),
        events_deleted=len(deleted), unmerged=sum(1 for e in events if e.status == "unmerged"),
        actions=len(actions),
    )


def apply_edit(store: Store, result: EditResult) -> None:
    """Write an analyst edit's outcome: deletions, saved events, the recorded action."""
    _save(store, result.saved, result.deleted, [result.action])


def load_book(store: Store, event_ids: Sequence[str], case: str | None = None) -> Book:
    """The events, claims, report info and history an analyst edit needs."""
    actions = store.list_merge_actions()
    related = set(event_ids)
    for a in actions:
        if related & set(a.event_ids):
            related |= set(a.event_ids)
    events = {e.id: e for e in store.get_events(sorted(related))}
    report_ids = {f.report_id for e in events.values() for f in e.figures}
    claims: dict[str, Claim] = {}
    for rid in sorted(report_ids):
        claims.update({c.id: c for c in store.list_claims(report_id=rid)})
    claims = case_view(store, claims, case)
    infos, watching = report_infos(store, case)
    return Book(events=events, claims=claims, infos=infos, actions=actions,
                watching_blocs=watching)
