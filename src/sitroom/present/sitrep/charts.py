"""The report's two pictures, drawn offline with matplotlib: a timeline and a map.

Both return PNG bytes. The map draws the case countries' admin-1 outlines from the Natural Earth
copy in the package, shades each region by its events and marks each place with a dot sized by
its events; no tiles, no network.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from sitroom.present import boundaries

from .model import DayCount

# One colour per ACLED event type (and the extension), stable across reports.
COLOURS = {
    "Protests": "#4e79a7", "Riots": "#f28e2b", "Violence against civilians": "#e15759",
    "Battles": "#b07aa1", "Explosions/Remote violence": "#9c755f",
    "Strategic developments": "#76b7b2", "Political": "#59a14f", "Other": "#bab0ac",
}


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # no display; must precede pyplot
    import matplotlib.pyplot as plt

    return plt


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=120, bbox_inches="tight", metadata={"Software": None})
    _pyplot().close(fig)
    return buf.getvalue()


def timeline_png(days: Sequence[DayCount]) -> bytes:
    """Events per day, stacked by type."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 3))
    families = sorted({k for d in days for k, _ in d.by_type}, key=lambda k: list(COLOURS).index(k)
                      if k in COLOURS else len(COLOURS))
    bottom = [0] * len(days)
    x = [d.day for d in days]
    for family in families:
        heights = [dict(d.by_type).get(family, 0) for d in days]
        ax.bar(x, heights, bottom=bottom, label=family, color=COLOURS.get(family, "#999999"),
               width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_ylabel("events")
    ax.spines[["top", "right"]].set_visible(False)
    if days:
        ax.legend(fontsize=7, frameon=False, ncols=min(4, len(families)), loc="upper left")
        fig.autofmt_xdate()
    else:
        ax.text(0.5, 0.5, "no events in the period", ha="center", va="center",
                transform=ax.transAxes)
    return _png(fig)


def map_png(regions: Sequence[tuple[str, int]],
            places: Sequence[tuple[str, float, float, int]], countries: Sequence[str]) -> bytes:
    """Admin-1 regions shaded by their events, places as dots sized by their events."""
    plt = _pyplot()
    from matplotlib.patches import Polygon

    fig, ax = plt.subplots(figsize=(8, 4.5))
    per_region = dict(regions)
    most = max(per_region.values(), default=1)
    shapes = boundaries.admin1(countries) or boundaries.countries(countries)
    for feature in shapes:
        name = feature["properties"].get("name") or feature["properties"].get("NAME", "")
        share = per_region.get(name, 0) / most
        colour = (1 - 0.55 * share, 1 - 0.35 * share, 1 - 0.15 * share) if share else "#f4f4f4"
        for ring in _outer_rings(feature["geometry"]):
            ax.add_patch(Polygon(ring, closed=True, facecolor=colour, edgecolor="#777777",
                                 linewidth=0.5))
        lat, lon = feature["properties"].get("latitude"), feature["properties"].get("longitude")
        if lat is not None and lon is not None and name:
            ax.annotate(name, (lon, lat), fontsize=6, color="#555555", ha="center")
    box = _bounds(shapes)
    if box:  # places abroad (a statement from Moscow) stay off the country's map
        places = [p for p in places if box[0] <= p[2] <= box[2] and box[1] <= p[1] <= box[3]]
    if places:
        ax.scatter([lon for _, _, lon, _ in places], [lat for _, lat, _, _ in places],
                   s=[20 + 15 * n for *_, n in places], color="#e15759", alpha=0.7,
                   edgecolors="white", linewidths=0.5, zorder=3)
    ax.autoscale_view()
    ax.set_aspect("equal", adjustable="datalim")
    ax.axis("off")
    if not shapes:
        ax.text(0.5, 0.5, "no outline for " + ", ".join(countries), ha="center",
                transform=ax.transAxes)
    return _png(fig)


def _outer_rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [poly[0] for poly in geometry["coordinates"]]
    return []


def _bounds(shapes: Sequence[dict]) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) around these outlines, with a small margin."""
    points = [pt for f in shapes for ring in _outer_rings(f["geometry"]) for pt in ring]
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs) - 0.2, min(ys) - 0.2, max(xs) + 0.2, max(ys) + 0.2)
