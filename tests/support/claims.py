"""Claims and report info built by hand for merge and export tests (sample data, no real outlet)."""

from __future__ import annotations

from datetime import date

from sitroom.merge.types import ReportInfo
from sitroom.model import Claim, CrowdSize


def claim(cid: str, doc: str, day: str | None = "2020-10-05", **kw) -> Claim:
    """A protest claim in Bishkek unless told otherwise."""
    base = dict(
        doc_id=doc, event_date=date.fromisoformat(day) if day else None, time_precision=1,
        event_type="Protests", sub_event_type="Peaceful protest",
        actor1="Protesters (Kyrgyzstan)", inter1=6, country="Kyrgyzstan", iso3="KGZ",
        admin1="Bishkek", location="Bishkek", latitude=42.87, longitude=74.59, geo_precision=1,
        evidence="", confidence=0.8, id=cid,
    )
    base.update(kw)
    if isinstance(base.get("crowd_size"), tuple):
        lo, hi = base["crowd_size"]
        base["crowd_size"] = CrowdSize(lo, hi, "")
    return Claim(**base)


def info(rid: str, outlet: str, bloc: str = "domestic", **kw) -> ReportInfo:
    """What the merge knows of a report: its outlet and bloc."""
    return ReportInfo(report_id=rid, outlet=outlet, bloc=bloc, **kw)
