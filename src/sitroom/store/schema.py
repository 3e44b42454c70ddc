"""The whole schema in one place: SQLAlchemy Core tables for SQLite and PostgreSQL alike.

Text columns carry no length limit (SQLite would not enforce one, so PostgreSQL must not
either); uniqueness on long values goes through a sha256 column (``url_hash``). A column that
would shadow an SQL word gets a suffix (``case_name``, ``start_date``, ``group_name``,
``claim_index``). Lists are JSON columns; figures that filters need are plain
columns. Times are stored in UTC and come back timezone-aware (``UTCDateTime``). Full-text search
is dialect-specific and lives in ``fulltext.py`` (an FTS5 table on SQLite, a tsvector column on
PostgreSQL), created by migration 2.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeDecorator

metadata = MetaData()


class UTCDateTime(TypeDecorator):
    """Timestamps in UTC: naive input is taken as UTC, output is always timezone-aware."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect):
        """timestamptz on PostgreSQL; naive ISO text (already UTC) on SQLite."""
        if dialect.name == "postgresql":
            return dialect.type_descriptor(DateTime(timezone=True))
        return dialect.type_descriptor(DateTime())

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, str):  # a value written by hand into SQLite
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _case_fk() -> ForeignKey:
    return ForeignKey("cases.name", ondelete="CASCADE")


schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", UTCDateTime, nullable=False),
)

# --- cases, outlets, actors -------------------------------------------------------------------

