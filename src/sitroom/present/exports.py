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


def write_acled_csv(events: Sequence[Event], out: TextIO, *, exported: datetime) -> int:
    """ACLED-format CSV of merged events with an ACLED type and a date; returns rows written.

    Statements with only a PLOVER type, and unmerged claims (no date or no place), have no ACLED
    row; the JSONL export keeps them.
    """
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for e in events:
        if e.event_type and e.event_date and e.status != "unmerged":
            w.writerow(acled_row(e, exported=exported))
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
