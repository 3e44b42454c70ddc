"""The room's front: cases, a case's overview and map data, a report's text, signing in/out."""

from datetime import timedelta
from urllib.parse import urlsplit

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse

from sitroom.errors import NotFound
from sitroom.model import Case
from sitroom.store.accounts import AuditEntry
from sitroom.web import geo
from sitroom.web import overview as ov
from sitroom.web.auth import check_login, csrf_token, new_secret
from sitroom.web.errors import Forbidden
from sitroom.web.pages import Form, Reader, one, twin
from sitroom.web.render import holder, page

router = APIRouter()
LOOK_EVERY = timedelta(minutes=1)  # "last looked" is kept to the minute


def load_case(request: Request, name: str) -> Case:
    """The case (kept a short while), or NotFound (404)."""
    room = request.app.state.room
    return room.cache.get(("case", name), None, lambda: room.store.get_case(name))


def case_figures(request: Request, case: Case) -> dict:
    """The case's aggregates, recomputed when the store's data version moves."""
    room = request.app.state.room
    return room.cache.get(("figures", case.name), room.store.data_version(),
                          lambda: ov.aggregates(room.store, case))


def case_alerts(store, case: Case) -> list[dict]:
    """The case's alerts, newest first, with the watch's title."""
    watches = {w.key: w.title for w in store.list_watches(case.name)}
    found = sorted(store.list_alerts(case=case.name), key=lambda a: a.fired_at, reverse=True)
    return [{"watch": a.watch, "event_id": a.event_id, "fired_at": a.fired_at,
             "message": a.message, "suppressed": a.suppressed,
             "watch_title": a.title or watches.get(a.watch, a.watch)} for a in found]


@twin(router, "/", "home.html", "The cases in the store")
def home(request: Request, user: Reader) -> dict:
    store = request.app.state.room.store
    return {"cases": [{**ov.case_head(c), "events": case_figures(request, c)["totals"]["events"]}
                      for c in store.list_cases()]}


@twin(router, "/cases/{case}", "overview.html", "A case's overview")
def case_overview(request: Request, case: str, user: Reader) -> dict:
    room = request.app.state.room
    the_case = load_case(request, case)
    looked = room.store.last_looked(user.name, case) if user else None
    data = ov.overview(room.store, the_case, looked, case_alerts(room.store, the_case),
                       case_figures(request, the_case))
    now = room.clock()
    if user and (looked is None or now - looked > LOOK_EVERY):  # not a write per request
        room.store.set_last_looked(user.name, case, now)
    return data


@router.get("/api/cases/{case}/map", summary="Events by place and by admin1 region")
def case_map(request: Request, case: str, user: Reader) -> dict:
    return case_figures(request, load_case(request, case))["map"]


@router.get("/api/geo/{iso3}", summary="A country's admin1 regions (GeoJSON, Natural Earth)")
def geo_regions(iso3: str):
    from starlette.responses import JSONResponse

    data = geo.shapes(iso3)
    if not data["features"]:
        raise NotFound(f"no admin1 regions for {iso3[:10]!r}")
    return JSONResponse(data, headers={"cache-control": "public, max-age=86400"})


def _paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return [p for p in parts if p] or [text]


@twin(router, "/reports/{report_id}", "report.html", "A stored report, its claims and events")
def report(request: Request, report_id: str, user: Reader) -> dict:
    store = request.app.state.room.store
    rep = store.get_report(report_id)
    claims = store.list_claims(rep.id)
    held = store.events_of_claims([c.id for c in claims])
    outlet = None
    if rep.outlet:
        try:
            outlet = store.get_outlet(rep.outlet).to_dict()
        except Exception:  # an outlet key no longer in the catalogue
            outlet = None
    d = rep.to_dict()
    d.pop("raw", None)  # the original bytes are kept, never served
    if rep.kind == "tip" and not (user and user.can("analyst")):
        d["submitter"] = ""  # a tipster's contact is for analysts only
    return {"report": d, "paragraphs": _paragraphs(rep.text), "outlet": outlet,
            "claims": [{**c.to_dict(), "event_id": held.get(c.id)} for c in claims]}


# --- accounts ------------------------------------------------------------------------------


def _safe_next(target: str) -> str:
    """Only a path on this site (never //host or a scheme) is followed after signing in."""
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.scheme \
            and not parts.netloc and "\\" not in target:
        return target
    return "/"


@router.get("/login", include_in_schema=False)
def login_page(request: Request, next: str = "/"):
    return page(request, "login.html", {"next": _safe_next(next), "error": ""})


@router.post("/login", include_in_schema=False)
def login(request: Request, fields: Form):
    room = request.app.state.room
    name, password = one(fields, "name").strip(), one(fields, "password")
    target = _safe_next(one(fields, "next", "/"))
    address = request.client.host if request.client else "?"
    if room.login_limiter.blocked(address):
        return page(request, "login.html", {"next": target, "error":
                    "too many failed attempts from this address; wait ten minutes"}, status=429)
    if not (name and len(name) <= 100 and check_login(password, room.store.password_hash(name))):
        room.login_limiter.allow(address)  # only failures count towards the limit
        return page(request, "login.html", {"next": target,
                                            "error": "wrong name or password"}, status=401)
    secret = new_secret()
    now = room.clock()
    room.store.add_session(secret, name, now, now + timedelta(hours=room.session_hours))
    room.store.audit(AuditEntry(now, name, "login", address))
    response = RedirectResponse(target, status_code=303)
    response.set_cookie("sr_session", secret, max_age=room.session_hours * 3600, httponly=True,
                        samesite="lax", secure=request.url.scheme == "https", path="/")
    return response


@router.post("/logout", include_in_schema=False)
def logout(request: Request, fields: Form):
    room = request.app.state.room
    secret = request.cookies.get("sr_session")
    if secret:
        room.store.end_session(secret, room.clock())
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie("sr_session", path="/")
    return response


@router.get("/api/me", summary="Who is signed in, and the CSRF token for JSON writes")
def me(request: Request, user: Reader) -> dict:
    room = request.app.state.room
    if user is None and not room.public:
        raise Forbidden("not signed in")
    return {"user": user.to_dict() if user else None, "public": room.public,
            "csrf_token": csrf_token(room.key, holder(request))}
