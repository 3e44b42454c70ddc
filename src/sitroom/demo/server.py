"""A local HTTP server that publishes the corpus as real RSS 2.0 / Atom feeds and article pages.

It binds 127.0.0.1 on a free port in a background thread. Feeds are chosen by the feed URLs of
the sample outlets (placeholder host ``demo.invalid``): ``/feeds/<outlet>.rss`` or ``.atom``,
with ``?lang=xx`` to keep one language and ``?charset=windows-1251`` to encode feed and pages
in that charset. Answers carry ETag and Last-Modified and honour conditional GETs.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from sitroom.demo.corpus import SAMPLE_FOOTER, SEED_FOOTER, SampleReport
from sitroom.model import Outlet

PLACEHOLDER = "http://demo.invalid"
ROBOTS_TXT = "User-agent: *\nDisallow: /private/\n"

__all__ = ["PLACEHOLDER", "CorpusServer", "article_page", "atom_feed", "rss_feed"]


def _x(text: str) -> str:
    """Escape text for XML element content and attributes."""
    return escape(text, quote=True)


def article_page(report: SampleReport, outlet: Outlet, *, charset: str = "utf-8") -> str:
    """The HTML page of one report, with its sample (or seed) footer."""
    footer = SAMPLE_FOOTER if report.sample else SEED_FOOTER
    body = "\n".join(f"<p>{_x(p)}</p>" for p in report.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{report.lang}">
<head>
<meta charset="{charset}">
<title>{_x(report.title)} | {_x(outlet.name)}</title>
<meta name="author" content="{_x(report.author)}">
<meta property="article:published_time" content="{report.published.isoformat()}">
<meta property="og:title" content="{_x(report.title)}">
<meta name="sitroom:sample" content="{'true' if report.sample else 'false'}">
</head>
<body>
<header><nav><a href="/">{_x(outlet.name)}</a> | <a href="/">News</a> | <a href="/">About</a>
</nav></header>
<main>
<article>
<h1>{_x(report.title)}</h1>
<p class="byline">By {_x(report.author)}, {report.published.strftime('%d %B %Y %H:%M')}</p>
{body}
</article>
</main>
<footer><p>{_x(footer)}</p><p>{_x(outlet.name)}</p></footer>
</body>
</html>
"""


def _summary(report: SampleReport) -> str:
    return report.paragraphs[0] if report.paragraphs else ""


def rss_feed(outlet: Outlet, reports: Sequence[SampleReport], base: str, *,
             charset: str = "utf-8") -> str:
    """An RSS 2.0 document of the reports, newest first."""
    items = []
    for r in sorted(reports, key=lambda r: r.published, reverse=True):
        link = f"{base}/articles/{r.id}.html"
        items.append(f"""  <item>
    <title>{_x(r.title)}</title>
    <link>{_x(link)}</link>
    <guid isPermaLink="true">{_x(link)}</guid>
    <pubDate>{format_datetime(r.published)}</pubDate>
    <dc:creator>{_x(r.author)}</dc:creator>
    <description>{_x(_summary(r))}</description>
  </item>""")
    return f"""<?xml version="1.0" encoding="{charset}"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>{_x(outlet.name)}</title>
  <link>{_x(base)}/</link>
  <description>{_x(SAMPLE_FOOTER if outlet.sample else SEED_FOOTER)}</description>
  <language>{_x((outlet.languages or ('en',))[0])}</language>
{chr(10).join(items)}
</channel>
</rss>
"""


