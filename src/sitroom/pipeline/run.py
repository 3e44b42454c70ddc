"""``sitroom run``: poll, read, code, merge and check watches continuously; deliver alerts aside.

Each collection pass (on each outlet's own interval, see ``pipeline.collect.watch``) is followed
by coding the reports not yet coded, merging the new claims and checking the new or changed
events against the watches, so a report that appears in a feed becomes an event and, where a
rule matches, an alert. Alerts are delivered by a ``Deliverer`` thread from the outbox, so a slow
webhook never holds up the next pass. Every failure is recorded against its stage and the run
goes on; setting ``stop`` (SIGTERM in the CLI) ends it after the step in hand.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sitroom.model import ErrorRecord, Outlet, Report
from sitroom.pipeline.code import coder_for_case, document_of
from sitroom.pipeline.collect import CollectSummary, Progress, watch
from sitroom.pipeline.merge import MergeSummary, merge_store
from sitroom.pipeline.watch import (
    DeliverySummary,
    WatchSummary,
    check_watches,
    deliver_due,
    send_digests,
)
from sitroom.settings import Settings
from sitroom.store.api import ReportQuery, Store
from sitroom.watch.notify import Sender, senders_from


@dataclass(frozen=True)
class RunPass:
    """What one turn of the loop did, stage by stage."""

    collected: CollectSummary
    coded_reports: int
    new_claims: int
    merged: MergeSummary | None
    watched: WatchSummary
    errors: int
    seconds: float


def _record(store: Store, stage: str, source: str, exc: BaseException) -> None:
    store.record_error(ErrorRecord(stage=stage, source=source, message=str(exc) or repr(exc),
                                   at=datetime.now(UTC), kind=type(exc).__name__))


def coded_reports(store: Store, version: str) -> set[str]:
    """Ids of the reports that already have claims of this coder version."""
    return {c.doc_id for c in store.iter_claims() if c.coder_version == version}


def code_new_reports(store: Store, coder, done: set[str], *, case: str | None = None
                     ) -> tuple[int, int, int]:
    """Code the reports not in ``done`` (adding them to it); (reports, new claims, errors)."""
    todo: list[Report] = [r for r in store.iter_reports(
        ReportQuery(case=case, include_duplicates=False, limit=None)) if r.id not in done]
    new = errors = 0
    for report in todo:
        try:
            claims = coder.code(document_of(report, coder.countries_hint))
            if claims:
                new += store.add_claims(claims)
        except Exception as exc:  # one bad report is a recorded error, never a stopped run
            errors += 1
            _record(store, "code", report.id, exc)
        done.add(report.id)
    return len(todo), new, errors


class Deliverer:
    """A thread that sends due outbox rows (and digests on schedule) until closed."""

    def __init__(self, store: Store, senders: Mapping[str, Sender], settings: Settings, *,
                 every: float = 2.0) -> None:
        self.store, self.senders, self.settings, self.every = store, senders, settings, every
        self.totals = DeliverySummary()
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._loop, name="sitroom-deliver", daemon=True)
        self._last_digest = time.monotonic()

    def start(self) -> Deliverer:
        self._thread.start()
        return self

    def nudge(self) -> None:
        """Look at the outbox now (new alerts were stored)."""
        self._wake.set()

    def close(self, timeout: float = 30.0) -> None:
        """Stop after the delivery in hand."""
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _add(self, s: DeliverySummary) -> None:
        t = self.totals
        self.totals = DeliverySummary(t.sent + s.sent, t.retrying + s.retrying,
                                      t.failed + s.failed)

    def _loop(self) -> None:
        digest_every = self.settings.alert_digest_minutes * 60
        while not self._stop.is_set():
            try:
                self._add(deliver_due(self.store, self.senders, self.settings))
                if digest_every and time.monotonic() - self._last_digest >= digest_every:
                    self._last_digest = time.monotonic()
                    self._add(send_digests(self.store, self.senders, self.settings))
            except Exception as exc:  # the store or a sender broke: record, keep going
                with contextlib.suppress(Exception):
                    _record(self.store, "watch", "delivery", exc)
            self._wake.wait(self.every)
            self._wake.clear()


def run(
    store: Store,
    outlets: Sequence[Outlet],
    settings: Settings,
    *,
    stop: threading.Event,
    case: str | None = None,
    coder=None,
    senders: Mapping[str, Sender] | None = None,
    progress: Callable[[Progress], None] | None = None,
    max_sleep: float = 60.0,
    deliver_every: float = 2.0,
) -> Iterator[RunPass]:
    """Collect on each outlet's interval, then code, merge and check watches; yield each pass.

    ``coder`` defaults to the ``Coder`` of the case's actors and countries. Alerts go out on
    the ``senders`` (by default the channels the settings turn on) from a background thread.
    """
    if coder is None and case:  # the case's coder, as recode builds it
        coder = coder_for_case(store.get_case(case), settings.coding_processes)
    elif coder is None:
        from sitroom.coding import Coder

        coder = Coder(store.list_actors(), processes=settings.coding_processes)
    senders = senders_from(settings) if senders is None else senders
    done = coded_reports(store, coder.version)
    deliverer = Deliverer(store, senders, settings, every=deliver_every).start()
    first = True
    try:
        for collected in watch(store, outlets, settings, stop=stop, case=case,
                               progress=progress, max_sleep=max_sleep):
            started = time.monotonic()
            coded, claims, errors = code_new_reports(store, coder, done, case=case)
            merged = None
            if claims or first:
                try:
                    merged = merge_store(store, case=case)
                except Exception as exc:
                    errors += 1
                    _record(store, "merge", case or "all", exc)
            watched = WatchSummary()
            try:
                watched = check_watches(store, settings, case=case, senders=senders)
            except Exception as exc:
                errors += 1
                _record(store, "watch", case or "all", exc)
            if watched.alerts:
                deliverer.nudge()
            first = False
            yield RunPass(collected=collected, coded_reports=coded, new_claims=claims,
                          merged=merged, watched=watched, errors=errors,
                          seconds=round(collected.elapsed_seconds + time.monotonic() - started,
                                        3))
    finally:
        deliverer.close()

