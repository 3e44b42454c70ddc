"""Fixtures shared by every test: stores on SQLite (file and memory) and on PostgreSQL.

``store`` runs a test on both backends. Each PostgreSQL test gets its own fresh schema (dropped
afterwards), so tests never see each other's rows. The server comes from
``SITROOM_TEST_POSTGRES_URL`` (default: the local one). When it cannot be reached the PostgreSQL
tests are skipped and the run's output ends with a line saying so, unless
``SITROOM_REQUIRE_POSTGRES=1`` (CI), which makes them fail with the reason instead.

Fixtures: ``sqlite_store`` (a SQLite file in tmp_path), ``memory_store`` (``sqlite://``),
``postgres_store``, ``store`` (parametrised: sqlite, postgres), ``postgres_url`` (a URL into a
fresh schema, for code that opens its own store) and ``store_url`` (parametrised, unopened).
A test that opens a store itself must close it.
"""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Iterator

import pytest

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
_PG_SKIPPED = pytest.StashKey[str]()
_PG_PROBE = pytest.StashKey[tuple[str, str | None]]()


def postgres_base_url() -> str:
    """The server the PostgreSQL tests use (psycopg 3 URL)."""
    from sitroom.store.engine import normalise_url

    return normalise_url(os.environ.get("SITROOM_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL)


def _libpq_dsn(url: str) -> str:
    """A SQLAlchemy URL as a libpq connection string psycopg understands."""
    from psycopg.conninfo import make_conninfo
    from sqlalchemy.engine import make_url

    u = make_url(url)
    parts = {"host": u.host, "port": u.port, "user": u.username, "password": u.password,
             "dbname": u.database}
    return make_conninfo(**{k: v for k, v in parts.items() if v is not None})


def _probe(config: pytest.Config) -> tuple[str, str | None]:
    """(url, None) if the server answers, else (url, why not); asked once per session."""
    if _PG_PROBE not in config.stash:
        url = postgres_base_url()
        reason = None
        try:
            import psycopg

            with psycopg.connect(_libpq_dsn(url), connect_timeout=3) as conn:
                conn.execute("SELECT 1")
        except Exception as exc:
            reason = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc) else ''}"
        config.stash[_PG_PROBE] = (url, reason)
    return config.stash[_PG_PROBE]


@pytest.fixture
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A URL whose connections land in a fresh, private schema (dropped after the test)."""
    import psycopg
    from sqlalchemy.engine import make_url

    from sitroom.store.engine import mask_url

    url, reason = _probe(request.config)
    if reason:
        message = f"PostgreSQL at {mask_url(url)} unreachable: {reason}"
        if os.environ.get("SITROOM_REQUIRE_POSTGRES") == "1":
            pytest.fail(message + " (SITROOM_REQUIRE_POSTGRES=1)", pytrace=False)
        request.config.stash[_PG_SKIPPED] = message
        pytest.skip(message)
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(_libpq_dsn(url), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield make_url(url).update_query_dict(
            {"options": f"-csearch_path={schema}"}
        ).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(_libpq_dsn(url), autocommit=True) as conn:
            # A connection the test leaked inside a transaction would block the drop forever.
            conn.execute("SET lock_timeout = '10s'")
            try:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            except psycopg.errors.LockNotAvailable:
                warnings.warn(f"schema {schema} left behind: a connection still uses it "
                              "(close every store the test opened)", stacklevel=1)


@pytest.fixture
def sqlite_store(tmp_path):
    """A fresh, migrated SQLite file store in the test's temporary directory."""
    from sitroom.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'sitroom.sqlite'}")
    yield store
    store.close()


@pytest.fixture
def memory_store():
    """A fresh, migrated in-memory SQLite store."""
    from sitroom.store import open_store

    store = open_store("sqlite://")
    yield store
    store.close()


@pytest.fixture
def postgres_store(postgres_url):
    """A fresh, migrated PostgreSQL store in its own schema."""
    from sitroom.store import open_store

    store = open_store(postgres_url)
    yield store
    store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest):
    """The same test on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_store")
    return request.getfixturevalue("postgres_store")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A database URL (not yet opened) on each backend: a SQLite file, a fresh PG schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'sitroom.sqlite'}"
    return request.getfixturevalue("postgres_url")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Say plainly, as the run's last line, when the PostgreSQL half of the suite did not run."""
    message = config.stash.get(_PG_SKIPPED, None)
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if message and reporter is not None:
        reporter.write_line(
            f"PostgreSQL tests did not run: {message} (set SITROOM_TEST_POSTGRES_URL)"
        )
