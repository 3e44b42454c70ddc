"""A small invented case and events for the analysis tests (samples, not real reports)."""

from __future__ import annotations

from datetime import date

from sitroom.model import (
    Actor,
    Case,
    Corroboration,
    Event,
    FigureRange,
    Hypothesis,
    IndicatorRule,
    Outlet,
    OutletFigures,
)

OUTLETS = (
    Outlet(key="home-wire", name="Home Wire", country="KGZ", bloc="domestic", reliability="B"),
    Outlet(key="home-daily", name="Home Daily", country="KGZ", bloc="domestic", reliability="C"),
    Outlet(key="moscow-news", name="Moscow News", country="RUS", bloc="russian", reliability="C"),
    Outlet(key="west-service", name="West Service", country="USA", bloc="western",
           reliability="A"),
    Outlet(key="beijing-daily", name="Beijing Daily", country="CHN", bloc="chinese",
           reliability="D"),
)
ACTORS = (
    Actor(key="russia", name="Russia", kind="foreign-state", country="RUS",
          aliases=("Kremlin",)),
    Actor(key="usa", name="United States", kind="foreign-state", country="USA", aliases=("US",)),
    Actor(key="eu", name="European Union", kind="organisation"),
    Actor(key="parliament", name="Jogorku Kenesh", kind="state-body", country="KGZ"),
)
HYPOTHESES = (
    Hypothesis(key="uprising", title="A popular uprising",
               indicators=("large crowds", "spread", "annulment"),
               rules=(IndicatorRule(0, "case", (("indicator", "mobilisation_ratio"),
                                                ("above", 0.001)), "C", "I"),
                      IndicatorRule(2, "event", (("political_event", ("results_annulled",)),),
                                    "C"))),
    Hypothesis(key="elite", title="An elite struggle",
               indicators=("small crowds", "appointments by parliament"),
               rules=(IndicatorRule(0, "case", (("indicator", "mobilisation_ratio"),
                                                ("max", 0.001)), "C", "I"),
                      IndicatorRule(1, "event", (("political_event", ("appointment",)),
                                                 ("actor", ("parliament",))), "CC"))),
    Hypothesis(key="coup", title="A foreign-backed coup", indicators=("foreign support",)),
)
CASE = Case(name="sample-case", title="Sample", countries=("KGZ",), start=date(2020, 10, 1),
            population=1_000_000, outlets=OUTLETS, actors=ACTORS, hypotheses=HYPOTHESES)


def event(eid: str, day: int, *, outlets: tuple[str, ...] = ("home-wire",), **fields) -> Event:
    """An event on 2020-10-<day> reported by these outlets (one figure row each)."""
    blocs = {o.key: o.bloc for o in OUTLETS}
    figures = tuple(OutletFigures(claim_id=f"{eid}-{o}", report_id=f"r-{eid}-{o}", outlet=o,
                                  bloc=blocs[o]) for o in outlets)
    corr = Corroboration(independent_outlets=len(outlets), outlets=tuple(sorted(outlets)),
                         blocs=tuple(sorted({blocs[o] for o in outlets})))
    base = dict(id=eid, claim_ids=tuple(f.claim_id for f in figures),
                event_date=date(2020, 10, day), time_precision=1, event_type=None,
                sub_event_type=None, iso3="KGZ", country="Kyrgyzstan", figures=figures,
                corroboration=corr)
    base.update(fields)
    return Event(**base)


def crowd(low: int, high: int | None = None) -> FigureRange:
    return FigureRange(value=low, low=low, high=high if high is not None else low)


def figure(low: int, high: int) -> FigureRange:
    return FigureRange(value=low, low=low, high=high, disputed=high > low)


def sample_events() -> list[Event]:
    """Five days of a crisis: a protest, a storming, statements, an attack, appointments."""
    return [
        event("e1", 5, outlets=("home-wire", "west-service"), event_type="Protests",
              sub_event_type="Peaceful protest", admin1="Bishkek", crowd_size=crowd(500, 800)),
        event("e2", 5, outlets=("home-wire", "moscow-news", "west-service"), event_type="Riots",
              sub_event_type="Violent demonstration", admin1="Bishkek",
              fatalities=figure(1, 3), injuries=figure(100, 600), crowd_size=crowd(2000, 5000)),
        event("e3", 6, event_type="Strategic developments", sub_event_type="Other",
              political_event="results_annulled", admin1="Bishkek"),
        event("e4", 6, outlets=("moscow-news",), political_event="foreign_government_statement",
              plover_type="REQUEST", actor1="Kremlin"),
        event("e5", 7, outlets=("west-service",), political_event="foreign_government_statement",
              plover_type="REQUEST", actor1="Government of United States"),
        event("e6", 7, outlets=("beijing-daily",), political_event="foreign_government_statement",
              actor1="European Union"),
        event("e7", 8, event_type="Riots", sub_event_type="Violent demonstration", admin1="Osh",
              target_owner_iso3="CHN", injuries=figure(2, 2)),
        event("e8", 8, event_type="Protests", sub_event_type="Peaceful protest", admin1="Chuy",
              crowd_size=crowd(3000)),
        event("e12", 8, event_type="Protests", sub_event_type="Peaceful protest",
              admin1="Moscow", iso3="RUS", crowd_size=crowd(9000)),
        event("e9", 9, event_type="Strategic developments", sub_event_type="Other",
              political_event="appointment", actor1="Jogorku Kenesh"),
        event("e10", 9, political_event="resignation", status="rejected"),
        event("e11", 9, event_type="Strategic developments",
              sub_event_type="Change to group/activity", actor1="Deputies of a party"),
    ]


TEXTS = {"e2": "Protesters stormed the White House and set it on fire.",
         "e1": "Thousands rallied peacefully near the parliament."}
