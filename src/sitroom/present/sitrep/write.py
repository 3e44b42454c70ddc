"""Render a report in the asked format and write it, with its pictures, next to the output."""

from __future__ import annotations

import os
from pathlib import Path

from .model import SituationReport

FORMATS = ("md", "html", "pdf")


def write_report(report: SituationReport, output: str | os.PathLike[str], fmt: str) -> list[Path]:
    """Write the report; return the files written (the report first). The folder must exist."""
    from . import charts

    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
    path = Path(output)
    timeline = charts.timeline_png(report.timeline)
    picture = charts.map_png(report.regions, report.places, report.countries)
    if fmt == "md":
        from .markdown import render_markdown

        names = {"timeline": f"{path.stem}-timeline.png", "map": f"{path.stem}-map.png"}
        pictures = [path.with_name(names["timeline"]), path.with_name(names["map"])]
        pictures[0].write_bytes(timeline)
        pictures[1].write_bytes(picture)
        _atomic_write(path, render_markdown(report, names).encode("utf-8"))
        return [path, *pictures]
    if fmt == "html":
        from .html import render_html

        _atomic_write(path, render_html(report, timeline, picture).encode("utf-8"))
    else:
        from .pdf import render_pdf

        _atomic_write(path, render_pdf(report, timeline, picture))
    return [path]


def _atomic_write(path: Path, data: bytes) -> None:
    """Write beside and rename, so a reader never sees half a report."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
