"""How many independent outlets report an event, which blocs speak and which stay silent."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from sitroom.model import Corroboration

from .types import ReportInfo


def _root(report_id: str, infos: Mapping[str, ReportInfo]) -> str:
    """Follow near-duplicate links to the original report (a wire copy counts as its source)."""
    seen = {report_id}
    current = report_id
    while True:
        info = infos.get(current)
        nxt = info.near_duplicate_of if info else None
        if not nxt or nxt in seen:
            return current
        seen.add(nxt)
        current = nxt


def source_key(report_id: str, infos: Mapping[str, ReportInfo]) -> str:
    """Who independently stands behind a report: owner group, else outlet, else the report."""
    root = _root(report_id, infos)
    info = infos.get(root) or infos.get(report_id)
    if info is None:
        return f"report:{root}"
    if info.group:
        return f"group:{info.group}"
    if info.outlet:
        return f"outlet:{info.outlet}"
    return f"report:{root}"


def corroborate(
    report_ids: Sequence[str],
    infos: Mapping[str, ReportInfo],
    watching_blocs: Collection[str] = (),
) -> Corroboration:
    """Corroboration of the reports behind one event; ``watching_blocs`` cover its country."""
    reports = sorted(set(report_ids))
    sources = {source_key(r, infos) for r in reports}
    known = [infos[r] for r in reports if r in infos]
    outlets = sorted({i.outlet for i in known if i.outlet})
    blocs = sorted({i.bloc for i in known if i.bloc})
    silent = sorted(set(watching_blocs) - set(blocs))
    tip_only = bool(reports) and len(known) == len(reports) and all(i.kind == "tip" for i in known)
    return Corroboration(
        independent_outlets=len(sources),
        outlets=tuple(outlets),
        blocs=tuple(blocs),
        silent_blocs=tuple(silent),
        single_source=len(sources) == 1,
        tip_only=tip_only,
    )
