"""Article extraction from pages: text, metadata, charsets, and pages with no text."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime

import pytest

from sitroom.collect.pages import compress_raw, extract_article
from sitroom.errors import ParseError

PARAS = [
    "Thousands of protesters gathered on Ala-Too Square in Bishkek on Monday evening after the "
    "electoral commission announced preliminary results of the parliamentary vote.",
    "Police used water cannon and stun grenades late at night, and several people were taken "
    "to hospital according to the health ministry, this sample report says.",
    "Opposition parties said they did not recognise the results and called for a new vote.",
]


def page(paras, *, charset_meta="utf-8", title="Sample: protest in Bishkek"):
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f'<html><head><meta charset="{charset_meta}"><title>{title}</title>'
        '<meta name="author" content="Sample Reporter">'
        '<meta property="article:published_time" content="2020-10-05T21:00:00+06:00"></head>'
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Sample footer</footer></body></html>"
    )


def test_extracts_text_title_author_date():
    article = extract_article(page(PARAS).encode(), url="http://example.org/a")
    assert "Ala-Too Square" in article.text and "water cannon" in article.text
    assert "Sample footer" not in article.text
    assert article.title == "Sample: protest in Bishkek"
    assert article.author == "Sample Reporter"
    assert article.published is not None and article.published.date() == datetime(
        2020, 10, 5, tzinfo=UTC).date()


@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-r"])
def test_non_utf8_pages(encoding):
    paras = ["Тысячи сторонников оппозиции собрались на площади Ала-Тоо в Бишкеке вечером в "
             "понедельник после объявления предварительных итогов голосования.",
             "Милиция применила водомёты и светошумовые гранаты, сообщает этот образец."]
    html = page(paras, charset_meta=encoding, title="Образец: протест").encode(encoding)
    article = extract_article(html, url="http://example.org/ru")
    assert "площади Ала-Тоо" in article.text and article.charset.replace("_", "-") in (
        encoding, "cp1251")


@pytest.mark.parametrize("html", [
    b"", b"   ", b"<html><body></body></html>",
    b"<html><head><title>Only a title</title></head><body><nav>menu</nav></body></html>",
])
def test_page_without_text_is_a_parse_error(html):
    with pytest.raises(ParseError):
        extract_article(html, url="http://example.org/empty")


def test_raw_is_zlib_compressed_and_lossless():
    raw = page(PARAS).encode()
    packed = compress_raw(raw)
    assert len(packed) < len(raw) and zlib.decompress(packed) == raw
