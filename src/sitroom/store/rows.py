"""Dataclasses to table rows and back: pure functions, no database."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Mapping
from datetime import date
from typing import Any

from sitroom.model import (
    Actor,
    Alert,
    Case,
    Claim,
    Corroboration,
    CrowdSize,
    Delivery,
    ErrorRecord,
    Event,
    FigureRange,
    Hypothesis,
    IndicatorRule,
    MergeAction,
    Outlet,
    OutletFigures,
    Report,
    Tie,
    Watch,
    _plain,
    content_hash,
)
from sitroom.store.api import FeedState
from sitroom.store.schema import CODED_FIELDS

Row = Mapping[str, Any]


def _clean(value: Any) -> Any:
    """Text both backends can hold alike: NULs dropped, lone surrogates replaced by "?"."""
    if not isinstance(value, str):
        return value
    if "\x00" in value:
        value = value.replace("\x00", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # e.g. bytes decoded with surrogateescape
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def _tuples(value: Any) -> Any:
    """JSON lists back to tuples, recursively, so loaded dataclasses stay hashable."""
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


def alias_key(alias: str) -> str:
    """How an alias is looked up: casefolded, whitespace collapsed."""
    return " ".join(alias.split()).casefold()


# --- cases, outlets, actors -------------------------------------------------------------------


def case_row(case: Case) -> dict[str, Any]:
    return {
        "name": case.name, "title": case.title, "countries": list(case.countries),
        "start_date": case.start, "end_date": case.end, "languages": list(case.languages),
        "population": case.population, "keywords": list(case.keywords),
        "description": case.description, "path": case.path,
    }


def case_from(row: Row, **parts: Any) -> Case:
    return Case(
        name=row["name"], title=row["title"], countries=tuple(row["countries"]),
        start=row["start_date"], end=row["end_date"], languages=tuple(row["languages"]),
        population=row["population"], keywords=tuple(row["keywords"]),
        description=row["description"], path=row["path"], **parts,
    )


def outlet_row(o: Outlet) -> dict[str, Any]:
    return {
        "key": o.key, "name": o.name, "homepage": o.homepage, "feeds": list(o.feeds),
        "country": o.country, "languages": list(o.languages), "ownership": o.ownership,
        "bloc": o.bloc, "reliability": o.reliability, "group_name": o.group,
        "feeds_verified": o.feeds_verified, "sample": o.sample,
        "interval_minutes": o.interval_minutes, "notes": o.notes,
    }


def outlet_from(row: Row) -> Outlet:
    return Outlet(
        key=row["key"], name=row["name"], homepage=row["homepage"], feeds=tuple(row["feeds"]),
        country=row["country"], languages=tuple(row["languages"]), ownership=row["ownership"],
        bloc=row["bloc"], reliability=row["reliability"], group=row["group_name"],
        feeds_verified=bool(row["feeds_verified"]), sample=bool(row["sample"]),
        interval_minutes=row["interval_minutes"], notes=row["notes"],
    )


def actor_row(a: Actor) -> dict[str, Any]:
    return {
        "key": a.key, "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
        "country": a.country, "inter": a.inter, "description": a.description,
    }


def alias_rows(a: Actor) -> list[dict[str, Any]]:
    """One lookup row per distinct alias, the actor's name included."""
    seen: dict[str, str] = {}
    for alias in (a.name, *a.aliases):
        seen.setdefault(alias_key(alias), alias)
    return [{"actor": a.key, "alias_norm": k, "alias": v} for k, v in seen.items() if k]


def actor_from(row: Row) -> Actor:
    return Actor(
        key=row["key"], name=row["name"], kind=row["kind"], aliases=tuple(row["aliases"]),
        country=row["country"], inter=row["inter"], description=row["description"],
    )


def tie_id(tie: Tie, case: str) -> str:
    """Stable identity of a tie within a case: who, what, whom, from when."""
    start = tie.start.isoformat() if tie.start else ""
    key = "\x1f".join((case, tie.source, tie.relation, tie.target, start))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def tie_row(t: Tie, case: str, seq: int = 0) -> dict[str, Any]:
    return {
        "id": tie_id(t, case), "case_name": case, "source": t.source, "relation": t.relation,
        "target": t.target, "start_date": t.start, "end_date": t.end, "note": t.note,
        "evidence": list(t.evidence), "seq": seq,
    }


