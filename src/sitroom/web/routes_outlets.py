"""Outlets: who reported what. A matrix of events by bloc and outlet (an empty cell is a
silence), and each outlet's volume of reports over time."""

from collections import defaultdict
from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.requests import Request

from sitroom.model import BLOCS
from sitroom.web import overview as ov
from sitroom.web.charts import sparkline
from sitroom.web.pages import Reader, twin
from sitroom.web.routes_room import load_case

router = APIRouter()


@twin(router, "/cases/{case}/outlets", "outlets.html",
      "Events by bloc and outlet (silences), and each outlet's volume over time")
def outlets_page(request: Request, case: str, user: Reader,
                 limit: Annotated[int, Query(ge=1, le=500)] = 60,
                 min_outlets: Annotated[int, Query(ge=1, le=50)] = 1) -> dict:
    store = request.app.state.room.store
    the_case = load_case(request, case)
    watched = store.list_outlets(case)
    known = {o.key: o for o in store.list_outlets()}
    _, found = store.find_events(ov.case_filter(the_case), limit=5000)
    found = [e for e in found if (e.corroboration.independent_outlets if e.corroboration
                                  else 0) >= min_outlets][:limit]
    reporting = {f.outlet for e in found for f in e.figures if f.outlet}
    # columns: the case's outlets that reported anything, plus any other outlet seen, by bloc
    keys = [o.key for o in watched if o.key in reporting]
    keys += sorted(k for k in reporting if k not in keys)
    bloc_of = {k: (known[k].bloc if k in known else "other") for k in keys}
    columns = sorted(keys, key=lambda k: (BLOCS.index(bloc_of[k]) if bloc_of[k] in BLOCS
                                          else len(BLOCS), k))
    blocs = []
    for k in columns:
        if blocs and blocs[-1]["bloc"] == bloc_of[k]:
            blocs[-1]["span"] += 1
        else:
            blocs.append({"bloc": bloc_of[k], "span": 1})
    rows = []
    for e in found:
        cells: dict[str, dict] = {}
        for f in e.figures:
            if f.outlet:
                cell = cells.setdefault(f.outlet, {"reports": 0, "figures": False})
                cell["reports"] += 1
                cell["figures"] |= any(v is not None and v != 0 for v in
                                       (f.fatalities, f.injuries, f.arrests)) or \
                    f.crowd_size is not None
        cor = e.corroboration
        rows.append({"id": e.id, "event_date": e.event_date,
                     "kind": e.sub_event_type or e.political_event or e.plover_type
                     or e.event_type, "location": e.location,
                     "cells": {k: cells.get(k) for k in columns},
                     "silent_blocs": list(cor.silent_blocs) if cor else []})
    volume = defaultdict(dict)
    for outlet, day, n in store.report_volume(case):
        volume[outlet][day] = n
    days = sorted({d for v in volume.values() for d in v})
    span = []
    if days:
        first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
        span = [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    outlets = []
    for o in watched + [known[k] for k in volume if k not in {w.key for w in watched}
                        and k in known]:
        series = [volume.get(o.key, {}).get(d, 0) for d in span]
        outlets.append({"key": o.key, "name": o.name, "bloc": o.bloc, "ownership": o.ownership,
                        "country": o.country, "reliability": o.reliability, "sample": o.sample,
                        "reports": sum(series), "series": series,
                        "events": sum(1 for r in rows if r["cells"].get(o.key))})
    outlets.sort(key=lambda o: (-o["reports"], o["name"]))
    silent = [{"key": o["key"], "name": o["name"], "bloc": o["bloc"]}
              for o in outlets if not o["reports"]]
    outlets = [o for o in outlets if o["reports"]]
    return {"case_name": case, "case": ov.case_head(the_case),
            "columns": [{"key": k, "name": known[k].name if k in known else k,
                         "bloc": bloc_of[k]} for k in columns],
            "blocs": blocs, "rows": rows, "days": span,
            "outlets": [{**o, "spark": sparkline(o["series"])} for o in outlets],
            "silent_outlets": silent,
            "limit": limit, "min_outlets": min_outlets}
