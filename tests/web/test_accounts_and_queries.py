"""Accounts and the web's read models on both backends (SQLite and PostgreSQL), and the pure
parts: password hashes, CSRF tokens, the rate limiter, points in regions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from sitroom.errors import InputError, NotFound
from sitroom.model import (
    Case,
    Claim,
    Corroboration,
    CrowdSize,
    Event,
    FigureRange,
    OutletFigures,
    Report,
    content_hash,
)
from sitroom.store.accounts import AuditEntry
from sitroom.store.queries import EventFilter
from sitroom.web import auth, geo

NOW = datetime(2020, 10, 20, 12, 0, tzinfo=UTC)


def test_accounts_sessions_tokens_and_looks(store):
    h = auth.hash_password("correct horse battery")
    user = store.add_user("ana", "analyst", h, NOW)
    assert user.can("viewer") and user.can("analyst") and not user.can("admin")
    with pytest.raises(InputError):
        store.add_user("ana", "viewer", h, NOW)
    with pytest.raises(InputError):
        store.add_user("bob", "overlord", h, NOW)
    assert auth.check_login("correct horse battery", store.password_hash("ana"))
    assert not auth.check_login("wrong horse battery", store.password_hash("ana"))
    assert store.password_hash("nobody") is None
    store.add_session("s" * 43, "ana", NOW, NOW + timedelta(hours=1))
    assert store.session_user("s" * 43, NOW).name == "ana"
    assert store.session_user("s" * 43, NOW + timedelta(hours=2)) is None  # expired
    assert store.session_user("t" * 43, NOW) is None
    store.add_api_token("k" * 43, "ana", "script", NOW)
    assert store.token_user("k" * 43, NOW).role == "analyst"
    store.set_user_disabled("ana", True)
    assert store.session_user("s" * 43, NOW) is None and store.token_user("k" * 43, NOW) is None
    store.set_user_disabled("ana", False)
    with pytest.raises(NotFound):
        store.set_user_disabled("nobody", True)
    assert store.last_looked("ana", "c") is None
    store.set_last_looked("ana", "c", NOW)
    store.set_last_looked("ana", "c", NOW + timedelta(days=1))
    assert store.last_looked("ana", "c") == NOW + timedelta(days=1)
    store.audit(AuditEntry(NOW, "ana", "event.confirm", "ev-1", "act-1"))
    assert store.list_audit()[0].target == "ev-1"
    reset = store.add_user("ana", "admin", auth.hash_password("another long one"), NOW,
                           replace=True)
    assert reset.role == "admin"
    assert not auth.check_login("correct horse battery", store.password_hash("ana"))


def _claim(cid: str, doc: str, **kw) -> Claim:
    values = dict(doc_id=doc, event_date=date(2020, 10, 5), time_precision=1,
                  event_type="Protests", sub_event_type="Peaceful protest",
                  actor1="Protesters (Kyrgyzstan)", country="Kyrgyzstan", iso3="KGZ",
                  admin1="Osh", location="Osh", latitude=40.53, longitude=72.8, geo_precision=1,
                  evidence="Sample sentence.", id=cid)
    values.update(kw)
    return Claim(**values)


def _event(eid: str, claims: list[Claim], blocs: tuple[str, ...], **kw) -> Event:
    c = claims[0]
    values = dict(
        id=eid, claim_ids=tuple(x.id for x in claims), event_date=c.event_date,
        time_precision=1, event_type=c.event_type, sub_event_type=c.sub_event_type,
        actor1=c.actor1, country=c.country, iso3=c.iso3, admin1=c.admin1, location=c.location,
        latitude=c.latitude, longitude=c.longitude, geo_precision=1,
        fatalities=FigureRange(1, 1, 3, disputed=len(claims) > 1),
        crowd_size=FigureRange(2000, 2000, 5000),
        figures=tuple(OutletFigures(x.id, x.doc_id, f"o{i}", blocs[i % len(blocs)], 1, None,
                                    None, CrowdSize(2000, 5000, "")) for i, x in
                      enumerate(claims)),
        corroboration=Corroboration(len(claims), (), blocs, (), single_source=len(claims) == 1))
    values.update(kw)
    return Event(**values)


@pytest.fixture
def filled(store):
    """Two reports of a case, three events (one in the case by country, one by its reports,
    one in neither)."""
    store.save_case(Case(name="c", title="Sample case", countries=("KGZ",)))
    for rid, text in (("r1", "Sample report: a rally in Osh."), ("r2", "Sample: Moscow says.")):
        store.add_report(Report(id=rid, kind="article", text=text, title=text,
                                content_hash=content_hash(text), case="c", published=NOW,
                                fetched=NOW))
    a, b = _claim("a", "r1"), _claim("b", "r2")
    moscow = _claim("m", "r2", iso3="RUS", country="Russia", location="Moscow", admin1="Moscow",
                    latitude=55.75, longitude=37.6, event_type="Strategic developments",
                    sub_event_type="Other", event_date=date(2020, 10, 7))
    far = _claim("f", "elsewhere", iso3="NGA", country="Nigeria", location="Lagos", admin1="Lagos",
                 event_date=date(2020, 10, 8))
    store.add_claims([a, b, moscow, far])
    store.save_events([_event("e1", [a, b], ("domestic", "russian")),
                       _event("e2", [moscow], ("russian",), fatalities=None, crowd_size=None),
                       _event("e3", [far], ("western",))])
    return store


def test_case_events_and_filters(filled):
    f = EventFilter(case="c", countries=("KGZ",))
    total, found = filled.find_events(f)
    assert total == 2 and [e.id for e in found] == ["e2", "e1"]  # newest first
    assert filled.find_events(EventFilter(contested=True))[0] == 1
    assert filled.find_events(EventFilter(single_source=True))[0] == 2
    assert filled.find_events(EventFilter(bloc="russian"))[0] == 2
    assert filled.find_events(EventFilter(place="os"))[0] == 1
    assert filled.find_events(EventFilter(actor="PROTESTERS"))[0] == 3
    assert filled.find_events(EventFilter(actor="100%_"))[0] == 0
    assert filled.find_events(EventFilter(since=date(2020, 10, 7),
                                          until=date(2020, 10, 7)))[0] == 1
    assert filled.find_events(EventFilter(text="rally"))[0] == 1  # through the report's text
    assert filled.find_events(EventFilter(text="Lagos"))[0] == 1  # through the place
    assert filled.find_events(f, limit=1, offset=1)[1][0].id == "e1"


def test_aggregates(filled):
    f = EventFilter(case="c", countries=("KGZ",))
    totals = filled.event_totals(f)
    assert totals["events"] == 2 and totals["fatalities"] == [1, 3]
    assert totals["peak_crowd"]["value"] == 2000 and totals["peak_crowd"]["event_id"] == "e1"
    days = filled.event_day_counts(f)
    assert (date(2020, 10, 5), "Protests", 1) in days
    places = {p["location"]: p for p in filled.event_places(f)}
    assert places["Osh"]["events"] == 1 and places["Moscow"]["geo_precision"] == 1
    assert filled.report_volume("c") == [] or all(n >= 1 for _, _, n in filled.report_volume("c"))
    changes = filled.changes_since("c", NOW - timedelta(days=1))
    assert changes["reports"] == {"article": 2} and changes["alerts"] == 0


def test_password_hashes():
    h = auth.hash_password("a long enough password")
    assert h.startswith("scrypt$16384$8$1$") and "a long enough" not in h
    assert auth.hash_password("a long enough password") != h  # salted
    assert auth.verify_password("a long enough password", h)
    assert not auth.verify_password("a long enough passworD", h)
    for junk in ("", "scrypt$x", "md5$1$2$3$4$5", "scrypt$1$1$1$!!$!!", None):
        assert not auth.verify_password("whatever", junk)
    with pytest.raises(ValueError):
        auth.hash_password("short")
    assert not auth.check_login("anything at all", None)


def test_csrf_tokens_are_bound_to_their_holder():
    key = b"k" * 32
    token = auth.csrf_token(key, "session-a")
    assert auth.csrf_ok(key, "session-a", token)
    assert not auth.csrf_ok(key, "session-b", token)
    assert not auth.csrf_ok(b"j" * 32, "session-a", token)
    assert not auth.csrf_ok(key, "session-a", None) and not auth.csrf_ok(key, None, token)


def test_rate_limiter_slides():
    now = [0.0]
    limiter = auth.RateLimiter(2, 60, clock=lambda: now[0])
    assert limiter.allow("a") and limiter.allow("a") and not limiter.allow("a")
    assert limiter.allow("b")
    assert limiter.blocked("a") and 0 < limiter.retry_after("a") <= 61
    now[0] = 61
    assert not limiter.blocked("a") and limiter.allow("a")


def test_points_fall_in_their_admin1_region():
    kgz = geo.regions("KGZ")
    assert len(kgz) >= 8
    assert geo.region_of(74.59, 42.87, kgz) == "Bishkek"
    assert geo.region_of(72.80, 40.53, kgz) == "Osh"
    assert geo.region_of(78.4, 42.5, kgz) == "Ysyk-Köl"
    assert geo.region_of(37.6, 55.75, kgz) is None
    assert geo.regions("../etc") == () and geo.shapes("X1Y")["features"] == []



def test_cache_keeps_versioned_entries_and_computes_once():
    import threading

    from sitroom.web.cache import VersionedCache

    now = [0.0]
    cache = VersionedCache(maxsize=4, ttl=10, clock=lambda: now[0])
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert cache.get("a", 1, compute) == 1
    now[0] = 1000  # long past the ttl: a versioned entry stays while its version holds
    assert cache.get("a", 1, compute) == 1
    assert cache.get("a", 2, compute) == 2  # the version moved
    assert cache.get("b", None, compute) == 3
    assert cache.get("b", None, compute) == 3
    now[0] = 1011
    assert cache.get("b", None, compute) == 4  # unversioned entries expire
    started = threading.Barrier(8)
    slow_calls = []

    def slow():
        slow_calls.append(1)
        threading.Event().wait(0.2)
        return "done"

    def ask():
        started.wait()
        assert cache.get("c", 1, slow) == "done"

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(slow_calls) == 1
