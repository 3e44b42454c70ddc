"""Read models for the web room and the API: filtered pages of events and the aggregates an
overview shows (per day, per place, totals, what changed), computed in SQL so they stay fast on
a million events. Nothing here writes.

A case's events are those placed in one of its countries, or holding a claim from one of its
reports (the store's ``list_events(case=)`` rule), so a foreign capital's statement on the crisis
is in the case too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, case, exists, false, func, literal, or_, select, true

from sitroom.model import Event
from sitroom.store.base import SqlBase
from sitroom.store.schema import (
    alerts,
    claims,
    event_claims,
    event_figures,
    events,
    merge_actions,
    reports,
)


@dataclass(frozen=True)
class EventFilter:
    """What the events page and API filter on; every field optional, combined with AND."""

    case: str | None = None
    countries: tuple[str, ...] = ()  # the case's countries (with ``case``)
    since: date | None = None
    until: date | None = None  # inclusive
    event_type: str | None = None
    kind: str | None = None  # sub_event_type, political_event or plover_type
    place: str | None = None  # admin1 or location, case-insensitive prefix
    actor: str | None = None  # in actor1/2 or the associated actors, case-insensitive
    bloc: str | None = None  # some outlet of this bloc reported it
    contested: bool = False  # outlets disagree on a figure
    single_source: bool = False  # one independent outlet only
    status: str | None = None
    text: str | None = None  # full-text: reports behind the event, place, actors, notes


_FIGURES = ("fatalities", "injuries", "arrests", "crowd_size")


def _list_row(r) -> dict:
    """A list page's event: its fields, figures as {value, low, high, disputed}, sources."""
    out = {k: r[k] for k in ("id", "event_date", "event_type", "sub_event_type",
                             "political_event", "plover_type", "location", "admin1", "iso3",
                             "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "status")}
    for name in _FIGURES:
        flag = r[f"{name}_disputed"]
        out[name] = None if flag is None else {"value": r[name], "low": r[f"{name}_low"],
                                               "high": r[f"{name}_high"],
                                               "disputed": bool(flag)}
    cor = r["corroboration"] or {}
    out["outlets"] = r["independent_outlets"] or 0
    out["blocs"] = list(cor.get("blocs", ()))
    out["single_source"] = bool(cor.get("single_source"))
    out["claims"] = len(cor.get("outlets", ()))
    return out


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _in_case(name: str, countries: Sequence[str]):
    from_reports = exists(
        select(literal(1)).select_from(
            event_claims.join(claims, claims.c.id == event_claims.c.claim_id)
            .join(reports, reports.c.id == claims.c.doc_id))
        .where(event_claims.c.event_id == events.c.id, reports.c.case_name == name))
    in_country = events.c.iso3.in_(list(countries)) if countries else false()
    return or_(in_country, from_reports)


class QueryStore(SqlBase):
    """Aggregates and filtered pages over events, reports and the history."""

    def _where(self, f: EventFilter, report_ids: Sequence[str] = ()) -> list:
        c = events.c
        cond: list = []
        if f.case:
            cond.append(_in_case(f.case, f.countries))
        if f.since:
            cond.append(c.event_date >= f.since)
        if f.until:
            cond.append(c.event_date <= f.until)
        if f.event_type:
            cond.append(c.event_type == f.event_type)
        if f.kind:
            cond.append(or_(c.sub_event_type == f.kind, c.political_event == f.kind,
                            c.plover_type == f.kind))
        if f.place:
            p = f.place.strip().lower() + "%"
            cond.append(or_(func.lower(c.admin1).like(p), func.lower(c.location).like(p)))
        if f.actor:
            pat = _like(f.actor.strip())
            cond.append(or_(*(col.ilike(pat, escape="\\") for col in
                              (c.actor1, c.actor2, c.assoc_actor_1, c.assoc_actor_2))))
        if f.bloc:
            cond.append(exists(select(literal(1)).where(
                event_figures.c.event_id == c.id, event_figures.c.bloc == f.bloc)))
        if f.contested:
            cond.append(or_(*(getattr(c, f"{n}_disputed").is_(true()) for n in
                              ("fatalities", "injuries", "arrests", "crowd_size"))))
        if f.single_source:
            cond.append(c.independent_outlets <= 1)
        if f.status:
            cond.append(c.status == f.status)
        if f.text:
            pat = _like(f.text.strip())
            fields = [col.ilike(pat, escape="\\") for col in
                      (c.location, c.admin1, c.actor1, c.actor2, c.notes, c.sub_event_type,
                       c.political_event)]
            if report_ids:
                fields.append(c.id.in_(
                    select(event_claims.c.event_id)
                    .join(claims, claims.c.id == event_claims.c.claim_id)
                    .where(claims.c.doc_id.in_(list(report_ids)))))
            cond.append(or_(*fields))
        return cond

    def _newest_first(self) -> tuple:
        """Newest first, ties by id descending: both columns read backwards off one index
        (date, id), so a page of a million events needs no sort. SQLite already puts NULL
        dates last when descending; PostgreSQL is told to."""
        day, key = events.c.event_date.desc(), events.c.id.desc()
        return (day if self.dialect == "sqlite" else day.nulls_last(), key)

    def _text_reports(self, f: EventFilter) -> list[str]:
        if not f.text or not f.text.strip():
            return []
        return [h.report_id for h in self.search_reports(f.text, limit=200)]  # type: ignore[attr-defined]

    def find_events(self, f: EventFilter, limit: int = 50, offset: int = 0,
                    newest_first: bool = True, count_up_to: int | None = None,
                    ) -> tuple[int, list[Event]]:
        """(how many match, one page of them) — newest first unless asked otherwise.
        With ``count_up_to``, counting stops there (a page of a million events need not
        count them all; the caller shows "N+")."""
        cond = self._where(f, self._text_reports(f))
        order = (self._newest_first() if newest_first
                 else (events.c.event_date.nulls_last(), events.c.id))
        stmt = select(events).where(and_(true(), *cond)).order_by(*order).limit(limit) \
            .offset(offset)
        if count_up_to is None:
            count = select(func.count()).select_from(events).where(and_(true(), *cond))
        else:
            capped = select(events.c.id).where(and_(true(), *cond)).limit(count_up_to)
            count = select(func.count()).select_from(capped.subquery())
        with self._read() as conn:
            total = int(conn.execute(count).scalar_one())
            page = self._load_events(conn, stmt)  # type: ignore[attr-defined]
        return total, page

    def find_event_rows(self, f: EventFilter, limit: int = 50, offset: int = 0,
                        count_up_to: int | None = 10_000) -> tuple[int, list[dict]]:
        """Like ``find_events`` for a list page: one query of the columns a list shows (no
        claims or per-outlet figures), newest first."""
        c = events.c
        cond = and_(true(), *self._where(f, self._text_reports(f)))
        cols = [c.id, c.event_date, c.event_type, c.sub_event_type, c.political_event,
                c.plover_type, c.location, c.admin1, c.iso3, c.actor1, c.actor2,
                c.assoc_actor_1, c.assoc_actor_2, c.status, c.independent_outlets,
                c.corroboration]
        for name in _FIGURES:
            cols += [getattr(c, name), getattr(c, f"{name}_low"), getattr(c, f"{name}_high"),
                     getattr(c, f"{name}_disputed")]
        stmt = (select(*cols).where(cond)
                .order_by(*self._newest_first()).limit(limit).offset(offset))
        if count_up_to is None:
            count = select(func.count()).select_from(events).where(cond)
        else:
            count = select(func.count()).select_from(
                select(c.id).where(cond).limit(count_up_to).subquery())
        with self._read() as conn:
            total = int(conn.execute(count).scalar_one())
            found = [_list_row(r) for r in conn.execute(stmt).mappings()]
        return total, found

    def event_day_counts(self, f: EventFilter) -> list[tuple[date, str, int]]:
        """Events per (day, event type); a row without an ACLED type counts under its
        extension or PLOVER type, else "Other"."""
        c = events.c
        kind = func.coalesce(c.event_type, case((c.political_event.is_not(None), "Political"),
                                                else_="Other"))
        stmt = (select(c.event_date, kind, func.count()).where(
            and_(c.event_date.is_not(None), *self._where(f, self._text_reports(f))))
            .group_by(c.event_date, kind).order_by(c.event_date))
        with self._read() as conn:
            return [(d, k, int(n)) for d, k, n in conn.execute(stmt)]

    def event_places(self, f: EventFilter, limit: int = 2000) -> list[dict]:
        """Events grouped by coordinates and precision (3: placed only at region or country level):
        count, fatalities, a place name, one event id."""
        c = events.c
        precision = func.coalesce(c.geo_precision, 3)
        stmt = (select(c.latitude, c.longitude, precision, func.max(c.location),
                       func.max(c.admin1), func.count(),
                       func.coalesce(func.sum(c.fatalities), 0), func.max(c.id))
                .where(and_(c.latitude.is_not(None), c.longitude.is_not(None),
                            *self._where(f, self._text_reports(f))))
                .group_by(c.latitude, c.longitude, precision)
                .order_by(func.count().desc()).limit(limit))
        with self._read() as conn:
            return [{"lat": lat, "lon": lon, "geo_precision": int(gp), "location": loc,
                     "admin1": a1, "events": int(n), "fatalities": int(fat), "sample_event": ev}
                    for lat, lon, gp, loc, a1, n, fat, ev in conn.execute(stmt)]

    def event_totals(self, f: EventFilter) -> dict:
        """Headline figures: events, killed and injured (conservative sum .. highest reported),
        and the largest crowd in the case's own countries with its event."""
        c = events.c
        cond = and_(true(), *self._where(f, self._text_reports(f)))
        stmt = select(func.count(),
                      func.coalesce(func.sum(c.fatalities), 0),
                      func.coalesce(func.sum(func.coalesce(c.fatalities_high, c.fatalities)), 0),
                      func.coalesce(func.sum(c.injuries), 0),
                      func.coalesce(func.sum(func.coalesce(c.injuries_high, c.injuries)), 0),
                      func.min(c.event_date), func.max(c.event_date),
                      func.sum(case((c.independent_outlets <= 1, 1), else_=0))).where(cond)
        home = c.iso3.in_(list(f.countries)) if f.countries else true()  # a rally abroad
        peak = (select(c.id, c.crowd_size, c.crowd_size_low, c.crowd_size_high, c.event_date,
                       c.location)  # is no mobilisation at home
                .where(cond, home, c.crowd_size_high.is_not(None))
                .order_by(c.crowd_size_high.desc(), c.id).limit(1))
        with self._read() as conn:
            n, fat, fat_hi, inj, inj_hi, first, last, single = conn.execute(stmt).one()
            top = conn.execute(peak).mappings().first()
        return {"events": int(n), "fatalities": [int(fat), int(fat_hi)],
                "injuries": [int(inj), int(inj_hi)], "first_day": first, "last_day": last,
                "single_source": int(single or 0),
                "peak_crowd": None if top is None else {
                    "event_id": top["id"], "value": top["crowd_size"],
                    "low": top["crowd_size_low"], "high": top["crowd_size_high"],
                    "date": top["event_date"], "location": top["location"]}}

    def report_volume(self, case_name: str | None) -> list[tuple[str, str, int]]:
        """Reports per (outlet, day published), of a case or of all."""
        day = func.date(reports.c.published)
        stmt = (select(reports.c.outlet, day, func.count())
                .where(reports.c.outlet.is_not(None), reports.c.published.is_not(None))
                .group_by(reports.c.outlet, day).order_by(reports.c.outlet, day))
        if case_name:
            stmt = stmt.where(reports.c.case_name == case_name)
        with self._read() as conn:
            return [(o, str(d)[:10], int(n)) for o, d, n in conn.execute(stmt)]

    def changes_since(self, case_name: str, since: datetime) -> dict:
        """What came in or was decided after ``since``: reports by kind, history by action,
        alerts fired."""
        with self._read() as conn:
            got = conn.execute(
                select(reports.c.kind, func.count()).where(
                    reports.c.case_name == case_name, reports.c.fetched > since)
                .group_by(reports.c.kind)).all()
            acts = conn.execute(
                select(merge_actions.c.action, func.count()).where(merge_actions.c.at > since)
                .group_by(merge_actions.c.action)).all()
            fired = conn.execute(select(func.count()).select_from(alerts)
                                 .where(alerts.c.fired_at > since)).scalar_one()
        return {"since": since, "reports": {k: int(n) for k, n in got},
                "actions": {k: int(n) for k, n in acts}, "alerts": int(fired)}

    def data_version(self) -> tuple[int, int, int]:
        """Changes whenever events, reports or alerts do (the last history entry, the last
        report, the number of alerts): the key under which aggregates may be cached. Every
        change to events goes through the merge history, so its last entry marks it."""
        with self._read() as conn:
            act = conn.execute(select(func.max(merge_actions.c.seq))).scalar()
            rep = conn.execute(select(func.max(reports.c.seq))).scalar()
            fired = conn.execute(select(func.count()).select_from(alerts)).scalar()
        return (int(act or 0), int(rep or 0), int(fired or 0))

    def recent_actions(self, limit: int = 10) -> list:
        """The latest merge-history entries by people (not the automatic merge), newest first."""
        from sitroom.store import rows

        stmt = (select(merge_actions).where(merge_actions.c.actor != "auto")
                .order_by(merge_actions.c.seq.desc()).limit(limit))
        with self._read() as conn:
            return [rows.merge_action_from(r) for r in conn.execute(stmt).mappings()]
