"""The report as one self-contained HTML file (pictures inlined), autoescaped throughout."""

from __future__ import annotations

import base64
from functools import cache

from . import text
from .model import SituationReport


@cache
def _template():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("sitroom.present.sitrep", ""),
                      autoescape=select_autoescape(default=True), trim_blocks=True)
    return env.get_template("report.html")


def render_html(report: SituationReport, timeline_png: bytes, map_png: bytes) -> str:
    return _template().render(
        r=report, text=text, period=text.period(report),
        timeline=base64.b64encode(timeline_png).decode("ascii"),
        map=base64.b64encode(map_png).decode("ascii"),
    )
