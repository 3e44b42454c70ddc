"""Events: the filtered list with full-text search, one event with each outlet's claim side by
side, and the analyst's actions on it (page forms and JSON)."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.requests import Request
from starlette.responses import RedirectResponse

from sitroom.errors import InputError, MergeError
from sitroom.model import BLOCS
from sitroom.store.accounts import AuditEntry, User
from sitroom.web import overview as ov
from sitroom.web.actions import OPS, ActionRequest, apply_action
from sitroom.web.charts import TYPE_ORDER
from sitroom.web.pages import Analyst, ApiWrite, Body, Form, Reader, one, twin
from sitroom.web.routes_room import load_case

router = APIRouter()
STATUSES = ("auto", "confirmed", "edited", "rejected")
COUNT_CAP = 10_000  # a list counts its matches up to here, then says "10,000+"
FIGURES = ("fatalities", "injuries", "arrests")
Text = Annotated[str | None, Query(max_length=200)]


def _day(value: str | None, name: str) -> date | None:
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{name} must be a date as YYYY-MM-DD, not {value[:20]!r}") from None


def _choice(value: str | None, allowed, name: str) -> str | None:
    if not value:
        return None
    if value not in allowed:
        raise InputError(f"{name} must be one of {', '.join(allowed)}")
    return value


def kind_of(e) -> str | None:
    """The most telling type name: the sub-event type, unless it is ACLED's bare "Other"."""
    if e.sub_event_type and e.sub_event_type != "Other":
        return e.sub_event_type
    return e.political_event or e.plover_type or e.sub_event_type or e.event_type


def list_row(d: dict) -> dict:
    """A stored list row with the names the page and API give every event."""
    kind = d["sub_event_type"] if d["sub_event_type"] not in (None, "Other") else (
        d["political_event"] or d["plover_type"] or d["sub_event_type"] or d["event_type"])
    disputed = [n for n in (*FIGURES, "crowd_size") if d[n] and d[n]["disputed"]]
    return {**d, "kind": kind, "disputed": disputed}


def event_row(e) -> dict:
    """An event as one line of a list."""
    cor = e.corroboration
    return {"id": e.id, "event_date": e.event_date, "event_type": e.event_type,
            "kind": kind_of(e),
            "political_event": e.political_event, "location": e.location, "admin1": e.admin1,
            "iso3": e.iso3, "actor1": e.actor1, "actor2": e.actor2,
            "assoc_actor_1": e.assoc_actor_1, "assoc_actor_2": e.assoc_actor_2,
            "fatalities": e.fatalities.to_dict() if e.fatalities else None,
            "injuries": e.injuries.to_dict() if e.injuries else None,
            "crowd_size": e.crowd_size.to_dict() if e.crowd_size else None,
            "disputed": [n for n in (*FIGURES, "crowd_size")
                         if getattr(e, n) is not None and getattr(e, n).disputed],
            "outlets": cor.independent_outlets if cor else 0,
            "blocs": list(cor.blocs) if cor else [], "single_source": bool(cor and
                                                                           cor.single_source),
            "status": e.status, "claims": len(e.claim_ids)}


