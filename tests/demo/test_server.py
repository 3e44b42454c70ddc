"""The corpus server publishes parseable RSS and Atom feeds and article pages on 127.0.0.1."""

from __future__ import annotations

import feedparser
import httpx
import pytest

from sitroom.collect.pages import extract_article
from sitroom.demo.corpus import SAMPLE_FOOTER, load_corpus, load_sample_outlets
from sitroom.demo.server import CorpusServer


@pytest.fixture(scope="module")
def server():
    with CorpusServer(load_corpus(), load_sample_outlets()) as srv:
        yield srv


def test_binds_localhost_and_serves_robots(server):
    assert server.base_url.startswith("http://127.0.0.1:")
    answer = httpx.get(server.base_url + "/robots.txt")
    assert answer.status_code == 200 and "User-agent: *" in answer.text
    assert httpx.get(server.base_url + "/nothing-here").status_code == 404
    assert httpx.get(server.base_url + "/feeds/no-such-outlet.rss").status_code == 404


def test_every_feed_parses_and_links_to_served_pages(server):
    corpus = load_corpus()
    seen: set[str] = set()
    kinds = set()
    for outlet in server.local_outlets():
        for url in outlet.feeds:
            assert url.startswith(server.base_url)
            answer = httpx.get(url)
            assert answer.status_code == 200
            parsed = feedparser.parse(answer.content)
            assert not parsed.bozo, (url, parsed.get("bozo_exception"))
            kinds.add(parsed.version)
            assert parsed.entries, url
            for entry in parsed.entries:
                assert entry.link.startswith(server.base_url + "/articles/")
                assert entry.get("published_parsed")
                seen.add(entry.link.rsplit("/", 1)[-1].removesuffix(".html"))
    assert seen == {r.id for r in corpus}
    assert {"rss20", "atom10"} <= kinds


def test_language_filter_and_windows_1251(server):
    ky = feedparser.parse(httpx.get(
        server.base_url + "/feeds/sample-state-wire.atom?lang=ky").content)
    assert ky.entries and all(e.title for e in ky.entries)
    assert len(ky.entries) == sum(1 for r in load_corpus()
                                  if r.outlet == "sample-state-wire" and r.lang == "ky")
    answer = httpx.get(server.base_url + "/feeds/sample-moscow-daily.rss?charset=windows-1251")
    assert answer.headers["content-type"].endswith("charset=windows-1251")
    assert answer.content.startswith(b'<?xml version="1.0" encoding="windows-1251"?>')
    with pytest.raises(UnicodeDecodeError):
        answer.content.decode("utf-8")
    parsed = feedparser.parse(answer.content)
    assert parsed.encoding == "windows-1251" and "Кремл" in " ".join(
        e.title for e in parsed.entries)


def test_article_page_is_labelled_and_extractable(server):
    report = next(r for r in load_corpus() if r.id == "s1006-state-white-house")
    answer = httpx.get(f"{server.base_url}/articles/{report.id}.html")
    assert SAMPLE_FOOTER in answer.text
    article = extract_article(answer.content, url=str(answer.url),
                              content_type=answer.headers["content-type"])
    assert "590 people were injured" in article.text
    assert article.title == report.title


def test_conditional_get(server):
    url = server.base_url + "/feeds/sample-global-wire.rss"
    first = httpx.get(url)
    again = httpx.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
