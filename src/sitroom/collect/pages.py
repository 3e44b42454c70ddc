"""Extract an article page's main text, title, author and date (trafilatura, loaded lazily)."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sitroom.collect.charset import decode_bytes
from sitroom.errors import ParseError

__all__ = ["MIN_WORDS", "Article", "compress_raw", "extract_article"]

MIN_WORDS = 5  # fewer words than this is a menu or a caption, not an article


@dataclass(frozen=True)
class Article:
    """What a page says: its main text and the metadata found around it."""

    text: str
    title: str = ""
    author: str = ""
    published: datetime | None = None
    charset: str = ""


def compress_raw(content: bytes) -> bytes:
    """The original bytes as kept in ``Report.raw`` (zlib), so a page is never refetched."""
    return zlib.compress(content, 6)


def _page_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def extract_article(content: bytes, *, url: str = "", content_type: str = "") -> Article:
    """Main text and metadata of an HTML page; ParseError when it holds no readable text."""
    html, charset = decode_bytes(content, content_type)
    if not html.strip():
        raise ParseError("empty page")
    import trafilatura  # lazy: heavy import

    doc, text = None, ""
    for fast in (True, False):  # the fast extractor first; its fallbacks only when it finds none
        try:
            doc = trafilatura.bare_extraction(
                html, url=url or None, with_metadata=True, include_comments=False,
                include_tables=False, fast=fast,
            )
        except (ValueError, TypeError, AttributeError, LookupError) as exc:
            raise ParseError(f"page could not be parsed: {exc}") from exc
        text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
        if len(text.split()) >= MIN_WORDS:
            break
    if doc is None or len(text.split()) < MIN_WORDS:
        raise ParseError("no article text found in the page")
    return Article(
        text=text,
        title=(doc.title or "").strip(),
        author=(doc.author or "").strip(),
        published=_page_date(doc.date),
        charset=charset,
    )
