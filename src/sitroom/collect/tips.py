"""Tips: reports typed in by a person (CLI, web form, API), unreviewed until an analyst looks.

A tip arrives from someone we cannot vet, so everything in it is treated as hostile: it is size
checked, decoded strictly, stripped of markup and control characters, and kept as plain text; the
submission as received is kept compressed in ``raw`` and never rendered.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from datetime import UTC, datetime

from sitroom.errors import InputError
from sitroom.model import REVIEW_STATUSES, Report, content_hash
from sitroom.reading.clean import clean_text, is_probably_binary, strip_control, strip_markup
from sitroom.store.api import AddResult, Store

__all__ = ["MAX_CONTACT_CHARS", "MAX_PLACE_CHARS", "MAX_TIP_CHARS", "review_tip", "submit_tip",
           "tip_report"]

MAX_TIP_CHARS = 50_000  # a tip is a message, not a document (about 20 pages of text)
MAX_CONTACT_CHARS = 300
MAX_PLACE_CHARS = 200
_LANG = re.compile(r"^[a-z]{2,3}$")
_CASE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")

Clock = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _as_text(value: str | bytes, what: str) -> str:
    """Text from a submission; bytes must be UTF-8 (a clear error otherwise)."""
    if isinstance(value, bytes | bytearray):
        if is_probably_binary(bytes(value)):
            raise InputError(f"{what} looks like a binary file, not text")
        try:
            return bytes(value).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{what} is not valid UTF-8 (byte {exc.start})") from exc
    if not isinstance(value, str):
        raise InputError(f"{what} must be text, not {type(value).__name__}")
    return value


def _raw_bytes(text: str) -> bytes:
    """The submission as received; lone surrogates kept rather than refused."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _short_field(value: str | bytes | None, what: str, limit: int) -> str:
    """A one-line field (contact, place): plain text, no markup, at most ``limit`` characters."""
    if value is None:
        return ""
    text = strip_control(_as_text(value, what))
    if "<" in text and ">" in text:
        text = strip_markup(text)
    text = " ".join(text.split())
    if len(text) > limit:
        raise InputError(f"{what} is {len(text)} characters long; the limit is {limit}")
    return text


def tip_report(
    text: str | bytes,
    *,
    contact: str | None = None,
    place: str | None = None,
    lang: str | None = None,
    case: str | None = None,
    published: datetime | None = None,
    clock: Clock | None = None,
) -> Report:
    """Build the report of a tip, or raise ``InputError`` saying what is wrong with it (pure)."""
    body = _as_text(text, "the tip")
    if len(body) > MAX_TIP_CHARS:
        raise InputError(f"the tip is {len(body):,} characters long; the limit is "
                         f"{MAX_TIP_CHARS:,} (send a long document as a file import instead)")
    if is_probably_binary(body):
        raise InputError("the tip looks like binary data, not text")
    cleaned = clean_text(body, drop_boilerplate=False)
    if not any(ch.isalnum() for ch in cleaned):
        raise InputError("the tip is empty (no words left after removing markup and "
                         "control characters)")
    contact_text = _short_field(contact, "contact", MAX_CONTACT_CHARS)
    place_text = _short_field(place, "place", MAX_PLACE_CHARS)
    if lang is not None:
        lang = lang.strip().lower()
        if not _LANG.match(lang):
            raise InputError(f"language {lang[:20]!r} is not an ISO 639 code such as en, ru, ky")
    else:
        from sitroom.reading.language import detect_language

        lang = detect_language(cleaned)
    if case is not None and not _CASE.match(case):
        raise InputError(f"case name {case[:40]!r} is not a valid case name")
    now = (clock or _utcnow)()
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    digest = content_hash(cleaned)
    return Report(
        id="t" + digest[:23],
        kind="tip",
        text=cleaned,
        lang=lang,
        published=published or now,
        fetched=now,
        content_hash=digest,
        raw=zlib.compress(_raw_bytes(body)),
        raw_type="text/plain; charset=utf-8",
        place_hint=place_text,
        submitter=contact_text,
        review_status="unreviewed",
        case=case,
    )


def submit_tip(
    store: Store,
    text: str | bytes,
    *,
    contact: str | None = None,
    place: str | None = None,
    lang: str | None = None,
    case: str | None = None,
    published: datetime | None = None,
    clock: Clock | None = None,
) -> AddResult:
    """Store a tip as an unreviewed report; the same text sent twice is stored once."""
    report = tip_report(text, contact=contact, place=place, lang=lang, case=case,
                        published=published, clock=clock)
    return store.add_report(report)


def review_tip(store: Store, report_id: str, status: str) -> Report:
    """Mark a tip accepted, rejected (or back to unreviewed); return it as now stored."""
    if status not in REVIEW_STATUSES:
        raise InputError(f"review status {status!r} is not one of {', '.join(REVIEW_STATUSES)}")
    report = store.get_report(report_id)
    if report.kind != "tip":
        raise InputError(f"report {report_id!r} is a {report.kind}, not a tip")
    store.set_review_status(report_id, status)
    return store.get_report(report_id)
