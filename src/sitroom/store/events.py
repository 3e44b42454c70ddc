"""Claims (write-once), events with their claims and figures, merge history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime

from sqlalchemy import Connection, delete, exists, func, select

from sitroom.errors import NotFound
from sitroom.model import Claim, Event, MergeAction, OutletFigures
from sitroom.store import rows, schema
from sitroom.store.base import SqlBase, chunks, unique
from sitroom.store.engine import insert_ignore
from sitroom.store.schema import (
    claims,
    event_claims,
    event_figures,
    events,
    merge_action_events,
    merge_actions,
    reports,
)


class EventStore(SqlBase):
    """Claims are inserted, never updated; events are replaced whole, in batches."""

    # --- claims ------------------------------------------------------------------------------

    def add_claims(self, claims: Iterable[Claim]) -> int:
        """Insert claims (never update; an existing id is skipped); return how many were new."""
        data = list({r["id"]: r for r in map(rows.claim_row, claims)}.values())
        if not data:
            return 0
        table = schema.claims  # the parameter keeps the Protocol's name
        new = 0
        with self._write() as conn:
            for part in chunks(data):
                ids = [r["id"] for r in part]
                known = set(conn.execute(select(table.c.id).where(table.c.id.in_(ids))).scalars())
                fresh = [r for r in part if r["id"] not in known]
                if fresh:
                    conn.execute(insert_ignore(self.dialect, table), fresh)
                    new += len(fresh)
        return new

    def list_claims(
        self, report_id: str | None = None, coder_version: str | None = None
    ) -> list[Claim]:
        """Claims of a report (and coder version), in document order."""
        stmt = select(claims).order_by(claims.c.doc_id, claims.c.coder_version,
                                       claims.c.claim_index, claims.c.id)
        if report_id is not None:
            stmt = stmt.where(claims.c.doc_id == report_id)
        if coder_version is not None:
            stmt = stmt.where(claims.c.coder_version == coder_version)
        with self._read() as conn:
            return [rows.claim_from(r) for r in conn.execute(stmt).mappings()]

    def get_claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        """The stored claims among these ids, in the order asked."""
        found: dict[str, Claim] = {}
        with self._read() as conn:
            for part in chunks(unique(claim_ids)):
                for r in conn.execute(select(claims).where(claims.c.id.in_(part))).mappings():
                    found[r["id"]] = rows.claim_from(r)
        return [found[i] for i in claim_ids if i in found]

    def iter_claims(self, batch: int = 1000) -> Iterator[Claim]:
        """Every claim, in id order, batch by batch (no transaction held between batches)."""
        last = ""
        while True:
            stmt = select(claims).where(claims.c.id > last).order_by(claims.c.id).limit(batch)
            with self._read() as conn:
                page = [rows.claim_from(r) for r in conn.execute(stmt).mappings()]
            yield from page
            if len(page) < batch:
                return
            last = page[-1].id

    def count_claims(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(claims)).scalar_one())

    def count_events(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(events)).scalar_one())

    # --- events ------------------------------------------------------------------------------

    def save_events(self, events: Sequence[Event]) -> None:
        """Upsert events with their claim links and per-outlet figures (each replaced whole)."""
        self.apply_merge(save=events)

    def apply_merge(
        self,
        save: Sequence[Event] = (),
        delete: Sequence[str] = (),
        actions: Sequence[MergeAction] = (),
    ) -> None:
        """Delete, save and record a merge step in ONE transaction (all or nothing)."""
        by_id = {e.id: e for e in save}
        gone = [i for i in unique(delete) if i not in by_id]
        if not (by_id or gone or actions):
            return
        with self._write() as conn:
            self._delete_events(conn, gone + list(by_id))
            if by_id:
                self._insert_events(conn, list(by_id.values()))
            for action in actions:
                self._add_merge_action(conn, action)

    @staticmethod
    def _insert_events(conn: Connection, items: Sequence[Event]) -> None:
        conn.execute(events.insert(), [rows.event_row(e) for e in items])
        links = [r for e in items for r in rows.event_claim_rows(e)]
        if links:
            conn.execute(event_claims.insert(), links)
        figures = [r for e in items for r in rows.figure_rows(e)]
        if figures:
            conn.execute(event_figures.insert(), figures)

    @staticmethod
    def _delete_events(conn: Connection, ids: Sequence[str]) -> None:
        # Children first: cascades need foreign keys on, and this keeps both backends alike.
        for part in chunks(ids):
            for table in (event_claims, event_figures):
                conn.execute(delete(table).where(table.c.event_id.in_(part)))
            conn.execute(delete(events).where(events.c.id.in_(part)))

    def delete_events(self, event_ids: Sequence[str]) -> None:
        """Remove events (their claims stay); unknown ids are ignored."""
        ids = unique(event_ids)
        if ids:
            with self._write() as conn:
                self._delete_events(conn, ids)

    def get_event(self, event_id: str) -> Event:
        """Raise NotFound if absent."""
        with self._read() as conn:
            found = self._load_events(conn, select(events).where(events.c.id == event_id))
        if not found:
            raise NotFound(f"no event {event_id!r}")
        return found[0]

    def get_events(self, event_ids: Sequence[str]) -> list[Event]:
        """The stored events among these ids, in the order asked."""
        found: dict[str, Event] = {}
        with self._read() as conn:
            for part in chunks(unique(event_ids)):
                for e in self._load_events(conn, select(events).where(events.c.id.in_(part))):
                    found[e.id] = e
        return [found[i] for i in event_ids if i in found]

    def events_of_claims(self, claim_ids: Sequence[str]) -> dict[str, str]:
        """Which event holds each of these claims (claim id -> event id), where one does."""
        out: dict[str, str] = {}
        with self._read() as conn:
            for part in chunks(unique(claim_ids)):
                stmt = select(event_claims.c.claim_id, event_claims.c.event_id).where(
                    event_claims.c.claim_id.in_(part)
                )
                out.update({c: e for c, e in conn.execute(stmt)})
        return out

    def _load_events(self, conn: Connection, stmt) -> list[Event]:
        found = list(conn.execute(stmt).mappings())
        ids = [r["id"] for r in found]
        links: dict[str, list[str]] = defaultdict(list)
        figures: dict[str, list[OutletFigures]] = defaultdict(list)
        for part in chunks(ids):
            q = (select(event_claims).where(event_claims.c.event_id.in_(part))
                 .order_by(event_claims.c.event_id, event_claims.c.position))
            for r in conn.execute(q).mappings():
                links[r["event_id"]].append(r["claim_id"])
            q = (select(event_figures).where(event_figures.c.event_id.in_(part))
                 .order_by(event_figures.c.event_id, event_figures.c.position))
            for r in conn.execute(q).mappings():
                figures[r["event_id"]].append(rows.figures_from(r))
        return [rows.event_from(r, tuple(links[r["id"]]), tuple(figures[r["id"]]))
                for r in found]

    def list_events(
        self,
        case: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        event_type: str | None = None,
        country: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Events by date (then id). ``country`` matches the ISO3 code or the country name;
        ``case`` keeps events with a claim from a report of that case; ``until`` is exclusive."""
        stmt = select(events).order_by(events.c.event_date.nulls_last(), events.c.id)
        if since is not None:
            stmt = stmt.where(events.c.event_date >= rows.as_date(since))
        if until is not None:
            stmt = stmt.where(events.c.event_date < rows.as_date(until))
        if event_type is not None:
            stmt = stmt.where(events.c.event_type == event_type)
        if country is not None:
            stmt = stmt.where((events.c.iso3 == country) | (events.c.country == country))
        if case is not None:
            in_case = (
                select(event_claims.c.event_id)
                .join(claims, claims.c.id == event_claims.c.claim_id)
                .join(reports, reports.c.id == claims.c.doc_id)
                .where(event_claims.c.event_id == events.c.id, reports.c.case_name == case)
            )
            stmt = stmt.where(exists(in_case))
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._read() as conn:
            return self._load_events(conn, stmt)

    # --- merge history -----------------------------------------------------------------------

    def add_merge_action(self, action: MergeAction) -> None:
        """Append one entry to the merge history (an id already recorded is left as it was)."""
        with self._write() as conn:
            self._add_merge_action(conn, action)

    def _add_merge_action(self, conn: Connection, action: MergeAction) -> None:
        stmt = insert_ignore(self.dialect, merge_actions).returning(merge_actions.c.seq)
        done = conn.execute(stmt, rows.merge_action_row(action)).first() is not None
        if done and action.event_ids:
            conn.execute(
                insert_ignore(self.dialect, merge_action_events),
                [{"action_id": action.id, "event_id": e} for e in unique(action.event_ids)],
            )

    def list_merge_actions(self, event_id: str | None = None) -> list[MergeAction]:
        """The history in the order it was written, of all events or those touching one."""
        stmt = select(merge_actions).order_by(merge_actions.c.seq)
        if event_id is not None:
            stmt = stmt.where(merge_actions.c.id.in_(
                select(merge_action_events.c.action_id)
                .where(merge_action_events.c.event_id == event_id)
            ))
        with self._read() as conn:
            return [rows.merge_action_from(r) for r in conn.execute(stmt).mappings()]
