"""Admin1 boundaries for the map: which region a point falls in, and the shipped GeoJSON files.

The web room draws a case's countries from Natural Earth (public domain), cut down to the
countries the shipped cases name by ``python -m sitroom.web.geo`` (see ``build``). The files live
in ``static/geo/<ISO3>.geojson``; a country without one is drawn without regions, and the page
says so. ``region_of`` is pure: a point-in-polygon test over those features, no GIS library.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GEO_DIR = Path(__file__).parent / "static" / "geo"
NOTICE = ("Boundaries: Natural Earth (public domain, naturalearthdata.com), admin-1 1:10m, "
          "simplified; see static/geo/README.md.")

Ring = Sequence[Sequence[float]]


@dataclass(frozen=True)
class Region:
    """One admin1 region: its name and polygons (each a list of rings, the first the outline)."""

    iso3: str
    name: str
    polygons: tuple[tuple[Ring, ...], ...]
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


def geo_path(iso3: str) -> Path | None:
    """The shipped GeoJSON of a country's admin1 regions, if there is one."""
    code = iso3.upper()
    if not code.isalpha() or len(code) != 3:
        return None
    path = GEO_DIR / f"{code}.geojson"
    return path if path.is_file() else None


def _polygons(geometry: dict) -> tuple[tuple[Ring, ...], ...]:
    if geometry["type"] == "Polygon":
        return (tuple(geometry["coordinates"]),)
    if geometry["type"] == "MultiPolygon":
        return tuple(tuple(p) for p in geometry["coordinates"])
    return ()


def _bbox(polygons: Iterable[tuple[Ring, ...]]) -> tuple[float, float, float, float]:
    xs = [pt[0] for poly in polygons for pt in poly[0]]
    ys = [pt[1] for poly in polygons for pt in poly[0]]
    return (min(xs), min(ys), max(xs), max(ys))


@lru_cache(maxsize=32)
def regions(iso3: str) -> tuple[Region, ...]:
    """The admin1 regions of a country from its shipped file (empty when none is shipped)."""
    path = geo_path(iso3)
    if path is None:
        return ()
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for f in data.get("features", []):
        polys = _polygons(f.get("geometry") or {})
        if polys:
            out.append(Region(iso3.upper(), f["properties"]["name"], polys, _bbox(polys)))
    return tuple(out)


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    """Even-odd ray casting."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
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


# --- build: cut the shipped files out of Natural Earth -----------------------------------------


def _round(coords, places: int):
    if coords and isinstance(coords[0], int | float):
        return [round(c, places) for c in coords]
    return [_round(c, places) for c in coords]


def case_countries(cases_dir: Path) -> list[str]:
    """ISO3 codes named by the ``countries:`` line of every case.yaml under ``cases_dir``."""
    import yaml

    codes: set[str] = set()
    for path in sorted(cases_dir.glob("*/case.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        codes |= {str(c).upper() for c in data.get("countries") or ()}
    return sorted(codes)


def build(natural_earth: Path, iso3s: Sequence[str], out_dir: Path = GEO_DIR,
          places: int = 3) -> list[Path]:
    """Write ``<ISO3>.geojson`` (admin1 names and shapes only) for each country; return paths."""
    data = json.loads((natural_earth / "admin1.geojson").read_text(encoding="utf-8"))
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for code in iso3s:
        feats = [
            {"type": "Feature",
             "properties": {"name": f["properties"]["name"], "adm0_a3": code},
             "geometry": {"type": f["geometry"]["type"],
                          "coordinates": _round(f["geometry"]["coordinates"], places)}}
            for f in data["features"] if f["properties"].get("adm0_a3") == code and f["geometry"]
        ]
        if not feats:
            print(f"no admin1 regions for {code} in {natural_earth}", file=sys.stderr)
            continue
        path = out_dir / f"{code}.geojson"
        doc = {"type": "FeatureCollection", "notice": NOTICE, "features": feats}
        path.write_text(json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m sitroom.web.geo NATURAL_EARTH_DIR [ISO3...]`` (default: the cases' countries)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print("usage: python -m sitroom.web.geo NATURAL_EARTH_DIR [ISO3 ...]", file=sys.stderr)
        return 2
    source = Path(args[0])
    codes = args[1:] or case_countries(Path(__file__).parents[3] / "cases")
    for path in build(source, codes):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
