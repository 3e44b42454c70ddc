"""Every outlet's figures side by side, and one conservative reconciled range per figure.

Rules (documented because analysts will ask):
- The reconciled ``value`` is the lowest figure reported, as ACLED does for fatalities, with one
  exception: when the toll is *updating* — the figures of the latest reporting day come from at
  least two independent reports, all of them at or above every earlier figure, and that day is
  later than the first — the value is the lowest figure of that latest day.
- Fatalities of 0 mean "not mentioned" in the coding contract, so they are ignored as soon as one
  report gives a positive toll; an event all of whose reports say nothing shows 0.
- ``disputed`` when outlets disagree materially: high / low > 1.5 and high - low at least the
  figure's minimum gap (fatalities 3, injuries 5, arrests 5, crowd 500). So 2,000 vs 5,000
  protesters is disputed; 1 vs 2 killed is not.
- Crowd sizes are ranges: a report's low end is its ``min`` (or ``max`` when only that is known);
  the event range runs from the lowest low to the highest high.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sitroom.model import Claim, CrowdSize, FigureRange, OutletFigures

from .types import ReportInfo

RATIO = 1.5
MIN_GAP = {"fatalities": 3, "injuries": 5, "arrests": 5, "crowd_size": 500}


def outlet_figures(claim: Claim, info: ReportInfo | None) -> OutletFigures:
    """One claim's figures with its report's outlet and bloc attached."""
    return OutletFigures(
        claim_id=claim.id,
        report_id=claim.doc_id,
        outlet=info.outlet if info else None,
        bloc=info.bloc if info else None,
        fatalities=claim.fatalities,
        injuries=claim.injuries,
        arrests=claim.arrests,
        crowd_size=claim.crowd_size,
    )


def is_disputed(low: int | None, high: int | None, name: str) -> bool:
    """Material disagreement: ratio above 1.5 and an absolute gap at least the figure's minimum."""
    if low is None or high is None:
        return False
    gap = high - low
    if gap < MIN_GAP[name]:
        return False
    return low == 0 or high / low > RATIO


def reconcile(points: Sequence[tuple[int, date | None]], name: str) -> FigureRange | None:
    """Conservative value, range and dispute flag from (figure, report date) points."""
    if not points:
        return None
    values = [v for v, _ in points]
    low, high = min(values), max(values)
    value = low
    dated = [(d, v) for v, d in points if d is not None]
    if dated:
        last_day = max(d for d, _ in dated)
        first_day = min(d for d, _ in dated)
        latest = [v for d, v in dated if d == last_day]
        earlier = [v for d, v in dated if d < last_day]
        if last_day > first_day and len(latest) >= 2 and earlier and min(latest) >= max(earlier):
            value = min(latest)
    return FigureRange(value=value, low=low, high=high, disputed=is_disputed(low, high, name))


def _crowd_point(c: CrowdSize) -> tuple[int | None, int | None]:
    lo = c.min if c.min is not None else c.max
    hi = c.max if c.max is not None else c.min
    return lo, hi


def reconcile_all(
    figures: Sequence[OutletFigures], published: dict[str, date | None]
) -> dict[str, FigureRange | None]:
    """Reconciled fatalities, injuries, arrests and crowd size of one event's reports."""
    out: dict[str, FigureRange | None] = {}
    fat = [(f.fatalities, published.get(f.report_id)) for f in figures if f.fatalities]
    out["fatalities"] = reconcile(fat, "fatalities") or (
        FigureRange(value=0, low=0, high=0) if figures else None
    )
    for name in ("injuries", "arrests"):
        pts = [(getattr(f, name), published.get(f.report_id)) for f in figures]
        out[name] = reconcile([(v, d) for v, d in pts if v is not None], name)
    crowd = [(_crowd_point(f.crowd_size), published.get(f.report_id))
             for f in figures if f.crowd_size is not None]
    crowd = [((lo, hi), d) for (lo, hi), d in crowd if lo is not None]
    if crowd:
        lows = [(lo, d) for (lo, _), d in crowd]
        rng = reconcile(lows, "crowd_size")
        high = max(hi for (_, hi), _ in crowd if hi is not None)
        assert rng is not None
        out["crowd_size"] = FigureRange(
            value=rng.value, low=rng.low, high=high,
            disputed=is_disputed(rng.low, high, "crowd_size"),
        )
    else:
        out["crowd_size"] = None
    return out
