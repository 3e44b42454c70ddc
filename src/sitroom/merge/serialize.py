"""Events back from their JSON-ready dicts (undo snapshots and JSONL round-trips)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sitroom.model import Claim, Corroboration, CrowdSize, Event, FigureRange, OutletFigures


def _date(v: Any) -> date | None:
    return date.fromisoformat(v) if isinstance(v, str) and v else v


def _range(v: Any) -> FigureRange | None:
    return FigureRange(**v) if isinstance(v, dict) else v


def _crowd(v: Any) -> CrowdSize | None:
    return CrowdSize(**v) if isinstance(v, dict) else v


def event_from_dict(d: dict[str, Any]) -> Event:
    """Inverse of ``Event.to_dict``."""
    d = dict(d)
    d["claim_ids"] = tuple(d.get("claim_ids", ()))
    d["event_date"] = _date(d.get("event_date"))
    for name in ("fatalities", "injuries", "arrests", "crowd_size"):
        d[name] = _range(d.get(name))
    d["figures"] = tuple(
        OutletFigures(**{**f, "crowd_size": _crowd(f.get("crowd_size"))}) if isinstance(f, dict)
        else f
        for f in d.get("figures", ())
    )
    c = d.get("corroboration")
    if isinstance(c, dict):
        d["corroboration"] = Corroboration(**{
            k: tuple(v) if isinstance(v, list) else v for k, v in c.items()
        })
    return Event(**d)


def claim_from_dict(d: dict[str, Any]) -> Claim:
    """A claim from its contract dict plus ``id`` (dates as ISO strings, crowd as a dict)."""
    from dataclasses import fields

    names = {f.name for f in fields(Claim)}
    d = {k: v for k, v in d.items() if k in names}
    d["event_date"] = _date(d.get("event_date"))
    d["crowd_size"] = _crowd(d.get("crowd_size"))
    d.setdefault("event_type", None)
    d.setdefault("sub_event_type", None)
    d.setdefault("time_precision", None)
    return Claim(**d)
