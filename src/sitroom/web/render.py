"""Pages from templates: the common context (who is signed in, the CSRF token, the cases) and the
small filters templates use. Jinja2 autoescapes everything; no filter marks text as safe.
"""

from datetime import date, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse

from sitroom.web.auth import csrf_token
from sitroom.web.charts import type_class


def _num(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return f"{value:,}"


def _span(pair: Any) -> str:
    """A range as "low–high", or one number when both ends agree."""
    if not pair:
        return "–"
    low, high = pair[0], pair[-1]
    return _num(low) if low == high else f"{_num(low)}–{_num(high)}"


def _figure(fr: Any) -> str:
    """A reconciled figure (dict or FigureRange) as "value (low–high)"."""
    if fr is None:
        return ""
    get = fr.get if isinstance(fr, dict) else lambda k: getattr(fr, k)
    value, low, high = get("value"), get("low"), get("high")
    if value is None:
        return ""
    if low is not None and high is not None and (low != value or high != value):
        return f"{_num(value)} ({_num(low)}–{_num(high)})"
    return _num(value)


def _when(value: Any) -> str:
    if isinstance(value, str) and len(value) > 10 and value[4:5] == "-":
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, date):
        return value.isoformat()
    return str(value or "")


def _pct(value: Any) -> str:
    return "–" if value is None else f"{value * 100:.2f}%"


def _label(value: Any) -> str:
    """A vocabulary code for people: results_annulled -> results annulled."""
    return str(value or "").replace("_", " ")


def _web_url(value: Any) -> str:
    """A link target only when it is http(s); anything else (javascript:, data:) is no link."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


FILTERS = {"num": _num, "span": _span, "figure": _figure, "when": _when, "pct": _pct,
           "label": _label, "web_url": _web_url, "tclass": type_class}


def holder(request: Request) -> str:
    """Whose CSRF token: the session cookie when signed in, else the anonymous cookie."""
    return request.cookies.get("sr_session") or request.state.anon


def _user(request: Request):
    from sitroom.web.errors import NeedLogin
    from sitroom.web.pages import identify

    try:
        return identify(request)
    except NeedLogin:
        return None


def page(request: Request, template: str, data: dict, *, status: int = 200) -> HTMLResponse:
    """Render a template with the page's data and the common context."""
    room = request.app.state.room
    user = _user(request)
    context = {
        **data,
        "request": request,
        "user": user,
        "public": room.public,
        "csrf": csrf_token(room.key, holder(request)),
        "path": request.url.path,
        "analysis": room.analysis,
        "nav_case": (data.get("case_name") or request.path_params.get("case")
                     or room.only_case()),
    }
    html = room.templates.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status)
