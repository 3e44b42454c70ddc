"""A polite, bounded HTTP fetcher over httpx.

Every request is bounded four ways: a total deadline per attempt (a server that drips one byte a
second cannot hang a run), a cap on body size (the body is streamed and dropped at the cap), a cap
on redirects (with loop detection), and retries with exponential backoff only for timeouts,
transport failures, 5xx and 429 (honouring Retry-After). Requests to one host are spaced by
``host_delay`` and capped at ``host_concurrency``; all requests at ``concurrency``. robots.txt is
fetched once per host and cached. Failures raise ``FetchFailure`` with a short ``kind`` code that
the pipeline records; nothing here writes anywhere.
"""

from __future__ import annotations

import asyncio
import time
import urllib.robotparser
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import httpx

from sitroom.collect.charset import decode_bytes
from sitroom.collect.urls import canonical_url, url_host
from sitroom.errors import FetchError
from sitroom.settings import Settings

__all__ = ["FetchFailure", "FetchResult", "Fetcher"]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_RETRY_AFTER = 60.0  # never wait longer than this on a server's say-so
_MAX_CRAWL_DELAY = 30.0


class FetchFailure(FetchError):
    """A fetch that failed; ``kind`` is a short code (timeout, http-404, too-large, …)."""

    def __init__(
        self, message: str, *, kind: str, url: str, status: int | None = None,
        retryable: bool = False,
    ):
        super().__init__(message)
        self.kind, self.url, self.status, self.retryable = kind, url, status, retryable


@dataclass(frozen=True)
class FetchResult:
    """A completed fetch: 2xx with its body, or 304 (``not_modified``) with none."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content: bytes = field(repr=False)
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    elapsed: float = 0.0

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body decoded (header charset, then meta tag, then detection)."""
        return decode_bytes(self.content, self.content_type)[0]


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: httpx.Headers
    content: bytes


@dataclass
class _Host:
    """Politeness state of one host: its slot semaphore and when the next request may start."""

    semaphore: asyncio.Semaphore
    delay: float
    next_at: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


