"""Collection throughput end to end: fetch, extract, deduplicate and store, from a local server.

A separate server process on 127.0.0.1 serves ``--feeds`` RSS feeds of ``--items`` items each and
their article pages: generated sample text of news length (labelled as samples, no real outlet),
about 40 % of them wire copies of another story with a rewritten intro and a tag line. The real
``collect_once`` then runs into a fresh SQLite store and the benchmark prints articles per second
and peak memory of the collecting process.

All feeds live on one host (127.0.0.1), so politeness is relaxed for it: ``host_delay`` 0 and
``host_concurrency`` equal to ``concurrency`` (a real run keeps 1 s and 2 per host). robots.txt is
still fetched and obeyed.

    python -m benchmarks collect                 # 200 feeds x 50 items
    python -m benchmarks collect --feeds 20      # a quick look
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_PER_SECOND = 100.0

_WORDS = (
    "vote count result appeal court ruling parliament deputy speaker minister cabinet budget "
    "border customs mine gold license investor contract region district village city street "
    "square crowd march rally strike picket camp tent banner slogan leader party bloc list "
    "candidate ballot station observer mission report statement embassy ambassador foreign "
    "ministry spokesman briefing talks meeting session decree order emergency curfew patrol "
    "checkpoint police guard army unit officer detention release prison hospital doctor "
    "injury clinic ambulance fire building office gate window car bus road bridge market "
    "shop price fuel bread water power grid winter harvest farmer worker teacher student "
    "journalist editor camera video photo message channel network phone signal night morning "
    "evening afternoon week month autumn cold wind rain snow quiet tense calm angry hopeful"
)
WORDS = _WORDS.split()
PLACES = ("Bishkek", "Osh", "Jalal-Abad", "Karakol", "Naryn", "Talas", "Batken", "Tokmok")


# --- the sample corpus -----------------------------------------------------------------------


def story(seed: int) -> list[str]:
    """A sample story of news length (about 600 words), the same for the same seed."""
    rng = random.Random(seed)
    paras = []
    for _ in range(8):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 18)))
            sentences.append(f"In {rng.choice(PLACES)} {rng.randint(2, 9000)} {words}.")
        paras.append("Sample text. " + " ".join(sentences))
    return paras


def page(title: str, paras: Sequence[str]) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paras)
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><meta name='author' content='Sample Desk'></head>"
        "<body><header><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav></header>"
        f"<main><article><h1>{html.escape(title)}</h1>\n{body}</article></main>"
        "<footer>Sample site generated for the sitroom benchmark. Not a real outlet.</footer>"
        "</body></html>"
    ).encode()


def corpus(feeds: int, items: int, port: int, wire_share: float = 0.4) -> dict[str, bytes]:
    """Every path the server answers, with its body."""
    rng = random.Random(7)
    base = f"http://127.0.0.1:{port}"
    start = datetime(2020, 10, 4, tzinfo=UTC)
    files: dict[str, bytes] = {"/robots.txt": b"User-agent: *\nDisallow: /private/\n"}
    originals: list[int] = []
    for f in range(feeds):
        entries = []
        for i in range(items):
            seed = f * 100_000 + i
            if originals and rng.random() < wire_share:
                source = rng.choice(originals)  # a wire copy of an earlier story
                paras = story(source)
                paras = [f"Sample outlet {f} reports: " + paras[0][40:], *paras[1:],
                         f"Sample wire service, outlet {f}."]
                title = f"Sample wire copy {source} at outlet {f}"
            else:
                paras, title = story(seed), f"Sample story {seed}"
                originals.append(seed)
            path = f"/a/{f}/{i}.html"
            files[path] = page(title, paras)
            date = format_datetime(start + timedelta(minutes=seed % 10_000))
            entries.append(
                f"<item><title>{html.escape(title)}</title><link>{base}{path}?utm_source=rss"
                f"</link><description>{html.escape(paras[0][:200])}</description>"
                f"<pubDate>{date}</pubDate><guid>{base}{path}</guid></item>"
            )
        files[f"/feed/{f}.xml"] = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Sample outlet {f}</title><link>{base}/</link>"
            f"<description>sample feed</description>{''.join(entries)}</channel></rss>"
        ).encode()
    return files


# --- the server (its own process, so it does not compete for the collector's GIL) -------------


def serve(feeds: int, items: int, port_file: str) -> None:
    """Serve the corpus on 127.0.0.1 until killed; write the port to ``port_file`` when ready.

    A small asyncio HTTP/1.1 server with keep-alive: one thread, so no GIL convoy between
    handler threads slows the answers down.
    """
    import asyncio

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                target = head.split(b" ", 2)[1].decode("latin-1").split("?", 1)[0]
                body = files.get(target)
                status = b"200 OK" if body is not None else b"404 Not Found"
                body = body if body is not None else b"not found"
                kind = b"application/rss+xml" if target.startswith("/feed/") else b"text/html"
                writer.write(b"HTTP/1.1 " + status + b"\r\nContent-Type: " + kind
                             + b"; charset=utf-8\r\nContent-Length: " + str(len(body)).encode()
                             + b"\r\n\r\n" + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=256)
        port = server.sockets[0].getsockname()[1]
        files.update(corpus(feeds, items, port))
        Path(port_file).write_text(str(port))
        async with server:
            await server.serve_forever()

    files: dict[str, bytes] = {}
    asyncio.run(main())


def start_server(feeds: int, items: int, workdir: Path) -> tuple[subprocess.Popen, int]:
    port_file = workdir / "port"
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'src'}"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.collect", "--serve", "--port-file", str(port_file),
         "--feeds", str(feeds), "--items", str(items)], cwd=ROOT, env=env,
    )
    deadline = time.monotonic() + 120
    while not port_file.exists() or not port_file.read_text():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("benchmark server did not start")
        time.sleep(0.05)
    return proc, int(port_file.read_text())


# --- the measurement -------------------------------------------------------------------------


def _cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    """CPU time (user + system) of this process, or of its children that have ended."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _process_cpu_seconds(pid: int) -> float:
    """CPU time of a running process, from /proc (0 where /proc is missing)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _extraction_cpu_ms(pages: int = 100) -> float:
    """CPU per page of what the extraction workers do (extract, sign, detect language,
    compress), timed here because the workers are not this process's children."""
    from sitroom.pipeline.collect import read_page

    bodies = [page(f"Sample story {i}", story(i)) for i in range(pages)]
    read_page(bodies[0], "http://127.0.0.1/x", "text/html", 0.8, "en")  # warm up
    started = time.process_time()
    for body in bodies:
        read_page(body, "http://127.0.0.1/x", "text/html", 0.8, "en")
    return 1000 * (time.process_time() - started) / pages


