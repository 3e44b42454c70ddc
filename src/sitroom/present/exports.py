"""Events out in the formats users load: ACLED CSV, GeoJSON, JSONL with provenance, GraphML.

Writers take plain sequences of model objects and a text stream; they never see a store. An empty
selection is a valid empty file: a header-only CSV, an empty FeatureCollection, an empty JSONL
file, a GraphML graph without nodes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TextIO

from sitroom.model import Claim, Event, MergeAction

from .acled import COLUMNS, acled_row

FORMATS = ("acled-csv", "geojson", "jsonl", "graphml")


@dataclass(frozen=True)
class ExportQuery:
    """Which events to export; all filters optional, combined with AND."""

    case: str | None = None
    since: date | None = None
    until: date | None = None
    event_type: str | None = None  # ACLED event_type or sub_event_type, political_event, PLOVER
    country: str | None = None  # name or ISO3
    admin1: str | None = None
    bloc: str | None = None  # reported by an outlet of this bloc


def select(events: Sequence[Event], q: ExportQuery) -> list[Event]:
    """Events matching the query (rejected events never export), sorted by date then id."""
    out = []
    for e in events:
        if e.status == "rejected":
            continue
        if q.since and (e.event_date is None or e.event_date < q.since):
            continue
        if q.until and (e.event_date is None or e.event_date > q.until):
            continue
        if q.event_type and q.event_type not in (
            e.event_type, e.sub_event_type, e.political_event, e.plover_type
        ):
            continue
        if q.country and q.country.casefold() not in (
            (e.country or "").casefold(), (e.iso3 or "").casefold()
        ):
            continue
        if q.admin1 and q.admin1.casefold() != (e.admin1 or "").casefold():
            continue
        if q.bloc and not (e.corroboration and q.bloc in e.corroboration.blocs):
            continue
        out.append(e)
    return sorted(out, key=lambda e: (e.event_date or date.min, e.id))


# ACLED's own home for political developments that are not violence or demonstrations.
POLITICAL_TYPE = ("Strategic developments", "Other")


def _exportable(e: Event, include_political: bool) -> str | None:
    """Why an event has no ACLED row, or None when it has one."""
    if e.status == "unmerged":
        return "unmerged claims (no date or place to merge on)"
    if not e.event_date:
        return "no date"
    if not e.event_type and not (include_political and (e.political_event or e.plover_type)):
        return "no ACLED type (political or PLOVER only; --include-political adds them)"
    return None


def acled_left_out(events: Sequence[Event], *, include_political: bool = False
                   ) -> dict[str, int]:
    """How many events the ACLED CSV leaves out, by reason."""
    out: dict[str, int] = {}
    for e in events:
        why = _exportable(e, include_political)
        if why:
            out[why] = out.get(why, 0) + 1
    return out


def _as_strategic(e: Event) -> Event:
    """A political turn as ACLED files one: Strategic developments / Other, its type in notes."""
    from dataclasses import replace

    label = e.political_event or e.plover_type or ""
    note = f"[{label.replace('_', ' ')}] " + (e.notes or "")
    return replace(e, event_type=POLITICAL_TYPE[0], sub_event_type=POLITICAL_TYPE[1],
                   notes=note.strip())


def write_acled_csv(events: Sequence[Event], out: TextIO, *, exported: datetime,
                    include_political: bool = False) -> int:
    """ACLED-format CSV of merged events with an ACLED type and a date; returns rows written.

    Statements with only a political or PLOVER type, and unmerged claims (no date or no place),
    have no ACLED row (``acled_left_out`` counts them); the JSONL export keeps them. With
    ``include_political`` the political ones are written as ACLED files such turns: event_type
    "Strategic developments", sub_event_type "Other", the sitroom type first in the notes.
    """
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for e in events:
        if _exportable(e, include_political) is None:
            row = e if e.event_type else _as_strategic(e)
            w.writerow(acled_row(row, exported=exported))
            n += 1
    return n


def _properties(e: Event) -> dict[str, object]:
    d = e.to_dict()
    for k in ("latitude", "longitude"):
        d.pop(k)
    return d


def write_geojson(events: Sequence[Event], out: TextIO) -> int:
    """A FeatureCollection of points (events without coordinates are left out)."""
    feats = [
        {"type": "Feature", "id": e.id,
         "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
         "properties": _properties(e)}
        for e in events if e.latitude is not None and e.longitude is not None
    ]
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
    out.write("\n")
    return len(feats)


def write_jsonl(events: Sequence[Event], out: TextIO, *, claims: Mapping[str, Claim],
                history: Mapping[str, Sequence[MergeAction]]) -> int:
    """One line per event: the event, its claims, per-outlet figures and merge history."""
    for e in events:
        line = {
            "event": e.to_dict(),
            "claims": [claims[c].to_dict() for c in e.claim_ids if c in claims],
            "outlets": list(e.corroboration.outlets) if e.corroboration else [],
            "figures": [f.to_dict() for f in e.figures],
            "history": [a.to_dict() for a in history.get(e.id, ())],
        }
        out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    return len(events)
