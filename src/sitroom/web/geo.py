"""Admin1 regions for the map: which region a point falls in, and the shapes to draw.

The shapes are Natural Earth's (public domain), shipped once in ``sitroom.present.boundaries``
and served by the room's own API, so the map needs no tiles and no network. ``region_of`` is
pure: a point-in-polygon test, no GIS library.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

NOTICE = "Boundaries: Natural Earth (public domain), admin-1 1:10m, simplified."

Ring = Sequence[Sequence[float]]


@dataclass(frozen=True)
class Region:
    """One admin1 region: its name and polygons (each a list of rings, the first the outline)."""

    iso3: str
    name: str
    polygons: tuple[tuple[Ring, ...], ...]
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


def valid_iso3(code: str) -> bool:
    return len(code) == 3 and code.isascii() and code.isalpha()


@lru_cache(maxsize=64)
def shapes(iso3: str) -> dict:
    """A country's admin1 regions as a GeoJSON FeatureCollection (empty when unknown)."""
    from sitroom.present import boundaries

    if not valid_iso3(iso3):
        return boundaries.feature_collection([])
    feats = [{"type": "Feature", "properties": {"name": f["properties"]["name"],
                                                 "iso3": iso3.upper()},
              "geometry": f["geometry"]}
             for f in boundaries.admin1([iso3.upper()]) if f.get("geometry")]
    return {**boundaries.feature_collection(feats), "notice": NOTICE}


def _polygons(geometry: dict) -> tuple[tuple[Ring, ...], ...]:
    if geometry["type"] == "Polygon":
        return (tuple(geometry["coordinates"]),)
    if geometry["type"] == "MultiPolygon":
        return tuple(tuple(p) for p in geometry["coordinates"])
    return ()


@lru_cache(maxsize=64)
def regions(iso3: str) -> tuple[Region, ...]:
    """The admin1 regions of a country, ready for ``region_of``."""
    out = []
    for f in shapes(iso3)["features"]:
        polys = _polygons(f["geometry"])
        if polys:
            xs = [pt[0] for poly in polys for pt in poly[0]]
            ys = [pt[1] for poly in polys for pt in poly[0]]
            out.append(Region(iso3.upper(), f["properties"]["name"], polys,
                              (min(xs), min(ys), max(xs), max(ys))))
    return tuple(out)


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    """Even-odd ray casting."""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / ((yj - yi) or 1e-12) + xi:
            inside = not inside
        j = i
    return inside


def region_of(lon: float, lat: float, candidates: Sequence[Region]) -> str | None:
    """The name of the region holding the point, or None when it lies in none of them."""
    for r in candidates:
        if not (r.bbox[0] <= lon <= r.bbox[2] and r.bbox[1] <= lat <= r.bbox[3]):
            continue
        for poly in r.polygons:
            if _in_ring(lon, lat, poly[0]) and not any(_in_ring(lon, lat, h) for h in poly[1:]):
                return r.name
    return None
