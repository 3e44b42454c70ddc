"""The one store interface. SQLite and PostgreSQL implement it; the same tests run on both.

Only the pipeline and the shells (CLI, web) hold a store; stages never do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from sitroom.model import (
    Actor,
    Alert,
    AnalystNote,
    Case,
    Claim,
    Delivery,
    ErrorRecord,
    Event,
    Hypothesis,
    MergeAction,
    Outlet,
    ProposedTie,
    RatingDecision,
    Report,
    Tie,
    Watch,
)

if TYPE_CHECKING:
    from sitroom.store.sitreps import PublishedReport


@dataclass(frozen=True)
class AddResult:
    """What ``add_report`` did: ``status`` is "new", "duplicate-url" or "duplicate-content".

    ("duplicate-id" when only the report id clashes, which the id rules make rare.) For a
    duplicate, ``report_id`` and ``existing_id`` both name the stored report."""

    report_id: str
    status: str
    existing_id: str | None = None  # the stored report it duplicates

    @property
    def is_new(self) -> bool:
        return self.status == "new"


@dataclass(frozen=True)
class FeedState:
    """Per-feed HTTP cache and schedule, so a restarted ``watch`` resumes where it was."""

    url: str
    outlet: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_checked: datetime | None = None
    next_due: datetime | None = None
    failures: int = 0
    last_status: int | None = None
    last_error: str = ""


@dataclass(frozen=True)
class ReportQuery:
    """Filters for listing reports; all optional, combined with AND."""

    case: str | None = None
    outlet: str | None = None
    kind: str | None = None
    lang: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    review_status: str | None = None
    include_duplicates: bool = True
    limit: int | None = 100
    offset: int = 0
    newest_first: bool = False  # order by published (else fetched) time, newest first
    with_raw: bool = False  # also load ``raw`` (left None otherwise; see ``get_raw``)


@dataclass(frozen=True)
class SearchHit:
    report_id: str
    title: str
    snippet: str
    rank: float


class Store(Protocol):
    """Everything sitroom keeps. Writes are idempotent where the domain allows it."""

    url: str

    # lifecycle
    def migrate(self) -> int:
        """Apply pending numbered migrations; return the schema version now in force."""

    def close(self) -> None: ...
    def __enter__(self) -> Store:
        """A store is a context manager that closes itself on leaving."""

    def __exit__(self, *exc: object) -> None: ...
    def schema_version(self) -> int: ...
    def check(self) -> list[str]:
        """Problems found by the database's integrity checks (empty when all is well)."""

    # cases, outlets, actors
    def save_case(self, case: Case) -> None:
        """Upsert a case with its outlets, actors, ties, hypotheses and watches."""

    def list_cases(self) -> list[Case]: ...
    def get_case(self, name: str) -> Case:
        """Raise NotFound if absent."""

    def save_outlet(self, outlet: Outlet, case: str | None = None) -> None: ...
    def list_outlets(self, case: str | None = None) -> list[Outlet]: ...
    def get_outlet(self, key: str) -> Outlet: ...
    def list_actors(self, case: str | None = None) -> list[Actor]: ...
    def list_ties(self, case: str | None = None) -> list[Tie]: ...
    def list_hypotheses(self, case: str | None = None) -> list[Hypothesis]: ...
    def list_watches(self, case: str | None = None) -> list[Watch]: ...
    def save_actor(self, actor: Actor, case: str | None = None) -> None: ...
    def save_tie(self, tie: Tie, case: str | None = None) -> None: ...
    def find_actors(self, alias: str) -> list[Actor]:
        """Actors known by this name or alias (case and spacing ignored)."""

    # reports
    def add_report(self, report: Report, signature: bytes | None = None) -> AddResult:
        """Insert unless the canonical URL or content hash is already stored (then say which).

        Atomic: a killed process leaves the report either wholly stored or absent. A MinHash
        ``signature`` given here is stored in the same transaction when the report is new.
        """

    def add_reports(
        self, reports: Iterable[Report], signatures: Mapping[str, bytes] | None = None
    ) -> list[AddResult]:
        """Many ``add_report`` in one transaction; one result per report, in order."""

    def known_urls(self, canonical_urls: Iterable[str]) -> set[str]:
        """Which of these canonical URLs are stored (batched, not one query per URL)."""

    def get_report(self, report_id: str) -> Report: ...
    def get_raw(self, report_id: str) -> bytes | None:
        """The decompressed original bytes of a report, if kept."""

    def list_reports(self, query: ReportQuery = ReportQuery()) -> list[Report]: ...
    def iter_reports(
        self, query: ReportQuery = ReportQuery(), batch: int = 500
    ) -> Iterator[Report]:
        """All matching reports (``query.limit`` ignored), in stable order, batch by batch."""

    def count_reports(self, query: ReportQuery = ReportQuery()) -> int: ...
    def search_reports(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and text (FTS5 on SQLite, tsvector on PostgreSQL)."""

    def has_url(self, canonical_url: str) -> bool: ...
    def set_near_duplicate(self, report_id: str, original_id: str) -> None: ...
    def set_review_status(self, report_id: str, status: str) -> None: ...
    def save_signature(self, report_id: str, signature: bytes) -> None:
        """Keep a MinHash signature so near-duplicate indexes rebuild without re-hashing."""

    def save_signatures(self, items: Iterable[tuple[str, bytes]]) -> None: ...
    def iter_signatures(self) -> Iterator[tuple[str, bytes]]: ...

    # feeds and errors
    def get_feed_state(self, url: str) -> FeedState | None: ...
    def save_feed_state(self, state: FeedState) -> None: ...
    def list_feed_states(self) -> list[FeedState]: ...
    def record_error(self, error: ErrorRecord) -> None: ...
    def record_errors(self, items: Iterable[ErrorRecord]) -> None: ...
    def list_errors(self, stage: str | None = None, limit: int = 100) -> list[ErrorRecord]:
        """The latest ``limit`` errors (of a stage), oldest of them first."""

    def count_errors(self, stage: str | None = None) -> int: ...

    # claims and events
    def add_claims(self, claims: Iterable[Claim]) -> int:
        """Insert claims (never update; an existing id is skipped); return how many were new."""

    def list_claims(
        self, report_id: str | None = None, coder_version: str | None = None
    ) -> list[Claim]: ...
    def iter_claims(self, batch: int = 1000) -> Iterator[Claim]: ...
    def get_claims(self, claim_ids: Sequence[str]) -> list[Claim]: ...
    def count_claims(self) -> int: ...
    def save_events(self, events: Sequence[Event]) -> None:
        """Upsert events with their claim links and per-outlet figures."""

    def delete_events(self, event_ids: Sequence[str]) -> None: ...
    def get_event(self, event_id: str) -> Event: ...
    def get_events(self, event_ids: Sequence[str]) -> list[Event]: ...
    def events_of_claims(self, claim_ids: Sequence[str]) -> dict[str, str]:
        """Which stored event holds each of these claims (claim id -> event id)."""

    def count_events(self) -> int: ...
    def list_events(
        self,
        case: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        event_type: str | None = None,
        country: str | None = None,
        limit: int | None = None,
    ) -> list[Event]: ...
    def add_merge_action(self, action: MergeAction) -> None: ...
    def apply_merge(
        self,
        save: Sequence[Event] = (),
        delete: Sequence[str] = (),
        actions: Sequence[MergeAction] = (),
    ) -> None:
        """Delete, save and record a merge step in ONE transaction (all or nothing)."""

    def list_merge_actions(self, event_id: str | None = None) -> list[MergeAction]: ...

    # watches and alerts (store/alerts.py)
    def add_alert(self, alert: Alert) -> bool:
        """Record an alert once per (watch, event); return False if it had fired already."""

    def record_watch_pass(
        self, fired: Sequence[Alert], deliveries: Sequence[Delivery],
        checked: Mapping[tuple[str, str], str], at: datetime | None = None,
    ) -> list[Alert]:
        """Store new alerts, the outbox rows of the new ones and the event versions checked
        ((case, event id) -> fingerprint) in one transaction; return the alerts that were new."""

    def list_alerts(self, watch: str | None = None, *, case: str | None = None,
                    since: datetime | None = None, until: datetime | None = None,
                    limit: int | None = None) -> list[Alert]: ...
    def checked_events(self, case: str = "") -> dict[str, str]:
        """Event id -> fingerprint of the version last checked against a case's watches."""

    def due_deliveries(self, now: datetime, limit: int = 100) -> list[Delivery]: ...
    def list_deliveries(self, *, watch: str | None = None, event_id: str | None = None,
                        status: str | None = None, channel: str | None = None
                        ) -> list[Delivery]: ...
    def save_deliveries(self, items: Sequence[Delivery]) -> None: ...
    def add_watch(self, watch: Watch, case: str = "", at: datetime | None = None) -> bool:
        """Keep a watch added by hand (apart from case files); False if the key is taken."""

    def remove_watch(self, key: str, case: str = "") -> bool: ...
    def list_added_watches(self, case: str | None = None) -> list[tuple[str, Watch]]: ...

    # situation reports
    def save_sitrep(self, case: str, generated: datetime, since: date, until: date, fmt: str,
                    path: str, snapshot: dict[str, str]) -> str:
        """Record a published report with its events' snapshot; return its id."""

    def last_sitrep(self, case: str) -> PublishedReport | None:
        """The newest report published for ``case`` (for "what changed since")."""

    # analysis: analyst evidence and decisions on proposed ratings
    def add_evidence_note(self, note: AnalystNote) -> None: ...
    def list_evidence_notes(self, case: str | None = None) -> list[AnalystNote]: ...
    def delete_evidence_note(self, note_id: str) -> None:
        """Raise NotFound if absent."""

    def save_rating_decision(self, decision: RatingDecision) -> None:
        """Record (or replace) the decision on one proposed rating."""

    def list_rating_decisions(self, case: str | None = None) -> list[RatingDecision]: ...
    # ties proposed from coded events (sitroom.store.proposals)
    def save_proposals(self, case: str, proposals: Sequence[ProposedTie],
                       at: datetime | None = None) -> Any:
        """Store a run's proposals; decided ones keep their decision, stale undecided go."""

    def list_proposals(self, case: str | None = None,
                       status: str | None = None) -> list[ProposedTie]: ...
    def get_proposal(self, ref: str) -> ProposedTie:
        """By id or unambiguous prefix; an unknown id raises AnalysisError listing known ones."""

    def decide_proposal(self, ref: str, status: str, by: str = "", reason: str = "",
                        at: datetime | None = None) -> ProposedTie: ...
