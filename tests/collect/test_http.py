"""The fetcher against a real local server that misbehaves on purpose."""

from __future__ import annotations

import asyncio
import itertools
import time

import pytest

from sitroom.collect.http import Fetcher, FetchFailure
from sitroom.settings import Settings

FAST = Settings(host_delay=0.0, http_timeout=2.0, retries=0, max_response_bytes=200_000)


def run(coro):
    return asyncio.run(coro)


async def fetch(settings, url, **kw):
    async with Fetcher(settings, backoff=0.01) as fetcher:
        return await fetcher.fetch(url, **kw)


async def fetch_failure(settings, url, **kw) -> FetchFailure:
    with pytest.raises(FetchFailure) as info:
        await fetch(settings, url, **kw)
    return info.value


def test_plain_page_and_user_agent(server):
    server.page("/a", "<p>hello</p>")
    result = run(fetch(FAST, server.url("/a")))
    assert result.status == 200 and result.content == b"<p>hello</p>"
    assert "sitroom" in server.log[-1][2]


def test_conditional_get_answers_304(server):
    server.feed("/f", "<rss/>", etag='"v1"', last_modified="Mon, 05 Oct 2020 10:00:00 GMT")
    first = run(fetch(FAST, server.url("/f")))
    assert first.etag == '"v1"' and first.last_modified
    second = run(fetch(FAST, server.url("/f"), etag=first.etag))
    assert second.not_modified and second.content == b""
    third = run(fetch(FAST, server.url("/f"), last_modified=first.last_modified))
    assert third.not_modified


@pytest.mark.parametrize("code", [403, 404, 410, 500, 503])
def test_error_status_is_a_failure_with_its_code(server, code):
    server.status("/s", code)
    failure = run(fetch_failure(FAST, server.url("/s")))
    assert failure.kind == f"http-{code}" and failure.status == code


def test_5xx_is_retried_with_backoff_then_succeeds(server):
    calls = []

    def flaky(h):
        from tests.support.server import send

        calls.append(1)
        if len(calls) < 3:
            send(h, b"busy", status=503, headers={"Retry-After": "0"})
        else:
            send(h, b"ok")

    server.routes["/flaky"] = flaky
    result = run(fetch(FAST.replace(retries=2), server.url("/flaky")))
    assert result.content == b"ok" and len(calls) == 3


def test_4xx_is_not_retried(server):
    server.status("/gone", 404)
    run(fetch_failure(FAST.replace(retries=3), server.url("/gone")))
    assert server.hits["/gone"] == 1


def test_429_honours_retry_after(server):
    server.status("/busy", 429, headers={"Retry-After": "1"})
    slept = []

    async def sleep(seconds):
        slept.append(seconds)

    async def go():
        async with Fetcher(FAST.replace(retries=1), sleep=sleep) as fetcher:
            with pytest.raises(FetchFailure) as info:
                await fetcher.fetch(server.url("/busy"))
            return info.value

    failure = run(go())
    assert failure.kind == "http-429" and slept == [1.0] and server.hits["/busy"] == 2


def test_redirects_followed_and_loops_detected(server):
    server.redirect("/old", "/new", 301)
    server.page("/new", "moved here")
    result = run(fetch(FAST, server.url("/old")))
    assert result.final_url == server.url("/new") and result.content == b"moved here"

    server.redirect("/loop-a", "/loop-b")
    server.redirect("/loop-b", "/loop-a")
    assert run(fetch_failure(FAST, server.url("/loop-a"))).kind == "redirect-loop"

    for i in range(10):
        server.redirect(f"/chain{i}", f"/chain{i + 1}")
    failure = run(fetch_failure(FAST.replace(max_redirects=3), server.url("/chain0")))
    assert failure.kind == "too-many-redirects"


def test_one_byte_a_second_hits_the_total_deadline(server):
    server.drip("/drip", b"x" * 100, interval=1.0)  # each byte well within a read timeout
    started = time.monotonic()
    failure = run(fetch_failure(FAST.replace(http_timeout=1.5), server.url("/drip")))
    assert failure.kind == "timeout"
    assert time.monotonic() - started < 4.0


@pytest.mark.parametrize("declare", [None, 3 * 1024**3])
def test_huge_response_is_cut_at_the_cap(server, declare):
    server.endless("/huge", declare_length=declare)
    started = time.monotonic()
    failure = run(fetch_failure(FAST, server.url("/huge")))
    assert failure.kind == "too-large"
    assert time.monotonic() - started < 5.0


def test_robots_disallow_is_respected_and_fetched_once(server):
    server.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.page("/private/x", "secret")
    server.page("/public", "fine")

    async def go():
        async with Fetcher(FAST) as fetcher:
            with pytest.raises(FetchFailure) as info:
                await fetcher.fetch(server.url("/private/x"))
            ok = await fetcher.fetch(server.url("/public"))
            await fetcher.fetch(server.url("/public"))
            return info.value, ok

    failure, ok = run(go())
    assert failure.kind == "robots-disallowed" and ok.content == b"fine"
    assert server.hits["/robots.txt"] == 1 and server.hits["/private/x"] == 0
    ignoring = run(fetch(FAST.replace(respect_robots=False), server.url("/private/x")))
    assert ignoring.content == b"secret"


def test_host_delay_spaces_requests(server):
    server.page("/p", "x")

    async def go():
        async with Fetcher(FAST.replace(host_delay=0.2, host_concurrency=4)) as fetcher:
            await asyncio.gather(*(fetcher.fetch(server.url("/p")) for _ in range(4)))

    run(go())
    times = sorted(t for t, path, _ in server.log if path == "/p")
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(times) == 4 and min(gaps) > 0.15


def test_host_concurrency_cap(server):
    active, peak = [0], [0]
    import threading

    lock = threading.Lock()

    def slow(h):
        from tests.support.server import send

        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.1)
        with lock:
            active[0] -= 1
        send(h, b"ok")

    server.routes["/slow"] = slow

    async def go():
        async with Fetcher(FAST.replace(host_concurrency=2, concurrency=8)) as fetcher:
            await asyncio.gather(*(fetcher.fetch(server.url("/slow")) for _ in range(6)))

    run(go())
    assert peak[0] == 2


def test_connection_refused_is_a_transport_failure():
    failure = run(fetch_failure(FAST, "http://127.0.0.1:9/nothing"))
    assert failure.kind == "transport"


def test_charset_of_non_utf8_page(server):
    text = "Протест в Бишкеке"
    server.page("/cp", f"<p>{text}</p>".encode("cp1251"),
                content_type="text/html; charset=windows-1251")
    server.page("/koi", f'<html><head><meta charset="koi8-r"></head><p>{text}</p></html>'
                .encode("koi8_r"), content_type="text/html")
    assert text in run(fetch(FAST, server.url("/cp"))).text()
    assert text in run(fetch(FAST, server.url("/koi"))).text()