@twin(router, "/cases/{case}/events", "events.html", "A case's events, filtered and searched")
def events_list(
    request: Request, case: str, user: Reader, since: Text = None, until: Text = None,
    type: Text = None, kind: Text = None, place: Text = None, actor: Text = None,
    bloc: Text = None, contested: bool = False, single_source: bool = False,
    status: Text = None, q: Text = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict:
    the_case = load_case(request, case)
    f = ov.case_filter(
        the_case, since=_day(since, "since"), until=_day(until, "until"),
        event_type=type or None, kind=kind or None, place=(place or "").strip() or None,
        actor=(actor or "").strip() or None, bloc=_choice(bloc, BLOCS, "bloc"),
        contested=contested, single_source=single_source,
        status=_choice(status, STATUSES, "status"), text=(q or "").strip() or None)
    total, found = request.app.state.room.store.find_event_rows(
        f, limit=per, offset=(page - 1) * per, count_up_to=COUNT_CAP)
    asked = {"since": since or "", "until": until or "", "type": type or "", "kind": kind or "",
             "place": place or "", "actor": actor or "", "bloc": bloc or "",
             "contested": contested, "single_source": single_source, "status": status or "",
             "q": q or ""}
    return {"case_name": case, "case": ov.case_head(the_case), "filters": asked,
            "total": total, "total_capped": total >= COUNT_CAP, "page": page, "per": per,
            "pages": max(1, -(-total // per)),
            "events": [list_row(e) for e in found],
            "choices": {"types": [t for t in TYPE_ORDER if t not in ("Political", "Other")],
                        "blocs": list(BLOCS), "statuses": list(STATUSES)}}


def _value(fr) -> int | None:
    return fr.value if fr is not None else None


def _differs(rows: list[dict], name: str) -> bool:
    values = {r[name] for r in rows if r[name] is not None}
    return len(values) > 1


@twin(router, "/events/{event_id}", "event.html",
      "One event: each outlet's claim side by side, corroboration, history")
def event_page(request: Request, event_id: str, user: Reader) -> dict:
    store = request.app.state.room.store
    e = store.get_event(event_id)
    outlets = {o.key: o for o in store.list_outlets()}
    claims = {c.id: c for c in store.get_claims(list(e.claim_ids))}
    sides, case_name = [], ""
    for fig in e.figures:
        c = claims.get(fig.claim_id)
        try:
            rep = store.get_report(fig.report_id)
            title, published, kind = rep.title, rep.published, rep.kind
            case_name = case_name or rep.case or ""
        except Exception:  # a report removed since the merge
            title, published, kind = "", None, "?"
        o = outlets.get(fig.outlet or "")
        sides.append({
            "claim_id": fig.claim_id, "report_id": fig.report_id, "report_title": title,
            "report_kind": kind, "published": published, "outlet": fig.outlet,
            "outlet_name": o.name if o else (fig.outlet or ("tip" if kind == "tip" else "?")),
            "bloc": fig.bloc, "ownership": o.ownership if o else "",
            "fatalities": fig.fatalities, "injuries": fig.injuries, "arrests": fig.arrests,
            "crowd": fig.crowd_size.to_dict() if fig.crowd_size else None,
            "crowd_max": fig.crowd_size.max if fig.crowd_size else None,
            "event_date": c.event_date if c else None,
            "kind": kind_of(c) if c else None,
            "location": c.location if c else None, "actor1": c.actor1 if c else None,
            "actor2": c.actor2 if c else None,
            "evidence": c.evidence if c else "", "confidence": c.confidence if c else None})
    differs = [n for n in ("fatalities", "injuries", "arrests", "crowd_max", "event_date",
                           "kind", "location") if _differs(sides, n)]
    agreed = {"fatalities": _value(e.fatalities), "injuries": _value(e.injuries),
              "arrests": _value(e.arrests), "crowd_max": _value(e.crowd_size),
              "event_date": e.event_date, "kind": kind_of(e), "location": e.location}
    for s in sides:  # which of this outlet's values stand apart from the reconciled event
        s["apart"] = [n for n in differs if s[n] is not None and s[n] != agreed[n]]
    history = [a.to_dict() for a in store.list_merge_actions(event_id)]
    undone = {a["undoes"] for a in history if a["undoes"]}
    for a in history:
        a["undoable"] = (a["action"] in ("confirm", "reject", "edit", "split", "merge", "join")
                         and a["id"] not in undone and a["action"] != "undo")
    d = e.to_dict()
    return {"case_name": case_name, "event": d, "row": event_row(e), "sides": sides,
            "differs": differs,
            "history": history, "editable": list(_editable()), "ops": list(OPS),
            "done": request.query_params.get("done", "")[:200],
            "error": request.query_params.get("error", "")[:500]}


def _editable() -> tuple[str, ...]:
    from sitroom.merge.build import EDITABLE

    return EDITABLE


def _request_from_form(event_id: str, fields: dict[str, list[str]]) -> ActionRequest:
    op = one(fields, "op")
    edit = {}
    if op == "edit":
        name = one(fields, "field")
        edit = {name: one(fields, "value")} if name else {}
    return ActionRequest(op=op, event_id=event_id, reason=one(fields, "reason")[:2000],
                         fields=edit, claim_ids=fields.get("claim", []),
                         other_event_ids=one(fields, "events").replace(",", " ").split(),
                         action_id=one(fields, "action_id"))


def _apply(request: Request, req: ActionRequest, user: User):
    room = request.app.state.room
    now = room.clock()
    result = apply_action(room.store, req, user.name, now)
    room.store.audit(AuditEntry(now, user.name, f"event.{req.op}", req.event_id,
                                result.action.id))
    return result


@router.post("/events/{event_id}/actions", include_in_schema=False)
def event_action_form(request: Request, event_id: str, user: Analyst,
                      fields: Form):
    from urllib.parse import quote

    req = _request_from_form(event_id, fields)
    try:
        result = _apply(request, req, user)
    except MergeError as exc:
        return RedirectResponse(f"/events/{quote(event_id)}?error={quote(str(exc)[:400])}",
                                status_code=303)
    target = result.saved[0].id if result.saved else event_id
    return RedirectResponse(f"/events/{quote(target)}?done={quote(result.action.action)}",
                            status_code=303)


@router.post("/api/events/{event_id}/actions",
             summary="Confirm, reject, edit, split, merge or undo (analyst role)")
def event_action_api(request: Request, event_id: str,
                     user: Analyst, _: ApiWrite,
                     body: Body):
    fields = body.get("fields") or {}
    if not isinstance(fields, dict) or not all(isinstance(v, str | int | float | None)
                                               for v in fields.values()):
        raise InputError("fields must be an object of FIELD: value")
    req = ActionRequest(
        op=str(body.get("op", "")), event_id=event_id, reason=str(body.get("reason", "")),
        fields={str(k): "" if v is None else str(v) for k, v in fields.items()},
        claim_ids=[str(c) for c in body.get("claim_ids") or []],
        other_event_ids=[str(c) for c in body.get("event_ids") or []],
        action_id=str(body.get("action_id", "")))
    result = _apply(request, req, user)
    return {"action": result.action.to_dict(), "saved": [e.id for e in result.saved],
            "deleted": list(result.deleted)}

