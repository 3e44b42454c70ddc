"""One collection pass (``collect_once``) and the polling loop (``watch``) over outlets' feeds.

Ready reports are written in small batches (one transaction per ``_Pass.FLUSH_SIZE`` reports or
``FLUSH_AGE`` seconds, whichever comes first), so a killed run loses at most the ones in flight or
waiting; a re-run skips every URL already stored and fetches only what is missing. A feed's
validators (ETag, Last-Modified) are saved only once all its items are stored, so a 304 never
hides an item that was not yet collected. Every failure becomes an ``ErrorRecord`` against its
outlet and URL.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import concurrent.futures.process
import contextlib
import functools
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, timedelta

from sitroom.collect.feeds import FeedItem, ParsedFeed, parse_feed
from sitroom.collect.http import Fetcher, FetchFailure, FetchResult
from sitroom.collect.pages import Article, compress_raw, extract_article
from sitroom.collect.urls import canonical_url, report_id_for_url
from sitroom.errors import ParseError
from sitroom.model import ErrorRecord, Outlet, Report, _Plain, content_hash
from sitroom.settings import Settings
from sitroom.store.api import AddResult, FeedState, Store

__all__ = ["CollectSummary", "OutletCounts", "Progress", "collect_once", "due_feeds", "watch"]

Clock = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class OutletCounts(_Plain):
    """What one pass did for one outlet."""

    outlet: str
    feeds_checked: int = 0
    not_modified: int = 0
    items_seen: int = 0
    already_stored: int = 0
    new_reports: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    skipped: int = 0  # refused by robots.txt
    errors: int = 0


@dataclass(frozen=True)
class CollectSummary(_Plain):
    """What one pass did in all, with per-outlet counts."""

    feeds_checked: int
    items_seen: int
    new_reports: int
    exact_duplicates: int
    near_duplicates: int
    errors: int
    elapsed_seconds: float
    not_modified: int = 0
    already_stored: int = 0
    skipped: int = 0
    interrupted: bool = False
    per_outlet: tuple[OutletCounts, ...] = ()


@dataclass(frozen=True)
class Progress:
    """A snapshot handed to the progress callback after each item."""

    items_done: int
    new_reports: int
    errors: int
    elapsed_seconds: float


@dataclass
class _Tally:
    """Mutable counters of one outlet during a pass (frozen into ``OutletCounts`` at the end)."""

    feeds_checked: int = 0
    not_modified: int = 0
    items_seen: int = 0
    already_stored: int = 0
    new_reports: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    skipped: int = 0
    errors: int = 0

    def freeze(self, outlet: str) -> OutletCounts:
        return OutletCounts(outlet=outlet, **{f.name: getattr(self, f.name) for f in fields(self)})


@dataclass(frozen=True)
class _Ready:
    """A report waiting for the next batch write, with what counting its outcome needs."""

    report: Report
    signature: bytes
    tally: _Tally
    fresh: bool  # indexed by this pass (so forgotten again if the store refuses it)


_TRANSIENT_KINDS = ("timeout", "transport")


def _transient(failure: FetchFailure) -> bool:
    """A failure worth retrying on the next pass (so the feed's validators must not move on)."""
    return failure.kind in _TRANSIENT_KINDS or (failure.status or 0) >= 500 or failure.status == 429


def due_feeds(
    store: Store, outlets: Sequence[Outlet], now: datetime
) -> list[tuple[Outlet, str]]:
    """(outlet, feed URL) pairs whose ``FeedState.next_due`` has come (or that were never read)."""
    due = []
    for outlet in outlets:
        for url in outlet.feeds:
            state = store.get_feed_state(url)
            if state is None or state.next_due is None or state.next_due <= now:
                due.append((outlet, url))
    return due


@dataclass(frozen=True)
class _ReadPage:
    """A page read off the event loop: its article and what storing it needs."""

    article: Article
    signature: bytes
    lang: str
    raw: bytes  # zlib-compressed page


_worker = threading.local()  # per thread (and per worker process): its own MinHash signer


def read_page(
    content: bytes, url: str, content_type: str, threshold: float, default_lang: str
) -> _ReadPage:
    """Extract, sign, detect the language and compress a page (pure; runs in a worker)."""
    from sitroom.reading.dedup import NearDuplicateIndex
    from sitroom.reading.language import detect_language

    article = extract_article(content, url=url, content_type=content_type)
    signer = getattr(_worker, "signer", None)
    if signer is None or signer.threshold != threshold:
        signer = _worker.signer = NearDuplicateIndex(threshold=threshold)
    return _ReadPage(
        article=article, signature=signer.signature(article.text),
        lang=detect_language(article.text, default=default_lang), raw=compress_raw(content),
    )


def warm_up(threshold: float) -> None:
    """Load what ``read_page`` needs (trafilatura, the language model, the signer) ahead of use."""
    page = (b"<html><body><article><p>" + b"Warm up sample text of a few words. " * 20
            + b"</p></article></body></html>")
    read_page(page, "http://127.0.0.1/warm-up", "text/html", threshold, "en")


class _Extractor:
    """Reads feeds and pages off the event loop: in threads for small passes, in worker
    processes for big ones, so parsing and extraction use another core instead of the GIL."""

    PROCESS_AFTER = 100  # pages read in threads before worker processes take over
    PROCESS_FEEDS = 10  # a pass over this many feeds starts its workers at once

    def __init__(self, threshold: float) -> None:
        self.done = 0
        self.threshold = threshold
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._workers = max(1, min(4, (os.cpu_count() or 2) - 1))
        self._broken = False

    def start_workers(self) -> None:
        """Start the worker processes and have each load its models while feeds download."""
        if self._pool is not None or self._broken:
            return
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods
                                              else "spawn")
        self._pool = concurrent.futures.ProcessPoolExecutor(self._workers, mp_context=context)
        for _ in range(self._workers):
            self._pool.submit(warm_up, self.threshold)

    async def _call(self, call: Callable[[], object], *, count: bool) -> object:
        if count:
            self.done += 1
            if self.done > self.PROCESS_AFTER:
                self.start_workers()
        if self._pool is None or self._broken:
            return await asyncio.to_thread(call)
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, call)
        except concurrent.futures.process.BrokenProcessPool:
            self._broken = True  # a worker died (killed, out of memory): go on in threads
            return await asyncio.to_thread(call)

    async def feed(self, content: bytes, url: str, content_type: str) -> ParsedFeed:
        """A feed parsed (never raises on a bad feed)."""
        call = functools.partial(parse_feed, content, url=url, content_type=content_type)
        return await self._call(call, count=False)  # type: ignore[return-value]

    async def read(
        self, content: bytes, url: str, content_type: str, default_lang: str
    ) -> _ReadPage:
        """The article of a page and its signature (ParseError when it has no text)."""
        call = functools.partial(
            read_page, content, url, content_type, self.threshold, default_lang
        )
        return await self._call(call, count=True)  # type: ignore[return-value]

    def close(self) -> None:
        """Stop the worker processes (abandoning queued pages)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


class _Pass:
    """The state of one collection pass; all store calls happen on the event loop's thread."""

    FLUSH_SIZE = 100  # ready reports written in one transaction
    FLUSH_AGE = 0.2  # seconds a ready report may wait for its batch

    def __init__(
        self, store: Store, settings: Settings, *, clock: Clock, case: str | None,
        progress: Callable[[Progress], None] | None, index: object,
    ) -> None:
        self.store, self.settings, self.clock, self.case = store, settings, clock, case
        self.progress = progress
        self.index = index
        self.tallies: dict[str, _Tally] = {}
        self.seen_urls: set[str] = set()
        self.items_done = 0
        self.new_total = 0
        self.error_total = 0
        self.ready: list[_Ready] = []
        self.ready_ids: set[str] = set()
        self.ready_since = 0.0
        self.started = time.monotonic()
        self.items = asyncio.Semaphore(max(2, settings.concurrency * 2))
        self.extractor = _Extractor(settings.near_duplicate_threshold)

    def tally(self, outlet: Outlet) -> _Tally:
        return self.tallies.setdefault(outlet.key, _Tally())

    def error(self, outlet: Outlet, source: str, message: str, kind: str) -> None:
        """Record one failure against its outlet and URL; the pass goes on."""
        self.error_by_key(outlet.key, source, message, kind, self.tally(outlet))

    def error_by_key(self, outlet: str, source: str, message: str, kind: str,
                     tally: _Tally) -> None:
        tally.errors += 1
        self.error_total += 1
        self.store.record_error(ErrorRecord(
            stage="collect", source=source, message=message, at=self.clock(),
            outlet=outlet, kind=kind,
        ))

    def _tick(self) -> None:
        self.items_done += 1
        if self.progress is not None:
            self.progress(Progress(
                items_done=self.items_done,
                new_reports=self.new_total,
                errors=self.error_total,
                elapsed_seconds=time.monotonic() - self.started,
            ))

    # --- feeds -------------------------------------------------------------------------------

    async def feed(self, fetcher: Fetcher, outlet: Outlet, url: str) -> None:
        """Fetch one feed, handle its items, then save its state and schedule."""
        tally = self.tally(outlet)
        tally.feeds_checked += 1
        state = self.store.get_feed_state(url) or FeedState(url=url, outlet=outlet.key)
        now = self.clock()
        schedule = {"last_checked": now,
                    "next_due": now + timedelta(minutes=max(1, outlet.interval_minutes))}
        try:
            result = await fetcher.fetch(url, etag=state.etag, last_modified=state.last_modified)
        except FetchFailure as failure:
            self.error(outlet, url, f"feed: {failure}", failure.kind)
            self.store.save_feed_state(replace(
                state, failures=state.failures + 1, last_status=failure.status,
                last_error=str(failure), **schedule,
            ))
            return
        if result.not_modified:
            tally.not_modified += 1
            self.store.save_feed_state(replace(
                state, failures=0, last_status=304, last_error="", **schedule
            ))
            return
        parsed = await self.extractor.feed(result.content, result.final_url, result.content_type)
        if parsed.problem:
            self.error(outlet, url, f"feed: {parsed.problem}",
                       "feed-malformed" if parsed.items else "feed-unreadable")
        known = self._known([canonical_url(item.link) for item in parsed.items])
        outcomes = await asyncio.gather(
            *(self.item(fetcher, outlet, item, known) for item in parsed.items)
        )
        self.flush()  # the feed's state moves on only once all its reports are durable
        keep_validators = not any(outcomes)  # an item to retry: the next pass must see the feed
        self.store.save_feed_state(replace(
            state,
            etag=result.etag if keep_validators else state.etag,
            last_modified=result.last_modified if keep_validators else state.last_modified,
            failures=0 if parsed.items or not parsed.problem else state.failures + 1,
            last_status=result.status,
            last_error=parsed.problem or "",
            **schedule,
        ))

    # --- items -------------------------------------------------------------------------------

    def _known(self, canonical_urls: list[str]) -> set[str] | None:
        """Which of a feed's URLs are stored, in one query when the store can (else None)."""
        batch = getattr(self.store, "known_urls", None)
        return set(batch(canonical_urls)) if callable(batch) else None

    async def item(
        self, fetcher: Fetcher, outlet: Outlet, item: FeedItem, known: set[str] | None = None
    ) -> bool:
        """Collect one feed item; True when it failed in a way the next pass should retry."""
        tally = self.tally(outlet)
        tally.items_seen += 1
        canon = canonical_url(item.link)
        try:
            if canon in self.seen_urls:
                tally.exact_duplicates += 1  # the same link twice in this pass
                return False
            self.seen_urls.add(canon)
            if canon in known if known is not None else self.store.has_url(canon):
                tally.already_stored += 1
                return False
            async with self.items:
                return await self._collect_item(fetcher, outlet, item, canon)
        except Exception as exc:  # one failed item is recorded, never a stopped run
            self.error(outlet, item.link, f"{type(exc).__name__}: {exc}", type(exc).__name__)
            return False
        finally:
            self._tick()

    async def _collect_item(
        self, fetcher: Fetcher, outlet: Outlet, item: FeedItem, canon: str
    ) -> bool:
        read: _ReadPage | None = None
        page: FetchResult | None = None
        if self.settings.fetch_pages:
            try:
                page = await fetcher.fetch(item.link)
            except FetchFailure as failure:
                if failure.kind == "robots-disallowed":
                    self.tally(outlet).skipped += 1
                self.error(outlet, item.link, f"page: {failure}", failure.kind)
                if _transient(failure) or not item.best_text:
                    return _transient(failure)
            if page is not None:
                try:
                    read = await self.extractor.read(
                        page.content, page.final_url, page.content_type, _default_lang(outlet)
                    )
                except ParseError as exc:
                    used = " (the feed's summary is used instead)" if item.best_text else ""
                    self.error(outlet, item.link, f"page: {exc}{used}", "no-text")
        if read is None and not item.best_text.strip():
            if not self.settings.fetch_pages:
                self.error(outlet, item.link, "feed item has no text", "no-text")
            return False
        self._store(outlet, item, canon, read, page)
        return False

    def _store(
        self, outlet: Outlet, item: FeedItem, canon: str, read: _ReadPage | None,
        page: FetchResult | None,
    ) -> None:
        """Add one report, then link it to an earlier near-duplicate if it is one."""
        from sitroom.reading.language import detect_language

        tally = self.tally(outlet)
        article = read.article if read else None
        text = article.text if article else item.best_text
        if read is not None:
            signature, lang = read.signature, read.lang
        else:
            signature = self.index.signature(text)
            lang = detect_language(text, default=_default_lang(outlet))
        raw = read.raw if read else (compress_raw(page.content) if page is not None else None)
        report = Report(
            id=report_id_for_url(canon),
            kind="article",
            text=text,
            title=(article.title if article and article.title else item.title),
            url=item.link,
            canonical_url=canon,
            outlet=outlet.key,
            lang=lang,
            published=item.published or (article.published if article else None),
            fetched=self.clock(),
            author=(article.author if article and article.author else item.author),
            content_hash=content_hash(text),
            raw=raw,
            raw_type=(page.content_type if page is not None else ""),
            country_hint=outlet.country or None,
            case=self.case,
        )
        if report.id in self.ready_ids:
            self.flush()  # the same id waiting: let the store say what the first one was
        # Link a wire copy before storing it, so report and link are written together. A waiting
        # report never links to another waiting one: the original is written first, and if the
        # store refuses it (so the index forgets it) the copy looks for another original.
        fresh = report.id not in self.index
        original = self.index.add(report.id, signature)
        if original is not None and original in self.ready_ids:
            self.flush()
            if original not in self.index:
                if fresh:
                    self.index.discard(report.id)
                original = self.index.add(report.id, signature)
        if original is not None and original != report.id:
            report = replace(report, near_duplicate_of=original)
        if not self.ready:
            self.ready_since = time.monotonic()
        self.ready.append(_Ready(report, signature, tally, fresh))
        self.ready_ids.add(report.id)
        if len(self.ready) >= self.FLUSH_SIZE:
            self.flush()
        else:
            self.flush_if_due()

    def flush_if_due(self) -> None:
        """Write the waiting reports if the oldest has waited ``FLUSH_AGE`` seconds."""
        if self.ready and time.monotonic() - self.ready_since >= self.FLUSH_AGE:
            self.flush()

    def flush(self) -> None:
        """Write the waiting reports with their signatures in one transaction and count them.

        If the batch fails, each report is tried alone, so one bad report is one recorded error.
        """
        batch, self.ready = self.ready, []
        self.ready_ids = set()
        if not batch:
            return
        try:
            results: list[AddResult | None] = list(self.store.add_reports(
                [r.report for r in batch], {r.report.id: r.signature for r in batch}
            ))
        except Exception:  # find the one report that fails, record it, keep the rest
            results = [self._add_alone(r) for r in batch]
        for ready, result in zip(batch, results, strict=True):
            tally, report = ready.tally, ready.report
            if result is None or not result.is_new:
                if ready.fresh:
                    self.index.discard(report.id)  # indexed, but not stored under this id
                if result is None:
                    continue
                if result.status == "duplicate-content":
                    tally.exact_duplicates += 1
                else:
                    tally.already_stored += 1
                continue
            tally.new_reports += 1
            self.new_total += 1
            if report.near_duplicate_of is not None:
                tally.near_duplicates += 1

    def _add_alone(self, ready: _Ready) -> AddResult | None:
        """Store one report in its own transaction; a failure is recorded (None)."""
        try:
            return self.store.add_report(ready.report, ready.signature)
        except Exception as exc:  # one failed item is recorded, never a stopped run
            self.error_by_key(ready.report.outlet or "", ready.report.url or ready.report.id,
                              f"{type(exc).__name__}: {exc}", type(exc).__name__, ready.tally)
            return None


