"""Evidence items for Analysis of Competing Hypotheses, and the ratings proposed for them.

Three kinds of item, each rated per hypothesis from very consistent (CC) to very inconsistent
(II):

- ``event:<id>`` — a merged event that matches an event rule of some hypothesis indicator;
- ``indicator:<name>`` — a case indicator (mobilisation ratio, spread...) bounded by a case rule,
  rated ``rating`` when its value passes and ``otherwise`` when it does not;
- ``note:<id>`` — an analyst's note (``sitroom evidence add``), rated by the analyst.

Ratings from rules are *proposed*: recomputed from the events each time, with a stable id
(``proposal_id``) by which an analyst confirms (perhaps with another rating) or rejects them;
those decisions are what the store keeps. An analyst's own note is confirmed when written.

Weights: credibility x relevance. An event's credibility is the noisy-OR of its independent
outlets' Admiralty grades, halved for a second outlet of one bloc (``CaseContext.credibility``);
an indicator's is the mean credibility of the events it counts; a note's is given, else its
linked event's, else 0.5.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sitroom.cases.rules import RATINGS
from sitroom.model import AnalystNote, Event, Hypothesis, IndicatorRule, RatingDecision, _Plain
from sitroom.watch.context import CaseContext
from sitroom.watch.indicators import STATEMENT, IndicatorSet, indicator_value
from sitroom.watch.seizures import is_seizure

RATING_VALUES = {"CC": 2, "C": 1, "N": 0, "I": -1, "II": -2}
assert tuple(RATING_VALUES) == RATINGS
FLIP = {"CC": "II", "C": "I", "N": "N", "I": "C", "II": "CC"}


@dataclass(frozen=True)
class ItemRating(_Plain):
    """One item's rating for one hypothesis, and where it stands."""

    id: str  # the proposal id (confirm/reject by it) or the note id
    hypothesis: str
    rating: str  # CC, C, N, I, II
    status: str  # proposed, confirmed, rejected
    basis: str  # the indicator text behind a proposal, or "analyst"
    proposed: str = ""  # the rating a rule proposed, when an analyst changed it
    by: str = ""
    at: datetime | None = None

    @property
    def value(self) -> int:
        return RATING_VALUES[self.rating]


@dataclass(frozen=True)
class EvidenceItem(_Plain):
    """A piece of evidence with its weights and its ratings across hypotheses."""

    id: str
    kind: str  # event, indicator, note
    title: str
    evidence_date: date | None
    event_ids: tuple[str, ...]
    credibility: float
    relevance: float
    ratings: tuple[ItemRating, ...]
    value: float | None = None  # an indicator item's value

    @property
    def weight(self) -> float:
        return round(self.credibility * self.relevance, 4)

    def rating_for(self, hypothesis: str) -> ItemRating | None:
        return next((r for r in self.ratings if r.hypothesis == hypothesis), None)


@lru_cache(maxsize=65536)
def proposal_id(case: str, item: str, hypothesis: str) -> str:
    """Stable id of the rating a rule proposes for (item, hypothesis) in a case."""
    digest = hashlib.sha1(f"{case}|{item}|{hypothesis}".encode()).hexdigest()
    return f"r-{digest[:10]}"


def _values(value: Any) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else (value,)


def event_matches(test: Sequence[tuple[str, Any]], event: Event, ctx: CaseContext,
                  text: str = "") -> bool:
    """Every condition of an event rule holds for this event (``cases.rules.EVENT_KEYS``)."""
    for key, want in test:
        if key in ("event_type", "sub_event_type", "political_event", "plover_type",
                   "target_owner_iso3"):
            ok = getattr(event, key) in _values(want)
        elif key == "admin1":
            ok = (event.admin1 or "").casefold() in {v.casefold() for v in _values(want)}
        elif key == "actor":
            named = {ctx.actor_key(a) for a in (event.actor1, event.actor2, event.assoc_actor_1,
                                                 event.assoc_actor_2) if a}
            ok = bool(named & {ctx.actor_key(v) or v for v in _values(want)})
        elif key == "foreign_owner":
            foreign = bool(event.target_owner_iso3) and event.target_owner_iso3 not in ctx.countries
            ok = foreign == want
        elif key == "statement_bloc":
            ok = (event.political_event == STATEMENT
                  and (ctx.bloc_of_actor(event.actor1) or "other") in _values(want))
        elif key == "seizure":
            ok = is_seizure(event, text) == want
        elif key == "min_fatalities":
            ok = bool(event.fatalities) and (event.fatalities.value or 0) >= want
        elif key == "min_crowd":
            c = event.crowd_size
            ok = c is not None and (c.low if c.low is not None else c.value or 0) >= want
        elif key == "min_outlets":
            ok = (event.corroboration.independent_outlets if event.corroboration else 0) >= want
        else:  # a key the loader would have refused
            raise ValueError(f"unknown event rule key {key!r}")
        if not ok:
            return False
    return True


