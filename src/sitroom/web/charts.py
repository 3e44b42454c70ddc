"""Charts as geometry computed here and drawn by templates as inline SVG: no chart library, no
script. Colours come from CSS classes (``t-<type>``), so the CSP needs no inline style.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

TYPE_ORDER = ("Battles", "Violence against civilians", "Explosions/Remote violence", "Riots",
              "Protests", "Strategic developments", "Political", "Other")


def type_class(event_type: str | None) -> str:
    """The CSS class of an event type: t-0 .. t-7 in ``TYPE_ORDER``."""
    try:
        return f"t-{TYPE_ORDER.index(event_type or 'Other')}"
    except ValueError:
        return "t-7"


def timeline(day_counts: Sequence[tuple[date, str, int]], width: int = 760,
             height: int = 150) -> dict:
    """Stacked bars of events per day by type, with every day of the span present."""
    if not day_counts:
        return {"bars": [], "ticks": [], "width": width, "height": height, "max": 0,
                "types": []}
    per_day: dict[date, dict[str, int]] = defaultdict(dict)
    for d, kind, n in day_counts:
        per_day[d][kind] = per_day[d].get(kind, 0) + n
    first, last = min(per_day), max(per_day)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    days = days[-180:]  # half a year of bars at most; older days are in the events list
    top = max(sum(per_day[d].values()) for d in days) or 1
    left, bottom = 28, 18
    plot_h = height - bottom - 4
    step = (width - left) / len(days)
    bars, ticks = [], []
    kinds = [k for k in TYPE_ORDER if any(k in per_day[d] for d in days)]
    kinds += sorted({k for d in days for k in per_day[d]} - set(kinds))
    for i, d in enumerate(days):
        y = height - bottom
        for kind in kinds:
            n = per_day[d].get(kind, 0)
            if not n:
                continue
            h = n / top * plot_h
            y -= h
            bars.append({"x": round(left + i * step + 1, 1), "y": round(y, 1),
                         "w": round(max(step - 2, 1), 1), "h": round(h, 1),
                         "cls": type_class(kind), "title": f"{d.isoformat()}: {n} {kind}",
                         "day": d.isoformat()})
        every = max(1, len(days) // 8)
        if i % every == 0:
            ticks.append({"x": round(left + i * step + step / 2, 1), "label": d.strftime("%d %b")})
    return {"bars": bars, "ticks": ticks, "width": width, "height": height, "max": top,
            "axis_y": height - bottom, "left": left,
            "types": [{"name": k, "cls": type_class(k)} for k in kinds]}


def sparkline(counts: Sequence[int], width: int = 160, height: int = 22) -> str:
    """An SVG polyline's points for a series of counts."""
    if not counts:
        return ""
    top = max(counts) or 1
    step = width / max(len(counts) - 1, 1)
    return " ".join(f"{i * step:.1f},{height - 1 - n / top * (height - 2):.1f}"
                    for i, n in enumerate(counts))