def tie_from(row: Row) -> Tie:
    return Tie(
        source=row["source"], relation=row["relation"], target=row["target"],
        start=row["start_date"], end=row["end_date"], note=row["note"],
        evidence=tuple(row["evidence"]),
    )


def hypothesis_row(h: Hypothesis, case: str, seq: int = 0) -> dict[str, Any]:
    return {
        "case_name": case, "key": h.key, "title": h.title, "description": h.description,
        "indicators": list(h.indicators), "seq": seq,
        "rules": [_plain(r) for r in h.rules],
    }


def _rule_from(data: Mapping[str, Any]) -> IndicatorRule:
    test = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in data["test"])
    return IndicatorRule(indicator=data["indicator"], scope=data["scope"], test=test,
                         rating=data.get("rating", "C"), otherwise=data.get("otherwise", ""))


def hypothesis_from(row: Row) -> Hypothesis:
    return Hypothesis(
        key=row["key"], title=row["title"], description=row["description"],
        indicators=tuple(row["indicators"]),
        rules=tuple(_rule_from(r) for r in row.get("rules") or ()),
    )


def watch_row(w: Watch, case: str, seq: int = 0) -> dict[str, Any]:
    return {
        "case_name": case, "key": w.key, "title": w.title,
        "query": [[k, _plain(v)] for k, v in w.query], "seq": seq,
    }


def watch_from(row: Row) -> Watch:
    return Watch(
        key=row["key"], title=row["title"],
        query=tuple((k, _tuples(v)) for k, v in row["query"]),
    )


# --- reports ----------------------------------------------------------------------------------


def is_zlib(data: bytes) -> bool:
    """Whether bytes start with a zlib header (CMF/FLG check), i.e. are already compressed."""
    return len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] * 256 + data[1]) % 31 == 0


def compressed(raw: bytes | None) -> bytes | None:
    """Raw bytes as stored: zlib-compressed (compressing them if the caller had not)."""
    if raw is None:
        return None
    raw = bytes(raw)
    if is_zlib(raw):
        try:
            zlib.decompressobj().decompress(raw, 1)
            return raw
        except zlib.error:
            pass
    return zlib.compress(raw, 6)


def url_hash(canonical_url: str) -> str:
    """The key canonical URLs are unique by."""
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()


def report_row(r: Report) -> dict[str, Any]:
    row = {
        "id": r.id, "kind": r.kind, "title": r.title, "text": r.text, "url": r.url,
        "canonical_url": r.canonical_url or None, "outlet": r.outlet, "lang": r.lang,
        "published": r.published, "fetched": r.fetched, "author": r.author,
        "raw_type": r.raw_type, "country_hint": r.country_hint, "place_hint": r.place_hint,
        "submitter": r.submitter, "review_status": r.review_status,
        "duplicate_of": r.duplicate_of, "near_duplicate_of": r.near_duplicate_of,
        "case_name": r.case, "content_hash": r.content_hash,
    }
    row = {k: _clean(v) for k, v in row.items()}
    row["url_hash"] = url_hash(row["canonical_url"]) if row["canonical_url"] else None
    row["content_hash"] = row["content_hash"] or content_hash(row["text"])
    row["raw"] = compressed(r.raw)
    return row


def report_from(row: Row) -> Report:
    return Report(
        id=row["id"], kind=row["kind"], text=row["text"], title=row["title"], url=row["url"],
        canonical_url=row["canonical_url"] or "", outlet=row["outlet"], lang=row["lang"],
        published=row["published"], fetched=row["fetched"], author=row["author"],
        content_hash=row["content_hash"], raw=row["raw"], raw_type=row["raw_type"],
        country_hint=row["country_hint"], place_hint=row["place_hint"],
        submitter=row["submitter"], review_status=row["review_status"],
        duplicate_of=row["duplicate_of"], near_duplicate_of=row["near_duplicate_of"],
        case=row["case_name"],
    )


