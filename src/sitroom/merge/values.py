"""Whether an analyst's edit speaks the vocabularies: a bad value is refused with the allowed ones.

An edited value overrides the merge on every rebuild and reaches the ACLED export as written, so
``event_type=Banana``, ``inter1=99`` or ``iso3=XXX`` must stop here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sitroom.coding.typing.vocabulary import (
    ACLED_TYPES,
    EVENT_TYPE_OF,
    INTER_CODES,
    PLOVER_TYPES,
    POLITICAL_EVENTS,
)
from sitroom.errors import MergeError
from sitroom.model import Event

__all__ = ["check_edit"]

PRECISIONS = {1: "exact", 2: "approximate / near", 3: "vague (a week, a region)"}


def _iso3_ok(value: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=value.upper()) is not None


def _problem(name: str, value: Any) -> str | None:
    """Why one edited value is not allowed, or None."""
    if value is None:
        return None
    if name == "event_type" and value not in ACLED_TYPES:
        return f"not an ACLED event type; allowed: {', '.join(ACLED_TYPES)}"
    if name == "sub_event_type" and value not in EVENT_TYPE_OF:
        return "not an ACLED sub-event type; allowed: " + "; ".join(
            f"{t}: {', '.join(subs)}" for t, subs in ACLED_TYPES.items())
    if name == "political_event" and value not in POLITICAL_EVENTS:
        return f"not a political event type; allowed: {', '.join(POLITICAL_EVENTS)}"
    if name == "plover_type" and value not in PLOVER_TYPES:
        return f"not a PLOVER type; allowed: {', '.join(PLOVER_TYPES)}"
    if name in ("inter1", "inter2") and value not in INTER_CODES:
        return "not an ACLED inter code; allowed: " + ", ".join(
            f"{k} ({v})" for k, v in INTER_CODES.items())
    if name in ("time_precision", "geo_precision") and value not in PRECISIONS:
        return "allowed: " + ", ".join(f"{k} ({v})" for k, v in PRECISIONS.items())
    if name in ("iso3", "target_owner_iso3") and not _iso3_ok(str(value)):
        return "not an ISO 3166-1 alpha-3 country code (for example KGZ, RUS, CAN)"
    if name == "latitude" and not -90 <= value <= 90:
        return "a latitude lies between -90 and 90"
    if name == "longitude" and not -180 <= value <= 180:
        return "a longitude lies between -180 and 180"
    return None


def check_edit(values: Mapping[str, Any], edited: Event) -> None:
    """Refuse edited values outside the vocabularies, and a sub-type of another event type."""
    for name, value in values.items():
        why = _problem(name, value)
        if why:
            raise MergeError(f"bad value for {name}: {value!r}: {why}")
    sub, main = edited.sub_event_type, edited.event_type
    if ("event_type" in values or "sub_event_type" in values) and sub and main \
            and EVENT_TYPE_OF.get(sub) != main:
        raise MergeError(f"sub_event_type {sub!r} belongs to {EVENT_TYPE_OF.get(sub)!r}, not "
                         f"{main!r}; allowed under {main!r}: {', '.join(ACLED_TYPES[main])}")
