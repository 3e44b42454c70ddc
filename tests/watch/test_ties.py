"""Ties proposed from coded events: each rule on made-up events of a made-up country."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.model import Actor, Case, Claim, Event, ProposedTie, Tie
from sitroom.watch.actor_names import ActorIndex
from sitroom.watch.ties import propose_ties

D = date.fromisoformat

ACTORS = (
    Actor("head", "Aibek Head", "person", ("Head", "Айбек Хедов"), country="AAA"),
    Actor("rival", "Bakyt Rival", "person", ("Rival", "Бакыт Ривалов"), country="AAA"),
    Actor("third", "Chyngyz Third", "person", ("Third",), country="AAA"),
    Actor("party", "Rival Party", "party", country="AAA"),
    Actor("office", "Office of the President", "state-body", country="AAA", inter=1),
    Actor("cabinet", "Cabinet", "state-body", ("Government of Aland",), country="AAA"),
    Actor("crowd", "Protesters (Aland)", "group", ("protesters",), country="AAA", inter=6),
    Actor("bigstate", "Bigland", "foreign-state", ("Бигландия",), country="BBB", inter=8),
    Actor("bigco", "Big Mining", "company", country="BBB"),
    Actor("mine", "North mine", "asset", country="AAA"),
)
TIES = (
    Tie("head", "president", "office", start=D("2018-01-01")),
    Tie("third", "prime_minister", "cabinet", start=D("2019-01-01")),
    Tie("rival", "leads", "party"),
    Tie("rival", "opposes", "head"),
    Tie("rival", "imprisoned", "", start=D("2019-05-01")),
    Tie("bigco", "owns", "mine"),
)
CASE = Case("aland", "Aland", ("AAA",), start=D("2020-01-01"), actors=ACTORS, ties=TIES)


def _event(n: int, day: str, text: str, **fields) -> tuple[Event, Claim]:
    claim = Claim(doc_id=f"r{n}", event_date=D(day), time_precision=1, event_type=None,
                  sub_event_type=None, evidence=text, confidence=0.8, id=f"c{n}")
    event = Event(id=f"ev-{n}", claim_ids=(claim.id,), event_date=D(day), time_precision=1,
                  event_type=fields.pop("event_type", None),
                  sub_event_type=fields.pop("sub_event_type", None), **fields)
    return event, claim


def _propose(*pairs, accepted=(), case=CASE):
    events = [e for e, _ in pairs]
    claims = {c.id: c for _, c in pairs}
    return propose_ties(case, events, claims, accepted)


def _what(proposals):
    return {(p.source, p.relation, p.target, p.ends) for p in proposals}


def test_freed_by_supporters_supports_and_ends_custody():
    out = _propose(_event(1, "2020-02-03", "Protesters stormed the jail overnight and freed "
                                           "Bakyt Rival, the opposition leader.",
                          political_event="release_from_custody", actor1="Rioters (Aland)",
                          inter1=5))
    assert _what(out) == {("crowd", "supports", "rival", False),
                          ("rival", "imprisoned", "", True)}
    support = next(p for p in out if p.relation == "supports")
    assert support.start == D("2020-02-03") and support.event_ids == ("ev-1",)
    assert support.report_ids == ("r1",) and 0 < support.confidence < 1
    assert support.evidence[0].startswith("Protesters stormed")
    ends = next(p for p in out if p.ends)
    assert ends.start == D("2019-05-01") and ends.end == D("2020-02-03")


def test_a_person_named_beside_the_release_is_not_the_one_freed():
    out = _propose(_event(2, "2020-02-04", "Prime Minister Chyngyz Third resigned on Tuesday, "
                                           "and deputies named Bakyt Rival, freed from prison "
                                           "by protesters hours earlier.",
                          political_event="release_from_custody"))
    assert ("crowd", "supports", "rival", False) in _what(out)
    assert not any(p.target == "third" for p in out)


def test_talks_with_all_sides_means_every_camp_leader():
    out = _propose(_event(3, "2020-02-05", "Bigland said it held talks with all sides.",
                          plover_type="CONSULT", political_event="foreign_government_statement",
                          actor1="Bigland", inter1=8))
    assert _what(out) == {("bigstate", "negotiates_with", "head", False),
                          ("bigstate", "negotiates_with", "rival", False)}


def test_talks_named_in_russian_with_inflected_names():
    out = _propose(_event(4, "2020-02-06", "Посланник Бигландии провёл переговоры с "
                                           "Бакытом Ривалов и другими политиками.",
                          plover_type="CONSULT", actor1="Office of the President"))
    assert _what(out) == {("bigstate", "negotiates_with", "rival", False)}


def test_concern_after_attacks_on_property_owned_from_that_country():
    attack = _event(5, "2020-02-06", "A crowd attacked a foreign-owned mine camp.",
                    event_type="Riots", sub_event_type="Mob violence",
                    target_owner_iso3="BBB")
    statement = _event(6, "2020-02-07", "Bigland urged the authorities to protect the safety "
                                        "of its citizens and companies.",
                       political_event="foreign_government_statement", plover_type="REQUEST",
                       actor1="Government of Bigland")
    out = _propose(attack, statement)
    assert _what(out) == {("bigstate", "concerned_about", "bigco", False)}
    p = out[0]
    assert p.event_ids == ("ev-6",) and set(p.report_ids) == {"r5", "r6"}
    assert "ev-5" in p.note
    # a statement with no attack on its owners' property is no concern about them
    assert _propose(statement) == []


def test_appointment_then_resignation():
    appointed = _event(7, "2020-02-08", "Parliament appointed Bakyt Rival prime minister.",
                       political_event="appointment", actor1="Parliament", actor2="Bakyt Rival")
    quit_ = _event(8, "2020-02-09", "President Aibek Head resigned.",
                   political_event="resignation", actor1="Aibek Head")
    out = _propose(appointed, quit_)
    assert _what(out) == {("rival", "prime_minister", "cabinet", False),
                          ("head", "president", "office", True)}
    end = next(p for p in out if p.ends)
    assert (end.start, end.end) == (D("2018-01-01"), D("2020-02-09"))


def test_what_the_case_already_says_is_not_proposed():
    """Third is prime minister since 2019: a report of his appointment adds nothing."""
    out = _propose(_event(9, "2020-02-10", "Chyngyz Third was appointed prime minister again.",
                          political_event="appointment", actor1="Chyngyz Third"))
    assert out == []


def test_supporters_of_a_person():
    out = _propose(_event(10, "2020-02-11", "Several thousand supporters of Bakyt Rival "
                                            "rallied; Aibek Head called on politicians to take "
                                            "their supporters home.",
                          event_type="Protests", actor1="Protesters (Aland)", inter1=6))
    assert _what(out) == {("crowd", "supports", "rival", False)}


def test_arrest_makes_a_prisoner():
    out = _propose(_event(11, "2020-02-12", "Police detained Chyngyz Third.",
                          sub_event_type="Arrests", actor1="Police Forces of Aland",
                          actor2="Chyngyz Third"))
    assert _what(out) == {("third", "imprisoned", "", False)}


def test_same_events_same_ids_and_accepted_ties_are_not_proposed_again():
    pair = _event(12, "2020-02-13", "Protesters freed Bakyt Rival.",
                  political_event="release_from_custody", actor1="Protesters (Aland)", inter1=6)
    first, again = _propose(pair), _propose(pair)
    assert [p.id for p in first] == [p.id for p in again]
    accepted = [ProposedTie(**{**p.__dict__, "status": "accepted"}) for p in first]
    assert _propose(pair, accepted=accepted) == []


def test_rejected_events_propose_nothing():
    event, claim = _event(13, "2020-02-14", "Protesters freed Bakyt Rival.",
                          political_event="release_from_custody", actor1="Protesters (Aland)")
    rejected = Event(**{**event.__dict__, "status": "rejected"})
    assert propose_ties(CASE, [rejected], {claim.id: claim}) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Sadyr Japarov", "japarov-like"), ("Rioters (Aland)", "crowd"),
    ("Government of Bigland", "bigstate"), ("Unknown Body", None),
])
def test_event_actor_fields_resolve_to_case_actors(text, expected):
    index = ActorIndex.build((*ACTORS, Actor("japarov-like", "Sadyr Japarov", "person")),
                             ("AAA",))
    assert index.resolve(text) == expected


def test_short_capital_aliases_match_only_in_capitals():
    index = ActorIndex.build([Actor("usa", "United States", "foreign-state", ("US",), "USA")])
    assert [m.actor for m in index.mentions("The US said; it told us nothing")] == ["usa"]


@pytest.mark.parametrize("text", [
    "President Aibek Head said he will resign after new elections are called.",
    "Айбек Хедов заявил, что уйдёт в отставку после того, как назначат выборы.",
])
def test_a_promised_resignation_ends_nothing(text):
    assert _propose(_event(14, "2020-02-15", text, political_event="resignation",
                           actor1="Aibek Head")) == []


def test_an_appointment_not_yet_signed_is_none():
    assert _propose(_event(15, "2020-02-16", "President Aibek Head has not yet signed the decree "
                                             "appointing Bakyt Rival prime minister.",
                           political_event="appointment", actor2="Bakyt Rival")) == []
