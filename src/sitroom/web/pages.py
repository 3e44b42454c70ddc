"""What every route shares: who is asking (session cookie or bearer token), role checks, form
bodies with their CSRF token, and ``twin`` — one data function served as a page and as JSON.
"""

import functools
from collections.abc import Callable
from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends
from fastapi import Body as FastBody
from starlette.requests import Request

from sitroom.store.accounts import User
from sitroom.web.auth import csrf_ok
from sitroom.web.errors import Forbidden, NeedLogin
from sitroom.web.render import holder, page

MAX_FIELDS = 200


def identify(request: Request) -> User | None:
    """The signed-in user (bearer token first, then the session cookie), cached per request."""
    if hasattr(request.state, "user"):
        return request.state.user
    room = request.app.state.room
    user = None
    request.state.via_token = False
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        token = auth[7:].strip()
        user = room.store.token_user(token, room.clock()) if 20 <= len(token) <= 200 else None
        if user is None:
            raise NeedLogin()
        request.state.via_token = True
    else:
        secret = request.cookies.get("sr_session")
        if secret and len(secret) <= 200:
            user = room.store.session_user(secret, room.clock())
    request.state.user = user
    return user


def reader(request: Request) -> User | None:
    """Anyone signed in, or anyone at all in a public room."""
    user = identify(request)
    if user is None and not request.app.state.room.public:
        raise NeedLogin()
    return user


def role(name: str) -> Callable[[Request], User]:
    """A dependency that admits only users holding ``name`` (or a higher role)."""

    def check(request: Request) -> User:
        user = identify(request)
        if user is None:
            raise NeedLogin()
        if not user.can(name):
            raise Forbidden(f"this needs the {name} role; {user.name} is a {user.role}")
        return user

    return check


def check_origin(request: Request) -> None:
    """Refuse a write whose Origin names another site (a second line behind the CSRF token)."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if origin.split("://", 1)[-1] != host:
            raise Forbidden("cross-origin request refused")


async def form(request: Request) -> dict[str, list[str]]:
    """An urlencoded form body whose CSRF token belongs to this session or visitor."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise Forbidden("expected a form (application/x-www-form-urlencoded)")
    check_origin(request)
    body = await request.body()
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True,
                          max_num_fields=MAX_FIELDS, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        raise Forbidden("the form could not be read (UTF-8, at most 200 fields)") from None
    fields: dict[str, list[str]] = {}
    for k, v in pairs:
        fields.setdefault(k, []).append(v)
    token = (fields.get("csrf") or [None])[0]
    if not csrf_ok(request.app.state.room.key, holder(request), token):
        raise Forbidden("the form's security token is missing or stale; reload the page")
    return fields


def api_write(request: Request) -> None:
    """A JSON write: a bearer token needs nothing more; a session needs X-CSRF-Token."""
    check_origin(request)
    if getattr(request.state, "via_token", False):
        return
    if not csrf_ok(request.app.state.room.key, holder(request),
                   request.headers.get("x-csrf-token")):
        raise Forbidden("send the X-CSRF-Token header (from GET /api/me) with a session cookie")


def one(fields: dict[str, list[str]], name: str, default: str = "") -> str:
    """The first value of a form field."""
    values = fields.get(name)
    return values[0] if values else default


def twin(router: APIRouter, path: str, template: str, summary: str):
    """Serve a data function as JSON at ``/api<path>`` and as the page ``template`` at ``path``."""

    def deco(fn):
        router.add_api_route("/api" + path, fn, methods=["GET"], summary=summary)

        @functools.wraps(fn)
        def html(**kwargs):
            return page(kwargs["request"], template, fn(**kwargs))

        router.add_api_route(path, html, methods=["GET"], include_in_schema=False)
        return fn

    return deco


Reader = Annotated[User | None, Depends(reader)]
Analyst = Annotated[User, Depends(role("analyst"))]
Form = Annotated[dict, Depends(form)]
ApiWrite = Annotated[None, Depends(api_write)]
Body = Annotated[dict, FastBody()]
