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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sitroom.model import AnalystNote, Event, Hypothesis, RatingDecision, _Plain
from sitroom.watch.context import CaseContext
from sitroom.watch.evidence import FLIP, EvidenceItem, gather
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
class HypothesisScore(_Plain):
    key: str
    title: str
    status: str  # "scored" or "no evidence"
    score: float | None  # weighted inconsistency; lower = more likely
    consistency: float
    rank: int | None
    evidence: tuple[EvidenceRow, ...]
    history: tuple[HistoryPoint, ...] = ()


@dataclass(frozen=True)
class Sensitivity(_Plain):
    """An item that, if wrong, would change the ranking."""

    item: str
    title: str
    change: str  # "removed" or "flipped"
    ranking: tuple[str, ...]  # the ranking after the change
    leader_changes: bool


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


def scores(items: Sequence[EvidenceItem], keys: Sequence[str], confirmed_only: bool = False
           ) -> dict[str, tuple[float | None, float, int]]:
    """Per hypothesis: (weighted inconsistency or None without evidence, consistency, items)."""
    acc = {k: [0.0, 0.0, 0] for k in keys}
    for item in items:
        for r in _counted(item, confirmed_only):
            if r.hypothesis not in acc:
                continue
            a = acc[r.hypothesis]
            a[0] += item.weight * max(0, -r.value)
            a[1] += item.weight * max(0, r.value)
            a[2] += 1
    return {k: (round(a[0], 4) if a[2] else None, round(a[1], 4), a[2]) for k, a in acc.items()}


def ranking(table: Mapping[str, tuple[float | None, float, int]]) -> tuple[str, ...]:
    """Scored hypotheses from most to least likely (least inconsistency, then most consistency)."""
    scored = [(s, -c, k) for k, (s, c, _) in table.items() if s is not None]
    return tuple(k for _, _, k in sorted(scored))


def sensitivity(items: Sequence[EvidenceItem], keys: Sequence[str],
                confirmed_only: bool = False) -> tuple[Sensitivity, ...]:
    """Items whose removal or flipped ratings would change the ranking."""
    base = ranking(scores(items, keys, confirmed_only))
    found = []
    for i, item in enumerate(items):
        if diagnosticity(item, keys, confirmed_only) == 0:
            continue
        flipped = replace(item, ratings=tuple(replace(r, rating=FLIP[r.rating])
                                              for r in item.ratings))
        for change, changed in (("removed", [*items[:i], *items[i + 1:]]),
                                ("flipped", [*items[:i], flipped, *items[i + 1:]])):
            after = ranking(scores(changed, keys, confirmed_only))
            if after != base:
                leader = (after[:1] != base[:1])
                found.append(Sensitivity(item.id, item.title, change, after, leader))
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


def evidence_as_of(data: CaseEvidence, as_of: date | None) -> list[EvidenceItem]:
    """The evidence items an analyst had on ``as_of`` (None: everything)."""
    events = in_period(data.events, until=as_of)
    notes = [n for n in data.notes if as_of is None or _note_day(n, data) is None
             or _note_day(n, data) <= as_of]
    totals = indicator_set(events, data.ctx, None, as_of, data.texts)
    return gather(data.hypotheses, events, data.ctx, totals, notes, data.decisions, data.texts)


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
        for day in history_days(data, as_of):
            day_items = evidence_as_of(data, day)
            day_table = scores(day_items, keys, confirmed_only)
            day_order = ranking(day_table)
            for k in keys:
                s, _, n = day_table[k]
                rank = day_order.index(k) + 1 if k in day_order else None
                history[k].append(HistoryPoint(day, s, rank, n))
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
            evidence=tuple(rows), history=tuple(history[h.key])))
    return Assessment(case=data.ctx.name, as_of=as_of, ranking=order, hypotheses=tuple(out),
                      sensitivity=sensitivity(items, keys, confirmed_only), items=len(items))
