"""What every part of the SQL store shares: the engine, short transactions, chunked IN lists."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from sitroom.errors import StoreError
from sitroom.store.engine import mask_url

T = TypeVar("T")
CHUNK = 500  # ids per IN (...) list; far below both backends' parameter limits


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """Consecutive slices of at most ``size`` items."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def unique(items: Iterable[T]) -> list[T]:
    """Items in first-seen order without repeats."""
    return list(dict.fromkeys(items))


class SqlBase:
    """Holds the engine; every method runs in one short read or write transaction."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name
        # An in-memory SQLite database is one shared connection: serialise its users.
        shared = self.dialect == "sqlite" and not engine.url.database
        self._guard = threading.RLock() if shared else nullcontext()

    @property
    def backend(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.dialect

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A connection for reading: a snapshot transaction on SQLite; on PostgreSQL, autocommit
        (READ COMMITTED gives each statement its own snapshot anyway, so BEGIN and ROLLBACK
        would only add round trips)."""
        with self._guard, self._errors(), self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction; SQLite takes its write lock up front (no upgrade deadlocks)."""
        with self._guard, self._errors(), self.engine.connect().execution_options(
            sqlite_begin="IMMEDIATE"
        ) as conn, conn.begin():
            yield conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Database failures surface as StoreError naming the (masked) database."""
        try:
            yield
        except IntegrityError as exc:
            raise StoreError(f"{mask_url(self.url)}: constraint violated: {exc.orig}") from exc
        except DBAPIError as exc:
            raise StoreError(f"{mask_url(self.url)}: {exc.orig}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"{mask_url(self.url)}: {exc}") from exc

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
