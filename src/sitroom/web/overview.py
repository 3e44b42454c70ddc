"""The overview of a case as plain data: headline figures, the timeline, the map, the latest
alerts and what changed since the reader last looked."""

from datetime import datetime

from sitroom.model import Case
from sitroom.store.queries import EventFilter
from sitroom.web import charts, geo


def case_filter(case: Case, **kw) -> EventFilter:
    """The events of a case: its countries, or its reports."""
    return EventFilter(case=case.name, countries=tuple(case.countries), **kw)


def case_head(case: Case) -> dict:
    """What every case page shows of the case itself."""
    return {"name": case.name, "title": case.title, "countries": list(case.countries),
            "start": case.start, "end": case.end, "population": case.population,
            "description": case.description}


def map_data(store, case: Case, f: EventFilter) -> dict:
    """Points by place, events per admin1 region, and the boundary files to draw."""
    shapes = [r for iso3 in case.countries for r in geo.regions(iso3)]
    points, regions, country_level = [], {}, 0
    for p in store.event_places(f):
        if p["geo_precision"] >= 3:  # placed only at country (or region) level: not a point
            country_level += p["events"]
            continue
        p["region"] = geo.region_of(p["lon"], p["lat"], shapes)
        if p["region"]:
            regions[p["region"]] = regions.get(p["region"], 0) + p["events"]
        points.append(p)
    files = [f"/api/geo/{c}" for c in case.countries if geo.regions(c)]
    missing = [c for c in case.countries if not geo.regions(c)]
    return {"points": points, "regions": regions, "country_level": country_level,
            "boundaries": files, "no_boundaries": missing, "notice": geo.NOTICE}


def aggregates(store, case: Case) -> dict:
    """The costly part of the overview (scans of the case's events): totals, timeline, map."""
    f = case_filter(case)
    totals = store.event_totals(f)
    peak = totals["peak_crowd"]
    share = None
    if peak and case.population:
        share = (peak["value"] or peak["high"] or 0) / case.population
    return {"totals": totals, "mobilisation": share,
            "timeline": charts.timeline(store.event_day_counts(f)),
            "map": map_data(store, case, f)}


def overview(store, case: Case, looked: datetime | None, alerts: list[dict],
             figures: dict) -> dict:
    """Everything the overview page shows; ``figures`` is ``aggregates`` (maybe cached)."""
    return {
        "case_name": case.name,
        "case": case_head(case),
        **figures,
        "alerts": alerts[:10],
        "changes": store.changes_since(case.name, looked) if looked else None,
        "decisions": [a.to_dict() for a in store.recent_actions(8)],
    }
