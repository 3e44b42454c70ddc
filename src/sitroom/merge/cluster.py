"""Claims into events: greedy, ordered, average-linkage clustering against each event's members.

Each claim, in a fixed order (country, date, id), is compared with the candidate events of its
country whose dates fall in its window. Every member must pass the hard gates (complete linkage:
no chains). Two claims of one report that pass the gates and name the same political turn (or
none) are one event told twice — one night of clashes in two sentences the coder types
differently, or one resignation coded twice — so a report never backs two events of one
identity; the claim joins the candidate with the best average score if
that clears ``JOIN``, else it opens an event whose id derives from it.
Scores from structured fields decide alone when they are clearly high (``SURE``) or low
(``DOUBT``); in between, the evidence sentences are compared with the multilingual encoder.
The same claims always give the same events and ids; new claims join or open events without
recomputing the rest.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from sitroom.model import Claim, Event, MergeAction

from .build import build_event, event_as_claim, event_id_for
from .compat import cheap_score, compatible, country_key, date_window, unmergeable_reason
from .encoder import EvidenceSimilarity
from .types import NO_CONSTRAINTS, Constraints, MergeResult, ReportInfo

SURE = 0.78  # structured agreement this high joins without looking at the text
DOUBT = 0.45  # below this, no join whatever the text says
JOIN = 0.6  # final score needed to join (cheap and evidence averaged when in doubt)
MAX_LINK = 12  # members compared per event (the first by id): bounds the cost of huge events
MAX_EVIDENCE = 4  # members whose evidence is embedded per comparison
LOOKUP_SLACK = timedelta(days=3)


class EventIndex(Protocol):
    """Existing events, looked up by country and date window (an index, never a full scan)."""

    def candidates(self, country: str, start: date, end: date) -> Sequence[Event]: ...
    def get(self, event_id: str) -> Event | None: ...
    def members(self, event: Event) -> Sequence[Claim]: ...


class MemoryEventIndex:
    """An in-memory EventIndex: per country, events sorted by date."""

    def __init__(self, events: Iterable[Event] = (), claims: Mapping[str, Claim] | None = None):
        self._events: dict[str, Event] = {}
        self._by_country: dict[str, list[tuple[date, str]]] = defaultdict(list)
        self._claims = dict(claims or {})
        for e in events:
            self.put(e)

    def _unindex(self, old: Event | None) -> None:
        """Take an event out of its country's date list (if it is there)."""
        if old is None or old.event_date is None:
            return
        lst = self._by_country[country_key(old)]
        i = bisect.bisect_left(lst, (old.event_date, old.id))
        if i < len(lst) and lst[i] == (old.event_date, old.id):
            lst.pop(i)

    def put(self, event: Event, members: Sequence[Claim] = ()) -> None:
        """Add or replace an event (and remember its member claims)."""
        self._unindex(self._events.get(event.id))
        self._events[event.id] = event
        for c in members:
            self._claims[c.id] = c
        if event.event_date is not None and event.status not in ("unmerged", "rejected"):
            bisect.insort(self._by_country[country_key(event)], (event.event_date, event.id))

    def remove(self, event_id: str) -> None:
        """Forget an event."""
        self._unindex(self._events.pop(event_id, None))

    def candidates(self, country: str, start: date, end: date) -> list[Event]:
        """Merged events of a country dated within [start, end]."""
        lst = self._by_country.get(country, [])
        lo = bisect.bisect_left(lst, (start, ""))
        hi = bisect.bisect_right(lst, (end, "\uffff"))
        return [self._events[i] for _, i in lst[lo:hi]]

    def get(self, event_id: str) -> Event | None:
        """The event with this id, if known."""
        return self._events.get(event_id)

    def members(self, event: Event) -> list[Claim]:
        """The known member claims of an event."""
        return [self._claims[c] for c in event.claim_ids if c in self._claims]

    def events(self) -> list[Event]:
        """All events, sorted by id."""
        return [self._events[k] for k in sorted(self._events)]


def anchor(claim: Claim) -> str:
    """A claim's identity across re-coding: its report and its evidence (or its position)."""
    if claim.evidence.strip():
        digest = hashlib.sha1(" ".join(claim.evidence.split()).encode("utf-8")).hexdigest()[:12]
        return f"{claim.doc_id}#{digest}"
    return f"{claim.doc_id}#{claim.index}"


