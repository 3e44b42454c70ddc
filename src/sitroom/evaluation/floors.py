"""Floors for the headline figures: checked on every run of the gate, only ever raised."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path

from sitroom.errors import InputError

DEFAULT_TOLERANCE = 0.01  # a new floor sits at least this far below the figure measured
NOISE_ITEMS = 2  # ... and far enough below that two items changing their answer cannot fail it


def read_floors(path: str | Path) -> dict:
    """The floors file: ``{"tolerance": t, "floors": {gold file name: {figure: floor}}}``."""
    p = Path(path)
    if not p.exists():
        return {"tolerance": DEFAULT_TOLERANCE, "floors": {}}
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}: not JSON ({exc.msg})") from exc
    if not isinstance(data.get("floors"), dict):
        raise InputError(f"{p}: no 'floors' object")
    return data


def check_floors(
    figures: Mapping[str, Mapping[str, float]], floors: Mapping[str, Mapping[str, float]]
) -> list[str]:
    """Every figure below its floor (or missing while pinned), as readable lines; empty = pass."""
    failures = []
    for gold, pinned in floors.items():
        got = figures.get(gold)
        if got is None:
            failures.append(f"{gold}: pinned but not evaluated")
            continue
        for name, floor in pinned.items():
            value = got.get(name)
            if value is None:
                failures.append(f"{gold} {name}: pinned at {floor:.4f} but not measured")
            elif value < floor:
                failures.append(f"{gold} {name}: {value:.4f} is below its floor {floor:.4f}")
    return failures


def slack(tolerance: float, support: int | None) -> float:
    """How far below a figure its floor sits: the tolerance, or two items of a small sample."""
    return max(tolerance, NOISE_ITEMS / support) if support else tolerance


def raise_floors(
    figures: Mapping[str, Mapping[str, float]],
    floors: Mapping[str, Mapping[str, float]],
    tolerance: float = DEFAULT_TOLERANCE,
    support: Mapping[str, Mapping[str, int]] | None = None,
) -> dict[str, dict[str, float]]:
    """New floors: each the figure minus its slack (rounded down), or the old floor if higher.

    ``support`` (items behind each figure) widens the slack of figures resting on few items, so
    one document changing its answer does not fail the gate.
    """
    out: dict[str, dict[str, float]] = {g: dict(v) for g, v in floors.items()}
    for gold, got in figures.items():
        pinned = out.setdefault(gold, {})
        for name, value in got.items():
            n = (support or {}).get(gold, {}).get(name)
            candidate = max(0.0, math.floor((value - slack(tolerance, n)) * 1000) / 1000)
            pinned[name] = max(pinned.get(name, 0.0), candidate)
    return out


def lowered(
    old: Mapping[str, Mapping[str, float]], new: Mapping[str, Mapping[str, float]]
) -> list[str]:
    """Floors present in ``old`` that ``new`` lowers or drops: the silent lowering CI refuses."""
    out = []
    for gold, pinned in old.items():
        for name, floor in pinned.items():
            now = new.get(gold, {}).get(name)
            if now is None:
                out.append(f"{gold} {name}: floor {floor} was removed")
            elif now < floor:
                out.append(f"{gold} {name}: floor lowered from {floor} to {now}")
    return out


def write_floors(path: str | Path, floors: Mapping[str, Mapping[str, float]],
                 tolerance: float = DEFAULT_TOLERANCE) -> None:
    """Write the floors file, sorted, so diffs are readable."""
    data = {"tolerance": tolerance,
            "floors": {g: dict(sorted(v.items())) for g, v in sorted(floors.items())}}
    Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
