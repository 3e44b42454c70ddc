"""Heuer's Analysis of Competing Hypotheses over a case's evidence, replayable to any date.

Scoring, as in Heuer and the PARC ACH tool: each rating counts by its inconsistency only —
I = 1, II = 2, consistent and neutral ratings 0 — times the item's weight (credibility x
relevance). The sum is the *weighted inconsistency score*: the lower, the more likely; the
hypothesis with the least evidence against it leads, because consistent evidence is usually
consistent with several hypotheses at once. The weighted consistency is shown beside it and
breaks ties. An item's *diagnosticity* is the spread of its ratings across the hypotheses
(CC=2 .. II=-2, an unrated hypothesis counting N=0): 0 means it cannot tell them apart.

A hypothesis no item rates has no score (``status`` "no evidence"), not a zero. Rejected
proposals do not count; with ``confirmed_only`` neither do proposals nobody confirmed.

History: the assessment replayed as of each day on which evidence arrived (events by event date,
notes by their evidence date), so ``as_of`` gives the picture an analyst had then. Sensitivity:
each diagnostic item removed, then its ratings flipped (CC<->II, C<->I); the items whose change
alters the ranking are listed, those that change the leader first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from sitroom.model import AnalystNote, Event, Hypothesis, RatingDecision, _Plain
from sitroom.watch.context import CaseContext
from sitroom.watch.evidence import (
    FLIP,
    EvidenceItem,
    event_proposals,
    finish,
    gather,
    indicator_proposals,
)
from sitroom.watch.indicators import in_period, indicator_set


@dataclass(frozen=True)
class EvidenceRow(_Plain):
    """One item as it bears on one hypothesis."""

    item: str
    kind: str
    title: str
    evidence_date: date | None
    rating: str
    status: str  # proposed, confirmed, rejected
    rating_id: str
    basis: str
    credibility: float
    relevance: float
    weight: float
    diagnosticity: int
    event_ids: tuple[str, ...]
    proposed: str = ""
    by: str = ""


@dataclass(frozen=True)
class HistoryPoint(_Plain):
    """The hypothesis's standing once the evidence of ``date`` had arrived."""

    date: date
    score: float | None
    rank: int | None
    items: int


@dataclass(frozen=True)
class Sensitivity(_Plain):
    """An item that, if wrong, would change the ranking."""

    item: str
    title: str
    change: str  # "removed" or "flipped"
    ranking: tuple[str, ...]  # the ranking after the change
    leader_changes: bool


@dataclass(frozen=True)
class HypothesisScore(_Plain):
    key: str
    title: str
    status: str  # "scored" or "no evidence"
    score: float | None  # weighted inconsistency; lower = more likely
    consistency: float
    rank: int | None
    evidence: tuple[EvidenceRow, ...]
    history: tuple[HistoryPoint, ...] = ()
    sensitivity: tuple[Sensitivity, ...] = ()  # the changes that would move this hypothesis


@dataclass(frozen=True)
class Assessment(_Plain):
    case: str
    as_of: date | None
    ranking: tuple[str, ...]  # scored hypotheses, most likely first
    hypotheses: tuple[HypothesisScore, ...]
    sensitivity: tuple[Sensitivity, ...]
    items: int


def _counted(item: EvidenceItem, confirmed_only: bool):
    for r in item.ratings:
        if r.status == "rejected" or (confirmed_only and r.status != "confirmed"):
            continue
        yield r


def diagnosticity(item: EvidenceItem, keys: Sequence[str], confirmed_only: bool = False) -> int:
    """Spread of an item's ratings across the hypotheses (0 = not diagnostic, 4 = most)."""
    got = {r.hypothesis: r.value for r in _counted(item, confirmed_only)}
    values = [got.get(k, 0) for k in keys]
    return max(values) - min(values) if values else 0


Table = dict[str, tuple[float | None, float, int]]


