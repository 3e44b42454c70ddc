"""The web room's factory: ``create_app(store, settings)`` builds one FastAPI app, no globals.

Every page is a function returning plain data; ``pages.twin`` serves it twice, as HTML at its path
and as JSON under ``/api`` (documented at /openapi.json). Security headers are set here, once,
for every response: a strict Content-Security-Policy (no inline script or style), nosniff, no
framing, no referrer leaks. Request bodies are capped before anything reads them.
"""

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sitroom.settings import Settings
from sitroom.web.auth import RateLimiter
from sitroom.web.cache import VersionedCache

HERE = Path(__file__).parent
MAX_BODY = 256 * 1024  # a tip is at most 50,000 characters; forms are far smaller
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "geolocation=(), camera=(), microphone=()",
}


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Room:
    """What every request handler reaches through ``request.app.state.room``."""

    store: Any  # sitroom.store.sql.SqlStore
    settings: Settings
    key: bytes  # signs CSRF tokens
    public: bool  # anyone may read without an account
    tip_limiter: RateLimiter
    login_limiter: RateLimiter
    clock: Callable[[], datetime] = _utcnow
    session_hours: int = 12
    templates: Any = field(default=None, repr=False)
    cache: Any = field(default=None, repr=False)  # a VersionedCache
    analysis: tuple[str, ...] = ()  # which analysis pages beyond hypotheses are served
    _only_case: tuple[float, str] = (0.0, "")

    def only_case(self) -> str:
        """The name of the store's case when it holds exactly one (for the menu on pages
        outside a case), looked up at most every 30 seconds."""
        import time

        now = time.monotonic()
        if now - self._only_case[0] > 30:
            names = [c.name for c in self.store.list_cases()]
            self._only_case = (now, names[0] if len(names) == 1 else "")
        return self._only_case[1]


def _templates():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    from sitroom.web import render

    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(render.FILTERS)
    return env


def create_app(store: Any, settings: Settings | None = None, *, public: bool | None = None,
               clock: Callable[[], datetime] | None = None, key: bytes | None = None):
    """The ASGI app over an open store. ``public`` (default: the ``web_public`` setting) lets
    anyone read; writes always need an account with the right role."""
    from fastapi import FastAPI
    from fastapi.exceptions import RequestValidationError
    from fastapi.staticfiles import StaticFiles
    from starlette.exceptions import HTTPException as StarletteHTTPException

    from sitroom.errors import SitroomError
    from sitroom.web import (
        errors,
        routes_alerts,
        routes_events,
        routes_factions,
        routes_hypotheses,
        routes_outlets,
        routes_room,
        routes_tips,
    )

    settings = settings or Settings()
    room = Room(
        store=store, settings=settings, key=key or secrets.token_bytes(32),
        public=bool(settings.web_public if public is None else public),
        tip_limiter=RateLimiter(int(settings.tip_rate_limit), 3600.0),
        login_limiter=RateLimiter(20, 600.0),
        clock=clock or _utcnow, session_hours=int(settings.session_hours),
    )
    room.templates = _templates()
    room.cache = VersionedCache(maxsize=64, ttl=30.0)
    room.analysis = ("factions", "alerts")
    app = FastAPI(title="sitroom", version="0.1.0", docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="The situation room's JSON API: each page's data, and the "
                              "analyst's actions. Authenticate with a session cookie (plus the "
                              "X-CSRF-Token header on writes) or `Authorization: Bearer TOKEN` "
                              "(`sitroom users token NAME`).")
    app.state.room = room

    @app.middleware("http")
    async def guard(request, call_next):
        from starlette.responses import PlainTextResponse

        started = time.perf_counter()
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            response = PlainTextResponse("request body too large", status_code=413)
        else:
            anon = request.cookies.get("sr_anon")
            fresh = anon is None or len(anon) != 43
            request.state.anon = secrets.token_urlsafe(32) if fresh else anon
            response = await call_next(request)
            if fresh:
                response.set_cookie("sr_anon", request.state.anon, httponly=True,
                                    samesite="strict", secure=request.url.scheme == "https")
        response.headers["server-timing"] = f"app;dur={(time.perf_counter() - started) * 1e3:.1f}"
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("cache-control", "no-store")
        return response

    app.add_exception_handler(SitroomError, errors.sitroom_error)
    app.add_exception_handler(errors.NeedLogin, errors.need_login)
    app.add_exception_handler(errors.Forbidden, errors.forbidden)
    app.add_exception_handler(StarletteHTTPException, errors.http_error)
    app.add_exception_handler(RequestValidationError, errors.validation_error)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (routes_room, routes_events, routes_outlets, routes_tips, routes_hypotheses,
                   routes_factions, routes_alerts):
        app.include_router(module.router)
    return app

