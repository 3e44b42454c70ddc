"""The store side of the analysis: load a case's events and decisions, record analyst input.

``sitroom.watch`` decides (pure functions); this module reads what they need from the store and
writes what an analyst decides. The CLI and the web app call these, never the store directly,
for indicators and hypotheses.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

from sitroom.cases.rules import RATINGS
from sitroom.errors import AnalysisError, NotFound
from sitroom.model import AnalystNote, Case, RatingDecision
from sitroom.store.api import Store
from sitroom.watch.context import RELIABILITY_WEIGHT, CaseContext
from sitroom.watch.evidence import EvidenceItem
from sitroom.watch.hypotheses import Assessment, CaseEvidence, assess, evidence_as_of
from sitroom.watch.indicators import Indicators, compute_indicators

WORD_WEIGHTS = {"high": 1.0, "medium": 0.7, "low": 0.4}


def resolve_case(store: Store, name: str | None) -> Case:
    """The named stored case, or the only one; a clear error listing the cases otherwise."""
    names = [c.name for c in store.list_cases()]
    if name is None:
        if len(names) == 1:
            return store.get_case(names[0])
        raise AnalysisError("name a case with --case; stored cases: "
                            + (", ".join(names) or "none (sitroom case load NAME)"))
    try:
        return store.get_case(name)
    except NotFound:
        raise AnalysisError(f"unknown case {name!r}; stored cases: "
                            + (", ".join(names) or "none (sitroom case load NAME)")) from None


def load_evidence(store: Store, case: Case) -> CaseEvidence:
    """The case's events with their coded sentences, analyst notes and rating decisions."""
    events = tuple(e for e in store.list_events(case=case.name) if e.status != "unmerged")
    claim_ids = [c for e in events for c in e.claim_ids]
    evidence = {c.id: c.evidence for c in store.get_claims(claim_ids)}
    texts = {e.id: "\n".join(evidence.get(c, "") for c in e.claim_ids) for e in events}
    return CaseEvidence(
        ctx=CaseContext(case), events=events,
        notes=tuple(store.list_evidence_notes(case.name)),
        decisions=tuple(store.list_rating_decisions(case.name)), texts=texts,
    )


def case_indicators(store: Store, case: str | None = None, since: date | None = None,
                    until: date | None = None) -> Indicators:
    """Indicators of a stored case, per day and overall (``until`` inclusive)."""
    data = load_evidence(store, resolve_case(store, case))
    return compute_indicators(data.events, data.ctx, since, until, data.texts)


def case_assessment(store: Store, case: str | None = None, as_of: date | None = None,
                    confirmed_only: bool = False, with_history: bool = True) -> Assessment:
    """The competing hypotheses of a stored case scored as of a date (None: all evidence)."""
    data = load_evidence(store, resolve_case(store, case))
    return assess(data, as_of, confirmed_only, with_history)


def check_hypothesis(case: Case, key: str) -> None:
    """Raise a clear error naming the known hypotheses unless ``key`` is one of them."""
    known = [h.key for h in case.hypotheses]
    if key not in known:
        raise AnalysisError(f"unknown hypothesis {key!r} in case {case.name!r}; known: "
                            + (", ".join(known) or "none (add them to hypotheses.yaml)"))


def weight(text: str | float | None, what: str) -> float | None:
    """A credibility or relevance: 0-1, high/medium/low, or an Admiralty grade A-F."""
    if text is None or text == "":
        return None
    if isinstance(text, int | float):
        value = float(text)
    elif text.lower() in WORD_WEIGHTS:
        return WORD_WEIGHTS[text.lower()]
    elif text.upper() in RELIABILITY_WEIGHT and what == "credibility":
        return RELIABILITY_WEIGHT[text.upper()]
    else:
        try:
            value = float(text)
        except ValueError:
            grades = ", an Admiralty grade A-F" if what == "credibility" else ""
            raise AnalysisError(f"bad {what} {text!r}: give a number 0-1, high, medium or "
                                f"low{grades}") from None
    if not 0.0 <= value <= 1.0:
        raise AnalysisError(f"bad {what} {text!r}: a number must be between 0 and 1")
    return value


def add_note(store: Store, case: str | None, hypothesis: str, rating: str, text: str, *,
             event_id: str | None = None, credibility: str | float | None = None,
             relevance: str | float | None = None, evidence_date: date | None = None,
             author: str = "", now: datetime | None = None) -> AnalystNote:
    """Record an analyst's evidence note rated for one hypothesis; refuse what is unknown."""
    found = resolve_case(store, case)
    check_hypothesis(found, hypothesis)
    if rating not in RATINGS:
        raise AnalysisError(f"unknown rating {rating!r}; one of: {', '.join(RATINGS)} "
                            "(very consistent .. very inconsistent)")
    if not text.strip():
        raise AnalysisError("an evidence note needs its text (--text)")
    if event_id is not None:
        try:
            store.get_event(event_id)
        except NotFound:
            raise AnalysisError(f"no event {event_id!r} (see sitroom events list)") from None
    now = now or datetime.now(UTC)
    digest = hashlib.sha1(f"{found.name}|{hypothesis}|{text}|{now.isoformat()}".encode())
    note = AnalystNote(
        id=f"n-{digest.hexdigest()[:10]}", case=found.name, hypothesis=hypothesis, rating=rating,
        text=text.strip(), evidence_date=evidence_date, event_id=event_id,
        credibility=weight(credibility, "credibility"),
        relevance=weight(relevance, "relevance") or 1.0, author=author, created_at=now,
    )
    store.add_evidence_note(note)
    return note


def list_evidence(store: Store, case: str | None = None, as_of: date | None = None
                  ) -> list[EvidenceItem]:
    """Every evidence item of a case as of a date, with its ratings and their status."""
    data = load_evidence(store, resolve_case(store, case))
    return evidence_as_of(data, as_of)


def decide(store: Store, rating_id: str, status: str, *, case: str | None = None,
           rating: str | None = None, author: str = "", reason: str = "",
           now: datetime | None = None) -> RatingDecision:
    """Confirm (optionally with another rating) or reject one proposed rating, by its id."""
    if status not in ("confirmed", "rejected"):
        raise AnalysisError(f"a decision is confirmed or rejected, not {status!r}")
    if rating is not None and rating not in RATINGS:
        raise AnalysisError(f"unknown rating {rating!r}; one of: {', '.join(RATINGS)}")
    found = resolve_case(store, case)
    items = evidence_as_of(load_evidence(store, found), None)
    for item in items:
        for r in item.ratings:
            if r.id != rating_id:
                continue
            if r.basis == "analyst":
                raise AnalysisError(f"{rating_id} is an analyst's note, already confirmed")
            original = r.proposed or r.rating
            decision = RatingDecision(
                id=rating_id, case=found.name, item=item.id, hypothesis=r.hypothesis,
                status=status, rating=(rating or original) if status == "confirmed" else "",
                proposed=original, author=author, reason=reason,
                decided_at=now or datetime.now(UTC))
            store.save_rating_decision(decision)
            return decision
    raise AnalysisError(f"no proposed rating {rating_id!r} in case {found.name!r} "
                        "(see sitroom evidence list)")
