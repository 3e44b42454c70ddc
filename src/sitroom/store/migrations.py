"""Numbered migrations, recorded in ``schema_version``.

``MIGRATIONS`` is the ordered list of (version, description, function). ``migrate`` applies the
pending ones inside one transaction that first takes a lock (SQLite ``BEGIN IMMEDIATE``, a
PostgreSQL advisory lock), so two processes migrating at once apply each step exactly once.
A new migration is appended here; migration 1 creates the tables as ``schema.py`` declares them,
so later migrations that add a column must skip it when it is already there
(``add_column_if_missing``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Column, Connection, Engine, inspect, select
from sqlalchemy.exc import DBAPIError

from sitroom.errors import StoreError
from sitroom.store import fulltext, schema
from sitroom.store.accounts import create_account_tables
from sitroom.store.engine import mask_url

_PG_LOCK_KEY = 0x5117_8001  # any constant shared by every sitroom process


def _create_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.V1_TABLES), checkfirst=True)


def add_column_if_missing(conn: Connection, table: str, column: Column) -> None:
    """ALTER TABLE … ADD COLUMN, unless the column exists (created fresh by migration 1)."""
    names = {c["name"] for c in inspect(conn).get_columns(table)}
    if column.name not in names:
        col_type = column.type.compile(dialect=conn.dialect)
        conn.exec_driver_sql(f'ALTER TABLE {table} ADD COLUMN "{column.name}" {col_type}')


def _index_events_by_place_and_date(conn: Connection) -> None:
    """Merge looks candidates up by country and date window: one range scan per lookup."""
    for column in ("iso3", "country"):
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_events_{column}_date ON events ({column}, event_date)"
        )


def _create_sitreps(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.sitreps], checkfirst=True)


def _analysis_tables(conn: Connection) -> None:
    """Hypothesis indicator rules, analyst evidence notes and decisions on proposed ratings."""
    add_column_if_missing(conn, "hypotheses", schema.hypotheses.c.rules)
    schema.metadata.create_all(conn, tables=list(schema.ANALYSIS_TABLES), checkfirst=True)


def _faction_tables(conn: Connection) -> None:
    """Ties proposed from coded events, with the analyst's decisions."""
    schema.metadata.create_all(conn, tables=list(schema.FACTION_TABLES), checkfirst=True)


def _alert_outbox(conn: Connection) -> None:
    """Alerts keep what fired them; an outbox of deliveries; events checked once per version."""
    for column in ("case_name", "title", "fingerprint", "suppressed", "payload"):
        add_column_if_missing(conn, "alerts", Column(column, schema.alerts.c[column].type))
    schema.metadata.create_all(
        conn, tables=[schema.alert_deliveries, schema.watch_checks, schema.added_watches],
        checkfirst=True)
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_alerts_fired ON alerts (fired_at)")


Migration = tuple[int, str, Callable[[Connection], None]]

MIGRATIONS: tuple[Migration, ...] = (
    (1, "create the domain tables", _create_tables),
    (2, "full-text search over report titles and text", fulltext.create_fulltext),
    (3, "events indexed by country and date (merge candidates)", _index_events_by_place_and_date),
    (4, "situation reports published, for what changed since the last one", _create_sitreps),
    (5, "hypothesis rules, evidence notes, rating decisions", _analysis_tables),
    (6, "ties proposed from coded events, with decisions", _faction_tables),
    (7, "alerts: what fired them, a delivery outbox, events checked once", _alert_outbox),
    (8, "web accounts: users, sessions, API tokens, last looks, audit log; events by type",
     create_account_tables),
    (9, "search by word stems (English, Russian), backfilled", fulltext.create_stemmed),
)

LATEST = MIGRATIONS[-1][0]


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")


def current_version(conn: Connection) -> int:
    """The highest applied migration, 0 on an empty database."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(engine: Engine) -> int:
    """Apply pending migrations once, whoever else is migrating; return the version in force."""
    try:
        with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
            _lock(conn)
            version = current_version(conn)
            if version > LATEST:
                raise StoreError(
                    f"{mask_url(engine.url.render_as_string(hide_password=False))} is at schema "
                    f"version {version}, newer than this sitroom knows ({LATEST}): upgrade sitroom"
                )
            for number, description, apply in MIGRATIONS:
                if number <= version:
                    continue
                apply(conn)
                conn.execute(
                    schema.schema_version.insert().values(
                        version=number, description=description, applied_at=datetime.now(UTC)
                    )
                )
                version = number
            return version
    except DBAPIError as exc:
        where = mask_url(engine.url.render_as_string(hide_password=False))
        raise StoreError(f"cannot open or migrate {where}: {exc.orig or exc}") from exc