def feed_state_row(s: FeedState) -> dict[str, Any]:
    return {
        "url": s.url, "outlet": s.outlet, "etag": s.etag, "last_modified": s.last_modified,
        "last_checked": s.last_checked, "next_due": s.next_due, "failures": s.failures,
        "last_status": s.last_status, "last_error": _clean(s.last_error),
    }


def feed_state_from(row: Row) -> FeedState:
    return FeedState(
        url=row["url"], outlet=row["outlet"], etag=row["etag"],
        last_modified=row["last_modified"], last_checked=row["last_checked"],
        next_due=row["next_due"], failures=row["failures"], last_status=row["last_status"],
        last_error=row["last_error"],
    )


def error_row(e: ErrorRecord) -> dict[str, Any]:
    return {
        "stage": e.stage, "source": _clean(e.source), "message": _clean(e.message), "at": e.at,
        "outlet": e.outlet, "kind": e.kind,
    }


def error_from(row: Row) -> ErrorRecord:
    return ErrorRecord(
        stage=row["stage"], source=row["source"], message=row["message"], at=row["at"],
        outlet=row["outlet"], kind=row["kind"],
    )


# --- claims and events ------------------------------------------------------------------------


def claim_id(doc_id: str, coder_version: str, index: int) -> str:
    """The id of a claim given without one: stable for (doc_id, coder_version, index)."""
    key = f"{doc_id}\x1f{coder_version}\x1f{index}"
    return "c-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def _crowd_columns(crowd: CrowdSize | None) -> dict[str, Any]:
    if crowd is None:
        return {"crowd_min": None, "crowd_max": None, "crowd_text": None}
    return {"crowd_min": crowd.min, "crowd_max": crowd.max, "crowd_text": _clean(crowd.text)}


def _crowd_from(row: Row) -> CrowdSize | None:
    if row["crowd_text"] is None:
        return None
    return CrowdSize(min=row["crowd_min"], max=row["crowd_max"], text=row["crowd_text"])


_CLAIM_PLAIN = (
    "doc_id", *CODED_FIELDS, "fatalities", "injuries", "arrests", "target_owner_iso3",
    "confidence", "coder_version",
)


def claim_row(c: Claim) -> dict[str, Any]:
    row = {name: _clean(getattr(c, name)) for name in _CLAIM_PLAIN}
    row["id"] = c.id or claim_id(c.doc_id, c.coder_version, c.index)
    row["claim_index"] = c.index
    row["evidence"] = _clean(c.evidence)
    row.update(_crowd_columns(c.crowd_size))
    return row


def claim_from(row: Row) -> Claim:
    values = {name: row[name] for name in _CLAIM_PLAIN}
    return Claim(
        **values, id=row["id"], index=row["claim_index"], evidence=row["evidence"],
        crowd_size=_crowd_from(row),
    )


_EVENT_PLAIN = ("id", *CODED_FIELDS, "target_owner_iso3", "notes", "status")
FIGURES = ("fatalities", "injuries", "arrests", "crowd_size")


def _figure_columns(name: str, fr: FigureRange | None) -> dict[str, Any]:
    if fr is None:
        return {name: None, f"{name}_low": None, f"{name}_high": None, f"{name}_disputed": None}
    return {name: fr.value, f"{name}_low": fr.low, f"{name}_high": fr.high,
            f"{name}_disputed": bool(fr.disputed)}


def _figure_from(row: Row, name: str) -> FigureRange | None:
    if row[f"{name}_disputed"] is None:
        return None
    return FigureRange(value=row[name], low=row[f"{name}_low"], high=row[f"{name}_high"],
                       disputed=bool(row[f"{name}_disputed"]))


def event_row(e: Event) -> dict[str, Any]:
    row = {name: _clean(getattr(e, name)) for name in _EVENT_PLAIN}
    for name in FIGURES:
        row.update(_figure_columns(name, getattr(e, name)))
    corr = e.corroboration
    row["corroboration"] = corr.to_dict() if corr else None
    row["independent_outlets"] = corr.independent_outlets if corr else None
    return row


