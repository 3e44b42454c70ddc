"""Feeds in every format we read, and bad ones that must never raise."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from sitroom.collect.feeds import html_to_text, parse_feed

RSS20 = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Sample Wire (sample)</title>
<item><title>Crowds gather in Bishkek</title><link>/news/1?utm_source=rss</link>
<description>&lt;p&gt;Thousands &amp;amp; more gathered.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Full text of the sample story.</p><p>Second paragraph.</p>]]>
</content:encoded>
<author>desk@example.org (Sample Desk)</author>
<pubDate>Tue, 06 Oct 2020 08:30:00 +0600</pubDate><guid>sample-1</guid></item>
<item><title>No link here</title></item>
</channel></rss>"""

RSS091 = """<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>
<item><title>Old style</title><link>http://example.org/old</link>
<description>Old summary</description></item></channel></rss>"""

RSS10 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://example.org/"><title>RDF</title></channel>
<item rdf:about="http://example.org/rdf1"><title>RDF item</title>
<link>http://example.org/rdf1</link><description>RDF summary</description>
<dc:date>2020-10-09T12:00:00Z</dc:date></item></rdf:RDF>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom sample</title>
<entry><title>Atom entry</title><link href="http://example.org/atom1"/>
<id>urn:uuid:1</id><updated>2020-10-15T10:00:00Z</updated>
<author><name>Sample Author</name></author><summary>Atom summary</summary></entry></feed>"""


def test_rss20_items_links_resolved_and_text_cleaned():
    feed = parse_feed(RSS20.encode(), url="http://example.org/feed.xml")
    assert feed.format == "rss20" and feed.problem is None and feed.title.startswith("Sample Wire")
    (item,) = feed.items  # the item without a link is dropped
    assert item.link == "http://example.org/news/1?utm_source=rss"
    assert item.summary == "Thousands & more gathered."
    assert "Second paragraph." in item.content and item.best_text == item.content
    assert item.published == datetime(2020, 10, 6, 2, 30, tzinfo=UTC)
    assert item.guid.endswith("sample-1")


@pytest.mark.parametrize(("doc", "fmt", "link"), [
    (RSS091, "rss091u", "http://example.org/old"),
    (RSS10, "rss10", "http://example.org/rdf1"),
    (ATOM, "atom10", "http://example.org/atom1"),
])
def test_other_xml_formats(doc, fmt, link):
    feed = parse_feed(doc.encode(), url="http://example.org/f")
    assert feed.format.startswith(fmt[:5]) and feed.items[0].link == link
    assert feed.items[0].summary


def test_atom_author_and_date():
    item = parse_feed(ATOM.encode()).items[0]
    assert item.author == "Sample Author"
    assert item.published == datetime(2020, 10, 15, 10, 0, tzinfo=UTC)


def test_json_feed_11_and_10():
    data = {
        "version": "https://jsonfeed.org/version/1.1", "title": "JSON sample",
        "authors": [{"name": "Feed Author"}],
        "items": [
            {"id": "1", "url": "https://example.org/j1", "title": "J one",
             "content_html": "<p>Hello <b>world</b></p>", "date_published": "2020-10-06T10:00:00Z"},
            {"id": "2", "external_url": "/j2", "content_text": "Plain", "summary": "S",
             "author": {"name": "Item Author"}},
            {"id": "3", "title": "no url"},
            "not an object",
        ],
    }
    feed = parse_feed(json.dumps(data).encode(), url="https://example.org/feed.json",
                      content_type="application/feed+json")
    assert feed.format == "json11" and [i.link for i in feed.items] == [
        "https://example.org/j1", "https://example.org/j2"]
    assert feed.items[0].content == "Hello world" and feed.items[0].author == "Feed Author"
    assert feed.items[0].published == datetime(2020, 10, 6, 10, tzinfo=UTC)
    assert feed.problem == "2 item(s) without a URL skipped"
    data["version"] = "https://jsonfeed.org/version/1"
    assert parse_feed(json.dumps(data).encode()).format == "json10"


@pytest.mark.parametrize("content", [
    b"{not json", b'{"items": 5}', b"[1, 2]", b"", b"\x00\xff\xfe garbage",
    b"<html><body>not a feed</body></html>",
    b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut',
])
def test_bad_feeds_never_raise_and_name_the_problem(content):
    feed = parse_feed(content, url="http://example.org/bad")
    assert feed.problem


def test_malformed_xml_still_yields_readable_items():
    broken = RSS20.replace("</channel></rss>", "<item><title>Broken & unescaped</title>")
    feed = parse_feed(broken.encode(), url="http://example.org/feed.xml")
    assert feed.problem and feed.problem.startswith("malformed feed")
    assert feed.items and feed.items[0].title == "Crowds gather in Bishkek"


@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-r"])
def test_non_utf8_feeds(encoding):
    doc = (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
           "<title>Образец</title><item><title>Протест в Бишкеке</title>"
           "<link>http://example.org/ru1</link><description>Тысячи людей</description>"
           "</item></channel></rss>")
    feed = parse_feed(doc.encode(encoding), url="http://example.org/ru.xml")
    assert feed.items[0].title == "Протест в Бишкеке"
    assert feed.items[0].summary == "Тысячи людей"


def test_html_to_text():
    assert html_to_text("<p>a &amp; b</p><p>c</p>") == "a & b\nc"
    assert html_to_text("plain   text") == "plain text"
