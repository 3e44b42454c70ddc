"""The report as a PDF (fpdf2), in DejaVu Sans so Cyrillic and Kyrgyz names print.

The font files come with matplotlib, which draws the pictures anyway: nothing extra to ship.
"""

from __future__ import annotations

import io
from pathlib import Path

from . import text
from .model import SituationReport

_MARGIN = 15


def _fonts() -> tuple[Path, Path]:
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


def render_pdf(report: SituationReport, timeline_png: bytes, map_png: bytes) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    regular, bold = _fonts()
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_creation_date(report.generated)
    pdf.set_title(f"Situation report: {report.title}")
    pdf.set_auto_page_break(True, margin=_MARGIN)
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.add_page()
    width = pdf.w - 2 * _MARGIN

    def heading(words: str, size: int = 13) -> None:
        pdf.ln(2)
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(width, 7, words, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 9)

    def para(words: str) -> None:
        pdf.multi_cell(width, 4.8, words, align="L", new_x="LMARGIN", new_y="NEXT")

    def table(rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> None:
        with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.8,
                       first_row_as_headings=True) as t:
            for row in rows:
                cells = t.row()
                for value in row:
                    cells.cell(value)
        pdf.ln(1)

    heading(f"Situation report: {report.title}", 16)
    para(f"Period {text.period(report)} · generated {report.generated:%Y-%m-%d %H:%M} UTC · "
         f"{report.events_total} events from {report.reports_total} reports")
    heading("Headline figures")
    table([("figure", "value", "how counted"),
           *((h.label, h.value, h.note) for h in report.headline)], (25, 40, 35))
    heading("Timeline")
    pdf.image(io.BytesIO(timeline_png), w=width)
    heading("Map")
    pdf.image(io.BytesIO(map_png), w=width)
    if report.regions:
        para("Events by region: " + ", ".join(f"{r} {n}" for r, n in report.regions))
    heading("Key events")
    for e in report.key_events:
        pdf.set_font("DejaVu", "B", 9)
        para(text.heading(e))
        pdf.set_font("DejaVu", "", 9)
        for line in (text.actors(e), text.figures(e) and "Figures: " + text.figures(e),
                     "Sources: " + text.sourcing(e, report)):
            if line:
                para(line)
        if text.any_figures(e):
            table([("outlet", "bloc", "said"),
                   *((report.outlet(f.outlet), f.bloc or "?", text.outlet_said(f))
                     for f in e.figures)], (40, 15, 45))
    heading("Contested figures")
    if not report.contested:
        para("No event's figures are disputed between outlets.")
    for e in report.contested:
        said = "; ".join(f"{report.outlet(f.outlet)}: {text.outlet_said(f)}" for f in e.figures)
        para(f"• {text.heading(e)}: {text.figures(e)}. {said}")
    heading("Who reported what")
    table([("bloc", "reports", "events reported", "silent on"),
           *((c.bloc, str(c.reports), str(c.events_reported), str(c.events_silent))
             for c in report.coverage)], (25, 25, 25, 25))
    for section in report.sections:
        heading(section.title)
        if section.note:
            para(section.note)
        for line in section.lines:
            para(f"• {line}")
    heading("Alerts")
    if not report.alerts:
        para("No watch fired on the events of the period.")
    for a in report.alerts:
        para(f"• {a.fired_at:%Y-%m-%d %H:%M} {report.watch(a.watch)}: {a.message or a.event_id}")
    heading("What changed")
    for line in text.change_lines(report):
        para(line)
    return bytes(pdf.output())