def event_claim_rows(e: Event) -> list[dict[str, Any]]:
    seen: dict[str, int] = {}
    for cid in e.claim_ids:
        seen.setdefault(cid, len(seen))
    return [{"event_id": e.id, "claim_id": c, "position": i} for c, i in seen.items()]


def figure_rows(e: Event) -> list[dict[str, Any]]:
    return [
        {"event_id": e.id, "position": i, "claim_id": f.claim_id, "report_id": f.report_id,
         "outlet": f.outlet, "bloc": f.bloc, "fatalities": f.fatalities,
         "injuries": f.injuries, "arrests": f.arrests, **_crowd_columns(f.crowd_size)}
        for i, f in enumerate(e.figures)
    ]


def figures_from(row: Row) -> OutletFigures:
    return OutletFigures(
        claim_id=row["claim_id"], report_id=row["report_id"], outlet=row["outlet"],
        bloc=row["bloc"], fatalities=row["fatalities"], injuries=row["injuries"],
        arrests=row["arrests"], crowd_size=_crowd_from(row),
    )


def _corroboration_from(data: Any) -> Corroboration | None:
    if data is None:
        return None
    return Corroboration(
        independent_outlets=data["independent_outlets"], outlets=tuple(data["outlets"]),
        blocs=tuple(data["blocs"]), silent_blocs=tuple(data["silent_blocs"]),
        single_source=data["single_source"], tip_only=data["tip_only"],
    )


def event_from(
    row: Row, claim_ids: tuple[str, ...], figures: tuple[OutletFigures, ...]
) -> Event:
    values = {name: row[name] for name in _EVENT_PLAIN}
    ranges = {name: _figure_from(row, name) for name in FIGURES}
    return Event(
        **values, **ranges, claim_ids=claim_ids, figures=figures,
        corroboration=_corroboration_from(row["corroboration"]),
    )


def merge_action_row(a: MergeAction) -> dict[str, Any]:
    return {
        "id": a.id, "action": a.action, "event_ids": list(a.event_ids),
        "claim_ids": list(a.claim_ids), "actor": a.actor, "reason": _clean(a.reason),
        "at": a.at, "undoes": a.undoes, "payload": [[k, _plain(v)] for k, v in a.payload],
    }


def merge_action_from(row: Row) -> MergeAction:
    return MergeAction(
        id=row["id"], action=row["action"], event_ids=tuple(row["event_ids"]),
        claim_ids=tuple(row["claim_ids"]), actor=row["actor"], reason=row["reason"],
        at=row["at"], undoes=row["undoes"],
        payload=tuple((k, _tuples(v)) for k, v in row["payload"]),
    )


def alert_row(a: Alert) -> dict[str, Any]:
    return {"watch": a.watch, "event_id": a.event_id, "fired_at": a.fired_at,
            "message": _clean(a.message), "case_name": a.case, "title": _clean(a.title),
            "fingerprint": a.fingerprint, "suppressed": a.suppressed,
            "payload": [[k, _plain(v)] for k, v in a.payload]}


def alert_from(row: Row) -> Alert:
    return Alert(watch=row["watch"], event_id=row["event_id"], fired_at=row["fired_at"],
                 message=row["message"], case=row["case_name"] or "",
                 title=row["title"] or "", fingerprint=row["fingerprint"] or "",
                 suppressed=bool(row["suppressed"]),
                 payload=tuple((k, _tuples(v)) for k, v in row["payload"] or ()))


def delivery_row(d: Delivery) -> dict[str, Any]:
    return {"watch": d.watch, "event_id": d.event_id, "channel": d.channel, "status": d.status,
            "attempts": d.attempts, "next_attempt": d.next_attempt,
            "last_error": _clean(d.last_error), "sent_at": d.sent_at}


def delivery_from(row: Row) -> Delivery:
    return Delivery(watch=row["watch"], event_id=row["event_id"], channel=row["channel"],
                    status=row["status"], attempts=row["attempts"],
                    next_attempt=row["next_attempt"], last_error=row["last_error"],
                    sent_at=row["sent_at"])


def as_date(value: date | None) -> date | None:
    """A datetime filter bound applied to a date column compares by its date."""
    if value is None:
        return None
    return value.date() if hasattr(value, "date") and callable(value.date) else value
