"""Alerts, their delivery outbox, the record of events checked, and watches added by hand."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import delete, func, select, update

from sitroom.model import Alert, Delivery, Watch
from sitroom.store import rows
from sitroom.store.base import SqlBase, chunks
from sitroom.store.engine import insert_ignore, upsert
from sitroom.store.schema import added_watches, alert_deliveries, alerts, watch_checks


class AlertStore(SqlBase):
    """A watch pass is written in one transaction: its alerts, their outbox rows, the checks."""

    def add_alert(self, alert: Alert) -> bool:
        """Record an alert once per (watch, event); return False if it had fired already."""
        return bool(self.record_watch_pass([alert], (), {}))

    def record_watch_pass(
        self, fired: Sequence[Alert], deliveries: Sequence[Delivery],
        checked: Mapping[tuple[str, str], str], at: datetime | None = None,
    ) -> list[Alert]:
        """Store new alerts (one per watch and event), the deliveries of those that were new,
        and the event versions checked ((case, event id) -> fingerprint); return the new ones."""
        new: list[Alert] = []
        with self._write() as conn:
            stmt = insert_ignore(self.dialect, alerts).returning(alerts.c.watch)
            for a in fired:
                if conn.execute(stmt, rows.alert_row(a)).first() is not None:
                    new.append(a)
            fresh = {(a.watch, a.event_id) for a in new}
            outbox = [rows.delivery_row(d) for d in deliveries
                      if (d.watch, d.event_id) in fresh]
            if outbox:
                conn.execute(insert_ignore(self.dialect, alert_deliveries), outbox)
            data = [{"case_name": c, "event_id": e, "fingerprint": f, "checked_at": at}
                    for (c, e), f in checked.items()]
            for part in chunks(data):
                conn.execute(upsert(self.dialect, watch_checks, ["case_name", "event_id"],
                                    ["fingerprint", "checked_at"]), list(part))
        return new

    def list_alerts(self, watch: str | None = None, *, case: str | None = None,
                    since: datetime | None = None, until: datetime | None = None,
                    limit: int | None = None) -> list[Alert]:
        """Alerts in the order they fired (``until`` exclusive)."""
        stmt = select(alerts).order_by(alerts.c.fired_at, alerts.c.watch, alerts.c.event_id)
        if watch is not None:
            stmt = stmt.where(alerts.c.watch == watch)
        if case is not None:
            stmt = stmt.where(func.coalesce(alerts.c.case_name, "") == case)
        if since is not None:
            stmt = stmt.where(alerts.c.fired_at >= since)
        if until is not None:
            stmt = stmt.where(alerts.c.fired_at < until)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._read() as conn:
            return [rows.alert_from(r) for r in conn.execute(stmt).mappings()]

    def checked_events(self, case: str = "") -> dict[str, str]:
        """Event id -> fingerprint of the version last checked against the watches of a case."""
        stmt = select(watch_checks.c.event_id, watch_checks.c.fingerprint).where(
            watch_checks.c.case_name == case)
        with self._read() as conn:
            return {e: f for e, f in conn.execute(stmt)}

    # --- the outbox --------------------------------------------------------------------------

    def due_deliveries(self, now: datetime, limit: int = 100) -> list[Delivery]:
        """Pending deliveries whose next attempt has come, oldest first."""
        stmt = (select(alert_deliveries)
                .where(alert_deliveries.c.status == "pending",
                       (alert_deliveries.c.next_attempt.is_(None))
                       | (alert_deliveries.c.next_attempt <= now))
                .order_by(alert_deliveries.c.next_attempt, alert_deliveries.c.watch,
                          alert_deliveries.c.event_id).limit(limit))
        with self._read() as conn:
            return [rows.delivery_from(r) for r in conn.execute(stmt).mappings()]

    def list_deliveries(self, *, watch: str | None = None, event_id: str | None = None,
                        status: str | None = None, channel: str | None = None
                        ) -> list[Delivery]:
        """Outbox rows, filtered, in (watch, event, channel) order."""
        t = alert_deliveries
        stmt = select(t).order_by(t.c.watch, t.c.event_id, t.c.channel)
        for column, value in (("watch", watch), ("event_id", event_id), ("status", status),
                              ("channel", channel)):
            if value is not None:
                stmt = stmt.where(t.c[column] == value)
        with self._read() as conn:
            return [rows.delivery_from(r) for r in conn.execute(stmt).mappings()]

    def save_deliveries(self, items: Sequence[Delivery]) -> None:
        """Write the new state of outbox rows after an attempt (rows not there are ignored)."""
        t = alert_deliveries
        with self._write() as conn:
            for d in items:
                row = rows.delivery_row(d)
                conn.execute(update(t).where(t.c.watch == d.watch, t.c.event_id == d.event_id,
                                             t.c.channel == d.channel).values(**row))

    # --- watches added with `sitroom watches add` --------------------------------------------

    def add_watch(self, watch: Watch, case: str = "", at: datetime | None = None) -> bool:
        """Keep a watch added by hand; False if one with this key is already in that case."""
        row = {**rows.watch_row(watch, case), "added_at": at}
        row.pop("seq")
        with self._write() as conn:
            stmt = insert_ignore(self.dialect, added_watches).returning(added_watches.c.key)
            return conn.execute(stmt, row).first() is not None

    def remove_watch(self, key: str, case: str = "") -> bool:
        """Forget a watch added by hand; False if there was none."""
        t = added_watches
        with self._write() as conn:
            done = conn.execute(delete(t).where(t.c.case_name == case, t.c.key == key))
            return bool(done.rowcount)

    def list_added_watches(self, case: str | None = None) -> list[tuple[str, Watch]]:
        """(case, watch) of the watches added by hand, in the order they were added."""
        t = added_watches
        stmt = select(t).order_by(t.c.added_at, t.c.key)
        if case is not None:
            stmt = stmt.where(t.c.case_name == case)
        with self._read() as conn:
            return [(r["case_name"], rows.watch_from(r)) for r in conn.execute(stmt).mappings()]
