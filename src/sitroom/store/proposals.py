"""Ties proposed from coded events and the analyst's decisions on them (migration 5).

Proposing again is idempotent: a proposal keeps its id for what it proposes, a decided one
(accepted or rejected) is never reset by a new run, and undecided ones that the rules no longer
read are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import RowMapping, delete, select, update

from sitroom.errors import AnalysisError
from sitroom.model import TIE_STATUSES, ProposedTie
from sitroom.store.base import SqlBase
from sitroom.store.engine import upsert
from sitroom.store.schema import proposed_ties

_EVIDENCE_COLS = ["source", "relation", "target", "start_date", "end_date", "ends", "rule",
                  "note", "event_ids", "report_ids", "evidence", "confidence"]


@dataclass(frozen=True)
class ProposalCounts:
    """What one proposing run changed: new proposals, refreshed ones, decided ones left as they
    were, and undecided ones dropped because the rules no longer read them."""

    new: int
    refreshed: int
    decided: int
    dropped: int


def _row(p: ProposedTie, at: datetime) -> dict[str, Any]:
    return {"id": p.id, "case_name": p.case, "source": p.source, "relation": p.relation,
            "target": p.target, "start_date": p.start, "end_date": p.end, "ends": p.ends,
            "rule": p.rule, "note": p.note, "event_ids": list(p.event_ids),
            "report_ids": list(p.report_ids), "evidence": list(p.evidence),
            "confidence": p.confidence, "status": "proposed", "decided_by": "",
            "decided_at": None, "reason": "", "proposed_at": at}


def _from(r: RowMapping) -> ProposedTie:
    return ProposedTie(
        id=r["id"], case=r["case_name"], source=r["source"], relation=r["relation"],
        target=r["target"], start=r["start_date"], end=r["end_date"], ends=bool(r["ends"]),
        rule=r["rule"], note=r["note"], event_ids=tuple(r["event_ids"] or ()),
        report_ids=tuple(r["report_ids"] or ()), evidence=tuple(r["evidence"] or ()),
        confidence=r["confidence"], status=r["status"], decided_by=r["decided_by"],
        decided_at=r["decided_at"], reason=r["reason"])


class ProposalStore(SqlBase):
    """Storage of ``ProposedTie`` rows; part of ``SqlStore``."""

    def save_proposals(self, case: str, proposals: Sequence[ProposedTie],
                       at: datetime | None = None) -> ProposalCounts:
        """Store a run's proposals for ``case`` in one transaction (see the module rule)."""
        at = at or datetime.now(UTC)
        with self._write() as conn:
            status = dict(conn.execute(
                select(proposed_ties.c.id, proposed_ties.c.status)
                .where(proposed_ties.c.case_name == case)).all())
            fresh = [p for p in proposals if status.get(p.id) in (None, "proposed")]
            if fresh:
                conn.execute(upsert(self.dialect, proposed_ties, ["id"], _EVIDENCE_COLS),
                             [_row(p, at) for p in fresh])
            wanted = {p.id for p in proposals}
            stale = [i for i, s in status.items() if s == "proposed" and i not in wanted]
            if stale:
                conn.execute(delete(proposed_ties).where(proposed_ties.c.id.in_(stale)))
        return ProposalCounts(
            new=sum(p.id not in status for p in proposals),
            refreshed=sum(status.get(p.id) == "proposed" for p in proposals),
            decided=sum(status.get(p.id) in ("accepted", "rejected") for p in proposals),
            dropped=len(stale))

    def list_proposals(self, case: str | None = None,
                       status: str | None = None) -> list[ProposedTie]:
        """Proposals by start date then id, of one case and status if given."""
        stmt = select(proposed_ties).order_by(proposed_ties.c.start_date, proposed_ties.c.id)
        if case is not None:
            stmt = stmt.where(proposed_ties.c.case_name == case)
        if status is not None:
            stmt = stmt.where(proposed_ties.c.status == status)
        with self._read() as conn:
            return [_from(r) for r in conn.execute(stmt).mappings()]

    def get_proposal(self, ref: str) -> ProposedTie:
        """A proposal by id or unambiguous id prefix; an unknown one lists some known ids."""
        with self._read() as conn:
            rows = conn.execute(select(proposed_ties).where(
                proposed_ties.c.id.startswith(ref, autoescape=True))
                .order_by(proposed_ties.c.id).limit(5)).mappings().all()
            if not rows or not ref:
                known = conn.execute(select(proposed_ties.c.id).order_by(
                    proposed_ties.c.start_date, proposed_ties.c.id).limit(8)).scalars().all()
        if ref and len(rows) == 1:
            return _from(rows[0])
        if ref and len(rows) > 1:
            exact = [r for r in rows if r["id"] == ref]
            if exact:
                return _from(exact[0])
            raise AnalysisError(f"tie id {ref!r} is ambiguous: "
                                f"{', '.join(r['id'] for r in rows)}")
        hint = (f"known ones include {', '.join(known)}" if known else
                "no tie has been proposed yet (run `sitroom ties proposed`)")
        raise AnalysisError(f"unknown tie id {ref!r}; {hint}")

    def decide_proposal(self, ref: str, status: str, by: str = "", reason: str = "",
                        at: datetime | None = None) -> ProposedTie:
        """Accept or reject a proposal (again: the last decision stands); return it decided."""
        if status not in TIE_STATUSES:
            raise AnalysisError(f"status must be one of {', '.join(TIE_STATUSES)}, not "
                                f"{status!r}")
        found = self.get_proposal(ref)
        with self._write() as conn:
            conn.execute(update(proposed_ties).where(proposed_ties.c.id == found.id).values(
                status=status, decided_by=by, reason=reason,
                decided_at=None if status == "proposed" else (at or datetime.now(UTC))))
        return self.get_proposal(found.id)