def _default_lang(outlet: Outlet) -> str:
    """The language assumed when detection cannot tell: the outlet's first, else English."""
    return outlet.languages[0] if outlet.languages else "en"


def _new_index(store: Store, settings: Settings):
    """A near-duplicate index holding every stored signature."""
    from sitroom.reading.dedup import NearDuplicateIndex

    index = NearDuplicateIndex(threshold=settings.near_duplicate_threshold)
    index.load(store.iter_signatures())
    return index


async def _run(
    run: _Pass, feeds: Sequence[tuple[Outlet, str]], stop: threading.Event | None,
    transport: object,
) -> bool:
    """Process the feeds; return True when a stop request cut the pass short."""
    if len(feeds) >= run.extractor.PROCESS_FEEDS and run.settings.fetch_pages:
        run.extractor.start_workers()
    try:
        async with Fetcher(run.settings, transport=transport) as fetcher:  # type: ignore[arg-type]
            work = asyncio.ensure_future(
                asyncio.gather(*(run.feed(fetcher, outlet, url) for outlet, url in feeds))
            )
            while not work.done():
                if stop is not None and stop.is_set():
                    work.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await work
                    return True
                await asyncio.wait({work}, timeout=run.FLUSH_AGE / 2)
                run.flush_if_due()
            work.result()
        return False
    finally:
        try:
            run.flush()  # reports read before a stop or failure are kept
        finally:
            run.extractor.close()


