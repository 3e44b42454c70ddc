"""One record of a bulk file as a report: JSONL/CSV of reports, ACLED exports, GDELT events.

Pure functions: each takes a parsed record and what the import knows (outlet, case, time of
import) and returns a ``Report`` or raises ``RowError`` with a message a person can act on. A field
that is wrong but not needed (a date in an unknown format) is dropped with a note appended to
``warnings`` instead, so the report still goes in.
"""

from __future__ import annotations

import functools
import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sitroom.model import Report, content_hash
from sitroom.reading.clean import clean_text, is_probably_binary

__all__ = [
    "ACLED_MARKERS", "GDELT_COLUMNS", "ImportContext", "RowError", "acled_report", "country_iso3",
    "gdelt_report", "parse_when", "report_from_fields",
]

MAX_TEXT_CHARS = 2_000_000


class RowError(ValueError):
    """A record that cannot become a report; the message says why."""


@dataclass(frozen=True)
class ImportContext:
    """What an import knows besides the record: defaults and the time of the import."""

    fetched: datetime
    outlet: str | None = None
    case: str | None = None


# --- fields ----------------------------------------------------------------------------------

_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%Y%m%d", "%Y%m%d%H%M%S", "%d.%m.%Y", "%d.%m.%Y %H:%M",
                 "%B %d, %Y", "%a, %d %b %Y %H:%M:%S %z")


