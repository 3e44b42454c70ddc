"""Country and admin-1 outlines from Natural Earth (public domain), shipped in the package.

Maps in the web room and in situation reports draw from here, so nothing is fetched at run time.
The files are large (7 MB unpacked), so each is read once and only when a map is drawn.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

Feature = dict[str, Any]


@cache
def _features(name: str) -> tuple[Feature, ...]:
    data = resources.files(__package__).joinpath(f"{name}.geojson.gz").read_bytes()
    return tuple(json.loads(gzip.decompress(data))["features"])


def countries(iso3s: Iterable[str]) -> list[Feature]:
    """The outlines of these countries (by Natural Earth's ADM0_A3, which is ISO3 for most)."""
    wanted = {code.upper() for code in iso3s}
    return [f for f in _features("countries") if f["properties"].get("ADM0_A3") in wanted]


def admin1(iso3s: Iterable[str]) -> list[Feature]:
    """The admin-1 regions of these countries, with their ``name`` and centroid lat/lon."""
    wanted = {code.upper() for code in iso3s}
    return [f for f in _features("admin1") if f["properties"].get("adm0_a3") in wanted]


def feature_collection(features: Iterable[Feature]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of these features (RFC 7946)."""
    return {"type": "FeatureCollection", "features": list(features)}