def _contributions(item: EvidenceItem, confirmed_only: bool) -> dict[str, tuple[float, float]]:
    """What one item adds to each hypothesis it rates: (inconsistency, consistency)."""
    return {r.hypothesis: (item.weight * max(0, -r.value), item.weight * max(0, r.value))
            for r in _counted(item, confirmed_only)}


def _table(sums: Mapping[str, list], keys: Sequence[str]) -> Table:
    return {k: (round(sums[k][0], 4) if sums[k][2] else None, round(sums[k][1], 4), sums[k][2])
            for k in keys}


def _add(acc: dict[str, list], item: EvidenceItem, confirmed_only: bool) -> None:
    for key, (inc, con) in _contributions(item, confirmed_only).items():
        if key in acc:
            acc[key][0] += inc
            acc[key][1] += con
            acc[key][2] += 1


def _sums(items: Iterable[EvidenceItem], keys: Sequence[str], confirmed_only: bool
          ) -> dict[str, list]:
    acc: dict[str, list] = {k: [0.0, 0.0, 0] for k in keys}
    for item in items:
        _add(acc, item, confirmed_only)
    return acc


def scores(items: Sequence[EvidenceItem], keys: Sequence[str], confirmed_only: bool = False
           ) -> Table:
    """Per hypothesis: (weighted inconsistency or None without evidence, consistency, items)."""
    return _table(_sums(items, keys, confirmed_only), keys)


def ranking(table: Mapping[str, tuple[float | None, float, int]]) -> tuple[str, ...]:
    """Scored hypotheses from most to least likely (least inconsistency, then most consistency)."""
    scored = [(s, -c, k) for k, (s, c, _) in table.items() if s is not None]
    return tuple(k for _, _, k in sorted(scored))


def sensitivity(items: Sequence[EvidenceItem], keys: Sequence[str],
                confirmed_only: bool = False) -> tuple[Sensitivity, ...]:
    """Items whose removal or flipped ratings would change the ranking.

    Each change is applied to the totals (take the item's share out, put the flipped share in),
    so the check costs one pass over the items, not one scoring per item.
    """
    sums = _sums(items, keys, confirmed_only)
    base = ranking(_table(sums, keys))
    found = []
    for item in items:
        if diagnosticity(item, keys, confirmed_only) == 0:
            continue
        mine = {k: v for k, v in _contributions(item, confirmed_only).items() if k in sums}
        flipped = replace(item, ratings=tuple(replace(r, rating=FLIP[r.rating])
                                              for r in item.ratings))
        theirs = {k: v for k, v in _contributions(flipped, confirmed_only).items() if k in sums}
        for change, added in (("removed", {}), ("flipped", theirs)):
            changed = {k: list(v) for k, v in sums.items()}
            for k, (inc, con) in mine.items():
                changed[k][0] -= inc
                changed[k][1] -= con
                changed[k][2] -= 1
            for k, (inc, con) in added.items():
                changed[k][0] += inc
                changed[k][1] += con
                changed[k][2] += 1
            after = ranking(_table(changed, keys))
            if after != base:
                found.append(Sensitivity(item.id, item.title, change, after,
                                         after[:1] != base[:1]))
    found.sort(key=lambda s: (not s.leader_changes, s.item, s.change))
    return tuple(found)


@dataclass(frozen=True)
class CaseEvidence:
    """Everything an assessment reads, as loaded by the pipeline (or built by a test)."""

    ctx: CaseContext
    events: tuple[Event, ...]
    notes: tuple[AnalystNote, ...] = ()
    decisions: tuple[RatingDecision, ...] = ()
    texts: Mapping[str, str] | None = None  # event id -> coded sentences

    @property
    def hypotheses(self) -> tuple[Hypothesis, ...]:
        return self.ctx.case.hypotheses

    @cached_property
    def event_drafts(self) -> dict:
        """Event rules matched once over every event (a replay only filters them by date)."""
        return event_proposals(self.hypotheses, in_period(self.events), self.ctx, self.texts)


