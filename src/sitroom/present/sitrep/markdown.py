"""The report as Markdown, with its two pictures as PNG files beside it."""

from __future__ import annotations

from collections.abc import Mapping

from . import text
from .model import SituationReport


def render_markdown(report: SituationReport, images: Mapping[str, str]) -> str:
    """``images`` maps "timeline" and "map" to the file names written beside the report."""
    out = [f"# Situation report: {report.title}", "",
           f"Period {text.period(report)} · generated {report.generated:%Y-%m-%d %H:%M} UTC · "
           f"{report.events_total} events from {report.reports_total} reports", ""]
    out += ["## Headline figures", "", "| | | |", "|---|---|---|"]
    out += [f"| {h.label} | {h.value} | {h.note} |" for h in report.headline]
    out += ["", "## Timeline", "", f"![Events per day by type]({images['timeline']})", ""]
    out += ["## Map", "", f"![Events by region]({images['map']})", ""]
    if report.regions:
        out += ["Events by region: " + ", ".join(f"{r} {n}" for r, n in report.regions), ""]
    out += ["## Key events", ""]
    for e in report.key_events:
        out += [f"### {text.heading(e)}", ""]
        if text.actors(e):
            out.append(f"Actors: {text.actors(e)}  ")
        if text.figures(e):
            out.append(f"Figures: {text.figures(e)}  ")
        out.append(f"Sources: {text.sourcing(e, report)}")
        out.append("")
        if text.any_figures(e):
            out += ["| outlet | bloc | said |", "|---|---|---|"]
            out += [f"| {report.outlet(f.outlet)} | {f.bloc or '?'} | {text.outlet_said(f)} |"
                    for f in e.figures]
            out.append("")
    out += ["## Contested figures", ""]
    if not report.contested:
        out += ["No event's figures are disputed between outlets.", ""]
    for e in report.contested:
        said = "; ".join(f"{report.outlet(f.outlet)}: {text.outlet_said(f)}" for f in e.figures)
        out.append(f"- {text.heading(e)}: {text.figures(e)}. {said}")
    out += ["", "## Who reported what", "", "| bloc | reports | events reported | silent on |",
            "|---|---|---|---|"]
    out += [f"| {c.bloc} | {c.reports} | {c.events_reported} | {c.events_silent} |"
            for c in report.coverage]
    for section in report.sections:
        out += ["", f"## {section.title}", ""]
        if section.note:
            out += [section.note, ""]
        out += [f"- {line}" for line in section.lines]
    out += ["", "## Alerts", ""]
    if not report.alerts:
        out.append("No watch fired on the events of the period.")
    out += [f"- {a.fired_at:%Y-%m-%d %H:%M} {report.watch(a.watch)}: {a.message or a.event_id}"
            for a in report.alerts]
    out += ["", "## What changed", "", *text.change_lines(report), ""]
    return "\n".join(out)
