"""Analyst evidence notes and decisions on proposed hypothesis ratings (migration 5).

Proposed ratings themselves are not stored: they are recomputed from events and the case's
indicator rules each time (``sitroom.watch.evidence``); only what an analyst decided is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select

from sitroom.errors import NotFound
from sitroom.model import AnalystNote, RatingDecision
from sitroom.store.base import SqlBase
from sitroom.store.engine import upsert
from sitroom.store.schema import evidence_notes, rating_decisions

_DECISION_COLS = [c.name for c in rating_decisions.c if c.name != "id"]


def _note_row(n: AnalystNote) -> dict[str, Any]:
    return {"id": n.id, "case_name": n.case, "hypothesis": n.hypothesis, "rating": n.rating,
            "text": n.text, "evidence_date": n.evidence_date, "event_id": n.event_id,
            "credibility": n.credibility, "relevance": n.relevance, "author": n.author,
            "created_at": n.created_at}


def _note_from(r: Mapping[str, Any]) -> AnalystNote:
    return AnalystNote(id=r["id"], case=r["case_name"], hypothesis=r["hypothesis"],
                       rating=r["rating"], text=r["text"], evidence_date=r["evidence_date"],
                       event_id=r["event_id"], credibility=r["credibility"],
                       relevance=r["relevance"], author=r["author"], created_at=r["created_at"])


def _decision_row(d: RatingDecision) -> dict[str, Any]:
    return {"id": d.id, "case_name": d.case, "item": d.item, "hypothesis": d.hypothesis,
            "status": d.status, "rating": d.rating, "proposed": d.proposed, "author": d.author,
            "reason": d.reason, "decided_at": d.decided_at}


def _decision_from(r: Mapping[str, Any]) -> RatingDecision:
    return RatingDecision(id=r["id"], case=r["case_name"], item=r["item"],
                          hypothesis=r["hypothesis"], status=r["status"], rating=r["rating"],
                          proposed=r["proposed"], author=r["author"], reason=r["reason"],
                          decided_at=r["decided_at"])


class AnalysisStore(SqlBase):
    """Evidence notes are written once; a decision on a proposed rating replaces the last one."""

    def add_evidence_note(self, note: AnalystNote) -> None:
        """Store an analyst's evidence note (its id must be new)."""
        with self._write() as conn:
            conn.execute(evidence_notes.insert(), _note_row(note))

    def list_evidence_notes(self, case: str | None = None) -> list[AnalystNote]:
        """Notes by evidence date, then creation."""
        stmt = select(evidence_notes).order_by(evidence_notes.c.evidence_date.nulls_last(),
                                               evidence_notes.c.created_at, evidence_notes.c.id)
        if case is not None:
            stmt = stmt.where(evidence_notes.c.case_name == case)
        with self._read() as conn:
            return [_note_from(r) for r in conn.execute(stmt).mappings()]

    def delete_evidence_note(self, note_id: str) -> None:
        """Remove a note; raise NotFound if there is none with this id."""
        with self._write() as conn:
            gone = conn.execute(delete(evidence_notes).where(evidence_notes.c.id == note_id))
        if not gone.rowcount:
            raise NotFound(f"no evidence note {note_id!r}")

    def save_rating_decision(self, decision: RatingDecision) -> None:
        """Record (or replace) the analyst's decision on one proposed rating."""
        with self._write() as conn:
            conn.execute(upsert(self.dialect, rating_decisions, ["id"], _DECISION_COLS),
                         _decision_row(decision))

    def list_rating_decisions(self, case: str | None = None) -> list[RatingDecision]:
        stmt = select(rating_decisions).order_by(rating_decisions.c.decided_at,
                                                 rating_decisions.c.id)
        if case is not None:
            stmt = stmt.where(rating_decisions.c.case_name == case)
        with self._read() as conn:
            return [_decision_from(r) for r in conn.execute(stmt).mappings()]