def action_id(kind: str, event_ids: Sequence[str], claim_ids: Sequence[str], salt: str = "") -> str:
    """Deterministic id of an action from what it did."""
    key = "|".join([kind, ",".join(event_ids), ",".join(claim_ids), salt])
    return "act-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def lookup_window(claim: Claim) -> tuple[date, date]:
    """Dates of stored events that may match a claim (month events sit on the 1st)."""
    assert claim.event_date is not None
    start, end = date_window(claim.event_date, claim.time_precision)
    return start - LOOKUP_SLACK, end + LOOKUP_SLACK


def lookup_windows(claims: Iterable[Claim]) -> list[tuple[str, date, date]]:
    """Every (country, start, end) window the claims will look up, month starts included."""
    out = []
    for c in claims:
        if unmergeable_reason(c) is None:
            start, end = lookup_window(c)
            out.append((country_key(c), start, end))
            if start.day > 1:
                first = start.replace(day=1)
                out.append((country_key(c), first, first))
    return out


def _order(c: Claim) -> tuple:
    return (country_key(c), c.event_date or date.min, c.id)


@dataclass
class _Open:
    """An event being built during one run (private, mutable, never leaves this module)."""

    id: str
    members: list[Claim]
    base: Event | None


class _Merger:
    def __init__(self, index: EventIndex, infos: Mapping[str, ReportInfo],
                 constraints: Constraints, similarity: EvidenceSimilarity | None,
                 watching_blocs: Collection[str], at: datetime | None) -> None:
        self.index, self.infos, self.cons = index, infos, constraints
        self.sim = similarity if similarity is not None else EvidenceSimilarity()
        self.watching, self.at = watching_blocs, at
        self.open: dict[str, _Open] = {}
        self.local = MemoryEventIndex()  # events touched in this run, as candidates
        self.actions: list[MergeAction] = []
        self._seen: dict[str, list[Claim]] = {}  # members of stored events not opened in this run

    def _get_open(self, event_id: str) -> _Open | None:
        if event_id in self.open:
            return self.open[event_id]
        base = self.index.get(event_id)
        if base is None:
            return None
        ev = _Open(event_id, list(self.index.members(base)), base)
        self.open[event_id] = ev
        return ev

    def _refresh(self, ev: _Open) -> None:
        """Re-index an open event under its current date and country (full build at the end)."""
        status = ev.base.status if ev.base else self.cons.statuses.get(ev.id, "auto")
        dated = [c for c in ev.members if c.event_date is not None]
        when = min(dated, key=lambda c: (c.time_precision or 3, c.id)) if dated else None
        day = when.event_date if when else None
        if day is not None and when is not None and when.time_precision == 3:
            day = day.replace(day=1)
        first = ev.members[0]
        override = self.cons.overrides.get(ev.id, {})
        self.local.put(Event(
            id=ev.id, claim_ids=tuple(c.id for c in ev.members),
            event_date=override.get("event_date", day),  # type: ignore[arg-type]
            time_precision=when.time_precision if when else None, event_type=first.event_type,
            sub_event_type=first.sub_event_type, iso3=first.iso3, country=first.country,
            status=status,
        ))

    def _act(self, kind: str, ev: _Open, claim: Claim, reason: str) -> None:
        self.actions.append(MergeAction(
            id=action_id(kind, [ev.id], [claim.id]), action=kind, event_ids=(ev.id,),
            claim_ids=(claim.id,), actor="auto", reason=reason, at=self.at,
        ))

    def _candidates(self, claim: Claim) -> list[Event]:
        key = country_key(claim)
        start, end = lookup_window(claim)
        found = {e.id: e for e in self.index.candidates(key, start, end)}
        found.update({e.id: e for e in self.local.candidates(key, start, end)})
        if start.day > 1:  # month-precision events sit on the first of their month
            first = start.replace(day=1)
            for idx in (self.index, self.local):
                found.update({e.id: e for e in idx.candidates(key, first, first)})
        out = []
        for eid in sorted(found):
            e = self.local.get(eid) or found[eid]
            if e.status in ("rejected", "unmerged"):
                continue
            out.append(e)
        return out

    def _members(self, event: Event) -> list[Claim]:
        if event.id in self.open:
            return self.open[event.id].members
        if event.id not in self._seen:
            members = list(self.index.members(event))
            self._seen[event.id] = members or [event_as_claim(event)]
        return self._seen[event.id]

    def _link(self, claim: Claim, event: Event) -> tuple[float, str] | None:
        """Average-linkage score of a claim against an event, None if a hard gate fails."""
        members = self._members(event)
        a = anchor(claim) if self.cons.apart else ""
        same_report = False
        for m in members:
            if not compatible(claim, m) or (a and self.cons.is_apart(a, anchor(m))):
                return None
            if m.doc_id == claim.doc_id and claim.doc_id:
                if m.political_event != claim.political_event:
                    return None  # a report's turn and the clash it mentions are two events
                same_report = True
        linked = members[:MAX_LINK]
        cheap = sum(cheap_score(claim, m) for m in linked) / len(linked)
        if same_report and cheap < SURE:
            # the coder's own sentences of one report, one day, one place and family: it told
            # one event twice (a sentence lacking the place, or typed another sub-type)
            return SURE, f"another sentence of the same report ({cheap:.2f} on fields)"
        if cheap >= SURE:
            return cheap, f"fields agree ({cheap:.2f})"
        if cheap < DOUBT:
            return cheap, f"fields disagree ({cheap:.2f})"
        self.sim.prefetch_pairs(claim, linked[:MAX_EVIDENCE])
        sims = [s for m in linked[:MAX_EVIDENCE] if (s := self.sim.score(claim, m)) is not None]
        if not sims:
            return cheap, f"fields in doubt ({cheap:.2f}), no evidence text"
        ev = sum(sims) / len(sims)
        final = (cheap + ev) / 2
        return final, f"fields in doubt ({cheap:.2f}), evidence similarity {ev:.2f}"

    def place(self, claim: Claim) -> None:
        why = unmergeable_reason(claim)
        if why is not None:
            ev = _Open(event_id_for(claim.id), [claim], None)
            self.open[ev.id] = ev
            self._act("create", ev, claim, f"unmerged: {why}")
            return
        pinned = self.cons.pins.get(anchor(claim))
        if pinned:
            ev = self._get_open(pinned) or _Open(pinned, [], None)
            self.open[ev.id] = ev
            ev.members.append(claim)
            self._act("join" if len(ev.members) > 1 else "create", ev, claim,
                      "pinned by an analyst decision")
            self._refresh(ev)
            return
        best: tuple[float, str, Event] | None = None
        for event in self._candidates(claim):
            scored = self._link(claim, event)
            if scored is not None and scored[0] >= JOIN and (best is None or scored[0] > best[0]):
                best = (scored[0], scored[1], event)
        if best is not None:
            ev = self._get_open(best[2].id) or _Open(best[2].id, self._members(best[2]), best[2])
            self.open[ev.id] = ev
            ev.members.append(claim)
            self._act("join", ev, claim, f"joined: {best[1]}, score {best[0]:.2f} >= {JOIN}")
        else:
            ev = _Open(event_id_for(claim.id), [claim], None)
            self.open[ev.id] = ev
            self._act("create", ev, claim, "no candidate event in its country, date window, "
                      "place and family scored above the join threshold")
        self._refresh(ev)

    def result(self) -> MergeResult:
        events = []
        for eid in sorted(self.open):
            ev = self.open[eid]
            status = ev.base.status if ev.base else self.cons.statuses.get(eid, "auto")
            if ev.base is None and len(ev.members) == 1:
                why = unmergeable_reason(ev.members[0])
                if why is not None:
                    status = "unmerged"
            events.append(build_event(
                eid, ev.members, self.infos, watching_blocs=self.watching, status=status,
                notes=ev.base.notes if ev.base else "", overrides=self.cons.overrides.get(eid),
            ))
        return MergeResult(events_changed=tuple(events), actions=tuple(self.actions))


