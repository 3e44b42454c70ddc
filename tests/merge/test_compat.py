"""Hard gates and the structured score: what may never be one event."""

from datetime import date

from tests.support.claims import claim

from sitroom.merge.compat import (
    cheap_score,
    compatible,
    date_window,
    dates_compatible,
    place_relation,
    unmergeable_reason,
)


def test_day_precise_claims_need_the_same_day():
    assert dates_compatible(claim("a", "r1", "2020-10-05"), claim("b", "r2", "2020-10-05"))
    assert not dates_compatible(claim("a", "r1", "2020-10-05"), claim("b", "r2", "2020-10-06"))


def test_week_and_month_precision_widen_the_window():
    week = claim("a", "r1", "2020-10-08", time_precision=2)
    assert dates_compatible(week, claim("b", "r2", "2020-10-05"))
    assert not dates_compatible(week, claim("b", "r2", "2020-10-01"))
    month = claim("m", "r3", "2020-10-01", time_precision=3)
    assert date_window(date(2020, 10, 17), 3) == (date(2020, 10, 1), date(2020, 10, 31))
    assert dates_compatible(month, claim("b", "r2", "2020-10-30"))
    assert not dates_compatible(month, claim("b", "r2", "2020-11-01"))


def test_different_towns_and_admin1_are_apart():
    osh = claim("b", "r2", location="Osh", admin1="Osh", latitude=40.53, longitude=72.8)
    assert place_relation(claim("a", "r1"), osh) == "different"
    assert not compatible(claim("a", "r1"), osh)


def test_transliterated_town_matches_by_coordinates():
    other = claim("b", "r2", location="Bishkek city centre", latitude=42.88, longitude=74.60)
    assert place_relation(claim("a", "r1"), other) == "same-town"


def test_country_level_claim_is_coarse_not_different():
    coarse = claim("b", "r2", admin1=None, location=None, latitude=None, longitude=None,
                   geo_precision=3)
    assert place_relation(claim("a", "r1"), coarse) == "coarse"
    assert compatible(claim("a", "r1"), coarse)


def test_event_families():
    protest = claim("a", "r1")
    riot = claim("b", "r2", event_type="Riots", sub_event_type="Violent demonstration",
                 actor1="Rioters (Kyrgyzstan)")
    battle = claim("c", "r3", event_type="Battles", sub_event_type="Armed clash")
    arrests = claim("d", "r4", event_type="Strategic developments", sub_event_type="Arrests")
    assert compatible(protest, riot) and compatible(protest, arrests)
    assert not compatible(protest, battle)


def test_political_turns_with_different_people_are_apart():
    a = claim("a", "r1", event_type="Strategic developments", sub_event_type="Other",
              political_event="appointment", actor1="Sadyr Japarov")
    b = claim("b", "r2", event_type="Strategic developments", sub_event_type="Other",
              political_event="appointment", actor1="Kubatbek Boronov")
    c = claim("c", "r3", event_type="Strategic developments", sub_event_type="Other",
              political_event="resignation", actor1="Sadyr Japarov")
    assert not compatible(a, b)
    assert not compatible(a, c)
    assert compatible(a, claim("d", "r4", event_type="Strategic developments",
                               sub_event_type="Other", political_event="appointment",
                               actor1="Sadyr Japarov"))


def test_protesters_and_rioters_are_one_crowd():
    riot = claim("b", "r2", event_type="Riots", sub_event_type="Violent demonstration",
                 actor1="Rioters (Kyrgyzstan)")
    other_crowd = claim("c", "r3", actor1="Supporters of Party X")
    assert cheap_score(claim("a", "r1"), riot) > cheap_score(claim("a", "r1"), other_crowd)


def test_unmergeable_reasons():
    assert unmergeable_reason(claim("a", "r1", None)) == "no date"
    assert unmergeable_reason(claim("a", "r1", iso3=None, country=None)) == "no place"
    assert unmergeable_reason(claim("a", "r1")) is None
