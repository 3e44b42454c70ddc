"""Published situation reports: when, for which period, and the snapshot the next one diffs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import insert, select

from sitroom.store.base import SqlBase
from sitroom.store.schema import sitreps


@dataclass(frozen=True)
class PublishedReport:
    id: str
    case: str
    generated: datetime
    since: date
    until: date
    format: str
    path: str
    snapshot: dict[str, str]


class SitrepStore(SqlBase):
    def save_sitrep(self, case: str, generated: datetime, since: date, until: date, fmt: str,
                    path: str, snapshot: dict[str, str]) -> str:
        """Record a published report; return its id."""
        report_id = uuid.uuid4().hex
        with self._write() as conn:
            conn.execute(insert(sitreps).values(
                id=report_id, case_name=case, generated_at=generated, since=since, until=until,
                format=fmt, path=path, snapshot=snapshot))
        return report_id

    def last_sitrep(self, case: str) -> PublishedReport | None:
        """The newest report published for ``case``, if any."""
        stmt = (select(sitreps).where(sitreps.c.case_name == case)
                .order_by(sitreps.c.generated_at.desc(), sitreps.c.id).limit(1))
        with self._read() as conn:
            row = conn.execute(stmt).mappings().first()
        if row is None:
            return None
        return PublishedReport(id=row["id"], case=row["case_name"], generated=row["generated_at"],
                               since=row["since"], until=row["until"], format=row["format"],
                               path=row["path"], snapshot=dict(row["snapshot"]))
