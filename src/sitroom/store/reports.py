"""Reports (idempotent adds, filters, search), their signatures, feed state and errors."""

from __future__ import annotations

import functools
import zlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, Select, func, or_, select, update

from sitroom.errors import NotFound, StoreError
from sitroom.model import REPORT_KINDS, REVIEW_STATUSES, ErrorRecord, Report
from sitroom.store import fulltext, rows
from sitroom.store.api import AddResult, FeedState, ReportQuery, SearchHit
from sitroom.store.base import SqlBase
from sitroom.store.engine import insert_ignore, upsert
from sitroom.store.schema import errors, feed_state, report_signatures, reports

# Columns a Report is read from; listings leave out ``raw``, which is read on demand.
_FULL = [c for c in reports.c if c.name != "url_hash"]
_LIGHT = [c for c in _FULL if c.name != "raw"]
_FEED_COLS = [c.name for c in feed_state.c if c.name != "url"]
ALL = ReportQuery()  # the default query: every report, first 100 when listing


def _duplicate_status(existing: Any, row: dict[str, Any]) -> str:
    """Why an insert was refused: the canonical URL wins over the content, then the id."""
    if row["canonical_url"] and existing.canonical_url == row["canonical_url"]:
        return "duplicate-url"
    if existing.content_hash == row["content_hash"]:
        return "duplicate-content"
    return "duplicate-id"


