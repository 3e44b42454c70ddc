"""The one store implementation, over SQLAlchemy Core, for SQLite and PostgreSQL alike."""

from __future__ import annotations

from sqlalchemy import text

from sitroom.errors import StoreError
from sitroom.store import migrations
from sitroom.store.accounts import AccountStore
from sitroom.store.alerts import AlertStore
from sitroom.store.analysis import AnalysisStore
from sitroom.store.catalogue import CatalogueStore
from sitroom.store.events import EventStore
from sitroom.store.proposals import ProposalStore
from sitroom.store.queries import QueryStore
from sitroom.store.reports import ReportStore
from sitroom.store.sitreps import SitrepStore


class SqlStore(CatalogueStore, ReportStore, EventStore, SitrepStore, AnalysisStore,
               ProposalStore, AlertStore, AccountStore, QueryStore):
    """Implements ``sitroom.store.api.Store``; dialect differences live in engine and fulltext."""

    def migrate(self) -> int:
        """Apply pending numbered migrations; return the schema version now in force."""
        with self._guard:
            return migrations.migrate(self.engine)

    def schema_version(self) -> int:
        """The migration the database is at (0 before the first)."""
        with self._read() as conn:
            return migrations.current_version(conn)

    def check(self) -> list[str]:
        """Problems found by the database's own integrity checks (empty when all is well)."""
        problems: list[str] = []
        version = self.schema_version()
        if version != migrations.LATEST:
            problems.append(f"schema is at version {version}, this sitroom expects "
                            f"{migrations.LATEST} (run `sitroom init`)")
        with self._read() as conn:
            if self.dialect != "sqlite":
                conn.execute(text("SELECT 1"))
                return problems
            found = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            problems += [p for p in found if p != "ok"]
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            problems += [f"foreign key broken: {tuple(r)}" for r in fk]
        try:
            with self._write() as conn:
                conn.exec_driver_sql(
                    "INSERT INTO reports_fts(reports_fts, rank) VALUES ('integrity-check', 1)"
                )
        except StoreError as exc:
            problems.append(f"full-text index: {exc}")
        return problems
