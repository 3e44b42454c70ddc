"""Build one event from its member claims: reconciled fields, figures, corroboration."""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from sitroom.model import Claim, Event

from .corroboration import corroborate
from .figures import outlet_figures, reconcile_all
from .kinds import reconcile_kind
from .types import ReportInfo

# fields an analyst may edit (and that edits override on every rebuild)
EDITABLE = (
    "event_date", "time_precision", "event_type", "sub_event_type", "political_event",
    "plover_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "country", "iso3", "admin1", "location", "latitude", "longitude", "geo_precision",
    "target_owner_iso3", "notes",
)


def event_id_for(founding_claim_id: str) -> str:
    """Stable event id from the claim that opened the event."""
    return "ev-" + hashlib.sha1(founding_claim_id.encode("utf-8")).hexdigest()[:16]


def _precision_rank(c: Claim) -> tuple:
    return (c.time_precision or 3, c.geo_precision or 3, -c.confidence, c.id)


def _vote(members: Sequence[Claim], attr: str, fallback: Claim) -> object:
    """Most common non-empty value, weighted by confidence; ties go to the most precise claim."""
    weights: Counter = Counter()
    for c in members:
        v = getattr(c, attr)
        if v not in (None, ""):
            weights[v] += max(c.confidence, 0.01)
    if not weights:
        return None
    best = max(weights.values())
    top = {v for v, w in weights.items() if w == best}
    fb = getattr(fallback, attr)
    if fb in top:
        return fb
    return sorted(top, key=str)[0]


def build_event(
    event_id: str,
    members: Sequence[Claim],
    infos: Mapping[str, ReportInfo],
    *,
    watching_blocs: Collection[str] = (),
    status: str = "auto",
    notes: str = "",
    overrides: Mapping[str, object] | None = None,
) -> Event:
    """Reconcile member claims into an event; analyst overrides win over reconciled fields."""
    if not members:
        raise ValueError("an event needs at least one claim")
    members = sorted(members, key=lambda c: c.id)
    best = min(members, key=_precision_rank)
    dated = [c for c in members if c.event_date is not None]
    when = min(dated, key=_precision_rank) if dated else best
    placed = min(members, key=lambda c: (c.geo_precision or 3, not c.location, -c.confidence, c.id))
    event_type, sub_event_type = reconcile_kind(members, infos)
    ev_date = when.event_date
    if ev_date is not None and when.time_precision == 3:
        ev_date = ev_date.replace(day=1)
    figs = tuple(outlet_figures(c, infos.get(c.doc_id)) for c in members)
    published = {c.doc_id: (infos[c.doc_id].published if c.doc_id in infos else None)
                 for c in members}
    ranges = reconcile_all(figs, published)
    event = Event(
        id=event_id,
        claim_ids=tuple(c.id for c in members),
        event_date=ev_date,
        time_precision=when.time_precision,
        event_type=event_type,  # type: ignore[arg-type]
        sub_event_type=sub_event_type,  # type: ignore[arg-type]
        political_event=_vote(members, "political_event", best),  # type: ignore[arg-type]
        plover_type=_vote(members, "plover_type", best),  # type: ignore[arg-type]
        actor1=_vote(members, "actor1", best),  # type: ignore[arg-type]
        assoc_actor_1=_vote(members, "assoc_actor_1", best),  # type: ignore[arg-type]
        inter1=_vote(members, "inter1", best),  # type: ignore[arg-type]
        actor2=_vote(members, "actor2", best),  # type: ignore[arg-type]
        assoc_actor_2=_vote(members, "assoc_actor_2", best),  # type: ignore[arg-type]
        inter2=_vote(members, "inter2", best),  # type: ignore[arg-type]
        country=placed.country,
        iso3=placed.iso3,
        admin1=placed.admin1 or _vote(members, "admin1", best),  # type: ignore[arg-type]
        location=placed.location,
        latitude=placed.latitude,
        longitude=placed.longitude,
        geo_precision=placed.geo_precision,
        fatalities=ranges["fatalities"],
        injuries=ranges["injuries"],
        arrests=ranges["arrests"],
        crowd_size=ranges["crowd_size"],
        target_owner_iso3=_vote(members, "target_owner_iso3", best),  # type: ignore[arg-type]
        figures=figs,
        corroboration=corroborate([c.doc_id for c in members], infos, watching_blocs),
        notes=notes,
        status=status,
    )
    if overrides:
        event = dataclasses.replace(
            event, **{k: v for k, v in overrides.items() if k in EDITABLE}
        )
    return event


def event_as_claim(event: Event) -> Claim:
    """An event's reconciled fields as one claim, compared against when members are unknown."""
    return Claim(
        doc_id="", event_date=event.event_date, time_precision=event.time_precision,
        event_type=event.event_type, sub_event_type=event.sub_event_type,
        political_event=event.political_event, plover_type=event.plover_type,
        actor1=event.actor1, assoc_actor_1=event.assoc_actor_1, inter1=event.inter1,
        actor2=event.actor2, assoc_actor_2=event.assoc_actor_2, inter2=event.inter2,
        country=event.country, iso3=event.iso3, admin1=event.admin1, location=event.location,
        latitude=event.latitude, longitude=event.longitude, geo_precision=event.geo_precision,
        fatalities=event.fatalities.value or 0 if event.fatalities else 0,
        id=f"{event.id}#repr", confidence=0.5,
    )
