"""Factions by camp and alignment on a chosen day, and an actor's page (the watch stage's
factions)."""

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
