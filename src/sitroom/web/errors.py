"""How failures reach the client: JSON under /api, an HTML page (or the login form) elsewhere.

A store or database failure is a 500 with a generic message (details go to the server log);
bad input and refused edits are 400 with sitroom's own message, which names no secrets.
"""

import logging

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from sitroom.errors import AnalysisError, InputError, MergeError, NotFound, SitroomError

log = logging.getLogger("sitroom.web")


class NeedLogin(Exception):
    """No (valid) session or token, and the room is not public: 401."""


class Forbidden(Exception):
    """Signed in, but the role or CSRF token does not allow this: 403."""

    def __init__(self, message: str = "forbidden") -> None:
        super().__init__(message)
        self.message = message


def wants_json(request: Request) -> bool:
    """Whether the client asked the API rather than a page."""
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str) -> Response:
    """The same error, as JSON for the API or as a page."""
    if wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    from sitroom.web.render import page

    return page(request, "error.html", {"status": status, "message": message}, status=status)


async def sitroom_error(request: Request, exc: SitroomError) -> Response:
    if isinstance(exc, NotFound):
        return error_response(request, 404, str(exc))
    if isinstance(exc, InputError | MergeError | AnalysisError):
        return error_response(request, 400, str(exc))
    log.exception("request %s failed", request.url.path)
    return error_response(request, 500, "the store could not answer; see the server log")


async def need_login(request: Request, exc: NeedLogin) -> Response:
    if wants_json(request) or request.method != "GET":
        response = error_response(request, 401, "sign in, or send Authorization: Bearer TOKEN")
        response.headers["www-authenticate"] = 'Bearer realm="sitroom"'
        return response
    from urllib.parse import quote

    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


async def forbidden(request: Request, exc: Forbidden) -> Response:
    return error_response(request, 403, exc.message)


async def http_error(request: Request, exc) -> Response:
    messages = {404: "no such page", 405: "method not allowed"}
    message = messages.get(exc.status_code, str(exc.detail))
    response = error_response(request, exc.status_code, message)
    for name, value in (getattr(exc, "headers", None) or {}).items():
        response.headers[name] = value
    return response


async def validation_error(request: Request, exc) -> Response:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return error_response(request, 400, "bad request: " + "; ".join(parts))
