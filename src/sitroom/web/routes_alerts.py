"""Alerts fired on a case's events, and the watches that fire them (the watch stage's alerts)."""

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.requests import Request

from sitroom.web import overview as ov
from sitroom.web.pages import Reader, twin
from sitroom.web.routes_room import load_case

router = APIRouter()


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