def _retry_after(value: str | None, now_wall: float) -> float | None:
    """Seconds a Retry-After header asks for (delta seconds or an HTTP date), capped."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - now_wall
        except (TypeError, ValueError, IndexError):
            return None
    return max(0.0, min(seconds, _MAX_RETRY_AFTER))


class Fetcher:
    """Fetches URLs politely within the limits of ``Settings``. Use as ``async with``."""

    def __init__(
        self,
        settings: Settings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        backoff: float = 0.5,
    ):
        self.settings = settings
        self._monotonic = monotonic
        self._sleep = sleep
        self._backoff = backoff
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._global: asyncio.Semaphore | None = None
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, asyncio.Future[urllib.robotparser.RobotFileParser | None]] = {}
        self.requests = 0  # attempts made, robots.txt included

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        self._client = httpx.AsyncClient(
            transport=self._transport,
            timeout=httpx.Timeout(s.http_timeout),
            follow_redirects=False,
            headers={"User-Agent": s.user_agent, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(
                max_connections=max(1, s.concurrency),
                max_keepalive_connections=max(1, s.concurrency),
            ),
        )
        self._global = asyncio.Semaphore(max(1, s.concurrency))
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool and forget pending robots.txt lookups."""
        for fut in self._robots.values():
            if not fut.done():
                fut.cancel()
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    # --- public ------------------------------------------------------------------------------

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        robots: bool = True,
    ) -> FetchResult:
        """GET ``url`` following redirects; a conditional GET when validators are given.

        Raises ``FetchFailure`` for robots.txt refusals, limits hit, and non-2xx/304 answers.
        """
        if self._client is None:
            raise RuntimeError("Fetcher used outside 'async with'")
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        started = self._monotonic()
        current = url
        seen: set[str] = set()  # filled on the first redirect (most fetches have none)
        for _ in range(self.settings.max_redirects + 1):
            if robots and self.settings.respect_robots and not await self.allowed(current):
                raise FetchFailure(
                    f"robots.txt of {url_host(current)} disallows {current}",
                    kind="robots-disallowed", url=url,
                )
            answer = await self._get_with_retries(current, headers)
            location = answer.headers.get("location")
            if answer.status in _REDIRECTS and location:
                target = urljoin(current, location.strip())
                if not seen:
                    seen.add(canonical_url(url))
                if canonical_url(target) in seen:
                    raise FetchFailure(
                        f"redirect loop: {current} -> {target}", kind="redirect-loop", url=url,
                        status=answer.status,
                    )
                seen.add(canonical_url(target))
                current = target
                continue
            if answer.status == 304 or 200 <= answer.status < 300:
                return FetchResult(
                    url=url, final_url=current, status=answer.status, content=answer.content,
                    content_type=answer.headers.get("content-type", ""),
                    etag=answer.headers.get("etag"),
                    last_modified=answer.headers.get("last-modified"),
                    elapsed=self._monotonic() - started,
                )
            raise FetchFailure(
                f"HTTP {answer.status} from {current}", kind=f"http-{answer.status}", url=url,
                status=answer.status, retryable=answer.status >= 500 or answer.status == 429,
            )
        raise FetchFailure(
            f"more than {self.settings.max_redirects} redirects from {url}",
            kind="too-many-redirects", url=url,
        )

    async def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets our user agent fetch it (cached per host)."""
        host = url_host(url)
        future = self._robots.get(host)
        if future is None:
            future = asyncio.ensure_future(self._load_robots(host))
            self._robots[host] = future
        parser = await asyncio.shield(future)
        return parser is None or parser.can_fetch(self.settings.user_agent, url)

    # --- internals ---------------------------------------------------------------------------

    async def _load_robots(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        """Fetch and parse a host's robots.txt; None (allow all) when it is missing or broken."""
        try:
            result = await self.fetch(host + "/robots.txt", robots=False)
        except FetchFailure:
            return None
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(result.text().splitlines())
        delay = parser.crawl_delay(self.settings.user_agent)
        if delay:
            slot = self._host(host)
            slot.delay = max(slot.delay, min(float(delay), _MAX_CRAWL_DELAY))
        return parser

    def _host(self, host: str) -> _Host:
        slot = self._hosts.get(host)
        if slot is None:
            slot = _Host(
                semaphore=asyncio.Semaphore(max(1, self.settings.host_concurrency)),
                delay=max(0.0, self.settings.host_delay),
            )
            self._hosts[host] = slot
        return slot

    async def _get_with_retries(self, url: str, headers: dict[str, str]) -> _Answer:
        """One GET with retries and exponential backoff for transient failures."""
        attempt = 0
        while True:
            delay = self._backoff * (2**attempt)
            try:
                answer = await self._attempt(url, headers)
            except FetchFailure as failure:
                if not failure.retryable or attempt >= self.settings.retries:
                    raise
            else:
                transient = answer.status >= 500 or answer.status == 429
                if not transient or attempt >= self.settings.retries:
                    return answer
                asked = _retry_after(answer.headers.get("retry-after"), time.time())
                if asked is not None:
                    delay = asked
            await self._sleep(delay)
            attempt += 1

    async def _polite_wait(self, slot: _Host) -> None:
        """Reserve the host's next start time and sleep until it comes."""
        async with slot.lock:
            now = self._monotonic()
            start = max(now, slot.next_at)
            slot.next_at = start + slot.delay
        if start > now:
            await self._sleep(start - now)

    async def _attempt(self, url: str, headers: dict[str, str]) -> _Answer:
        """One bounded GET: politeness, the global cap, a total deadline and the size cap."""
        assert self._client is not None and self._global is not None
        slot = self._host(url_host(url))
        limit = self.settings.max_response_bytes
        async with slot.semaphore:
            await self._polite_wait(slot)
            async with self._global:
                self.requests += 1
                try:
                    async with asyncio.timeout(self.settings.http_timeout):
                        async with self._client.stream("GET", url, headers=headers) as response:
                            declared = response.headers.get("content-length", "")
                            if declared.isdigit() and int(declared) > limit:
                                raise FetchFailure(
                                    f"response of {int(declared):,} bytes exceeds the cap of "
                                    f"{limit:,} bytes", kind="too-large", url=url,
                                )
                            body = bytearray()
                            if response.status_code not in _REDIRECTS:
                                async for chunk in response.aiter_bytes():
                                    body += chunk
                                    if len(body) > limit:
                                        raise FetchFailure(
                                            f"response exceeds the cap of {limit:,} bytes",
                                            kind="too-large", url=url,
                                        )
                            return _Answer(response.status_code, response.headers, bytes(body))
                except TimeoutError as exc:
                    raise FetchFailure(
                        f"no complete answer within {self.settings.http_timeout:g} s",
                        kind="timeout", url=url, retryable=True,
                    ) from exc
                except httpx.TimeoutException as exc:
                    raise FetchFailure(
                        f"timed out: {type(exc).__name__}", kind="timeout", url=url,
                        retryable=True,
                    ) from exc
                except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                    raise FetchFailure(f"invalid URL: {exc}", kind="bad-url", url=url) from exc
                except (httpx.TransportError, httpx.DecodingError) as exc:
                    raise FetchFailure(
                        f"{type(exc).__name__}: {exc or 'connection failed'}", kind="transport",
                        url=url, retryable=isinstance(exc, httpx.TransportError),
                    ) from exc
