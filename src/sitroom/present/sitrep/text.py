"""Words shared by every rendering: how an event, a figure and an outlet's claim read."""

from __future__ import annotations

from sitroom.model import Event, FigureRange, OutletFigures

from .build import kind_of
from .model import SituationReport

FIGURES = (("fatalities", "killed"), ("injuries", "injured"), ("arrests", "arrested"),
           ("crowd_size", "crowd"))


def place(event: Event) -> str:
    parts = (event.location, event.admin1, event.country)
    return ", ".join(p for p in parts if p) or "place unknown"


def actors(event: Event) -> str:
    sides = [a for a in (event.actor1, event.actor2) if a]
    return " vs ".join(sides)


def figure(f: FigureRange | None) -> str:
    if f is None or not (f.value or f.high):
        return ""
    text = f"{f.value or 0:,}"
    if f.high is not None and f.low is not None and f.high != f.low:
        text += f" ({f.low:,}–{f.high:,})"
    return text + (" disputed" if f.disputed else "")


def figures(event: Event) -> str:
    parts = [f"{label} {figure(getattr(event, key))}" for key, label in FIGURES
             if figure(getattr(event, key))]
    return "; ".join(parts)


def outlet_said(f: OutletFigures) -> str:
    parts = [f"{label} {getattr(f, key)}" for key, label in FIGURES[:3] if getattr(f, key)]
    if f.crowd_size and (f.crowd_size.min or f.crowd_size.max):
        low, high = f.crowd_size.min, f.crowd_size.max
        parts.append(f"crowd {f.crowd_size.text or (low if low == high else f'{low}-{high}')}")
    return ", ".join(parts) or "no figures"


def any_figures(event: Event) -> bool:
    """Whether any outlet gave a figure (else the outlets are named in the sources line)."""
    return any(f.fatalities or f.injuries or f.arrests or f.crowd_size for f in event.figures)


def sourcing(event: Event, report: SituationReport | None = None) -> str:
    c = event.corroboration
    if c is None:
        return ""
    text = f"{c.independent_outlets} independent outlet(s)"
    if report is not None and not any_figures(event) and event.figures:
        names = dict.fromkeys(report.outlet(f.outlet) for f in event.figures)
        text += f" ({'; '.join(names)})"
    if c.blocs:
        text += f"; blocs reporting: {', '.join(c.blocs)}"
    if c.silent_blocs:
        text += f"; silent: {', '.join(c.silent_blocs)}"
    if c.tip_only:
        text += "; tips only"
    return text


def heading(event: Event) -> str:
    return f"{event.event_date} — {kind_of(event)} — {place(event)}"


def period(report: SituationReport) -> str:
    return f"{report.since.isoformat()} to {report.until.isoformat()}"


def change_lines(report: SituationReport) -> list[str]:
    c = report.changes
    if c.previous is None:
        return ["First report of this case: nothing to compare with."]
    when = c.previous.strftime("%Y-%m-%d %H:%M UTC")
    return [f"Since the report of {when}: {len(c.new)} new event(s), {len(c.updated)} updated "
            f"(figures, sources or status), {len(c.removed)} no longer in the picture."]
