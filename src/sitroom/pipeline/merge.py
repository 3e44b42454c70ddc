"""Claims in the store into events: the merge stage's I/O edge.

``merge_store`` reads the current claims (latest coder version per report) and what is known of
their reports, merges the claims not yet in an event incrementally against the stored events
(indexed lookup by country and date window), carries analyst decisions over re-coding, and saves
events and actions. ``rebuild=True`` re-merges everything from scratch, honouring analyst pins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time

from sitroom.merge.cluster import anchor, merge_claims, merge_incremental
from sitroom.merge.edits import Book, EditResult, constraints_from
from sitroom.merge.types import Constraints, ReportInfo
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
    errors: int = 0


class StoreEventIndex:
    """An EventIndex over the store: candidates by indexed country and date-window queries."""

    def __init__(self, store: Store, claims: Mapping[str, Claim] | None = None,
                 case: str | None = None) -> None:
        self.store, self.claims, self.case = store, claims or {}, case

    def candidates(self, country: str, start: date, end: date) -> list[Event]:
        since = datetime.combine(start, time.min)
        until = datetime.combine(end, time.max)
        found = self.store.list_events(case=self.case, since=since, until=until, country=country)
        return [e for e in found if (e.iso3 or e.country or "").upper() == country
                and e.event_date is not None and start <= e.event_date <= end]

    def get(self, event_id: str) -> Event | None:
        from sitroom.errors import NotFound

        try:
            return self.store.get_event(event_id)
        except NotFound:
            return None

    def members(self, event: Event) -> list[Claim]:
        return [self.claims[c] for c in event.claim_ids if c in self.claims]


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", version or ""))


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


def report_infos(store: Store, case: str | None = None) -> tuple[dict[str, ReportInfo], list[str]]:
    """ReportInfo of every report in scope, and the blocs of the outlets watching the case."""
    outlets = {o.key: o for o in store.list_outlets(case)}
    infos: dict[str, ReportInfo] = {}
    for r in store.iter_reports(ReportQuery(case=case, limit=None)):
        o = outlets.get(r.outlet or "")
        infos[r.id] = ReportInfo(
            report_id=r.id, outlet=r.outlet, bloc=o.bloc if o else None,
            group=o.group if o else "", kind=r.kind, near_duplicate_of=r.near_duplicate_of,
            lang=r.lang, published=r.published.date() if r.published else None,
        )
    return infos, sorted({o.bloc for o in outlets.values() if o.bloc})


def merge_store(store: Store, *, case: str | None = None, rebuild: bool = False,
                at: datetime | None = None) -> MergeSummary:
    """Merge the store's current claims into events and save them with their history."""
    at = at or datetime.now(UTC)
    infos, watching = report_infos(store, case)
    claims = current_claims(c for c in store.iter_claims()
                            if case is None or c.doc_id in infos)
    all_claims = {c.id: c for c in store.iter_claims()} if not rebuild else dict(claims)
    existing = store.list_events(case=case) if case else store.list_events()
    actions = store.list_merge_actions()
    analyst = constraints_from(existing, all_claims, actions)
    if rebuild:
        result = merge_claims(claims.values(), infos, constraints=analyst,
                              watching_blocs=watching, at=at)
        old_ids = {e.id for e in existing}
        new_ids = {e.id for e in result.events_changed}
        deleted = sorted(old_ids - new_ids)
        return _save(store, result.events_changed, deleted, result.actions, claims, 0)

    # claims superseded by re-coding leave their events; their successors inherit the place
    placed = {cid for e in existing for cid in e.claim_ids}
    inherit: dict[str, str] = {}
    touched: dict[str, Event] = {}
    for e in existing:
        stale = [cid for cid in e.claim_ids if cid not in claims]
        if stale:
            for cid in stale:
                if cid in all_claims:
                    inherit.setdefault(anchor(all_claims[cid]), e.id)
            touched[e.id] = replace(e, claim_ids=tuple(c for c in e.claim_ids if c in claims))
    pins = {**inherit, **analyst.pins}
    cons = Constraints(pins=pins, apart=analyst.apart, overrides=analyst.overrides,
                       statuses=analyst.statuses)
    new = [c for cid, c in claims.items() if cid not in placed]
    index = _Overlay(StoreEventIndex(store, claims, case), touched)
    result = merge_incremental(index, new, infos, constraints=cons, watching_blocs=watching, at=at)
    changed = {e.id: e for e in result.events_changed}
    deleted: list[str] = []
    extra: list[MergeAction] = []
    from sitroom.merge.build import build_event
    from sitroom.merge.cluster import action_id

    for eid, e in touched.items():
        if eid in changed:
            continue
        if not e.claim_ids:
            deleted.append(eid)
        else:
            changed[eid] = build_event(eid, [claims[c] for c in e.claim_ids], infos,
                                       watching_blocs=watching, status=e.status, notes=e.notes,
                                       overrides=cons.overrides.get(eid))
        gone = [c for c in existing_claims(existing, eid) if c not in claims]
        extra.append(MergeAction(id=action_id("split", [eid], gone, at.isoformat()),
                                 action="split", event_ids=(eid,), claim_ids=tuple(gone),
                                 reason="claims superseded by re-coding", at=at))
    events = [changed[k] for k in sorted(changed)]
    return _save(store, events, deleted, (*extra, *result.actions), claims, len(new))


