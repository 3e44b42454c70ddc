"""Factions by camp and alignment on a chosen day, an actor's page, and the alerts with the
watches that fire them (the watch stage's factions and alerts)."""

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.requests import Request

from sitroom.web import overview as ov
from sitroom.web.graph import layout
from sitroom.web.pages import Reader, twin
from sitroom.web.routes_hypotheses import as_of_day, date_control
from sitroom.web.routes_room import load_case

router = APIRouter()
Day = Annotated[str | None, Query(max_length=10)]


@twin(router, "/cases/{case}/factions", "factions.html",
      "The camps, their members and foreign backers, and the ties in force on a day")
def factions(request: Request, case: str, user: Reader, as_of: Day = None) -> dict:
    from sitroom.pipeline.factions import faction_picture_of
    from sitroom.present.factions import picture_json

    the_case = load_case(request, case)
    picture = faction_picture_of(request.app.state.room.store, case, as_of_day(as_of),
                                 with_proposed=True)
    data = picture_json(picture)
    names = {a["key"]: a["name"] for a in data["actors"]}
    names.update({a.key: a.name for a in the_case.actors if a.key not in names})
    foreign = [i["actor"] for i in data["foreign"]]
    return {"case_name": case, "case": ov.case_head(the_case), "picture": data,
            "names": names, "days": date_control(the_case, picture.as_of),
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
