"""Reading gold files: one annotated document per JSONL line, checked against the vocabularies."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sitroom.coding.typing.vocabulary import (
    ACLED_TYPES,
    EVENT_TYPE_OF,
    INTER_CODES,
    PLOVER_TYPES,
    POLITICAL_EVENTS,
)
from sitroom.errors import InputError
from sitroom.model import Document

# Every field a gold event may annotate; a field absent from a gold event is not scored.
EVENT_FIELDS = (
    "event_type", "sub_event_type", "political_event", "plover_type", "event_date",
    "time_precision", "actor1", "actor2", "inter1", "inter2", "country", "iso3", "admin1",
    "location", "geo_precision", "fatalities", "injuries", "arrests", "crowd_size",
    "target_owner_iso3", "fatalities_range",
)
# Fields kept for readers (the ``ties`` of the seed note, notes on a judgement) but never scored.
EXTRA_FIELDS = ("note", "assoc_actor_1", "assoc_actor_2", "latitude", "longitude", "evidence")


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event: only the fields the annotator was sure of."""

    fields: tuple[tuple[str, Any], ...]
    note: str = ""

    def get(self, name: str, default: Any = None) -> Any:
        """The annotated value of ``name`` (``default`` when not annotated)."""
        return dict(self.fields).get(name, default)

    def has(self, name: str) -> bool:
        """Whether ``name`` was annotated (a null counts as annotated)."""
        return any(k == name for k, _ in self.fields)


@dataclass(frozen=True)
class GoldDoc:
    """One gold document: the coder's input and the events it should yield."""

    id: str
    text: str
    published: date | None
    lang: str
    events: tuple[GoldEvent, ...]
    country: str | None = None
    source: str | None = None
    split: str = "dev"
    kind: str = "code"
    path: str = ""
    dataset: str = ""  # real text written by others (e.g. "mm", "ucdp"); empty for our own gold

    def document(self) -> Document:
        """The coder's input for this gold line."""
        return Document(id=self.id, text=self.text, published=self.published,
                        country=self.country, lang=self.lang, source=self.source)


def _check_event(ev: Mapping[str, Any], where: str) -> None:
    """Refuse a gold event whose values are outside the shared vocabularies."""
    sub = ev.get("sub_event_type")
    if sub is not None and sub not in EVENT_TYPE_OF:
        raise InputError(f"{where}: unknown sub_event_type {sub!r}")
    et = ev.get("event_type")
    if isinstance(et, list):  # a set of acceptable types (another codebook's coarser label)
        if not et or any(t not in ACLED_TYPES for t in et) or sub is not None:
            raise InputError(f"{where}: an event_type list holds known types and no sub-type")
        et = None
    if sub is not None and et is not None and EVENT_TYPE_OF[sub] != et:
        raise InputError(f"{where}: sub_event_type {sub!r} is not under event_type {et!r}")
    pe = ev.get("political_event")
    if pe is not None and pe not in POLITICAL_EVENTS:
        raise InputError(f"{where}: unknown political_event {pe!r}")
    pl = ev.get("plover_type")
    if pl is not None and pl not in PLOVER_TYPES:
        raise InputError(f"{where}: unknown plover_type {pl!r}")
    for key in ("inter1", "inter2"):
        if ev.get(key) is not None and ev[key] not in INTER_CODES:
            raise InputError(f"{where}: {key} must be an ACLED inter code 1..8")
    rng = ev.get("fatalities_range")
    if rng is not None and not (isinstance(rng, list) and len(rng) == 2
                                and all(isinstance(n, int) for n in rng) and rng[0] <= rng[1]):
        raise InputError(f"{where}: fatalities_range must be [low, high] integers")
    for key in ("time_precision", "geo_precision"):
        if ev.get(key) is not None and ev[key] not in (1, 2, 3):
            raise InputError(f"{where}: {key} must be 1, 2 or 3")
    if ev.get("event_date") is not None:
        date.fromisoformat(ev["event_date"])
    unknown = set(ev) - set(EVENT_FIELDS) - set(EXTRA_FIELDS)
    if unknown:
        raise InputError(f"{where}: unknown event field(s) {sorted(unknown)}")


def parse_gold_line(obj: Mapping[str, Any], where: str = "") -> GoldDoc:
    """Turn one decoded gold line into a GoldDoc, or raise InputError saying what is wrong."""
    for key in ("id", "text", "lang"):
        if not isinstance(obj.get(key), str) or not obj[key]:
            raise InputError(f"{where}: missing or empty {key!r}")
    events = []
    for i, ev in enumerate(obj.get("events") or ()):
        if not isinstance(ev, dict):
            raise InputError(f"{where}: event {i} is not an object")
        try:
            _check_event(ev, f"{where} event {i}")
        except ValueError as exc:
            raise InputError(f"{where} event {i}: {exc}") from exc
        if ev.get("sub_event_type") and "event_type" not in ev:
            ev = {**ev, "event_type": EVENT_TYPE_OF[ev["sub_event_type"]]}
        fields = tuple((k, tuple(ev[k]) if isinstance(ev[k], list) else ev[k])
                       for k in EVENT_FIELDS if k in ev)
        events.append(GoldEvent(fields=fields, note=str(ev.get("note", ""))))
    published = obj.get("published")
    try:
        pub = date.fromisoformat(published) if published else None
    except ValueError as exc:
        raise InputError(f"{where}: bad published date {published!r}") from exc
    split = obj.get("split") or ("test" if obj["id"].startswith("test-") else "dev")
    return GoldDoc(id=obj["id"], text=obj["text"], published=pub, lang=obj["lang"],
                   events=tuple(events), country=obj.get("country"), source=obj.get("source"),
                   split=split, kind=obj.get("kind", "code"),
                   dataset=str(obj.get("dataset") or ""))


def iter_gold(path: str | Path) -> Iterator[GoldDoc]:
    """Read a gold JSONL file line by line; a malformed line raises InputError with its number."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such gold file")
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{p.name}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: not JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise InputError(f"{where}: a gold line must be a JSON object")
            if obj.get("kind") == "merge":
                yield GoldDoc(id=str(obj.get("id", n)), text="", published=None, lang="",
                              events=(), kind="merge", path=str(p))
                continue
            doc = parse_gold_line(obj, where)
            yield replace(doc, path=str(p))


def load_gold(path: str | Path) -> list[GoldDoc]:
    """All documents of a gold file (ids must be unique)."""
    docs = list(iter_gold(path))
    seen: set[str] = set()
    for d in docs:
        if d.kind == "code" and d.id in seen:
            raise InputError(f"{path}: duplicate id {d.id!r}")
        seen.add(d.id)
    return docs