def existing_claims(events: Sequence[Event], event_id: str) -> tuple[str, ...]:
    """The claim ids an event had in ``events``."""
    return next((e.claim_ids for e in events if e.id == event_id), ())


class _Overlay:
    """The store index, with some events replaced by in-memory versions."""

    def __init__(self, base: StoreEventIndex, events: Mapping[str, Event]) -> None:
        self.base, self.events = base, events

    def candidates(self, country: str, start: date, end: date) -> list[Event]:
        return [self.events.get(e.id, e) for e in self.base.candidates(country, start, end)
                if self.events.get(e.id, e).claim_ids]

    def get(self, event_id: str) -> Event | None:
        if event_id in self.events:
            return self.events[event_id]
        return self.base.get(event_id)

    def members(self, event: Event) -> list[Claim]:
        return self.base.members(event)


def _save(store: Store, events: Sequence[Event], deleted: Sequence[str],
          actions: Sequence[MergeAction], claims: Mapping[str, Claim],
          placed: int) -> MergeSummary:
    if deleted:
        store.delete_events(list(deleted))
    if events:
        store.save_events(list(events))
    for a in actions:
        store.add_merge_action(a)
    return MergeSummary(
        claims_current=len(claims), claims_placed=placed, events_saved=len(events),
        events_deleted=len(deleted), unmerged=sum(1 for e in events if e.status == "unmerged"),
        actions=len(actions),
    )


def apply_edit(store: Store, result: EditResult) -> None:
    """Write an analyst edit's outcome: deletions, saved events, the recorded action."""
    if result.deleted:
        store.delete_events(list(result.deleted))
    store.save_events(list(result.saved))
    store.add_merge_action(result.action)


def load_book(store: Store, event_ids: Sequence[str], case: str | None = None) -> Book:
    """The events, claims, report info and history an analyst edit needs."""
    events = {}
    for eid in event_ids:
        events[eid] = store.get_event(eid)
    for a in store.list_merge_actions():
        for eid in a.event_ids:
            if eid not in events:
                ev = StoreEventIndex(store).get(eid)
                if ev is not None and any(x in a.event_ids for x in event_ids):
                    events[eid] = ev
    report_ids = {f.report_id for e in events.values() for f in e.figures}
    claims: dict[str, Claim] = {}
    for rid in sorted(report_ids):
        claims.update({c.id: c for c in store.list_claims(report_id=rid)})
    infos, watching = report_infos(store, case)
    return Book(events=events, claims=claims, infos=infos, actions=store.list_merge_actions(),
                watching_blocs=watching)