def case_rule_passes(test: Sequence[tuple[str, Any]], value: float) -> bool:
    """A case indicator's value within every bound of the rule."""
    checks = {"above": lambda b: value > b, "below": lambda b: value < b,
              "min": lambda b: value >= b, "max": lambda b: value <= b}
    return all(checks[k](b) for k, b in test if k in checks)


def describe_rule(test: Sequence[tuple[str, Any]]) -> str:
    """A rule as a short line ("mobilisation_ratio above 0.001", "political_event=...")."""
    parts = []
    for k, v in test:
        if k == "indicator":
            parts.append(str(v))
        elif k in ("above", "below", "min", "max"):
            parts.append(f"{k} {v:g}" if isinstance(v, float) else f"{k} {v}")
        else:
            parts.append(f"{k}={'|'.join(map(str, _values(v)))}")
    return " ".join(parts)


@dataclass
class _Draft:
    kind: str
    title: str
    evidence_date: date | None
    event_ids: tuple[str, ...]
    credibility: float
    value: float | None = None
    ratings: dict[str, tuple[str, str]] | None = None  # hypothesis -> (rating, basis)

    def propose(self, hypothesis: str, rating: str, basis: str) -> None:
        """Keep the strongest rating when several indicators of one hypothesis apply."""
        self.ratings = self.ratings or {}
        old = self.ratings.get(hypothesis)
        if old is None or abs(RATING_VALUES[rating]) > abs(RATING_VALUES[old[0]]):
            self.ratings[hypothesis] = (rating, basis)


def _event_title(e: Event) -> str:
    what = e.political_event or e.sub_event_type or e.event_type or e.plover_type or "event"
    who = e.actor1 or "?"
    where = e.admin1 or e.location or e.country or ""
    return f"{e.event_date} {what}: {who}" + (f" @ {where}" if where else "")


def _mean(values: Iterable[float]) -> float:
    got = list(values)
    return round(sum(got) / len(got), 4) if got else 0.5


def event_proposals(hypotheses: Sequence[Hypothesis], events: Sequence[Event],
                    ctx: CaseContext, texts: Mapping[str, str] | None = None
                    ) -> dict[str, _Draft]:
    """Event items proposed by the hypotheses' event rules (they depend on the event alone)."""
    texts = texts or {}
    drafts: dict[str, _Draft] = {}
    for h in hypotheses:
        for rule in h.rules:
            if rule.scope != "event":
                continue
            basis = f"{_basis(h, rule)} [{describe_rule(rule.test)}]"
            for e in events:
                if not event_matches(rule.test, e, ctx, texts.get(e.id, "")):
                    continue
                item = f"event:{e.id}"
                draft = drafts.get(item)
                if draft is None:
                    draft = drafts[item] = _Draft("event", _event_title(e), e.event_date,
                                                  (e.id,), ctx.credibility(e))
                draft.propose(h.key, rule.rating, basis)
    return drafts