def merge_incremental(
    index: EventIndex,
    new_claims: Iterable[Claim],
    infos: Mapping[str, ReportInfo],
    *,
    constraints: Constraints = NO_CONSTRAINTS,
    similarity: EvidenceSimilarity | None = None,
    watching_blocs: Collection[str] = (),
    at: datetime | None = None,
) -> MergeResult:
    """Place new claims into existing events or new ones; return only what changed."""
    merger = _Merger(index, infos, constraints, similarity, watching_blocs, at)
    claims = sorted(new_claims, key=_order)
    prefetch = getattr(index, "prefetch", None)
    if prefetch is not None:  # let a store-backed index fetch all windows in few queries
        prefetch(lookup_windows(claims))
    for claim in claims:
        merger.place(claim)
    return merger.result()


def merge_claims(
    claims: Iterable[Claim],
    infos: Mapping[str, ReportInfo],
    *,
    constraints: Constraints = NO_CONSTRAINTS,
    similarity: EvidenceSimilarity | None = None,
    watching_blocs: Collection[str] = (),
    at: datetime | None = None,
) -> MergeResult:
    """Merge a whole set of claims from scratch (deterministic: same claims, same events)."""
    return merge_incremental(MemoryEventIndex(), claims, infos, constraints=constraints,
                             similarity=similarity, watching_blocs=watching_blocs, at=at)
