"""Tips: a public form that files an unreviewed report (size limits, a per-address rate limit,
a honeypot), and the moderation queue where analysts accept, reject or ask for more."""

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.requests import Request
from starlette.responses import RedirectResponse

from sitroom.collect.tips import (
    MAX_CONTACT_CHARS,
    MAX_PLACE_CHARS,
    MAX_TIP_CHARS,
    review_tip,
    submit_tip,
)
from sitroom.errors import InputError
from sitroom.model import REVIEW_STATUSES
from sitroom.store.accounts import AuditEntry, User
from sitroom.store.api import ReportQuery
from sitroom.web.errors import Forbidden
from sitroom.web.pages import Analyst, ApiWrite, Body, Form, one, twin
from sitroom.web.render import page

router = APIRouter()
HONEYPOT = "website"  # hidden from people by CSS; a bot that fills it is thanked and ignored
LIMITS = {"text": MAX_TIP_CHARS, "contact": MAX_CONTACT_CHARS, "place": MAX_PLACE_CHARS}


def _address(request: Request) -> str:
    return request.client.host if request.client else "?"


def _limited(request: Request) -> int:
    """0 if this address may send a tip now, else the seconds until it may."""
    room = request.app.state.room
    key = _address(request)
    return 0 if room.tip_limiter.allow(key) else room.tip_limiter.retry_after(key)


def _cases(request: Request) -> list[str]:
    return [c.name for c in request.app.state.room.store.list_cases()]


@twin(router, "/tip", "tip_form.html", "The public tip form: fields and limits")
def tip_form(request: Request) -> dict:
    return {"limits": LIMITS, "cases": _cases(request), "error": "", "sent": None,
            "values": {"text": "", "contact": "", "place": "", "case": ""}}


def _file(request: Request, text: str, contact: str, place: str, case: str) -> dict:
    room = request.app.state.room
    if case and case not in _cases(request):
        raise InputError(f"no case {case[:60]!r}")
    result = submit_tip(room.store, text, contact=contact or None, place=place or None,
                        case=case or None, clock=room.clock)
    return {"id": result.report_id, "new": result.is_new}


@router.post("/tip", include_in_schema=False)
def tip_submit(request: Request, fields: Form):
    values = {k: one(fields, k) for k in ("text", "contact", "place", "case")}
    data = {"limits": LIMITS, "cases": _cases(request), "error": "", "sent": None,
            "values": values}
    if one(fields, HONEYPOT):
        return page(request, "tip_form.html", {**data, "sent": {"id": "", "new": True},
                                               "values": {k: "" for k in values}})
    wait = _limited(request)
    if wait:
        response = page(request, "tip_form.html", {**data, "error":
                        f"Too many tips from this address; try again in {wait // 60 + 1} min."},
                        status=429)
        response.headers["retry-after"] = str(wait)
        return response
    try:
        sent = _file(request, **values)
    except InputError as exc:
        return page(request, "tip_form.html", {**data, "error": str(exc)}, status=400)
    return page(request, "tip_form.html", {**data, "sent": sent,
                                           "values": {k: "" for k in values}})


@router.post("/api/tips", summary="Send a tip (no account needed; rate limited per address)",
             status_code=201)
def tip_api(request: Request, body: Body):
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise Forbidden("send the tip as application/json")
    if body.get(HONEYPOT):
        return {"id": "", "new": True}
    wait = _limited(request)
    if wait:
        from starlette.responses import JSONResponse

        return JSONResponse({"error": "too many tips from this address", "status": 429},
                            status_code=429, headers={"retry-after": str(wait)})
    values = {}
    for k in ("text", "contact", "place", "case"):
        v = body.get(k) or ""
        if not isinstance(v, str):
            raise InputError(f"{k} must be text")
        values[k] = v
    return _file(request, **values)


@twin(router, "/tips", "tips.html", "The tip moderation queue (analyst role)")
def tips_queue(request: Request, user: Analyst,
               status: Annotated[str, Query(max_length=20)] = "unreviewed",
               page_no: Annotated[int, Query(ge=1, le=10_000, alias="page")] = 1) -> dict:
    if status not in (*REVIEW_STATUSES, "all"):
        raise InputError(f"status must be one of {', '.join(REVIEW_STATUSES)} or all")
    store = request.app.state.room.store
    per = 50
    query = ReportQuery(kind="tip", review_status=None if status == "all" else status,
                        limit=per, offset=(page_no - 1) * per, newest_first=True)
    tips = store.list_reports(query)
    counts = {s: store.count_reports(ReportQuery(kind="tip", review_status=s, limit=None))
              for s in REVIEW_STATUSES}
    return {"status": status, "page": page_no, "counts": counts, "statuses": list(REVIEW_STATUSES),
            "done": request.query_params.get("done", "")[:100],
            "tips": [{"id": t.id, "text": t.text, "submitter": t.submitter, "place": t.place_hint,
                      "lang": t.lang, "published": t.published, "review_status": t.review_status,
                      "case": t.case} for t in tips]}


def _review(request: Request, tip_id: str, status: str, user: User) -> dict:
    room = request.app.state.room
    if status not in REVIEW_STATUSES:
        raise InputError(f"status must be one of {', '.join(REVIEW_STATUSES)}")
    tip = review_tip(room.store, tip_id, status)
    room.store.audit(AuditEntry(room.clock(), user.name, "tip.review", tip.id, status))
    return {"id": tip.id, "review_status": tip.review_status}


@router.post("/tips/{tip_id}/review", include_in_schema=False)
def review_form(request: Request, tip_id: str, user: Analyst,
                fields: Form):
    from urllib.parse import quote

    done = _review(request, tip_id, one(fields, "status"), user)
    back = one(fields, "back", "unreviewed")
    back = back if back in (*REVIEW_STATUSES, "all") else "unreviewed"
    note = quote(f"{done['id']} {done['review_status']}")
    return RedirectResponse(f"/tips?status={back}&done={note}", status_code=303)


@router.post("/api/tips/{tip_id}/review", summary="Accept, reject or ask for more (analyst)")
def review_api(request: Request, tip_id: str, user: Analyst,
               _: ApiWrite,
               body: Body) -> dict:
    return _review(request, tip_id, str(body.get("status", "")), user)