def evidence_as_of(data: CaseEvidence, as_of: date | None) -> list[EvidenceItem]:
    """The evidence items an analyst had on ``as_of`` (None: everything)."""
    events = in_period(data.events, until=as_of)
    notes = [n for n in data.notes if as_of is None or _note_day(n, data) is None
             or _note_day(n, data) <= as_of]
    totals = indicator_set(events, data.ctx, None, as_of, data.texts)
    return gather(data.hypotheses, events, data.ctx, totals, notes, data.decisions, data.texts,
                  data.event_drafts)


def _note_day(note: AnalystNote, data: CaseEvidence) -> date | None:
    if note.evidence_date:
        return note.evidence_date
    linked = next((e for e in data.events if e.id == note.event_id), None)
    if linked and linked.event_date:
        return linked.event_date
    return note.created_at.date() if note.created_at else None


def history_days(data: CaseEvidence, as_of: date | None) -> list[date]:
    """The days on which evidence arrived, up to ``as_of``."""
    days = {e.event_date for e in in_period(data.events, until=as_of)}
    days |= {d for n in data.notes if (d := _note_day(n, data)) and (as_of is None or d <= as_of)}
    return sorted(d for d in days if d is not None)


def assess(data: CaseEvidence, as_of: date | None = None, confirmed_only: bool = False,
           with_history: bool = True) -> Assessment:
    """The hypotheses scored on the evidence as of a date, with history and sensitivity."""
    keys = [h.key for h in data.hypotheses]
    items = evidence_as_of(data, as_of)
    table = scores(items, keys, confirmed_only)
    order = ranking(table)
    history: dict[str, list[HistoryPoint]] = {k: [] for k in keys}
    if with_history:
        # Events and notes keep their ratings and weights from day to day: add them up as
        # their days come; only the case indicators are computed again for each day.
        fixed = sorted((i for i in items if i.kind != "indicator"),
                       key=lambda i: i.evidence_date or date.min)
        running = _sums((), keys, confirmed_only)
        done = 0
        for day in history_days(data, as_of):
            while done < len(fixed) and (fixed[done].evidence_date or date.min) <= day:
                _add(running, fixed[done], confirmed_only)
                done += 1
            events = in_period(data.events, until=day)
            totals = indicator_set(events, data.ctx, None, day, data.texts)
            drafts = indicator_proposals(data.hypotheses, events, data.ctx, totals)
            day_sums = {k: list(v) for k, v in running.items()}
            for item in finish(drafts, data.ctx.name, data.decisions):
                _add(day_sums, item, confirmed_only)
            day_table = _table(day_sums, keys)
            day_order = ranking(day_table)
            for k in keys:
                s, _, n = day_table[k]
                rank = day_order.index(k) + 1 if k in day_order else None
                history[k].append(HistoryPoint(day, s, rank, n))
    sens = sensitivity(items, keys, confirmed_only)
    out = []
    for h in data.hypotheses:
        s, c, n = table[h.key]
        rows = []
        for item in items:
            r = item.rating_for(h.key)
            if r is None:
                continue
            rows.append(EvidenceRow(
                item=item.id, kind=item.kind, title=item.title,
                evidence_date=item.evidence_date, rating=r.rating, status=r.status,
                rating_id=r.id, basis=r.basis, credibility=item.credibility,
                relevance=item.relevance,
                weight=0.0 if r.status == "rejected" else item.weight,
                diagnosticity=diagnosticity(item, keys, confirmed_only),
                event_ids=item.event_ids, proposed=r.proposed, by=r.by))
        out.append(HypothesisScore(
            key=h.key, title=h.title, status="scored" if s is not None else "no evidence",
            score=s, consistency=c, rank=order.index(h.key) + 1 if h.key in order else None,
            evidence=tuple(rows), history=tuple(history[h.key]),
            sensitivity=tuple(x for x in sens if _position(x.ranking, h.key)
                              != _position(order, h.key))))
    return Assessment(case=data.ctx.name, as_of=as_of, ranking=order, hypotheses=tuple(out),
                      sensitivity=sens, items=len(items))


def _position(order: Sequence[str], key: str) -> int | None:
    return order.index(key) if key in order else None
