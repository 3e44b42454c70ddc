"""The store: one schema, numbered migrations, one implementation for SQLite and PostgreSQL.

``open_store(url)`` opens and migrates; the returned object implements ``api.Store``. SQLAlchemy
is imported only when a store is opened, so commands that need none start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.store.api import AddResult, FeedState, ReportQuery, SearchHit, Store

if TYPE_CHECKING:
    from sitroom.store.sql import SqlStore

__all__ = ["AddResult", "FeedState", "ReportQuery", "SearchHit", "Store", "mask_url",
           "open_store"]


def open_store(url: str, *, migrate: bool = True) -> SqlStore:
    """Open the database at ``url`` (SQLite file, ``sqlite://`` in memory, or PostgreSQL).

    ``postgresql://`` and ``postgres://`` URLs are routed to psycopg 3. The schema is brought
    up to date unless ``migrate`` is False.
    """
    from sitroom.store.engine import make_engine, normalise_url
    from sitroom.store.sql import SqlStore

    url = normalise_url(url)
    store = SqlStore(make_engine(url), url)
    if migrate:
        try:
            store.migrate()
        except BaseException:
            store.close()
            raise
    return store


def mask_url(url: str) -> str:
    """The URL with its password hidden, for printing."""
    from sitroom.store.engine import mask_url as _mask

    return _mask(url)