class ReportStore(SqlBase):
    """Reports go in once: the unique canonical URL and content hash decide, even under races."""

    # --- adding ------------------------------------------------------------------------------

    @functools.cached_property
    def _insert_report(self) -> Any:
        """The insert-or-ignore of a report, built once (SQLAlchemy then reuses its compilation)."""
        return insert_ignore(self.dialect, reports).returning(reports.c.seq)

    @functools.cached_property
    def _upsert_signature(self) -> Any:
        return upsert(self.dialect, report_signatures, ["report_id"], ["signature"])

    def add_report(self, report: Report, signature: bytes | None = None) -> AddResult:
        """Insert unless the canonical URL or content hash is already stored (then say which).

        Atomic: a killed process leaves the report either wholly stored or absent. A
        ``signature`` (MinHash) given here is stored in the same transaction, if the report is new.
        """
        signatures = {report.id: signature} if signature is not None else None
        return self.add_reports([report], signatures)[0]

    def add_reports(
        self, reports: Iterable[Report], signatures: Mapping[str, bytes] | None = None
    ) -> list[AddResult]:
        """Add many reports in one transaction; one result per report, in order.

        ``signatures`` maps report ids to MinHash signatures, kept for the reports that are new.
        """
        prepared = [self._prepare(r) for r in reports]
        if not prepared:
            return []
        with self._write() as conn:
            results = [self._insert_one(conn, row) for row in prepared]
            keep = [{"report_id": r.report_id, "signature": bytes(signatures[r.report_id])}
                    for r in results if r.is_new and signatures and r.report_id in signatures]
            if keep:
                conn.execute(self._upsert_signature, keep)
            return results

    @staticmethod
    def _prepare(report: Report) -> dict[str, Any]:
        if report.kind not in REPORT_KINDS:
            raise StoreError(f"report {report.id!r}: kind {report.kind!r} is not one of "
                             f"{', '.join(REPORT_KINDS)}")
        if not report.id:
            raise StoreError("a report needs an id (see collect's identity rules)")
        if report.review_status and report.review_status not in REVIEW_STATUSES:
            raise StoreError(f"report {report.id!r}: review status {report.review_status!r} "
                             f"is not one of {', '.join(REVIEW_STATUSES)}")
        return rows.report_row(report)

    def _insert_one(self, conn: Connection, row: dict[str, Any]) -> AddResult:
        # ON CONFLICT DO NOTHING covers every unique constraint (id, URL hash, content hash)
        # and, on PostgreSQL, waits for a racing writer's insert to commit or roll back first,
        # so a duplicate never raises, even under races; SQLite serialises writers anyway.
        if conn.execute(self._insert_report, row).first() is not None:
            return AddResult(report_id=row["id"], status="new")
        clash = [reports.c.content_hash == row["content_hash"], reports.c.id == row["id"]]
        if row["url_hash"]:
            clash.append(reports.c.url_hash == row["url_hash"])
        found = conn.execute(
            select(reports.c.id, reports.c.canonical_url, reports.c.content_hash)
            .where(or_(*clash)).order_by(reports.c.seq)
        ).all()
        if not found:
            raise StoreError(f"report {row['id']!r} was refused by the database but no "
                             "stored report clashes with it")
        best = min(found, key=lambda e: ("duplicate-url", "duplicate-content",
                                         "duplicate-id").index(_duplicate_status(e, row)))
        return AddResult(report_id=best.id, status=_duplicate_status(best, row),
                         existing_id=best.id)

    def has_url(self, canonical_url: str) -> bool:
        with self._read() as conn:
            stmt = select(reports.c.seq).where(reports.c.url_hash == rows.url_hash(canonical_url))
            return conn.execute(stmt).first() is not None

    def known_urls(self, canonical_urls: Iterable[str]) -> set[str]:
        """Which of these canonical URLs are stored (one query per 500, not one per URL)."""
        urls = list(dict.fromkeys(u for u in canonical_urls if u))
        found: set[str] = set()
        with self._read() as conn:
            for start in range(0, len(urls), 500):
                part = {rows.url_hash(u): u for u in urls[start:start + 500]}
                stmt = select(reports.c.url_hash).where(reports.c.url_hash.in_(list(part)))
                found.update(part[h] for h in conn.execute(stmt).scalars())
        return found

    # --- updating the few mutable fields -------------------------------------------------------

    def _update(self, report_id: str, must_exist: str | None = None, **values: Any) -> None:
        """Set columns of one report, in one transaction; ``must_exist`` names another report
        the change refers to."""
        with self._write() as conn:
            if must_exist is not None:
                stmt = select(reports.c.seq).where(reports.c.id == must_exist)
                if conn.execute(stmt).first() is None:
                    raise NotFound(f"no report {must_exist!r} (the original)")
            done = conn.execute(
                update(reports).where(reports.c.id == report_id).values(**values)
            ).rowcount
            if not done:
                raise NotFound(f"no report {report_id!r}")

    def set_near_duplicate(self, report_id: str, original_id: str) -> None:
        """Link a wire copy to its original (both must be stored)."""
        if report_id == original_id:
            raise StoreError(f"report {report_id!r} cannot be a near-duplicate of itself")
        self._update(report_id, must_exist=original_id, near_duplicate_of=original_id)

    def set_review_status(self, report_id: str, status: str) -> None:
        if status not in REVIEW_STATUSES:
            raise StoreError(f"review status {status!r} is not one of {', '.join(REVIEW_STATUSES)}")
        self._update(report_id, review_status=status)

    # --- reading -----------------------------------------------------------------------------

    def get_report(self, report_id: str) -> Report:
        """The whole report, ``raw`` (compressed, as stored) included; NotFound if absent."""
        with self._read() as conn:
            stmt = select(*_FULL).where(reports.c.id == report_id)
            row = conn.execute(stmt).mappings().first()
        if row is None:
            raise NotFound(f"no report {report_id!r}")
        return rows.report_from(row)

    def get_raw(self, report_id: str) -> bytes | None:
        """The decompressed original bytes of a report, if kept."""
        with self._read() as conn:
            row = conn.execute(select(reports.c.raw).where(reports.c.id == report_id)).first()
        if row is None:
            raise NotFound(f"no report {report_id!r}")
        if row.raw is None:
            return None
        try:
            return zlib.decompress(row.raw)
        except zlib.error as exc:
            raise StoreError(f"report {report_id!r}: stored raw bytes are damaged: {exc}") from exc

    def _filtered(self, stmt: Select, query: ReportQuery) -> Select:
        c = reports.c
        conditions = [
            (query.case, c.case_name == query.case),
            (query.outlet, c.outlet == query.outlet),
            (query.kind, c.kind == query.kind),
            (query.lang, c.lang == query.lang),
            (query.review_status, c.review_status == query.review_status),
        ]
        for given, condition in conditions:
            if given is not None:
                stmt = stmt.where(condition)
        when = func.coalesce(c.published, c.fetched)
        if query.since is not None:
            stmt = stmt.where(when >= query.since)
        if query.until is not None:
            stmt = stmt.where(when < query.until)
        if not query.include_duplicates:
            stmt = stmt.where(c.duplicate_of.is_(None), c.near_duplicate_of.is_(None))
        return stmt

    def _columns(self, query: ReportQuery) -> list:
        return _FULL if query.with_raw else _LIGHT

    def list_reports(self, query: ReportQuery = ALL) -> list[Report]:
        """Matching reports, oldest stored first (newest published first with ``newest_first``).

        ``raw`` is left out (None) unless ``query.with_raw``; ``get_raw`` reads one on demand.
        """
        stmt = self._filtered(select(*self._columns(query)), query)
        if query.newest_first:
            when = func.coalesce(reports.c.published, reports.c.fetched)
            stmt = stmt.order_by(when.desc().nulls_last(), reports.c.seq.desc())
        else:
            stmt = stmt.order_by(reports.c.seq)
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        if query.offset:
            stmt = stmt.offset(query.offset)
        with self._read() as conn:
            return [self._from_row(r) for r in conn.execute(stmt).mappings()]

    @staticmethod
    def _from_row(row: Any) -> Report:
        data = dict(row)
        data.setdefault("raw", None)
        return rows.report_from(data)

    def iter_reports(self, query: ReportQuery = ALL, batch: int = 500) -> Iterator[Report]:
        """All matching reports (``query.limit`` ignored), in stable order, batch by batch.

        No transaction stays open between batches, so the caller may write while iterating.
        """
        last = 0
        while True:
            stmt = self._filtered(select(*self._columns(query)), query)
            stmt = stmt.where(reports.c.seq > last).order_by(reports.c.seq).limit(batch)
            with self._read() as conn:
                page = list(conn.execute(stmt).mappings())
            for row in page:
                yield self._from_row(row)
            if len(page) < batch:
                return
            last = page[-1]["seq"]

    def count_reports(self, query: ReportQuery = ALL) -> int:
        stmt = self._filtered(select(func.count()).select_from(reports), query)
        with self._read() as conn:
            return int(conn.execute(stmt).scalar_one())

    def search_reports(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and text; best first, ``rank`` higher is better."""
        with self._read() as conn:
            found = fulltext.search(conn, text, limit)
        return [SearchHit(report_id=i, title=t, snippet=s, rank=r) for i, t, s, r in found]

    # --- signatures --------------------------------------------------------------------------

    def save_signature(self, report_id: str, signature: bytes) -> None:
        """Keep a MinHash signature so near-duplicate indexes rebuild without re-hashing."""
        self.save_signatures([(report_id, signature)])

    def save_signatures(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Keep many signatures in one transaction (replacing older ones)."""
        data = {rid: bytes(sig) for rid, sig in items}
        if not data:
            return
        with self._write() as conn:
            conn.execute(self._upsert_signature,
                         [{"report_id": k, "signature": v} for k, v in data.items()])

    def iter_signatures(self, batch: int = 5000) -> Iterator[tuple[str, bytes]]:
        """Every stored signature as (report_id, bytes), in report id order."""
        last = ""
        sig = report_signatures.c
        while True:
            stmt = select(sig.report_id, sig.signature).where(sig.report_id > last)
            with self._read() as conn:
                page = conn.execute(stmt.order_by(sig.report_id).limit(batch)).all()
            for rid, blob in page:
                yield rid, bytes(blob)
            if len(page) < batch:
                return
            last = page[-1][0]

    # --- feeds and errors --------------------------------------------------------------------

    def get_feed_state(self, url: str) -> FeedState | None:
        with self._read() as conn:
            row = conn.execute(select(feed_state).where(feed_state.c.url == url)).mappings().first()
        return rows.feed_state_from(row) if row else None

    def list_feed_states(self) -> list[FeedState]:
        """Every feed's state, ordered by URL (what ``watch`` resumes from)."""
        with self._read() as conn:
            found = conn.execute(select(feed_state).order_by(feed_state.c.url)).mappings().all()
        return [rows.feed_state_from(r) for r in found]

    def save_feed_state(self, state: FeedState) -> None:
        with self._write() as conn:
            conn.execute(upsert(self.dialect, feed_state, ["url"], _FEED_COLS),
                         rows.feed_state_row(state))

    def record_error(self, error: ErrorRecord) -> None:
        self.record_errors([error])

    def record_errors(self, items: Iterable[ErrorRecord]) -> None:
        """Record many errors in one transaction."""
        data = [rows.error_row(e) for e in items]
        if data:
            with self._write() as conn:
                conn.execute(errors.insert(), data)

    def list_errors(self, stage: str | None = None, limit: int = 100) -> list[ErrorRecord]:
        """The latest ``limit`` errors (of a stage), oldest of them first."""
        stmt = select(errors).order_by(errors.c.id.desc()).limit(limit)
        if stage is not None:
            stmt = stmt.where(errors.c.stage == stage)
        with self._read() as conn:
            found = conn.execute(stmt).mappings().all()
        return [rows.error_from(r) for r in reversed(found)]

    def count_errors(self, stage: str | None = None) -> int:
        stmt = select(func.count()).select_from(errors)
        if stage is not None:
            stmt = stmt.where(errors.c.stage == stage)
        with self._read() as conn:
            return int(conn.execute(stmt).scalar_one())