def atom_feed(outlet: Outlet, reports: Sequence[SampleReport], base: str, feed_url: str) -> str:
    """An Atom 1.0 document of the reports, newest first."""
    ordered = sorted(reports, key=lambda r: r.published, reverse=True)
    updated = (ordered[0].published if ordered else datetime(2020, 10, 1, tzinfo=UTC))
    entries = []
    for r in ordered:
        link = f"{base}/articles/{r.id}.html"
        entries.append(f"""  <entry>
    <id>{_x(link)}</id>
    <title>{_x(r.title)}</title>
    <link rel="alternate" href="{_x(link)}"/>
    <published>{r.published.isoformat()}</published>
    <updated>{r.published.isoformat()}</updated>
    <author><name>{_x(r.author)}</name></author>
    <summary>{_x(_summary(r))}</summary>
  </entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>{_x(feed_url)}</id>
  <title>{_x(outlet.name)}</title>
  <subtitle>{_x(SAMPLE_FOOTER if outlet.sample else SEED_FOOTER)}</subtitle>
  <link rel="self" href="{_x(feed_url)}"/>
  <updated>{updated.isoformat()}</updated>
{chr(10).join(entries)}
</feed>
"""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the demo prints its own summary."""

    def do_GET(self) -> None:
        self.server.requests += 1
        try:
            status, ctype, body = self.server.owner.answer(self.path)
        except Exception as exc:  # a bug here must answer 500, not hang the client
            status, ctype, body = 500, "text/plain; charset=utf-8", f"error: {exc}".encode()
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if status == 200:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", "Fri, 16 Oct 2020 23:59:00 GMT")
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: CorpusServer
    requests: int = 0


class CorpusServer:
    """Serves the corpus on 127.0.0.1 in a thread; use as a context manager."""

    def __init__(self, reports: Sequence[SampleReport], outlets: Sequence[Outlet], *,
                 port: int = 0):
        self.port = port  # 0: any free port; a taken port falls back to a free one
        self.reports = {r.id: r for r in reports}
        self.outlets = {o.key: o for o in outlets}
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> CorpusServer:
        """Serve on 127.0.0.1 (the chosen port, else a free one) from a background thread."""
        try:
            httpd = _Server(("127.0.0.1", self.port), _Handler)
        except OSError:
            httpd = _Server(("127.0.0.1", 0), _Handler)
        httpd.owner = self
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, name="sitroom-demo-server",
                                        kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Shut the server down and free its port (stopping twice is harmless)."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> CorpusServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """Where the running server answers (raises when it is not running)."""
        if self._httpd is None:
            raise RuntimeError("the demo server is not running")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def requests(self) -> int:
        """Requests answered so far (robots.txt included)."""
        return self._httpd.requests if self._httpd else 0

    def localize(self, url: str) -> str:
        """A placeholder feed URL rewritten to this server's address."""
        return self.base_url + url[len(PLACEHOLDER):] if url.startswith(PLACEHOLDER) else url

    def local_outlets(self) -> tuple[Outlet, ...]:
        """The sample outlets with their feed URLs and homepages pointing at this server."""
        return tuple(replace(o, feeds=tuple(self.localize(f) for f in o.feeds),
                             homepage=self.localize(o.homepage))
                     for o in self.outlets.values())

    # --- routing (pure, testable without sockets) --------------------------------------------

    def answer(self, target: str) -> tuple[int, str, bytes]:
        """(status, content type, body) for a request target such as ``/feeds/x.rss?lang=ky``."""
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        charset = query.get("charset", ["utf-8"])[0]
        if path == "/robots.txt":
            return 200, "text/plain; charset=utf-8", ROBOTS_TXT.encode()
        if path == "/":
            return 200, "text/html; charset=utf-8", self._index().encode()
        if path.startswith("/feeds/"):
            name = path[len("/feeds/"):]
            key, _, kind = name.rpartition(".")
            outlet = self.outlets.get(key)
            if outlet is None or kind not in ("rss", "atom"):
                return _not_found()
            lang = query.get("lang", [None])[0]
            items = [r for r in self.reports.values()
                     if r.outlet == key and (lang is None or r.lang == lang)]
            base = self.base_url
            if kind == "rss":
                xml = rss_feed(outlet, items, base, charset=charset)
                return 200, f"application/rss+xml; charset={charset}", xml.encode(charset)
            xml = atom_feed(outlet, items, base, base + target)
            return 200, "application/atom+xml; charset=utf-8", xml.encode("utf-8")
        if path.startswith("/articles/") and path.endswith(".html"):
            report = self.reports.get(path[len("/articles/"):-len(".html")])
            if report is None:
                return _not_found()
            outlet = self.outlets[report.outlet]
            page_charset = _feed_charset(outlet)
            html = article_page(report, outlet, charset=page_charset)
            return 200, f"text/html; charset={page_charset}", html.encode(page_charset)
        return _not_found()

    def _index(self) -> str:
        links = "\n".join(f'<li><a href="{_x(self.localize(f))}">{_x(o.name)}</a></li>'
                          for o in self.outlets.values() for f in o.feeds)
        return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>sitroom demo"
                f"</title></head><body><h1>sitroom demo corpus</h1><ul>{links}</ul>"
                f"<p>{_x(SAMPLE_FOOTER)}</p></body></html>")


def _feed_charset(outlet: Outlet) -> str:
    """The charset an outlet's feeds ask for, used for its pages too."""
    for url in outlet.feeds:
        charset = parse_qs(urlsplit(url).query).get("charset")
        if charset:
            return charset[0]
    return "utf-8"


def _not_found() -> tuple[int, str, bytes]:
    return 404, "text/plain; charset=utf-8", b"not found\n"