def collect_once(
    store: Store,
    outlets: Sequence[Outlet],
    settings: Settings,
    *,
    clock: Clock | None = None,
    progress: Callable[[Progress], None] | None = None,
    case: str | None = None,
    stop: threading.Event | None = None,
    due_only: bool = False,
    index: object | None = None,
    transport: object | None = None,
) -> CollectSummary:
    """One pass over the outlets' feeds: new reports stored, failures recorded, feed state saved.

    ``stop`` (set from a signal handler) abandons requests in flight; what was stored stays.
    ``due_only`` limits the pass to feeds whose schedule has come (see ``watch``).
    """
    clock = clock or _utcnow
    started = time.monotonic()
    feeds = (due_feeds(store, outlets, clock()) if due_only
             else [(o, url) for o in outlets for url in o.feeds])
    run = _Pass(store, settings, clock=clock, case=case, progress=progress,
                index=index if index is not None else _new_index(store, settings))
    for outlet in outlets:
        run.tally(outlet)
    interrupted = asyncio.run(_run(run, feeds, stop, transport)) if feeds else False
    per_outlet = tuple(run.tallies[o.key].freeze(o.key) for o in outlets)

    def total(name: str) -> int:
        return sum(getattr(c, name) for c in per_outlet)

    return CollectSummary(
        feeds_checked=total("feeds_checked"), items_seen=total("items_seen"),
        new_reports=total("new_reports"), exact_duplicates=total("exact_duplicates"),
        near_duplicates=total("near_duplicates"), errors=total("errors"),
        elapsed_seconds=round(time.monotonic() - started, 3),
        not_modified=total("not_modified"), already_stored=total("already_stored"),
        skipped=total("skipped"), interrupted=interrupted, per_outlet=per_outlet,
    )


def watch(
    store: Store,
    outlets: Sequence[Outlet],
    settings: Settings,
    *,
    stop: threading.Event,
    clock: Clock | None = None,
    progress: Callable[[Progress], None] | None = None,
    case: str | None = None,
    max_sleep: float = 60.0,
) -> Iterator[CollectSummary]:
    """Poll each feed on its outlet's interval until ``stop`` is set; yield each pass's summary.

    The schedule lives in ``FeedState.next_due``, so a restarted watch resumes where it was.
    """
    clock = clock or _utcnow
    index = _new_index(store, settings)
    while not stop.is_set():
        if due_feeds(store, outlets, clock()):
            yield collect_once(store, outlets, settings, clock=clock, progress=progress,
                               case=case, stop=stop, due_only=True, index=index)
        if stop.is_set():
            break
        dues = [s.next_due for o in outlets for url in o.feeds
                if (s := store.get_feed_state(url)) is not None and s.next_due is not None]
        wait = max_sleep
        if dues:
            wait = min(max_sleep, max(0.0, (min(dues) - clock()).total_seconds()))
        stop.wait(max(wait, 0.05))
