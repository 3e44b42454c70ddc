"""The hypotheses' standing over a period and what moved them, for situation reports.

``standing(assessment, since, until)`` reads an ``Assessment`` made as of ``until`` (with its
history): each
hypothesis's score at the end of the period and just before it, and the evidence dated inside the
period that bears on it, the most diagnostic and heaviest first. ``standing_lines`` writes that as
short lines (a report's section, or a terminal).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sitroom.model import _Plain
from sitroom.watch.hypotheses import Assessment, EvidenceRow, HistoryPoint


@dataclass(frozen=True)
class Standing(_Plain):
    """One hypothesis over a period: where it ended, where it started, what moved it."""

    key: str
    title: str
    rank: int | None
    score: float | None  # weighted inconsistency at the end of the period (None: no evidence)
    score_before: float | None  # just before the period
    movers: tuple[EvidenceRow, ...]  # evidence dated within the period, strongest first

    @property
    def change(self) -> float | None:
        if self.score is None or self.score_before is None:
            return None
        return round(self.score - self.score_before, 4)


def _score_on(history: tuple[HistoryPoint, ...], day: date) -> float | None:
    """The score once the evidence of ``day`` (or the last day before it) had arrived."""
    known = [p for p in history if p.date <= day]
    return known[-1].score if known else None


def standing(assessment: Assessment, since: date | None, until: date | None = None,
             movers: int = 3) -> tuple[Standing, ...]:
    """Each hypothesis's standing over [since, until], in ranking order (unscored last)."""
    out = []
    for h in assessment.hypotheses:
        end = _score_on(h.history, until) if until else h.score
        before = _score_on(h.history, date.fromordinal(since.toordinal() - 1)) if since else None
        inside = [r for r in h.evidence if r.status != "rejected" and r.evidence_date
                  and (since is None or r.evidence_date >= since)
                  and (until is None or r.evidence_date <= until)]
        inside.sort(key=lambda r: (-r.diagnosticity, -r.weight, r.item))
        out.append(Standing(h.key, h.title, h.rank, end, before, tuple(inside[:movers])))
    out.sort(key=lambda s: (s.rank is None, s.rank or 0, s.key))
    return tuple(out)


def standing_lines(items: tuple[Standing, ...]) -> list[str]:
    """One line per hypothesis, then one per item that moved it."""
    lines = []
    for s in items:
        if s.score is None:
            lines.append(f"{s.key}: no evidence yet")
            continue
        was = "" if s.change is None else f" ({s.change:+.2f} in the period)"
        rank = f"#{s.rank} " if s.rank else ""
        lines.append(f"{rank}{s.key}: weighted inconsistency {s.score:.2f}{was} — {s.title}")
        for r in s.movers:
            state = "" if r.status == "confirmed" else f" ({r.status})"
            lines.append(f"  {r.rating}{state}: {r.title}")
    return lines
