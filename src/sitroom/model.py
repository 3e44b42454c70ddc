"""The domain as frozen dataclasses: what the stages hand each other.

Nothing here does I/O. Every value that crosses a stage boundary is one of these, never a loose
dict; ``to_dict`` gives the JSON-ready form where a shell needs one.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

# --- vocabularies -------------------------------------------------------------------------

OWNERSHIPS = ("state", "public", "private", "independent", "foreign-state-funded")
BLOCS = ("domestic", "russian", "chinese", "western", "regional", "other")
RELIABILITY = ("A", "B", "C", "D", "E", "F")  # Admiralty: A reliable ... E unreliable, F unknown
ACTOR_KINDS = (
    "person", "party", "coalition", "faction", "state-body", "foreign-state", "company", "asset",
    "organisation", "group",
)
TIE_RELATIONS = ("member_of", "leads", "allied_with", "opposes", "supports", "backed_by", "owns",
                 "negotiates_with", "hosts_base", "concerned_about")
TIE_STATUSES = ("proposed", "accepted", "rejected")  # of a tie proposed from coded events
REPORT_KINDS = ("article", "tip", "import", "document")
REVIEW_STATUSES = ("unreviewed", "accepted", "rejected", "more_info")  # more_info: ask sender

Ownership = Literal["state", "public", "private", "independent", "foreign-state-funded"]
Bloc = Literal["domestic", "russian", "chinese", "western", "regional", "other"]


def content_hash(text: str) -> str:
    """Stable hash of a report's text, whitespace-insensitive: the exact-duplicate key."""
    norm = " ".join(text.split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Plain:
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (dates as ISO strings, tuples as lists)."""
        return _plain(self)


# --- case, outlets, actors -------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet(_Plain):
    """Who publishes. ``key`` is a stable slug; ``group`` names a common owner (counted once)."""

    key: str
    name: str
    homepage: str = ""
    feeds: tuple[str, ...] = ()
    country: str = ""  # ISO3 of where it is based
    languages: tuple[str, ...] = ()
    ownership: str = "private"
    bloc: str = "other"
    reliability: str = "F"
    group: str = ""
    feeds_verified: bool = False
    sample: bool = False  # a sample outlet of the demo corpus, not a real one
    interval_minutes: int = 1  # conditional GET: an unchanged feed costs one 304
    notes: str = ""


@dataclass(frozen=True)
class Actor(_Plain):
    """A person, party, faction, state body, foreign state, company or asset."""

    key: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str = ""  # ISO3
    inter: int | None = None  # ACLED inter code when acting in events
    description: str = ""


@dataclass(frozen=True)
class Tie(_Plain):
    """A dated relation between two actors, or a role held (``leads`` with a target body)."""

    source: str  # actor key
    relation: str  # one of TIE_RELATIONS, or a role such as "president", "prime_minister"
    target: str  # actor key (may be empty for a bare role)
    start: date | None = None
    end: date | None = None
    note: str = ""
    evidence: tuple[str, ...] = ()  # URLs or report ids that show the tie


@dataclass(frozen=True)
class IndicatorRule(_Plain):
    """A machine-checkable form of one textual indicator of a hypothesis (``cases/rules.py``).

    ``scope`` "event": each event passing ``test`` is evidence rated ``rating`` for the
    hypothesis. ``scope`` "case": the case indicator named in ``test`` is evidence, rated
    ``rating`` when its value passes and ``otherwise`` ("" = not rated) when it does not.
    """

    indicator: int  # position of the textual indicator in ``Hypothesis.indicators``
    scope: str  # "event" or "case"
    test: tuple[tuple[str, Any], ...]
    rating: str = "C"  # CC, C, N, I or II
    otherwise: str = ""


@dataclass(frozen=True)
class ProposedTie(_Plain):
    """A tie (or the end of a role) that a rule read in coded events, for an analyst to decide.

    ``ends`` marks a proposal that a role held ends on ``end`` (a resignation, a release) rather
    than a new tie. ``id`` is stable for what is proposed, so proposing again over the same events
    keeps earlier decisions. Accepted proposals join the case's ties in the faction picture.
    """

    id: str
    case: str
    source: str
    relation: str
    target: str
    start: date | None
    end: date | None = None
    ends: bool = False
    rule: str = ""
    note: str = ""
    event_ids: tuple[str, ...] = ()
    report_ids: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()  # the coded sentences the rule read
    confidence: float = 0.0
    status: str = "proposed"  # one of TIE_STATUSES
    decided_by: str = ""
    decided_at: datetime | None = None
    reason: str = ""


@dataclass(frozen=True)
class Hypothesis(_Plain):
    key: str
    title: str
    description: str = ""
    indicators: tuple[str, ...] = ()
    rules: tuple[IndicatorRule, ...] = ()


@dataclass(frozen=True)
class AnalystNote(_Plain):
    """Evidence an analyst typed in (``sitroom evidence add``), rated for one hypothesis."""

    id: str
    case: str
    hypothesis: str
    rating: str  # CC, C, N, I or II
    text: str
    evidence_date: date | None = None  # when it became known; the event's date if linked
    event_id: str | None = None
    credibility: float | None = None  # 0-1; None: from the linked event, else 0.5
    relevance: float = 1.0  # 0-1
    author: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True)
class RatingDecision(_Plain):
    """An analyst's word on a proposed rating: confirmed (maybe with another rating) or rejected."""

    id: str  # the proposed rating's id
    case: str
    item: str  # evidence item id: "event:<id>" or "indicator:<name>"
    hypothesis: str
    status: str  # "confirmed" or "rejected"
    rating: str = ""  # the rating confirmed (may differ from the one proposed)
    proposed: str = ""  # the rating that was proposed
    author: str = ""
    reason: str = ""
    decided_at: datetime | None = None


@dataclass(frozen=True)
class Watch(_Plain):
    """A standing question; ``query`` filters events (event_type, country, min_fatalities…)."""

    key: str
    title: str
    query: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Case(_Plain):
    name: str
    title: str
    countries: tuple[str, ...]  # ISO3
    start: date | None = None
    end: date | None = None
    languages: tuple[str, ...] = ()
    population: int | None = None
    keywords: tuple[str, ...] = ()
    outlets: tuple[Outlet, ...] = ()
    actors: tuple[Actor, ...] = ()
    ties: tuple[Tie, ...] = ()
    hypotheses: tuple[Hypothesis, ...] = ()
    watches: tuple[Watch, ...] = ()
    description: str = ""
    path: str = ""


# --- reports ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report(_Plain):
    """One thing that came in: an article, a tip, an imported row.

    ``id`` is derived from the canonical URL (or, without one, the content hash) so that the same
    report collected twice gets the same id.
    """

    id: str
    kind: str  # one of REPORT_KINDS
    text: str
    title: str = ""
    url: str = ""
    canonical_url: str = ""
    outlet: str | None = None  # outlet key
    lang: str | None = None
    published: datetime | None = None
    fetched: datetime | None = None
    author: str = ""
    content_hash: str = ""
    raw: bytes | None = field(default=None, repr=False)  # zlib-compressed original bytes
    raw_type: str = ""  # media type of ``raw``
    country_hint: str | None = None  # ISO3
    place_hint: str = ""
    submitter: str = ""  # tips: who sent it (contact kept as given)
    review_status: str = ""  # tips: one of REVIEW_STATUSES
    duplicate_of: str | None = None  # exact duplicate of another report id
    near_duplicate_of: str | None = None  # wire copy / near-duplicate of another report id
    case: str | None = None


@dataclass(frozen=True)
class ErrorRecord(_Plain):
    """A failure recorded against its source; a run goes on after writing one."""

    stage: str  # collect, read, code, merge, import, case
    source: str  # feed URL, page URL, file path with line, outlet key
    message: str
    at: datetime | None = None
    outlet: str | None = None
    kind: str = ""  # exception class name or a short code ("http-404", "too-large")


# --- claims and events -----------------------------------------------------------------------


@dataclass(frozen=True)
class CrowdSize(_Plain):
    min: int | None
    max: int | None
    text: str = ""


@dataclass(frozen=True)
class Claim(_Plain):
    """What one report says happened, in the coding contract's fields. Never changes once written.

    Field names follow ACLED's columns; ``political_event`` is sitroom's extension vocabulary and
    ``plover_type`` PLOVER's. ``id`` is stable for (doc_id, coder_version, index).
    """

    doc_id: str
    event_date: date | None
    time_precision: int | None  # ACLED 1 (day) .. 3 (month)
    event_type: str | None
    sub_event_type: str | None
    political_event: str | None = None
    plover_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None  # ACLED 1 (town) .. 3 (region/country)
    fatalities: int = 0
    injuries: int | None = None
    arrests: int | None = None
    crowd_size: CrowdSize | None = None
    target_owner_iso3: str | None = None
    evidence: str = ""
    confidence: float = 0.0
    id: str = ""
    coder_version: str = ""
    index: int = 0  # position of the event within its document

    def contract_dict(self) -> dict[str, Any]:
        """The line ``sitroom code`` prints (the coding contract of DESIGN.md)."""
        d = self.to_dict()
        for k in ("id", "coder_version", "index"):
            d.pop(k)
        return d


@dataclass(frozen=True)
class OutletFigures(_Plain):
    """One report's figures for an event, kept side by side with the others."""

    claim_id: str
    report_id: str
    outlet: str | None
    bloc: str | None
    fatalities: int | None = None
    injuries: int | None = None
    arrests: int | None = None
    crowd_size: CrowdSize | None = None


@dataclass(frozen=True)
class FigureRange(_Plain):
    """A reconciled figure: the conservative value, the range reported, and a disagreement flag."""

    value: int | None
    low: int | None
    high: int | None
    disputed: bool = False


@dataclass(frozen=True)
class Corroboration(_Plain):
    independent_outlets: int
    outlets: tuple[str, ...] = ()
    blocs: tuple[str, ...] = ()
    silent_blocs: tuple[str, ...] = ()
    single_source: bool = False
    tip_only: bool = False


@dataclass(frozen=True)
class Event(_Plain):
    """Claims merged: reconciled fields, every outlet's figures, corroboration."""

    id: str
    claim_ids: tuple[str, ...]
    event_date: date | None
    time_precision: int | None
    event_type: str | None
    sub_event_type: str | None
    political_event: str | None = None
    plover_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: FigureRange | None = None
    injuries: FigureRange | None = None
    arrests: FigureRange | None = None
    crowd_size: FigureRange | None = None
    target_owner_iso3: str | None = None
    figures: tuple[OutletFigures, ...] = ()
    corroboration: Corroboration | None = None
    notes: str = ""
    status: str = "auto"  # auto, confirmed, rejected, edited


@dataclass(frozen=True)
class MergeAction(_Plain):
    """One entry of an event's history: what was done, by whom, why; enough to undo it."""

    id: str
    action: str  # create, join, split, merge, confirm, reject, edit, undo
    event_ids: tuple[str, ...]
    claim_ids: tuple[str, ...] = ()
    actor: str = "auto"  # "auto" or an analyst's name
    reason: str = ""
    at: datetime | None = None
    undoes: str | None = None
    payload: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Alert(_Plain):
    """A watch that fired on an event: one per (watch, event), kept with what it saw.

    ``suppressed`` alerts went over their watch's rate limit: stored and listed, not sent on
    their own. ``payload`` is the event as it was when the alert fired (for delivery)."""

    watch: str
    event_id: str
    fired_at: datetime
    message: str = ""
    case: str = ""
    title: str = ""  # the watch's title
    fingerprint: str = ""  # the version of the event that fired it
    suppressed: bool = False
    payload: tuple[tuple[str, Any], ...] = ()


DELIVERY_STATUSES = ("pending", "sent", "failed", "digest")


@dataclass(frozen=True)
class Delivery(_Plain):
    """One alert's delivery on one channel (webhook, email): the outbox row and its attempts.

    ``pending`` rows are tried when ``next_attempt`` comes; ``digest`` rows wait for the next
    digest; ``failed`` ones ran out of retries (``last_error`` says why)."""

    watch: str
    event_id: str
    channel: str
    status: str = "pending"
    attempts: int = 0
    next_attempt: datetime | None = None
    last_error: str = ""
    sent_at: datetime | None = None


@dataclass(frozen=True)
class Document(_Plain):
    """What the coder reads: a text with what is known of it (the input of ``sitroom code``)."""

    id: str
    text: str
    published: date | None = None
    country: str | None = None  # ISO3 hint
    lang: str | None = None  # ISO 639-1; detected when absent
    source: str | None = None  # outlet key or name
    title: str = ""