def parse_when(value: object) -> datetime | None:
    """A timestamp from ISO 8601 or a few common export formats (naive means UTC); None if blank."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC)
    text = str(value).strip()
    if not text:
        return None
    when: datetime | None = None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        for fmt in _DATE_FORMATS:
            try:
                when = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if when is None:
        raise ValueError(f"date {text[:40]!r} is not ISO 8601 (YYYY-MM-DD[THH:MM[:SS][+HH:MM]])")
    return when if when.tzinfo else when.replace(tzinfo=UTC)


@functools.cache
def country_iso3(value: str) -> str | None:
    """ISO3 code of a country given as ISO3, ISO2, ISO numeric or English name; None if unknown."""
    text = value.strip()
    if not text:
        return None
    import pycountry  # lazy: its database loads on first use

    try:
        if text.isdigit():
            found = pycountry.countries.get(numeric=text.zfill(3))
        elif len(text) == 3 and text.isalpha():
            found = pycountry.countries.get(alpha_3=text.upper())
        elif len(text) == 2 and text.isalpha():
            found = pycountry.countries.get(alpha_2=text.upper())
        else:
            found = pycountry.countries.lookup(text)
    except LookupError:
        return None
    return found.alpha_3 if found else None


def _text_of(value: object, what: str = "text") -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise RowError(f"no {what}")
    if not isinstance(value, str):
        raise RowError(f"{what} must be a string, not {type(value).__name__}")
    if len(value) > MAX_TEXT_CHARS:
        raise RowError(f"{what} is {len(value):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    if is_probably_binary(value):
        raise RowError(f"{what} looks like binary data")
    cleaned = clean_text(value)
    if not any(ch.isalnum() for ch in cleaned):
        raise RowError(f"{what} is empty once markup and control characters are removed")
    return cleaned


def _optional_str(fields: Mapping[str, object], key: str) -> str:
    value = fields.get(key)
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return " ".join(str(value).split())
    raise RowError(f"field {key!r} must be a string, not {type(value).__name__}")


def _when(fields: Mapping[str, object], key: str, warnings: list[str]) -> datetime | None:
    try:
        return parse_when(fields.get(key))
    except (ValueError, OverflowError, OSError) as exc:
        warnings.append(f"{key}: {exc}; imported without it")
        return None


def _country(value: str, warnings: list[str], key: str = "country") -> str | None:
    if not value:
        return None
    iso3 = country_iso3(value)
    if iso3 is None:
        warnings.append(f"{key}: {value[:40]!r} is not a known country; imported without it")
    return iso3


_LANG = re.compile(r"^[a-z]{2,3}$")


def _raw(fields: Mapping[str, object]) -> bytes:
    return zlib.compress(json.dumps(fields, ensure_ascii=False, default=str).encode("utf-8"))


# --- reports (JSONL and CSV) -------------------------------------------------------------------


def report_from_fields(
    fields: Mapping[str, object], ctx: ImportContext, warnings: list[str]
) -> Report:
    """A report from the documented columns: id?, url?, title?, text, published?, outlet?, lang?,
    country?."""
    from sitroom.collect.urls import canonical_url, report_id_for_url

    text = _text_of(fields.get("text"))
    url = _optional_str(fields, "url")
    canonical = canonical_url(url) if url else ""
    if canonical and not canonical.startswith(("http://", "https://")):
        warnings.append(f"url: {url[:60]!r} is not an http(s) URL; kept but not used as "
                            "identity")
        canonical = ""
    digest = content_hash(text)
    rid = _optional_str(fields, "id")
    if len(rid) > 200:
        raise RowError("id is longer than 200 characters")
    rid = rid or (report_id_for_url(canonical) if canonical else "i" + digest[:23])
    lang = _optional_str(fields, "lang").lower() or None
    if lang and not _LANG.match(lang):
        warnings.append(f"lang: {lang[:20]!r} is not an ISO 639 code; detected instead")
        lang = None
    if lang is None:
        from sitroom.reading.language import detect_language

        lang = detect_language(text)
    return Report(
        id=rid,
        kind="import",
        text=text,
        title=clean_text(_optional_str(fields, "title")),
        url=url,
        canonical_url=canonical,
        outlet=_optional_str(fields, "outlet") or ctx.outlet,
        lang=lang,
        published=_when(fields, "published", warnings),
        fetched=ctx.fetched,
        author=clean_text(_optional_str(fields, "author")),
        content_hash=digest,
        raw=_raw(fields),
        raw_type="application/json",
        country_hint=_country(_optional_str(fields, "country"), warnings),
        case=ctx.case,
    )


# --- ACLED exports -----------------------------------------------------------------------------

ACLED_MARKERS = frozenset({"event_id_cnty", "event_date", "notes"})


def acled_report(fields: Mapping[str, str], ctx: ImportContext, warnings: list[str]) -> Report:
    """An ACLED row as a report: its notes are the text; source, date and country carried.

    The row's ``source`` (the outlets ACLED cites) goes to ``author``; every column is kept in
    ``raw`` as JSON.
    """
    event_id = (fields.get("event_id_cnty") or "").strip()
    if not event_id:
        raise RowError("no event_id_cnty")
    text = _text_of(fields.get("notes"), "notes")
    iso = (fields.get("iso") or "").strip()
    country = _country(iso, warnings, "iso") if iso \
        else _country((fields.get("country") or "").strip(), warnings)
    kind = " / ".join(x for x in (fields.get("event_type", ""), fields.get("sub_event_type", ""))
                      if x)
    where = ", ".join(x for x in (fields.get("location", ""), fields.get("admin1", ""),
                                  fields.get("country", "")) if x)
    title = f"ACLED {event_id}: {kind}" + (f" in {where}" if where else "")
    return Report(
        id=f"acled-{event_id}",
        kind="import",
        text=text,
        title=title,
        outlet=ctx.outlet,
        lang="en",
        published=_when(fields, "event_date", warnings),
        fetched=ctx.fetched,
        author=" ".join((fields.get("source") or "").split()),
        content_hash=content_hash(f"acled {event_id}\n{text}"),
        raw=_raw(fields),
        raw_type="application/json",
        country_hint=country,
        place_hint=fields.get("location", "").strip(),
        case=ctx.case,
    )


# --- GDELT event files -------------------------------------------------------------------------

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO), "DATEADDED", "SOURCEURL",
)  # GDELT 2.0: 61 columns; 1.0 daily files (58, or 57 without SOURCEURL) lack the ADM2 codes
_GDELT1_COLUMNS = tuple(c for c in GDELT_COLUMNS if not c.endswith("ADM2Code"))


def _gdelt_fields(cells: list[str]) -> dict[str, str]:
    if len(cells) == len(GDELT_COLUMNS):
        return dict(zip(GDELT_COLUMNS, cells, strict=True))
    if len(cells) in (len(_GDELT1_COLUMNS), len(_GDELT1_COLUMNS) - 1):
        return dict(zip(_GDELT1_COLUMNS, cells, strict=False))
    raise RowError(f"{len(cells)} fields; a GDELT 2.0 event row has {len(GDELT_COLUMNS)}")


def _actor(f: Mapping[str, str], n: int) -> str:
    name = f.get(f"Actor{n}Name") or f.get(f"Actor{n}Code") or ""
    country = f.get(f"Actor{n}CountryCode") or ""
    return f"{name} ({country})" if name and country else name or country


def gdelt_report(cells: list[str], ctx: ImportContext, warnings: list[str]) -> Report:
    """A GDELT event row as a report: a one-line description, its SOURCEURL, date, actor codes.

    GDELT rows carry no text of their own, so the text says what the row codes; every column
    is kept in ``raw`` as JSON. The source URL is kept as ``url`` but not as identity, since one
    article yields many GDELT events.
    """
    f = _gdelt_fields(cells)
    event_id = f["GlobalEventID"].strip()
    if not event_id.isdigit():
        raise RowError(f"GlobalEventID {event_id[:20]!r} is not a number")
    try:
        day = datetime.strptime(f["Day"].strip(), "%Y%m%d").replace(tzinfo=UTC)
    except ValueError as exc:
        raise RowError(f"Day {f['Day'][:20]!r} is not YYYYMMDD") from exc
    place = f.get("ActionGeo_FullName", "")
    a1, a2 = _actor(f, 1), _actor(f, 2)
    parts = [f"GDELT event {event_id} on {date.isoformat(day.date())}: CAMEO {f['EventCode']}"]
    if a1:
        parts.append(f"by {a1}")
    if a2:
        parts.append(f"towards {a2}")
    if place:
        parts.append(f"at {place}")
    text = " ".join(parts) + (f". Goldstein {f['GoldsteinScale']}, {f['NumArticles']} articles."
                              if f.get("GoldsteinScale") else ".")
    country = None
    for key in ("Actor1CountryCode", "Actor2CountryCode"):
        code = f.get(key, "").strip()
        if len(code) == 3 and country_iso3(code):
            country = country_iso3(code)
            break
    return Report(
        id=f"gdelt-{event_id}",
        kind="import",
        text=text,
        title=f"GDELT {f['EventCode']}" + (f" at {place}" if place else ""),
        url=f.get("SOURCEURL", "").strip(),
        outlet=ctx.outlet,
        lang="en",
        published=day,
        fetched=ctx.fetched,
        content_hash=content_hash(text),
        raw=_raw(f),
        raw_type="application/json",
        country_hint=country,
        place_hint=place.strip(),
        case=ctx.case,
    )
