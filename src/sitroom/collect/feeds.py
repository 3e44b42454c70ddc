"""Read RSS 0.9x/1.0/2.0 and Atom (through feedparser) and JSON Feed 1.0/1.1 (by hand).

A bad feed never raises: ``parse_feed`` returns the items it could read and names the problem,
as feedparser's ``bozo`` does.
"""

from __future__ import annotations

import calendar
import html
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

__all__ = ["FeedItem", "ParsedFeed", "html_to_text", "parse_feed"]

_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"(?i)</?(p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v]+")
# feedparser flags these although the feed was read in full: a missing or generic media type,
# or a charset label it had to correct.
_HARMLESS = frozenset({"NonXMLContentType", "CharacterEncodingOverride"})


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: where the article is and what the feed says of it."""

    link: str
    title: str = ""
    summary: str = ""  # plain text
    content: str = ""  # plain text of full content when the feed carries it
    author: str = ""
    published: datetime | None = None
    guid: str = ""

    @property
    def best_text(self) -> str:
        """The longest text the feed itself gives (full content, else summary)."""
        return self.content if len(self.content) > len(self.summary) else self.summary


@dataclass(frozen=True)
class ParsedFeed:
    """A feed read as far as it could be; ``problem`` says what was wrong, if anything."""

    url: str
    format: str  # rss20, atom10, json11, … or "" when unknown
    title: str = ""
    items: tuple[FeedItem, ...] = ()
    problem: str | None = None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries): tags dropped, entities decoded."""
    if "<" not in fragment and "&" not in fragment:
        return " ".join(fragment.split())
    text = _BLOCK.sub("\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _looks_like_json(content: bytes, content_type: str) -> bool:
    return "json" in content_type.lower() or content.lstrip()[:1] == b"{"


def parse_feed(content: bytes, *, url: str = "", content_type: str = "") -> ParsedFeed:
    """Items of an RSS, Atom or JSON feed; never raises on bad input."""
    if _looks_like_json(content, content_type):
        return _parse_json_feed(content, url)
    return _parse_xml_feed(content, url, content_type)


# --- XML (feedparser) ------------------------------------------------------------------------


def _struct_to_datetime(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _entry_text(entry: Any, key: str) -> str:
    value = entry.get(key)
    if key == "content":
        parts = [c.get("value", "") for c in value or () if isinstance(c, dict)]
        return html_to_text("\n".join(parts))
    return html_to_text(value or "")


def _parse_xml_feed(content: bytes, url: str, content_type: str) -> ParsedFeed:
    import feedparser  # lazy: only collection needs it

    headers = {"content-location": url} if url else {}
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(content, response_headers=headers, sanitize_html=False)
    except (ValueError, TypeError, LookupError, AttributeError) as exc:  # feedparser rarely raises
        return ParsedFeed(url=url, format="", problem=f"unreadable feed: {exc}")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not link and str(entry.get("id", "")).startswith(("http://", "https://")):
            link = entry["id"]
        if not link:
            continue
        items.append(FeedItem(
            link=urljoin(url, link.strip()) if url else link.strip(),
            title=html_to_text(entry.get("title", "")),
            summary=_entry_text(entry, "summary"),
            content=_entry_text(entry, "content"),
            author=entry.get("author", "") or "",
            published=_struct_to_datetime(
                entry.get("published_parsed") or entry.get("updated_parsed")
            ),
            guid=str(entry.get("id", "") or ""),
        ))
    problem = None
    exc = parsed.get("bozo_exception")
    if parsed.get("bozo") and type(exc).__name__ not in _HARMLESS:
        problem = f"malformed feed: {type(exc).__name__}: {exc}"
    if not items and not parsed.get("version"):
        problem = problem or "not a feed: no RSS, Atom or JSON Feed found"
    return ParsedFeed(
        url=url, format=parsed.get("version", "") or "",
        title=html_to_text(parsed.feed.get("title", "")), items=tuple(items), problem=problem,
    )


# --- JSON Feed -------------------------------------------------------------------------------


def _iso_datetime(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _json_author(item: dict[str, Any], feed: dict[str, Any]) -> str:
    authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict)
                                      else None) or feed.get("authors") or []
    names = [a.get("name", "") for a in authors if isinstance(a, dict) and a.get("name")]
    return ", ".join(names)


def _parse_json_feed(content: bytes, url: str) -> ParsedFeed:
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return ParsedFeed(url=url, format="json", problem=f"malformed JSON feed: {exc}")
    if not isinstance(data, dict) or not isinstance(data.get("items", []), list):
        return ParsedFeed(url=url, format="json", problem="not a JSON Feed: no 'items' list")
    version = str(data.get("version", ""))
    fmt = "json11" if version.endswith("1.1") else "json10" if version.endswith("/1") else "json"
    items, skipped = [], 0
    for raw in data.get("items", []):
        if not isinstance(raw, dict):
            skipped += 1
            continue
        link = raw.get("url") or raw.get("external_url") or ""
        if not isinstance(link, str) or not link:
            skipped += 1
            continue
        body = raw.get("content_text") or html_to_text(raw.get("content_html") or "")
        items.append(FeedItem(
            link=urljoin(url, link) if url else link,
            title=html_to_text(str(raw.get("title") or "")),
            summary=html_to_text(str(raw.get("summary") or "")),
            content=str(body or ""),
            author=_json_author(raw, data),
            published=_iso_datetime(raw.get("date_published") or raw.get("date_modified")),
            guid=str(raw.get("id") or ""),
        ))
    problem = None
    if not version.startswith("https://jsonfeed.org/version/"):
        problem = f"not a JSON Feed version: {version!r}"
    elif skipped:
        problem = f"{skipped} item(s) without a URL skipped"
    return ParsedFeed(url=url, format=fmt, title=str(data.get("title") or ""),
                      items=tuple(items), problem=problem)