def indicator_proposals(hypotheses: Sequence[Hypothesis], events: Sequence[Event],
                        ctx: CaseContext, totals: IndicatorSet) -> dict[str, _Draft]:
    """Indicator items proposed by the case rules, from the indicators of these events."""
    if not events:  # before the first event there is nothing to read
        return {}
    by_id = {e.id: e for e in events}
    drafts: dict[str, _Draft] = {}
    for h in hypotheses:
        for rule in h.rules:
            if rule.scope != "case":
                continue
            name = dict(rule.test)["indicator"]
            value, ids = indicator_value(totals, name)
            if value is None:
                continue
            rating = rule.rating if case_rule_passes(rule.test, value) else rule.otherwise
            item = f"indicator:{name}"
            draft = drafts.get(item)
            if draft is None:
                counted = [by_id[i] for i in ids if i in by_id]
                dates = [e.event_date for e in counted if e.event_date]
                draft = drafts[item] = _Draft(
                    "indicator", f"{name} = {value:g}", max(dates) if dates else totals.end,
                    tuple(ids), _mean(ctx.credibility(e) for e in counted), value)
            if rating:
                draft.propose(h.key, rating, f"{_basis(h, rule)} [{describe_rule(rule.test)}]")
    return drafts


def _basis(h: Hypothesis, rule: IndicatorRule) -> str:
    return h.indicators[rule.indicator] if rule.indicator < len(h.indicators) else ""


def finish(drafts: Mapping[str, _Draft], case: str,
           decisions: Sequence[RatingDecision] = ()) -> list[EvidenceItem]:
    """Proposed items with their rating ids and the analyst's decisions applied."""
    decided = {d.id: d for d in decisions}
    items = []
    for item_id, d in drafts.items():
        ratings = []
        for key, (rating, basis) in sorted((d.ratings or {}).items()):
            rid = proposal_id(case, item_id, key)
            r = ItemRating(rid, key, rating, "proposed", basis)
            dec = decided.get(rid)
            if dec is not None:
                final = dec.rating or rating
                r = replace(r, status=dec.status, rating=final, by=dec.author, at=dec.decided_at,
                            proposed=rating if final != rating else "")
            ratings.append(r)
        if ratings:
            items.append(EvidenceItem(item_id, d.kind, d.title, d.evidence_date, d.event_ids,
                                      d.credibility, 1.0, tuple(ratings), d.value))
    return items


def note_items(notes: Sequence[AnalystNote], events: Sequence[Event], ctx: CaseContext
               ) -> list[EvidenceItem]:
    """Analyst notes as items: confirmed ratings, credibility given or from the linked event."""
    by_event = {e.id: e for e in events}
    items = []
    for n in notes:
        linked = by_event.get(n.event_id or "")
        credibility = n.credibility
        if credibility is None:
            credibility = ctx.credibility(linked) if linked else 0.5
        when = n.evidence_date or (linked.event_date if linked else None) or (
            n.created_at.date() if n.created_at else None)
        rating = ItemRating(n.id, n.hypothesis, n.rating, "confirmed", "analyst", by=n.author,
                            at=n.created_at)
        items.append(EvidenceItem(f"note:{n.id}", "note", n.text, when,
                                  (n.event_id,) if n.event_id else (), credibility, n.relevance,
                                  (rating,)))
    return items


def by_date(items: Iterable[EvidenceItem]) -> list[EvidenceItem]:
    return sorted(items, key=lambda i: (i.evidence_date or date.max, i.id))


def gather(hypotheses: Sequence[Hypothesis], events: Sequence[Event], ctx: CaseContext,
           totals: IndicatorSet, notes: Sequence[AnalystNote] = (),
           decisions: Sequence[RatingDecision] = (), texts: Mapping[str, str] | None = None,
           event_drafts: Mapping[str, _Draft] | None = None) -> list[EvidenceItem]:
    """Every evidence item, by date: proposals with the analyst's decisions applied, and notes.

    ``event_drafts`` (from ``event_proposals`` over these events or more) saves matching the
    event rules again when the same events are replayed day by day.
    """
    if event_drafts is None:
        event_drafts = event_proposals(hypotheses, events, ctx, texts)
    else:
        present = {f"event:{e.id}" for e in events}
        event_drafts = {k: d for k, d in event_drafts.items() if k in present}
    drafts = {**event_drafts, **indicator_proposals(hypotheses, events, ctx, totals)}
    return by_date([*finish(drafts, ctx.name, decisions), *note_items(notes, events, ctx)])