cases = Table(
    "cases", metadata,
    Column("name", String, primary_key=True),
    Column("title", Text, nullable=False, default=""),
    Column("countries", JSON, nullable=False),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("languages", JSON, nullable=False),
    Column("population", Integer),
    Column("keywords", JSON, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("path", Text, nullable=False, default=""),
)

outlets = Table(
    "outlets", metadata,
    Column("key", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("homepage", Text, nullable=False, default=""),
    Column("feeds", JSON, nullable=False),
    Column("country", String, nullable=False, default=""),
    Column("languages", JSON, nullable=False),
    Column("ownership", String, nullable=False),
    Column("bloc", String, nullable=False),
    Column("reliability", String, nullable=False),
    Column("group_name", Text, nullable=False, default=""),
    Column("feeds_verified", Boolean, nullable=False, default=False),
    Column("sample", Boolean, nullable=False, default=False),
    Column("interval_minutes", Integer, nullable=False, default=1),
    Column("notes", Text, nullable=False, default=""),
)

def _case_members(member: str, table: str) -> Table:
    """A case's ordered list of outlets or actors: ``case_<table>`` linking cases to ``<table>``."""
    name = f"case_{table}"
    return Table(
        name, metadata,
        Column("case_name", String, _case_fk(), primary_key=True),
        Column(member, String, ForeignKey(f"{table}.key", ondelete="CASCADE"), primary_key=True),
        Column("position", Integer, nullable=False, default=0),  # order in the case file
        Index(f"ix_{name}_{member}", member),
    )


case_outlets = _case_members("outlet", "outlets")

actors = Table(
    "actors", metadata,
    Column("key", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String, nullable=False),
    Column("aliases", JSON, nullable=False),  # as given, in order; ``actor_aliases`` is for lookup
    Column("country", String, nullable=False, default=""),
    Column("inter", Integer),
    Column("description", Text, nullable=False, default=""),
)

actor_aliases = Table(
    "actor_aliases", metadata,
    Column("actor", String, ForeignKey("actors.key", ondelete="CASCADE"), primary_key=True),
    Column("alias_norm", String, primary_key=True),  # casefolded, whitespace collapsed
    Column("alias", Text, nullable=False),
    Index("ix_actor_aliases_norm", "alias_norm"),
)

case_actors = _case_members("actor", "actors")

ties = Table(
    "ties", metadata,
    Column("id", String(64), primary_key=True),  # hash of (case, source, relation, target, start)
    Column("case_name", String, nullable=False, default=""),  # "" when in no case
    Column("source", String, nullable=False),
    Column("relation", String, nullable=False),
    Column("target", String, nullable=False, default=""),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("note", Text, nullable=False, default=""),
    Column("evidence", JSON, nullable=False),
    Column("seq", Integer, nullable=False, default=0),  # order within the case file
    Index("ix_ties_case", "case_name"),
    Index("ix_ties_source", "source"),
    Index("ix_ties_target", "target"),
)

hypotheses = Table(
    "hypotheses", metadata,
    Column("case_name", String, primary_key=True),  # "" when in no case
    Column("key", String, primary_key=True),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("indicators", JSON, nullable=False),
    Column("seq", Integer, nullable=False, default=0),
    Column("rules", JSON),  # list of IndicatorRule dicts; added by the analysis migration (5)
)

watches = Table(
    "watches", metadata,
    Column("case_name", String, primary_key=True),  # "" when in no case
    Column("key", String, primary_key=True),
    Column("title", Text, nullable=False),
    Column("query", JSON, nullable=False),  # list of [field, value] pairs
    Column("seq", Integer, nullable=False, default=0),
)

# --- reports ----------------------------------------------------------------------------------

reports = Table(
    "reports", metadata,
    # ``seq`` is the rowid on SQLite (FTS5 content rowid) and gives a stable insertion order.
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("kind", String, nullable=False),
    Column("title", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column("url", Text, nullable=False, default=""),
    Column("canonical_url", Text),  # NULL when the report has none
    # sha256 of canonical_url: the uniqueness key (a long URL would overflow a PostgreSQL btree)
    Column("url_hash", String(64), unique=True),
    Column("outlet", String),
    Column("lang", String),
    Column("published", UTCDateTime),
    Column("fetched", UTCDateTime),
    Column("author", Text, nullable=False, default=""),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("raw", LargeBinary),  # zlib-compressed original bytes
    Column("raw_type", String, nullable=False, default=""),
    Column("country_hint", String),
    Column("place_hint", Text, nullable=False, default=""),
    Column("submitter", Text, nullable=False, default=""),
    Column("review_status", String, nullable=False, default=""),
    Column("duplicate_of", String),
    Column("near_duplicate_of", String),
    Column("case_name", String),
    Index("ix_reports_outlet", "outlet"),
    Index("ix_reports_case", "case_name"),
    Index("ix_reports_published", "published"),
    Index("ix_reports_kind", "kind"),
    Index("ix_reports_near_duplicate_of", "near_duplicate_of"),
)

report_signatures = Table(
    "report_signatures", metadata,
    Column("report_id", String, ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

feed_state = Table(
    "feed_state", metadata,
    Column("url", Text, primary_key=True),
    Column("outlet", String),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_checked", UTCDateTime),
    Column("next_due", UTCDateTime),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_status", Integer),
    Column("last_error", Text, nullable=False, default=""),
)

errors = Table(
    "errors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("stage", String, nullable=False),
    Column("source", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("at", UTCDateTime),
    Column("outlet", String),
    Column("kind", String, nullable=False, default=""),
    Index("ix_errors_stage", "stage"),
)

# --- claims and events ------------------------------------------------------------------------

def _coded_columns() -> list[Column]:
    """The coded fields a claim and an event share: when, what, who and where (same order)."""
    return [
        Column("event_date", Date),
        Column("time_precision", Integer),
        Column("event_type", String),
        Column("sub_event_type", String),
        Column("political_event", String),
        Column("plover_type", String),
        Column("actor1", Text),
        Column("assoc_actor_1", Text),
        Column("inter1", Integer),
        Column("actor2", Text),
        Column("assoc_actor_2", Text),
        Column("inter2", Integer),
        Column("country", Text),
        Column("iso3", String),
        Column("admin1", Text),
        Column("location", Text),
        Column("latitude", Float),
        Column("longitude", Float),
        Column("geo_precision", Integer),
    ]


CODED_FIELDS = tuple(c.name for c in _coded_columns())  # the same names on Claim and Event

claims = Table(
    "claims", metadata,
    Column("id", String, primary_key=True),
    Column("doc_id", String, nullable=False),
    Column("coder_version", String, nullable=False, default=""),
    Column("claim_index", Integer, nullable=False, default=0),
    *_coded_columns(),
    Column("fatalities", Integer, nullable=False, default=0),
    Column("injuries", Integer),
    Column("arrests", Integer),
    Column("crowd_min", Integer),
    Column("crowd_max", Integer),
    Column("crowd_text", Text),  # NULL means no crowd size at all; "" a size without words
    Column("target_owner_iso3", String),
    Column("evidence", Text, nullable=False, default=""),
    Column("confidence", Float, nullable=False, default=0.0),
    Index("ix_claims_doc", "doc_id", "coder_version"),
    Index("ix_claims_event_date", "event_date"),
)


def _figure_columns(name: str) -> list[Column]:
    """A FigureRange as four columns; ``<name>_disputed`` NULL means no figure at all."""
    return [
        Column(name, Integer),
        Column(f"{name}_low", Integer),
        Column(f"{name}_high", Integer),
        Column(f"{name}_disputed", Boolean),
    ]


events = Table(
    "events", metadata,
    Column("id", String, primary_key=True),
    *_coded_columns(),
    *_figure_columns("fatalities"),
    *_figure_columns("injuries"),
    *_figure_columns("arrests"),
    *_figure_columns("crowd_size"),
    Column("target_owner_iso3", String),
    Column("independent_outlets", Integer),  # copied out of ``corroboration`` for filtering
    Column("corroboration", JSON),
    Column("notes", Text, nullable=False, default=""),
    Column("status", String, nullable=False, default="auto"),
    Index("ix_events_date", "event_date"),
    Index("ix_events_type", "event_type"),
    Index("ix_events_iso3", "iso3"),
    Index("ix_events_country", "country"),
)

event_claims = Table(
    "event_claims", metadata,
    Column("event_id", String, ForeignKey("events.id", ondelete="CASCADE"),
           primary_key=True),
    Column("claim_id", String, primary_key=True),
    Column("position", Integer, nullable=False, default=0),
    Index("ix_event_claims_claim", "claim_id"),
)

event_figures = Table(
    "event_figures", metadata,
    Column("event_id", String, ForeignKey("events.id", ondelete="CASCADE"),
           primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("claim_id", String, nullable=False),
    Column("report_id", String, nullable=False),
    Column("outlet", String),
    Column("bloc", String),
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("arrests", Integer),
    Column("crowd_min", Integer),
    Column("crowd_max", Integer),
    Column("crowd_text", Text),
)

merge_actions = Table(
    "merge_actions", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("action", String, nullable=False),
    Column("event_ids", JSON, nullable=False),
    Column("claim_ids", JSON, nullable=False),
    Column("actor", Text, nullable=False, default="auto"),
    Column("reason", Text, nullable=False, default=""),
    Column("at", UTCDateTime),
    Column("undoes", String),
    Column("payload", JSON, nullable=False),  # list of [key, value] pairs
)

merge_action_events = Table(
    "merge_action_events", metadata,
    Column("action_id", String, ForeignKey("merge_actions.id", ondelete="CASCADE"),
           primary_key=True),
    Column("event_id", String, primary_key=True),
    Index("ix_merge_action_events_event", "event_id"),
)

alerts = Table(
    "alerts", metadata,
    Column("watch", String, primary_key=True),
    Column("event_id", String, primary_key=True),
    Column("fired_at", UTCDateTime, nullable=False),
    Column("message", Text, nullable=False, default=""),
    # added by migration 6 (nullable: ALTER TABLE adds them to older databases)
    Column("case_name", String),
    Column("title", Text),
    Column("fingerprint", String),
    Column("suppressed", Boolean),
    Column("payload", JSON),  # list of [key, value] pairs: the event as the alert saw it
)  # the primary key makes an alert unique per (watch, event)

# --- created by migration 6: alert outbox, checked events, watches added by hand -------------

alert_deliveries = Table(
    "alert_deliveries", metadata,
    Column("watch", String, primary_key=True),
    Column("event_id", String, primary_key=True),
    Column("channel", String, primary_key=True),  # "webhook", "email"
    Column("status", String, nullable=False),  # model.DELIVERY_STATUSES
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt", UTCDateTime),
    Column("last_error", Text, nullable=False, default=""),
    Column("sent_at", UTCDateTime),
    Index("ix_alert_deliveries_due", "status", "next_attempt"),
)

watch_checks = Table(
    "watch_checks", metadata,
    Column("case_name", String, primary_key=True),  # "" for watches of no case
    Column("event_id", String, primary_key=True),
    Column("fingerprint", String, nullable=False),  # the event version last checked
    Column("checked_at", UTCDateTime),
)

added_watches = Table(
    "added_watches", metadata,  # `sitroom watches add`: kept apart, so a case reload keeps them
    Column("case_name", String, primary_key=True),
    Column("key", String, primary_key=True),
    Column("title", Text, nullable=False),
    Column("query", JSON, nullable=False),
    Column("added_at", UTCDateTime),
)

# Tables created by migration 1, in dependency order.
V1_TABLES = (
    schema_version, cases, outlets, case_outlets, actors, actor_aliases, case_actors, ties,
    hypotheses, watches, reports, report_signatures, feed_state, errors, claims, events,
    event_claims, event_figures, merge_actions, merge_action_events, alerts,
)

# Created by migration 4: each published situation report, with the snapshot of its events
# (event id -> fingerprint) that the next report of the case compares against.
sitreps = Table(
    "sitreps", metadata,
    Column("id", String, primary_key=True),
    Column("case_name", String, nullable=False),
    Column("generated_at", UTCDateTime, nullable=False),
    Column("since", Date, nullable=False),
    Column("until", Date, nullable=False),
    Column("format", String, nullable=False),
    Column("path", Text, nullable=False, default=""),
    Column("snapshot", JSON, nullable=False),
    Index("ix_sitreps_case_generated", "case_name", "generated_at"),
)

# --- analysis (migration 5): analyst evidence and decisions on proposed ratings ----------------

evidence_notes = Table(
    "evidence_notes", metadata,
    Column("id", String, primary_key=True),
    Column("case_name", String, nullable=False),
    Column("hypothesis", String, nullable=False),
    Column("rating", String, nullable=False),
    Column("text", Text, nullable=False, default=""),
    Column("evidence_date", Date),
    Column("event_id", String),
    Column("credibility", Float),
    Column("relevance", Float, nullable=False, default=1.0),
    Column("author", Text, nullable=False, default=""),
    Column("created_at", UTCDateTime),
    Index("ix_evidence_notes_case", "case_name"),
)

rating_decisions = Table(
    "rating_decisions", metadata,
    Column("id", String, primary_key=True),  # the proposed rating's id
    Column("case_name", String, nullable=False),
    Column("item", Text, nullable=False),
    Column("hypothesis", String, nullable=False),
    Column("status", String, nullable=False),  # confirmed, rejected
    Column("rating", String, nullable=False, default=""),
    Column("proposed", String, nullable=False, default=""),
    Column("author", Text, nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),
    Column("decided_at", UTCDateTime),
    Index("ix_rating_decisions_case", "case_name"),
)

ANALYSIS_TABLES = (evidence_notes, rating_decisions)  # created by migration 5

# --- factions (migration 6): ties proposed from coded events and the analyst's decisions --------

proposed_ties = Table(
    "proposed_ties", metadata,
    Column("id", String, primary_key=True),  # stable for what is proposed (watch/ties.py)
    Column("case_name", String, nullable=False),
    Column("source", String, nullable=False),
    Column("relation", String, nullable=False),
    Column("target", String, nullable=False, default=""),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("ends", Boolean, nullable=False, default=False),  # ends a role rather than a new tie
    Column("rule", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("event_ids", JSON, nullable=False),
    Column("report_ids", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),  # the coded sentences read
    Column("confidence", Float, nullable=False, default=0.0),
    Column("status", String, nullable=False, default="proposed"),  # proposed/accepted/rejected
    Column("decided_by", Text, nullable=False, default=""),
    Column("decided_at", UTCDateTime),
    Column("reason", Text, nullable=False, default=""),
    Column("proposed_at", UTCDateTime),
    Index("ix_proposed_ties_case", "case_name", "status"),
)

FACTION_TABLES = (proposed_ties,)  # created by migration 6
