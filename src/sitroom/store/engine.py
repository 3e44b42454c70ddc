"""Opening a database: URL rules, SQLite pragmas and the few statements that differ by dialect."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from sitroom.errors import ConfigError

BUSY_TIMEOUT_MS = 30_000


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` and route them to psycopg 3."""
    url = url.strip()
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def mask_url(url: str) -> str:
    """The URL with its password hidden, for printing."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def backend_of(url: str) -> str:
    """"sqlite" or "postgresql"; anything else is a configuration error."""
    try:
        name = make_url(url).get_backend_name()
    except ArgumentError as exc:
        raise ConfigError(f"database URL {mask_url(url)!r} is not a valid URL") from exc
    if name not in ("sqlite", "postgresql"):
        raise ConfigError(
            f"database URL {mask_url(url)!r}: sitroom stores in SQLite or PostgreSQL, not {name}"
        )
    return name


def set_sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any = None) -> None:
    """Every SQLite connection: WAL, foreign keys, a busy timeout, NORMAL sync; we issue BEGIN."""
    dbapi_conn.isolation_level = None  # the driver must not open transactions behind our back
    from sitroom.reading.stemming import stem_text  # the stemmed search index's triggers call it

    dbapi_conn.create_function("sitroom_stem", 1, stem_text, deterministic=True)
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: the others may wait
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
    finally:
        cur.close()


def _sqlite_begin(conn: Any) -> None:
    """Open SQLite transactions ourselves; writers ask for IMMEDIATE to take the lock up front."""
    mode = conn.get_execution_options().get("sqlite_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def make_engine(url: str) -> Engine:
    """An engine for the URL, with SQLite's pragmas and transaction handling installed."""
    url = normalise_url(url)
    backend = backend_of(url)
    if backend == "postgresql":
        return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=20)
    parsed = make_url(url)
    database = parsed.database or ""
    if database in ("", ":memory:"):
        # One shared connection, so every thread sees the same in-memory database.
        engine = create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        path = Path(database).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        url = parsed.set(database=str(path)).render_as_string(hide_password=False)
        # Connections are cheap; many threads may each hold one while SQLite serialises writes.
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
                               pool_size=5, max_overflow=45)
    event.listen(engine, "connect", set_sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


@functools.cache
def insert_ignore(dialect: str, table: Table) -> Any:
    """INSERT that silently skips rows clashing with any unique constraint (built once)."""
    module = pg_dialect if dialect == "postgresql" else sqlite_dialect
    return module.insert(table).on_conflict_do_nothing()


def upsert(dialect: str, table: Table, keys: Sequence[str], columns: Sequence[str]) -> Any:
    """INSERT … ON CONFLICT (keys) DO UPDATE of ``columns`` (the same syntax on both backends)."""
    return _upsert(dialect, table, tuple(keys), tuple(columns))


@functools.cache
def _upsert(dialect: str, table: Table, keys: tuple[str, ...], columns: tuple[str, ...]) -> Any:
    module = pg_dialect if dialect == "postgresql" else sqlite_dialect
    stmt = module.insert(table)
    if not columns:
        return stmt.on_conflict_do_nothing(index_elements=list(keys))
    return stmt.on_conflict_do_update(
        index_elements=list(keys), set_={c: stmt.excluded[c] for c in columns}
    )
