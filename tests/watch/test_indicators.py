"""Indicators over hand-made events: every value and the event ids it counts."""

from __future__ import annotations

from datetime import date

from sitroom.cases.rules import CASE_INDICATORS
from sitroom.watch.context import CaseContext
from sitroom.watch.indicators import VALUES, compute_indicators, indicator_value
from sitroom.watch.seizures import says_seizure

from .analysis_samples import CASE, TEXTS, sample_events

CTX = CaseContext(CASE)


def _whole():
    return compute_indicators(sample_events(), CTX, texts=TEXTS).total


def _by_key(counts):
    return {c.key: (c.count, c.event_ids) for c in counts}


def test_events_by_type_leave_out_rejected_events():
    s = _whole()
    assert s.events == 11 and "e10" not in s.event_ids
    types = _by_key(s.by_type)
    assert types["Riots"] == (2, ("e2", "e7"))
    assert types["Protests"] == (3, ("e1", "e12", "e8"))  # by date, then id
    assert types["foreign_government_statement"] == (3, ("e4", "e5", "e6"))


def test_killed_and_injured_are_summed_ranges_with_their_events():
    s = _whole()
    assert (s.killed.low, s.killed.high, s.killed.event_ids) == (1, 3, ("e2",))
    assert (s.injured.low, s.injured.high, s.injured.event_ids) == (102, 602, ("e2", "e7"))


def test_mobilisation_ratio_is_the_largest_crowd_over_the_case_population():
    pc = _whole().peak_crowd  # the 9,000 rally in Moscow (e12) is abroad: not counted
    assert (pc.low, pc.high, pc.event_id) == (3000, 3000, "e8")
    assert pc.ratio_low == 3000 / 1_000_000 and pc.population == 1_000_000
    assert indicator_value(_whole(), "mobilisation_ratio") == (0.003, ("e8",))


def test_no_population_gives_no_ratio_but_keeps_the_crowd():
    from dataclasses import replace

    pc = compute_indicators(sample_events(), CaseContext(replace(CASE, population=None))
                            ).total.peak_crowd
    assert pc.low == 3000 and pc.ratio_low is None


def test_spread_counts_unrest_in_the_case_countries_only():
    spread = _by_key(_whole().spread_admin1)
    # not Moscow (abroad), not e3 (a Strategic development)
    assert spread == {"Bishkek": (2, ("e1", "e2")), "Osh": (1, ("e7",)), "Chuy": (1, ("e8",))}


def test_elite_moves_seizures_and_foreign_property():
    s = _whole()
    assert _by_key(s.elite_moves) == {"appointment": (1, ("e9",)),
                                      "change_of_group": (1, ("e11",))}
    assert s.seizures == ("e2",)  # e1 names parliament but nobody stormed it
    assert _by_key(s.foreign_property) == {"CHN": (1, ("e7",))}


def test_foreign_statements_by_the_speaking_states_bloc():
    blocs = _by_key(_whole().foreign_statements)
    # Kremlin is an alias of Russia (RUS outlets are russian); "Government of United States"
    # names the USA (western); the EU is an organisation without a country: other.
    assert blocs == {"russian": (1, ("e4",)), "western": (1, ("e5",)), "other": (1, ("e6",))}


def test_coverage_by_bloc_and_silent_blocs():
    s = _whole()
    cov = {c.bloc: (c.events, c.share) for c in s.coverage}
    assert cov["domestic"][0] == 8 and cov["western"] == (3, round(3 / 11, 4))
    assert cov["chinese"] == (1, round(1 / 11, 4))
    assert s.silent_blocs == ()
    day = compute_indicators(sample_events(), CTX, since=date(2020, 10, 9)).total
    assert day.silent_blocs == ("chinese", "russian", "western")


def test_days_and_period_bounds():
    result = compute_indicators(sample_events(), CTX, since=date(2020, 10, 6),
                                until=date(2020, 10, 7))
    assert [d.start for d in result.days] == [date(2020, 10, 6), date(2020, 10, 7)]
    assert result.total.event_ids == ("e3", "e4", "e5", "e6")
    assert result.days[0].event_ids == ("e3", "e4")


def test_before_the_case_starts_the_picture_is_empty():
    result = compute_indicators(sample_events(), CTX, until=date(2020, 9, 1))
    assert result.days == () and result.total.events == 0
    assert result.total.peak_crowd.low is None and result.total.killed.low == 0


def test_every_rule_indicator_has_a_value():
    assert set(VALUES) == set(CASE_INDICATORS)
    for name in CASE_INDICATORS:
        indicator_value(_whole(), name)


def test_seizure_needs_a_state_building_and_storming_in_one_sentence():
    assert says_seizure("Протестующие захватили здание парламента.")
    assert says_seizure("Crowds broke into the presidential administration overnight.")
    assert not says_seizure("Crowds stormed a shop. The parliament met later.")
    assert not says_seizure("The parliament met on Tuesday.")


def test_credibility_grows_with_independent_outlets_and_more_across_blocs():
    from .analysis_samples import event

    one = CTX.credibility(event("c1", 5, outlets=("home-wire",)))  # B
    same_bloc = CTX.credibility(event("c2", 5, outlets=("home-wire", "home-daily")))  # B + C
    across = CTX.credibility(event("c3", 5, outlets=("home-wire", "moscow-news")))  # B + C
    assert one == 0.8
    assert same_bloc == round(1 - 0.2 * (1 - 0.65 / 2), 4)
    assert across == round(1 - 0.2 * 0.35, 4)
    assert one < same_bloc < across
    assert CTX.credibility(event("c4", 5, outlets=())) == 0.5
