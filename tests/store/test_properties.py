"""Property tests: whatever a stage hands the store comes back equal, on both backends."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.model import (
    Claim,
    Corroboration,
    CrowdSize,
    Event,
    FigureRange,
    OutletFigures,
    Report,
)

_ids = itertools.count()
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=40)
OPT_TEXT = st.none() | TEXT
INT = st.integers(min_value=-(2**31), max_value=2**31 - 1)
OPT_INT = st.none() | INT
FLOAT = st.none() | st.floats(allow_nan=False, allow_infinity=False, width=64)
DATE = st.none() | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
WHEN = st.none() | st.datetimes(
    min_value=datetime(1900, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
)
CROWD = st.none() | st.builds(CrowdSize, OPT_INT, OPT_INT, TEXT)
RANGE = st.none() | st.builds(FigureRange, OPT_INT, OPT_INT, OPT_INT, st.booleans())
SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _claims() -> st.SearchStrategy[Claim]:
    return st.builds(
        Claim, doc_id=TEXT, event_date=DATE, time_precision=OPT_INT, event_type=OPT_TEXT,
        sub_event_type=OPT_TEXT, political_event=OPT_TEXT, plover_type=OPT_TEXT,
        actor1=OPT_TEXT, assoc_actor_1=OPT_TEXT, inter1=OPT_INT, actor2=OPT_TEXT,
        assoc_actor_2=OPT_TEXT, inter2=OPT_INT, country=OPT_TEXT, iso3=OPT_TEXT,
        admin1=OPT_TEXT, location=OPT_TEXT, latitude=FLOAT, longitude=FLOAT,
        geo_precision=OPT_INT, fatalities=INT, injuries=OPT_INT, arrests=OPT_INT,
        crowd_size=CROWD, target_owner_iso3=OPT_TEXT, evidence=TEXT,
        confidence=st.floats(0, 1), id=st.just(""), coder_version=TEXT, index=INT,
    )


@given(data=st.data())
@SETTINGS
def test_any_claim_round_trips(store, data):
    c = data.draw(_claims())
    c = Claim(**{**c.__dict__, "id": f"c{next(_ids)}"})
    assert store.add_claims([c]) == 1
    assert store.get_claims([c.id]) == [c]


@given(data=st.data())
@SETTINGS
def test_any_event_round_trips(store, data):
    figures = data.draw(st.lists(st.builds(
        OutletFigures, TEXT, TEXT, OPT_TEXT, OPT_TEXT, OPT_INT, OPT_INT, OPT_INT, CROWD,
    ), max_size=3))
    corroboration = data.draw(st.none() | st.builds(
        Corroboration, INT, st.tuples(TEXT), st.tuples(TEXT, TEXT), st.tuples(),
        st.booleans(), st.booleans(),
    ))
    e = Event(
        id=f"e{next(_ids)}", claim_ids=tuple(dict.fromkeys(data.draw(st.lists(TEXT, max_size=4)))),
        event_date=data.draw(DATE), time_precision=data.draw(OPT_INT),
        event_type=data.draw(OPT_TEXT), sub_event_type=data.draw(OPT_TEXT),
        latitude=data.draw(FLOAT), fatalities=data.draw(RANGE), injuries=data.draw(RANGE),
        arrests=data.draw(RANGE), crowd_size=data.draw(RANGE), figures=tuple(figures),
        corroboration=corroboration, notes=data.draw(TEXT), status=data.draw(TEXT),
    )
    store.save_events([e])
    assert store.get_event(e.id) == e


@given(data=st.data())
@SETTINGS
def test_any_report_round_trips(store, data):
    n = next(_ids)
    r = Report(
        id=f"r{n}", kind=data.draw(st.sampled_from(["article", "tip", "import", "document"])),
        text=data.draw(TEXT) + f" #{n}", title=data.draw(TEXT), url=data.draw(TEXT),
        canonical_url=data.draw(st.just("") | TEXT.map(lambda u, n=n: f"{u}/{n}")),
        outlet=data.draw(OPT_TEXT), lang=data.draw(OPT_TEXT), published=data.draw(WHEN),
        fetched=data.draw(WHEN), author=data.draw(TEXT), raw=data.draw(st.none()),
        country_hint=data.draw(OPT_TEXT), place_hint=data.draw(TEXT),
        submitter=data.draw(TEXT), review_status=data.draw(st.sampled_from(
            ["", "unreviewed", "accepted", "rejected"])),
        case=data.draw(OPT_TEXT),
    )
    result = store.add_report(r)
    assert result.is_new
    got = store.get_report(r.id)
    assert got == Report(**{**r.__dict__, "content_hash": got.content_hash})
