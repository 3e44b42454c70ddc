"""The analysis pages over the watch stage: factions by camp and alignment on a chosen day, an
actor's page, the competing hypotheses' evidence matrix with scores and history, and the alerts
with the watches that fire them."""

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.requests import Request
from starlette.responses import RedirectResponse

from sitroom.errors import InputError
from sitroom.store.accounts import AuditEntry
from sitroom.web import overview as ov
from sitroom.web.graph import layout
from sitroom.web.pages import Analyst, Form, Reader, one, twin
from sitroom.web.routes_room import load_case

router = APIRouter()
Day = Annotated[str | None, Query(max_length=10)]


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"as_of must be a date as YYYY-MM-DD, not {value[:12]!r}") from None


def _days(case, chosen: date | None) -> dict:
    """The date control: the case's period, the chosen day, the days before and after."""
    out = {"as_of": chosen, "start": case.start, "end": case.end, "prev": None, "next": None}
    if chosen:
        out["prev"] = chosen - timedelta(days=1)
        out["next"] = chosen + timedelta(days=1)
    return out


@twin(router, "/cases/{case}/factions", "factions.html",
      "The camps, their members and foreign backers, and the ties in force on a day")
def factions(request: Request, case: str, user: Reader, as_of: Day = None) -> dict:
    from sitroom.pipeline.factions import faction_picture_of
    from sitroom.present.factions import picture_json

    the_case = load_case(request, case)
    picture = faction_picture_of(request.app.state.room.store, case, _day(as_of),
                                 with_proposed=True)
    data = picture_json(picture)
    names = {a["key"]: a["name"] for a in data["actors"]}
    names.update({a.key: a.name for a in the_case.actors if a.key not in names})
    foreign = [i["actor"] for i in data["foreign"]]
    return {"case_name": case, "case": ov.case_head(the_case), "picture": data,
            "names": names, "days": _days(the_case, picture.as_of),
            "graph": layout(data["camps"], foreign, data["unaligned"], data["ties"], names)}


@twin(router, "/cases/{case}/actors/{actor}", "actor.html",
      "An actor: roles over time, ties, camps day by day, the events it took part in")
def actor_page(request: Request, case: str, actor: str, user: Reader) -> dict:
    from sitroom.pipeline.factions import actor_profile_of

    store = request.app.state.room.store
    the_case = load_case(request, case)
    profile = actor_profile_of(store, actor, case)
    found = store.get_events(list(profile.event_ids[-200:]))
    names = {a.key: a.name for a in the_case.actors}
    return {"case_name": case, "case": ov.case_head(the_case), "profile": profile.to_dict(),
            "names": names,
            "events": [{"id": e.id, "event_date": e.event_date, "event_type": e.event_type,
                        "kind": e.sub_event_type or e.political_event or e.plover_type,
                        "location": e.location, "status": e.status} for e in found]}


@twin(router, "/cases/{case}/hypotheses", "hypotheses.html",
      "Competing hypotheses: the evidence matrix, scores, ranking, history, sensitivity")
def hypotheses(request: Request, case: str, user: Reader, as_of: Day = None,
               confirmed_only: bool = False) -> dict:
    from sitroom.pipeline.analysis import case_assessment

    the_case = load_case(request, case)
    a = case_assessment(request.app.state.room.store, case, _day(as_of),
                        confirmed_only=confirmed_only, with_history=True)
    data = a.to_dict()
    keys = [h["key"] for h in data["hypotheses"]]
    rows: dict[str, dict] = {}
    for h in data["hypotheses"]:
        for r in h["evidence"]:
            row = rows.setdefault(r["item"], {
                "item": r["item"], "kind": r["kind"], "title": r["title"],
                "evidence_date": r["evidence_date"], "weight": r["weight"],
                "diagnosticity": r["diagnosticity"], "event_ids": r["event_ids"],
                "cells": {}})
            row["cells"][h["key"]] = {"rating": r["rating"], "status": r["status"],
                                      "rating_id": r["rating_id"], "basis": r["basis"]}
    matrix = sorted(rows.values(), key=lambda r: (-r["diagnosticity"], str(r["evidence_date"])))
    for h in data["hypotheses"]:
        scored = [p["score"] for p in h["history"] if p["score"] is not None]
        top = max(scored, default=0) or 1
        step = 160 / max(len(h["history"]) - 1, 1)
        h["spark"] = " ".join(f"{i * step:.1f},{21 - (p['score'] or 0) / top * 20:.1f}"
                              for i, p in enumerate(h["history"]))
    return {"case_name": case, "case": ov.case_head(the_case), "assessment": data,
            "keys": keys, "matrix": matrix, "confirmed_only": confirmed_only,
            "days": _days(the_case, a.as_of)}


@router.post("/cases/{case}/hypotheses/ratings", include_in_schema=False)
def decide_rating(request: Request, case: str, user: Analyst, fields: Form):
    from urllib.parse import quote

    from sitroom.pipeline.analysis import decide

    room = request.app.state.room
    status = one(fields, "status")
    rating_id = one(fields, "rating_id")
    decide(room.store, rating_id, status, case=case, author=user.name,
           reason=one(fields, "reason")[:2000], now=room.clock())
    room.store.audit(AuditEntry(room.clock(), user.name, f"rating.{status}", rating_id, case))
    return RedirectResponse(f"/cases/{quote(case)}/hypotheses", status_code=303)


@twin(router, "/cases/{case}/alerts", "alerts.html", "Alerts fired, and the watches behind them")
def alerts(request: Request, case: str, user: Reader,
           watch: Annotated[str | None, Query(max_length=200)] = None) -> dict:
    from sitroom.watch.rules import describe, rule_of

    store = request.app.state.room.store
    the_case = load_case(request, case)
    watches = []
    for w in store.list_watches(case):
        try:
            rule = describe(rule_of(w, case))
        except Exception as exc:  # a hand-edited watch that no longer parses: say so
            rule = f"(cannot be read: {exc})"
        watches.append({"key": w.key, "title": w.title, "rule": rule})
    fired = store.list_alerts(watch or None, case=case, limit=500)
    fired.sort(key=lambda a: a.fired_at, reverse=True)
    titles = {w["key"]: w["title"] for w in watches}
    return {"case_name": case, "case": ov.case_head(the_case), "watches": watches,
            "watch": watch or "",
            "alerts": [{"watch": a.watch, "watch_title": a.title or titles.get(a.watch, a.watch),
                        "event_id": a.event_id, "fired_at": a.fired_at, "message": a.message,
                        "suppressed": a.suppressed} for a in fired]}
