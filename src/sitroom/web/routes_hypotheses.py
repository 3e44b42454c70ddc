"""Competing hypotheses over the watch stage: the evidence matrix with scores, ranking, history
and sensitivity, and the analyst's decisions on proposed ratings; plus the date control the
analysis pages share."""

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.requests import Request
from starlette.responses import RedirectResponse

from sitroom.errors import InputError
from sitroom.store.accounts import AuditEntry
from sitroom.web import overview as ov
from sitroom.web.pages import Analyst, Form, Reader, one, twin
from sitroom.web.routes_room import load_case

router = APIRouter()
Day = Annotated[str | None, Query(max_length=10)]


def as_of_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"as_of must be a date as YYYY-MM-DD, not {value[:12]!r}") from None


def date_control(case, chosen: date | None) -> dict:
    """The date control: the case's period, the chosen day, the days before and after."""
    out = {"as_of": chosen, "start": case.start, "end": case.end, "prev": None, "next": None}
    if chosen:
        out["prev"] = chosen - timedelta(days=1)
        out["next"] = chosen + timedelta(days=1)
    return out


@twin(router, "/cases/{case}/hypotheses", "hypotheses.html",
      "Competing hypotheses: the evidence matrix, scores, ranking, history, sensitivity")
def hypotheses(request: Request, case: str, user: Reader, as_of: Day = None,
               confirmed_only: bool = False) -> dict:
    from sitroom.pipeline.analysis import case_assessment

    the_case = load_case(request, case)
    a = case_assessment(request.app.state.room.store, case, as_of_day(as_of),
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
            "days": date_control(the_case, a.as_of)}


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