def run(feeds: int, items: int, concurrency: int) -> dict:
    from sitroom.model import Outlet
    from sitroom.pipeline.collect import collect_once
    from sitroom.settings import Settings
    from sitroom.store import open_store

    with tempfile.TemporaryDirectory(prefix="sitroom-bench-") as tmp:
        workdir = Path(tmp)
        server, port = start_server(feeds, items, workdir)
        try:
            store = open_store(f"sqlite:///{workdir / 'bench.sqlite'}")
            outlets = [
                Outlet(key=f"sample-{f}", name=f"Sample outlet {f}", country="KGZ",
                       feeds=(f"http://127.0.0.1:{port}/feed/{f}.xml",), sample=True)
                for f in range(feeds)
            ]
            for outlet in outlets:
                store.save_outlet(outlet)
            settings = Settings(host_delay=0.0, host_concurrency=concurrency,
                                concurrency=concurrency, retries=0)
            from sitroom.reading.language import detect_language

            detect_language("warm up the language model once")  # a one-off, not per article
            last = [time.monotonic()]

            def progress(p) -> None:
                if time.monotonic() - last[0] > 3:
                    last[0] = time.monotonic()
                    print(f"  {p.items_done} items, {p.new_reports} new, "
                          f"{p.items_done / p.elapsed_seconds:.0f}/s", file=sys.stderr)

            load_before = os.getloadavg()[0]
            cpu_before = _cpu_seconds()
            server_before = _process_cpu_seconds(server.pid)
            started = time.perf_counter()
            summary = collect_once(store, outlets, settings, progress=progress)
            elapsed = time.perf_counter() - started
            cpu = _cpu_seconds() - cpu_before
            server_cpu = _process_cpu_seconds(server.pid) - server_before
            stored = store.count_reports()
            store.close()
        finally:
            server.kill()
            server.wait()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "feeds": feeds, "items_per_feed": items, "concurrency": concurrency,
        "items_seen": summary.items_seen, "new_reports": summary.new_reports,
        "stored": stored, "near_duplicates": summary.near_duplicates,
        "exact_duplicates": summary.exact_duplicates, "errors": summary.errors,
        "seconds": round(elapsed, 2),
        "articles_per_second": round(summary.new_reports / elapsed, 1),
        "peak_rss_mib": round(peak_kib / 1024, 1),
        "collector_cpu_ms_per_article": round(1000 * cpu / max(1, summary.new_reports), 2),
        "extraction_cpu_ms_per_article": round(_extraction_cpu_ms(), 2),
        "server_cpu_ms_per_article": round(1000 * server_cpu / max(1, summary.new_reports), 2),
        "load_average_1min_start": round(load_before, 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "target_articles_per_second": TARGET_PER_SECOND,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks collect", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port-file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.feeds, args.items, args.port_file)
        return 0
    result = run(args.feeds, args.items, args.concurrency)
    print(f"collect: {result['new_reports']} articles from {result['feeds']} feeds in "
          f"{result['seconds']} s = {result['articles_per_second']} articles/s "
          f"(target >= {TARGET_PER_SECOND:g}); {result['near_duplicates']} near-duplicates "
          f"linked, {result['errors']} errors; peak RSS {result['peak_rss_mib']} MiB")
    c, e, v = (result["collector_cpu_ms_per_article"], result["extraction_cpu_ms_per_article"],
               result["server_cpu_ms_per_article"])
    bound = 1000 / max(c, (c + e + v) / 2)
    print(f"cpu per article: collector {c} ms, extraction workers {e} ms, server {v} ms: at "
          f"most {bound:.0f} articles/s on two idle cores (1-min load average "
          f"{result['load_average_1min_start']} at the start, {result['load_average_1min']} "
          "at the end)")
    print(json.dumps(result))
    return 0 if result["errors"] == 0 and result["stored"] == result["new_reports"] else 1


if __name__ == "__main__":
    sys.exit(main())
