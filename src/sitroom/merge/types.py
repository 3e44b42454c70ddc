"""What the merge stage reads besides claims, and what it hands back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sitroom.model import Event, MergeAction


@dataclass(frozen=True)
class ReportInfo:
    """What merge needs to know of a claim's report: who said it, and whether it is a copy."""

    report_id: str
    outlet: str | None = None
    bloc: str | None = None
    group: str = ""  # common owner: outlets of one group count once
    kind: str = "article"  # article, tip, import, document
    near_duplicate_of: str | None = None  # wire copy of another report
    lang: str | None = None
    published: date | None = None


@dataclass(frozen=True)
class Constraints:
    """Analyst decisions the automatic merge honours, keyed by claim anchors (see ``anchor``).

    ``pins`` puts a claim's anchor in a given event; ``apart`` holds anchor pairs never to be
    merged; ``overrides`` are edited event fields re-applied whenever the event is rebuilt;
    ``statuses`` keeps confirmed/rejected/edited status across rebuilds.
    """

    pins: dict[str, str] = field(default_factory=dict)
    apart: frozenset[frozenset[str]] = frozenset()
    overrides: dict[str, dict[str, object]] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)

    def is_apart(self, a: str, b: str) -> bool:
        """True when an analyst said these two claims are not the same event."""
        return bool(self.apart) and frozenset((a, b)) in self.apart


NO_CONSTRAINTS = Constraints()


@dataclass(frozen=True)
class MergeResult:
    """Events created or changed by a merge run, events emptied, and the actions recorded."""

    events_changed: tuple[Event, ...]
    actions: tuple[MergeAction, ...]
    events_deleted: tuple[str, ...] = ()
